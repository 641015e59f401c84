"""The archive as the site sees it: issues, articles and the groups that list them.

Built once from the issues; every page reads from it.  Groups (regions,
themes, people) list their articles newest first; ties keep reading order.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Sequence

from ..enrich.people import person_slug
from ..model import Article, Issue
from . import people as people_mod
from . import themes as themes_mod
from .editions import PageEntry, edition_pages, paper_neighbours, reprints
from .urls import article_paths, issue_path, region_slug


@dataclass(frozen=True)
class Entry:
    """One article with what its pages need to know about where it lives."""

    article: Article
    issue: Issue
    path: str  #: site path of the article page
    id: str  #: ``<issue-id>/<NN>``, the id ``related`` uses

    @property
    def date(self) -> str:
        return self.issue.date or (str(self.issue.year) if self.issue.year else "")


@dataclass(frozen=True)
class Brief:
    """What a list shows of one article (group lists, related articles, previous/next links).

    List pages get these instead of whole entries, so a page's fingerprint covers exactly what
    it shows: a changed ``related`` list or body does not re-render every list the article is on."""

    path: str
    title: str
    kicker: str
    subtitle: str
    kind: str
    column: str
    summary: str
    names: tuple[str, ...]  #: authors, reporters and correspondents
    iso_date: str  #: the issue's date when known, else empty
    date: str  #: the issue's date, or its year
    paper: str

    @classmethod
    def of(cls, entry: Entry) -> "Brief":
        a = entry.article
        return cls(entry.path, a.title, a.kicker, a.subtitle, a.kind, a.column, a.summary,
                   tuple(a.authors + a.reporters + a.correspondents), entry.issue.date, entry.date,
                   entry.issue.paper)


@dataclass(frozen=True)
class IssueEntry:
    issue: Issue
    path: str
    entries: tuple[Entry, ...]
    pages: tuple[PageEntry, ...] = ()  #: an edition's pages (版) in order; none for a whole-issue file

    def page(self, number: int) -> PageEntry | None:
        return next((p for p in self.pages if p.number == number), None)

    @property
    def date(self) -> str:
        return self.issue.date or (str(self.issue.year) if self.issue.year else "")

    @property
    def label(self) -> str:
        return issue_label(self.issue)


#: An issue without a masthead (text pasted without the paper's name) is a clipping: it is
#: named by its lead headline, which tells such issues apart where 报纸 or 报名不详 would not.
CLIPPING = "剪报"
LABEL_TITLE_CHARS = 14


def issue_label(issue: Issue) -> str:
    """``河北法治报 第853期``; ``剪报 · 辽宁省委政法委召开各市委政…`` when the paper is unknown."""
    if issue.paper:
        return issue.paper + (f" 第{issue.masthead.issue_no}期" if issue.masthead.issue_no else "")
    lead = min(issue.articles, key=lambda a: a.order).title if issue.articles else ""
    if len(lead) > LABEL_TITLE_CHARS:
        lead = lead[:LABEL_TITLE_CHARS].rstrip() + "…"
    return f"{CLIPPING} · {lead}" if lead else CLIPPING


@dataclass(frozen=True)
class Group:
    """A region, theme or person: a named page listing articles."""

    kind: str  #: ``region`` | ``theme`` | ``person``
    name: str
    slug: str
    folder: str  #: site folder, e.g. ``regions/hubei``
    entries: tuple[Entry, ...]  #: newest first
    description: str = ""
    counts: tuple[tuple[str, int], ...] = ()  #: cities (regions) or roles (people) with counts, largest first

    @property
    def path(self) -> str:
        return f"{self.folder}/index.html"

    @property
    def head(self) -> "GroupHead":
        return GroupHead(self.kind, self.name, self.slug, self.path, len(self.entries), self.description, self.counts)


@dataclass(frozen=True)
class GroupHead:
    """A group without its articles: what indexes and list pages show about the group itself."""

    kind: str
    name: str
    slug: str
    path: str
    count: int  #: number of articles
    description: str = ""
    counts: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class Catalog:
    issues: tuple[IssueEntry, ...]  #: oldest first
    entries: tuple[Entry, ...]  #: archive order
    regions: tuple[Group, ...]
    themes: tuple[Group, ...]
    people: tuple[Group, ...]
    by_id: dict = field(default_factory=dict, compare=False)  #: article id → Entry
    groups_of: dict = field(default_factory=dict, compare=False)  #: (kind, name) → Group
    briefs: dict = field(default_factory=dict, compare=False)  #: article id → Brief, made once per build
    #: index of an edition → indexes of the editions before and after it of the same paper
    neighbours: dict = field(default_factory=dict, compare=False)
    papers: tuple[str, ...] = ()  #: the papers of the archive, most editions first ("" for clippings)
    #: article id → id of its first printing, for an article an earlier edition printed already:
    #: lists and search show the first printing only
    reprint_of: dict = field(default_factory=dict, compare=False)

    @property
    def listed(self) -> tuple[Entry, ...]:
        """The entries lists show: every article but the reprints of an earlier one."""
        return tuple(e for e in self.entries if e.id not in self.reprint_of)

    def printings(self, entry: Entry) -> list[Entry]:
        """The other editions that printed ``entry``'s text: its first printing or its reprints."""
        first = self.reprint_of.get(entry.id, entry.id)
        found = [self.by_id[first]] if first != entry.id else []
        return found + [self.by_id[i] for i, of in self.reprint_of.items() if of == first and i != entry.id]

    def brief(self, entry: Entry) -> Brief:
        return self.briefs[entry.id]

    @property
    def totals(self) -> dict:
        return {"issues": len(self.issues), "entries": len(self.entries), "regions": len(self.regions),
                "themes": len(self.themes), "people": len(self.people)}

    def related(self, entry: Entry) -> list[Entry]:
        found = (self.by_id.get(normalise_related(r)) for r in entry.article.related)
        return [e for e in found if e is not None and e is not entry]

    def group(self, kind: str, name: str) -> Group | None:
        return self.groups_of.get((kind, name))


