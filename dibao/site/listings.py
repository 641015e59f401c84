"""Index and list pages for regions, themes and people, paginated."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator, Sequence

from .catalog import Catalog, Group
from .config import SiteConfig
from . import mapsvg
from .pages import Page, group_title, make_page, region_legend, region_map

KIND_FOLDERS = {"region": "regions", "theme": "themes", "person": "people"}


#: pages either side of the current one that a pager lists (besides the newest and the oldest)
PAGER_REACH = 2


@dataclass(frozen=True)
class Pager:
    """Where one page of a list sits among its siblings."""

    at: int  #: 0-based position of this page in :attr:`links`
    links: tuple[tuple[str, str], ...]  #: (label, site path) of every page, in reading order
    number: int = 0  #: the page's fixed number, 0 for a list's front page
    first: int = 0  #: position (1-based, counted from the oldest) of the page's oldest entry; 0 if unused
    last: int = 0  #: … and of its newest
    spans: tuple[str, ...] = ()  #: dates each numbered page covers (``2019.2.17–2.20``); empty for the front page
    span: str = ""  #: dates this page covers, the front page's included

    @property
    def count(self) -> int:
        return len(self.links)

    @property
    def prev(self) -> str:
        return self.links[self.at - 1][1] if self.at > 0 else ""

    @property
    def next(self) -> str:
        return self.links[self.at + 1][1] if self.at + 1 < self.count else ""

    @property
    def shown(self) -> tuple[tuple[int, str, str, str] | None, ...]:
        """(position, label, path, dates) of the pages a pager lists: the newest, the oldest and
        :data:`PAGER_REACH` either side of this one, with ``None`` where pages are left out (a row
        of 23 numbers said nothing about what each held)."""
        keep = sorted({0, self.count - 1, *range(max(0, self.at - PAGER_REACH), min(self.count, self.at + PAGER_REACH + 1))})
        found: list = []
        for position in keep:
            if found and found[-1] is not None and found[-1][0] != position - 1:
                found.append(None)
            label, path = self.links[position]
            found.append((position, label, path, self.spans[position] if position < len(self.spans) else ""))
        return tuple(found)


def date_span(oldest: str, newest: str) -> str:
    """``2019.2.17``, ``2019.2.17–2.20``, ``2018.12.30–2019.1.5``; years alone (``2024–2025``) as they are."""
    def parts(date: str) -> list[str]:
        return [str(int(x)) for x in date.split("-")] if len(date) == 10 else [date]
    a, b = parts(oldest), parts(newest)
    if a == b:
        return ".".join(a)
    if len(a) == len(b) == 3 and a[0] == b[0]:
        return f"{'.'.join(a)}–{'.'.join(b[1:])}"
    return f"{'.'.join(a)}–{'.'.join(b)}"


def paginate(items: Sequence, size: int, folder: str,
             date_of: Callable[[object], str] | None = None) -> list[tuple[Sequence, Pager]]:
    """``items`` newest first → a front page with the newest ``size`` to ``2 * size - 1`` and
    numbered pages of exactly ``size``, ``page-1.html`` the oldest.  With ``date_of`` (an item's
    date), each page says which dates it covers.

    Numbering from the oldest end means a page keeps its articles as the archive grows: adding
    an article changes the front page only (and every page once per ``size`` articles, when a
    new numbered page appears), and a link to page 3 of a list stays a citable address.  So the
    front page's dates, which change with every article, are on the front page alone."""
    total = len(items)
    numbered = max(0, total // size - 1)
    links = ((("最新", f"{folder}/index.html"),)
             + tuple((str(n), f"{folder}/page-{n}.html") for n in range(numbered, 0, -1)))
    chunks = [items[:total - numbered * size]] + [items[total - n * size:total - (n - 1) * size]
                                                  for n in range(numbered, 0, -1)]
    dates = [date_span(date_of(c[-1]), date_of(c[0])) if date_of and c else "" for c in chunks]
    spans = ("",) + tuple(dates[1:]) if date_of else ()
    pages = [(chunks[0], Pager(0, links, 0, numbered * size + 1, total, spans, dates[0]))]
    for at, n in enumerate(range(numbered, 0, -1), start=1):
        pages.append((chunks[at], Pager(at, links, n, (n - 1) * size + 1, n * size, spans, dates[at])))
    return pages


def listing_pages(catalog: Catalog, config: SiteConfig, with_groups: bool = True) -> Iterator[Page]:
    from .archive import papers_filter

    yield make_page("regions/index.html", "regions.html", config, "地区", "regions",
                    groups=[g.head for g in catalog.regions],
                    map=region_map(catalog, "regions/index.html"), legend=region_legend(catalog),
                    map_source=mapsvg.source_note())
    yield make_page("themes/index.html", "themes.html", config, "主题", "themes", groups=[g.head for g in catalog.themes])
    yield from people_pages(catalog, config)
    for group in () if not with_groups else (*catalog.regions, *catalog.themes, *catalog.people):
        yield from group_pages(group, config, catalog.briefs, papers_filter(catalog))


def group_pages(group: Group, config: SiteConfig, briefs: dict, papers: list = ()) -> Iterator[Page]:
    """The front page shows the group's size and counts; numbered pages only what never changes.
    ``papers``: the paper filter (:func:`.archive.papers_filter`), empty for a one-paper archive."""
    section = KIND_FOLDERS[group.kind]
    feed = f"feeds/{section}/{group.slug}.xml" if group.kind != "person" else ""
    head = group.head
    for chunk, pager in paginate(group.entries, config.page_size, group.folder, lambda e: e.date):
        title = group_title(group) + ("" if pager.number == 0 else f"（第{pager.number}页）")
        yield make_page(pager.links[pager.at][1], "group.html", config, title, section,
                        description=group.description, group=head if pager.number == 0 else None,
                        name=group.name, kind=group.kind, about=group.description, entries=[briefs[e.id] for e in chunk], pager=pager,
                        feed=feed, papers=papers)


#: How many of the most credited people the people index shows.
PEOPLE_TOP = 60


def people_pages(catalog: Catalog, config: SiteConfig) -> Iterator[Page]:
    """The people index (how many, every surname syllable by initial, the most credited) and
    a page per syllable (``people/zhang.html``: names in pinyin order, paginated by ``4 × page_size``).

    Credit counts change with every issue and new names keep arriving, so only the index
    shows totals, and names are grouped so that a new one moves no other group's pages: an
    added issue changes the pages of the syllables it credits.  (One list by count, with the
    total on every page, re-rendered all 150 pages of 18,000 people on every added issue.)"""
    syllables = people_by_syllable(catalog.people)
    letters: dict[str, list] = {}
    for syllable, heads in syllables.items():
        letters.setdefault(initial(syllable), []).append((syllable, syllable_path(syllable), len(heads)))
    yield make_page("people/index.html", "people.html", config, "人物", "people", letters=tuple((k, tuple(v)) for k, v in letters.items()),
                    groups=[g.head for g in catalog.people[:PEOPLE_TOP]], total=len(catalog.people), syllable="",
                    heading="", pager=None)
    size = config.page_size * 4
    for syllable, heads in syllables.items():
        count = -(-len(heads) // size)
        links = tuple((str(n), syllable_path(syllable, n)) for n in range(1, count + 1))
        siblings = tuple((s, p, 0) for s, p, _n in letters[initial(syllable)])  # counts change: index only
        surnames = "、".join(sorted({head.name[:1] for head in heads}))  # 张、章: what zhang stands for
        for at in range(count):
            title = f"人物：{syllable}（{surnames}）" + ("" if at == 0 else f"第{at + 1}页")
            yield make_page(links[at][1], "people.html", config, title, "people", letters=((initial(syllable), siblings),),
                            groups=heads[at * size:(at + 1) * size], total=0, syllable=syllable,
                            heading=f"{syllable}（{surnames}）", pager=Pager(at, links, at + 1))


def people_by_syllable(people: Sequence[Group]) -> dict[str, list]:
    """First syllable of the slug (a surname's pinyin: ``zhang``) → heads of its people in slug
    order; syllables in alphabetical order."""
    found: dict[str, list] = {}
    for group in sorted(people, key=lambda g: (g.slug, g.name)):
        found.setdefault(group.slug.split("-", 1)[0] or "-", []).append(group.head)
    return dict(sorted(found.items()))


def initial(syllable: str) -> str:
    first = syllable[:1].upper()
    return first if "A" <= first <= "Z" else "#"


def syllable_path(syllable: str, number: int = 1) -> str:
    """``people/zhang.html``, ``people/zhang-2.html``: files, while a person's pages are folders
    named by a whole slug (``zhang-san-1a2b``), so the two never meet."""
    return f"people/{syllable}.html" if number == 1 else f"people/{syllable}-{number}.html"
