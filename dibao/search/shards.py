"""Shard files: merge the parts' fragments into files the browser fetches by key.

Every file is a script calling ``window.__dibaoSearch(key, data)``, so the
browser can load it with a ``<script>`` element, which works from ``file://``
where ``fetch()`` of local files is refused.

Postings and grams are merged across parts (one entry per key holds every
part), so a rare key costs one small file, not one per part.  Keys are grouped
by the vocabulary bucket of their first character and packed, in UTF-16
order, into files of about a target size; the bucket's vocabulary file lists
the first key of each file, so the browser finds any key's file with the one
vocabulary file it loads anyway to segment the query.
"""
from __future__ import annotations

import bisect
import os
import json
from pathlib import Path
from typing import Iterable, Sequence

from dibao.search.parts import PartData
from dibao.search.tokens import utf16_key

#: Target size (bytes of JSON) of one postings file; a bigger entry gets a file of its own.
POSTINGS_TARGET = 6000
#: Target size of one gram file.
GRAMS_TARGET = 8000
#: Grams seen more often than this have their count in the vocabulary file (the browser
#: picks the rarest grams of a query to check adjacency; unlisted ones are rarer).
COUNTED = 200
#: Display records per file.
RECORDS = 2
#: Code points of body text per snippet file.
CHUNK = 600


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


def bucket_of(starts_keys: Sequence[bytes], term: str) -> int:
    """The vocabulary bucket of a key: the last bucket starting at or before its first character."""
    return max(0, bisect.bisect_right(starts_keys, utf16_key(term[0])) - 1)


def by_bucket(keys: Iterable[str], starts: Sequence[str]) -> list[list[str]]:
    """Keys (sorted in UTF-16 order) split by bucket."""
    starts_keys = [utf16_key(s) for s in starts]
    out: list[list[str]] = [[] for _ in starts]
    for key in sorted(keys, key=utf16_key):
        out[bucket_of(starts_keys, key)].append(key)
    return out


def pack(entries: list[tuple[str, str]], target: int) -> list[list[tuple[str, str]]]:
    """Consecutive (key, JSON) entries packed into files of about ``target`` bytes."""
    groups, current, size = [], [], 0
    for key, body in entries:
        cost = len(key.encode()) + len(body.encode()) + 4
        if current and size + cost > target:
            groups.append(current)
            current, size = [], 0
        current.append((key, body))
        size += cost
    return groups + [current] if current else groups


def postings_entry(term: str, parts: Sequence[PartData]) -> str:
    """[first part, lunr index in it, [part, per-field lists…]…] over every part holding the term."""
    first, pieces = None, []
    for number, part in enumerate(parts):
        hit = part.postings.get(term)
        if hit is not None:
            if first is None:
                first = f"{number},{hit[0]}"
            pieces.append(f"[{number},{hit[1]}]")
    return f"[{first},{','.join(pieces)}]"


def grams_entry(gram: str, parts: Sequence[PartData]) -> tuple[int, str]:
    """(occurrences, [occurrences, [part, field, [doc delta, count, position deltas…], contexts, …]…])."""
    total, pieces = 0, []
    for number, part in enumerate(parts):
        hit = part.grams.get(gram)
        if hit is not None:
            total += hit[0]
            pieces.append(f"[{number},{hit[1]}]")
    return total, f"[{total},{','.join(pieces)}]"


def write_packed(out_dir: Path, folder: str, bucket: int, entries: list[tuple[str, str]], target: int) -> tuple[list[str], set[Path]]:
    """Write one bucket's files ``folder/<bucket>-<k>.js``; return (first key of files 1…, paths)."""
    firsts, paths = [], set()
    for number, group in enumerate(pack(entries, target)):
        key = f"{folder}/{bucket}-{number}"
        body = "{" + ",".join(f"{json.dumps(k, ensure_ascii=False)}:{v}" for k, v in group) + "}"
        write_text(out_dir / f"{key}.js", jsonp_raw(key, body))
        paths.add(out_dir / f"{key}.js")
        if number:
            firsts.append(group[0][0])
    return firsts, paths


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
