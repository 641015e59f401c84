"""What the browser shows and counts besides the index: per-doc stats and the excerpt files.

``s/<group>`` (a year of monthly parts): per part, the docs' field lengths (BM25 needs them for
every candidate), their region and theme combinations and years (facets), and where each excerpt
file starts.  ``e/<part>/<first doc>``: consecutive docs of a part, ~``EXCERPT_CHARS`` of body text
in all, each as [id, url, title, date, body or else summary]: a shown result's record and its whole
body in one fetch, so its snippet is cut where the query first occurs, in the query's last wave.
"""
from __future__ import annotations

import re
from typing import Sequence

from dibao.search.codec import text_payload
from dibao.search.docs import FIELDS, SearchDoc

#: Body characters an excerpt file aims at (docs/search-format.md: the files a query reads
#: against the files on disk).
EXCERPT_CHARS = 3400
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


def excerpt_starts(docs: Sequence[SearchDoc]) -> list[int]:
    """First doc of each excerpt file: consecutive docs until their text passes ``EXCERPT_CHARS``.

    A doc's start depends only on the docs before it: docs appended to a part leave every earlier
    file as it was but the last."""
    starts, size = [], EXCERPT_CHARS
    for local, doc in enumerate(docs):
        if size >= EXCERPT_CHARS:
            starts.append(local)
            size = 0
        size += len(doc.body or doc.summary) + len(doc.title) + 20
    return starts


def excerpt_files(key: str, docs: Sequence[SearchDoc], starts: list[int]) -> dict[str, bytes]:
    """Payload of each excerpt file of a part, by name."""
    bounds = starts + [len(docs)]
    return {f"e/{key}/{start}": text_payload([[d.id, d.ref, d.title, d.date, d.body or d.summary] for d in docs[start:end]])
            for start, end in zip(bounds, bounds[1:])}


def stats_group(key: str) -> str:
    """The stats file of a part: its year for monthly parts (one file, not twelve, for a query's facets)."""
    return key[:4] if re.fullmatch(r"\d{4}-\d{2}", key) else key
