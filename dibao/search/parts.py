"""Build one part of the archive (for example one year): the raw counts lunr would keep.

lunr's builder keeps, per term and field, the docs and term frequencies, per
doc and field the token count, and numbers terms in order of first
appearance.  BM25 weights depend on archive-wide statistics, so the browser
recomputes them from these counts and the manifest's totals, exactly as
lunr's builder would on one index over the whole archive.  They are computed
here directly (lunr.py is ~10x slower and is kept as the test oracle in
``reference.py``).

A part also indexes every pair of adjacent word characters ("grams") of each
field with its left and right neighbour, which lets the browser check that a
multi-term query occurs as typed by fetching only the rarest pairs of it.

Fragments are JSON text without the part's number (it changes when parts are
added), so a cached part can be reused as it is.
"""
from __future__ import annotations

import functools
import json
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from dibao.search.docs import FIELDS, SearchDoc, field_texts
from dibao.search.tokens import term_lists


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


def load_word_class(folder: Path) -> None:
    """Read the word class from ``folder`` (a build cache), writing it there first if missing.

    Building it walks every code point (~0.5 s), which a build that counts one small part
    should not pay every time."""
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


_WORD_CLASS: str | None = None


@functools.lru_cache(maxsize=1)
def word_patterns() -> tuple[re.Pattern, re.Pattern]:
    """(one non-word character, a run of two or more non-EDGE characters); built once per process."""
    word = _WORD_CLASS or _word_class()
    return re.compile("[^" + word[1:]), re.compile(f"[^{EDGE}]{{2,}}")

#: Context character for "no word character there" (start or end of a run).
EDGE = " "


@dataclass(frozen=True)
class PartData:
    """One part, ready to be merged with the others into shards (picklable build cache)."""

    key: str  #: part key, e.g. ``2025``
    n: int  #: docs in the part
    sums: tuple[int, ...]  #: summed token counts per field
    #: term -> (lunr term index in the part, JSON of the per-field [doc delta, tf, …] lists or tf columns)
    postings: dict
    #: gram -> (occurrences, JSON of [field, [doc delta, count, position deltas…], contexts, …])
    grams: dict
    stats: dict  #: per-doc field lengths and facet codes (``p/<key>/s.js``)
    records: list  #: display record per doc
    text: str  #: every body, concatenated in doc order (snippet chunks)


def _dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _count_terms(docs: Sequence[SearchDoc]):
    """(term -> [index, per-field [(doc, tf)]], per-doc field lengths), in lunr's term order."""
    postings: dict[str, list] = {}
    lengths = []
    nf = len(FIELDS)
    for local, doc in enumerate(docs):
        doc_lengths = []
        for f, text in enumerate(field_texts(doc)):
            terms, _starts = term_lists(text)
            doc_lengths.append(len(terms))
            for term, tf in Counter(terms).items():
                entry = postings.get(term)
                if entry is None:
                    entry = postings[term] = [len(postings)] + [[] for _ in range(nf)]
                entry[f + 1].append((local, tf))
        lengths.append(doc_lengths)
    return postings, lengths


def _posting_fragment(per_field, n: int) -> str:
    """Per field ``[doc delta, tf, …]``, or, when a third of the part's ``n`` docs or more hold the term
    (and every tf fits one digit), a column of ``n`` base-64 digits: each doc's tf, ``0`` when absent.

    A column is ~15 % smaller gzipped for the common characters whose postings are the biggest."""
    flat_fields = []
    for hits in per_field:
        if 3 * len(hits) >= n and all(tf < len(DIGITS) for _local, tf in hits):
            column = ["0"] * n
            for local, tf in hits:
                column[local] = DIGITS[tf]
            flat_fields.append("".join(column))
            continue
        flat, prev = [], 0
        for local, tf in hits:
            flat += (local - prev, tf)
            prev = local
        flat_fields.append(flat)
    return _dump(flat_fields)[1:-1]


def _collect_grams(docs: Sequence[SearchDoc]) -> tuple[dict, list]:
    """(gram -> ascending codes ``(doc * 4 + field) << 21 | position``, masked field texts).

    A masked text is the lowercased field text with every non-word character
    replaced by ``EDGE``; one int per occurrence keeps this loop and its memory small.
    """
    grams: dict[str, list[int]] = {}
    get = grams.get
    nonword, pairs = word_patterns()
    masked_texts = []
    for local, doc in enumerate(docs):
        masked_fields = []
        for f, text in enumerate(field_texts(doc)):
            masked = nonword.sub(EDGE, text.lower())
            masked_fields.append(masked)
            code = (local * 4 + f) << 21
            for match in pairs.finditer(masked):
                for i in range(match.start(), match.end() - 1):
                    gram = masked[i : i + 2]
                    hits = get(gram)
                    if hits is None:
                        grams[gram] = [code | i]
                    else:
                        hits.append(code | i)
        masked_texts.append(masked_fields)
    return grams, masked_texts


