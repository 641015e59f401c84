"""What changed since the last build, and the new entry of every key it changed.

A build compares each changed part with its last version, key by key, and
notes the terms and grams whose piece differs ("dirty") in the layer the part
belongs to: the archive's files or the newest month's (``recent_part``).  Then
every dirty key gets its new entry, patched from the last build's
(``entries``), heavy grams their position-free entries too (``heavy``).
"""
from __future__ import annotations

import re
from typing import Sequence

from dibao.search import heavy
from dibao.search.entries import NewPieces, gram_entry, term_entry
from dibao.search.keyfiles import RECENT, KeyWriter
from dibao.search.parts import PartData


def recent_part(keys: Sequence[str]) -> str | None:
    """The newest month's part, whose entries live in files of their own (``nt/``, ``ng/``…).

    Issues mostly arrive for the newest month: adding one then rewrites only
    those small files, not the archive's (one issue holds thousands of terms,
    spread over most of its files).  The browser merges both entries of a key."""
    months = [key for key in keys if re.fullmatch(r"\d{4}-\d{2}", key)]
    return max(months) if months else None


def changed_keys(old: PartData | None, new: PartData | None) -> tuple[set[str], set[str]]:
    """Terms and grams whose piece differs between two versions of a part."""
    if old is None or new is None:  # every key of the one there is
        there = old or new
        return (set(there.postings), set(there.grams)) if there else (set(), set())
    return _differing(old.postings, new.postings), _differing(old.grams, new.grams)


def _differing(old: dict, new: dict) -> set[str]:
    return {key for key in old.keys() | new.keys() if old.get(key) != new.get(key)}


LAYERS = ("", RECENT)  #: the archive's files (``t/``…) and the newest month's (``nt/``…): a kind's prefix


class Changes:
    """The changed parts, taken in one at a time: a full build never holds every part at once.

    Keys are dirty per layer: a part that changed layer (a new month made the
    last one an archive month) leaves all its keys in one and brings them to the other."""

    def __init__(self, numbers: dict[str, int], recent_before: str | None, recent: str | None):
        """``numbers``: part key -> number; ``recent_before``, ``recent``: the newest month's part
        in the last build and in this one."""
        self.numbers, self.recent_before, self.recent = numbers, recent_before, recent
        self.dirty: dict[str, dict[str, set[str]]] = {layer: {"t": set(), "g": set()} for layer in LAYERS}
        self.pieces = {layer: NewPieces() for layer in LAYERS}

    def _mark(self, key: str, old: PartData | None, new: PartData | None) -> str:
        """Note the dirty keys of a part's change in each layer; the part's layer now."""
        before, after = (RECENT if key == self.recent_before else ""), (RECENT if key == self.recent else "")
        changes = [(after, changed_keys(old, new))] if before == after else \
            [(before, changed_keys(old, None)), (after, changed_keys(None, new))]
        for layer, (terms, grams) in changes:
            self.dirty[layer]["t"] |= terms
            self.dirty[layer]["g"] |= grams
        return after

    def move(self, key: str, data: PartData) -> None:
        """An unchanged part that changed layer."""
        self.pieces[self._mark(key, data, data)].add(self.numbers[key], data)

    def take(self, key: str, old: PartData | None, new: PartData | None) -> None:
        """Note what changed between two versions of a part (``new`` None: the part is gone)."""
        layer = self._mark(key, old, new)
        if new is not None:
            self.pieces[layer].add(self.numbers[key], new)


def update_keys(writer: KeyWriter, changes: Changes, dropped: set, index_of, heavy_min: int, split_min: int,
                sub_min: int) -> None:
    """Record the new entry of every term and gram whose piece in a changed part changed, layer by layer.

    ``heavy_min``, ``split_min``, ``sub_min``: ``shards.HEAVY``, ``SPLIT_MIN`` and ``SPLIT_SUB`` as the build reads them (the
    tests lower them, so that a small archive has heavy grams and splits too)."""
    last = max([*changes.numbers.values(), *dropped], default=0)
    for layer in LAYERS:
        pieces, kind = changes.pieces[layer], layer + "t"
        for term in sorted(changes.dirty[layer]["t"]):
            new, head = pieces.term(term)
            writer.set(kind, term, term_entry(term, writer.old_entry(kind, term), dropped, new, head, index_of, last))
    heavies = heavy.HeavyUpdate(writer, heavy_min, split_min, LAYERS, sub_min)
    for gram in sorted(set().union(*(changes.dirty[layer]["g"] for layer in LAYERS))):
        before, changed = writer.count(gram), {}
        for layer in LAYERS:
            if gram in changes.dirty[layer]["g"]:
                changed[layer], count = changes.pieces[layer].gram(gram)
                made = gram_entry(writer.old_entry(layer + "g", gram), dropped, changed[layer], count, last)
                writer.set(layer + "g", gram, None if made is None else made[1], 0 if made is None else made[0])
        heavies.note(gram, before, changed)
    heavies.finish(dropped, last)
