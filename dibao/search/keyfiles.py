"""Vocabulary, postings and gram files, updated in place of rewritten: only files whose keys changed are written.

The state of the last build (``KeyState``, pickled in the build cache) says
which key sits in which file and how big each entry is.  A build hands in the
entries of the keys that changed; the buckets and files are laid out again
(``layout``: boundaries depend only on nearby keys, so they rarely move), and
a file is written only when its key list or one of its entries changed.  Its
other entries are read back from the file the last build wrote.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from dibao.search import layout
from dibao.search.entries import EntryFile, file_body
from dibao.search.shards import COUNTED, GRAMS_TARGET, POSTINGS_TARGET, SPLITS_TARGET, jsonp, jsonp_raw, write_text
from dibao.search.tokens import utf16_key

#: Target size (characters) of one vocabulary file.
VOCAB_TARGET = 2500
#: Postings, positional grams, and of heavy grams their docs and their docs by right and by left neighbour
#: (``heavy``).
MAIN_KINDS = ("t", "g", "h", "r", "l")
#: The same five for the newest month alone (see ``changes.recent_part``): ``nt`` is ``t``'s twin, and so on.
RECENT = "n"
KINDS = MAIN_KINDS + tuple(RECENT + kind for kind in MAIN_KINDS)
#: Newest-month files are smaller: a query fetches one beside each archive file it needs, mostly for a few
#: entries, and an added issue rewrites most of them.
RECENT_SHARE = 4
TARGETS = {"t": POSTINGS_TARGET, "g": GRAMS_TARGET, "h": GRAMS_TARGET, "r": SPLITS_TARGET, "l": SPLITS_TARGET}
TARGETS.update({RECENT + kind: TARGETS[kind] // RECENT_SHARE for kind in MAIN_KINDS})


def stem_parts(stem: str) -> tuple[str, str]:
    """(kind, bucket name) of a file stem such as ``nt/lck-3``."""
    kind, rest = stem.split("/", 1)
    return kind, rest.rsplit("-", 1)[0]


@dataclass
class KeyState:
    """Where every key of the last build sits (pickled between builds)."""

    sizes: dict = field(default_factory=lambda: {k: {} for k in KINDS})  #: kind -> key -> entry bytes
    counts: dict = field(default_factory=lambda: {"g": {}, RECENT + "g": {}})  #: g or ng -> gram -> occurrences
    by_first: dict = field(default_factory=lambda: {k: {} for k in KINDS})  #: kind -> first char -> keys (UTF-16 order)
    costs: dict = field(default_factory=dict)  #: first char -> [term chars, counted-gram chars, t bytes, g bytes]
    buckets: list = field(default_factory=list)  #: first chars of each bucket
    files: dict = field(default_factory=lambda: {k: {} for k in KINDS})  #: kind -> file stem -> keys
    where: dict = field(default_factory=lambda: {k: {} for k in KINDS})  #: kind -> key -> file stem

    def vocab_cost(self, char: str) -> int:
        terms, counted, t_bytes, g_bytes = self.costs[char]
        return terms + counted + 8 * t_bytes // POSTINGS_TARGET + 8 * g_bytes // GRAMS_TARGET


def _contribution(kind: str, key: str, size: int, count: int) -> list[int]:
    """What a key adds to its first character's vocabulary cost (which lays out the buckets).

    The newest month's keys add nothing: an issue added to it must not move bucket
    boundaries, which would rename the archive's files of those buckets."""
    if kind not in MAIN_KINDS:
        return [0, 0, 0, 0]
    if kind == "t":
        return [len(key) + 1, 0, size, 0]
    if kind in ("h", "r", "l"):
        return [0, 0, 0, size]
    return [0, len(key) + 6 if count > COUNTED else 0, 0, size]


