"""Training pages: issue files with gold, read the way the parser reads them and labelled by alignment.

Three sources (``python -m dibao.roles.train`` names them): the sample issues and their
hand-made gold, the corpus's clean pages and its damaged pages.  Each page is ingested by
:func:`dibao.ingest.ingest` exactly as a build would, so the model learns from the lines it
will later be asked about.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from ..ingest import ingest
from ..model import Line
from ..segment.patterns import headline_shaped
from ..segment.units import kinds_of, units_by_line
from .align import line_roles


@dataclass(frozen=True)
class Source:
    """A folder of issue files and the gold that describes them."""

    name: str
    folder: Path
    gold: Path
    annotates_furniture: bool = False  #: the gold lists every furniture line (the samples' does)
    weight: int = 1  #: how many times its pages are shown to the trainer
    unspaced: bool = False  #: also train on its pages with the blank lines taken out


@dataclass(frozen=True)
class Page:
    source: str
    file: str
    lines: tuple[Line, ...]
    roles: tuple[str, ...]

    @property
    def month(self) -> str:
        """``YYYYMM`` from a date in the file name, or the source name when there is none."""
        digits = "".join(c if c.isdigit() else " " for c in self.file).split()
        return next((d[:6] for d in digits if len(d) == 8), self.source)


def rule_kinds(lines: tuple[Line, ...]) -> list[tuple[str, ...]]:
    """What the rule tagger makes of each line: one kind per unit it splits the line into."""
    return kinds_of(units_by_line(lines))


def read_pages(source: Source, limit: int | None = None) -> list[Page]:
    gold = json.loads(source.gold.read_text(encoding="utf-8"))
    pages = []
    for entry in gold["issues"][:limit]:
        path = source.folder / entry["file"]
        if not path.exists():
            continue
        issue = ingest(path, entry["file"])
        furniture = entry.get("not_in_articles") or [] if source.annotates_furniture else None
        roles, _ = line_roles(issue.lines, entry["articles"], furniture)
        pages.append(Page(source.name, entry["file"], issue.lines, tuple(roles)))
    return pages


def unspaced(page: Page) -> Page:
    """The page as a copy-paste that drops blank lines gives it: every line runs on from the
    last.  Papers differ in this, so the model must not lean on blank lines alone."""
    return replace(page, source=page.source + "-unspaced",
                   lines=tuple(replace(line, blank_before=False) for line in page.lines))


def marked(page: Page) -> Page:
    """The page as a Markdown paste marks it: headlines with ``#`` or ``##``, subheads one or
    two levels deeper (the levels vary from page to page, as they do between papers)."""
    seed = sum(map(ord, page.file))
    top, depth = 1 + seed % 2, 1 + (seed // 2) % 2

    def level(i: int, line: Line) -> int:
        role = page.roles[i]
        if role in ("kicker", "title", "head") and headline_shaped(line.text, 60):
            return top
        inside = 0 < i < len(page.lines) - 1 and page.roles[i - 1] in ("body", "join")
        return top + depth if role == "body" and inside and headline_shaped(line.text) else 0

    lines = tuple(replace(line, heading=level(i, line)) for i, line in enumerate(page.lines))
    return replace(page, source=page.source + "-marked", lines=lines)


def training_pages(source: Source, limit: int | None = None) -> list[Page]:
    pages = read_pages(source, limit)
    variants = [unspaced(page) for page in pages] + [marked(page) for page in pages[1::2]] if source.unspaced else []
    return pages + variants


def default_sources(shared: Path) -> list[Source]:
    corpus = shared / "corpus" / "rmrb"
    return [Source("samples", shared / "seeds", shared / "gold" / "seeds.json", annotates_furniture=True, weight=20,
                   unspaced=True),
            Source("clean", corpus / "clean", corpus / "clean-gold.json", unspaced=True),
            Source("damaged", corpus / "issues", corpus / "gold.json")]
