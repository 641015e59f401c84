"""Line rules: tag every normalised line with what it is on the printed page.

The rules form an ordered chain, like markdown-it's block rules: the first
rule that claims a line decides its kind.  Heading marks (``#``) are ignored
here on purpose: real issues use them inconsistently.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from ..model import Line
from . import bylines, furniture
from .patterns import NAME, PADDED_NAME, PAGE, headline_shaped, is_column_form, is_kicker_form, is_subtitle_form

MARKER_WHOLE = re.compile(rf"^[（(]?\s*(上接|接上|续接|紧接|转自|接|下转|转|续)\s*({PAGE})\s*[）)]?$")
# Bare 接 only in brackets (``（接第一版）``): unbracketed, 接第一版 could open a sentence.
MARKER_HEAD = re.compile(rf"^(?:[（(]\s*(上接|接上|续接|紧接|转自|接)\s*({PAGE})\s*[）)]|(上接|接上|续接|紧接|转自)\s*({PAGE}))\s*")
MARKER_TAIL = re.compile(rf"\s*[（(]\s*(下转|转|续)\s*({PAGE})\s*[）)]\s*$|(?<=[。！？”])\s*(下转|转)({PAGE})\s*$")
# The label keeps its printed separator (``图①：``) so no character of the caption line is lost.
CAPTION_HEAD = re.compile(r"^(?:(图\s*[①-⑳\d一二三四五六七八九十]+\s*[:：]?)\s*|(?=图为|上图|下图|左图|右图|图片说明))")
PHOTO_NOTE = re.compile(r"[（(](?:资料图片|资料照片|图片来源[^）)]*|新华社发[^）)]*|受访者供图|本报资料图片)[）)]$")
AUTHOR_TITLE = re.compile(
    rf"^({NAME})\s+([^\s。！？]{{4,60}}(?:长|书记|主任|委员|主席|教授|研究员|律师|法官|检察官|部长|处长|科长|所长|队长|政委|专家|博士))$")
FORWARD_MARKERS = ("下转", "转", "续")


@dataclass
class Unit:
    """A tagged piece of the issue: one line, or a few lines that belong together."""

    kind: str  #: furniture | marker | byline | author | dateline | caption | credit | heading | body | item
    lines: list[Line]
    text: str
    data: dict = field(default_factory=dict)

    @property
    def first(self) -> int:
        return self.lines[0].number

    @property
    def last(self) -> int:
        return self.lines[-1].number

    @property
    def blank_before(self) -> bool:
        return self.lines[0].blank_before


Rule = Callable[[Line], "list[Unit] | None"]


def rule_folio(line: Line) -> list[Unit] | None:
    facts = furniture.folio_facts(line.text)
    return [Unit("furniture", [line], line.text, {"folio": facts})] if facts else None


def rule_paper_name(line: Line) -> list[Unit] | None:
    if furniture.is_paper_name(line.text):
        return [Unit("furniture", [line], line.text, {"paper": True})]
    if furniture.is_sponsor_line(line.text):
        return [Unit("furniture", [line], line.text, {"masthead": True})]
    return None


def rule_footer(line: Line) -> list[Unit] | None:
    return [Unit("furniture", [line], line.text, {"footer": True})] if furniture.is_footer_line(line.text) else None


def rule_marker(line: Line) -> list[Unit] | None:
    whole = MARKER_WHOLE.match(line.text)
    if whole:
        return [marker_unit(line, line.text, whole.group(1), whole.group(2))]
    head = MARKER_HEAD.match(line.text)
    if head and line.text[head.end():]:
        rest = line.text[head.end():]
        word, page = (head.group(1), head.group(2)) if head.group(1) else (head.group(3), head.group(4))
        return [marker_unit(line, line.text[:head.end()].strip(), word, page),
                *classify(Line(line.number, rest, line.heading, line.bullet, False))]
    tail = MARKER_TAIL.search(line.text)
    if tail and tail.start() > 0:
        word, page = (tail.group(1), tail.group(2)) if tail.group(1) else (tail.group(3), tail.group(4))
        rest = line.text[:tail.start()]
        return [*classify(Line(line.number, rest, line.heading, line.bullet, line.blank_before)),
                marker_unit(line, line.text[tail.start():].strip(), word, page)]
    return None


def marker_unit(line: Line, text: str, word: str, page: str) -> Unit:
    page = page if page.startswith("第") or "A" <= page[0] <= "Z" else f"第{page}"  # A1版 prints no 第
    direction = "to" if word in FORWARD_MARKERS else "from"
    return Unit("marker", [line], text, {"direction": direction, "page": page})


COMMENTATOR = re.compile(r"^[□■◇◆]?\s*(?:本报|本刊|[\u4e00-\u9fff]{2,6}报)?(?:特约|本报特约)?评论员"
                         rf"(?:\s*(?P<name>[\u4e00-\u9fff·]{{2,8}}|{PADDED_NAME}))?$")


def rule_byline(line: Line) -> list[Unit] | None:
    people = bylines.parse_byline(line.text)
    commentator = COMMENTATOR.match(line.text) if not people else None
    if commentator:  # ``本报评论员``: the paper's own voice, perhaps signed (``本报评论员 刘 洋``)
        name = re.sub(r"\s", "", commentator.group("name") or "")
        people = bylines.People(authors=[name] if name else [])
        return [Unit("byline", [line], line.text, {"people": people})]
    return [Unit("byline", [line], line.text, {"people": people})] if people else None


def rule_author_title(line: Line) -> list[Unit] | None:
    match = AUTHOR_TITLE.match(line.text)
    if not match:
        return None
    return [Unit("author", [line], line.text, {"name": match.group(1), "title": match.group(2)})]


def rule_dateline(line: Line) -> list[Unit] | None:
    dateline = bylines.parse_dateline(line.text)
    if not dateline:
        return None
    units = [Unit("dateline", [line], dateline.text, {"people": dateline.people})]
    if dateline.rest:
        units += classify_body(Line(line.number, dateline.rest, 0, False, False))
    return units


def rule_caption(line: Line) -> list[Unit] | None:
    text = line.text
    head = CAPTION_HEAD.match(text)
    credit = bylines.split_credit(text)
    note = PHOTO_NOTE.search(text)
    if not (head or credit or note):
        return None
    if credit and not credit[0]:
        return [Unit("credit", [line], text, {"people": credit[2]})]
    if not head and not credit and not text.startswith(("图为", "图")):
        if not re.search("图为|照片|图片", text):
            return None
    label = head.group(1) if head and head.group(1) else ""
    caption, credit_text, people = (credit if credit else (text, "", bylines.People()))
    if note and not credit:
        caption, credit_text = text[:note.start()].strip(), note.group()
    caption = caption[head.end():].strip() if label else caption
    return [Unit("caption", [line], text, {"label": label, "caption": caption, "credit": credit_text,
                                           "people": people})]


def rule_heading(line: Line) -> list[Unit] | None:
    if line.bullet:
        return None
    marked_ok = line.heading and len(line.text) <= 60 and headline_shaped(line.text.replace("：", " "), 60)
    if not (marked_ok or headline_shaped(line.text)):
        return None
    return [Unit("heading", [line], line.text)]


def classify_body(line: Line) -> list[Unit]:
    return [Unit("item" if line.bullet else "body", [line], line.text)]


RULES: tuple[Rule, ...] = (rule_folio, rule_paper_name, rule_footer, rule_marker, rule_byline, rule_author_title, rule_caption,
                           rule_dateline, rule_heading)


def classify(line: Line) -> list[Unit]:
    if not line.text.strip():
        return []
    for rule in RULES:
        units = rule(line)
        if units is not None:
            return units
    return classify_body(line)


def tag_lines(lines: tuple[Line, ...]) -> list[Unit]:
    """Every line tagged, then the passes that need neighbours: credits, slogans, footers, signatures."""
    units = [unit for line in lines for unit in classify(line)]
    units = join_credit_lines(units)
    units = mark_masthead_blocks(units)
    units = romanized_names(units)
    units = folio_neighbours(units)
    if sum(1 for line in lines if line.heading) >= 2:
        units = demote_unmarked_headings(units)
    units = captions_above_credits(units)
    from .notices import signatures  # it builds on this module's units and line forms
    return signatures(extend_footers(units))


def units_by_line(lines: tuple[Line, ...]) -> list[list[Unit]]:
    """The tagged units grouped by the line they start on (a credit joined across two lines
    belongs to the first; the second then has none)."""
    by_number: dict[int, list[Unit]] = {line.number: [] for line in lines}
    for unit in tag_lines(lines):
        by_number[unit.first].append(unit)
    return [by_number[line.number] for line in lines]


def kinds_of(units: list[list[Unit]]) -> list[tuple[str, ...]]:
    """Each line's unit kinds: what the rules make of it, as the role model sees it."""
    return [tuple(unit.kind for unit in line_units) or ("part",) for line_units in units]


