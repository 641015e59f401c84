"""The edition stage: parsed page files → editions with pages (版).

Entry point::

    assemble_editions(issues, enrich_config, terms) -> tuple[Issue, ...]

One paper's pages of one date form one edition (:mod:`.pages` says which); a file that is a
whole issue stays an issue of its own.  An edition's articles are its pages' articles in
page order, each numbered ``page × ORDER_STEP + place on the page``: an article keeps its id
(``<edition>/<order>``), its content/ file and the hand edits recorded for it when a page of
the edition is added or dropped.  Articles printed on several pages are made one
(:mod:`.stitch`) and enriched again as the whole they now are.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..enrich import EnrichConfig, enrich_articles
from ..model import Article, EditionPage, Issue, Masthead
from .pages import PageFacts, edition_id, edition_key, page_facts
from .stitch import fold_reprints, stitch_continuations

__all__ = ["ORDER_STEP", "assemble_editions", "edition_of_page", "page_facts"]

ORDER_STEP = 1000  #: orders of page N's articles are N·1000 + 1, N·1000 + 2, …


def assemble_editions(issues: Sequence[Issue], enrich_config: EnrichConfig | None = None,
                      terms: dict[str, str] | None = None) -> tuple[Issue, ...]:
    """``issues``: every parsed file of the editions to assemble (an edition's pages all at once)."""
    groups: dict[tuple[str, str], list[tuple[Issue, PageFacts]]] = {}
    alone: list[Issue] = []
    for issue in issues:
        facts = page_facts(issue)
        key = edition_key(issue, facts)
        if key is None:
            alone.append(edition_of_page(issue, facts) if facts.number else issue)
        else:
            groups.setdefault(key, []).append((issue, facts))
    taken = {issue.id for issue in alone}
    editions = [edition(key, members, taken) for key, members in sorted(groups.items())]
    return (*alone, *(whole_articles(e, enrich_config, terms) for e in editions))


def edition_of_page(issue: Issue, facts: PageFacts) -> Issue:
    """A page whose paper or date is unknown: an edition of one page, under the file's own id."""
    return edition(None, [(issue, facts)], set(), issue.id)


def edition(key: tuple[str, str] | None, members: list[tuple[Issue, PageFacts]], taken: set[str],
            own_id: str = "") -> Issue:
    """The edition of ``members`` (page files), their articles renumbered by page."""
    members = sorted(members, key=lambda m: (m[1].number, m[0].source))
    first = members[0][0]
    new_id = own_id or edition_id(*key)
    if new_id in taken:  # a whole-issue file named like the edition: the edition steps aside
        new_id += "-ban"
    pages, articles, counts = [], [], {}
    for issue, facts in members:
        pages.append(EditionPage(facts.number, issue.source, issue.lines[-1].number if issue.lines else 1,
                                 facts.name, facts.label, issue.furniture))
        for article in issue.articles:
            counts[facts.number] = place = counts.get(facts.number, 0) + 1
            articles.append(replace(article, issue=new_id, order=facts.number * ORDER_STEP + place,
                                    page=facts.number, page_name=facts.name))
    return replace(first, id=new_id, lines=(), front_matter={}, masthead=merged_masthead([m[0] for m in members]),
                   furniture=first.furniture, home_province=next((m[0].home_province for m in members
                                                                 if m[0].home_province), ""),
                   warnings=tuple(w for m in members for w in m[0].warnings), articles=tuple(articles),
                   pages=tuple(pages))


def merged_masthead(issues: list[Issue]) -> Masthead:
    """The first page's masthead facts, completed by later pages; every page's footer lines."""
    heads = [i.masthead for i in issues]
    pick = lambda name: next((getattr(h, name) for h in heads if getattr(h, name)), getattr(heads[0], name))  # noqa: E731
    return Masthead(paper=pick("paper"), issue_no=pick("issue_no"), pages=pick("pages"), section=heads[0].section,
                    cn=pick("cn"), postal_code=pick("postal_code"), weekday=pick("weekday"),
                    slogans=tuple(dict.fromkeys(s for h in heads for s in h.slogans)),
                    editors=tuple(dict.fromkeys(e for h in heads for e in h.editors)))


def whole_articles(issue: Issue, enrich_config: EnrichConfig | None, terms: dict[str, str] | None) -> Issue:
    """Continuations stitched and reprints folded; the articles that changed enriched again."""
    articles, continued = stitch_continuations(issue.articles)
    articles, reprinted = fold_reprints(articles)
    grown = continued | reprinted
    if grown:
        again = enrich_articles((replace(issue, articles=tuple(a for a in articles if a.order in grown)),),
                                enrich_config, terms)[0].articles
        fresh = {a.order: a for a in again}
        articles = [fresh.get(a.order, a) for a in articles]
    return replace(issue, articles=tuple(articles))


def source_pages(issue: Issue, article: Article) -> tuple[int, ...]:
    """The pages ``article`` was printed on, in order: one for each page file its sources name."""
    numbers = {page.source: page.number for page in issue.pages}
    return tuple(dict.fromkeys(numbers[s.file] for s in article.sources if s.file in numbers)) or (
        (article.page,) if article.page else ())
