"""What a line is in form, for the passes over a page's roles: a headline line, a byline line, and
the roles a run of headline lines takes when it opens a story."""
from __future__ import annotations

from .patterns import is_kicker_form
from .units import Unit

OPENING_FORMS = ("byline", "marker", "dateline", "author")  #: what prints right under a headline
OPENING_ROLES = ("kicker", "title", "lead")  #: the roles that open an article
TEXT_ROLES = ("body", "join")  #: the roles of a line of text
MAX_HEAD_LINES = 4  #: kicker, title, subtitle, column


def group_roles(units_by_line: list[list[Unit]], start: int, end: int) -> list[str]:
    """Roles of the headline lines ``start`` to ``end - 1`` opening a story: a kicker-shaped first
    line over another is the kicker and the next the title, else the first is the title; the
    rest are headline lines."""
    first = "kicker" if end - start > 1 and is_kicker_form(units_by_line[start][0].text) else "title"
    return [first] + ["title" if first == "kicker" and k == start + 1 else "head" for k in range(start + 1, end)]


def bylined(units: list[Unit]) -> bool:
    return bool(units) and all(u.kind == "byline" for u in units)


def signed_by_commentator(units_by_line: list[list[Unit]], i: int) -> bool:
    """The line is a byline of the paper's commentator (本报评论员, 本刊特约评论员), which
    signs a commentary of its own, never a part of another story."""
    units = units_by_line[i] if i < len(units_by_line) else []
    return bool(units) and all(u.kind == "byline" for u in units) and "评论员" in units[0].text


def headline_line(units: list[Unit]) -> bool:
    return len(units) == 1 and units[0].kind == "heading"
