"""Search index rebuild times on a built archive: cold, add one issue, no-op.

    python bench/search_rebuild.py CONTENT ISSUE_ID [--out /tmp/search-rebuild]

CONTENT is a built ``content/`` folder; ISSUE_ID (e.g. ``2024-12-30-hebei-fazhi-bao``)
is the issue taken out and put back.  The index is built in place in ``--out``
(as the pipeline builds it in its cache), so the times are the search stage's own.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dibao import pipeline  # noqa: E402
from dibao.cache import BuildCache  # noqa: E402
from dibao.search import build_search, docs_from_issues  # noqa: E402


def timed(label: str, docs, out: Path) -> None:
    start = time.perf_counter()
    stats = build_search(docs, out)
    seconds = time.perf_counter() - start
    print(f"{label:>8}: {seconds:6.2f} s, parts rebuilt {len(stats.rebuilt)}, {stats.docs} articles")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("content", type=Path)
    parser.add_argument("issue")
    parser.add_argument("--out", type=Path, default=Path("/tmp/search-rebuild"))
    args = parser.parse_args()
    archive = BuildCache.load(args.content).read_archive(args.content)
    paths = {issue.id: pipeline.article_paths(issue.articles) for issue in archive}
    docs = docs_from_issues(archive, lambda issue, article: paths[issue.id][article.order])
    without = [d for d in docs if not d.id.startswith(args.issue + "/")]
    if len(without) == len(docs):
        sys.exit(f"no article of issue {args.issue} in {args.content}")
    shutil.rmtree(args.out, ignore_errors=True)
    timed("cold", without, args.out)
    timed("add one", docs, args.out)
    timed("no-op", docs, args.out)
    print(f"peak memory: main {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB, "
          f"largest worker {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
