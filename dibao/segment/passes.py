"""Rule passes over the role model's reading of a page, before it is decoded into articles.

Each pass takes the lines' units (what the rules read each line as) and their roles, and gives
the roles back with one certain thing mended: what the model, seeing only a window of lines, gets
wrong where the printed form settles it.  :func:`mended_roles` runs them in order.
"""
from __future__ import annotations

import bisect
import re

from .bylines import BOX, REPORTED_DATELINE, split_sign_off
from .patterns import (BRACKETED, HAN, PART_NUMBER, PHOTO_CREDIT, closing_line, ends_sentence, has_sentence_punctuation,
                       is_kicker_form, is_list_item, quotes_balanced)
from .bridges import cut_words, moved_tails
from .series import numbered_parts
from .units import Unit


def mended_roles(units_by_line: list[list[Unit]], roles: list[str]) -> list[str]:
    """Every pass, in order: parts go on, after a jump, speakers listed, numbered parts, moved tails,
    cut words, bylines lead, signed off, photo news, briefs box, headed datelines, headed furniture,
    head groups."""
    roles = speakers_listed(units_by_line, after_jump(units_by_line, parts_go_on(units_by_line, roles)))
    roles = cut_words(units_by_line, moved_tails(units_by_line, numbered_parts(units_by_line, roles)))
    roles = signed_off(units_by_line, bylines_lead(units_by_line, roles))
    roles = headed_datelines(units_by_line, briefs_box(units_by_line, photo_news(units_by_line, roles)))
    return head_groups(units_by_line, headed_furniture(units_by_line, roles))


OPENING_FORMS = ("byline", "marker", "dateline", "author")  #: what prints right under a headline
MAX_HEAD_LINES = 4  #: kicker, title, subtitle, column


def group_roles(units_by_line: list[list[Unit]], start: int, end: int) -> list[str]:
    """Roles of the headline lines ``start`` to ``end - 1`` opening a story: a kicker-shaped first
    line over another is the kicker and the next the title, else the first is the title; the
    rest are headline lines."""
    first = "kicker" if end - start > 1 and is_kicker_form(units_by_line[start][0].text) else "title"
    return [first] + ["title" if first == "kicker" and k == start + 1 else "head" for k in range(start + 1, end)]


def headed_furniture(units_by_line: list[list[Unit]], roles: list[str]) -> list[str]:
    """Lines read as furniture that the rules read as headline lines, with the opening of a
    story right under them (a byline, dateline, 上接 marker or text), are its headline group:
    what the rules call furniture (folios, mastheads, footers) never heads a story.  Pages cut
    from the middle of an issue have no masthead above their first story."""
    roles, i = list(roles), 0
    while i < len(roles):
        end = i
        while end < len(roles) and roles[end] == "furniture" and headline_line(units_by_line[end]):
            end += 1
        below = units_by_line[end] if end < len(roles) else []
        opens = below and (below[0].kind in OPENING_FORMS or roles[end] in ("head", "body", "join"))
        if end > i and end - i <= MAX_HEAD_LINES and opens and (i == 0 or roles[i - 1] == "furniture"):
            roles[i:end] = group_roles(units_by_line, i, end)
            while end < len(roles) and roles[end] == "furniture" and units_by_line[end] and \
                    all(u.kind in OPENING_FORMS for u in units_by_line[end]):
                roles[end] = "head"
                end += 1
        i = max(end, i + 1)
    return roles


def head_groups(units_by_line: list[list[Unit]], roles: list[str]) -> list[str]:
    """Headline-shaped lines between a title and the byline under it (a ``——`` subtitle, a
    column name) belong to the headline group, and so does the byline; a kicker-shaped line
    read as furniture right above a title is its kicker."""
    roles = list(roles)
    for i, role in enumerate(roles):
        if role in ("body", "join") and headline_line(units_by_line[i]) and signed_by_commentator(units_by_line, i + 1):
            roles[i], role = "title", "title"  # a commentary under its own headline is a piece of its own
        if role == "title" and i > 0 and roles[i - 1] == "furniture" and headline_line(units_by_line[i - 1]) \
                and is_kicker_form(units_by_line[i - 1][0].text):
            roles[i - 1] = "kicker"
        if role not in ("kicker", "title", "head"):
            continue
        j = i + 1
        while j < len(roles) and j - i <= MAX_HEAD_LINES and roles[j] in ("body", "head") and headline_line(units_by_line[j]):
            j += 1
        if i + 1 < j < len(roles) and units_by_line[j] and all(u.kind in OPENING_FORMS for u in units_by_line[j]):
            roles[i + 1:j + 1] = ["head"] * (j - i)
    return roles


PHOTO_NEWS_LINES = 4  #: caption paragraphs under a photo's headline, its credit line included
PHOTO_NEWS_CHARS = 600  #: a caption is a few sentences, not a story


