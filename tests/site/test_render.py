from dibao.enrich.people import person_slug
import csv
import filecmp
import gzip
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from dibao.site import SiteConfig, render_site
from dibao.site.writer import OutputError, SiteWriter

from site_helpers import page_of_each_type

class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def is_own_script(attrs: dict) -> bool:
    """The site's own scripts, loaded from the site itself: the search runtime, the reader's
    preferences and aids, the search-term highlighter."""
    src = attrs.get("src") or ""
    return re.fullmatch(r"(\.\./)*(search/search|static/js/site|static/js/highlight)\.js", src) is not None \
        and "defer" in attrs


#: the one inline script: the reader's saved colours and size, applied before the page paints
PREFS = (Path(__file__).resolve().parents[2] / "templates" / "partials" / "prefs.js").read_text(encoding="utf-8")


def inline_scripts(html: str) -> list[str]:
    """Bodies of the inline scripts other than the preferences one."""
    return [body for body in re.findall(r"<script\b[^>]*>(.*?)</script>", html, re.S) if body and body != PREFS]


def dangerous_tags(html: str) -> list:
    """Elements a browser would run: event handlers, scripts other than JSON-LD, the site's own
    and the preferences one, javascript: URLs, images."""
    parser = TagCollector()
    parser.feed(html)
    return [(tag, attrs) for tag, attrs in parser.tags
            if any(name.startswith("on") for name in attrs) or tag in ("img", "iframe", "object")
            or (tag == "script" and attrs.get("type") != "application/ld+json" and not is_own_script(attrs)
                and not attrs == {})  # a bare <script>: only PREFS, checked by inline_scripts
            or any((value or "").strip().lower().startswith("javascript:") for value in attrs.values())]


HOSTILE = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")


def test_every_page_type_is_written(site):
    for name, path in page_of_each_type(site).items():
        assert path.is_file(), name
    for extra in ("feeds/index.xml", "feeds/regions/hubei.xml", "feeds/themes/fanzha.xml", "robots.txt",
                  ".nojekyll", "export/articles.jsonl.gz", "export/articles.csv.gz", "static/css/site.css"):
        assert (site / extra).is_file(), extra


def test_hostile_text_stays_inert(site):
    html = page_of_each_type(site)["hostile"].read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "javascript:" not in re.findall(r'href="([^"]*)"', html).__str__()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[x](javascript:alert(1))" in html  # Markdown link syntax shown as text, not a link
    assert '<p class="kicker">{{ 7*7 }}</p>' in html and ">49<" not in html
    scripts = inline_scripts(html)  # the JSON-LD
    assert len(scripts) == 1 and "</" not in scripts[0] and "<" not in scripts[0]
    assert json.loads(scripts[0])["headline"] == "测试<script>alert(1)</script>标题"
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not any(bad in text for bad in HOSTILE), page
        assert not dangerous_tags(text), page
        for body in inline_scripts(text):  # bare scripts other than PREFS would run: only JSON-LD data is allowed
            assert isinstance(json.loads(body), dict), page


def test_hostile_text_is_escaped_in_feeds(site):
    feed = (site / "feeds" / "index.xml").read_text(encoding="utf-8")
    assert "<script>" not in feed and "&lt;script&gt;" in feed


def test_two_builds_are_byte_identical(tmp_path, issues):
    first, second = tmp_path / "a", tmp_path / "b"
    config = SiteConfig(quiet=True, base_url="https://example.org/")
    render_site(issues, first, config)
    render_site(issues, second, config)
    compared = filecmp.dircmp(first, second)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files), compared.diff_files


def test_writer_refuses_one_path_twice(tmp_path):
    writer = SiteWriter(tmp_path)
    writer.write("a/index.html", "one")
    with pytest.raises(OutputError, match="a/index.html"):
        writer.write("a/index.html", "two")
    with pytest.raises(OutputError):
        writer.write("../escape.html", "x")


