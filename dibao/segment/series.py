"""Numbered heads of one story: ``案例一：冒充客服诈骗`` … ``案例二：刷单返利诈骗``.

A story that walks through cases, questions or steps prints each under a head
that carries its number, in the same form each time.  The model, seeing a
headline-shaped line after a finished paragraph, may read the first such head as
a new article's title.  When the next number follows further down in the same
form, the heads are parts of the story above them, not stories of their own.
"""
from __future__ import annotations

import re

from .furniture import chinese_number
from .lineforms import OPENING_ROLES
from .patterns import headline_shaped
from .units import Unit

#: a head's number: what comes before it (``案例``, ``（``), the number, and what ends it
NUMBERED = re.compile(r"^(?P<before>[\u4e00-\u9fff]{0,4}?|[（(])(?P<number>[一二三四五六七八九十]{1,3}|\d{1,2})"
                      r"(?P<after>[：:、．.）)]|\s)")
SERIES_REACH = 40  #: lines from one head down to the next one of its series


def numbered_parts(units_by_line: list[list[Unit]], roles: list[str]) -> list[str]:
    """Heads read as openings, under a story's start, with the next number of the same form below
    them, are text: the story's parts."""
    roles = list(roles)
    heads = [(i, form) for i, units in enumerate(units_by_line) if (form := _numbered(units))]
    # the page's first opening: a head is turned to text only below it, so it never moves
    first = next((i for i, role in enumerate(roles) if role in OPENING_ROLES), len(roles))
    for k, (i, (shape, number)) in enumerate(heads):
        if roles[i] not in OPENING_ROLES or i <= first:
            continue
        later = [j for j, (other, n) in heads[k + 1:] if other == shape and n == number + 1 and j - i <= SERIES_REACH]
        earlier = [j for j, (other, n) in heads[:k] if other == shape and n == number - 1 and i - j <= SERIES_REACH]
        if later or earlier:
            roles[i] = "body"
    return roles


def _numbered(units: list[Unit]) -> tuple[tuple[str, str], int] | None:
    """((what comes before the number, what ends it), the number) of a head line, or None."""
    if len(units) != 1 or units[0].kind not in ("heading", "body"):
        return None
    match = NUMBERED.match(units[0].text.strip())
    number = chinese_number(match.group("number")) if match else None
    if number is None or len(units[0].text) > 40:
        return None
    return (match.group("before"), match.group("after")), number


#: a part's label in lenticular brackets, alone on its line: ``【案情回顾】``, ``【检察履职】``
BRACKETED_HEAD = re.compile(r"^【[^【】]{2,10}】$")


def part_head(text: str) -> bool:
    """A head that names a part of the story by its form, a number (``一、…``) or lenticular
    brackets (``【案情回顾】``): a section wherever it stands, right under the byline too."""
    return numbered_head(text) or bool(BRACKETED_HEAD.match(text.strip()))


def numbered_head(text: str) -> bool:
    """A part's head: its number, then a phrase (``一、深刻把握…``, ``（二）坚持…``), no sentence."""
    match = NUMBERED.match(text.strip())
    return bool(match) and match.group("after").strip() != "" and headline_shaped(text.strip()[match.end():])


def heads_stand(units_by_line: list[list[Unit]], roles: list[str]) -> list[str]:
    """The text under a numbered head starts a paragraph: a head ends no sentence, yet nothing of it
    goes on below (the model, seeing an unfinished line, may read the next one as its rest)."""
    roles = list(roles)
    for i in range(1, len(roles)):
        above = units_by_line[i - 1]
        if roles[i] == "join" and len(above) == 1 and above[0].kind in ("heading", "body") and numbered_head(above[0].text):
            roles[i] = "body"
    return roles