class KeyWriter:
    """One build's update of the key files in ``out_dir``."""

    def __init__(self, out_dir: Path, state: KeyState, bulk: bool = False):
        """``bulk``: most keys are new (a full build): keys are sorted once at the end, not inserted in order."""
        self.out_dir, self.state, self.bulk = out_dir, state, bulk
        self._unsorted: set[tuple[str, str]] = set()
        self.dirty: dict = {k: {} for k in KINDS}  # kind -> key -> new entry text or None (gone)
        self._parsed: dict[str, EntryFile] = {}  # stem -> the last build's file, when read
        self.laid: dict[str, tuple] = {}  # stem -> keys of every file of the re-laid buckets

    def old_entry(self, kind: str, key: str) -> str | None:
        """A key's entry (JSON text) as the last build wrote it, or None."""
        stem = self.state.where[kind].get(key)
        if stem is None:
            return None
        if stem not in self._parsed:
            self._parsed[stem] = EntryFile(self.out_dir / f"{stem}.js", self.state.files[kind][stem])
        return self._parsed[stem].get(key)

    def entry(self, kind: str, key: str) -> str | None:
        """A key's entry as this build leaves it: set anew, else the last build's (None: none)."""
        dirty = self.dirty[kind]
        return dirty[key] if key in dirty else self.old_entry(kind, key)

    def count(self, gram: str) -> int:
        """A gram's occurrences in both layers, as recorded so far."""
        counts = self.state.counts
        return counts["g"].get(gram, 0) + counts[RECENT + "g"].get(gram, 0)

    def set(self, kind: str, key: str, text: str | None, count: int = 0) -> None:
        """Record a key's new entry (None: no part holds it any more)."""
        self.dirty[kind][key] = text
        state = self.state
        sizes, first = state.sizes[kind], key[0]
        old_size = sizes.get(key)
        counts = state.counts.get(kind, {})
        if old_size is not None:
            old = _contribution(kind, key, old_size, counts.get(key, 0))
            state.costs[first] = [a - b for a, b in zip(state.costs[first], old)]
        keys = state.by_first[kind].setdefault(first, [])
        if text is None:
            sizes.pop(key, None)
            counts.pop(key, None)
            if old_size is not None:
                keys.remove(key)
            return
        if old_size is None and self.bulk:
            keys.append(key)
            self._unsorted.add((kind, first))
        elif old_size is None:
            _insort(keys, key)
        sizes[key] = size = len(text.encode("utf-8"))
        if kind in state.counts:
            counts[key] = count
        new = _contribution(kind, key, size, count)
        state.costs[first] = [a + b for a, b in zip(state.costs.get(first, [0, 0, 0, 0]), new)]

    def finish(self) -> list[str]:
        """Lay out buckets and files again, write what changed, delete what is gone; return the buckets' starts."""
        state = self.state
        for kind, first in self._unsorted:
            state.by_first[kind][first].sort(key=utf16_key)
        for kind in KINDS:
            for first in [c for c, keys in state.by_first[kind].items() if not keys]:
                del state.by_first[kind][first]
        for char in [c for c in state.costs if all(c not in state.by_first[k] for k in KINDS)]:
            del state.costs[char]
        chars = sorted(state.costs, key=utf16_key)
        groups = layout.buckets(chars, {c: state.vocab_cost(c) for c in chars}, VOCAB_TARGET)
        old_groups = {g[0]: g for g in state.buckets}
        touched = {k[0] for kind in KINDS for k in self.dirty[kind]}
        changed = [g for g in groups if old_groups.get(g[0]) != g or touched.intersection(g)]
        # every file to write is computed before any is written: a new file may replace an old one
        # whose entries another new file still needs
        writes = [w for group in changed for kind in KINDS for w in self._lay_out(kind, group)]
        texts = [(stem, self._texts(stem_parts(stem)[0], keys)) for stem, keys in writes]
        for stem, entries in texts:
            read = self._parsed.get(stem)
            write_text(self.out_dir / f"{stem}.js", jsonp_raw(stem, file_body(entries)), read.text if read else None)
        self._parsed.clear()
        self._update_files(changed, old_groups, groups)
        for group in changed:
            self._write_vocab(group)
        state.buckets = groups
        return [g[0] for g in groups]

    def _lay_out(self, kind: str, group: list[str]) -> list[tuple[str, tuple]]:
        """Files of one bucket: (stem, keys) of those to write; ``self.laid`` gets all of them."""
        state, dirty = self.state, self.dirty[kind]
        keys = [k for c in group for k in state.by_first[kind].get(c, ())]
        writes = []
        for number, chunk in enumerate(layout.pack(keys, state.sizes[kind], TARGETS[kind])):
            stem, chunk = f"{kind}/{layout.bucket_name(group[0])}-{number}", tuple(chunk)
            self.laid[stem] = chunk
            if state.files[kind].get(stem) != chunk or any(k in dirty for k in chunk):
                writes.append((stem, chunk))
        return writes

    def _texts(self, kind: str, keys: tuple) -> list[tuple[str, str]]:
        return [(k, self.entry(kind, k)) for k in keys]

    def _update_files(self, changed: list, old_groups: dict, groups: list) -> None:
        """Forget the files of re-laid buckets, delete the ones not written again, record the new ones."""
        state = self.state
        for kind in KINDS:
            files, where = state.files[kind], state.where[kind]
            for key, text in self.dirty[kind].items():
                if text is None:
                    where.pop(key, None)
            stale = {layout.bucket_name(g[0]) for g in changed} | \
                {layout.bucket_name(s) for s in old_groups if s not in {g[0] for g in groups}}
            for stem in [s for s in files if stem_parts(s)[1] in stale]:
                if stem not in self.laid:
                    (self.out_dir / f"{stem}.js").unlink(missing_ok=True)
                del files[stem]
            for stem, keys in self.laid.items():
                if stem_parts(stem)[0] == kind:
                    files[stem] = keys
                    for key in keys:
                        where[key] = stem
        new_names = {layout.bucket_name(g[0]) for g in groups}
        for start in old_groups:
            if layout.bucket_name(start) not in new_names:
                (self.out_dir / f"v/{layout.bucket_name(start)}.js").unlink(missing_ok=True)

    def _write_vocab(self, group: list[str]) -> None:
        state, name = self.state, layout.bucket_name(group[0])
        firsts = {}
        for kind in KINDS:
            stem, k, firsts[kind] = f"{kind}/{name}-", 0, []
            while f"{stem}{k}" in self.laid:
                firsts[kind].append(self.laid[f"{stem}{k}"][0])
                k += 1
        total = self.count
        grams = _in_order(state, group, "g")
        # every kind is listed, from its file 0: a key that sorts before a kind's first key has no entry of it
        vocab = {"w": "\n".join(_in_order(state, group, "t")), **firsts,
                 "c": {g: total(g) for g in grams if total(g) > COUNTED}}
        write_text(self.out_dir / f"v/{name}.js", jsonp(f"v/{name}", vocab))


def _in_order(state: KeyState, group: list[str], kind: str) -> list[str]:
    """Keys of ``kind`` in either layer whose first character is in ``group``, in UTF-16 order."""
    keys = {k for c in group for layer in (kind, RECENT + kind) for k in state.by_first[layer].get(c, ())}
    return sorted(keys, key=utf16_key)


def _insort(keys: list[str], key: str) -> None:
    import bisect

    bisect.insort(keys, key, key=utf16_key)
