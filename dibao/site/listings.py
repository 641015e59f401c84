"""Index and list pages for regions, themes and people, paginated."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterator, Sequence

from .catalog import Catalog, Group
from .config import SiteConfig
from . import mapsvg
from .pages import Page, group_title, make_page, region_legend, region_map
from .urls import listing_path

KIND_FOLDERS = {"region": "regions", "theme": "themes", "person": "people"}


@dataclass(frozen=True)
class Pager:
    """Where one page of a list sits among its siblings."""

    number: int  #: 1-based
    count: int  #: number of pages
    paths: tuple[str, ...]  #: site path of every page of the list

    @property
    def prev(self) -> str:
        return self.paths[self.number - 2] if self.number > 1 else ""

    @property
    def next(self) -> str:
        return self.paths[self.number] if self.number < self.count else ""


def paginate(items: Sequence, size: int, folder: str) -> list[tuple[Sequence, Pager]]:
    count = max(1, math.ceil(len(items) / size))
    paths = tuple(listing_path(folder, n) for n in range(1, count + 1))
    return [(items[(n - 1) * size: n * size], Pager(n, count, paths)) for n in range(1, count + 1)]


def listing_pages(catalog: Catalog, config: SiteConfig) -> Iterator[Page]:
    yield make_page("regions/index.html", "regions.html", config, "地区", "regions", groups=catalog.regions,
                    map=region_map(catalog, "regions/index.html"), legend=region_legend(catalog),
                    map_source=mapsvg.source_note())
    yield make_page("themes/index.html", "themes.html", config, "主题", "themes", groups=catalog.themes)
    for chunk, pager in paginate(catalog.people, config.page_size * 4, "people"):
        title = "人物" if pager.number == 1 else f"人物（第{pager.number}页）"
        yield make_page(pager.paths[pager.number - 1], "people.html", config, title, "people",
                        groups=chunk, pager=pager, total=len(catalog.people))
    for group in (*catalog.regions, *catalog.themes, *catalog.people):
        yield from group_pages(group, config)


def group_pages(group: Group, config: SiteConfig) -> Iterator[Page]:
    section = KIND_FOLDERS[group.kind]
    feed = f"feeds/{section}/{group.slug}.xml" if group.kind != "person" else ""
    for chunk, pager in paginate(group.entries, config.page_size, group.folder):
        title = group_title(group) + ("" if pager.number == 1 else f"（第{pager.number}页）")
        yield make_page(pager.paths[pager.number - 1], "group.html", config, title, section,
                        description=group.description, group=group, entries=chunk, pager=pager, feed=feed)
