"""Index and list pages for regions, themes and people, paginated."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Sequence

from .catalog import Catalog, Group
from .config import SiteConfig
from . import mapsvg
from .pages import Page, group_title, make_page, region_legend, region_map

KIND_FOLDERS = {"region": "regions", "theme": "themes", "person": "people"}


@dataclass(frozen=True)
class Pager:
    """Where one page of a list sits among its siblings."""

    at: int  #: 0-based position of this page in :attr:`links`
    links: tuple[tuple[str, str], ...]  #: (label, site path) of every page, in reading order
    number: int = 0  #: the page's fixed number, 0 for a list's front page
    first: int = 0  #: position (1-based, counted from the oldest) of the page's oldest entry; 0 if unused
    last: int = 0  #: … and of its newest

    @property
    def count(self) -> int:
        return len(self.links)

    @property
    def prev(self) -> str:
        return self.links[self.at - 1][1] if self.at > 0 else ""

    @property
    def next(self) -> str:
        return self.links[self.at + 1][1] if self.at + 1 < self.count else ""


def paginate(items: Sequence, size: int, folder: str) -> list[tuple[Sequence, Pager]]:
    """``items`` newest first → a front page with the newest ``size`` to ``2 * size - 1`` and
    numbered pages of exactly ``size``, ``page-1.html`` the oldest.

    Numbering from the oldest end means a page keeps its articles as the archive grows: adding
    an article changes the front page only (and every page once per ``size`` articles, when a
    new numbered page appears), and a link to page 3 of a list stays a citable address."""
    total = len(items)
    numbered = max(0, total // size - 1)
    links = ((("最新", f"{folder}/index.html"),)
             + tuple((str(n), f"{folder}/page-{n}.html") for n in range(numbered, 0, -1)))
    pages = [(items[:total - numbered * size], Pager(0, links, 0, numbered * size + 1, total))]
    for at, n in enumerate(range(numbered, 0, -1), start=1):
        start = total - n * size
        pages.append((items[start:start + size], Pager(at, links, n, (n - 1) * size + 1, n * size)))
    return pages


def listing_pages(catalog: Catalog, config: SiteConfig, with_groups: bool = True) -> Iterator[Page]:
    yield make_page("regions/index.html", "regions.html", config, "地区", "regions",
                    groups=[g.head for g in catalog.regions],
                    map=region_map(catalog, "regions/index.html"), legend=region_legend(catalog),
                    map_source=mapsvg.source_note())
    yield make_page("themes/index.html", "themes.html", config, "主题", "themes", groups=[g.head for g in catalog.themes])
    yield from people_pages(catalog, config)
    for group in () if not with_groups else (*catalog.regions, *catalog.themes, *catalog.people):
        yield from group_pages(group, config, catalog.briefs)


def group_pages(group: Group, config: SiteConfig, briefs: dict) -> Iterator[Page]:
    """The front page shows the group's size and counts; numbered pages only what never changes."""
    section = KIND_FOLDERS[group.kind]
    feed = f"feeds/{section}/{group.slug}.xml" if group.kind != "person" else ""
    head = group.head
    for chunk, pager in paginate(group.entries, config.page_size, group.folder):
        title = group_title(group) + ("" if pager.number == 0 else f"（第{pager.number}页）")
        yield make_page(pager.links[pager.at][1], "group.html", config, title, section,
                        description=group.description, group=head if pager.number == 0 else None,
                        name=group.name, kind=group.kind, about=group.description, entries=[briefs[e.id] for e in chunk], pager=pager,
                        feed=feed)


#: How many of the most credited people the people index shows.
PEOPLE_TOP = 60


def people_pages(catalog: Catalog, config: SiteConfig) -> Iterator[Page]:
    """The people index (how many, a letter per pinyin initial, the most credited) and each
    letter's names in pinyin order, in pages of ``4 × page_size``.

    Credit counts change with every issue, so only the index shows totals: a letter's pages
    change when one of their people is credited again or a new name sorts into them.  (One
    list by count, with the total on every page, re-rendered all 150 pages of 18,000 people
    on every added issue.)"""
    letters = people_by_letter(catalog.people)
    nav = tuple((letter, letter_path(letter)) for letter in letters)
    counts = tuple((letter, len(heads)) for letter, heads in letters.items())
    yield make_page("people/index.html", "people.html", config, "人物", "people", letters=nav, counts=counts,
                    groups=[g.head for g in catalog.people[:PEOPLE_TOP]], total=len(catalog.people), letter="",
                    pager=None)
    size = config.page_size * 4
    for letter, heads in letters.items():
        count = -(-len(heads) // size)
        links = tuple((str(n), letter_path(letter, n)) for n in range(1, count + 1))
        for at in range(count):
            title = f"人物：{letter}" + ("" if at == 0 else f"（第{at + 1}页）")
            yield make_page(links[at][1], "people.html", config, title, "people", letters=nav, counts=(), letter=letter,
                            groups=heads[at * size:(at + 1) * size], pager=Pager(at, links, at + 1), total=0)


def people_by_letter(people: Sequence[Group]) -> dict[str, list]:
    """Initial (``A``–``Z``, else ``#``) → heads of the people whose slug starts with it, in slug order."""
    letters: dict[str, list] = {}
    for group in sorted(people, key=lambda g: (g.slug, g.name)):
        first = group.slug[:1].upper()
        letters.setdefault(first if "A" <= first <= "Z" else "#", []).append(group.head)
    return dict(sorted(letters.items(), key=lambda item: (item[0] == "#", item[0])))


def letter_path(letter: str, number: int = 1) -> str:
    """``people/a.html``, ``people/a-2.html``; ``#`` is ``other`` (a person's own pages are folders)."""
    name = letter.lower() if letter != "#" else "other"
    return f"people/{name}.html" if number == 1 else f"people/{name}-{number}.html"