def photo_news(units_by_line: list[list[Unit]], roles: list[str]) -> list[str]:
    """A headline line read as text, over a few short paragraphs whose last ends in a photo credit
    (``王春摄（影像中国）``) and under which the page goes on with something else, is photo news of
    its own: print sets a photo, its headline and its caption apart from the story above, which
    the model, seeing a short line between paragraphs, takes for that story's subhead."""
    roles = list(roles)
    for i, role in enumerate(roles):
        if role != "body" or i == 0 or roles[i - 1] not in ("body", "join") or not headline_line(units_by_line[i]):
            continue
        end = _caption_run(units_by_line, roles, i + 1)
        if end is not None and (end + 1 == len(roles) or roles[end + 1] in ("kicker", "title", "lead", "furniture")
                                or headline_line(units_by_line[end + 1])):
            roles[i] = "title"
    return roles


def _caption_run(units_by_line: list[list[Unit]], roles: list[str], start: int) -> int | None:
    """The last line of a short run of text from ``start`` ending in a photo credit, if there is one."""
    chars = 0
    for j in range(start, min(start + PHOTO_NEWS_LINES, len(roles))):
        units = units_by_line[j]
        if roles[j] not in ("body", "join") or not units:
            return None
        chars += sum(len(u.text) for u in units)
        if chars > PHOTO_NEWS_CHARS:
            return None
        if PHOTO_CREDIT.search(units[-1].text.strip()):  # the credit on a line of its own reads as a heading
            return j if j > start or len(units[-1].text) > 20 else None
        if headline_line(units):
            return None
    return None


ITEM_MIN = 20  #: characters: an item is a sentence or more, not a list of words


def briefs_box(units_by_line: list[list[Unit]], roles: list[str]) -> list[str]:
    """A headline line read as text (``简讯``), under which nothing but marked items follow (each a
    sentence or more, ``▲…``), perhaps closed by a bracketed credit, up to the next story or the
    page's end, is a box of briefs of its own, not the last section of the story above it."""
    roles = list(roles)
    for i, role in enumerate(roles):
        if role != "body" or i == 0 or roles[i - 1] not in ("body", "join") or not headline_line(units_by_line[i]):
            continue
        end = i + 1
        while end < len(roles) and roles[end] in ("body", "join") and _item(units_by_line[end]):
            end += 1
        if end < len(roles) and roles[end] in ("body", "join") and _credit_line(units_by_line[end]):
            end += 1
        if end - i >= 3 and (end == len(roles) or roles[end] in ("kicker", "title", "lead", "furniture")):
            roles[i] = "title"
    return roles


def _item(units: list[Unit]) -> bool:
    text = _line_text(units)
    # a box mark (■) also sets off a subhead or a byline; over a whole sentence it marks an item
    marked = is_list_item(text) or text[:1] in BOX and ends_sentence(text)
    return marked and len(text) >= ITEM_MIN


def _credit_line(units: list[Unit]) -> bool:
    text = units[0].text.strip() if len(units) == 1 else ""
    return BRACKETED.match(text) is not None


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
        roles[d] in ("body", "join") or roles[d] == "head" and _bylined(units_by_line[d]) and roles[d - 1] == "body")]
    items = [k for k in (_reach_up(units_by_line, roles, d) for d in openers) if headline_line(units_by_line[k])]
    openings = [k for k, role in enumerate(roles) if role in ("kicker", "title", "lead") and not _furniture(units_by_line[k])]
    for d in openers:
        group = _headline_over(units_by_line, roles, d)
        if group is None:
            continue
        start, end = group
        story = openings[bisect.bisect_left(openings, start) - 1] if openings and openings[0] < start else -1
        first = next((k for k in items if story < k < start), None) if story >= 0 else None
        if first is not None and not _reported(units_by_line, story, first, DATELINED):
            continue  # a digest: its first item, under its headline, is printed the same way
        if _bylined(units_by_line[d]) and story >= 0 and not _reported(units_by_line, story, start):
            continue  # a feature's pieces under its headline and introduction, each with its byline
        new[start:end] = group_roles(units_by_line, start, end)
    return new


def _bylined(units: list[Unit]) -> bool:
    return bool(units) and all(u.kind == "byline" for u in units)


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


def _opens_report(units: list[Unit]) -> bool:
    """A line that opens a report: a dateline (``本报海口1月7日电``, ``据新华社…电``), or a byline
    line of its own (``■ 本报记者 王 磊``), which prints under a headline and nowhere else."""
    if not units:
        return False
    return units[0].kind == "dateline" or bool(REPORTED_DATELINE.match(units[0].text)) or _bylined(units)


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
        return not closing_line(units_by_line[i][0].text.strip())
    return _question_title(units_by_line[i]) and i + 1 < len(units_by_line) and (
        headline_line(units_by_line[i + 1]) or _bylined(units_by_line[i + 1]))


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
        or BRACKETED.match(unit.text.strip()) is not None  # a bracketed sign-off (作者单位：…) closes a story


def signed_by_commentator(units_by_line: list[list[Unit]], i: int) -> bool:
    """The line is a byline of the paper's commentator (本报评论员, 本刊特约评论员), which
    signs a commentary of its own, never a part of another story."""
    units = units_by_line[i] if i < len(units_by_line) else []
    return bool(units) and all(u.kind == "byline" for u in units) and "评论员" in units[0].text


