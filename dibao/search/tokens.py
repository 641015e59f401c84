"""The one tokenizer the search index uses for every field.

Why not plain ``cut_for_search``: jieba segments a string differently in
different contexts (各市委 vs 市委), so a query segmented one way would miss
articles whose text was segmented another way.  Instead every ideograph run
yields *every* dictionary word jieba's DAG finds in it (a superset of
``cut_for_search`` without HMM) plus every single character.  Then any
vocabulary term the browser picks by forward maximum matching is present at
each place its string occurs, so "terms adjacent in order" is exactly "the
text contains the query": full recall, and precision from the adjacency check.

Latin letters and digits (any width) form one lower-cased token per run; other
letters and numbers are single-character tokens; everything else (punctuation,
spaces, symbols) never becomes a token.  Offsets count code points.
"""
from __future__ import annotations

import unicodedata
from typing import Iterator, NamedTuple

from dibao.textseg import get_jieba


class Token(NamedTuple):
    """A term and the code-point offset where it starts in the field text."""

    term: str
    start: int


def is_ideograph(char: str) -> bool:
    """CJK unified or compatibility ideograph, BMP or supplementary planes."""
    cp = ord(char)
    return 0x3400 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x3FFFF


def is_word_char(char: str) -> bool:
    """Letters, marks and numbers; the browser uses the same test (``\\p{L}\\p{M}\\p{N}``)."""
    return unicodedata.category(char)[0] in "LMN"


def _char_class(char: str) -> str:
    if is_ideograph(char):
        return "han"
    if not is_word_char(char):
        return ""
    if unicodedata.category(char)[0] == "N" or "LATIN" in unicodedata.name(char, ""):
        return "latin"
    return "other"


def _runs(text: str) -> Iterator[tuple[str, str, int]]:
    """Maximal runs of one character class: (class, run text, start)."""
    start, current = 0, None
    for i, char in enumerate(text):
        cls = _char_class(char)
        if cls != current:
            if current:
                yield current, text[start:i], start
            start, current = i, cls
    if current:
        yield current, text[start:], start


def _han_tokens(run: str, offset: int) -> Iterator[Token]:
    dag = get_jieba().get_DAG(run)
    for k in range(len(run)):
        yield Token(run[k], offset + k)
        for end in dag[k]:
            if end > k:
                yield Token(run[k : end + 1], offset + k)


def tokenize(text: str) -> list[Token]:
    """All tokens of one field value, in text order."""
    tokens: list[Token] = []
    for cls, run, start in _runs(text or ""):
        if cls == "han":
            tokens.extend(_han_tokens(run, start))
        elif cls == "latin":
            tokens.append(Token(run.lower(), start))
        else:
            tokens.extend(Token(c.lower(), start + i) for i, c in enumerate(run))
    return tokens


def utf16_key(term: str) -> bytes:
    """Sort key giving JavaScript's string order (UTF-16 code units)."""
    return term.encode("utf-16-be")
