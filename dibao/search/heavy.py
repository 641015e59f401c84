"""Position-free entries of heavy grams: their docs (``h``) and their docs per neighbour (``r``, ``l``).

A heavy gram's positional entry is too big to fetch for a short run.  A run of
two characters needs only the docs holding the gram (``h``).  A run of three or
four characters that one window (the gram and a neighbour each side) covers
needs only which neighbours occur around the gram in a field, not where; and
it knows one neighbour exactly, so the entries are split by it:

- ``r/``, key gram + right neighbour: the docs where the gram has that right
  neighbour, with the distinct left neighbours of those occurrences;
- ``l/``, key gram + left neighbour: the same with the sides swapped.

So 安局保 fetches the docs of 安局 followed by 保, not every neighbour pair of
every doc holding 安局.  A split is kept only while its neighbour pair (局保)
is common (``shards.SPLIT_MIN``).  A split of a common phrase (``shards.SPLIT_SUB``) lists
its docs alone, and each run of four characters it holds has an entry of its docs
(key: the split's key and the other neighbour, 矛盾纠 + 生).  Every entry is derived from the gram's
positional pieces (``g``) and patched part by part like them
(``entries.gram_entry``).

Each layer of the index (the archive's files and the newest month's, ``n``-prefixed
kinds, see ``changes.recent_part``) has its own heavy entries, made from its own ``g``
entry; whether a gram is heavy and which splits it keeps depend on the counts of both.
"""
from __future__ import annotations

import bisect
import json

from dibao.search.docs import FIELDS
from dibao.search.entries import _GRAM_PIECE, gram_entry
from dibao.search.parts import EDGE, _dump
from dibao.search.tokens import utf16_key

#: The body's field number in gram pieces.
BODY = len(FIELDS) - 1
#: Heavy entries place a body's first occurrence to within this many characters (for the snippet).
COARSE = 64
#: Kinds of split entries and which side of a gram's context they are keyed by (0: left, 1: right).
SPLITS = (("r", 1), ("l", 0))


def _occurrences(flat: list[int], contexts: str):
    """(doc, position, left, right) of each occurrence in one field of a gram piece."""
    at, o, doc = 0, 0, 0
    while at < len(flat):
        doc, count, pos = doc + flat[at], flat[at + 1], 0
        for k in range(count):
            pos += flat[at + 2 + k]
            yield doc, pos, contexts[o], contexts[o + 1]
            o += 2
        at += 2 + count


def _split_field(f: int, flat: list[int], contexts: str, side: int, fine) -> dict[str, tuple]:
    """Neighbour on ``side`` -> (field, [doc delta, other neighbours (, first // COARSE)…], "other neighbours").

    The run's characters are word characters, never ``EDGE``: no key by it, and it is
    left out of the lists (a doc whose other neighbours are all ``EDGE`` lists none).
    ``fine(neighbour, other)``: whether the split by ``neighbour`` is a common one, listed by
    docs alone (no other neighbours), its runs of four characters by their own entries, keyed
    neighbour + other (True for each other neighbour it keeps; ``other`` None: the split)."""
    docs: dict[str, dict[int, list]] = {}
    for doc, pos, *pair in _occurrences(flat, contexts):
        key, other = pair[side], pair[1 - side]
        if key == EDGE:
            continue
        found = docs.setdefault(key, {}).get(doc)
        if found is None:
            found = docs[key][doc] = [{}, pos]
        if other != EDGE:
            found[0].setdefault(other, pos)  # in position order: the first occurrence
    out = {}
    for key, by_doc in docs.items():
        listed = not fine(key, None)  # the other neighbours are listed: no entries of runs of four
        out[key] = _runs(f, ((doc, sorted(others) if listed else [], first) for doc, (others, first) in by_doc.items()))
        if listed:
            continue
        fours: dict[str, list] = {}
        for doc, (others, _first) in by_doc.items():
            for other, at in others.items():
                fours.setdefault(other, []).append((doc, None, at))
        out.update((key + other, _runs(f, rows)) for other, rows in fours.items() if fine(key, other))
    return out


