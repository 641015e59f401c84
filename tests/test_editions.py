"""Editions: page files of one paper and date become one edition with pages (版), whose
articles carry their page; continuations and reprints across its pages become one article;
a content/ in the one-folder-per-file layout of earlier builds is converted, hand edits kept."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dibao.config import load_config
from dibao.contentio import read_content
from dibao.edition.pages import file_page, given_page
from dibao.pipeline import build

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "editions"
CORPUS = ROOT.parent / "shared" / "corpus" / "rmrb" / "clean"


def parse(tmp_path: Path, seeds: Path, content: Path | None = None, **options):
    content = content or tmp_path / "content"
    build(load_config(ROOT, seeds=str(seeds), content=str(content), out=str(tmp_path / "site"), quiet=True),
          root=ROOT, parse_only=True, **options)
    return {issue.id: issue for issue in read_content(content)}


def copy_seeds(tmp_path: Path, names=None) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in sorted((FIXTURE / "seeds").glob("*.txt")):
        if names is None or path.name in names:
            shutil.copy(path, seeds / path.name)
    return seeds


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("editions")
    return parse(tmp, copy_seeds(tmp))


def test_pages_of_one_paper_and_date_form_one_edition(editions):
    assert sorted(editions) == ["beishan-ribao-2025-03-01", "qinghefazhibao-2025-03-01", "qinghefazhibao-2025-03-02"]
    first = editions["qinghefazhibao-2025-03-01"]
    # 第1版 要闻 and 第2版 法治 are printed folios; page 3 has front matter page: and section:
    assert [(p.number, p.name, p.source) for p in first.pages] == [
        (1, "要闻", "seeds/qinghe-20250301-01.txt"), (2, "法治", "seeds/qinghe-20250301-02.txt"),
        (3, "公安周刊", "seeds/qinghe-20250301-03.txt")]
    # 01版：要闻 printed; the second page has no folio: its file name's number
    assert [(p.number, p.name) for p in editions["qinghefazhibao-2025-03-02"].pages] == [(1, "要闻"), (2, "")]
    assert [a.page for a in first.articles] == sorted(a.page for a in first.articles)
    assert all(a.page_name == {1: "要闻", 2: "法治", 3: "公安周刊"}[a.page] for a in first.articles)
    assert not any("版" in a.title for e in editions.values() for a in e.articles)  # folios are no headlines


def test_a_file_that_is_a_whole_issue_stays_one(editions):
    whole = editions["beishan-ribao-2025-03-01"]
    assert whole.pages == () and [a.page for a in whole.articles] == [0]


def test_a_continuation_across_pages_is_one_article_with_a_span_on_each_page(editions):
    first = editions["qinghefazhibao-2025-03-01"]
    meeting = [a for a in first.articles if "政法工作会议" in a.title]
    assert len(meeting) == 1
    article = meeting[0]
    assert [s.file for s in article.sources] == ["seeds/qinghe-20250301-01.txt", "seeds/qinghe-20250301-02.txt"]
    assert "提升执法司法质效和公信力" in article.text and "锻造忠诚干净担当的政法铁军" in article.text
    assert article.text.index("公信力") < article.text.index("政法铁军") and not article.continues_to
    assert article.length == len("".join(article.text.split("\n")))


def test_a_continuation_under_its_repeated_headline_joins_its_head_without_the_headline(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    head = "人民公安报\n2025年12月3日 星期三\n"
    (seeds / "ga-20251203-02.txt").write_text(
        head + "第2版 要闻\n\n守护万家灯火\n本报记者 高 山\n早上7点，刘长青就骑着电动车出现在辖区的街巷里。\n"
        "多年来，刘长青累计帮助群众解决各类难题1200余件。（下转第三版）\n", encoding="utf-8")
    (seeds / "ga-20251203-03.txt").write_text(
        head + "第3版 要闻\n\n守护万家灯火\n（上接第二版）\n每天下班前，刘长青都要把当天走访的情况记在本子上。\n",
        encoding="utf-8")
    edition = parse(tmp_path, seeds)["renmingonganbao-2025-12-03"]
    assert [a.title for a in edition.articles] == ["守护万家灯火"]
    article = edition.articles[0]
    assert "1200余件。" in article.text and article.text.endswith("记在本子上。")
    assert "守护万家灯火" not in article.text  # the headline the page repeats is no paragraph of the story


def test_page_numbers_from_file_names_and_front_matter():
    assert [file_page(n) for n in ("seeds/rmrb-20200115-04.txt", "x_3.txt", "a-p12.txt", "2025-04-15.txt",
                                   "000_80dad41c4292ae7e.txt", "20250415.txt")] == [4, 3, 12, 0, 0, 0]
    assert [given_page(v) for v in (3, "03", "A3", "第三版", None, "要闻")] == [
        (3, ""), (3, ""), (3, "A3"), (3, "第三版"), (0, ""), (0, "")]


def test_an_article_printed_whole_on_two_pages_is_folded_into_one(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    head = "2025年3月1日 星期六\n\n清河法治报\n\n"
    story = (FIXTURE / "seeds" / "qinghe-20250301-03.txt").read_text(encoding="utf-8").split("清河法治报\n\n", 1)[1]
    other = (FIXTURE / "seeds" / "qinghe-20250302-02.txt").read_text(encoding="utf-8").split("清河法治报\n\n", 1)[1]
    (seeds / "qh-20250301-01.txt").write_text(head + story, encoding="utf-8")
    (seeds / "qh-20250301-04.txt").write_text(head + other + "\n" + story.replace("。", "。", 1), encoding="utf-8")
    edition = parse(tmp_path, seeds)["qinghefazhibao-2025-03-01"]
    titles = [a.title for a in edition.articles]
    assert titles.count("交警雨天护送学生过马路") == 1
    folded = next(a for a in edition.articles if a.title == "交警雨天护送学生过马路")
    assert folded.page == 1 and {s.file for s in folded.sources} == {"seeds/qh-20250301-01.txt",
                                                                      "seeds/qh-20250301-04.txt"}


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.md"))}


def test_todays_layout_is_converted_and_every_hand_edit_kept(tmp_path):
    seeds = copy_seeds(tmp_path)
    content = tmp_path / "content"
    shutil.copytree(FIXTURE / "old_content", content)
    issues = parse(tmp_path, seeds, content)
    assert sorted(p.name for p in content.iterdir() if not p.name.startswith(".")) == sorted(issues) == [
        "beishan-ribao-2025-03-01", "qinghefazhibao-2025-03-01", "qinghefazhibao-2025-03-02"]
    articles = {a.title: a for issue in issues.values() for a in issue.articles}
    assert "社区民警走访辖区独居老人（编辑改）" in articles  # the edited title, now in the edition folder
    assert articles["交警雨天护送学生过马路"].text.endswith("编辑补记：本文数据截至2月底。")
    assert articles["社区民警走访辖区独居老人（编辑改）"].issue == "qinghefazhibao-2025-03-01"
    # and the edits stay through a rebuild from scratch of the same content
    parse(tmp_path, seeds, content, clean=True)
    again = {a.title: a for issue in read_content(content) for a in issue.articles}
    assert "社区民警走访辖区独居老人（编辑改）" in again and again["交警雨天护送学生过马路"].text.endswith("2月底。")


def test_adding_a_page_gives_the_content_a_clean_build_gives(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir(), two.mkdir()
    seeds = copy_seeds(one, {"qinghe-20250301-01.txt", "qinghe-20250301-03.txt", "beishan-ribao-2025-03-01.txt"})
    parse(one, seeds)
    shutil.copy(FIXTURE / "seeds" / "qinghe-20250301-02.txt", seeds)  # the page the continuation runs on to
    incremental = parse(one, seeds)
    clean = parse(two, copy_seeds(two, {"qinghe-20250301-01.txt", "qinghe-20250301-02.txt", "qinghe-20250301-03.txt",
                                        "beishan-ribao-2025-03-01.txt"}))
    assert tree(one / "content") == tree(two / "content")
    assert len(incremental["qinghefazhibao-2025-03-01"].articles) == len(clean["qinghefazhibao-2025-03-01"].articles) == 4


def test_removing_a_page_gives_the_content_a_clean_build_without_it_gives(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir(), two.mkdir()
    seeds = copy_seeds(one, {"qinghe-20250301-01.txt", "qinghe-20250301-02.txt", "qinghe-20250301-03.txt"})
    parse(one, seeds)
    before = parse(one, seeds)  # a build with nothing to do: what the next one starts from
    (seeds / "qinghe-20250301-03.txt").unlink()  # the edition keeps its other pages
    after = parse(one, seeds)
    clean = parse(two, copy_seeds(two, {"qinghe-20250301-01.txt", "qinghe-20250301-02.txt"}))
    assert tree(one / "content") == tree(two / "content")
    edition = "qinghefazhibao-2025-03-01"
    assert [page.number for page in after[edition].pages] == [1, 2] != [p.number for p in before[edition].pages]
    assert len(after[edition].articles) == len(clean[edition].articles) < len(before[edition].articles)


def test_a_page_brought_in_by_add_joins_its_edition(tmp_path):
    from dibao.adding import add_files

    seeds = copy_seeds(tmp_path, {"qinghe-20250301-01.txt", "qinghe-20250301-03.txt"})
    parse(tmp_path, seeds)
    # page 2 prints no folio: its number is in its file name alone, which add renames
    (added,), _ = add_files([FIXTURE / "seeds" / "qinghe-20250301-02.txt"], seeds, known=set())
    issues = parse(tmp_path, seeds)
    assert sorted(issues) == ["qinghefazhibao-2025-03-01"]
    assert [page.number for page in issues["qinghefazhibao-2025-03-01"].pages] == [1, 2, 3]
    assert file_page(added.target.name) == 2


def test_real_pages_form_editions_and_reprints_are_folded(tmp_path):
    files = sorted(CORPUS.glob("rmrb-20190201-*.txt")) if CORPUS.is_dir() else []
    if not files:
        pytest.skip(f"needs the shared corpus at {CORPUS}")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in files:
        shutil.copy(path, seeds / path.name)
    issues = parse(tmp_path, seeds)
    assert list(issues) == ["renminribao-2019-02-01"]
    edition = issues["renminribao-2019-02-01"]
    assert [p.number for p in edition.pages] == sorted(int(f.stem[-2:]) for f in files)
    visit = [a for a in edition.articles if a.title == "王沪宁看望文化界知名人士和科技专家"]
    assert len(visit) == 1 and visit[0].page == 1  # printed on page 1 and again on page 3
    assert [s.file.rsplit("-", 1)[1] for s in visit[0].sources] == ["01.txt", "03.txt"]


def test_a_page_that_fails_to_parse_keeps_its_edition_as_it_was(tmp_path):
    """One bad file never stops the rest: a page that no longer parses is skipped, and its edition
    stays as content/ holds it (not assembled again without that page) until the file parses."""
    seeds = copy_seeds(tmp_path)
    config = load_config(ROOT, seeds=str(seeds), content=str(tmp_path / "content"), out=str(tmp_path / "site"),
                         quiet=True)
    build(config, root=ROOT, parse_only=True)
    folder = tmp_path / "content" / "qinghefazhibao-2025-03-01"
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    (seeds / "qinghe-20250301-02.txt").write_bytes(b"\x00\x01binary")
    other = seeds / "qinghe-20250302-02.txt"
    other.write_text(other.read_text(encoding="utf-8").replace("八十余件", "九十余件"), encoding="utf-8")
    report = build(config, root=ROOT, parse_only=True)
    assert len(report.skipped) == 1 and report.skipped[0].startswith("seeds/qinghe-20250301-02.txt:1: ")
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before
    issues = {issue.id: issue for issue in read_content(tmp_path / "content")}
    assert "九十余件" in "".join(a.text for a in issues["qinghefazhibao-2025-03-02"].articles)
    assert [p.number for p in issues["qinghefazhibao-2025-03-01"].pages] == [1, 2, 3]
    (seeds / "qinghe-20250301-02.txt").write_bytes((FIXTURE / "seeds" / "qinghe-20250301-02.txt").read_bytes())
    assert not build(config, root=ROOT, parse_only=True).skipped
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before
