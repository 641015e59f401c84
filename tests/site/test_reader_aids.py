"""What an article page and the lists give a reader besides the text: table of contents,
reading time, citation, labels and separators, place links, pagers with dates, the icon."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from dibao.model import Article, Block, Issue, Place, SourceSpan
from dibao.site import SiteConfig, render_site
from dibao.site import aids, views
from dibao.site.catalog import CLIPPING, LABEL_TITLE_CHARS, build_catalog

from site_helpers import page_of_each_type


def paragraph(text: str) -> Block:
    return Block("paragraph", text)


def article(order: int, title: str, body: tuple, **fields) -> Article:
    length = sum(len(b.text) for b in body)
    return Article(issue="", order=order, kind=fields.pop("kind", "report"), title=title, body=body, length=length,
                   sources=(SourceSpan("seeds/x.txt", order, order),), **fields)


def issue(issue_id: str, date: str, paper: str, *articles: Article, **fields) -> Issue:
    return Issue(id=issue_id, source=f"seeds/{issue_id}.txt", paper=paper, date=date, year=int(date[:4]),
                 articles=tuple(replace(a, issue=issue_id) for a in articles), **fields)


LONG_TEXT = tuple(paragraph(f"第{n}段。" + "法治建设持续推进，基层治理成效明显。" * 20) for n in range(1, 11))
ARCHIVE = (
    issue("a-paper", "2025-03-01", "某某法治报",
          article(1, "《为了人民健康》今起播出", (paragraph("纪录片今起播出。"),), subtitle="——2020年5月22日在京首映",
                  reporters=("王五",), regions=("湖北",), places=(Place("武汉市", "420100", "湖北"),)),
          article(2, "长篇通讯", LONG_TEXT, regions=("湖北",)),
          article(3, "分节报道", (paragraph("导语。"), Block("section", "一、起因"), paragraph("起因。"),
                                 Block("section", "二、经过"), paragraph("经过。")), regions=("湖北",)),
          front_matter={"page": 3}),
    issue("b-clip", "2025-03-02", "", article(1, "辽宁省委政法委召开各市委政法委书记座谈会", (paragraph("正文。"),),
                                                  kind="brief", regions=("湖北",))),
)


@pytest.fixture(scope="module")
def small_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("aids") / "site"
    render_site(ARCHIVE, out, SiteConfig(quiet=True, page_size=1))
    return out


def page(site: Path, issue_id: str, order: int) -> str:
    paths = {e.id: e.path for e in build_catalog(ARCHIVE).entries}
    return (site / paths[f"{issue_id}/{order:02d}"]).read_text(encoding="utf-8")


def test_citation_nests_book_title_marks_and_names_the_page():
    entry = build_catalog(ARCHIVE).entries[0]
    assert views.citation(entry) == "王五：《〈为了人民健康〉今起播出》，《某某法治报》2025年3月1日第3版。"


def test_article_page_shows_the_page_reading_time_and_a_copy_button(small_site):
    html = page(small_site, "a-paper", 2)
    assert " · 第3版 · " in html and "第3版。</span>" in html
    minutes = round(sum(len(b.text) for b in LONG_TEXT) / aids.READING_SPEED)
    assert f"阅读约 {minutes} 分钟" in html and minutes > 1
    assert '<button type="button" class="copy-cite" data-copy="citation">' in html  # shown where script runs


def test_a_subtitle_printed_with_its_dash_gets_one_dash(small_site):
    html = page(small_site, "a-paper", 1)
    assert "<p class=\"subtitle\">——2020年5月22日在京首映</p>" in html and "————" not in html
    region = (small_site / "regions" / "hubei" / "page-1.html").read_text(encoding="utf-8")
    assert "————" not in region


def test_a_deck_the_body_also_prints_is_shown_once(tmp_path):
    deck = "——记全国优秀人民警察张三"
    text = (paragraph(deck), paragraph("张三从警二十年。"))
    archive = (issue("deck", "2025-03-03", "某某法治报", article(1, "守护一方平安", text, subtitle=deck)),)
    render_site(archive, tmp_path / "site", SiteConfig(quiet=True))
    entry = build_catalog(archive).entries[0]
    html = (tmp_path / "site" / entry.path).read_text(encoding="utf-8")
    shown = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert shown.count("记全国优秀人民警察张三") == 1 and '<p class="subtitle">' + deck in shown
    assert "张三从警二十年。" in html


def test_sections_get_anchors_and_a_table_of_contents(small_site):
    html = page(small_site, "a-paper", 3)
    toc = re.search(r'<nav class="story-toc" aria-label="本文目录">.*?</nav>', html, re.S).group()
    assert re.findall(r'href="#(s\d)">([^<]+)<', toc) == [("s1", "一、起因"), ("s2", "二、经过")]
    assert '<h2 id="s1">一、起因<a class="anchor" href="#s1"' in html


def test_a_long_article_without_sections_gets_waypoints(small_site):
    html = page(small_site, "a-paper", 2)
    anchors = re.findall(r'<a href="#(p\d+)">', html)
    assert len(anchors) >= 2 and all(f'<p id="{a}">' in html for a in anchors)
    assert '<nav class="story-toc" aria-label="段落导读">' in html
    assert "story-toc" not in page(small_site, "a-paper", 1)  # short, no sections: no contents


def test_waypoints_fall_about_a_stretch_apart():
    items = aids.table_of_contents(LONG_TEXT, sum(len(b.text) for b in LONG_TEXT))
    starts = [sum(len(b.text) for b in LONG_TEXT[:i.block]) for i in items]
    assert starts[0] == 0 and all(aids.STRETCH <= b - a < aids.STRETCH + 300 for a, b in zip(starts, starts[1:]))
    assert aids.table_of_contents(LONG_TEXT[:2], 600) == ()


def test_an_issue_without_a_paper_is_named_by_its_lead_and_lists_have_no_dangling_separators(small_site):
    home = (small_site / "index.html").read_text(encoding="utf-8")
    title = ARCHIVE[1].articles[0].title
    assert f"{CLIPPING} · {title[:LABEL_TITLE_CHARS]}…" in home and ">报纸</a></h3>" not in home
    for path in small_site.rglob("*.html"):
        for meta in re.findall(r'<p class="meta">(.*?)</p>', path.read_text(encoding="utf-8"), re.S):
            text = re.sub(r"<[^>]+>", "", meta).strip()
            assert not text.endswith("·") and "·  ·" not in text and " ·  " not in text, (path, text)


def test_archive_lists_name_a_clippings_lead_once_and_a_papers_lead_under_its_name(small_site):
    for path in ("issues/index.html", "archive/2025/03.html"):
        html = (small_site / path).read_text(encoding="utf-8")
        leads = re.findall(r'<span class="lead-title">(.*?)</span>', html)
        assert leads == ["《为了人民健康》今起播出"], (path, leads)
        assert f"{CLIPPING} · 辽宁省委政法委" in html


def test_the_date_picker_opens_at_the_newest_date_of_the_page_it_is_on(edition_site):
    def value(path: str) -> str:
        html = (edition_site / path).read_text(encoding="utf-8")
        return re.search(r'<input type="date" id="date-jump"[^>]* value="([^"]+)"', html).group(1)

    assert value("issues/index.html") == value("archive/2025/index.html") == "2025-04-15"
    assert value("archive/2025/03.html") == "2025-03-02"


def test_place_chips_and_places_link_to_a_search_for_them(small_site):
    region = (small_site / "regions" / "hubei" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../../search/index.html?q=%E6%AD%A6%E6%B1%89%E5%B8%82">武汉市 <span class="count">1</span></a>' \
        in region
    assert 'href="../../search/index.html?q=%E6%AD%A6%E6%B1%89%E5%B8%82">武汉市</a>' in page(small_site, "a-paper", 1)


def test_paginated_lists_have_dated_pagers_at_top_and_bottom(small_site):
    front = (small_site / "regions" / "hubei" / "index.html").read_text(encoding="utf-8")
    pagers = re.findall(r'<nav class="pager".*?</nav>', front, re.S)
    assert len(pagers) == 2 and pagers[1].replace("分页（页尾）", "分页") == pagers[0]
    assert '<a href="page-3.html">3<small>2025.3.1</small></a>' in pagers[0]
    assert "本页为最新的 1 篇（2025.3.2）" in front
    older = (small_site / "regions" / "hubei" / "page-1.html").read_text(encoding="utf-8")
    assert "第 1–1 篇（2025.3.1）" in older


def test_a_long_pager_leaves_out_the_far_pages():
    from dibao.site.listings import PAGER_REACH, paginate

    pages = paginate(list(range(100, 0, -1)), 4, "x", lambda n: f"2025-01-{n // 4 + 1:02d}")
    pager = pages[10][1]
    shown = [item[0] if item else None for item in pager.shown]
    assert shown == [0, None, *range(10 - PAGER_REACH, 10 + PAGER_REACH + 1), None, pager.count - 1]
    assert all(item[3] for item in pager.shown[1:] if item)  # numbered pages say their dates


def test_the_icon_is_shipped_and_linked_relatively(site):
    assert (site / "favicon.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (site / "static" / "favicon.svg").is_file()
    html = page_of_each_type(site)["article"].read_text(encoding="utf-8")
    assert '<link rel="icon" href="../../static/favicon.svg" type="image/svg+xml">' in html
    assert '<link rel="icon" href="../../favicon.ico"' in html


def test_every_page_has_a_search_box_in_its_header(site):
    for name, path in page_of_each_type(site).items():
        header = re.search(r"<header class=\"masthead\">.*?</header>", path.read_text(encoding="utf-8"), re.S).group()
        if name != "search":  # the search page's own box is the first thing in it
            assert 'role="search"' in header and 'aria-keyshortcuts="/"' in header, name


def test_people_index_syllables_can_wrap(site):
    html = (site / "people" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<p><strong>.*?</p>", html, re.S)
    assert rows and all("</span> <span class=\"syllable\">" in r or r.count('class="syllable"') == 1 for r in rows)


def test_the_map_caption_says_what_darker_means_in_each_palette(site):
    html = (site / "regions" / "index.html").read_text(encoding="utf-8")
    assert '<span class="in-light">颜色越深</span><span class="in-dark">颜色越亮</span>' in html