def _runs(f: int, rows) -> tuple:
    """(field, [doc delta, number of others, (first // COARSE in the body,)…], "the others") of
    (doc, others, first) rows in doc order; others None: no number (an entry of a run of four
    characters, which lists docs alone)."""
    runs, seen, prev = [], [], 0
    for doc, others, first in rows:
        runs.append(doc - prev)
        if others is not None:
            runs.append(len(others))
            seen += others
        if f == BODY:
            runs.append(first // COARSE)
        prev = doc
    return f, runs, "".join(seen)


def _never(_split: str, _neighbour: str, _other: str | None) -> bool:
    return False


def heavy_pieces(piece: str, fine=_never) -> tuple[str, dict[str, str], dict[str, str]]:
    """A gram piece's docs piece (``[part, field, [doc delta (, first // COARSE in the body)…], "", …]``)
    and its split pieces by right and by left neighbour, each of the same shape as gram pieces,
    keyed by the neighbour (and, for the runs of four characters of a common split, the other
    neighbour after it: ``fine(split, neighbour, other)``, see ``_split_field``)."""
    number, *rest = json.loads(piece)
    docs, splits = [number], ({}, {})
    for f, flat, contexts in zip(rest[0::3], rest[1::3], rest[2::3]):
        runs, prev = [], 0
        for doc, pos, *_pair in _occurrences(flat, contexts):
            if not runs or doc != prev:
                runs += (doc - prev, pos // COARSE) if f == BODY else (doc - prev,)
                prev = doc
        docs += (f, runs, "")
        for (kind, side), by_key in zip(SPLITS, splits):
            for key, triple in _split_field(f, flat, contexts, side, lambda k, o, s=kind: fine(s, k, o)).items():
                by_key.setdefault(key, [number]).extend(triple)
    return _dump(docs), *({k: _dump(v) for k, v in by_key.items()} for by_key in splits)


def _none(_piece: str) -> int:
    return 0


def _patched(old: str | None, dropped: set[int], new: list[str], last: int) -> str | None:
    """An ``h``, ``r`` or ``l`` entry, ``[0, pieces…]``, patched like a gram entry (None: no part holds it)."""
    made = gram_entry(old, dropped, new, 0, last, _none)
    return None if made is None else made[1]


def keys_of(writer, kind: str, gram: str) -> list[str]:
    """The split keys of ``gram`` the last build wrote (they are contiguous in the sorted keys)."""
    keys = writer.state.by_first[kind].get(gram[0], [])
    start = bisect.bisect_left(keys, utf16_key(gram), key=utf16_key)
    end = start
    while end < len(keys) and keys[end].startswith(gram):
        end += 1
    return keys[start:end]


def _whole(entry: str) -> list[str]:
    """Every part's piece of a gram entry."""
    return [m.group(0) for m in _GRAM_PIECE.finditer(entry, entry.index(",") + 1)]


def _put(writer, kind: str, key: str, text: str | None, before: str | None) -> None:
    if text != before:
        writer.set(kind, key, text)


def update(writer, layer: str, gram: str, entry: str, new: list[str] | None, dropped: set[int], last: int, rules,
           whole: bool) -> None:
    """Record a layer's ``h``, ``r`` and ``l`` entries of a heavy gram.

    ``new``: the changed parts' positional pieces, patched into the last build's entries; with
    ``whole`` (the gram just became heavy, a full build, or which splits it keeps changed) every
    entry is made from ``entry``, the gram's whole ``g`` entry.  ``rules``: ``keep(split, key)``,
    whether a split (``r`` or ``l``) is kept, and ``fine(split, gram, neighbour, other)`` (see
    ``HeavyUpdate``)."""
    if whole:
        new, dropped = _whole(entry), set()
    converted = [heavy_pieces(p, lambda *key: rules.fine(key[0], gram, *key[1:])) for p in new]
    old = writer.old_entry(layer + "h", gram)
    _put(writer, layer + "h", gram, _patched(None if whole else old, dropped, [c[0] for c in converted], last), old)
    for number, (split, _side) in enumerate(SPLITS, start=1):
        kind = layer + split
        pieces: dict[str, list[str]] = {}
        for c in converted:
            for neighbour, piece in c[number].items():
                if rules.keep(split, gram + neighbour):
                    pieces.setdefault(gram + neighbour, []).append(piece)
        had = set(keys_of(writer, kind, gram))
        for key in sorted(set(pieces) | had, key=utf16_key):
            before = writer.old_entry(kind, key) if key in had else None
            if whole:  # made again: a key no longer kept goes
                text = _patched(None, dropped, pieces[key], last) if key in pieces else None
            else:
                text = _patched(before, dropped, pieces.get(key, []), last)
            _put(writer, kind, key, text, before)


def drop(writer, layer: str, gram: str) -> None:
    """A gram no longer heavy (or gone from a layer): the layer's ``h``, ``r`` and ``l`` entries go."""
    writer.set(layer + "h", gram, None)
    for split, _side in SPLITS:
        for key in keys_of(writer, layer + split, gram):
            writer.set(layer + split, key, None)


class HeavyUpdate:
    """The heavy entries of one build, written once every gram's count is final: a split is kept
    only while its neighbour pair (the gram's other character and the neighbour) is common
    (more than ``split_min`` occurrences) — else that pair's own positions are small — so which
    splits a gram has depends on other grams' counts too.  Counts are both layers' (``writer.count``).

    A split whose gram and neighbour pair both occur more than ``sub_min`` times is common: its
    docs are listed without the other side's neighbours, which are many, and each run of four
    characters it holds (gram, neighbour and other neighbour) gets an entry of its own, keyed by
    the split's key and the other neighbour: the browser reads that run's docs alone, not every
    neighbour of every doc of the split (``fine``)."""

    def __init__(self, writer, heavy: int, split_min: int, layers: tuple[str, ...], sub_min: int):
        self.writer, self.heavy, self.split_min, self.layers = writer, heavy, split_min, layers
        self.sub_min = sub_min
        self.grams: dict[str, dict] = {}  #: changed gram -> layer -> its new pieces there (the layers that changed)
        self.crossed: set[str] = set()  #: grams whose count crossed split_min

    def note(self, gram: str, before: int, changed: dict[str, list[str]]) -> None:
        """A changed gram, once its changed layers' ``g`` entries are set: ``before``, its count
        before them; ``changed``, layer -> that layer's new pieces."""
        after = self.writer.count(gram)
        if any((before > limit) != (after > limit) for limit in (self.split_min, self.sub_min)):
            self.crossed.add(gram)
        if after > self.heavy or any(gram in self.writer.state.sizes[layer + "h"] for layer in self.layers):
            self.grams[gram] = changed

    def keep(self, split: str, key: str) -> bool:
        pair = key[1] + key[2] if split == "r" else key[2] + key[0]
        return self.writer.count(pair) > self.split_min

    def _common(self, split: str, gram: str, neighbour: str) -> bool:
        pair = gram[1] + neighbour if split == "r" else neighbour + gram[0]
        return min(self.writer.count(gram), self.writer.count(pair)) > self.sub_min

    def fine(self, split: str, gram: str, neighbour: str, other: str | None) -> bool:
        """Whether the split of ``gram`` by ``neighbour`` is common (``other`` None), or holds the
        entry of its run of four characters with ``other`` on the other side: a run both of whose
        splits are common has its entry under the right one alone."""
        if other is None or split == "r":
            return self._common(split, gram, neighbour)
        return self._common(split, gram, neighbour) and not self._common("r", gram, other)

    def finish(self, dropped: set[int], last: int) -> None:
        writer, sizes = self.writer, self.writer.state.sizes
        firsts, seconds = {g[0] for g in self.crossed}, {g[1] for g in self.crossed}
        # a crossed pair bc changes the right splits of grams ending with b, the left ones of grams starting with c
        affected = {g for layer in self.layers for g in sizes[layer + "h"] if g[1] in firsts or g[0] in seconds} \
            if self.crossed else set()
        affected |= self.crossed & set(self.grams)  # its own count crossed sub_min: which splits are common
        for gram in sorted(set(self.grams) | affected):
            heavy, changed = writer.count(gram) > self.heavy, self.grams.get(gram, {})
            for layer in self.layers:
                entry = writer.entry(layer + "g", gram)
                was = gram in sizes[layer + "h"]
                if not heavy or entry is None:
                    if was:
                        drop(writer, layer, gram)
                elif not was or layer in changed or gram in affected:
                    whole = not was or gram in affected
                    update(writer, layer, gram, entry, changed.get(layer) or [], dropped, last, self, whole)
