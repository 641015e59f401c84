"""The reader's aids in Chromium (playwright-core on Debian's chromium; ``npm ci`` first):
table of contents, citation copy, text size, light/dark toggle, '/' to search, the search
query marked, and no page wider than a 360 px phone, on the golden fixture and on a site
built from 60 real page files."""
from __future__ import annotations

import re

import pytest

from site_helpers import page_of_each_type, run_browser_job


def run_reader(tmp_path, job: dict) -> dict:
    return run_browser_job(tmp_path, "reader.mjs", job)


def articles(site):
    return sorted(p for p in site.glob("issues/*/*.html") if p.name != "index.html")


def keyword(page) -> str:
    found = re.search(r"<dt>关键词</dt><dd>([^、<]+)", page.read_text(encoding="utf-8"))
    return found.group(1) if found else ""


@pytest.fixture(scope="module")
def fixture_report(site, tmp_path_factory):
    pages = page_of_each_type(site)
    job = {"article": pages["article"].as_uri(), "articleToc": pages["article"].as_uri(),
           "other": pages["hostile"].as_uri(), "query": keyword(pages["article"]),
           "widthPages": [p.as_uri() for p in sorted(site.rglob("*.html"))]}
    return run_reader(tmp_path_factory.mktemp("reader"), job)


def test_table_of_contents_takes_the_reader_to_the_section(fixture_report):
    toc = fixture_report["toc"]
    assert toc["entries"] >= 2 and toc["hash"] == f"#{toc['target']}" and 0 <= toc["top"] < 100


def test_copy_citation_copies_the_citation_and_the_address(fixture_report):
    citation = fixture_report["citation"]
    assert citation["visible"] and citation["status"] == "已复制"
    assert citation["copied"] == f"{citation['shown']} {citation['address']}"


def test_text_size_changes_and_is_remembered(fixture_report):
    size = fixture_report["size"]
    assert size["large"] > size["base"] * 1.15 and size["largeElsewhere"] == size["large"]
    assert size["largePressed"] == "true"
    assert size["small"] < size["base"] * 0.95 and size["smallAfterReload"] == size["small"]
    assert size["back"] == size["base"]


def test_theme_toggle_switches_and_is_remembered(fixture_report):
    theme = fixture_report["theme"]
    assert theme["light"] != theme["dark"] and theme["darkElsewhere"] == theme["dark"]
    assert (theme["pressedBefore"], theme["pressedAfter"]) == ("false", "true")
    assert theme["systemDark"] == theme["dark"] and theme["chosenLight"] == theme["light"]


def test_without_script_the_system_scheme_applies_and_no_control_is_dead(fixture_report):
    assert fixture_report["noScript"]["visible"] == []
    assert fixture_report["noScript"]["background"] == fixture_report["theme"]["dark"]


def test_slash_focuses_search_and_a_query_from_search_is_marked(fixture_report):
    search = fixture_report["search"]
    assert search["focused"] == "site-q"
    assert search["marks"] and search["note"] == 1 and search["marksAfterClear"] == 0


def test_no_fixture_page_is_wider_than_a_phone(fixture_report):
    assert fixture_report["widthsChecked"] > 20 and fixture_report["widths"] == []


def test_on_real_pages_aids_work_and_no_page_is_wider_than_a_phone(corpus_site, tmp_path):
    pages = articles(corpus_site)
    with_toc = [p for p in pages if 'class="story-toc"' in p.read_text(encoding="utf-8")]
    searched = next(p for p in pages if keyword(p))
    others = [p for p in sorted(corpus_site.rglob("*.html")) if p not in pages]
    longest = sorted(pages, key=lambda p: -len(p.read_bytes()))[:40]  # long titles, tables of contents, lists
    report = run_reader(tmp_path, {
        "article": searched.as_uri(), "articleToc": with_toc[0].as_uri(), "other": others[0].as_uri(),
        "query": keyword(searched), "widthPages": [p.as_uri() for p in others + longest]})
    assert report["toc"]["hash"] == f"#{report['toc']['target']}" and 0 <= report["toc"]["top"] < 100
    assert report["citation"]["copied"].startswith(report["citation"]["shown"])
    assert report["search"]["marks"]
    assert report["widthsChecked"] > 100 and report["widths"] == []
