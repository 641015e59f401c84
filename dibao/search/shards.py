"""Write one part's shards: postings, positions, per-doc stats and display records.

Every file is a script calling ``window.__dibaoSearch(key, data)``, so the
browser can load it with a ``<script>`` element, which works from ``file://``
where ``fetch()`` of local files is refused.
"""
from __future__ import annotations

import json
from pathlib import Path

from dibao.search.docs import FIELDS
from dibao.search.parts import PartIndex

#: Target size (characters of JSON) of one postings file; a big term gets a file of its own.
POSTINGS_TARGET = 2000
#: Target size of one positions file.
POSITIONS_TARGET = 3000
#: Characters of body text per snippet piece.
PIECE = 400


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


def _packed(items: list[tuple[str, object]], target: int) -> list[list[tuple[str, object]]]:
    """Consecutive (term, entry) pairs packed into files of about ``target`` characters."""
    groups, current, size = [], [], 0
    for term, entry in items:
        cost = len(term) + len(json.dumps(entry, separators=(",", ":")))
        if current and size + cost > target:
            groups.append(current)
            current, size = [], 0
        current.append((term, entry))
        size += cost
    return groups + [current] if current else groups


def group_terms(part: PartIndex) -> tuple[list, list]:
    """(postings files, positions files), each a list of [(term, entry)], packed separately.

    Positions are much bigger than postings and needed only for multi-term
    queries, so they get their own packing: a query then loads little besides
    the positions of its own terms.
    """
    entries = [(term, _entry(*part.postings[term])) for term in part.terms]
    posts = _packed([(t, e[0]) for t, e in entries], POSTINGS_TARGET)
    positions = _packed([(t, e[1]) for t, e in entries], POSITIONS_TARGET)
    return posts, positions


def _codes(values_per_doc) -> tuple[list[str], list]:
    """Value table and, per doc, one code (one value) or a list of codes."""
    table = sorted({v for values in values_per_doc for v in values})
    index = {v: i for i, v in enumerate(table)}
    codes = [[index[v] for v in values] for values in values_per_doc]
    return table, [c[0] if len(c) == 1 else c for c in codes]


def doc_stats(part: PartIndex) -> dict:
    """What scoring and facets need for every doc of the part."""
    regions, region_codes = _codes([d.regions for d in part.docs])
    themes, theme_codes = _codes([d.themes for d in part.docs])
    years = [d.year for d in part.docs]
    return {
        "n": len(part.docs),
        # One column per field: columns compress better than rows.
        **{f"l{i}": [lengths[i] for lengths in part.lengths] for i in range(len(FIELDS))},
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
        "pieces": len(body_pieces(doc.body)),
    }


def body_pieces(body: str) -> list[str]:
    """The body in pieces of ``PIECE`` characters: a snippet loads only the pieces up to its match."""
    return [body[i : i + PIECE] for i in range(0, len(body), PIECE)]


def write_part(part: PartIndex, out_dir: Path, prefix: str) -> dict[str, list[int]]:
    """Write the part under ``out_dir/prefix``; return term -> [postings file, positions file]."""
    files: dict[str, list[int]] = {}
    posts, positions = group_terms(part)
    for letter, groups in (("t", posts), ("x", positions)):
        for number, group in enumerate(groups):
            key = f"{prefix}/{letter}{number}"
            write_text(out_dir / f"{key}.js", jsonp(key, dict(group)))
            for term, _entry in group:
                files.setdefault(term, []).append(number)
    write_text(out_dir / f"{prefix}/docs.js", jsonp(f"{prefix}/docs", doc_stats(part)))
    for local, doc in enumerate(part.docs):
        write_text(out_dir / f"{prefix}/d/{local}.js", jsonp(f"{prefix}/d/{local}", display_record(doc)))
        for number, piece in enumerate(body_pieces(doc.body)):
            key = f"{prefix}/d/{local}-{number}"
            write_text(out_dir / f"{key}.js", jsonp(key, piece))
    return files
