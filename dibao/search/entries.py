"""Merged entries: one postings (``t``) or gram (``g``) entry per key over every part.

A build that changed a few parts does not merge every part again: it takes a
key's entry from the file the last build wrote, drops the pieces of the
changed parts and puts in their new pieces.  Both ways give the same text,
because every piece is compact JSON (``parts._dump``) and is re-serialised the
same way.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Callable, Iterable

from dibao.search.parts import PartData, _dump

class NewPieces:
    """The changed parts' pieces per key, as text (a full build holds every piece of the index here).

    Parts are added in number order, so each key's pieces are in order.  Only
    what the entry's head needs is kept besides: a term's first part and lunr
    index there, a gram's total occurrences."""

    def __init__(self):
        self.terms: dict[str, list[str]] = {}
        self.grams: dict[str, list[str]] = {}
        self.heads: dict[str, tuple[int, int]] = {}
        self.totals: dict[str, int] = {}

    def add(self, number: int, part: PartData) -> None:
        terms, grams, heads, totals = self.terms, self.grams, self.heads, self.totals
        for term, (index, fragment) in part.postings.items():
            found = terms.get(term)
            if found is None:
                terms[term] = [f"[{number},{fragment}]"]
                heads[term] = (number, index)
            else:
                found.append(f"[{number},{fragment}]")
        for gram, (count, fragment) in part.grams.items():
            found = grams.get(gram)
            if found is None:
                grams[gram] = [f"[{number},{fragment}]"]
                totals[gram] = count
            else:
                found.append(f"[{number},{fragment}]")
                totals[gram] += count

    def term(self, term: str) -> tuple[list[str], tuple[int, int] | None]:
        """(pieces, (first part, lunr index)) of a term, forgotten once taken."""
        return self.terms.pop(term, []), self.heads.pop(term, None)

    def gram(self, gram: str) -> tuple[list[str], int]:
        """(pieces, occurrences) of a gram, forgotten once taken."""
        return self.grams.pop(gram, []), self.totals.pop(gram, 0)


def _number(piece: str) -> int:
    return int(piece[1 : piece.index(",")])


#: A key of a ``t`` or ``g`` file: keys and gram contexts are word characters, never quotes, so ``"…":``
#: is always a key (contexts are followed by ``,`` or ``]``).
_KEY = re.compile(r'"([^"\\]*)":')


class EntryFile:
    """A ``t`` or ``g`` file as the last build wrote it, with its keys in order.

    An entry is found by a plain search for its key and the next one, so a file
    is neither split nor decoded (a build reads thousands of them)."""

    def __init__(self, path: Path, keys: tuple[str, ...]):
        self.text = path.read_text(encoding="utf-8")
        self.keys, self.index, self.at = keys, None, 0
        self.whole = None if all(_plain(k) for k in keys) else split_entries(self.text)

    def get(self, key: str) -> str | None:
        if self.whole is not None:
            return self.whole.get(key)
        if self.index is None:
            self.index = {k: i for i, k in enumerate(self.keys)}
        i = self.index.get(key)
        if i is None:
            return None
        marker = ('{"' if i == 0 else ',"') + key + '":'
        start = self.text.find(marker, self.at)
        if start < 0:
            start = self.text.find(marker)
        start += len(marker)
        end = self.text.find(f',"{self.keys[i + 1]}":', start) if i + 1 < len(self.keys) else self.text.rindex("}")
        self.at = end
        return self.text[start:end]


def _plain(key: str) -> bool:
    """Whether JSON writes the key as it is (no escapes), so the file can be searched for it."""
    return '"' not in key and "\\" not in key and key.isprintable()


def split_entries(text: str) -> dict[str, str]:
    """Key -> entry JSON text of a ``t`` or ``g`` file's text."""
    body = text[text.index(",") + 1 : text.rindex(")")]
    cut = _KEY.split(body[1:-1])  # ["", key, entry + ",", key, entry + ",", …, key, entry]
    keys, values = cut[1::2], cut[2::2]
    if cut[0] or any("\\" in k for k in keys):
        return {k: _dump(v) for k, v in json.loads(body).items()}
    values[:-1] = [v[:-1] for v in values[:-1]]
    return dict(zip(keys, values))


