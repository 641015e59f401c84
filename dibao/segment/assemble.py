"""Assemble tagged units into draft articles, in reading order.

Heads (bylines, datelines, 上接 markers, title groups) open articles; body
units join the open article; a body paragraph that cannot belong to it (the
article was closed, or the text evidence points elsewhere) opens an orphan
fragment that :mod:`.fragments` re-attaches later.
"""
from __future__ import annotations

from ..model import Figure
from .bylines import People, split_sign_off
from .draft import Draft, DraftBlock
from .patterns import ends_sentence
from .placement import PlacementEvidence, self_contained
from .similarity import Evidence
from .units import Unit

HEAD_KINDS = ("byline", "author", "dateline", "marker")


class Assembler(PlacementEvidence):
    def __init__(self, units: list[Unit]):
        self.units = units
        self.drafts: list[Draft] = []
        self.furniture: list[Unit] = []
        self.pending: list[Unit] = []
        self.current: Draft | None = None
        self.join_next = False  # a caption sat inside a broken sentence: the next paragraph continues it
        self.evidence = Evidence([u.text for u in units if u.kind in ("body", "item", "caption")])

    # --- driving ---------------------------------------------------------------------------------

    def run(self) -> tuple[list[Draft], list[Unit]]:
        for index, unit in enumerate(self.units):
            handler = getattr(self, f"on_{unit.kind}")
            handler(unit, index)
        self.flush_pending_as_sections()
        return [d for d in self.drafts if d.has_head or d.blocks or d.markers], self.furniture

    def open(self, draft: Draft) -> Draft:
        self.flush_pending_into(draft)
        self.drafts.append(draft)
        self.current, self.join_next = draft, False
        return draft

    def flush_pending_into(self, draft: Draft) -> None:
        draft.title_units.extend(self.pending)
        draft.head_lines.extend(n for u in self.pending for n in (line.number for line in u.lines))
        self.pending = []

    def flush_pending_as_sections(self) -> None:
        if not self.pending:
            return
        target = self.current if self.current and not self.current.closed else self.open_orphan()
        for unit in self.pending:
            target.blocks.append(DraftBlock("section", unit.text, [line.number for line in unit.lines]))
        self.pending = []

    def open_orphan(self) -> Draft:
        draft = Draft(orphan=True)
        self.drafts.append(draft)
        self.current = draft
        return draft

    def fresh(self) -> bool:
        """The open article has a head but no body yet, so more head lines may follow."""
        return self.current is not None and not self.current.has_body and not self.current.closed \
            and self.current.kind != "photo" and not self.current.orphan

    # --- unit handlers ---------------------------------------------------------------------------

    def on_furniture(self, unit: Unit, index: int) -> None:
        self.flush_pending_as_sections()
        self.furniture.append(unit)

    def on_heading(self, unit: Unit, index: int) -> None:
        self.pending.append(unit)

    def on_byline(self, unit: Unit, index: int) -> None:
        if not (self.fresh() and not self.pending and not self.current.dateline):
            self.open(Draft())
        self.add_people(unit, unit.data["people"])

    def on_author(self, unit: Unit, index: int) -> None:
        if not (self.fresh() and not self.pending):
            self.open(Draft())
        self.current.people.add("authors", unit.data["name"])
        self.current.bylines.append(unit.data["name"])
        self.current.author_title = unit.data["title"]
        self.current.head_lines.extend(line.number for line in unit.lines)

    def on_dateline(self, unit: Unit, index: int) -> None:
        if not (self.fresh() and not self.pending and not self.current.dateline):
            self.open(Draft())
        self.current.dateline = unit.text
        self.current.kind = self.current.kind or "brief"
        self.current.people.merge(unit.data["people"])
        self.current.head_lines.extend(line.number for line in unit.lines)

    def add_people(self, unit: Unit, people: People) -> None:
        self.current.people.merge(people)
        self.current.bylines.append(unit.text)
        self.current.head_lines.extend(line.number for line in unit.lines)

    def on_marker(self, unit: Unit, index: int) -> None:
        if unit.data["direction"] == "from":
            if not (self.fresh() and not self.pending and not self.current.continued_from):
                self.open(Draft())
            self.current.continued_from = unit.data["page"]
        else:
            self.flush_pending_as_sections()
            if self.current is None:
                self.open_orphan()
            self.current.continues_to = unit.data["page"]
            self.current.closed = True
        self.current.markers.append(unit.text)
        self.current.head_lines.extend(line.number for line in unit.lines)

    def on_credit(self, unit: Unit, index: int) -> None:
        draft = self.current
        last = draft.blocks[-1] if draft and draft.blocks else None
        if last is None or last.kind != "figure" or last.figure.credit:
            self.on_caption(Unit("caption", unit.lines, unit.text,
                                 {"label": "", "caption": "", "credit": unit.text, "people": unit.data["people"]}),
                            index)
            return
        last.figure = Figure(last.figure.caption, unit.text, last.figure.label,
                             tuple(unit.data["people"].photographers))
        last.lines.extend(line.number for line in unit.lines)
        draft.people.merge(_as_photographers(unit.data["people"]))

    def on_caption(self, unit: Unit, index: int) -> None:
        data = unit.data
        figure = Figure(data["caption"], data["credit"], data["label"], tuple(data["people"].photographers))
        block = DraftBlock("figure", lines=[line.number for line in unit.lines], figure=figure)
        target = self.figure_home(unit, index)
        target.blocks.append(block)
        target.people.merge(_as_photographers(data["people"]))

    def figure_home(self, unit: Unit, index: int) -> Draft:
        """Inside a broken sentence a photo belongs to that article; elsewhere it may be photo news."""
        draft = self.current
        if self.pending:
            return self.open(Draft(kind="photo"))
        if draft and draft.kind == "photo":
            return draft
        if draft and not draft.closed and draft.dangling() and not draft.orphan:
            self.join_next = True
            return draft
        if draft is None or draft.closed or self_contained(unit):
            return self.open(Draft(kind="photo"))
        if self.body_follows(index) or self.on_subject(unit, draft):
            return draft
        return self.open(Draft(kind="photo"))

    def on_body(self, unit: Unit, index: int) -> None:
        if self.pending:
            self.resolve_pending(index)
        draft = self.current
        if draft is None or draft.closed or draft.kind == "photo":
            draft = self.open_orphan()
        elif draft.dangling() and not self.join_next and self.belongs_elsewhere(index):
            draft = self.open_orphan()
        elif not draft.dangling() and draft.has_body and not draft.orphan and self.starts_fragment(unit):
            draft = self.open_orphan()
        self.add_paragraph(draft, unit)

    on_item = on_body

    def resolve_pending(self, index: int) -> None:
        """Unmarked headings before body text: a new article's title group, or sections.

        One heading inside an open article is always read as a section; a stack of two or
        more headings, or any heading after a closed article, opens a new article."""
        draft = self.current
        if draft is None or draft.closed or draft.kind == "photo" or len(self.pending) >= 2:
            self.open(Draft())
        else:
            self.flush_pending_as_sections()

    def add_paragraph(self, draft: Draft, unit: Unit) -> None:
        kind = "item" if unit.kind == "item" else "paragraph"
        numbers = [line.number for line in unit.lines]
        text = unit.text
        sign_off = split_sign_off(text) if kind == "paragraph" else None
        last = draft.last_paragraph()
        adjacent = last is not None and (draft.blocks[-1] is last or self.join_next)
        if kind == "paragraph" and adjacent and not ends_sentence(last.text):
            last.text, last.lines = last.text + _joiner(last.text, text) + text, last.lines + numbers
            self.join_next = False
            self.apply_sign_off(draft, last)
            return
        draft.blocks.append(DraftBlock(kind, text, numbers))
        self.join_next = False
        if sign_off:
            self.apply_sign_off(draft, draft.blocks[-1])

    def apply_sign_off(self, draft: Draft, block: DraftBlock) -> None:
        sign_off = split_sign_off(block.text)
        if not sign_off:
            return
        block.text, names = sign_off
        draft.bylines.append(names)
        for name in names.strip("（）() ").split():
            draft.people.add("authors", name)
        draft.closed = True


def _joiner(left: str, right: str) -> str:
    """Latin words broken across lines need their space back; Chinese text needs none."""
    return " " if left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum() else ""


def _as_photographers(people: People) -> People:
    out = People()
    for role in ("reporters", "correspondents", "authors", "photographers"):
        for name in getattr(people, role):
            out.add("photographers", name)
    return out