def _gram_fragment(codes: list[int], masked_texts: list) -> tuple[int, str]:
    """(occurrences, JSON of [field, [doc delta, count, position deltas…], contexts, …])."""
    by_field: list[list[int]] = [[] for _ in FIELDS]
    for code in codes:
        by_field[(code >> 21) & 3].append(code)
    parts = []
    for f, hits in enumerate(by_field):
        if not hits:
            continue
        contexts = []
        for code in hits:
            local, pos = code >> 23, code & 0x1FFFFF
            text = masked_texts[local][f]
            contexts.append((text[pos - 1] if pos else EDGE) + (text[pos + 2] if pos + 2 < len(text) else EDGE))
        parts += (f, _doc_runs(hits), "".join(contexts))
    return len(codes), _dump(parts)[1:-1]


def _doc_runs(codes: list[int]) -> list[int]:
    """[doc delta, count, position deltas…] per doc, from one field's ascending codes."""
    flat: list[int] = []
    prev_doc, count_at, prev_pos, current = 0, -1, 0, -1
    for code in codes:
        local, pos = code >> 23, code & 0x1FFFFF
        if local != current:
            flat += (local - prev_doc, 0)
            count_at, prev_doc, current, prev_pos = len(flat) - 1, local, local, 0
        flat[count_at] += 1
        flat.append(pos - prev_pos)
        prev_pos = pos
    return flat


#: Digits of packed columns (the browser decodes them with the same alphabet).
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"


def packed(values: Sequence[int]) -> dict:
    """Non-negative ints as fixed-width base-64 digits above their minimum: ~30 % smaller gzipped than JSON."""
    low = min(values, default=0)
    width = 1
    while len(DIGITS) ** width <= max(values, default=0) - low:
        width += 1
    digits = []
    for value in values:
        value -= low
        digits.append("".join(DIGITS[(value >> (6 * k)) & 63] for k in reversed(range(width))))
    return {"o": low, "w": width, "s": "".join(digits)}


def _facet(values_per_doc) -> tuple[list[str], list[list[int]], dict]:
    """(value table, table of value combinations, packed combination number per doc)."""
    table = sorted({v for values in values_per_doc for v in values})
    index = {v: i for i, v in enumerate(table)}
    combos = sorted({tuple(index[v] for v in values) for values in values_per_doc})
    number = {c: i for i, c in enumerate(combos)}
    return table, [list(c) for c in combos], packed([number[tuple(index[v] for v in values)] for values in values_per_doc])


def doc_stats(docs: Sequence[SearchDoc], lengths) -> dict:
    """What scoring and facets need for every doc of a part (one packed column per field)."""
    regions, region_combos, region_codes = _facet([d.regions for d in docs])
    themes, theme_combos, theme_codes = _facet([d.themes for d in docs])
    years = [d.year for d in docs]
    return {
        "n": len(docs),
        **{f"l{i}": packed([row[i] for row in lengths]) for i in range(len(FIELDS))},
        "rt": regions,
        "rc": region_combos,
        "r": region_codes,
        "tt": themes,
        "tc": theme_combos,
        "t": theme_codes,
        "y": years[0] if len(set(years)) == 1 else years,
    }


def display_records(docs: Sequence[SearchDoc]) -> tuple[list, str]:
    """(records, concatenated bodies): a record is [id, url, title, date, body start, body length, summary].

    Offsets count code points.  The summary is kept only when there is no body
    to take a snippet from.
    """
    records, at = [], 0
    for doc in docs:
        body = doc.body or ""
        records.append([doc.id, doc.ref, doc.title, doc.date, at, len(body), "" if body else doc.summary])
        at += len(body)
    return records, "".join(d.body or "" for d in docs)


def build_part(key: str, docs: Sequence[SearchDoc]) -> PartData:
    """Index one part's docs (already in their final order)."""
    counted, lengths = _count_terms(docs)
    postings = {term: (entry[0], _posting_fragment(entry[1:], len(docs))) for term, entry in counted.items()}
    collected, masked_texts = _collect_grams(docs)
    grams = {gram: _gram_fragment(codes, masked_texts) for gram, codes in collected.items()}
    records, text = display_records(docs)
    sums = tuple(sum(row[i] for row in lengths) for i in range(len(FIELDS)))
    return PartData(key, len(docs), sums, postings, grams, doc_stats(docs, lengths), records, text)
