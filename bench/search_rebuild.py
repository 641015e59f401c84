"""Search index rebuild times on a built archive: cold, add one issue, no-op.

    python bench/search_rebuild.py CONTENT ISSUE_ID [--out /tmp/search-rebuild]
    python bench/search_rebuild.py --synthetic 10851 [--out /tmp/search-rebuild]

CONTENT is a built ``content/`` folder; ISSUE_ID (e.g. ``2024-12-30-hebei-fazhi-bao``)
is the issue taken out and put back.  Each step also prints how many published files it wrote
(new inode or mtime) and removed.  ``--synthetic N`` uses the search bench's
N synthetic articles instead and takes out 8 articles of the newest month (an issue's worth).  The index is built in place in ``--out``
(as the pipeline builds it in its cache), so the times are the search stage's own.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dibao.search import build_search  # noqa: E402
from dibao.search.build import CACHE  # noqa: E402


def _cpu() -> float:
    """CPU seconds of this process and its finished workers (wall time depends on the machine's load)."""
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def _marks(out: Path) -> dict[str, tuple[int, int]]:
    """(inode, mtime) of every published file: a written file gets a new inode (``shards.write_text``)."""
    marks = {}
    for folder, dirs, files in os.walk(out):
        if folder == str(out):
            dirs[:] = [d for d in dirs if d != CACHE]
        for name in files:
            info = os.stat(os.path.join(folder, name))
            marks[os.path.join(folder, name)] = (info.st_ino, info.st_mtime_ns)
    return marks


def timed(label: str, docs, out: Path) -> None:
    before = _marks(out) if out.exists() else {}
    start, cpu = time.perf_counter(), _cpu()
    stats = build_search(docs, out)
    seconds, cpu = time.perf_counter() - start, _cpu() - cpu
    after = _marks(out)
    written = [path for path, mark in after.items() if before.get(path) != mark]
    folders = Counter(os.path.relpath(path, out).split(os.sep)[0] for path in written)
    print(f"{label:>8}: {seconds:6.2f} s wall, {cpu:6.2f} s CPU, parts rebuilt {len(stats.rebuilt)}, {stats.docs} articles, "
          f"{len(written)} of {len(after)} files written ({', '.join(f'{k} {n}' for k, n in sorted(folders.items()))}), "
          f"{len(before.keys() - after.keys())} removed")


def _archive_docs(content: Path, issue: str) -> tuple[list, list]:
    from dibao import pipeline
    from dibao.cache import BuildCache
    from dibao.search import docs_from_issues

    archive = BuildCache.load(content).read_archive(content)
    paths = {issue.id: pipeline.article_paths(issue.articles) for issue in archive}
    docs = docs_from_issues(archive, lambda issue, article: paths[issue.id][article.order])
    without = [d for d in docs if not d.id.startswith(issue + "/")]
    if len(without) == len(docs):
        sys.exit(f"no article of issue {issue} in {content}")
    return docs, without


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("content", type=Path, nargs="?")
    parser.add_argument("issue", nargs="?")
    parser.add_argument("--synthetic", type=int, metavar="N", help="N synthetic articles instead of CONTENT")
    parser.add_argument("--out", type=Path, default=Path("/tmp/search-rebuild"))
    args = parser.parse_args()
    if args.synthetic:
        from dibao.search.synthetic import make_docs

        docs = make_docs(args.synthetic, seed=1)
        newest = max(d.date[:7] for d in docs)
        taken = sorted(d.id for d in docs if d.date.startswith(newest))[:8]
        without = [d for d in docs if d.id not in taken]
    elif args.content and args.issue:
        docs, without = _archive_docs(args.content, args.issue)
    else:
        parser.error("CONTENT and ISSUE_ID, or --synthetic N")
    shutil.rmtree(args.out, ignore_errors=True)
    timed("cold", without, args.out)
    timed("add one", docs, args.out)
    timed("no-op", docs, args.out)
    print(f"peak memory: main {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB, "
          f"largest worker {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
