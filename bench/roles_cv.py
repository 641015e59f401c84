#!/usr/bin/env python3
"""Month-wise cross-validation of the parser: how it reads a paper's pages it has never seen.

For each month of ``../shared/corpus/rmrb`` (2019-02, 2020-01, 2020-02): train the role
model on the other two months and the sample issues (exactly as ``python -m
dibao.roles.train`` does), parse the held-out month's clean and damaged pages with that
model (``build.py parse``, ``DIBAO_ROLES_MODEL``), and score them with
``../shared/tools/score.py`` against the month's part of ``clean-gold.json`` and
``gold.json``.  The shipped model saw every month; these figures are the honest estimate.

usage: python bench/roles_cv.py [--shared ../shared] [--months 201902,202001,202002] [--work DIR] [--crf-only]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dibao.roles.train import load, train  # noqa: E402

MONTHS = ("201902", "202001", "202002")
SETS = (("clean", "clean-gold.json"), ("damaged", "gold.json"))
FOLDERS = {"clean": "clean", "damaged": "issues"}


def month_of(name: str) -> str:
    return re.search(r"(\d{6})\d{2}", name).group(1)


def held_out_gold(corpus: Path, gold_name: str, month: str, out: Path) -> Path:
    gold = json.loads((corpus / gold_name).read_text(encoding="utf-8"))
    gold["issues"] = [i for i in gold["issues"] if month_of(i["file"]) == month]
    out.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return out


def score(shared: Path, gold: Path, content: Path) -> dict[str, float]:
    text = subprocess.run([sys.executable, str(shared / "tools" / "score.py"), str(gold), str(content)],
                          capture_output=True, text=True, check=True).stdout
    line = next(l for l in text.splitlines() if l.startswith("SCORE"))
    return {k: float(v) for k, v in (pair.split("=") for pair in line.split()[1:])}


def parse_month(shared: Path, month: str, model: Path, work: Path) -> dict[str, dict[str, float]]:
    corpus, figures = shared / "corpus" / "rmrb", {}
    for name, gold_name in SETS:
        seeds = work / month / name / "seeds"
        seeds.mkdir(parents=True)
        for path in sorted((corpus / FOLDERS[name]).glob(f"rmrb-{month}*.txt")):
            shutil.copy(path, seeds / path.name)
        content = work / month / name / "content"
        env = dict(os.environ, DIBAO_ROLES_MODEL=str(model))
        subprocess.run([sys.executable, "build.py", "parse", "--quiet", "--seeds", str(seeds), "--content",
                        str(content)], cwd=ROOT, env=env, check=False)
        gold = held_out_gold(corpus, gold_name, month, work / month / name / "gold.json")
        figures[name] = score(shared, gold, content)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--months", default=",".join(MONTHS))
    parser.add_argument("--work", type=Path)
    parser.add_argument("--crf-only", action="store_true", help="train the CRF alone (python -m dibao.roles.train --crf-only)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="dibao-cv-"))
    pages, weights = load(args.shared, None)
    print(f"# python bench/roles_cv.py --months {args.months}{' --crf-only' * args.crf_only}   (load {os.getloadavg()[0]:.1f})")
    print("| held-out month | clean articles_f1 | clean titles | damaged articles_f1 | damaged titles | damaged joins |")
    print("| --- | --- | --- | --- | --- | --- |")
    for month in args.months.split(","):
        started = time.perf_counter()
        model = work / month / "model" / "roles.crfsuite"
        train([p for p in pages if p.month != month], weights, model, boosted=not args.crf_only)
        f = parse_month(args.shared, month, model, work)
        print(f"| {month} | {f['clean']['articles_f1']:.3f} | {f['clean']['titles']:.3f} | "
              f"{f['damaged']['articles_f1']:.3f} | {f['damaged']['titles']:.3f} | {f['damaged']['joins']:.3f} |"
              f"  <!-- {time.perf_counter() - started:.0f} s -->", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
