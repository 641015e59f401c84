"""What one article brings to the index: its terms with their frequencies, its grams with their masks.

lunr's builder keeps, per term and field, the docs and term frequencies, per doc and field the token
count, and numbers terms in order of first appearance.  BM25 weights depend on archive-wide
statistics, so the browser recomputes them from these counts and the manifest's totals, exactly as
lunr's builder would on one index over the whole archive (``reference.py`` is the lunr oracle).

Every pair of adjacent word characters ("gram") of each field is kept too, with a mask of its
positions modulo ``MASK``: the browser checks that a query's grams line up in one field, which is
how a multi-term query is found as typed without positions.  A doc is counted once and its counts
are cached by its digest (``parts.py``), so adding an issue counts only the issue.
"""
from __future__ import annotations

import functools
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from dibao.search.docs import FIELDS, SearchDoc, field_texts
from dibao.search.tokens import char_class, term_lists

#: Positions are kept modulo this, as one bit of a mask per doc and field: two grams of a query are
#: adjacent in a doc only if some bit lines up (``aligned`` in ``search.js``).  With the grams of every
#: adjacent pair of a query's characters, 8 bits gave 99.2 % precision on 600 random real-text queries
#: (16: 99.5 %, 32: 99.7 %; doc sets alone: 96.8 %; docs/search-format.md), for a byte a doc and field.
MASK = 8
#: Context character for "no word character there" (start or end of a run).
EDGE = " "
MASK_LOW = MASK - 1  #: MASK is a power of two: position % MASK is position & MASK_LOW
BITS = tuple(1 << k for k in range(MASK))
assert MASK & MASK_LOW == 0


def _word_class() -> str:
    """A regex class of letters, marks and numbers (the browser's ``[\\p{L}\\p{M}\\p{N}]``)."""
    import unicodedata

    ranges, start = [], None
    for cp in range(sys.maxunicode + 2):
        inside = cp <= sys.maxunicode and unicodedata.category(chr(cp))[0] in "LMN"
        if inside and start is None:
            start = cp
        elif not inside and start is not None:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(cp - 1))}")
            start = None
    return "[" + "".join(ranges) + "]"


_WORD_CLASS: str | None = None


def load_word_class(folder: Path) -> None:
    """Read the word class from ``folder`` (a build cache), writing it there first if missing.

    Building it walks every code point (~0.5 s), which a build that counts one issue should not pay."""
    import unicodedata

    global _WORD_CLASS
    path = folder / f"wordclass-{unicodedata.unidata_version}-{sys.maxunicode}.txt"
    try:
        _WORD_CLASS = path.read_text(encoding="utf-8")
    except OSError:
        _WORD_CLASS = _word_class()
        folder.mkdir(parents=True, exist_ok=True)
        path.with_name(f".{path.name}.tmp").write_text(_WORD_CLASS, encoding="utf-8")
        os.replace(path.with_name(f".{path.name}.tmp"), path)


@functools.lru_cache(maxsize=1)
def word_patterns() -> tuple[re.Pattern, re.Pattern]:
    """(one non-word character, a run of two or more word characters); built once per process."""
    word = _WORD_CLASS or _word_class()
    return re.compile("[^" + word[1:]), re.compile(f"[^{EDGE}]{{2,}}")


@functools.lru_cache(maxsize=65536)
def gram_key(pair: str) -> bool:
    """Whether a pair of adjacent word characters gets a gram entry: not when both are Latin letters or
    digits, which only ever form whole-run terms (``2025`` is not found in ``20256``)."""
    return not (char_class(pair[0]) == "latin" and char_class(pair[1]) == "latin")


@dataclass(frozen=True)
class DocCounts:
    """One doc's contribution to the index (picklable: cached by the doc's digest)."""

    lengths: tuple[int, ...]  #: tokens per field, in ``FIELDS`` order
    #: term -> term frequency per field, in order of first appearance (fields in order): lunr's term order
    terms: dict
    grams: dict  #: gram -> mask of its positions modulo ``MASK`` per field


def count_doc(doc: SearchDoc) -> DocCounts:
    """Count one doc's four fields."""
    nonword, pairs = word_patterns()
    nf = len(FIELDS)
    terms: dict[str, list[int]] = {}
    grams: dict[str, list[int]] = {}
    lengths = []
    for f, text in enumerate(field_texts(doc)):
        tokens, _starts = term_lists(text)
        lengths.append(len(tokens))
        for term in tokens:
            tf = terms.get(term)
            if tf is None:
                tf = terms[term] = [0] * nf
            tf[f] += 1
        masked = nonword.sub(EDGE, text.lower())
        for match in pairs.finditer(masked):
            run, at = match.group(), match.start()
            # the run's adjacent pairs, made in C; a position's bit is 1 << (position % MASK)
            for i, gram in enumerate(map(str.__add__, run, run[1:]), at):
                masks = grams.get(gram)
                if masks is None:
                    if not gram_key(gram):
                        continue
                    masks = grams[gram] = [0] * nf
                masks[f] |= BITS[i & MASK_LOW]
    return DocCounts(tuple(lengths), {t: tuple(v) for t, v in terms.items()}, {g: tuple(v) for g, v in grams.items()})
