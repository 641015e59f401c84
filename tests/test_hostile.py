"""The hostile corpus (tests/fixtures/hostile/, issue #20): a clear ``file:line:`` message or a sane
parse, never a traceback, never a hang, and no character of the file lost (the conservation check
counts the raw decoded file).  File-system cases that git cannot hold (a FIFO, a symlink loop, a
name that is not UTF-8) are made at run time; the 5 MB one-line file is generated here too."""
import contextlib
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from dibao.conserve import article_texts, lost_characters
from dibao.contentio import parse_body, render_body
from dibao.ingest import InputError, ingest, issue_id_for
from dibao.segment import segment
from dibao.site.urls import issue_dir
from dibao.state import BuildState

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
EXPECTED = yaml.safe_load((HOSTILE / "EXPECTED.yaml").read_text(encoding="utf-8"))
HANG = 60  #: seconds one file may take to parse before it counts as a hang


@contextlib.contextmanager
def no_hang(seconds: int = HANG):
    def hung(*_):
        raise TimeoutError(f"still parsing after {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_every_hostile_file_has_an_expectation():
    files = {p.name for p in HOSTILE.iterdir() if p.name != "EXPECTED.yaml"}
    assert files == set(EXPECTED) and len(files) >= 60


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file(name):
    expected, display = EXPECTED[name], f"seeds/{name}"
    if "error" in expected:
        with pytest.raises(InputError) as info, no_hang():
            segment(ingest(HOSTILE / name, display))
        assert re.match(re.escape(display) + ":" + expected["error"], str(info.value)), str(info.value)
        return
    with no_hang():
        issue = segment(ingest(HOSTILE / name, display))
    assert lost_characters(issue) == []
    if "articles" in expected:
        assert len(issue.articles) == expected["articles"], [a.title for a in issue.articles]
    assert len(issue.articles) >= expected.get("min_articles", 0)
    for key in ("paper", "date"):
        if key in expected:
            assert getattr(issue, key) == expected[key]
    if "warning" in expected:
        assert any(w.startswith(f"{display}:") and re.search(expected["warning"], w) for w in issue.warnings)
    assert all(re.match(re.escape(display) + r":\d+: ", w) for w in issue.warnings), issue.warnings
    if "text" in expected:
        assert expected["text"] in "\n".join(t for a in issue.articles for t in article_texts(a))
    for article in issue.articles:
        assert article.title and all(s.file == display for s in article.sources)
        read_back = parse_body(render_body(article.body))  # what content/ holds is what the site shows
        assert list(map(shown, read_back)) == list(map(shown, article.body))


def shown(block) -> tuple:
    figure = block.figure
    return block.kind, block.text, (figure.label, figure.caption, figure.credit) if figure else None


def test_five_megabyte_single_line(tmp_path):
    path = tmp_path / "one_line.txt"
    path.write_text("某市公安局持续深化警务改革，" * 370_000 + "成效明显。", encoding="utf-8")
    assert path.stat().st_size > 5_000_000
    with no_hang():
        issue = segment(ingest(path, "seeds/one_line.txt"))
    assert lost_characters(issue) == [] and len(issue.articles) == 1


def runtime_cases(seeds: Path) -> set[str]:
    """Entries of seeds/ git cannot hold; each is refused with a message.  Their names."""
    (seeds / "passwd.txt").symlink_to("/etc/passwd")
    (seeds / "loop.txt").symlink_to("loop.txt")
    (seeds / "dangling.txt").symlink_to("nowhere.txt")
    os.mkfifo(seeds / "fifo.txt")
    (seeds / "folder.txt").mkdir()
    (seeds / os.fsdecode(b"\xff\xfe.txt")).write_text("某市公安局召开会议。\n", encoding="utf-8")
    return {"passwd.txt", "loop.txt", "dangling.txt", "fifo.txt", "folder.txt", "\\xff\\xfe.txt"}


def test_cli_names_every_bad_file_and_line(root, tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in EXPECTED:
        (seeds / name).write_bytes((HOSTILE / name).read_bytes())
    refused = runtime_cases(seeds) | {n for n, e in EXPECTED.items() if "error" in e or "refused" in e}
    result = subprocess.run([sys.executable, str(root / "build.py"), "--seeds", str(seeds), "--content",
                             str(tmp_path / "content"), "--out", str(tmp_path / "site"), "--quiet"],
                            capture_output=True, text=True, cwd=tmp_path, timeout=900)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    problems, summary = lines[:-1], lines[-1]
    assert re.match(rf"dibao: \d+ issues .*\b{len(refused)} skipped\b", summary), summary
    located = [re.match(r"(?:.*/)?seeds/([^/:]+):\d+: \S", p) for p in problems]
    assert all(located), [p for p, m in zip(problems, located) if not m]
    assert sorted(m.group(1) for m, p in zip(located, problems) if ": warning: " not in p) == sorted(refused)
    for name, expected in EXPECTED.items():
        if "refused" in expected:
            assert re.search(expected["refused"], next(p for p in problems if f"seeds/{name}:" in p))
    published = {p.name for p in (tmp_path / "site" / "issues").iterdir() if p.is_dir()}
    owners = BuildState.load(tmp_path / "content").owners()  # a page file is published in its edition
    for name in set(EXPECTED) - refused:
        file_id = issue_id_for(Path(name))
        assert issue_dir(owners.get(file_id, (file_id,))[0]).split("/")[1] in published, name
