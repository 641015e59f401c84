"""Where keys go: vocabulary buckets and the files of each bucket, with boundaries that stay put.

Boundaries are content-defined: whether a file (or bucket) ends after a key
depends only on that key, its size and the next key, never on how much came
before.  Adding an issue changes the entries of the terms it contains, so only
the files holding those terms change: the rest of the index keeps its bytes
(a greedy "fill up to N bytes" packing would shift every later boundary).

A key of ``size`` bytes ends its file with probability ``size / target``
(decided by a hash of the key), so files average about ``target`` bytes; a key
of ``target`` bytes or more always sits in a file of its own.
"""
from __future__ import annotations

import zlib
from typing import Mapping, Sequence

DIGITS36 = "0123456789abcdefghijklmnopqrstuvwxyz"


def bucket_name(start: str) -> str:
    """File name stem of the bucket starting at ``start``: its code point in base 36 (the browser's
    ``codePointAt(0).toString(36)``), stable however many buckets come before it."""
    value, out = ord(start), ""
    while True:
        value, digit = divmod(value, 36)
        out = DIGITS36[digit] + out
        if not value:
            return out


def _ends_after(key: str, size: int, target: int) -> bool:
    """Whether a file ends after ``key``: a hash of the key below ``size / target``."""
    return size >= target or (zlib.crc32(key.encode("utf-8")) / 2**32) * target < size


def pack(keys: Sequence[str], sizes: Mapping[str, int], target: int) -> list[list[str]]:
    """Consecutive keys (already in order) cut into files of about ``target`` bytes.

    A file also ends before it would pass twice the target (the hash alone leaves
    a long tail of big files, and a query fetches whole files); that cut depends on
    the sizes before it, but only until the next cut by hash."""
    files: list[list[str]] = []
    ended, total = True, 0
    for key in keys:
        size = sizes[key]
        if ended or size >= target or total + size > 2 * target:
            files.append([])
            total = 0
        files[-1].append(key)
        total += size
        ended = _ends_after(key, size, target)
    return files


def buckets(firsts: Sequence[str], costs: Mapping[str, int], target: int) -> list[list[str]]:
    """First characters (in UTF-16 order) grouped into vocabulary buckets of about ``target`` characters.

    A character's terms never straddle two buckets, so the browser finds the
    one file for a character by its first character alone."""
    return pack(firsts, costs, target)