#: One part's piece of a postings entry: ``[part, [doc delta, tf, …] or "tf column", …one per field]``.
_TERM_PIECE = re.compile(r'\[(\d+),(?:\[[\d,]*\]|"[0-9A-Za-z_-]*")(?:,(?:\[[\d,]*\]|"[0-9A-Za-z_-]*"))*\]')
#: One part's piece of a gram entry: ``[part, field, [doc delta, count, position deltas…], "contexts", …]``.
_GRAM_PIECE = re.compile(r'\[(\d+)(?:,\d+,\[[\d,]*\],"([^"]*)")+\]')
_CONTEXTS = re.compile(r'"([^"]*)"')


def _find(body: str, number: int, piece: re.Pattern) -> re.Match | None:
    """Part ``number``'s piece in the comma-joined pieces ``body`` (a plain search, checked by ``piece``)."""
    at = 0 if body.startswith(f"[{number},") else body.find(f",[{number},") + 1
    while at > 0 or (at == 0 and body.startswith(f"[{number},")):
        found = piece.match(body, at)
        if found:
            return found
        at = body.find(f",[{number},", at) + 1
    return None


def _splice(body: str, dropped: set[int], new: list[str], last: int, piece: re.Pattern) -> tuple[str, list[re.Match]]:
    """Pieces with the dropped parts' cut out and the new ones put in order, without splitting the others.

    Adding an issue changes the newest parts, near the end, so this costs a
    few searches however many parts an entry has."""
    removed = []
    for number in sorted(dropped):
        found = _find(body, number, piece)
        if found:
            removed.append(found)
            start, end = found.span()
            body = body[: max(0, start - 1)] + body[end:] if end == len(body) else body[:start] + body[end + 1 :]
    for text in sorted(new, key=_number, reverse=True):
        number = _number(text)
        later = next((f for f in (_find(body, m, piece) for m in range(number + 1, last + 1)) if f), None)
        if later is None:
            body = f"{body},{text}" if body else text
        else:
            body = f"{body[: later.start()]}{text},{body[later.start():]}"
    return body, removed


def term_entry(term: str, old: str | None, dropped: set[int], new: list[str], head: tuple[int, int] | None,
               index_of: Callable[[int, str], int], last: int) -> str | None:
    """``[first part, lunr index there, [part, per field: doc delta, tf, …]…]``, or None when no part holds it.

    ``old`` is the entry's text from the last build; its pieces are cut out as
    text, never decoded.  ``new`` are the changed parts' pieces, ``head`` the
    first of them's part and lunr index, ``last`` the highest part number."""
    if old is not None:
        first, index, body = old[1:-1].split(",", 2)
        first, index = int(first), int(index)
        if first not in dropped and (head is None or head[0] > first):
            return f"[{first},{index},{_splice(body, dropped, new, last, _TERM_PIECE)[0]}]"
    pieces = [(_number(t), -1, t) for t in new]
    if head is not None:
        pieces[0] = (head[0], head[1], new[0])
    if old is not None:
        for match in _TERM_PIECE.finditer(body):
            number = int(match.group(1))
            if number not in dropped:
                pieces.append((number, index if number == first else -1, match.group(0)))
    if not pieces:
        return None
    pieces.sort(key=lambda p: p[0])
    first, index = pieces[0][0], pieces[0][1]
    if index < 0:  # the first part of the term changed and lost it: the next part's index is in its cache
        index = index_of(first, term)
    return f"[{first},{index},{','.join(p[2] for p in pieces)}]"


def _occurrences(piece: str) -> int:
    """Occurrences in a gram piece: two context characters each."""
    return sum(len(c) for c in _CONTEXTS.findall(piece)) // 2


def gram_entry(old: str | None, dropped: set[int], new: list[str], count: int, last: int,
               measure: Callable[[str], int] = _occurrences) -> tuple[int, str] | None:
    """(occurrences, ``[occurrences, [part, field, [doc delta, count, position deltas…], contexts, …]…]``).

    ``new``: the changed parts' pieces, with ``count`` occurrences in all (``measure`` of a piece:
    the head of entries of the same shape that count something else)."""
    if old is not None:
        total, body = old[1:-1].split(",", 1)
        body, removed = _splice(body, dropped, new, last, _GRAM_PIECE)
        if not body:
            return None
        total = int(total) - sum(measure(m.group(0)) for m in removed) + count
        return total, f"[{total},{body}]"
    if not new:
        return None
    return count, f"[{count},{','.join(sorted(new, key=_number))}]"


def file_body(entries: Iterable[tuple[str, str]]) -> str:
    """A ``t`` or ``g`` file's JSON object from (key, entry JSON) in order."""
    return "{" + ",".join(f'"{k}":{v}' if _plain(k) else f"{json.dumps(k, ensure_ascii=False)}:{v}" for k, v in entries) + "}"
