"""Every HTML page of the site: its path, template and context."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

from . import aids, body, mapsvg, views
from .catalog import Catalog, Group, IssueEntry, issue_label
from .config import SiteConfig
from .editions import paper_slug
from .urls import absolute, relative

NAV = (("home", "首页", "index.html"), ("issues", "报纸", "issues/index.html"),
       ("regions", "地区", "regions/index.html"), ("themes", "主题", "themes/index.html"),
       ("people", "人物", "people/index.html"), ("search", "检索", "search/index.html"),
       ("about", "关于", "about/index.html"))


@dataclass(frozen=True)
class Link:
    """A named link: what an article page shows of its regions, themes and issue.

    Article pages get these instead of whole groups, so adding an article to 湖北 does not
    change the fingerprint of every other 湖北 article page (see :mod:`.fingerprint`)."""

    name: str
    path: str


@dataclass(frozen=True)
class IssueLink:
    """What an issue page shows of the issues before and after it."""

    path: str
    label: str  #: the issue's label (paper and number, or its lead headline)
    date: str


@dataclass(frozen=True)
class Page:
    """One HTML page.  ``context`` is everything the page depends on and is fingerprinted
    (:mod:`.fingerprint`); ``derive`` computes further template values from the context alone,
    and only when the page is actually rendered (an article's body HTML, its citation …)."""

    path: str  #: output path under the site root
    template: str
    context: dict
    derive: Callable[[dict], dict] | None = None

    def full_context(self) -> dict:
        return {**self.context, **self.derive(self.context)} if self.derive else self.context


def make_page(path: str, template: str, config: SiteConfig, title: str, section: str, *,
              description: str = "", og_type: str = "website", absolute_links: bool = False,
              derive: Callable[[dict], dict] | None = None, **extra) -> Page:
    """A page with the context every template shares: ``url()`` makes relative links from this page."""
    base = config.absolute_base
    if absolute_links:  # 404.html is served at any depth, so it links from the site's public root
        url: Callable[[str], str] = lambda target: base + target
    else:
        url = lambda target: relative(path, target)
    context = dict(path=path, url=url, site=config, nav=NAV, section=section, title=title,
                   description=description or config.tagline, og_type=og_type,
                   canonical=absolute(base, path) if base else "", **extra)
    return Page(path, template, context, derive)


def all_pages(catalog: Catalog, config: SiteConfig, with_groups: bool = True, with_issues: bool = True) -> Iterator[Page]:
    """Every page; without the pages of each region, theme and person when ``with_groups`` is false,
    and without each issue's own pages (:func:`issue_pages`) when ``with_issues`` is false."""
    from .archive import archive_pages  # the archive builds on make_page

    yield home_page(catalog, config)
    yield from archive_pages(catalog, config)
    links = group_links(catalog)
    for index in range(len(catalog.issues)) if with_issues else ():
        yield from issue_pages(catalog, config, index, links)
    from .listings import listing_pages  # listings build on make_page

    yield from listing_pages(catalog, config, with_groups)
    yield make_page("search/index.html", "search.html", config, "检索", "search")
    yield make_page("about/index.html", "about.html", config, "关于本站", "about", totals=catalog.totals,
                    map_source=mapsvg.source_note())
    yield make_page("404.html", "404.html", config, "页面未找到", "", absolute_links=bool(config.absolute_base))


def group_links(catalog: Catalog) -> dict:
    """(kind, name) → :class:`Link` of every region and theme."""
    return {(g.kind, g.name): Link(g.name, g.path) for g in (*catalog.regions, *catalog.themes)}


def issue_pages(catalog: Catalog, config: SiteConfig, index: int, links: dict) -> Iterator[Page]:
    """The page of the ``index``-th issue, of each of its pages (版) and of each of its articles."""
    issue_entry = catalog.issues[index]
    yield issue_page(catalog, config, index)
    for at in range(len(issue_entry.pages)):
        yield page_page(catalog, config, index, at)
    for at in range(len(issue_entry.entries)):
        yield article_page(catalog, config, issue_entry, at, links)


def region_map(catalog: Catalog, page_path: str):
    counts = {g.name: len(g.entries) for g in catalog.regions if g.name != "全国"}
    groups = {g.name: g for g in catalog.regions}
    return mapsvg.china_map(counts, lambda name: relative(page_path, groups[name].path) if name in groups else None,
                            "各省级地区文章数量地图")


def region_legend(catalog: Catalog) -> list[tuple[int, str]]:
    return mapsvg.legend_levels({g.name: len(g.entries) for g in catalog.regions if g.name != "全国"})


def home_page(catalog: Catalog, config: SiteConfig) -> Page:
    """Leads with the latest edition's front page (its first page's articles), then the
    editions before it."""
    newest = sorted(catalog.issues, key=lambda e: (e.issue.date or str(e.issue.year or ""), e.issue.id), reverse=True)
    lead = newest[0] if newest else None
    front = (lead.pages[0] if lead.pages else None) if lead else None
    latest = newest[1: config.home_issues]
    national = catalog.group("region", "全国")
    from .archive import papers_filter

    return make_page("index.html", "home.html", config, config.site_title, "home", latest=latest, lead=lead,
                     front=front, lead_entries=(front.entries if front else lead.entries if lead else ())[:8],
                     papers=papers_filter(catalog), paper_key=paper_slug,
                     map=region_map(catalog, "index.html"), legend=region_legend(catalog),
                     themes=[g.head for g in catalog.themes], totals=catalog.totals,
                     national=national.head if national else None)


def issue_page(catalog: Catalog, config: SiteConfig, index: int) -> Page:
    entry = catalog.issues[index]
    title = f"{entry.label} · {views.display_date(entry.issue)}"
    return make_page(entry.path, "issue.html", config, title, "issues", issue_entry=entry, issue=entry.issue,
                     date_label=views.display_date(entry.issue), label=entry.label,
                     **issue_neighbours(catalog, index))


def page_page(catalog: Catalog, config: SiteConfig, index: int, at: int) -> Page:
    """One page (版) of an edition: its articles, 上一版/下一版, and every page of the edition."""
    entry = catalog.issues[index]
    page = entry.pages[at]
    title = f"{entry.label} · {views.display_date(entry.issue)} · {page.heading}"
    step = lambda p: Link(p.heading, p.path)  # noqa: E731
    return make_page(page.path, "edition_page.html", config, title, "issues", issue_entry=Link(entry.label, entry.path),
                     issue=entry.issue, date_label=views.display_date(entry.issue), label=entry.label, page=page,
                     pages=[Link(p.heading, p.path) for p in entry.pages], briefs=[catalog.brief(e) for e in page.entries],
                     prev_page=step(entry.pages[at - 1]) if at else None,
                     next_page=step(entry.pages[at + 1]) if at + 1 < len(entry.pages) else None,
                     **issue_neighbours(catalog, index))


def issue_neighbours(catalog: Catalog, index: int) -> dict:
    """All an issue page reads from outside its own issue: the editions of its paper before and after it."""
    link = lambda ie: IssueLink(ie.path, ie.label, ie.date)  # noqa: E731
    before, after = catalog.neighbours.get(index, (None, None))
    return dict(prev_issue=link(catalog.issues[before]) if before is not None else None,
                next_issue=link(catalog.issues[after]) if after is not None else None)


def article_page(catalog: Catalog, config: SiteConfig, issue_entry: IssueEntry, at: int, links: dict) -> Page:
    """The ``at``-th article of an issue.  ``links``: see :func:`group_links`."""
    siblings = issue_entry.entries
    entry = siblings[at]
    printed = issue_entry.page(entry.article.page)
    return make_page(
        entry.path, "article.html", config, entry.article.title, "issues", derive=article_extras,
        description=entry.article.summary, og_type="article", entry=entry, article=entry.article,
        issue=entry.issue, issue_entry=Link(issue_entry.label, issue_entry.path), siblings=siblings,
        prev_entry=catalog.brief(siblings[at - 1]) if at > 0 else None,
        next_entry=catalog.brief(siblings[at + 1]) if at + 1 < len(siblings) else None,
        date_label=views.display_date(entry.issue), label=issue_entry.label,
        page_link=Link(printed.heading, printed.path) if printed else None,
        sources=[str(s) for s in entry.article.sources], **article_refs(catalog, entry, links))


def article_refs(catalog: Catalog, entry, links: dict) -> dict:
    """All an article page reads from outside its own issue: person pages, region and theme
    pages, related articles of other issues.  :func:`.families.issue_key` hashes exactly this."""
    groups = lambda kind, names: [links[kind, n] for n in names if (kind, n) in links]
    return dict(credits=views.credits(entry, catalog), regions=groups("region", entry.article.regions),
                themes=groups("theme", entry.article.themes),
                related=[catalog.brief(e) for e in catalog.related(entry)],
                printings=[printing(catalog, e) for e in catalog.printings(entry)])


def printing(catalog: Catalog, entry) -> Link:
    """Another edition that printed the article: ``人民日报 2019年2月25日 第3版``, linked."""
    page = views.page_number(entry)
    return Link(f"{catalog.brief(entry).paper or issue_label(entry.issue)} {views.display_date(entry.issue)}"
                + (f" 第{page}版" if page else ""), entry.path)


def article_extras(context: dict) -> dict:
    """What an article page derives from its own context, computed only when it is rendered."""
    entry, config = context["entry"], context["site"]
    article = entry.article
    canonical = absolute(config.absolute_base, entry.path) if config.absolute_base else ""
    length = article.length or len(article.text)
    blocks = body.below_headline(article.body, article.subtitle)
    toc = aids.table_of_contents(blocks, length)
    return dict(body=body.render_blocks(blocks, anchors={item.block: item.anchor for item in toc}),
                toc=toc, length=length,
                minutes=aids.reading_minutes(length), page_no=views.page_number(entry),
                notes=views.continuation_notes(entry, context["siblings"]), citation=views.citation(entry),
                json_ld=views.json_ld(views.news_article(entry, canonical, config.site_title)))


def group_title(group: Group) -> str:
    return {"region": f"地区：{group.name}", "theme": f"主题：{group.name}", "person": f"人物：{group.name}"}[group.kind]
