"""Decode line roles into draft articles.

The role model (:mod:`dibao.roles`) says where articles start (``kicker``, ``title``,
``lead``), which lines finish a headline group (``head``), which lines are text
(``body``, ``join``), which are a displaced piece of an earlier story (``fragment``) and
which are furniture.  The rule tagger (:mod:`.units`) says what each line is in form: a
dateline, a byline, a caption, a credit, a continuation marker.  Decoding combines the
two: the model decides the structure, the rules decide how a line is filed inside it,
and what the rules are certain of (mastheads, folios, 上接/下转 markers) stays theirs.
"""
from __future__ import annotations

from ..model import Figure
from ..reflow import joiner
from .assemble import Assembler
from .bylines import ROLE, as_photographers
from .draft import Draft, DraftBlock
from .passes import mended_roles
from .patterns import (PHOTO_CREDIT, closing_line, figure_line, has_sentence_punctuation, headline_shaped,
                       is_list_item, quotes_balanced, starts_mid_sentence)
from .series import numbered_head, part_head
from .units import Unit

HEAD_ROLES = ("kicker", "title", "head")
SUBHEAD_MAX = 24  #: characters: a subhead is a phrase or two


class RoleAssembler(Assembler):
    """Runs the assembler's handlers over lines in reading order, steered by their roles."""

    def __init__(self, units_by_line: list[list[Unit]], roles: list[str]):
        super().__init__([u for units in units_by_line for u in units])
        self.units_by_line, self.roles = units_by_line, roles

    def run(self) -> tuple[list[Draft], list[Unit]]:
        index = 0
        previous = ""
        roles = mended_roles(self.units_by_line, self.roles)
        for at, (units, role) in enumerate(zip(self.units_by_line, roles)):
            role = certain_role(units, role)
            if role == "body" and self.subhead(units, roles[at + 1] if at + 1 < len(roles) else ""):
                role = "subhead"
            self.on_line(units, role, previous, index)
            index += len(units)
            previous = role if role != "furniture" else previous
        return [d for d in self.drafts if d.has_head or d.blocks or d.markers], self.furniture

    def on_line(self, units: list[Unit], role: str, previous: str, index: int) -> None:
        if role == "furniture":
            for unit in units:
                self.furniture.append(unit if unit.kind == "furniture" else Unit("furniture", unit.lines, unit.text))
            return
        if role == "kicker" or (role == "title" and previous != "kicker") or role == "lead":
            self.open(Draft())
        elif role == "fragment" or self.current is None:
            self.open_orphan()
        if role == "subhead":
            add_section(self.current, units[0])
        elif role in HEAD_ROLES and not self.current.has_body and not self.current.orphan:
            self.on_head(units, role, index)
        else:
            self.on_text(units, role == "join", index)

    def subhead(self, units: list[Unit], next_role: str) -> bool:
        """A short line of its own between finished paragraphs, its text not going on below it:
        a subhead, whether or not the page marks it (``###``)."""
        draft = self.current
        if len(units) != 1 or units[0].kind != "body" or next_role in ("join", "furniture"):
            return False
        if units[0].data.get("signature"):  # who signs a notice or a letter, and when: its last lines
            return False
        if is_list_item(units[0].text):  # an item of a list (导读, 简讯), not a heading
            return False
        if numbered_head(units[0].text) and draft is not None and (not draft.blocks or draft.blocks[-1].kind != "section"):
            return True  # a part's number and its phrase: a head, under the headline group too
        if draft is None or not draft.has_body or draft.dangling() or draft.blocks[-1].kind == "section":
            return False
        return subhead_shaped(units[0].text, bool(units[0].lines[0].heading))

    # --- a line of the headline group ------------------------------------------------------------

    def on_head(self, units: list[Unit], role: str, index: int) -> None:
        for offset, unit in enumerate(units):
            if unit.kind in ("heading", "body", "item"):
                self.current.title_units.append(Unit("heading", unit.lines, unit.text, {"role": role}))
                self.current.head_lines.extend(line.number for line in unit.lines)
            else:
                self.file_unit(unit, index + offset, join=False)

    # --- a line of text ----------------------------------------------------------------------------

    def on_text(self, units: list[Unit], join: bool, index: int) -> None:
        for offset, unit in enumerate(units):
            self.file_unit(unit, index + offset, join=join and offset == 0)

    def file_unit(self, unit: Unit, index: int, join: bool) -> None:
        draft = self.current
        kind = unit.kind
        opened = has_text(draft)
        if kind == "dateline" and not draft.dateline and not opened:
            draft.dateline = unit.text
            draft.kind = draft.kind or "brief"
            draft.people.merge(unit.data["people"])
            draft.head_lines.extend(line.number for line in unit.lines)
        elif kind == "byline" and not opened:
            self.add_people(unit, unit.data["people"])
        elif kind == "byline" and draft.blocks and draft.blocks[-1].kind == "paragraph" and not draft.dangling() \
                and ROLE.search(unit.text) and not PHOTO_CREDIT.search(unit.text.strip()):
            self.add_people(unit, unit.data["people"])  # a byline after the text signs it off (no photo's credit)
        elif kind == "author" and not opened and not draft.author_title:  # one author's note per article
            self.on_author_in_place(unit)
        elif kind == "marker":
            self.on_marker_in_place(unit)
        elif kind == "caption":
            self.on_caption_in_place(unit)
        elif kind == "credit":
            self.on_credit(unit, index)
        elif kind == "heading" and (draft.has_body or part_head(unit.text)) and not is_list_item(unit.text) \
                and not figure_line(unit.text):  # a data box's line (结案率 96.8%) is text, not a head
            add_section(draft, unit)
        elif unit.data.get("signature"):  # who issued the piece, and when: a line of its own that ends it
            draft.blocks.append(DraftBlock("paragraph", unit.text, [line.number for line in unit.lines]))
            draft.signed = draft.closed = True
        else:
            self.add_text(draft, unit, join)

    def add_text(self, draft: Draft, unit: Unit, join: bool) -> None:
        """A paragraph, or the rest of the sentence the last paragraph broke off."""
        kind = "item" if unit.kind == "item" else "paragraph"
        last = draft.last_paragraph()
        adjacent = last is not None and (draft.blocks[-1] is last or self.join_next)
        # a paragraph never ends on a comma in print: the text goes on in the next block
        broken = join or self.join_next or starts_mid_sentence(unit.text) or \
            (last is not None and (last.text.endswith(("，", "、", ",")) or runs_on(last.text, unit)))
        if kind == "paragraph" and adjacent and broken and draft.dangling():
            numbers = [line.number for line in unit.lines]
            last.text, last.lines = last.text + joiner(last.text, unit.text) + unit.text, last.lines + numbers
            self.join_next = False
            self.apply_sign_off(draft, last)
            return
        self.join_next = False
        draft.blocks.append(DraftBlock(kind, unit.text, [line.number for line in unit.lines]))
        if kind == "paragraph":
            self.apply_sign_off(draft, draft.blocks[-1])

    def on_author_in_place(self, unit: Unit) -> None:
        self.current.people.add("authors", unit.data["name"])
        self.current.bylines.append(unit.data["name"])
        self.current.author_title = unit.data["title"]
        self.current.head_lines.extend(line.number for line in unit.lines)

    def on_marker_in_place(self, unit: Unit) -> None:
        draft = self.current
        if unit.data["direction"] == "from":
            draft.continued_from = draft.continued_from or unit.data["page"]
        else:
            draft.continues_to = unit.data["page"]
        draft.markers.append(unit.text)
        draft.head_lines.extend(line.number for line in unit.lines)

    def on_caption_in_place(self, unit: Unit) -> None:
        """A photo inside the article; inside a broken sentence, the next line goes on with it."""
        data = unit.data
        figure = Figure(data["caption"], data["credit"], data["label"], tuple(data["people"].photographers))
        self.current.blocks.append(DraftBlock("figure", lines=[line.number for line in unit.lines], figure=figure))
        self.current.people.merge(as_photographers(data["people"]))
        self.join_next = self.join_next or self.current.dangling()


