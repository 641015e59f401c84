"""Editions and the archive in Chromium (playwright-core on Debian's chromium; ``npm ci`` first):
an edition groups its pages, 上一版/下一版 walk them, prev/next go to the same paper's editions
either side, the month's calendar has one cell per date, the date picker and the paper filter
work, a continuation across pages is one article, and no page is wider than a 360 px phone — on
the samples with the edition fixture, and on a site built from 60 real page files."""
from __future__ import annotations

import calendar
import re

import pytest

from site_helpers import run_browser_job


def run_editions(tmp_path, job: dict) -> dict:
    return run_browser_job(tmp_path, "editions.mjs", job)


def edition_job(site, edition: str, month: str, date: str, articles: int = 0) -> dict:
    pages = [*sorted(site.glob("issues/*/index.html")), *sorted(site.glob("issues/*/pages/*.html")),
             *sorted(site.glob("archive/**/*.html")), site / "issues" / "index.html", site / "index.html"]
    stories = sorted((p for p in site.glob("issues/*/*.html") if p.name != "index.html"),
                     key=lambda p: -p.stat().st_size)[:articles]
    return {"edition": (site / "issues" / edition / "index.html").as_uri(), "month": (site / month).as_uri(),
            "archive": (site / "issues" / "index.html").as_uri(), "date": date,
            "widthPages": [p.as_uri() for p in pages + stories]}


@pytest.fixture(scope="module")
def report(edition_site, tmp_path_factory):
    job = edition_job(edition_site, "qinghefazhibao-2025-03-01", "archive/2025/03.html", "2025-03-02", articles=20)
    return run_editions(tmp_path_factory.mktemp("editions"), job)


def test_the_edition_page_groups_its_pages_in_order(report):
    edition = report["edition"]
    assert [s["heading"] for s in edition["sections"]] == ["第1版 要闻", "第2版 法治", "第3版 公安周刊"]
    assert edition["strip"] == ["第1版 要闻", "第2版 法治", "第3版 公安周刊"]
    assert [s["articles"] for s in edition["sections"]] == [2, 2, 1]  # page 2 carries page 1's continuation


def test_next_and_previous_page_walk_the_edition(report):
    edition = report["edition"]
    assert edition["walked"] == ["第1版 要闻", "第2版 法治", "第3版 公安周刊"]
    assert edition["back"] == ["第2版 法治", "第1版 要闻"]


def test_previous_and_next_edition_are_the_same_papers(report):
    around = report["neighbours"]
    assert around["paper"] == "清河法治报" and "prev" not in around  # 北山日报 of the same date is another paper
    assert around["next"]["paper"] == "清河法治报" and around["next"]["date"] == "2025-03-02"


def test_the_calendar_has_one_cell_per_date(report):
    found = report["calendar"]
    assert found["cells"] == [f"d-2025-03-{day:02d}" for day in range(1, 32)]
    assert found["linked"] == 2 and found["crowded"] == []  # 1 March: two papers, one link each


def test_the_date_picker_goes_to_the_dates_cell(report):
    picker = report["picker"]
    assert picker["url"].endswith("archive/2025/03.html") and picker["hash"] == "#d-2025-03-02" and picker["target"]


def test_the_paper_filter_shows_one_paper_and_is_kept_in_the_address(report):
    found = report["filter"]
    assert found["chips"] >= 3 and set(found["shown"]) == {found["chosen"]} and len(found["shown"]) < found["all"]
    assert f"paper={found['chosen']}" in found["address"] and found["kept"] == found["shown"]


def test_a_continuation_across_pages_is_one_article(edition_site):
    folder = edition_site / "issues" / "qinghefazhibao-2025-03-01"
    pages = [p for p in folder.glob("*.html") if "政法工作会议" in p.read_text(encoding="utf-8").split("<h1>")[-1][:80]]
    assert len(pages) == 1
    html = pages[0].read_text(encoding="utf-8")
    assert "公信力" in html and "政法铁军" in html  # the text of page 1 and of page 2
    assert "seeds/qinghe-20250301-01.txt:7-15" in html and "seeds/qinghe-20250301-02.txt:7-11" in html
    page_two = (folder / "pages" / "02.html").read_text(encoding="utf-8")
    assert pages[0].name in page_two  # listed on the page it runs on to


def test_no_edition_or_archive_page_is_wider_than_a_phone(report):
    assert report["widthsChecked"] > 25 and report["widths"] == []


def test_real_pages_form_editions_that_readers_can_walk(corpus_site, tmp_path):
    editions = sorted(p.parent.name for p in corpus_site.glob("issues/*/pages"))
    assert editions and all(re.fullmatch(r"renminribao-\d{4}-\d{2}-\d{2}", e) for e in editions)
    # 60 consecutive page files: a few dates, each one edition
    dates = sorted(e[-10:] for e in editions)
    year, month = int(dates[0][:4]), int(dates[0][5:7])
    middle = editions[len(editions) // 2]
    job = edition_job(corpus_site, middle, f"archive/{year}/{month:02d}.html", dates[-1], articles=30)
    found = run_editions(tmp_path, job)
    pages = len(list((corpus_site / "issues" / middle / "pages").glob("*.html")))
    assert len(found["edition"]["sections"]) == len(found["edition"]["strip"]) == pages > 1
    assert found["edition"]["walked"] == [s["heading"] for s in found["edition"]["sections"]]
    assert found["neighbours"]["prev"]["date"] < found["neighbours"]["date"] < found["neighbours"]["next"]["date"]
    days = calendar.monthrange(year, month)[1]
    assert found["calendar"]["cells"] == [f"d-{year}-{month:02d}-{d:02d}" for d in range(1, days + 1)]
    assert found["calendar"]["linked"] == len([d for d in dates if d.startswith(f"{year}-{month:02d}")])
    assert found["picker"]["hash"] == f"#d-{dates[-1]}" and found["picker"]["target"]
    assert found["widthsChecked"] > 30 and found["widths"] == []


def test_real_reprints_are_one_article_naming_each_page(corpus_site):
    edition = corpus_site / "issues" / "renminribao-2019-02-01"
    if not edition.is_dir():
        pytest.skip("the first corpus pages are not of 2019-02-01")
    visits = [p for p in edition.glob("*.html") if "<h1>王沪宁看望文化界知名人士和科技专家</h1>" in p.read_text(encoding="utf-8")]
    assert len(visits) == 1
    html = visits[0].read_text(encoding="utf-8")
    assert "rmrb-20190201-01.txt" in html and "rmrb-20190201-03.txt" in html
    assert visits[0].name in (edition / "pages" / "03.html").read_text(encoding="utf-8")
