"""Read the files written by the search builder (tests only)."""
from __future__ import annotations

import json
from pathlib import Path

from dibao.search.codec import read_packed
from dibao.search.parts import read_varint


def read_shard(path: Path):
    """The data of ``window.__dibaoSearch("key", data);`` as written (plain JSON, or the packed string)."""
    text = Path(path).read_text(encoding="utf-8")
    return json.loads("[" + text[text.index("(") + 1 : text.rindex(")")] + "]")[1]


def read_json(path: Path, encoding: str = "utf-8"):
    """A packed JSON file (``s/``, ``py/``; ``e/`` in UTF-16LE)."""
    return json.loads(read_packed(path).decode(encoding))


def read_keys(path: Path) -> dict[str, tuple[int, bytes | None]]:
    """A key file (``i/``, ``k/``): key -> (flags, entry, or None when flagged to be in a ``k/`` file)."""
    data, at, out = read_packed(path), 0, {}
    while at < len(data):
        size, at = read_varint(data, at)
        key = data[at : at + size].decode("utf-8")
        at += size
        flags, at = read_varint(data, at)
        if flags & 4:
            out[key] = (flags & ~4, None)
            continue
        size, at = read_varint(data, at)
        out[key] = (flags, data[at : at + size])
        at += size
    return out


def read_entry(flags: int, entry: bytes, fields: int = 4):
    """(head, {(part, local, field): (tf or None, mask or None)}) of an entry."""
    at, head, hits = 0, None, {}
    if flags & 1:
        first, at = read_varint(entry, at)
        index, at = read_varint(entry, at)
        head = (first, index)
    while at < len(entry):
        part, at = read_varint(entry, at)
        size, at = read_varint(entry, at)
        end, local = at + size, -1
        while at < end:
            delta, at = read_varint(entry, at)
            local += delta + 1
            bits = entry[at]
            at += 1
            for f in range(fields):
                tf = mask = None
                if bits >> f & 1:
                    tf, at = read_varint(entry, at)
                if bits >> (4 + f) & 1:
                    mask = entry[at]
                    at += 1
                if tf is not None or mask is not None:
                    hits[(part, local, f)] = (tf, mask)
    return head, hits