NEVER_TITLES = ("byline", "dateline", "credit", "author", "caption", "marker")
#: what the furniture rules recognise by printed form alone (see :mod:`.furniture`)
CERTAIN_FURNITURE = {"folio", "paper", "footer", "section", "slogan", "masthead"}


def subhead_shaped(text: str, marked: bool) -> bool:
    """A phrase, not a sentence: short, no sentence punctuation.  A subhead may end in a
    particle (``…高地``, ``绝非“一转了之”``) where the page marks it or closes it with a quote."""
    if headline_shaped(text, SUBHEAD_MAX):
        return True
    if not text or len(text) > SUBHEAD_MAX or has_sentence_punctuation(text) or text[-1] in "，、,：:":
        return False
    return quotes_balanced(text) and (marked or text.endswith(("”", "」", "》", "’")))


RUN_ON_MIN = 30  #: characters: a line this long that ends no sentence is a sentence cut, not a label


def runs_on(above: str, unit: Unit) -> bool:
    """A long line of text that stops on a word (no closing bracket or quote: a credit or a
    quotation ends there), with the next line right under it (no blank line between), goes on
    in that line: the paste broke one sentence in two."""
    return not unit.blank_before and len(above) >= RUN_ON_MIN and above[-1].isalnum() \
        and not headline_shaped(above, 60)


def add_section(draft: Draft, unit: Unit) -> None:
    draft.blocks.append(DraftBlock("section", unit.text, [line.number for line in unit.lines]))


def has_text(draft: Draft) -> bool:
    """The article's text has begun: a paragraph that is more than a deck under the headline."""
    return any(b.kind in ("paragraph", "item") and not headline_shaped(b.text, 60) for b in draft.blocks)


def certain_role(units: list[Unit], role: str) -> str:
    """Rules win where they are certain: a masthead or folio line is furniture whatever the model
    says, and a credit, byline, dateline or marker never opens an article as its title."""
    if units and all(u.kind == "furniture" and u.data.keys() & CERTAIN_FURNITURE for u in units):
        return "furniture"
    if role in ("kicker", "title") and units and (units[0].kind in NEVER_TITLES or closing_line(units[0].text)):
        return "body"
    return role
