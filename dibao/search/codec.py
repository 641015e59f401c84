"""How index files are written: varints, a hash the browser computes alike, and compressed script files.

Every data file is a script calling ``window.__dibaoSearch(key, data)`` so the
browser can load it with a ``<script>`` element, which works from ``file://``
where ``fetch()`` of local files is refused.  ``data`` is the raw-deflate
stream of the payload, in base64: the files on disk are about as small as gzip
would make them (a server's gzip adds little to base64 of deflated bytes), and
the runtime inflates them itself (``inflate`` in ``search.js``).
"""
from __future__ import annotations

import base64
import json
import os
import zlib
from pathlib import Path

#: zlib level of every payload: 9 costs a little build time for ~2 % less on disk and on the wire.
LEVEL = 9


def varint(value: int, out: bytearray) -> None:
    """LEB128: seven bits a byte, low first; the high bit says more follow."""
    while value >= 0x80:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    out.append(value)


def fnv1a(text: str) -> int:
    """32-bit FNV-1a of the UTF-8 bytes (``fnv`` in ``search.js``): which shard holds a key."""
    h = 0x811C9DC5
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def deflate(data: bytes) -> bytes:
    """Raw deflate (no zlib header): deterministic for one zlib build and level."""
    packer = zlib.compressobj(LEVEL, zlib.DEFLATED, -15, 9)
    return packer.compress(data) + packer.flush()


def inflate(data: bytes) -> bytes:
    return zlib.decompress(data, -15)


def packed_file(key: str, payload: bytes) -> str:
    """The text of one data file: its key and its deflated payload in base64."""
    return f"window.__dibaoSearch({json.dumps(key)},\"{base64.b64encode(deflate(payload)).decode('ascii')}\");\n"


def json_payload(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def text_payload(data) -> bytes:
    """JSON in UTF-16LE: Chinese text deflates ~7 % smaller than in UTF-8 (two bytes a character, not three)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-16-le")


def read_packed(path: Path) -> bytes:
    """The payload of a data file (tests and the bench)."""
    text = Path(path).read_text(encoding="ascii")
    return inflate(base64.b64decode(text[text.index(",\"") + 2 : text.rindex("\"")]))


def jsonp(key: str, data) -> str:
    """A file of plain JSON (the manifest: small, and read before anything else)."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"window.__dibaoSearch({json.dumps(key)},{body});\n"


def write_text(path: Path, text: str) -> bool:
    """Write only when the bytes change, so unchanged files keep their bytes, inode and mtime.

    A changed file gets a new inode (written beside, then renamed): the published site
    hard-links these files, and rewriting one in place would change the live site mid-build.
    Returns whether the file was written."""
    data = text.encode("utf-8")
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_bytes(data)
    os.replace(temp, path)
    return True
