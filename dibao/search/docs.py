"""What the search index knows about one article, and how articles become that."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from dibao.model import Article, Issue


@dataclass(frozen=True)
class SearchDoc:
    """One searchable article, flattened to text."""

    ref: str  #: site-relative URL of the article page, e.g. ``articles/2025/ezhou-gongan.html``
    id: str  #: stable id (``issue/NN-slug``); never all digits
    title: str
    kicker: str = ""  #: 引题
    subtitle: str = ""  #: 副题
    column: str = ""  #: 栏目
    date: str = ""  #: ISO date or ""
    year: int | None = None
    regions: tuple[str, ...] = ()  #: province short names, primary first
    places: tuple[str, ...] = ()  #: place names
    themes: tuple[str, ...] = ()  #: theme names, primary first
    people: tuple[str, ...] = ()  #: reporters, correspondents, authors, photographers
    keywords: tuple[str, ...] = ()
    summary: str = ""
    body: str = ""  #: plain body text


#: Index fields in lunr order, with their boosts.  Order matters for parity.
FIELDS: tuple[tuple[str, int], ...] = (("title", 10), ("meta", 3), ("tags", 3), ("body", 1))


def field_texts(doc: SearchDoc) -> tuple[str, ...]:
    """The text of each index field, in ``FIELDS`` order.

    Multi-valued fields are joined with a newline, which is not a token, so
    terms of two values are never adjacent by accident of joining.
    """
    meta = "\n".join(v for v in (doc.kicker, doc.subtitle, doc.column) if v)
    tags = "\n".join((*doc.regions, *doc.places, *doc.themes, *doc.people, *doc.keywords))
    return (doc.title, meta, tags, doc.body)


def doc_from_article(issue: Issue, article: Article, ref: str) -> SearchDoc:
    """Flatten one enriched article."""
    people = dict.fromkeys((*article.reporters, *article.correspondents, *article.authors, *article.photographers))
    return SearchDoc(
        ref=ref,
        id=f"{issue.id}/{article.order:02d}-{article.slug}" if article.slug else f"{issue.id}/{article.order:02d}",
        title=article.title,
        kicker=article.kicker,
        subtitle=article.subtitle,
        column=article.column,
        date=issue.date,
        year=issue.year,
        regions=article.regions,
        places=tuple(p.name for p in article.places),
        themes=article.themes,
        people=tuple(people),
        keywords=article.keywords,
        summary=article.summary,
        body=article.text,
    )


def docs_from_issues(issues: Iterable[Issue], url_for: Callable[[Issue, Article], str]) -> list[SearchDoc]:
    """Every article of every issue; ``url_for`` gives the page URL relative to the site root."""
    return [doc_from_article(issue, article, url_for(issue, article)) for issue in issues for article in issue.articles]
