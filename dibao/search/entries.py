"""Every key's entry over the whole archive, and the files that hold them.

An entry is the pieces of the parts that hold the key, in part order:

    if a term: varint(first part where it is a term), varint(its lunr term index there)
    per part: varint(part number), varint(piece length), piece (``parts.py``)

A key of two or more characters sits in shard ``i/<n>`` with ``n`` from its first two characters
(``shard_of``), so one shard holds every key a query's segmentation may need at a position: the
pair there, as a gram, and every word it starts.  A shard is fetched whole, with the manifest, in
the query's first wave.  An entry longer than ``BIG`` stays in its shard as a key and a flag, and
lives in a ``k/<n>`` file (``n`` from the whole key), fetched in the second wave with those of
every single character (all in ``k/``: a lone character is a term only where the segmentation
leaves it, which the first wave tells).

Layout: ``shards`` and ``big`` files, powers of two, the fewest that keep the average payload under
``SHARD_TARGET`` and ``BIG_TARGET``; a build whose counts cross a power of two rewrites every file.
"""
from __future__ import annotations

import zlib

from dataclasses import dataclass, field
from typing import Iterable

from dibao.search.codec import varint
from dibao.search.parts import TERM, PartData, read_varint

#: Entry bytes (before deflate) above which an entry leaves its shard for a ``k/`` file.
BIG = 600
#: Payload bytes (before deflate) a shard and a ``k/`` file aim at: a query reads a shard per pair of
#: adjacent characters and a ``k/`` file per common key, so smaller files mean fewer bytes a query
#: and more files on disk (docs/search-format.md).
SHARD_TARGET = 24000
BIG_TARGET = 24000
#: Shard flag of a key whose entry is in a ``k/`` file.
IN_BIG = 4


def shard_of(key: str, shards: int) -> int:
    """The shard of a key of two or more characters: by its first two (``shardOf`` in ``search.js``)."""
    return zlib.crc32(key[:2].encode("utf-8")) % shards


def big_of(key: str, big: int) -> int:
    """The ``k/`` file of a big entry or a single character (``bigOf`` in ``search.js``)."""
    return zlib.crc32(key.encode("utf-8")) % big


def _count_for(total: int, target: int) -> int:
    count = 1
    while count * target < total:
        count *= 2
    return count


@dataclass
class KeyFiles:
    """Every entry, and the keys of each file (pickled in the build cache)."""

    entries: dict = field(default_factory=dict)  #: key -> (flags, entry bytes)
    members: dict = field(default_factory=dict)  #: file name -> set of its keys
    shards: int = 1
    big: int = 1
    small_bytes: int = 0  #: payload bytes of the shards (before deflate)
    big_bytes: int = 0  #: payload bytes of the k/ files

    def _weigh(self, key: str, entry: bytes, sign: int) -> None:
        weight = len(key.encode("utf-8")) + 4
        if len(key) < 2 or len(entry) > BIG:
            self.big_bytes += sign * (weight + len(entry))
        if len(key) >= 2:
            self.small_bytes += sign * (weight + (len(entry) if len(entry) <= BIG else 0))

    def files_of(self, key: str, size: int) -> list[str]:
        if len(key) < 2:
            return [f"k/{big_of(key, self.big)}"]
        shard = f"i/{shard_of(key, self.shards)}"
        return [shard, f"k/{big_of(key, self.big)}"] if size > BIG else [shard]

    def put(self, key: str, flags: int, entry: bytes) -> set[str]:
        """Set a key's entry; returns the files whose payload changed."""
        old = self.entries.get(key)
        before = self.files_of(key, len(old[1])) if old is not None else []
        if old is not None:
            self._weigh(key, old[1], -1)
        self._weigh(key, entry, 1)
        self.entries[key] = (flags, entry)
        after = self.files_of(key, len(entry))
        for name in before:
            if name not in after:
                self.members[name].discard(key)
        for name in after:
            self.members.setdefault(name, set()).add(key)
        return set(before) | set(after)

    def drop(self, key: str) -> set[str]:
        old = self.entries.pop(key, None)
        if old is None:
            return set()
        names = set(self.files_of(key, len(old[1])))
        self._weigh(key, old[1], -1)
        for name in names:
            self.members[name].discard(key)
        return names

    def relayout(self) -> bool:
        """Choose the file counts the entries call for; whether they changed (every file then does)."""
        layout = (_count_for(self.small_bytes, SHARD_TARGET), _count_for(self.big_bytes, BIG_TARGET))
        if layout == (self.shards, self.big) and self.members:
            return False
        self.shards, self.big = layout
        self.members = {}
        for key, (_flags, entry) in self.entries.items():
            for name in self.files_of(key, len(entry)):
                self.members.setdefault(name, set()).add(key)
        return True

    def payload(self, name: str) -> bytes:
        """A file's keys in order, each as varint(length) key, varint(flags), then varint(length) entry
        (a shard's big keys: their flags with ``IN_BIG``, no entry)."""
        data = bytearray()
        shard = name.startswith("i/")
        for key in sorted(self.members.get(name, ())):
            flags, entry = self.entries[key]
            raw = key.encode("utf-8")
            varint(len(raw), data)
            data += raw
            if shard and len(entry) > BIG:
                varint(flags | IN_BIG, data)
                continue
            varint(flags, data)
            varint(len(entry), data)
            data += entry
        return bytes(data)


