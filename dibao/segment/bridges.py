"""Words the page cut in two: the surest sign that two blocks are one sentence.

A damaged page breaks a paragraph inside a word (``形成38条建`` … ``议，形成…``),
next to its other half or far below it, when the page moves a story's end under
the next story.  Where the last characters of one block and the first of another
read as one word of the dictionary (jieba's, with the project's own words), and
neither block ends a sentence where they meet, the second goes on with the first.

:func:`moved_tails` marks, as a displaced piece (``fragment``), a block that
finishes a word cut at the end of a story broken off above the next story's
headline; the fragment stage then files it with that story.
"""
from __future__ import annotations

import math

from ..textseg import cut, get_jieba
from .lineforms import OPENING_ROLES, TEXT_ROLES
from .patterns import closing_line, ends_sentence
from .units import Unit

WINDOW = 4  #: characters either side of the cut that the dictionary sees
#: nats: on damaged 人民日报 pages (2020-01, checked on 2019-02), bridges at 6 or more were true
#: cuts 42 times in 44 (32 in 33), those under 4 four times in 20 (5 in 21)
MIN_ASSOCIATION = 6.0


def bridges(left: str, right: str) -> bool:
    """``left`` stops, and ``right`` starts, inside one word of two characters or more: each side
    alone leaves a character on its own where the other reads it into a word."""
    left, right = left.rstrip(), right.lstrip()
    if not left or not right or ends_sentence(left) or not ("\u4e00" <= left[-1] <= "\u9fff") \
            or not ("\u4e00" <= right[0] <= "\u9fff"):
        return False
    if len(cut(left[-WINDOW:])[-1]) > 1 or len(cut(right[:WINDOW])[0]) > 1:
        return False  # a side that ends (starts) with a whole word of its own was cut between words
    window = left[-WINDOW:] + right[:WINDOW]
    cut_at, at = len(left[-WINDOW:]), 0
    for word in cut(window):
        if at < cut_at < at + len(word):
            return association(word, cut_at - at) >= MIN_ASSOCIATION
        at += len(word)
    return False


def association(word: str, k: int) -> float:
    """How much likelier the word is than its two halves (``word[:k]``, ``word[k:]``) apart, in nats
    (pointwise mutual information under the dictionary's counts).  建|议 is a word cut in two; 更|新
    (更 at a sentence's end, 新中国 at the next one's start) is two words that happen to meet."""
    tokenizer = get_jieba()
    count = tokenizer.FREQ
    return (math.log(count.get(word) or 1) - math.log(count.get(word[:k]) or 1) - math.log(count.get(word[k:]) or 1)
            + math.log(tokenizer.total))


def moved_tails(units_by_line: list[list[Unit]], roles: list[str]) -> list[str]:
    """A block of text right under a finished paragraph or a credit, whose start finishes a word cut
    at the end of a story broken off above another story's headline, is that story's displaced end."""
    roles = list(roles)
    broken = [i for i in range(len(roles) - 1) if roles[i] in TEXT_ROLES and _text(units_by_line[i])
              and roles[i + 1] in OPENING_ROLES and not ends_sentence(_text(units_by_line[i]))]
    for j in range(1, len(roles)):
        right = _text(units_by_line[j], first=True)
        above = units_by_line[j - 1][-1].text.strip() if units_by_line[j - 1] else ""
        if roles[j] not in TEXT_ROLES or not right or not above or not (ends_sentence(above) or closing_line(above)):
            continue  # a credit (X摄（新华社发）, （作者为…）) closes the story above as a finished paragraph does
        home = next((i for i in reversed(broken) if i < j - 1 and bridges(_text(units_by_line[i]), right)), None)
        if home is not None:
            roles[j] = "fragment"
            broken.remove(home)
    return roles


def cut_words(units_by_line: list[list[Unit]], roles: list[str]) -> list[str]:
    """A line that stops inside the word the line under it finishes is text going on into it, even
    where the model read it as a headline (a long sentence cut off reads like one to it)."""
    roles = list(roles)
    for j in range(1, len(roles)):
        above = units_by_line[j - 1]
        if roles[j] not in ("body", "lead", "fragment") or len(above) != 1 or roles[j - 1] == "furniture":
            continue
        if bridges(_text(above), _text(units_by_line[j], first=True)):
            roles[j - 1] = roles[j - 1] if roles[j - 1] in TEXT_ROLES else "body"
            roles[j] = "join"
    return roles


def _text(units: list[Unit], first: bool = False) -> str:
    """The line's last text unit (its first, with ``first``); "" when it has no text there.  A short
    line cut off mid-sentence is headline-shaped to the rules; its role says it is text."""
    unit = (units[0] if first else units[-1]) if units else None
    return unit.text if unit is not None and unit.kind in ("body", "heading") else ""