def join_credit_lines(units: list[Unit]) -> list[Unit]:
    """``本报记者 张冲`` directly above ``本报通讯员 崔佳男 摄`` is one credit."""
    out: list[Unit] = []
    for unit in units:
        prev = out[-1] if out else None
        if unit.kind == "credit" and prev and prev.kind == "byline" and not unit.blank_before:
            people = bylines.People()
            for role_people in (prev.data["people"], unit.data["people"]):
                for role in ("reporters", "correspondents", "authors", "photographers"):
                    for name in getattr(role_people, role):
                        people.add("photographers", name)
            out[-1] = Unit("credit", prev.lines + unit.lines, f"{prev.text} {unit.text}", {"people": people})
        else:
            out.append(unit)
    return out


def demote_unmarked_headings(units: list[Unit]) -> list[Unit]:
    """In an issue that marks its headings with ``#``, an unmarked heading-shaped line is a
    broken-off sentence, unless it has a kicker, subtitle or column form, or heads a byline."""
    out = list(units)
    for i, unit in enumerate(out):
        if unit.kind != "heading" or unit.lines[0].heading:
            continue
        nxt = out[i + 1] if i + 1 < len(out) else None
        keeps_form = is_kicker_form(unit.text) or is_subtitle_form(unit.text) or is_column_form(unit.text)
        heads_article = nxt is not None and (nxt.kind in ("byline", "dateline", "author", "marker")
                                             or (nxt.kind == "heading" and nxt.lines[0].heading))
        if not (keeps_form or heads_article):
            out[i] = Unit("body", unit.lines, unit.text)
    return out


