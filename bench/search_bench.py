"""Search budgets on a synthetic archive (default 10,000 articles of ~1,600 characters).

    python bench/search_bench.py [--docs 10000] [--out bench/out/search] [--extra-queries N --seed S] [--reuse]

Prints build time and peak memory, runtime size (minified + gzip), bytes
transferred (gzip) for a first and a later query, query time once the shards
are loaded (V8 in Node; Chromium runs the same engine), recall and precision.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dibao.search.build import build_search, month_part, ordered_parts  # noqa: E402
from dibao.search.docs import field_texts  # noqa: E402
from dibao.search.runtime import gzip_size, runtime_js  # noqa: E402
from dibao.search.synthetic import make_docs  # noqa: E402

BUDGETS = {"first_kb": 150, "later_kb": 60, "runtime_kb": 15, "query_ms": 50, "peak_mb": 1536}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench/out/search")
    parser.add_argument("--extra-queries", type=int, default=0, help="also measure N more random body substrings")
    parser.add_argument("--seed", type=int, default=21, help="seed of the --extra-queries sample")
    parser.add_argument("--reuse", action="store_true", help="measure the index already in --out (no build)")
    args = parser.parse_args()
    extra = [str(args.extra_queries), str(args.seed)]
    if args.reuse:
        sys.exit(subprocess.run(["node", str(ROOT / "bench/search_bench.js"), str(args.out), *extra], cwd=ROOT).returncode)
    docs = make_docs(args.docs, seed=1)
    start = time.perf_counter()
    stats = build_search(docs, args.out / "search")
    build_s = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    texts = [{"id": d.id, "fields": list(field_texts(d))} for _k, ds in ordered_parts(docs, month_part) for d in ds]
    (args.out / "docs.json").write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    runtime_kb = gzip_size(runtime_js().encode()) / 1024
    print(f"articles {stats.docs}, parts {stats.parts}, terms {stats.terms}, files {stats.files}, {stats.bytes / 2**20:.1f} MB on disk")
    print(f"build {build_s:.1f} s, peak memory {peak_mb:.0f} MB (budget {BUDGETS['peak_mb']} MB)")
    print(f"runtime {runtime_kb:.1f} KB min+gzip (budget {BUDGETS['runtime_kb']} KB)")
    done = subprocess.run(["node", str(ROOT / "bench/search_bench.js"), str(args.out), *extra], cwd=ROOT)
    sys.exit(done.returncode)


if __name__ == "__main__":
    main()
