"""Shard files: the script format the browser fetches by key, its size targets, and writing.

Every file is a script calling ``window.__dibaoSearch(key, data)``, so the
browser can load it with a ``<script>`` element, which works from ``file://``
where ``fetch()`` of local files is refused.  Which keys go in which postings
and gram file is decided in :mod:`.layout` and written by :mod:`.keyfiles`;
this module writes a part's own files (display records, snippet text).
"""
from __future__ import annotations

import os
import json
from pathlib import Path

from dibao.search.parts import PartData

#: Target size (bytes of JSON) of one postings file; a bigger entry gets a file of its own.
POSTINGS_TARGET = 6000
#: Target size of one gram file.
GRAMS_TARGET = 8000
#: Grams seen more often than this have their count in the vocabulary file (the browser
#: picks the rarest grams of a query to check adjacency; unlisted ones are rarer).
COUNTED = 200
#: Grams seen more often than this also get position-free entries (``heavy``): the docs holding them
#: (``h/``) and, per right and per left neighbour, the docs with the other side's neighbours (``r/``,
#: ``l/``), all a run of two to four characters needs (one window covers it).
#: Below it the positional entry is small enough, and its position places the snippet (without
#: one the browser scans the shown articles' text, ~1 KB more each).
HEAVY = 4000
#: Target size of one ``r/`` or ``l/`` file.  Adding an issue to a month changes most of them (a
#: month holds most neighbours of a heavy gram), so they are bigger than gram files: a query
#: fetches one, and their number stays small beside the ``t/`` and ``g/`` files an issue changes.
SPLITS_TARGET = 32000
#: A heavy gram's docs by a neighbour are kept only when the neighbour pair (the gram's other
#: character and the neighbour) is seen more often than this: else a three-character run checks
#: that pair's positions instead (~2.5 KB gzip at most, a fifth of a split file), and half the
#: splits' bytes (half their files, which an added issue mostly rewrites) are never written.  A
#: four-character run then uses the split by its other neighbour, which may be bigger.
SPLIT_MIN = 1000
#: A split whose gram and neighbour pair both occur more than this is common (its other side's
#: neighbours vary: 矛盾 + 纠 has hundreds of left neighbours, ~29 KB gzip): it lists its docs alone,
#: and each of its runs of four characters (gram, neighbour and other neighbour) has an entry of its
#: own, its docs, keyed by the split's key and the other neighbour, which a run of four characters
#: reads instead of every neighbour of every doc of the split (``heavy.HeavyUpdate.fine``).
SPLIT_SUB = 8000
#: What fetching one split file weighs, in positional occurrences (~2.6 bytes gzip each): the file
#: holds ``SPLITS_TARGET`` bytes of JSON (~6.5 KB gzip), whatever the size of the entry a query
#: wants.  The browser prices a split at least this much when it weighs the stretches of a long run
#: against the run's positions (``stretches`` in ``search.js``), shipped in the manifest.
SPLIT_FILE = 2500
#: Display records per file.
RECORDS = 2
#: Code points of body text per snippet file.
CHUNK = 300


def jsonp(key: str, data) -> str:
    """The text of one shard file."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return f"window.__dibaoSearch({json.dumps(key)},{body});\n"


def jsonp_raw(key: str, body: str) -> str:
    """A shard file around already-serialised JSON."""
    return f"window.__dibaoSearch({json.dumps(key)},{body});\n"


def write_text(path: Path, text: str, previous: str | None = None) -> None:
    """Write only when the bytes change, so unchanged files keep their bytes and mtimes.

    ``previous``: the file's text, when the caller has already read it.
    A changed file gets a new inode (write, then rename): the published site hard-links
    these files, and rewriting one in place would change the live site mid-build."""
    if previous is not None:
        if previous == text:
            return
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    if previous is None and path.exists() and path.read_bytes() == data:
        return
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_bytes(data)
    os.replace(temp, path)


def write_part_files(out_dir: Path, part: PartData) -> set[Path]:
    """A part's own files: display records and body text chunks (its stats go in its group's file)."""
    prefix = f"p/{part.key}"
    files = {}
    for number in range(0, len(part.records), RECORDS):
        files[f"{prefix}/r{number // RECORDS}"] = part.records[number : number + RECORDS]
    for number in range(0, len(part.text), CHUNK):
        files[f"{prefix}/b{number // CHUNK}"] = part.text[number : number + CHUNK]
    for key, data in files.items():
        write_text(out_dir / f"{key}.js", jsonp(key, data))
    return {out_dir / f"{key}.js" for key in files}
