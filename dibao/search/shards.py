"""Write one part's shards: postings, positions, per-doc stats and display records.

Every file is a script calling ``window.__dibaoSearch(key, data)``, so the
browser can load it with a ``<script>`` element, which works from ``file://``
where ``fetch()`` of local files is refused.
"""
from __future__ import annotations

import json
from pathlib import Path

from dibao.search.parts import PartIndex

#: Target size (characters of JSON) of one postings file; a big term gets a file of its own.
POSTINGS_TARGET = 6000


def jsonp(key: str, data) -> str:
    """The text of one shard file."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return f"window.__dibaoSearch({json.dumps(key)},{body});\n"


def write_text(path: Path, text: str) -> None:
    """Write only when the bytes change, so an unchanged part keeps its files untouched."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def _deltas(values) -> list[int]:
    out, prev = [], 0
    for v in values:
        out.append(v - prev)
        prev = v
    return out


def _entry(index: int, per_field) -> tuple[list, list]:
    """(postings entry, positions entry) of one term: doc ids delta-coded, positions delta-coded."""
    post, pos = [index], []
    for docs in per_field:
        flat, prev = [], 0
        for local, positions in docs:
            flat += [local - prev, len(positions)]
            prev = local
        post.append(flat)
        pos.append([_deltas(p) for _, p in docs])
    return post, pos


def group_terms(part: PartIndex) -> list[list[tuple[str, list, list]]]:
    """Consecutive terms packed into files of about ``POSTINGS_TARGET`` characters."""
    groups, current, size = [], [], 0
    for term in part.terms:
        post, pos = _entry(*part.postings[term])
        cost = len(term) + len(json.dumps(post, separators=(",", ":")))
        if current and size + cost > POSTINGS_TARGET:
            groups.append(current)
            current, size = [], 0
        current.append((term, post, pos))
        size += cost
    if current:
        groups.append(current)
    return groups


def _codes(values_per_doc) -> tuple[list[str], list[list[int]]]:
    table = sorted({v for values in values_per_doc for v in values})
    index = {v: i for i, v in enumerate(table)}
    return table, [[index[v] for v in values] for values in values_per_doc]


def doc_stats(part: PartIndex) -> dict:
    """What scoring and facets need for every doc of the part."""
    regions, region_codes = _codes([d.regions for d in part.docs])
    themes, theme_codes = _codes([d.themes for d in part.docs])
    years = [d.year for d in part.docs]
    return {
        "n": len(part.docs),
        "len": [n for lengths in part.lengths for n in lengths],
        "rt": regions,
        "r": region_codes,
        "tt": themes,
        "t": theme_codes,
        "y": years[0] if len(set(years)) == 1 else years,
    }


def display_record(doc) -> dict:
    """What a result line shows; fetched only for shown results."""
    return {
        "id": doc.id,
        "url": doc.ref,
        "title": doc.title,
        "date": doc.date,
        "regions": list(doc.regions),
        "themes": list(doc.themes),
        "summary": doc.summary,
        "body": doc.body,
    }


def write_part(part: PartIndex, out_dir: Path, prefix: str) -> dict[str, int]:
    """Write the part under ``out_dir/prefix``; return term -> postings file number."""
    files: dict[str, int] = {}
    for number, group in enumerate(group_terms(part)):
        write_text(out_dir / f"{prefix}/t{number}.js", jsonp(f"{prefix}/t{number}", {t: p for t, p, _ in group}))
        write_text(out_dir / f"{prefix}/x{number}.js", jsonp(f"{prefix}/x{number}", {t: x for t, _, x in group}))
        files.update((t, number) for t, _, _ in group)
    write_text(out_dir / f"{prefix}/docs.js", jsonp(f"{prefix}/docs", doc_stats(part)))
    for local, doc in enumerate(part.docs):
        write_text(out_dir / f"{prefix}/d/{local}.js", jsonp(f"{prefix}/d/{local}", display_record(doc)))
    return files
