"""Build one part of the archive (for example one year) with lunr.

A part is an ordinary lunr index over its articles, built with empty
pipelines and our tokenizer.  Its field vectors are never used: BM25 weights
depend on corpus-wide statistics (document count, document frequency, average
field length), so the browser recomputes them from the raw counts kept here
and the totals in the manifest, exactly as lunr's builder would on one index
over the whole archive.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Sequence

import lunr.builder
from lunr.field_ref import FieldRef

from dibao.search.docs import FIELDS, SearchDoc, field_texts
from dibao.search.tokens import tokenize, utf16_key


class TokenBuilder(lunr.builder.Builder):
    """lunr's builder fed with our own tokens (lunr.py hard-wires its tokenizer)."""

    def __init__(self) -> None:
        super().__init__()
        for name, boost in FIELDS:
            self.field(name, boost)
        self.metadata_whitelist = ["position"]

    def add_doc(self, ref: str, doc: SearchDoc) -> None:
        """Mirror of ``Builder.add`` (lunr.py 0.8) with ``tokenize`` for every field."""
        self._documents[ref] = {}
        self.document_count += 1
        for (name, _boost), text in zip(FIELDS, field_texts(doc)):
            tokens = tokenize(text)
            field_ref = str(FieldRef(ref, name))
            field_terms: dict[str, int] = defaultdict(int)
            self.field_term_frequencies[field_ref] = field_terms
            self.field_lengths[field_ref] = len(tokens)
            for term, start in tokens:
                field_terms[term] += 1
                posting = self.inverted_index.get(term)
                if posting is None:
                    posting = {f: {} for f in self._fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                    self.inverted_index[term] = posting
                posting[name].setdefault(ref, {"position": []})["position"].append(start)


@dataclass(frozen=True)
class PartIndex:
    """The raw counts of one part, ready to be written as shards."""

    key: str  #: part key, e.g. ``2025``
    docs: tuple[SearchDoc, ...]  #: in index order
    lengths: tuple[tuple[int, ...], ...]  #: token count of each field, per doc
    terms: tuple[str, ...]  #: in UTF-16 order
    #: term -> (lunr term index, per field: ((local doc, (positions…)), …))
    postings: dict


def part_ref(key: str, local: int) -> str:
    """lunr ref of a doc inside a part: never integer-like, so JS keeps insertion order."""
    return f"{key}:{local}"


def build_part(key: str, docs: Sequence[SearchDoc]) -> PartIndex:
    """Index one part's docs (already in their final order)."""
    builder = TokenBuilder()
    for local, doc in enumerate(docs):
        builder.add_doc(part_ref(key, local), doc)
    names = [name for name, _ in FIELDS]
    lengths = tuple(
        tuple(builder.field_lengths[str(FieldRef(part_ref(key, i), n))] for n in names) for i in range(len(docs))
    )
    postings = {}
    for term, posting in builder.inverted_index.items():
        per_field = tuple(
            tuple((int(ref.rsplit(":", 1)[1]), tuple(meta["position"])) for ref, meta in posting[n].items())
            for n in names
        )
        postings[term] = (posting["_index"], per_field)
    terms = tuple(sorted(postings, key=utf16_key))
    return PartIndex(key, tuple(docs), lengths, terms, postings)
