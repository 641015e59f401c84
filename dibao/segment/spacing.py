"""Pages that set their stories apart with blank lines.

A page pasted as printed text either puts a blank line between every two paragraphs (an
e-paper's copy, the corpus's pages) or between none.  Some pastes do neither: paragraphs run
on line after line, and a blank line stands only where one story ends and the next begins::

    …让群众享受更便捷的解纷服务。

    法官手记
    一份判决书背后的坚持
    □ 李 想

On such a page the blank line is the page's own word that a story ends.  Headline lines right
after it, two or more of them or one over a byline or a dateline, open a story, whatever stands
above the blank line (a data box's last figure is no finished paragraph).
"""
from __future__ import annotations

from .lineforms import MAX_HEAD_LINES, OPENING_FORMS, OPENING_ROLES, group_roles, headline_line
from .patterns import closing_line, figure_line
from .series import part_head
from .units import Unit

SPARSE = 0.3  #: share of lines with a blank line above, under which blank lines part stories only


def stories_apart(units_by_line: list[list[Unit]], roles: list[str]) -> list[str]:
    """On a page whose blank lines are few, a headline group right after a blank line opens a story."""
    if not _sparse_blanks(units_by_line):
        return roles
    roles = list(roles)
    for i, units in enumerate(units_by_line):
        if i == 0 or not units or not units[0].blank_before or roles[i] != "body" or not _head(units):
            continue
        if roles[i - 1] == "furniture" or not units_by_line[i - 1]:
            continue  # under the page's head: the rules for the page's first story decide
        end = i
        while end < len(roles) and end - i < MAX_HEAD_LINES and roles[end] == "body" and _head(units_by_line[end]) \
                and (end == i or not units_by_line[end][0].blank_before):
            end += 1
        below = units_by_line[end] if end < len(roles) else []
        opened = bool(below) and all(u.kind in OPENING_FORMS for u in below)
        if (end - i >= 2 or opened) and end < len(roles) and roles[end] not in OPENING_ROLES:
            roles[i:end] = group_roles(units_by_line, i, end)
    return roles


def _sparse_blanks(units_by_line: list[list[Unit]]) -> bool:
    starts = [units[0].blank_before for units in units_by_line[1:] if units]
    return any(starts) and sum(starts) / len(starts) < SPARSE


def _head(units: list[Unit]) -> bool:
    text = units[0].text.strip() if units else ""
    return headline_line(units) and not part_head(text) and not closing_line(text) and not figure_line(text)
