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

#: (part number, lunr term index there or, for grams, occurrences, JSON text of the piece)
Piece = tuple[int, int, str]


def add_pieces(terms: dict[str, list[Piece]], grams: dict[str, list[Piece]], number: int, part: PartData) -> None:
    """Add one changed part's pieces, per term and per gram."""
    for term, (index, fragment) in part.postings.items():
        piece = (number, index, f"[{number},{fragment}]")
        found = terms.get(term)
        if found is None:
            terms[term] = [piece]
        else:
            found.append(piece)
    for gram, (count, fragment) in part.grams.items():
        piece = (number, count, f"[{number},{fragment}]")
        found = grams.get(gram)
        if found is None:
            grams[gram] = [piece]
        else:
            found.append(piece)


#: A key of a ``t`` or ``g`` file: keys and gram contexts are word characters, never quotes, so ``"…":``
#: is always a key (contexts are followed by ``,`` or ``]``).
_KEY = re.compile(r'"([^"\\]*)":')


def read_entries(path: Path) -> dict[str, str]:
    """The key -> entry JSON text of a ``t`` or ``g`` file, without decoding the entries."""
    text = path.read_text(encoding="utf-8")
    body = text[text.index(",") + 1 : text.rindex(")")]
    found = list(_KEY.finditer(body))
    if any("\\" in m.group(1) for m in found) or not body.startswith("{"):
        return {k: _dump(v) for k, v in json.loads(body).items()}
    ends = [m.start() - 1 for m in found[1:]] + [len(body) - 1]
    return {m.group(1): body[m.end() : end] for m, end in zip(found, ends)}


#: One part's piece of a postings entry: ``[part, [doc delta, tf, …], …one list per field]``.
_TERM_PIECE = re.compile(r"\[(\d+),\[[\d,]*\](?:,\[[\d,]*\])*\]")
#: One part's piece of a gram entry: ``[part, field, [doc delta, count, position deltas…], "contexts", …]``.
_GRAM_PIECE = re.compile(r'\[(\d+)(?:,\d+,\[[\d,]*\],"([^"]*)")+\]')
_CONTEXTS = re.compile(r'"([^"]*)"')


def term_entry(term: str, old: str | None, dropped: set[int], new: list[Piece],
               index_of: Callable[[int, str], int]) -> str | None:
    """``[first part, lunr index there, [part, per field: doc delta, tf, …]…]``, or None when no part holds it.

    ``old`` is the entry's text from the last build; its pieces are cut out as
    text, never decoded."""
    pieces = list(new)
    if old is not None:
        first, index, rest = old[1:].split(",", 2)
        for match in _TERM_PIECE.finditer(rest):
            number = int(match.group(1))
            if number not in dropped:
                pieces.append((number, int(index) if number == int(first) else -1, match.group(0)))
    if not pieces:
        return None
    pieces.sort(key=lambda p: p[0])
    first, index = pieces[0][0], pieces[0][1]
    if index < 0:  # the first part of the term changed and lost it: the next part's index is in its cache
        index = index_of(first, term)
    return f"[{first},{index},{','.join(p[2] for p in pieces)}]"


def gram_entry(old: str | None, dropped: set[int], new: list[Piece]) -> tuple[int, str] | None:
    """(occurrences, ``[occurrences, [part, field, [doc delta, count, position deltas…], contexts, …]…]``)."""
    pieces = list(new)
    if old is not None:
        for match in _GRAM_PIECE.finditer(old, old.index(",")):
            number = int(match.group(1))
            if number not in dropped:
                # two context characters per occurrence
                count = sum(len(c) for c in _CONTEXTS.findall(match.group(0))) // 2
                pieces.append((number, count, match.group(0)))
    if not pieces:
        return None
    pieces.sort(key=lambda p: p[0])
    total = sum(p[1] for p in pieces)
    return total, f"[{total},{','.join(p[2] for p in pieces)}]"


def file_body(entries: Iterable[tuple[str, str]]) -> str:
    """A ``t`` or ``g`` file's JSON object from (key, entry JSON) in order."""
    return "{" + ",".join(f"{json.dumps(k, ensure_ascii=False)}:{v}" for k, v in entries) + "}"
