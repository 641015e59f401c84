"""The hostile corpus (tests/fixtures/hostile/): a clear ``file:line:`` message or a sane parse, never a
traceback, and no text lost.  The 5 MB one-line file is generated here rather than committed."""
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from dibao.conserve import lost_characters
from dibao.ingest import InputError, ingest
from dibao.segment import segment

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
EXPECTED = yaml.safe_load((HOSTILE / "EXPECTED.yaml").read_text(encoding="utf-8"))


def test_every_hostile_file_has_an_expectation():
    files = {p.name for p in HOSTILE.iterdir() if p.name != "EXPECTED.yaml"}
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file(name):
    expected, display = EXPECTED[name], f"seeds/{name}"
    if "error" in expected:
        with pytest.raises(InputError) as info:
            segment(ingest(HOSTILE / name, display))
        assert re.match(re.escape(display) + ":" + expected["error"], str(info.value)), str(info.value)
        return
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
    for article in issue.articles:
        assert article.title and all(s.file == display for s in article.sources)


def test_five_megabyte_single_line(tmp_path):
    path = tmp_path / "one_line.txt"
    path.write_text("某市公安局持续深化警务改革，" * 370_000 + "成效明显。", encoding="utf-8")
    assert path.stat().st_size > 5_000_000
    issue = segment(ingest(path, "seeds/one_line.txt"))
    assert lost_characters(issue) == [] and len(issue.articles) == 1


def test_cli_names_every_bad_file_and_line(root, tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, expected in EXPECTED.items():
        if "error" in expected:
            (seeds / name).write_bytes((HOSTILE / name).read_bytes())
    (seeds / "good.txt").write_bytes((HOSTILE / "gbk.txt").read_bytes())
    result = subprocess.run([sys.executable, str(root / "build.py"), "parse", "--seeds", str(seeds),
                             "--content", str(tmp_path / "content")], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    problems, summary = lines[:-1], lines[-1]
    errors = sorted(n for n, e in EXPECTED.items() if "error" in e)
    assert "Traceback" not in result.stderr and re.match(rf"dibao: 1 issues .*\b{len(errors)} skipped\b", summary), summary
    located = [re.match(r"(?:.*/)?seeds/([^/:]+):\d+: \S", p) for p in problems]
    assert all(located), problems
    assert sorted(m.group(1) for m in located) == errors
