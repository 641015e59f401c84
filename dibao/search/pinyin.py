"""A small pinyin index: Latin keys to the Chinese strings they spell.

The browser loads it with a Latin-letter query's first files, turns ``ezhou``
or ``dxzp`` into 鄂州 / 电信诈骗, then runs the ordinary Chinese search.  Keys
come from titles (runs of one to three adjacent words), regions, themes and
people, as full pinyin and as initials.
"""
from __future__ import annotations

import zlib
from collections import Counter, defaultdict
from pathlib import Path
from typing import Sequence

from dibao import pickled
from dibao.search.docs import SearchDoc
from dibao.search.codec import json_payload, packed_file
from dibao.search.tokens import is_ideograph, utf16_key
from dibao.slugs import word_pinyin
from dibao.textseg import get_jieba

#: Chinese strings kept per key, most frequent first.
PER_KEY = 6
MAX_WORDS = 2


def _han_runs(text: str) -> list[str]:
    runs, run = [], ""
    for char in text:
        if is_ideograph(char):
            run += char
        elif run:
            runs.append(run)
            run = ""
    return runs + [run] if run else runs


def _chains(run: str) -> set[str]:
    """Strings made of one to ``MAX_WORDS`` adjacent dictionary words of two or more characters.

    Every dictionary word jieba's DAG sees counts, not one segmentation, so
    电信诈骗 is found inside 电信诈骗案 whichever way jieba would cut it.
    """
    dag = get_jieba().get_DAG(run)
    found: set[str] = set()
    frontier = {(k, k) for k in range(len(run))}  # (phrase start, where the next word starts)
    for _ in range(MAX_WORDS):
        step = set()
        for start, at in frontier:
            for end in dag.get(at, ()):
                if end > at:
                    found.add(run[start : end + 1])
                    step.add((start, end + 1))
        frontier = step
    return found


def phrases(doc: SearchDoc) -> set[str]:
    """The Chinese strings of one doc that pinyin can find."""
    found = set()
    for value in (doc.title, *doc.regions, *doc.themes, *doc.people):
        if value and all(is_ideograph(c) for c in value):
            found.add(value)
        for run in _han_runs(value):
            found |= _chains(run)
    return {p for p in found if 2 <= len(p) <= 12}


def keys(phrase: str) -> tuple[str, str]:
    """(full pinyin, initials) of a Chinese string."""
    from pypinyin import Style, lazy_pinyin  # on first use: a build with no new phrase never loads it

    initials = "".join(lazy_pinyin(phrase, style=Style.FIRST_LETTER, errors="ignore")).lower()
    return word_pinyin(phrase), initials


class _Memo:
    """The last build's pinyin work: phrases per doc and keys per phrase.

    jieba and pypinyin are slow; a build that adds an issue only looks up its new phrases."""

    def __init__(self, path: Path | None):
        self.path, self.phrases, self.keys = path, {}, {}
        found = pickled.load(path) if path is not None else None
        if isinstance(found, tuple) and len(found) == 2:
            self.phrases, self.keys = found
        self.used_phrases, self.used_keys = {}, {}

    def doc_phrases(self, doc: SearchDoc) -> tuple[str, ...]:
        source = (doc.title, doc.regions, doc.themes, doc.people)
        found = self.phrases.get(source)
        if found is None:
            found = tuple(sorted(phrases(doc)))
        self.used_phrases[source] = found
        return found

    def phrase_keys(self, phrase: str) -> tuple[str, str]:
        found = self.keys.get(phrase) or keys(phrase)
        self.used_keys[phrase] = found
        return found

    def save(self) -> None:
        if self.path is not None and (self.used_keys != self.keys or self.used_phrases != self.phrases):
            pickled.save(self.path, (self.used_phrases, self.used_keys))


def readings(docs: Sequence[SearchDoc], memo: _Memo) -> dict[str, list[str]]:
    """Latin key -> Chinese strings, most frequent first."""
    counts = Counter(p for doc in docs for p in memo.doc_phrases(doc))
    by_key: dict[str, set[str]] = defaultdict(set)
    for phrase in counts:
        for key in memo.phrase_keys(phrase):
            if len(key) >= 2 and key.isascii() and key.isalpha():
                by_key[key].add(phrase)
    return {key: sorted(by_key[key], key=lambda p: (-counts[p], utf16_key(p)))[:PER_KEY] for key in sorted(by_key)}


#: Bytes (JSON, before deflate) a pinyin file aims at; their count is a power of two.  Only a query of
#: Latin letters reads one, so they are few and big: they take little of the files' budget.
TARGET = 96000


def pinyin_file(key: str, files: int) -> int:
    """The file of a Latin key: by its first two letters (``pinyinFile`` in ``search.js``)."""
    return zlib.crc32(key[:2].encode()) % files


def write_pinyin(docs: Sequence[SearchDoc], cache: Path | None = None) -> tuple[int, dict[str, str]]:
    """(number of ``py/`` files, name -> text of each): Latin keys to Chinese strings.

    ``cache`` (a folder) keeps the work for the next build."""
    memo = _Memo(cache / "pinyin.pickle" if cache is not None else None)
    found = readings(docs, memo)
    memo.save()
    size = sum(len(k) + 4 + 9 * sum(len(v) + 1 for v in values) for k, values in found.items())
    count = 1
    while count * TARGET < size:
        count *= 2
    grouped: dict[int, dict] = defaultdict(dict)
    for key, values in found.items():
        grouped[pinyin_file(key, count)][key] = values
    return count, {f"py/{n}": packed_file(f"py/{n}", json_payload(data)) for n, data in sorted(grouped.items())}
