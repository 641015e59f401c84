"""ASCII slugs: pinyin over jieba words, cut at a word boundary.

Slugs become file names and URLs, so they must be stable: the same title gives
the same slug on every machine and every build.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from .textseg import DATA, get_jieba

HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ffff]")
ASCII_WORD = re.compile(r"[A-Za-z0-9]+")


@functools.lru_cache(maxsize=1)
def _load_phrases() -> None:
    """Teach pypinyin the readings it gets wrong in our domain (重塑 is chong su)."""
    from pypinyin import load_phrases_dict  # imported on first use: a no-op build never needs it

    phrases = {}
    for line in (DATA / "pinyin_phrases.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, *syllables = line.split()
            if len(syllables) == len(word):
                phrases[word] = [[s] for s in syllables]
    load_phrases_dict(phrases)


@functools.lru_cache(maxsize=65536)
def word_pinyin(word: str) -> str:
    """A word's toneless pinyin run together, or its ASCII letters and digits lowercased."""
    from pypinyin import Style, lazy_pinyin

    _load_phrases()
    if HAN.search(word):
        return "".join(lazy_pinyin(word, style=Style.NORMAL, errors="ignore")).lower()
    folded = unicodedata.normalize("NFKC", word)
    return "".join(ASCII_WORD.findall(folded)).lower()


def slugify(text: str, max_length: int = 48) -> str:
    """``鄂州公安“情指勤舆”…`` → ``ezhou-gongan-qingzhiqinyu-…``, cut at a word boundary."""
    words = [word_pinyin(w) for w in get_jieba().cut(text)]
    slug = ""
    for word in filter(None, words):
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length and slug:
            break
        slug = candidate[:max_length]
    return slug or "untitled"
