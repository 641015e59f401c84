"""What the role model sees of a line: its shape, its printed formulas, and its neighbours.

Every feature is a general property of printed news text: length, closing punctuation,
brackets and quotes, the formulas of datelines, bylines and credits (本报记者, 电, 摄,
整理), what the rule tagger (:mod:`dibao.segment.units`) made of the line, and how much
of its vocabulary the lines around it share.  The edges of a line (its first and last
two characters, a short bracketed tail) are given as they are, so lexical cues such as
column names are learnt from the training pages, never typed in.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from itertools import chain

from ..model import Line
from ..segment.patterns import HAN, bigrams, closing_line, ends_sentence, quotes_balanced, starts_mid_sentence

LENGTHS = (2, 4, 6, 8, 10, 12, 16, 20, 24, 32, 40, 60, 100, 200)
SENTENCE_MARKS = "。！？!?；;"
TAIL_BRACKET = re.compile(r"[（(]([^（）()]{1,16})[）)]$")
FORMULAS = {
    "reporter": re.compile(r"(?:本报|本刊)?(?:特约|见习|实习)?记者"),
    "correspondent": re.compile(r"通讯员"),
    "dateline": re.compile(rf"^(?:本报|本刊|[{HAN}]{{1,3}}社)[{HAN}]{{0,8}}?(?:\d{{1,2}}月\d{{1,2}}日)?(?:电|讯)"),
    "cable": re.compile(r"电[）)]?$|日电"),
    "photo": re.compile(r"摄(?:[（(][^）)]*[）)])?$"),
    "compiled": re.compile(r"整理[）)]?$"),
    "author_note": re.compile(r"^[（(]?作者"),
    "design": re.compile(r"^(?:本版)?(?:制图|版式设计|版式|责编|责任编辑|编辑|图片来源|数据来源|来源)\s*[:：]"),
    "picture": re.compile(r"^图[①-⑳\d]|^图为|图片|资料图"),
    "continued": re.compile(r"[上下]?[接转续][第]?[一二三四五六七八九十\d]+版"),
    "series": re.compile(r"[①-⑳]|[（(][一二三四五六七八九十]+[）)]$"),
    "enumerated": re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[.、．]|[（(][一二三四五六七八九十\d]+[）)])"),
    "box": re.compile(r"^[□■◇◆○●◎☆★▲△▶►]"),
    "dash_open": re.compile(r"^[—－-]{1,2}"),
    "dash_close": re.compile(r"[—－-]{1,2}$"),
    "colon_close": re.compile(r"[:：]$"),
    "middle_dot": re.compile(r"·"),
    "date": re.compile(r"\d{1,4}年\d{1,2}月|\d{1,2}月\d{1,2}日"),
    "latin": re.compile(r"[A-Za-z]{3,}"),
}


def bucket(value: int, edges: tuple[int, ...] = LENGTHS) -> str:
    return str(next((edge for edge in edges if value <= edge), "more"))


def char_class(char: str) -> str:
    if not char:
        return "none"
    if re.match(f"[{HAN}]", char):
        return "han"
    if char.isdigit():
        return "digit"
    if char.isascii() and char.isalpha():
        return "latin"
    return char


def shape(line: Line, rule_kinds: tuple[str, ...]) -> dict[str, str | float]:
    """The line's own features (no neighbours)."""
    text = line.text
    bracket = TAIL_BRACKET.search(text)
    features: dict[str, str | float] = {
        "len": bucket(len(text)), "first": char_class(text[:1]), "last": char_class(text[-1:]),
        "rule": "+".join(rule_kinds),
        "ends": str(ends_sentence(text)), "mid": str(starts_mid_sentence(text)),
        "marks": bucket(sum(text.count(c) for c in SENTENCE_MARKS), (0, 1, 2, 4)),
        "commas": bucket(text.count("，") + text.count(","), (0, 1, 2, 4)),
        "space": str(" " in text.strip()), "balanced": str(quotes_balanced(text)),
        "heading": str(line.heading), "bullet": str(line.bullet), "blank": str(line.blank_before),
        "bracket": bucket(len(bracket.group(1)), (4, 8, 12)) if bracket else "no",
        "han": bucket(round(10 * len(re.findall(f"[{HAN}]", text)) / max(1, len(text))), (3, 6, 8, 9, 10)),
    }
    if bracket and len(bracket.group(1)) <= 12:
        features["tail"] = bracket.group(1)
    if len(text) <= 6:
        features["whole"] = text
    for name, pattern in FORMULAS.items():
        if pattern.search(text):
            features[name] = 1.0
    return features


def headline_like(text: str) -> bool:
    """Lines that may be headings: the only ones whose context the model needs to weigh."""
    return len(text) <= 60 and not any(mark in text for mark in SENTENCE_MARKS)


