#!/usr/bin/env python3
"""Parse time per issue: ingest (decode, normalise) + segment + the conservation check.

Measured on each sample issue in seeds/ and on synthetic larger issues made by
concatenating the samples N times.  jieba's one-time dictionary load and the
pinyin tables are warmed before the clock starts.  Each figure is the median
of several runs.  Target (issue #2): under 50 ms for a sample-sized issue.

usage: python bench/parse_bench.py [--repeat R] [--scales 2,5,10] [--profile]
"""
from __future__ import annotations

import argparse
import pathlib
import statistics
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dibao.conserve import lost_characters  # noqa: E402
from dibao.ingest import ingest  # noqa: E402
from dibao.segment import segment  # noqa: E402
from dibao.slugs import slugify  # noqa: E402
from dibao.textseg import get_jieba  # noqa: E402

TARGET_MS = 50.0


def parse_once(path: pathlib.Path) -> tuple[float, int]:
    started = time.perf_counter()
    issue = segment(ingest(path, path.name))
    problems = lost_characters(issue)
    elapsed = (time.perf_counter() - started) * 1000
    if problems:
        raise SystemExit(f"conservation failed: {problems[0]}")
    return elapsed, len(issue.articles)


def median_ms(path: pathlib.Path, repeat: int) -> tuple[float, int]:
    runs = [parse_once(path) for _ in range(repeat)]
    return statistics.median(ms for ms, _ in runs), runs[0][1]


def synthetic(samples: list[pathlib.Path], scale: int, folder: pathlib.Path) -> pathlib.Path:
    """An issue ``scale`` times the size of all samples together (file names carry no date)."""
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in samples)
    path = folder / f"synthetic-x{scale}.txt"
    path.write_text("\n\n".join([text] * scale), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--scales", default="1,3,10")
    parser.add_argument("--profile", action="store_true", help="cProfile the largest sample issue")
    args = parser.parse_args(argv)
    get_jieba(), slugify("预热")  # one-time loads, outside the clock
    samples = sorted((ROOT / "seeds").glob("*.txt"))
    print(f"{'issue':40} {'KiB':>7} {'articles':>8} {'ms':>8}")
    sample_ms = []
    for path in samples:
        ms, articles = median_ms(path, args.repeat)
        sample_ms.append(ms)
        print(f"{path.name:40} {path.stat().st_size / 1024:7.1f} {articles:8d} {ms:8.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        for scale in (int(s) for s in args.scales.split(",") if s):
            path = synthetic(samples, scale, pathlib.Path(tmp))
            ms, articles = median_ms(path, max(1, args.repeat // scale))
            print(f"{path.name:40} {path.stat().st_size / 1024:7.1f} {articles:8d} {ms:8.1f}")
    worst = max(sample_ms)
    print(f"sample issues: median {statistics.median(sample_ms):.1f} ms, worst {worst:.1f} ms "
          f"(target < {TARGET_MS:.0f} ms: {'met' if worst < TARGET_MS else 'NOT met'})")
    if args.profile:
        profile(max(samples, key=lambda p: p.stat().st_size))
    return 0


def profile(path: pathlib.Path) -> None:
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(10):
        parse_once(path)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    sys.exit(main())