def assemble(parts: list[PartData]) -> dict[str, tuple[int, bytes]]:
    """Every key's entry from every part (a full build).  Each part's pieces are emptied once
    merged, and each key's merged pieces once its entry is made: a full build then holds the
    index about once at a time instead of three times over (pieces, merged, entries)."""
    merged: dict[str, list] = {}
    for number, part in enumerate(parts):
        terms = part.terms
        for key, piece in part.pieces.items():
            found = merged.get(key)
            if found is None:
                found = merged[key] = [0, None, bytearray()]
            flags = part.flags[key]
            if flags & TERM and found[1] is None:
                found[1] = (number, terms[key])
            found[0] |= flags
            varint(number, found[2])
            varint(len(piece), found[2])
            found[2] += piece
        part.pieces.clear()  # the part is in the build cache already
    for key, (flags, head, body) in merged.items():
        merged[key] = _entry(flags, head, body)  # same keys, same order: the dict is not resized
    return merged


def _entry(flags: int, head, body) -> tuple[int, bytes]:
    out = bytearray()
    if head is not None:
        varint(head[0], out)
        varint(head[1], out)
    return flags, bytes(out + body)


def pieces_of(flags: int, entry: bytes) -> tuple[tuple[int, int] | None, dict[int, bytes]]:
    """(head, part number -> piece) of an entry."""
    at, head = 0, None
    if flags & TERM:
        first, at = read_varint(entry, at)
        index, at = read_varint(entry, at)
        head = (first, index)
    pieces = {}
    while at < len(entry):
        number, at = read_varint(entry, at)
        size, at = read_varint(entry, at)
        pieces[number] = entry[at : at + size]
        at += size
    return head, pieces


def appended(files: KeyFiles, number: int, part: PartData, keys: Iterable[str]) -> set[str]:
    """Splice part ``number``'s new pieces of ``keys`` (docs appended to it) into their entries;
    returns the files whose payload changed."""
    changed = set()
    for key in keys:
        piece, flags = part.pieces[key], part.flags[key]
        old = files.entries.get(key)
        if old is None:
            head, pieces, all_flags = None, {}, 0
        else:
            all_flags = old[0]
            head, pieces = pieces_of(old[0], old[1])
        pieces[number] = bytes(piece)
        if flags & TERM and (head is None or head[0] > number):
            head = (number, part.terms[key])
        body = bytearray()
        for n in sorted(pieces):
            varint(n, body)
            varint(len(pieces[n]), body)
            body += pieces[n]
        changed |= files.put(key, *_entry(all_flags | flags, head, body))
    return changed
