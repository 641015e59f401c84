"""The archive by date: an overview with a date picker, a page per year and one per month,
each month a calendar with one cell per date (the editions of that date in it, one per paper).

The pages live under ``archive/`` (``archive/2019/02.html``) rather than ``issues/``, where an
issue file named ``2019.txt`` could have its folder.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from typing import Iterator

from .catalog import Catalog, IssueEntry
from .config import SiteConfig
from .editions import paper_slug
from .pages import Page, make_page

WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True)
class EditionLink:
    """What the archive shows of one edition."""

    path: str
    label: str
    paper: str  #: the filter key of its paper (:func:`.editions.paper_slug`)
    date: str
    pages: int
    articles: int
    lead: str  #: the headline of its first article


@dataclass(frozen=True)
class Day:
    """One cell of a month's calendar: a date (0 before the first and after the last) and its editions."""

    day: int
    iso: str
    editions: tuple[EditionLink, ...] = ()


def year_path(year: int) -> str:
    return f"archive/{year}/index.html"


def month_path(year: int, month: int) -> str:
    return f"archive/{year}/{month:02d}.html"


def edition_link(entry: IssueEntry) -> EditionLink:
    # a clipping's label is already its lead headline (catalog.issue_label): shown once, not twice
    lead = entry.entries[0].article.title if entry.entries and entry.issue.paper else ""
    return EditionLink(entry.path, entry.label, paper_slug(entry.issue.paper), entry.date, len(entry.pages),
                       len(entry.entries), lead)


def by_month(catalog: Catalog) -> tuple[dict[tuple[int, int], list[IssueEntry]], list[IssueEntry]]:
    """(year, month) → the editions of that month, oldest first; and the editions without a full date."""
    months: dict[tuple[int, int], list[IssueEntry]] = {}
    undated = []
    for entry in catalog.issues:
        date = entry.issue.date
        if len(date) == 10:
            months.setdefault((int(date[:4]), int(date[5:7])), []).append(entry)
        else:
            undated.append(entry)
    return months, undated


def month_weeks(year: int, month: int, editions: list[IssueEntry]) -> list[list[Day]]:
    """Monday-first weeks of the month, one :class:`Day` per date."""
    found: dict[int, list[EditionLink]] = {}
    for entry in editions:
        found.setdefault(int(entry.issue.date[8:10]), []).append(edition_link(entry))
    return [[Day(day, f"{year:04d}-{month:02d}-{day:02d}" if day else "", tuple(found.get(day, ()))) for day in week]
            for week in calendar.Calendar(firstweekday=0).monthdayscalendar(year, month)]


def papers_filter(catalog: Catalog) -> list[tuple[str, str]]:
    """(filter key, name) of each paper, when the archive holds more than one; else empty."""
    if len(catalog.papers) < 2:
        return []
    return [(paper_slug(p), p or "剪报") for p in catalog.papers]


def archive_pages(catalog: Catalog, config: SiteConfig) -> Iterator[Page]:
    """The overview (``issues/index.html``), then each year's page and each month's."""
    months, undated = by_month(catalog)
    keys = sorted(months)
    filters = papers_filter(catalog)
    years: dict[int, list[tuple[int, int, str]]] = {}
    for year, month in keys:
        years.setdefault(year, []).append((month, len(months[year, month]), month_path(year, month)))
    newest = keys[-1] if keys else None
    yield make_page("issues/index.html", "issues.html", config, "报纸目录", "issues", count=len(catalog.issues),
                    years=[(y, year_path(y), ms) for y, ms in sorted(years.items(), reverse=True)],
                    newest=month_view(*newest, months[newest]) if newest else None,
                    undated=[edition_link(e) for e in reversed(undated)], papers=filters,
                    picker=date_picker(keys, catalog))
    for year, found in sorted(years.items()):
        yield make_page(year_path(year), "archive_year.html", config, f"{year}年报纸", "issues", year=year,
                        months=[month_view(year, m, months[year, m]) for m, _, _ in found], papers=filters,
                        picker=date_picker(keys, catalog, f"{year:04d}"), years=[(y, year_path(y)) for y in sorted(years)])
    for at, (year, month) in enumerate(keys):
        step = lambda k: dict(label=f"{k[0]}年{k[1]}月", path=month_path(*k))  # noqa: E731
        yield make_page(month_path(year, month), "archive_month.html", config, f"{year}年{month}月报纸", "issues",
                        month=month_view(year, month, months[year, month]), year=year, year_path=year_path(year),
                        prev_month=step(keys[at - 1]) if at else None,
                        next_month=step(keys[at + 1]) if at + 1 < len(keys) else None,
                        papers=filters, picker=date_picker(keys, catalog, f"{year:04d}-{month:02d}"))


def month_view(year: int, month: int, editions: list[IssueEntry]) -> dict:
    return dict(label=f"{year}年{month}月", path=month_path(year, month), weeks=month_weeks(year, month, editions),
                editions=[edition_link(e) for e in reversed(editions)], weekdays=WEEKDAYS)


def date_picker(keys: list[tuple[int, int]], catalog: Catalog, within: str = "") -> dict | None:
    """The date picker's bounds, the months that have editions (its script goes to the month's page),
    and the date it opens at: the newest one ``within`` the year or month shown (``2019``, ``2019-02``)."""
    if not keys:
        return None
    dates = [e.issue.date for e in catalog.issues if len(e.issue.date) == 10]
    return dict(first=min(dates), last=max(dates), value=max(d for d in dates if d.startswith(within)),
                months=" ".join(f"{y:04d}-{m:02d}" for y, m in keys))