def test_feeds_use_article_dates_and_base_url(site_with_base):
    feed = (site_with_base / "feeds" / "regions" / "hubei.xml").read_text(encoding="utf-8")
    assert "<updated>2025-11-11T00:00:00+08:00</updated>" in feed.split("<entry>")[0]
    assert 'href="https://example.org/dibao/issues/2025-11-04-fazhi-zhoukan/ezhou-gongan' in feed
    sitemap = (site_with_base / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/dibao/regions/hubei/</loc>" in sitemap and "404" not in sitemap
    assert "Sitemap: https://example.org/dibao/sitemap.xml" in (site_with_base / "robots.txt").read_text()


def test_base_url_appears_only_in_metadata(site_with_base):
    for page in site_with_base.rglob("*.html"):
        if page.name == "404.html":
            continue
        html = page.read_text(encoding="utf-8")
        links = re.findall(r'<a [^>]*href="([^"]*)"', html) + re.findall(r'src="([^"]*)"', html)
        assert not [link for link in links if "://" in link], page
        if "<link rel=\"canonical\"" in html:
            assert 'property="og:url" content="https://example.org/dibao/' in html


def test_article_page_shows_credits_notes_and_citation(site):
    pages = page_of_each_type(site)
    html = pages["article"].read_text(encoding="utf-8")
    assert f'<a href="../../people/{person_slug("刘志月")}/index.html">刘志月</a>' in html
    assert "下转第7版（本期未收）" in html
    assert "seeds/001_demo.txt:12-48" in html and "《法治周刊》2025年11月4日（第853期）" in html
    assert "hangzhou-jingfang" in html  # related article from the next issue
    continued = (site / "issues" / "2024-12-30-xibei-fazhibao" / "shanxi-jiaojing-dongji-daolujiaotong-anquan.html")
    assert 'href="shangjie-di-2-ban-shanxi-jiaojing-dongji.html"' in continued.read_text(encoding="utf-8")


def test_region_page_lists_cities_and_newest_first(site):
    html = (site / "regions" / "hubei" / "index.html").read_text(encoding="utf-8")
    assert "鄂州市 <span class=\"count\">2</span>" in html
    assert html.index("合成作战见成效") < html.index("一体化运行")  # 2025-11-11 before 2025-11-04


def test_long_lists_are_paginated_from_the_oldest(tmp_path, issues):
    out = tmp_path / "site"
    render_site(issues, out, SiteConfig(quiet=True, page_size=1))
    hubei = out / "regions" / "hubei"
    assert sorted(p.name for p in hubei.glob("*.html")) == ["index.html", "page-1.html"]
    assert 'href="page-1.html" rel="next"' in (hubei / "index.html").read_text(encoding="utf-8")
    older = (hubei / "page-1.html").read_text(encoding="utf-8")
    assert 'href="index.html" rel="prev"' in older and "第 1–1 篇" in older


@pytest.mark.parametrize("size", [1, 3, 30])
def test_numbered_pages_keep_their_articles_as_newer_ones_arrive(size):
    from dibao.site.listings import paginate

    for total in range(0, 4 * size + 2):
        items = list(range(total, 0, -1))  # newest first; item k is the k-th oldest
        pages = paginate(items, size, "x")
        assert [i for chunk, _ in pages for i in chunk] == items
        front = pages[0][0]
        assert len(front) == total if total < size else size <= len(front) < 2 * size
        for chunk, pager in pages[1:]:
            n = pager.number
            assert list(chunk) == list(range(n * size, (n - 1) * size, -1))
            assert (pager.first, pager.last, pager.links[pager.at][1]) == ((n - 1) * size + 1, n * size,
                                                                            f"x/page-{n}.html")


def test_exports_hold_every_article_with_metadata(site):
    with gzip.open(site / "export" / "articles.jsonl.gz", "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    assert len(rows) == 10 and rows[0]["id"] == "2024-12-30-xibei-fazhibao/01"
    hubei = next(r for r in rows if r["id"] == "2025-11-04-fazhi-zhoukan/01")
    assert hubei["places"][0] == {"name": "鄂州市", "code": "420700", "province": "湖北"}
    with gzip.open(site / "export" / "articles.csv.gz", "rt", encoding="utf-8-sig", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert len(table) == 10 and table[3]["themes"] == "警务改革;打击犯罪;反诈"


def test_exports_name_the_page_each_article_was_printed_on(edition_site):
    with gzip.open(edition_site / "export" / "articles.jsonl.gz", "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    pages = {(r["page"], r["page_name"]) for r in rows if r["issue"] == "qinghefazhibao-2025-03-01"}
    assert pages == {(1, "要闻"), (2, "法治"), (3, "公安周刊")}
    assert all(r["page"] is None for r in rows if r["issue"] == "beishan-ribao-2025-03-01")  # a whole-issue file
    with gzip.open(edition_site / "export" / "articles.csv.gz", "rt", encoding="utf-8-sig", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert {(r["page"], r["page_name"]) for r in table if r["issue"] == "qinghefazhibao-2025-03-01"} == \
        {("1", "要闻"), ("2", "法治"), ("3", "公安周刊")}


def test_map_links_provinces_with_articles(site):
    html = (site / "regions" / "index.html").read_text(encoding="utf-8")
    assert '<a href="hubei/index.html" aria-label="湖北：2 篇">' in html
    assert 'aria-label="西藏' not in html  # no articles, no link
    assert len(re.findall(r"<path ", html)) == 35  # 34 provinces and the South China Sea inset



def test_themes_page_lists_untagged_articles_as_other():
    """Articles no theme applies to are counted under 其他, last, with a page of their own."""
    from dibao.enrich import enrich
    from dibao.site.catalog import UNTAGGED, build_catalog
    from tests.enrich.helpers import make_article, make_issue

    issue = enrich([make_issue([make_article("今天天气很好，公园里游人如织。", "春天来了", order=1),
                                make_article("民警向群众讲解电信网络诈骗常见手法，提醒不要出租出借两卡。", "某县公安局开展反诈宣传",
                                             order=2)])])[0]
    themes = build_catalog([issue]).themes
    assert [g.name for g in themes] == ["反诈", UNTAGGED[0]]
    assert [e.article.order for e in themes[-1].entries] == [1] and themes[-1].head.count == 1


def test_the_lines_that_close_an_article_are_set_off_as_credits():
    from dibao.model import Block
    from dibao.site.body import render_blocks

    html = render_blocks((Block("paragraph", "正文第一段。"), Block("paragraph", "（据新华社电）"),
                          Block("paragraph", "正文第二段。"), Block("paragraph", "（本报记者 陆娅楠）"),
                          Block("paragraph", "版式设计：蔡华伟")))
    assert '<p class="credit">（本报记者 陆娅楠）</p>' in html and '<p class="credit">版式设计：蔡华伟</p>' in html
    # a bracketed line inside the text is not a credit: only the article's last lines are
    assert "<p>（据新华社电）</p>" in html and "<p>正文第二段。</p>" in html
