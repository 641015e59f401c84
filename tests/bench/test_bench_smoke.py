"""Smoke test of ``python -m bench``: a 3-issue archive is generated, built four ways and reported.

No timing is asserted (speed targets are the bench's business, not the tests'); this
only proves that the generator's issues parse and that the report has every row.
"""
import re
import subprocess
import sys

from bench.report import STAGE_ROWS

BUILD_ROWS = ("full build (clean)", "no-op rebuild", "add one issue (build.py add)",
              "edit one article by hand + rebuild")
OTHER_ROWS = ("start-up and imports", "other (between stages, exit)", "**total**",
              "articles per second (full build)", "peak memory, full build",
              "parse (ingest+segment) per issue, seeds/", "parse (ingest+segment) per issue, synthetic",
              "| content/ articles", "| site/ ", "| site/ HTML ")


def test_bench_reports_every_row(tmp_path, root):
    done = subprocess.run([sys.executable, "-m", "bench", "--issues", "3", "--no-compare", "--parse-sample", "2",
                           "--out", str(tmp_path)], cwd=root, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert report in done.stdout
    for label in [label for label, _ in STAGE_ROWS] + list(BUILD_ROWS) + list(OTHER_ROWS):
        assert label in report, label
    assert re.search(r"# dibao bench: 3 issues, \d+ articles", report)
    assert "command: python -m bench --issues 3" in report
    assert "survived the rebuild" in report
    incoming = next((tmp_path / "incoming").iterdir())
    added = [p for p in (tmp_path / "seeds").iterdir() if p.read_bytes() == incoming.read_bytes()]
    assert len(list((tmp_path / "seeds").iterdir())) == 4 and len(added) == 1  # build.py add copied it in


def test_generator_is_deterministic_and_dates_reach_the_parser(tmp_path, root):
    from bench.generate import generate, plan_issues
    from dibao.ingest import ingest
    from dibao.segment import segment

    first = generate(tmp_path / "a", 6, seed=7)
    second = generate(tmp_path / "b", 6, seed=7)
    names = sorted(p.name for p in first.seeds.iterdir())
    assert names == sorted(p.name for p in second.seeds.iterdir())
    assert all((first.seeds / n).read_bytes() == (second.seeds / n).read_bytes() for n in names)
    plans = {p.index: p for p in plan_issues(6, 7)}
    dated = [p for p in plans.values() if p.style != "undated" and p.index < 6]
    parsed = {segment(ingest(p)).date for p in first.seeds.iterdir()}
    assert {p.date.isoformat() for p in dated} <= parsed