class Context:
    """How a line's vocabulary relates to the text around it (IDF-weighted Han bigrams).

    ``shift``: how much the text after a line shares with the text before it, low across
    the start of a new story and high across a subhead.  ``after``/``before``: how much of
    the line's own vocabulary recurs below and above it: a title's words recur in the story
    below and not in the one above; a subhead's on both sides.  Windows are bounded in
    characters, so the cost per line is bounded and a page costs time linear in its length."""

    SHIFT_WINDOW = 1000  #: characters on each side
    AFTER, BEFORE = 300, 1000

    def __init__(self, texts: list[str]):
        self.texts = texts
        self.lists = [bigrams(text) for text in texts]  #: with repeats: windows count them in C
        self.grams = [Counter(grams) for grams in self.lists]
        df = Counter(g for grams in self.grams for g in grams)
        docs = max(1, len(texts))
        self.idf = {g: math.log((docs + 1) / (n + 0.5)) for g, n in df.items()}
        self.weights = [sum(map(self.idf.__getitem__, grams)) for grams in self.lists]  #: additive over lines
        self._shifts: dict[int, float | None] = {}

    def window(self, indices: range, chars: int) -> tuple[Counter, float]:
        """The bigrams of the lines in ``indices``, in order, up to the first that reaches
        ``chars``, and their IDF weight."""
        taken, seen, weight = [], 0, 0.0
        for j in indices:
            if seen >= chars:
                break
            taken.append(self.lists[j])
            seen += len(self.texts[j])
            weight += self.weights[j]
        return Counter(chain.from_iterable(taken)), weight

    def side(self, i: int, step: int, chars: int) -> tuple[Counter, float]:
        return self.window(range(i - 1, -1, -1) if step < 0 else range(i + 1, len(self.texts)), chars)

    def shift(self, i: int) -> float | None:
        if i not in self._shifts:
            self._shifts[i] = self._shift(i) if 0 <= i < len(self.texts) else None
        return self._shifts[i]

    def _shift(self, i: int) -> float | None:
        (before, before_weight), (after, after_weight) = self.side(i, -1, self.SHIFT_WINDOW), self.side(i, 1, self.SHIFT_WINDOW)
        if not before or not after:
            return None
        few, many = (before, after) if len(before) <= len(after) else (after, before)
        shared = sum(min(n, many[g]) * self.idf[g] for g, n in few.items() if g in many)
        smaller = min(before_weight, after_weight)
        return shared / smaller if smaller else None

    def recurs(self, i: int, step: int, chars: int) -> float | None:
        total = sum(self.idf[g] for g in self.grams[i])
        if not total:
            return None
        pool, _ = self.side(i, step, chars)
        return sum(self.idf[g] for g in self.grams[i] if g in pool) / total


SHIFT_STEPS = (0.02, 0.04, 0.06, 0.08, 0.10, 0.13, 0.16, 0.20)
OVERLAP_STEPS = (0.01, 0.05, 0.1, 0.2, 0.3, 0.45, 0.6, 0.8)


def steps(prefix: str, value: float | None, edges: tuple[float, ...] = SHIFT_STEPS) -> dict[str, float]:
    """A measure as a value and as steps (``shift<0.06``): a linear model learns a threshold from steps."""
    if value is None:
        return {f"{prefix}edge": 1.0}
    out = {f"{prefix}": value}
    out.update({f"{prefix}<{edge}": 1.0 for edge in edges if value < edge})
    return out


def heading_ranks(lines: tuple[Line, ...]) -> list[dict[str, str]]:
    """Where a page marks its headings (``#``), what counts is rank, not level: a line's mark
    against the page's most prominent one and against the last marked line above it."""
    levels = [line.heading for line in lines if line.heading]
    if not levels:
        return [{"marked": "no"}] * len(lines)
    top, last, out = min(levels), 0, []
    for line in lines:
        row = {"marked": "yes"}
        if line.heading:
            row["hrank"] = str(min(line.heading - top, 3))
            row["hprev"] = "none" if not last else "same" if line.heading == last else \
                "deeper" if line.heading > last else "higher"
            last = line.heading
        out.append(row)
    return out


DISTANCES = (100, 300, 600, 1000, 2000, 4000)


def distances(texts: list[str], marked: list[bool]) -> list[str]:
    """For each line, how many characters of text lie between it and the last marked line above
    it (bucketed; ``none`` when there is none)."""
    out, since = [], None
    for text, mark in zip(texts, marked):
        out.append("none" if since is None else bucket(since, DISTANCES))
        since = 0 if mark else (None if since is None else since + len(text))
    return out


def line_features(lines: tuple[Line, ...], rule_kinds: list[tuple[str, ...]]) -> list[dict[str, str | float]]:
    """One feature mapping per line, with its neighbours' shapes under ``-2:``, ``-1:``, ``+1:``, ``+2:``."""
    own = [shape(line, kinds) for line, kinds in zip(lines, rule_kinds)]
    texts = [line.text for line in lines]
    context = Context(texts)
    marks = heading_ranks(lines)
    heading = [headline_like(text) for text in texts]
    since_close = distances(texts, [closing_line(text) for text in texts])
    since_head = distances(texts, heading)
    out = []
    for i, features in enumerate(own):
        row = dict(features)
        row.update(marks[i])
        if heading[i]:
            row["since_close"], row["since_head"] = since_close[i], since_head[i]
            row.update(steps("after", context.recurs(i, 1, Context.AFTER), OVERLAP_STEPS))
            row.update(steps("before", context.recurs(i, -1, Context.BEFORE), OVERLAP_STEPS))
            for offset in (-1, 0, 1):
                row.update(steps(f"shift{offset}", context.shift(i + offset)))
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < len(own):
                for key in ("len", "first", "last", "rule", "ends", "mid", "marks", "bracket", "heading", "blank"):
                    row[f"{offset}:{key}"] = own[j][key]
                for name in FORMULAS:
                    if name in own[j] and abs(offset) == 1:
                        row[f"{offset}:{name}"] = 1.0
            else:
                row[f"{offset}:edge"] = 1.0
        out.append(row)
    return out
