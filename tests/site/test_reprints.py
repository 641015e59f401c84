"""An article printed again in a later edition appears once in lists and search, at its first
printing, and each printing's page names the other."""
from __future__ import annotations

import re
import zlib
from pathlib import Path

import pytest

from dibao.search.codec import read_packed

from conftest import EDITIONS, ROOT


@pytest.fixture(scope="module")
def reprint_site(tmp_path_factory) -> Path:
    from dibao.config import load_config
    from dibao.pipeline import build

    work = tmp_path_factory.mktemp("reprints")
    seeds = work / "seeds"
    seeds.mkdir()
    for path in sorted(EDITIONS.glob("*.txt")):
        (seeds / path.name).write_bytes(path.read_bytes())
    # the meeting report of 1 March (page 1, continued on page 2), printed again whole on 5 March
    head = (EDITIONS / "qinghe-20250301-01.txt").read_text(encoding="utf-8").split("第1版 要闻\n\n", 1)[1]
    tail = (EDITIONS / "qinghe-20250301-02.txt").read_text(encoding="utf-8").split("（上接第1版）", 1)[1]
    story = head.split("（下转第2版）")[0] + "\n\n" + tail.split("\n\n市中级法院")[0]
    (seeds / "qinghe-20250305-04.txt").write_text("2025年3月5日 星期三\n\n清河法治报\n\n" + story, encoding="utf-8")
    build(load_config(ROOT, seeds=str(seeds), content=str(work / "content"), out=str(work / "site"), quiet=True),
          root=ROOT)
    return work / "site"


TITLE = "全市政法工作会议召开 部署今年重点任务"


def printed(site: Path) -> list[Path]:
    return sorted(p for p in site.glob("issues/*/*.html") if f"<h1>{TITLE}</h1>" in p.read_text(encoding="utf-8"))


def test_each_printing_has_its_page_naming_the_other(reprint_site):
    first, again = printed(reprint_site)
    assert first.parent.name == "qinghefazhibao-2025-03-01" and again.parent.name == "qinghefazhibao-2025-03-05"
    assert re.search(r'class="printings">.*' + again.name, first.read_text(encoding="utf-8"))
    assert re.search(r'class="printings">.*2025年3月1日 第1版', again.read_text(encoding="utf-8"))


def search_text(path) -> str:
    """A search file's text: packed files (deflate + base64) are unpacked, their JSON read in
    either of the encodings the index uses."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if not text.startswith("window.__dibaoSearch(") or ',"' not in text:
        return text
    try:
        payload = read_packed(path)
    except (ValueError, zlib.error):
        return text
    return payload.decode("utf-16-le", errors="ignore") + payload.decode("utf-8", errors="ignore")


def test_lists_feeds_and_search_show_the_text_once(reprint_site):
    first, again = printed(reprint_site)
    lists = [*reprint_site.glob("regions/*/index.html"), *reprint_site.glob("themes/*/index.html"),
             reprint_site / "feeds" / "index.xml"]
    listed = [p for p in lists if TITLE in p.read_text(encoding="utf-8")]
    assert listed and all(first.name in p.read_text(encoding="utf-8") for p in listed)
    assert not any(f"qinghefazhibao-2025-03-05/{again.name}" in p.read_text(encoding="utf-8") for p in lists)
    search = "".join(search_text(p) for p in (reprint_site / "search").rglob("*.js"))
    assert f"qinghefazhibao-2025-03-01/{first.name}" in search
    assert f"qinghefazhibao-2025-03-05/{again.name}" not in search
    # the edition that reprinted it still lists it on its page
    assert again.name in (again.parent / "index.html").read_text(encoding="utf-8")
