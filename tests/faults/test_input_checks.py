"""Issue #20 items 7 (a seed named with bytes that are not UTF-8), 8 (clear messages), 9 (input
validation) and 11 (partial success), run through build.py on one seeds/ folder holding every
case beside two good issues: each problem is one ``file:line: message`` line naming the seed,
every other issue is built and published, and the exit status is 1."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dibao.ingest import InputError, RawIssue, decode, issue_from_raw
from dibao.conserve import lost_characters
from dibao.segment import segment

GOOD = "某市公安局推进社区警务改革\n\n本报讯 记者张三 近日，某市公安局召开会议，部署社区警务改革工作。\n"


def front(body: str) -> bytes:
    return f"---\npaper: 某报\n{body}---\n{GOOD}".encode("utf-8")


@pytest.fixture(scope="module")
def hostile_build(root, tmp_path_factory):
    work = tmp_path_factory.mktemp("hostile")
    seeds = work / "seeds"
    seeds.mkdir()
    files = {
        "2025-04-01-good.txt": GOOD.encode("utf-8"),
        "2025-04-02-good.txt": GOOD.replace("社区", "农村").encode("utf-8"),
        "bad-date.txt": front("date: 2025-13-45\n"),
        "date-abc.txt": front('date: "abc"\n'),
        "paper-list.txt": front("page: 1\n").replace(b"paper: \xe6\x9f\x90\xe6\x8a\xa5", b"paper: [1, 2]"),
        "bad-utf8.txt": ("正文第一行。\n" * 60).encode("utf-8") + b"abc\xff\xfedef\n",
        "x-y.txt": GOOD.encode("utf-8"),
        "x_y.txt": GOOD.replace("社区", "城市").encode("utf-8"),
        "form-feed.txt": "第一页的正文。\n\x0c第二页的正文。\n".encode("utf-8"),
        os.fsdecode(b"\xff\xfe.txt"): GOOD.encode("utf-8"),
    }
    for name, data in files.items():
        (seeds / name).write_bytes(data)
    (seeds / "passwd.txt").symlink_to("/etc/passwd")
    (seeds / "loop.txt").symlink_to("loop.txt")
    os.mkfifo(seeds / "fifo.txt")
    (seeds / "folder.txt").mkdir()
    (seeds / ".hidden.txt").write_text(GOOD, encoding="utf-8")
    done = subprocess.run([sys.executable, str(root / "build.py"), "--seeds", str(seeds),
                           "--content", str(work / "content"), "--out", str(work / "site")],
                          capture_output=True, text=True, cwd=work, timeout=300)
    return work, done


def problem(done, name: str) -> str:
    found = [line for line in done.stderr.splitlines() if re.match(rf"(?:.*/)?seeds/{re.escape(name)}:\d+: ", line)]
    assert found, (name, done.stderr)
    return found[0]


def test_item7_seed_name_that_is_not_utf8_is_one_line(hostile_build):
    _, done = hostile_build
    assert "Traceback" not in done.stderr
    assert re.search(r"seeds/\\xff\\xfe\.txt:1: .*(name|UTF-8)", done.stderr), done.stderr


def test_item8_impossible_date_names_its_line():
    raw = RawIssue("seeds/x.txt", "---\npaper: 某报\ndate: 2025-13-45\n---\n正文。", "utf-8")
    with pytest.raises(InputError) as info:
        issue_from_raw(raw, "x")
    assert str(info.value).startswith("seeds/x.txt:3: ") and "date" in str(info.value)


def test_item8_invalid_utf8_is_reported_at_its_line_and_byte(hostile_build):
    _, done = hostile_build
    line = problem(done, "bad-utf8.txt")
    assert re.search(r"bad-utf8\.txt:61: .*byte 4\b", line), line
    data = ("正文第一行。\n" * 60).encode("utf-8") + b"abc\xff\xfedef\n"
    with pytest.raises(InputError) as info:
        decode(data, "seeds/bad-utf8.txt")
    assert str(info.value).startswith("seeds/bad-utf8.txt:61: ")


def test_item8_colliding_names_name_both_seeds(hostile_build):
    work, done = hostile_build
    line = problem(done, "x_y.txt")
    assert "x-y.txt" in line, line
    assert "output path written twice" not in done.stderr
    assert (work / "site" / "issues" / "x-y" / "index.html").exists()


def test_item8_form_feed_is_a_page_break_not_binary(hostile_build):
    _, done = hostile_build
    assert "form-feed.txt" not in done.stderr
    raw = RawIssue("seeds/f.txt", "第一页的正文。\n\x0c第二页的正文。\n末行\x0c后", "utf-8")
    decode("第一页\n\x0c第二页".encode("utf-8"), "seeds/f.txt")
    issue = issue_from_raw(raw, "f")
    assert [(line.text, line.blank_before) for line in issue.lines] == \
        [("第一页的正文。", True), ("第二页的正文。", True), ("末行 后", False)]
    assert lost_characters(segment(issue)) == []


@pytest.mark.parametrize("name,line,word", [("bad-date.txt", 3, "date"), ("date-abc.txt", 3, "date"),
                                            ("paper-list.txt", 2, "paper")])
def test_item9_front_matter_values_are_type_checked(hostile_build, name, line, word):
    _, done = hostile_build
    found = problem(done, name)
    assert found.split("seeds/", 1)[1].startswith(f"{name}:{line}: ") and word in found, found
    assert "internal error" not in found


def test_item9_symlink_leaving_seeds_is_refused(hostile_build):
    work, done = hostile_build
    assert "outside" in problem(done, "passwd.txt")
    assert not any("root:" in p.read_text(encoding="utf-8") for p in (work / "content").rglob("*.md"))


@pytest.mark.parametrize("name,reason", [("loop.txt", "symlink"), ("fifo.txt", "FIFO|pipe"), ("folder.txt", "folder"),
                                         (".hidden.txt", "hidden")])
def test_item9_whatever_is_not_read_is_listed_once_with_the_reason(hostile_build, name, reason):
    _, done = hostile_build
    lines = [line for line in done.stderr.splitlines() if f"seeds/{name}:" in line]
    assert len(lines) == 1 and re.search(reason, lines[0]), done.stderr


def test_item11_one_bad_issue_never_stops_the_rest(hostile_build):
    work, done = hostile_build
    assert done.returncode == 1 and "Traceback" not in done.stderr
    published = {p.name for p in (work / "site" / "issues").iterdir() if p.is_dir()}
    assert {"2025-04-01-good", "2025-04-02-good", "x-y", "form-feed"} <= published, published
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr.strip().splitlines()[-1]
    skipped = {"bad-date.txt", "date-abc.txt", "paper-list.txt", "bad-utf8.txt", "x_y.txt", "passwd.txt", "loop.txt",
               "fifo.txt", "folder.txt", os.fsdecode(b"\xff\xfe.txt")}
    assert re.search(rf"\b{len(skipped)} skipped\b", summary), summary


def test_item11_a_failing_issue_keeps_its_previous_articles_and_the_rest_is_published(root, tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "2025-04-01-a.txt").write_text(GOOD, encoding="utf-8")
    (seeds / "2025-04-02-b.txt").write_text(GOOD.replace("社区", "农村"), encoding="utf-8")
    command = [sys.executable, str(root / "build.py"), "--seeds", str(seeds), "--content", str(tmp_path / "content"),
               "--out", str(tmp_path / "site"), "--quiet"]
    assert subprocess.run(command, capture_output=True, text=True, cwd=tmp_path).returncode == 0
    kept = {p: p.read_bytes() for p in (tmp_path / "content" / "2025-04-02-b").iterdir()}
    pages = sorted(p.name for p in (tmp_path / "site" / "issues" / "2025-04-02-b").glob("*.html"))
    (seeds / "2025-04-01-a.txt").write_text(GOOD.replace("社区", "交通"), encoding="utf-8")
    (seeds / "2025-04-02-b.txt").write_bytes(b"\x00\x01binary")
    done = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert re.search(r"seeds/2025-04-02-b\.txt:1: .*binary", done.stderr), done.stderr
    assert re.search(r"\b1 skipped\b", done.stderr.strip().splitlines()[-1]), done.stderr
    assert {p: p.read_bytes() for p in (tmp_path / "content" / "2025-04-02-b").iterdir()} == kept
    # its pages stay (their links to the other issue, which changed, may change with it)
    folder = tmp_path / "site" / "issues" / "2025-04-02-b"
    assert sorted(p.name for p in folder.glob("*.html")) == pages
    assert all("农村警务" in p.read_text(encoding="utf-8") for p in folder.glob("*.html"))
    assert "交通警务" in "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "site" / "issues").rglob("*.html"))
