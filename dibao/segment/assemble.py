"""The draft-building state and the handlers that file a unit inside the open article.

:class:`.decode.RoleAssembler` drives it line by line, steered by the role model: it opens
articles and orphan runs; this base keeps the drafts and files what needs the text
evidence (where a photo or a lone credit belongs) and the sign-offs that close an article.
"""
from __future__ import annotations

from ..model import Figure
from .bylines import People, as_photographers, parse_role_names, split_sign_off
from .draft import Draft, DraftBlock
from .placement import PlacementEvidence, self_contained
from .similarity import Evidence
from .units import Unit


class Assembler(PlacementEvidence):
    def __init__(self, units: list[Unit]):
        self.units = units
        self.drafts: list[Draft] = []
        self.furniture: list[Unit] = []
        self.current: Draft | None = None
        self.join_next = False  # a caption sat inside a broken sentence: the next paragraph continues it
        self.evidence = Evidence([u.text for u in units if u.kind in ("body", "item", "caption")])

    def open(self, draft: Draft) -> Draft:
        self.drafts.append(draft)
        self.current, self.join_next = draft, False
        return draft

    def open_orphan(self) -> Draft:
        draft = Draft(orphan=True)
        self.drafts.append(draft)
        self.current = draft
        return draft

    # --- unit handlers ---------------------------------------------------------------------------

    def add_people(self, unit: Unit, people: People) -> None:
        self.current.people.merge(people)
        self.current.bylines.append(unit.text)
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
        draft.people.merge(as_photographers(unit.data["people"]))

    def on_caption(self, unit: Unit, index: int) -> None:
        data = unit.data
        figure = Figure(data["caption"], data["credit"], data["label"], tuple(data["people"].photographers))
        block = DraftBlock("figure", lines=[line.number for line in unit.lines], figure=figure)
        target = self.figure_home(unit, index)
        target.blocks.append(block)
        target.people.merge(as_photographers(data["people"]))

    def figure_home(self, unit: Unit, index: int) -> Draft:
        """Inside a broken sentence a photo belongs to that article; elsewhere it may be photo news.
        A credit with no caption (``本报记者 王 林摄`` under a story's sign-off) is the credit of
        that story's photo: with nothing to show, it opens no article of its own."""
        draft = self.current
        if draft and (draft.kind == "photo" or not unit.data["caption"]):
            return draft
        if draft and not draft.closed and draft.dangling() and not draft.orphan:
            self.join_next = True
            return draft
        if draft is None or draft.closed or self_contained(unit):
            return self.open(Draft(kind="photo"))
        if self.body_follows(index) or self.on_subject(unit, draft):
            return draft
        return self.open(Draft(kind="photo"))

    def apply_sign_off(self, draft: Draft, block: DraftBlock) -> None:
        sign_off = split_sign_off(block.text)
        if not sign_off:
            return
        block.text, names = sign_off
        draft.bylines.append(names)
        bare = names.strip("（）() ")
        # read as a byline: 王 鹏 朱 琳 is two padded names, （记者 林 一） a role and its name
        signed = parse_role_names(bare, default_role="authors")
        if signed is None:
            signed = People(authors=bare.split())
        draft.people.merge(signed)
        draft.closed = True
