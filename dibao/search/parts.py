"""One part of the archive (a month): its docs' counts merged into one piece per key.

A piece lists the part's docs holding the key, one record per doc, in doc order:

    varint(local - previous local - 1)   the first record: local + 0 (previous = -1)
    byte: low nibble = fields where it is a term, high nibble = fields where it is a gram
    per field in order: varint(term frequency) if a term there, then a mask byte if a gram there

Records are appended, never rewritten: an issue added at the end of its month (the usual add)
appends its docs' records to the pieces of the keys it holds and leaves every other piece as it
was, so the add's work follows the issue.  Any other change to a part (an edit, a removal, an issue
inserted before others of its month) merges the part again from its docs' cached counts.
Pieces carry no part number (it changes when parts are added), so a cached part is reused as it is.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from dibao.search.codec import varint
from dibao.search.counting import DocCounts, count_doc
from dibao.search.docs import FIELDS, SearchDoc

#: Entry flags: the key is a term somewhere (its entry starts with lunr's term order), a gram somewhere.
TERM, GRAM = 1, 2
NO_COUNTS = (0,) * len(FIELDS)  #: a key that is no term (or no gram) of a doc
assert len(FIELDS) == 4, "PartData._record unrolls the four fields"


@dataclass
class PartData:
    """One part's merged counts (pickled in the build cache)."""

    key: str  #: part key, e.g. ``2025-03``
    digests: list = field(default_factory=list)  #: per doc, in order: its digest
    lengths: list = field(default_factory=list)  #: per doc: tokens per field
    pieces: dict = field(default_factory=dict)  #: key -> bytearray of records
    lasts: dict = field(default_factory=dict)  #: key -> local number of its piece's last doc
    flags: dict = field(default_factory=dict)  #: key -> TERM | GRAM
    terms: dict = field(default_factory=dict)  #: term -> lunr term index in the part (first appearance)

    @property
    def n(self) -> int:
        return len(self.digests)

    @property
    def sums(self) -> tuple[int, ...]:
        return tuple(sum(row[i] for row in self.lengths) for i in range(len(FIELDS)))

    def append(self, digest: str, counts: DocCounts) -> set[str]:
        """Add one doc after the part's last; returns the keys whose pieces changed (all it holds)."""
        local = len(self.digests)
        self.digests.append(digest)
        self.lengths.append(counts.lengths)
        terms, grams, record = self.terms, counts.grams, self._record
        for term, tfs in counts.terms.items():
            if term not in terms:
                terms[term] = len(terms)
            masks = grams.get(term)
            record(term, local, tfs, masks, TERM | GRAM if masks else TERM)
        for gram, masks in grams.items():
            if gram not in counts.terms:
                record(gram, local, None, masks, GRAM)
        return counts.terms.keys() | grams.keys()

    def _record(self, key: str, local: int, tfs, masks, kind: int) -> None:
        # the hot loop of a build (one call per key of every doc): fields and small numbers unrolled
        piece = self.pieces.get(key)
        if piece is None:
            piece = self.pieces[key] = bytearray()
            gap = local
            self.flags[key] = kind
        else:
            gap = local - self.lasts[key] - 1
            self.flags[key] |= kind
        self.lasts[key] = local
        if gap < 0x80:
            piece.append(gap)
        else:
            varint(gap, piece)
        t0, t1, t2, t3 = tfs if tfs is not None else NO_COUNTS
        m0, m1, m2, m3 = masks if masks is not None else NO_COUNTS
        piece.append((t0 > 0) | (t1 > 0) << 1 | (t2 > 0) << 2 | (t3 > 0) << 3
                     | (m0 > 0) << 4 | (m1 > 0) << 5 | (m2 > 0) << 6 | (m3 > 0) << 7)
        for tf, mask in ((t0, m0), (t1, m1), (t2, m2), (t3, m3)):
            if tf:
                if tf < 0x80:
                    piece.append(tf)
                else:
                    varint(tf, piece)
            if mask:
                piece.append(mask)

    def extend(self, other: "PartData") -> None:
        """Add the docs of ``other`` (counted apart: a run of docs that follows this part's last)."""
        start = self.n
        self.digests += other.digests
        self.lengths += other.lengths
        for term in other.terms:
            if term not in self.terms:
                self.terms[term] = len(self.terms)
        for key, piece in other.pieces.items():
            first, at = read_varint(piece, 0)
            mine = self.pieces.get(key)
            if mine is None:
                mine = self.pieces[key] = bytearray()
                previous = -1
                self.flags[key] = other.flags[key]
            else:
                previous = self.lasts[key]
                self.flags[key] |= other.flags[key]
            varint(start + first - previous - 1, mine)
            mine += memoryview(piece)[at:]
            self.lasts[key] = start + other.lasts[key]


def read_varint(data, at: int) -> tuple[int, int]:
    """(value, next offset) of the LEB128 varint at ``at``."""
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, at
        shift += 7


def counted(job: tuple[str, Sequence[tuple[str, SearchDoc]]]) -> PartData:
    """A run of docs (digest, doc) counted and merged: a part, or a stretch of one (``extend``)."""
    key, docs = job
    part = PartData(key)
    for digest, doc in docs:
        part.append(digest, count_doc(doc))
    return part
