"""Where a report opens under headline lines the model read as text: a dateline or a byline line
below them, a finished story or the page's head above them (:func:`headed_datelines`)."""
from __future__ import annotations

import bisect

from .bylines import REPORTED_DATELINE
from .boxes import EDITORS_NOTE
from .lineforms import MAX_HEAD_LINES, OPENING_ROLES, bylined, group_roles, headline_line
from .patterns import BRACKETED, closing_line, ends_sentence, figure_line, has_sentence_punctuation, quotes_balanced
from .units import Unit

DATELINE_REACH = 4  #: paragraphs a report may print between its headline and its dateline (a summary, pull quotes)


def headed_datelines(units_by_line: list[list[Unit]], roles: list[str]) -> list[str]:
    """Headline lines read as text, right under a finished paragraph and a few paragraphs at most
    above a dateline (``本报海口1月7日电``) or a byline line, open an article: a dateline opens a
    report, so the headline over it is no subhead of the story above.  Unless that story is a
    digest (速览, 数读) whose items are printed the same way (an item under the story's own headline,
    with no dateline of the story's own above it, says so); or, for a byline, unless the story
    above is only a headline and an introduction to pieces that each carry a byline (a feature
    across the page)."""
    new = list(roles)  # the model's openings decide what story a group is under; the new ones do not
    # a byline the model filed with a headline group (``head``) whose headline it read as text counts too
    openers = [d for d in range(1, len(roles)) if _opens_report(units_by_line[d]) and (
        roles[d] in ("body", "join") or roles[d] == "head" and bylined(units_by_line[d]) and roles[d - 1] == "body")]
    items = [k for k in (_reach_up(units_by_line, roles, d) for d in openers) if headline_line(units_by_line[k])]
    openings = [k for k, role in enumerate(roles) if role in OPENING_ROLES and not _furniture(units_by_line[k])]
    for d in openers:
        group = _headline_over(units_by_line, roles, d)
        if group is None:
            continue
        start, end = group
        story = openings[bisect.bisect_left(openings, start) - 1] if openings and openings[0] < start else -1
        first = next((k for k in items if story < k < start), None) if story >= 0 else None
        if first is not None and not _reported(units_by_line, story, first, DATELINED):
            continue  # a digest: its first item, under its headline, is printed the same way
        if bylined(units_by_line[d]) and story >= 0 and not _reported(units_by_line, story, start) \
                and not _editors_note(units_by_line[story]):
            continue  # a feature's pieces under its headline and introduction, each with its byline
        new[start:end] = group_roles(units_by_line, start, end)
    return new


DATELINED = ("dateline", "marker")  #: what makes a story a report of its own, not a digest's head
OPENED = ("dateline", "byline", "marker")  #: what makes it more than a feature's headline and introduction


def _reported(units_by_line: list[list[Unit]], story: int, start: int, kinds: tuple[str, ...] = OPENED) -> bool:
    """The story from line ``story`` to line ``start`` has one of these ``kinds`` of its own (by
    default a dateline, a byline or a continuation marker): more than a headline and an
    introduction.  A feature's pieces each carry a byline, so for a digest only a dateline tells."""
    return any(u.kind in kinds for units in units_by_line[story:start] for u in units)


def _reach_up(units_by_line: list[list[Unit]], roles: list[str], d: int) -> int:
    """The first line above line ``d`` that is no paragraph of text, at most a few paragraphs up."""
    i = d - 1
    while i > 0 and d - i <= DATELINE_REACH and roles[i] == "body" and not headline_line(units_by_line[i]) \
            and all(u.kind == "body" for u in units_by_line[i]):
        i -= 1
    return i


def _editors_note(units: list[Unit]) -> bool:
    """The line heads an editor's note (``编者按``), which introduces the story under it: it is no
    feature's headline with pieces under it."""
    return bool(units) and bool(EDITORS_NOTE.match(units[0].text.strip()))


def _opens_report(units: list[Unit]) -> bool:
    """A line that opens a report: a dateline (``本报海口1月7日电``, ``据新华社…电``), a byline line of
    its own (``■ 本报记者 王 磊``), which prints under a headline and nowhere else, or a ``（上接第一版）``
    marker alone on its line, under the headline the page repeats over a story's continuation."""
    if not units:
        return False
    jumped_from = len(units) == 1 and units[0].kind == "marker" and units[0].data.get("direction") == "from"
    return units[0].kind == "dateline" or bool(REPORTED_DATELINE.match(units[0].text)) or bylined(units) \
        or jumped_from


def _headline_over(units_by_line: list[list[Unit]], roles: list[str], d: int) -> tuple[int, int] | None:
    """(first, last + 1) of the headline lines read as text a few paragraphs at most above line ``d``,
    when a finished paragraph, the page's furniture or nothing stands right above them.  A short
    question (``房子归谁？``) is a headline line too when a byline or another headline line is under it."""
    i = d - 1 if _question_title(units_by_line[d - 1]) else _reach_up(units_by_line, roles, d)
    if roles[i] != "body" or not _head_shaped(units_by_line, i):
        return None
    start = i
    while start >= 0 and i - start < MAX_HEAD_LINES and roles[start] == "body" and _head_shaped(units_by_line, start):
        start -= 1
    if start < 0 or _furniture(units_by_line[start]):
        return (start + 1, i + 1) if i - start <= MAX_HEAD_LINES else None  # the first story under the page's head
    above = units_by_line[start]
    if start == i or roles[start] not in ("body", "join") or not above or not _finished(above[-1]):
        return None
    return start + 1, i + 1


def _head_shaped(units_by_line: list[list[Unit]], i: int) -> bool:
    """A headline line, not a bracketed sign-off (``（作者单位：…）``), or a short question over one."""
    if headline_line(units_by_line[i]):
        text = units_by_line[i][0].text.strip()
        return not closing_line(text) and not figure_line(text)
    return _question_title(units_by_line[i]) and i + 1 < len(units_by_line) and (
        headline_line(units_by_line[i + 1]) or bylined(units_by_line[i + 1]))


QUESTION_TITLE = 24  #: characters: a headline that asks (``借名买房，房子归谁？``) is short and one sentence


def _question_title(units: list[Unit]) -> bool:
    text = units[0].text.strip() if len(units) == 1 and units[0].kind == "body" else ""
    return 4 <= len(text) <= QUESTION_TITLE and text[-1] in "？！?!" and not has_sentence_punctuation(text[:-1]) \
        and quotes_balanced(text)


def _furniture(units: list[Unit]) -> bool:
    return bool(units) and all(u.kind == "furniture" for u in units)


def _finished(unit: Unit) -> bool:
    """A finished paragraph, or a photo's caption or credit, which closes a story as well."""
    return unit.kind in ("caption", "credit") or unit.kind == "body" and ends_sentence(unit.text) \
        or BRACKETED.match(unit.text.strip()) is not None \
        or figure_line(unit.text.strip())  # a bracketed sign-off (作者单位：…) or a data box's line closes a story
