"""The enrich stage: regions, places, themes, keywords, summary, length, related.

Entry points::

    enrich(issues, config=None) -> tuple[Issue, ...]   # new issues, articles filled in
    people_index(issues) -> tuple[Person, ...]           # one record per byline name
    article_id(article) -> "003_46bd6e34c8861008/02"     # how ``related`` and people refer to articles

``enrich`` must see the whole archive: related articles and their IDF are
computed across every issue it is given.
"""
from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Iterator, Mapping, Sequence

from ..model import Article, Issue
from .config import EnrichConfig
from .gazetteer import load_gazetteer
from .people import Person, people_index
from .regions import article_regions, home_province, zones
from .related import related
from .summary import summarize
from .tallies import TermTallies
from .terms import keywords, terms
from .themes import article_themes, load_taxonomy

__all__ = ["EnrichConfig", "Person", "article_id", "article_keys", "enrich", "enrich_articles", "people_index", "relate",
           "related_lists"]


def article_id(article: Article) -> str:
    """``<issue id>/<NN>``, NN the two-digit reading order: stable while slugs may change."""
    return f"{article.issue}/{article.order:02d}"


def enrich(issues: Sequence[Issue], config: EnrichConfig | None = None) -> tuple[Issue, ...]:
    """Every article of ``issues`` with its enrichment fields set."""
    config = config or EnrichConfig()
    return relate(enrich_articles(issues, config), config)


def enrich_articles(issues: Sequence[Issue], config: EnrichConfig | None = None,
                    terms_cache: dict[str, str] | None = None) -> tuple[Issue, ...]:
    """The fields that depend on one article alone: regions, places, themes, keywords, summary, length.

    ``terms_cache`` collects each article's jieba terms by text hash (see :func:`article_terms`),
    so :func:`relate` need not segment the same text again."""
    config = config or EnrichConfig()
    gazetteer = load_gazetteer()
    taxonomy = load_taxonomy(*config.taxonomy_paths())
    done: list[Issue] = []
    for issue in issues:
        home = config.home_province or home_province(issue, gazetteer)
        articles = []
        for article in issue.articles:
            parts = zones(article)
            found = article_regions(article, gazetteer, home)
            article_words = article_terms(article, gazetteer, terms_cache)
            themes = article_themes(parts, article_words, title_terms(article, gazetteer), taxonomy)
            articles.append(replace(
                article, regions=found.regions, places=found.places, mentions=found.mentions,
                themes=themes, keywords=keywords(article_words, config.keywords),
                summary=summarize(lead_text(article), article.byline, article.dateline),
                length=body_length(article)))
        done.append(replace(issue, articles=tuple(articles), home_province=issue.home_province or home))
    return tuple(done)


def relate(issues: Sequence[Issue], config: EnrichConfig | None = None,
           cache: dict[str, str] | None = None) -> tuple[Issue, ...]:
    """``related`` for every article, over the whole archive (see :func:`related_lists`)."""
    config = config or EnrichConfig()
    if not config.related:
        return tuple(issues)
    similar = related_lists(issues, config, cache)
    return tuple(replace(issue, articles=tuple(replace(a, related=similar.get(article_id(a), ()))
                                                for a in issue.articles)) for issue in issues)


def related_lists(issues: Sequence[Issue], config: EnrichConfig, cache: dict[str, str] | None = None,
                  tallies: TermTallies | None = None,
                  terms_keys: Mapping[str, str] | None = None) -> dict[str, tuple[str, ...]]:
    """Article id → the ids of its most similar articles.  ``cache`` maps a hash of an
    article's text to its terms, so unchanged articles are not segmented again; entries of
    texts no longer in the archive are dropped from it.  ``tallies``: their term counts,
    kept across builds (:mod:`.tallies`); ``terms_keys``: article id → :func:`terms_key`, when
    the caller has them already."""
    if not config.related:
        return {}
    gazetteer = load_gazetteer()
    store: dict[str, str] = cache if cache is not None else {}
    keys = dict(terms_keys) if terms_keys is not None else \
        {article_id(a): terms_key(a) for issue in issues for a in issue.articles}
    for issue in issues:
        for article in issue.articles:
            if keys[article_id(article)] not in store:
                article_terms(article, gazetteer, store)
    live = set(keys.values())
    for stale in [key for key in store if key not in live]:
        del store[stale]
    return related(JoinedTerms(keys, store), config.related, tallies, keys)


TERM_SEPARATOR = "\x1f"  #: jieba never returns a control character inside a content word


def terms_key(article: Article) -> str:
    return hashlib.sha256(zone_text(article).encode("utf-8")).hexdigest()[:24]


def article_keys(article: Article) -> tuple[str, str]:
    """(:func:`terms_key`, a hash of title and text): what the pipeline compares to tell whether
    ``related`` must be computed again.  Build caches keep them per issue folder, trusting
    them as long as the enrich code (part of the cache version) is the same."""
    return terms_key(article), hashlib.sha256((article.title + article.text).encode("utf-8")).hexdigest()[:32]


def zone_text(article: Article) -> str:
    return "\n".join(text for _, text in zones(article))


class JoinedTerms(Mapping):
    """Article id → its terms, split from the joined cache string only when asked for:
    ten thousand articles' word lists at once took over half a gigabyte."""

    def __init__(self, keys: dict[str, str], store: dict[str, str]):
        self.keys, self.store = keys, store

    def __getitem__(self, article: str) -> list[str]:
        joined = self.store[self.keys[article]]
        return joined.split(TERM_SEPARATOR) if joined else []

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys)

    def __len__(self) -> int:
        return len(self.keys)


def article_terms(article: Article, gazetteer, cache: dict[str, str] | None) -> list[str]:
    """The article's content words; ``cache`` keeps them as one joined string per text,
    which a ten-thousand-article cache loads many times faster than lists of words."""
    key = terms_key(article) if cache is not None else ""
    if cache is not None and key in cache:
        return cache[key].split(TERM_SEPARATOR) if cache[key] else []
    found = terms(zone_text(article), gazetteer)
    if cache is not None:
        cache[key] = TERM_SEPARATOR.join(found)
    return found


def title_terms(article: Article, gazetteer) -> list[str]:
    """The content words of the headline (none for a headline made up from the text)."""
    return [] if article.title_generated else terms(article.title, gazetteer)


def lead_text(article: Article) -> str:
    """The first paragraph with a sentence in it (a caption or item will do when there is none)."""
    texts = [b.text for b in article.body if b.kind == "paragraph" and b.text]
    texts += [b.text or (b.figure.caption if b.figure else "") for b in article.body]
    return next((t for t in texts if summarize(t)), "")


def body_length(article: Article) -> int:
    """Characters of body text, white space not counted."""
    return sum(1 for ch in article.text if not ch.isspace())
