"""``python -m bench [--issues 1000] [--no-compare] [--no-search-bench] [--profile]``

Generates a synthetic archive of N issues under bench/out/n<N>/, builds it with
``build.py`` and prints (and saves to bench/out/n<N>/report.md) the tables
described in bench/README.md.
"""
from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from .generate import generate
from .report import format_report
from .runner import (ROOT, Measurements, add_one, build_command, compare_renderers, edit_one, full_build,
                     measure_sizes, parse_times, run_build, search_bench)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description="dibao build benchmark")
    parser.add_argument("--issues", type=int, default=1000, help="issues in the synthetic archive (default 1000)")
    parser.add_argument("--seed", type=int, default=2025, help="random seed of the generator")
    parser.add_argument("--out", type=Path, help="scratch folder (default bench/out/n<issues>)")
    parser.add_argument("--no-compare", action="store_true", help="skip the Pelican/Hugo render comparison")
    parser.add_argument("--profile", action="store_true", help="also profile a full build with py-spy")
    parser.add_argument("--no-search-bench", action="store_true",
                        help="skip bench/search_bench.py (run, when present, with as many documents as articles)")
    parser.add_argument("--parse-sample", type=int, default=20, help="synthetic issues timed for parse time")
    return parser.parse_args(argv)


def machine() -> str:
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout
    except OSError:
        rev = "?"
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, dibao {rev.strip() or '?'}, "
            f"load average (1/5/15 min) {load}")


def profile_build(work: Path, m: Measurements) -> None:
    from .profile import hot_spots, record

    target = work / "profile"
    for folder in ("content", "site"):
        subprocess.run(["rm", "-rf", str(target / folder)], check=True)
    target.mkdir(parents=True, exist_ok=True)
    (target / "seeds").mkdir(exist_ok=True)
    build = build_command(target, "--clean", "--quiet")
    build[build.index("--seeds") + 1] = str(work / "seeds")
    print("profiling a full build with py-spy …", flush=True)
    command = record(build, target / "py-spy.txt", ROOT / "bench" / "out" / "venv", ROOT)
    m.hot_spots = f"$ {' '.join(command[:8])} … -- python build.py --clean …\n\n" + hot_spots(target / "py-spy.txt")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    work = (args.out or ROOT / "bench" / "out" / f"n{args.issues}").resolve()
    (work / "logs").mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    archive = generate(work, args.issues, args.seed)
    m = Measurements(archive, time.perf_counter() - started)
    print(f"generated {archive.issues} issues in {m.generate_s:.1f} s", flush=True)
    m.parse_ms["seeds/"] = parse_times(ROOT / "seeds", limit=100)
    m.parse_ms["synthetic"] = parse_times(archive.seeds, limit=args.parse_sample)
    before = machine()
    full_build(work, m)
    measure_sizes(work, m)
    run_build("noop", build_command(work), work, m)
    add_one(work, m)
    edit_one(work, m)
    if not args.no_search_bench:
        search_bench(m, work)
    if not args.no_compare:
        compare_renderers(work, m)
    if args.profile:
        profile_build(work, m)
    report = format_report(m, argv, f"{before}; at the end {machine().split('load average (1/5/15 min) ')[1]}")
    (work / "report.md").write_text(report, encoding="utf-8")
    print()
    print(report)
    print(f"(saved to {os.path.relpath(work / 'report.md', ROOT)}; whole bench {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
