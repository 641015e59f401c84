"""Rule passes over the role model's reading of a page, before it is decoded into articles.

Each pass takes the lines' units (what the rules read each line as) and their roles, and gives
the roles back with one certain thing mended: what the model, seeing only a window of lines, gets
wrong where the printed form settles it.  :func:`mended_roles` runs them in order.
"""
from __future__ import annotations

import re

from .bridges import cut_words, moved_tails
from .bylines import BOX, ROLE, split_sign_off
from .lineforms import (MAX_HEAD_LINES, OPENING_FORMS, OPENING_ROLES, bylined, group_roles, headline_line,
                        signed_by_commentator)
from .patterns import BRACKETED, HAN, PART_NUMBER, PHOTO_CREDIT, ends_sentence, is_kicker_form, is_list_item
from .notices import signed_pieces
from .reports import headed_datelines
from .series import heads_stand, numbered_parts
from .spacing import stories_apart
from .units import Unit


def mended_roles(units_by_line: list[list[Unit]], roles: list[str]) -> list[str]:
    """Every pass, in order: parts go on, after a jump, speakers listed, numbered parts, moved tails,
    cut words, heads stand, bylines lead, signed off, signed pieces, stories apart, photo news, briefs box, headed datelines,
    headed furniture, head groups."""
    roles = speakers_listed(units_by_line, after_jump(units_by_line, parts_go_on(units_by_line, roles)))
    roles = cut_words(units_by_line, moved_tails(units_by_line, numbered_parts(units_by_line, roles)))
    roles = heads_stand(units_by_line, roles)
    roles = signed_pieces(units_by_line, signed_off(units_by_line, bylines_lead(units_by_line, roles)))
    roles = stories_apart(units_by_line, roles)
    roles = headed_datelines(units_by_line, briefs_box(units_by_line, photo_news(units_by_line, roles)))
    return head_groups(units_by_line, headed_furniture(units_by_line, roles))


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
        if end is not None and (end + 1 == len(roles) or roles[end + 1] in (*OPENING_ROLES, "furniture")
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
        if end - i >= 3 and (end == len(roles) or roles[end] in (*OPENING_ROLES, "furniture")):
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
    """Headline lines read as text under a paragraph signed off in brackets (``…服务。（王 鹏）``), or
    under a byline line that signs the text above it (``本报记者 王 磊 报道``), over text, open a
    story: the names close the one above, so what follows is no section of it."""
    roles = list(roles)
    for i in range(1, len(roles)):
        above = units_by_line[i - 1]
        if roles[i] != "body" or roles[i - 1] not in ("body", "join") or not above or not headline_line(units_by_line[i]):
            continue
        signed = split_sign_off(above[-1].text.strip()) if above[-1].kind == "body" else None
        bracketed = bool(signed) and signed[1].startswith(("（", "("))
        if not (bracketed or signs_text(units_by_line, i - 1)):
            continue
        end = i
        while end < len(roles) and end - i < MAX_HEAD_LINES and roles[end] == "body" and headline_line(units_by_line[end]):
            end += 1
        if end < len(roles) and roles[end] in ("body", "join") and units_by_line[end] and units_by_line[end][0].kind == "body":
            roles[i:end] = group_roles(units_by_line, i, end)
    return roles


def signs_text(units_by_line: list[list[Unit]], i: int) -> bool:
    """Line ``i`` is a byline line with a role in it (``本报记者 王 磊 报道``) right under a finished
    paragraph: it signs the text above it.  A box mark over a bare word (``■编后``) signs nothing."""
    above = units_by_line[i - 1] if i > 0 else []
    return bylined(units_by_line[i]) and ROLE.search(units_by_line[i][0].text) is not None and bool(above) \
        and above[-1].kind == "body" and ends_sentence(above[-1].text)


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
        elif bylined(units_by_line[i]) and i + 1 < len(roles) and headline_line(units_by_line[i + 1]):
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
