"""Region pages count articles at every level: a city never outnumbers its province."""
from __future__ import annotations

from dibao.model import Article, Issue, Place, SourceSpan
from dibao.site.catalog import build_catalog

WUHAN = Place("武汉市", "420100", "湖北")
GUANGZHOU = Place("广州市", "440100", "广东")


def article(order: int, regions: tuple, places: tuple) -> Article:
    return Article(issue="i", order=order, kind="report", title=f"标题{order}", regions=regions, places=places,
                   sources=(SourceSpan("seeds/i.txt", order, order),))


def test_city_counts_are_articles_of_the_province_list_once_each():
    issue = Issue(id="i", source="seeds/i.txt", paper="某报", date="2025-01-02", articles=(
        article(1, ("湖北",), (WUHAN, WUHAN)),  # named twice: one article
        article(2, ("广东",), (WUHAN, GUANGZHOU)),  # names 武汉 in passing, filed under 广东
        article(3, ("全国",), (WUHAN,)),
        article(4, ("湖北", "广东"), (WUHAN, GUANGZHOU)),
    ))
    catalog = build_catalog([issue])
    hubei, guangdong = catalog.group("region", "湖北"), catalog.group("region", "广东")
    assert len(hubei.entries) == 2 and dict(hubei.counts) == {"武汉市": 2}
    assert len(guangdong.entries) == 2 and dict(guangdong.counts) == {"广州市": 2}


def test_no_city_exceeds_its_province_on_the_fixture(issues):
    for group in build_catalog(issues).regions:
        assert all(n <= len(group.entries) for _, n in group.counts), (group.name, group.counts)
