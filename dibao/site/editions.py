"""What the site knows of editions: their pages (版), the editions either side of one in its
own paper, the papers of the archive, and articles printed again in another edition.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

from ..model import Issue
from .urls import issue_dir

if TYPE_CHECKING:
    from .catalog import Entry, IssueEntry

#: what two printings must share to be the same text: every character but spaces and punctuation
TEXT_ONLY = re.compile(r"[\W_]+")
REPRINT_MIN_CHARS = 200  #: shorter texts (a caption, a notice) may recur without being one article


@dataclass(frozen=True)
class PageEntry:
    """One page (版) of an edition: its number and name, its page on the site, its articles
    (those that start on it, then those it carries on or prints again)."""

    number: int
    name: str
    label: str  #: the number as printed, when it says more (``A3``)
    path: str
    entries: tuple["Entry", ...]

    @property
    def heading(self) -> str:
        """``第3版 要闻``, ``A3版 法治``."""
        return f"{self.label + '版' if self.label else f'第{self.number}版'}{' ' + self.name if self.name else ''}"


def page_path(issue_id: str, number: int) -> str:
    """``issues/<edition>/pages/03.html``: a folder of their own, so no article's slug can take the name."""
    return f"{issue_dir(issue_id)}/pages/{number:02d}.html"


def edition_pages(issue: Issue, entries: Sequence["Entry"]) -> tuple[PageEntry, ...]:
    """The pages of an edition with the articles printed on each; none for a whole-issue file."""
    if not issue.pages:
        return ()
    numbers = {page.source: page.number for page in issue.pages}
    found: dict[int, list] = {}
    for entry in entries:
        printed = [entry.article.page] + [numbers[s.file] for s in entry.article.sources if s.file in numbers]
        for number in dict.fromkeys(printed):
            found.setdefault(number, []).append(entry)
    pages = []
    for page in issue.pages:
        if any(p.number == page.number for p in pages):
            continue  # two files claiming one page: one page on the site, both files' articles on it
        mine = sorted(found.get(page.number, ()), key=lambda e: (e.article.page != page.number, e.article.order))
        pages.append(PageEntry(page.number, page.name, page.label, page_path(issue.id, page.number), tuple(mine)))
    return tuple(pages)


def paper_neighbours(issues: Sequence["IssueEntry"]) -> dict[int, tuple[int | None, int | None]]:
    """Index of each edition → indexes of the editions before and after it of the same paper
    (issues without a paper's name are neighbours of each other)."""
    by_paper: dict[str, list[int]] = {}
    for index, entry in enumerate(issues):
        by_paper.setdefault(entry.issue.paper, []).append(index)
    found: dict[int, tuple[int | None, int | None]] = {}
    for indexes in by_paper.values():
        for at, index in enumerate(indexes):
            found[index] = (indexes[at - 1] if at else None, indexes[at + 1] if at + 1 < len(indexes) else None)
    return found


def reprints(texts: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Article id → id of its first printing, for each article whose text an earlier edition
    printed already.  ``texts``: (article id, text) in archive order, oldest first.  Lists and
    search show the first printing only; its page names the others."""
    first: dict[str, str] = {}
    found: dict[str, str] = {}
    for article_id, text in texts:
        text = TEXT_ONLY.sub("", text)
        if len(text) < REPRINT_MIN_CHARS:
            continue
        key = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
        if key in first and first[key].rpartition("/")[0] != article_id.rpartition("/")[0]:
            found[article_id] = first[key]
        else:
            first.setdefault(key, article_id)
    return found


def paper_slug(paper: str) -> str:
    """A short ASCII key for the paper filter (the paper's pinyin, ``x`` for clippings)."""
    from .urls import pinyin_slug

    return pinyin_slug(paper) if paper else "x"