def headline_line(units: list[Unit]) -> bool:
    return len(units) == 1 and units[0].kind == "heading"


def bylines_lead(units_by_line: list[list[Unit]], roles: list[str]) -> list[str]:
    """Byline lines right above an article with no headline open it: the article starts at its
    bylines (``□ 本报记者 X`` then the text), not at its first sentence."""
    roles = list(roles)
    for i, role in enumerate(roles):
        if role != "lead":
            continue
        start = i
        while start > 0 and roles[start - 1] in ("body", "head") and units_by_line[start - 1] and \
                all(u.kind == "byline" for u in units_by_line[start - 1]):
            start -= 1
        if start < i:
            roles[start:i + 1] = ["lead"] + ["head"] * (i - start - 1) + ["body"]
    return roles


def signed_off(units_by_line: list[list[Unit]], roles: list[str]) -> list[str]:
    """Headline lines read as text under a paragraph signed off in brackets (``…服务。（王 鹏）``), over
    text, open a story: the names close the one above, so what follows is no section of it."""
    roles = list(roles)
    for i in range(1, len(roles)):
        above = units_by_line[i - 1]
        if roles[i] != "body" or roles[i - 1] not in ("body", "join") or not above or not headline_line(units_by_line[i]):
            continue
        signed = split_sign_off(above[-1].text.strip()) if above[-1].kind == "body" else None
        if not signed or not signed[1].startswith(("（", "(")):
            continue
        end = i
        while end < len(roles) and end - i < MAX_HEAD_LINES and roles[end] == "body" and headline_line(units_by_line[end]):
            end += 1
        if end < len(roles) and roles[end] in ("body", "join") and units_by_line[end] and units_by_line[end][0].kind == "body":
            roles[i:end] = group_roles(units_by_line, i, end)
    return roles


def after_jump(units_by_line: list[list[Unit]], roles: list[str]) -> list[str]:
    """A headline line read as text right under a ``（下转第二版）`` marker opens what follows: the
    story it closes goes on on another page, so nothing under the marker is more of it (a 导读
    box under the front page's lead story is no section of that story)."""
    roles = list(roles)
    for i in range(1, len(roles)):
        above = units_by_line[i - 1]
        if roles[i] not in ("body", "join") or not above or above[-1].kind != "marker" \
                or above[-1].data.get("direction") != "to":
            continue
        if headline_line(units_by_line[i]):
            roles[i] = "title"
        elif _bylined(units_by_line[i]) and i + 1 < len(roles) and headline_line(units_by_line[i + 1]):
            roles[i:i + 2] = ["lead", "head"]  # 本报评论员 over the commentary's headline
    return roles


def parts_go_on(units_by_line: list[list[Unit]], roles: list[str]) -> list[str]:
    """The text right under a part's number (``（二）``) is that part of the same story: never the
    start of another article, nor a piece displaced from one.  The model, which sees few such
    numbers, can take ``（二）`` for a closing credit like ``（记者X）`` and the line under it
    for a new start."""
    roles = list(roles)
    for i in range(1, len(roles)):
        above = units_by_line[i - 1]
        if roles[i] in ("fragment", "lead") and roles[i - 1] in ("body", "join") and len(above) == 1 \
                and PART_NUMBER.match(above[0].text.strip()):
            roles[i] = "body"
    return roles


#: a participant of a dialogue or an interview, on a line of its own: 何某某 本报评论员
PARTICIPANT = re.compile(rf"([{HAN}]{{2,4}})[ \u3000]+\S")
PARTICIPANT_CHARS = 30  #: a name and an affiliation, not a sentence
SPEAKER_REACH = 4  #: lines from a participant down to the first turn of the dialogue


def speakers_listed(units_by_line: list[list[Unit]], roles: list[str]) -> list[str]:
    """A line read as a headline that names a participant (``饶某 某报评论员``) in a list of them
    inside a story (对话人：, then a name and affiliation a line), where the turns below open with
    that name (``饶某：…``), is part of that story: a dialogue lists who speaks before it starts."""
    roles = list(roles)
    for i, role in enumerate(roles):
        if role not in ("kicker", "title") or i == 0 or roles[i - 1] not in ("body", "head", "join"):
            continue
        name = _participant(units_by_line[i])
        above = _participant(units_by_line[i - 1]) or _line_text(units_by_line[i - 1]).rstrip().endswith(("：", ":"))
        if name and above and _speaks_below(units_by_line, i, name):
            roles[i] = "body"
    return roles


def _participant(units: list[Unit]) -> str:
    text = _line_text(units)
    match = PARTICIPANT.match(text)
    return match.group(1) if match and len(text) <= PARTICIPANT_CHARS else ""


def _speaks_below(units_by_line: list[list[Unit]], i: int, name: str) -> bool:
    return any(_line_text(units_by_line[j]).startswith((f"{name}：", f"{name}:"))
               for j in range(i + 1, min(i + 1 + SPEAKER_REACH, len(units_by_line))))


def _line_text(units: list[Unit]) -> str:
    return units[0].text.strip() if units else ""