def mark_masthead_blocks(units: list[Unit]) -> list[Unit]:
    """Section names (公安周刊) and stacked slogans (对党忠诚 服务人民) are page furniture."""
    out = list(units)
    run_end, not_slogan = unbroken_runs(out)
    i = 0
    while i < len(out):
        unit = out[i]
        if unit.kind == "heading" and furniture.is_section_name(unit.text):
            out[i] = Unit("furniture", unit.lines, unit.text, {"section": unit.text})
        j = run_end[i]
        if unit.kind in ("heading", "body") and j - i >= 2 and not_slogan[i] >= j:
            for k in range(i, j):
                out[k] = Unit("furniture", out[k].lines, out[k].text, {"slogan": out[k].text})
            i = j
            continue
        i += 1
    return out


def folio_neighbours(units: list[Unit]) -> list[Unit]:
    """A page's bare number (``3``) right under the masthead's furniture, and its name (``要闻``,
    ``基层·警务``) on a line of its own next to a folio naming the page, are the page's folio;
    anywhere else a lone number or a short line is text."""
    out = list(units)
    for i, unit in enumerate(out):
        if unit.kind == "furniture" or i == 0 or out[i - 1].kind != "furniture":
            continue
        bare = furniture.BARE_PAGE.match(unit.text.strip())
        if bare and int(bare.group("num")):
            facts = furniture.FolioFacts(page=int(bare.group("num")), page_label=unit.text.strip())
            out[i] = Unit("furniture", unit.lines, unit.text, {"folio": facts})
        elif furniture.PAGE_NAME.match(unit.text.strip()) and (
                _unnamed_folio(out[i - 1]) or i + 1 < len(out) and _unnamed_folio(out[i + 1])):
            out[i] = Unit("furniture", unit.lines, unit.text, {"folio": furniture.FolioFacts(page_name=unit.text.strip())})
    return out