@functools.lru_cache(maxsize=None)  # the same ids recur on many lists, and pages ask for them twice
def normalise_related(value: str) -> str:
    """``<issue>/<NN>`` or ``<issue>/<NN>-<slug>`` → ``<issue>/<NN>``."""
    issue, _, tail = value.strip().rpartition("/")
    digits = re.match(r"\d+", tail)
    return f"{issue}/{int(digits.group()):02d}" if digits else value.strip()


def newest_first(entries: Sequence[Entry]) -> tuple[Entry, ...]:
    """By issue date descending, then issue id descending, then reading order."""
    ordered = sorted(entries, key=lambda e: e.article.order)
    return tuple(sorted(ordered, key=lambda e: (e.date, e.issue.id), reverse=True))


def build_catalog(issues: Sequence[Issue], slugs: dict | None = None) -> Catalog:
    """``slugs`` (name → person slug) may come from the last build: pinyin for 18,000 names costs a second."""
    ordered = sorted(issues, key=lambda i: (i.date or str(i.year or ""), i.id))
    issue_entries, entries = [], []
    for issue in ordered:
        paths = article_paths(issue.articles)
        mine = []
        for article in sorted(issue.articles, key=lambda a: a.order):
            entry = Entry(article, issue, paths[article.order], f"{issue.id}/{article.order:02d}")
            entries.append(entry)
            mine.append(entry)
        issue_entries.append(IssueEntry(issue, issue_path(issue.id), tuple(mine), edition_pages(issue, mine)))
    reprinted = reprints((e.id, e.article.text) for e in entries)
    listed = [e for e in entries if e.id not in reprinted]
    regions = region_groups(listed)
    themes = theme_groups(listed)
    persons = person_groups(listed, slugs or {})
    groups_of = {(g.kind, g.name): g for g in (*regions, *themes, *persons)}
    papers = Counter(i.paper for i in ordered)
    return Catalog(tuple(issue_entries), tuple(entries), regions, themes, persons,
                   {e.id: e for e in entries}, groups_of, {e.id: Brief.of(e) for e in entries},
                   paper_neighbours(issue_entries), tuple(sorted(papers, key=lambda p: (-papers[p], p))), reprinted)


def by_count(groups: list[Group]) -> tuple[Group, ...]:
    return tuple(sorted(groups, key=lambda g: (-len(g.entries), g.slug)))


def region_groups(entries: Sequence[Entry]) -> tuple[Group, ...]:
    members: dict[str, list[Entry]] = {}
    for entry in entries:
        for region in dict.fromkeys(entry.article.regions):
            members.setdefault(region, []).append(entry)
    groups = []
    for name, mine in members.items():
        slug = region_slug(name)
        groups.append(Group("region", name, slug, f"regions/{slug}", newest_first(mine), counts=city_counts(name, mine)))
    return by_count(groups)


def city_counts(province: str, entries: Sequence[Entry]) -> tuple[tuple[str, int], ...]:
    """Articles of the province's list naming each of its cities, largest first.

    Counted among the province's own articles, once per article, so a city never outnumbers
    its province (an article that names 武汉市 in passing but is filed under another region is
    not on 湖北's list, and must not be in its cities' counts either)."""
    found: Counter = Counter()
    for entry in entries:
        found.update({p.name for p in entry.article.places if p.province == province and p.name})
    return tuple(sorted(found.items(), key=lambda kv: (-kv[1], kv[0])))


#: the themes page's last entry: articles no theme applies to (most articles of a general paper)
UNTAGGED = ("其他", "qita", "没有合适主题的文章")


def theme_groups(entries: Sequence[Entry]) -> tuple[Group, ...]:
    members: dict[str, list[Entry]] = {}
    for entry in entries:
        for theme in dict.fromkeys(entry.article.themes):
            members.setdefault(theme, []).append(entry)
    info = themes_mod.theme_info(sorted(members))
    groups = [Group("theme", name, info[name].slug, f"themes/{info[name].slug}", newest_first(mine),
                    description=info[name].description) for name, mine in members.items()]
    untagged = [entry for entry in entries if not entry.article.themes]
    name, slug, description = UNTAGGED
    if untagged and name not in members:
        return (*by_count(groups), Group("theme", name, slug, f"themes/{slug}", newest_first(untagged),
                                         description=description))
    return by_count(groups)


def person_groups(entries: Sequence[Entry], known: dict) -> tuple[Group, ...]:
    credits = people_mod.credits(entries)
    # a pure function of the name, so URLs never move and slugs of earlier builds stay right
    slugs = {name: known.get(name) or person_slug(name) for name in credits}
    groups = []
    for name, (mine, roles) in credits.items():
        counts = tuple((label, roles[label]) for _, label in people_mod.ROLES if roles[label])
        groups.append(Group("person", name, slugs[name], f"people/{slugs[name]}", newest_first(mine), counts=counts))
    return by_count(groups)
