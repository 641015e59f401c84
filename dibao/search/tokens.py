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

import functools
import re
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


@functools.lru_cache(maxsize=None)  # called for every character outside ideograph runs; few distinct ones
def char_class(char: str) -> str:
    """``han``, ``latin`` (Latin letters and any digits: one token per run), ``other`` letters, or "" (no word character)."""
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
        cls = char_class(char)
        if cls != current:
            if current:
                yield current, text[start:i], start
            start, current = i, cls
    if current:
        yield current, text[start:], start


HAN_RUN = re.compile("[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]+")


def _han_terms(run: str, offset: int, terms: list[str], starts: list[int]) -> None:
    """Every character, then every dictionary word starting there (jieba's DAG, without building it).

    ``FREQ`` holds every prefix of every word (count 0 for pure prefixes), so
    the walk stops at the first fragment that starts no word, as ``get_DAG``
    does; a lone character is emitted once, as the single-character token.
    """
    freq = get_jieba().FREQ
    n = len(run)
    for k in range(n):
        terms.append(run[k])
        starts.append(offset + k)
        end = k + 2
        while end <= n:
            count = freq.get(run[k:end])
            if count is None:
                break
            if count:
                terms.append(run[k:end])
                starts.append(offset + k)
            end += 1


def _other_terms(text: str, offset: int, terms: list[str], starts: list[int]) -> None:
    """Tokens of text holding no ideograph: Latin/digit runs and single letters."""
    for cls, run, start in _runs(text):
        if cls == "latin":
            terms.append(run.lower())
            starts.append(offset + start)
        elif cls == "other":
            for i, char in enumerate(run):
                terms.append(char.lower())
                starts.append(offset + start + i)


def term_lists(text: str) -> tuple[list[str], list[int]]:
    """(terms, start offsets) of one field value, in text order: the fast form of ``tokenize``."""
    terms: list[str] = []
    starts: list[int] = []
    at = 0
    text = text or ""
    for match in HAN_RUN.finditer(text):
        if match.start() > at:
            _other_terms(text[at : match.start()], at, terms, starts)
        _han_terms(match.group(), match.start(), terms, starts)
        at = match.end()
    if at < len(text):
        _other_terms(text[at:], at, terms, starts)
    return terms, starts


def tokenize(text: str) -> list[Token]:
    """All tokens of one field value, in text order."""
    terms, starts = term_lists(text)
    return [Token(t, s) for t, s in zip(terms, starts)]


def utf16_key(term: str) -> bytes:
    """Sort key giving JavaScript's string order (UTF-16 code units)."""
    return term.encode("utf-16-be")
