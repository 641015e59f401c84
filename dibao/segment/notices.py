"""Signed pieces: a notice, a letter or a decree ends with who issues it and the date.

Legal papers print whole pages of them (a court's 公告, a police bureau's 警情通报, a
寻人启事), and a general paper prints the state's notices and letters the same way::

    特此公告。
    某县人民法院
    2025年9月12日

The signer and the date are the piece's last lines.  Read alone, the signer looks like a
subhead and the date like the page's dateline (furniture), so the signature was filed as a
section and the date lost to the issue's metadata.  Read together they are certain: the
signature is text of the piece above it, the piece ends there, and the headline lines under
it open the next one.  A short piece between a finished story and a signature (a notice
under its head) is a piece of its own, not the last section of that story.
"""
from __future__ import annotations

import re

from .lineforms import MAX_HEAD_LINES, OPENING_ROLES, TEXT_ROLES, group_roles, headline_line
from .patterns import HAN, NAME, PADDED_NAME, closing_line, ends_sentence, has_sentence_punctuation
from .series import numbered_head
from .units import Unit

#: a date alone on its line, in figures or in Chinese numerals (``二〇二五年九月十日``)
SIGNED_DATE = re.compile(r"^(?:\d{4}年\d{1,2}月\d{1,2}日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月"
                         r"[一二三四五六七八九十]{1,3}日)$")
#: how the name of an issuing body ends: a court, a bureau, a committee, a firm, a family
BODY_ENDS = ("法院", "检察院", "委员会", "管委会", "政府", "办公厅", "办公室", "局", "厅", "部", "署", "院", "所", "处",
             "中心", "大队", "支队", "总队", "公司", "集团", "管理人", "清算组", "协会", "联合会", "学会", "党委",
             "党组", "中央", "国务院", "家属")
#: an issuing body, or several side by side (``中共中央 国务院``)
ISSUER = re.compile(rf"^[{HAN}（）()·]{{2,30}}(?:[ \u3000\u00a0]+[{HAN}（）()·]{{2,30}}){{0,2}}$")
#: an office and the name of who holds it (``中华人民共和国主席  X``, ``总理 X``)
OFFICE_HOLDER = re.compile(rf"^[{HAN}]{{2,16}}[ \u3000\u00a0]+(?:{NAME}|{PADDED_NAME})$")
#: a part of a law or a decree: ``第一章 总 则``, ``第三节``
CHAPTER = re.compile(r"^第[一二三四五六七八九十百零〇\d]{1,4}[编章节部]")
SIGNER_LINES = 2  #: lines of signers above the date (two bodies issuing together)
NOTICE_LINES = 4  #: paragraphs of a notice under its head, down to its signature


def signer(text: str) -> bool:
    """A line that signs a piece: an issuing body, an office holder, or a name alone."""
    text = text.strip()
    if not text or has_sentence_punctuation(text) or len(text) > 40:
        return False
    if ISSUER.match(text) and all(part.endswith(BODY_ENDS) for part in text.split()):
        return True
    return bool(OFFICE_HOLDER.match(text) or re.fullmatch(rf"[{HAN}]{{2,4}}|{PADDED_NAME}", text))


def signatures(units: list[Unit]) -> list[Unit]:
    """Signer lines over a date line, under text, are the text's last lines: ``body`` units marked
    ``signature``, whatever the signer or the date alone would be read as."""
    out = list(units)
    for i, unit in enumerate(out):
        if not SIGNED_DATE.match(unit.text.strip()):
            continue
        top = i
        while top > 0 and i - top < SIGNER_LINES and out[top - 1].kind in ("heading", "body", "byline") \
                and signer(out[top - 1].text):
            top -= 1
        above = out[top - 1] if top > 0 else None
        if top < i and above is not None and above.kind in ("body", "item") and ends_sentence(above.text):
            for k in range(top, i + 1):
                out[k] = Unit("body", out[k].lines, out[k].text, {"signature": True})
    return out


def signed(units: list[Unit]) -> bool:
    return len(units) == 1 and units[0].data.get("signature", False)


def signed_pieces(units_by_line: list[list[Unit]], roles: list[str]) -> list[str]:
    """A signature is text of the piece it ends; the headline lines under it open the next piece,
    and a short run of text over it, under a head, is a notice of its own."""
    roles = list(roles)
    for i, units in enumerate(units_by_line):
        if not signed(units):
            continue
        roles[i] = "body" if roles[i] not in TEXT_ROLES else roles[i]
        if i + 1 < len(roles) and signed(units_by_line[i + 1]):
            continue  # the signature goes on: the date, or a second signer
        _open_below(units_by_line, roles, i + 1)
        _open_notice(units_by_line, roles, _signature_top(units_by_line, i))
    return roles


def _signature_top(units_by_line: list[list[Unit]], last: int) -> int:
    top = last
    while top > 0 and signed(units_by_line[top - 1]):
        top -= 1
    return top


def _open_below(units_by_line: list[list[Unit]], roles: list[str], start: int) -> None:
    """Headline lines right under a signature (and the credit that may close it), over text,
    open the next piece."""
    while start < len(roles) and units_by_line[start] and closing_line(units_by_line[start][0].text):
        start += 1
    end = _head_run_end(units_by_line, roles, start)
    if start < len(roles) and roles[start] in OPENING_ROLES:
        return  # read as the next piece's opening already
    if start < end < len(roles) and roles[end] in (*TEXT_ROLES, "head") and not _head_line(units_by_line[end]):
        roles[start:end] = group_roles(units_by_line, start, end)


def _open_notice(units_by_line: list[list[Unit]], roles: list[str], top: int) -> None:
    """A head over at most :data:`NOTICE_LINES` lines of text down to the signature, under a
    finished paragraph of the story above, opens a piece: the notice the signature ends."""
    head = top - 1
    while head >= 0 and top - head <= NOTICE_LINES + 1 and roles[head] in TEXT_ROLES \
            and not headline_line(units_by_line[head]):
        head -= 1
    if head < 0 or not _head_line(units_by_line[head]) or head == top - 1:
        return
    start = head
    while start > 0 and head - start < MAX_HEAD_LINES - 1 and _head_line(units_by_line[start - 1]) \
            and roles[start - 1] not in ("furniture",):
        start -= 1
    if any(role in OPENING_ROLES for role in roles[start:head + 1]):
        return  # the head is read as an opening already; the lines under it stay as read
    above = units_by_line[start - 1] if start > 0 else []
    if above and roles[start - 1] in TEXT_ROLES and ends_sentence(above[-1].text):
        roles[start:head + 1] = group_roles(units_by_line, start, head + 1)


def _head_line(units: list[Unit]) -> bool:
    """A headline line that is no numbered part of a text (``一、…``, ``第一章 总则``), no credit
    and no letter's salutation (``全体官兵：``)."""
    text = units[0].text.strip() if units else ""
    return headline_line(units) and not (numbered_head(text) or CHAPTER.match(text) or closing_line(text)
                                         or text.endswith(("：", ":")))


def _head_run_end(units_by_line: list[list[Unit]], roles: list[str], start: int) -> int:
    end = start
    while end < len(roles) and end - start < MAX_HEAD_LINES and _head_line(units_by_line[end]) \
            and roles[end] != "furniture":
        end += 1
    return end
