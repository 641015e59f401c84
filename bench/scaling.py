"""``python -m bench.scaling [--lines 200000] [--bound 600] [--site]``: hostile sizes end, in linear time.

Issue #20 found a 200,000-line issue (``第{i}行测试。``) that never finished, and one line of
``*`` and 16,000 characters that took 5 s.  Each shape below is parsed at n/4 and at n with
``build.py parse`` (ingest, segment, conservation, enrich, content/) in a fresh folder; the
report gives both wall times and their ratio (about 4 for linear work, 16 for quadratic).
The run fails when a parse at n takes longer than ``--bound`` seconds (a generous bound,
not a speed target) or a ratio reaches 8.  ``--site`` builds the site too (slow: an issue of
33,000 articles renders 33,000 pages that each list their issue).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SHAPES = {
    "short lines, no blank line": lambda n: "\n".join(f"第{i}行测试。" for i in range(n)),
    "one line: unclosed * then text": lambda n: "*" + "字" * (n // 10),
    "one line: unpunctuated run": lambda n: "带号" * (n // 20),
    "short articles": lambda n: "\n\n".join(f"某市第{i}次专项行动取得成效\n\n本报记者 张三\n\n第{i}段正文内容。"
                                            for i in range(n // 6)),
}


def build_seconds(text: str, folder: Path, site: bool) -> float:
    seeds = folder / "seeds"
    seeds.mkdir(parents=True)
    (seeds / "2025-01-02-big.txt").write_text(text, encoding="utf-8")
    command = [sys.executable, str(ROOT / "build.py"), "build" if site else "parse", "--seeds", str(seeds),
               "--content", str(folder / "content"), "--out", str(folder / "site"), "--quiet"]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=folder)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1) or "Traceback" in done.stderr:
        raise SystemExit(f"build failed: {done.stderr[-2000:]}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scaling", description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=200_000, help="n: lines of the largest issue (default 200000)")
    parser.add_argument("--bound", type=float, default=600.0, help="seconds a build at n may take (default 600)")
    parser.add_argument("--site", action="store_true", help="build the site as well, not only content/")
    args = parser.parse_args(argv)
    print(f"command: python -m bench.scaling --lines {args.lines} --bound {args.bound:g}{' --site' * args.site}; "
          f"load average {os.getloadavg()[0]:.2f}")
    print("| shape | n/4: s | n: s | ratio |\n| --- | --- | --- | --- |")
    failed = []
    with tempfile.TemporaryDirectory() as tmp:
        for index, (name, make) in enumerate(SHAPES.items()):
            small = build_seconds(make(args.lines // 4), Path(tmp) / f"{index}-small", args.site)
            large = build_seconds(make(args.lines), Path(tmp) / f"{index}-large", args.site)
            ratio = large / max(small, 0.5)  # below half a second, start-up dominates
            print(f"| {name} | {small:.1f} | {large:.1f} | {ratio:.1f} |", flush=True)
            if large > args.bound or ratio >= 8:
                failed.append(name)
    if failed:
        print(f"NOT linear or over the bound: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