def _unnamed_folio(unit: Unit) -> bool:
    """A folio line naming the page's number (``第2版``, a bare ``3``) but not its name: a folio
    that names the page (``第2版 要闻·综合``) leaves the line beside it to be read as text."""
    facts = unit.data.get("folio")
    return unit.kind == "furniture" and facts is not None and facts.page is not None and not facts.page_name


def romanized_names(units: list[Unit]) -> list[Unit]:
    """A line of capitals next to the paper's name is that name romanized: masthead furniture."""
    out = list(units)
    for i, unit in enumerate(out):
        near = out[max(0, i - 2):i] + out[i + 1:i + 3]
        if unit.kind != "furniture" and furniture.is_romanized_name(unit.text) and \
                any(u.kind == "furniture" and u.data.get("paper") for u in near):
            out[i] = Unit("furniture", unit.lines, unit.text, {"masthead": True})
    return out


def unbroken_runs(units: list[Unit]) -> tuple[list[int], list[int]]:
    """For each unit i: the end of the heading and body lines that follow it with no blank line
    between, and the first unit from i on that is not a slogan line.  Found in one backward pass,
    so the slogan rule stays linear in the number of lines (rescanning each run was quadratic)."""
    run_end, not_slogan = [len(units)] * (len(units) + 1), [len(units)] * (len(units) + 1)
    for i in range(len(units) - 1, -1, -1):
        nxt = units[i + 1] if i + 1 < len(units) else None
        joined = nxt is not None and nxt.kind in ("heading", "body") and not nxt.blank_before
        run_end[i] = run_end[i + 1] if joined else i + 1
        not_slogan[i] = not_slogan[i + 1] if furniture.is_slogan_line(units[i].text) else i
    return run_end, not_slogan


def captions_above_credits(units: list[Unit]) -> list[Unit]:
    """A paragraph printed right above a photo credit is that photo's caption, unless a caption
    (``图为…``) follows the credit: a credit printed first (``（摄影：X）``) is that caption's."""
    out = credits_before_captions(units)  # first: only captions by their own form take a credit above them
    for i in range(1, len(out)):
        prev, unit = out[i - 1], out[i]
        if unit.kind == "credit" and prev.kind == "body":
            out[i - 1] = Unit("caption", prev.lines, prev.text, {"label": "", "caption": prev.text, "credit": "",
                                                                 "people": bylines.People()})
    return out


def _uncredited_caption(unit: Unit | None) -> bool:
    return unit is not None and unit.kind == "caption" and not unit.data["credit"] and not unit.blank_before


def credits_before_captions(units: list[Unit]) -> list[Unit]:
    """A credit right above a caption that has none is that caption's credit: one caption unit."""
    out: list[Unit] = []
    for unit in units:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "credit" and _uncredited_caption(unit):
            data = dict(unit.data, credit=prev.text, people=prev.data["people"])
            out[-1] = Unit("caption", prev.lines + unit.lines, f"{prev.text} {unit.text}", data)
        else:
            out.append(unit)
    return out


def extend_footers(units: list[Unit]) -> list[Unit]:
    """Short lines right after a footer line (a name, an address, an e-mail) belong to it; a
    blank line ends the footer.  An editors' line in the page's head, under nothing but furniture,
    takes nothing: the page's first headline comes right under it."""
    out = list(units)
    text_seen = False
    for i in range(1, len(out)):
        prev, unit = out[i - 1], out[i]
        text_seen = text_seen or prev.kind != "furniture"
        if prev.kind == "furniture" and prev.data.get("footer") and unit.kind in ("heading", "body", "byline") \
                and not unit.blank_before and text_seen:
            if len(unit.text) <= 30 and not re.search("[。！？]", unit.text):
                out[i] = Unit("furniture", unit.lines, unit.text, {"footer": True})
    return out


