"""Draft articles: the mutable working form the assembler fills in reading order."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Figure
from .bylines import People
from .patterns import ends_sentence
from .units import Unit


@dataclass
class DraftBlock:
    """A body element being built; ``lines`` are the source line numbers it used."""

    kind: str  #: paragraph | section | item | figure
    text: str = ""
    lines: list[int] = field(default_factory=list)
    figure: Figure | None = None


@dataclass
class Draft:
    """An article under construction."""

    title_units: list[Unit] = field(default_factory=list)
    blocks: list[DraftBlock] = field(default_factory=list)
    people: People = field(default_factory=People)
    bylines: list[str] = field(default_factory=list)
    dateline: str = ""
    author_title: str = ""
    continued_from: str = ""
    continues_to: str = ""
    markers: list[str] = field(default_factory=list)
    kind: str = ""  #: set when the head decides it: brief, photo, continuation
    closed: bool = False  #: nothing more can follow (sign-off, 下转, end of a photo group)
    orphan: bool = False  #: body text with no head of its own: to be re-attached
    head_lines: list[int] = field(default_factory=list)  #: lines of title group, byline, dateline, markers
    pieces: int = 0  #: pieces printed elsewhere on the page that were re-attached to it
    signed: bool = False  #: ends with who issued it and the date (:mod:`.notices`): no sentence goes on

    @property
    def has_head(self) -> bool:
        return bool(self.title_units or self.bylines or self.dateline or self.continued_from)

    @property
    def has_body(self) -> bool:
        return any(b.kind in ("paragraph", "item") for b in self.blocks)

    def last_paragraph(self) -> DraftBlock | None:
        for block in reversed(self.blocks):
            if block.kind != "figure":
                return block if block.kind == "paragraph" else None
        return None

    def dangling(self) -> bool:
        """The last paragraph stops mid-sentence: the text continues somewhere."""
        last = self.last_paragraph()
        return last is not None and not self.signed and not ends_sentence(last.text)

    def text(self) -> str:
        return "\n".join(self.texts())

    def texts(self) -> list[str]:
        """Headline lines, then every block's text: the pieces text evidence is computed from."""
        heads = " ".join(u.text for u in self.title_units)
        return [heads] + [b.figure.caption if b.figure else b.text for b in self.blocks]

    def lines(self) -> list[int]:
        numbers = list(self.head_lines)
        for block in self.blocks:
            numbers.extend(block.lines)
        return numbers
