"""Render time per article over a synthetic archive of 1,000+ articles.

    python bench/render_bench.py [--content DIR] [--articles 1000] [--repeat 1]

Copies the articles of ``content/`` (or the golden fixture) into many
synthetic issues with their own ids and dates, renders them with the real
templates into a temporary folder and prints the time per article.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dibao.contentio import read_content  # noqa: E402
from dibao.model import Issue  # noqa: E402
from dibao.site import SiteConfig, render_site  # noqa: E402


def synthesise(templates: tuple[Issue, ...], target: int) -> list[Issue]:
    """Copies of the given issues, one per day from 2020-01-01, until ``target`` articles exist."""
    issues, count, day = [], 0, dt.date(2020, 1, 1)
    while count < target:
        source = templates[len(issues) % len(templates)]
        issue_id = f"{day.isoformat()}-bench-{len(issues):04d}"
        articles = tuple(replace(a, issue=issue_id) for a in source.articles)
        issues.append(replace(source, id=issue_id, date=day.isoformat(), year=day.year, articles=articles))
        count += len(articles)
        day += dt.timedelta(days=1)
    return issues


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = ROOT / "content" if any((ROOT / "content").glob("*/_index.md")) else ROOT / "tests/fixtures/site_content"
    parser.add_argument("--content", type=Path, default=default)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    issues = synthesise(read_content(args.content), args.articles)
    articles = sum(len(i.articles) for i in issues)
    best = None
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            stats = render_site(issues, Path(tmp) / "site", SiteConfig(quiet=True))
            elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    print(f"render: {len(issues)} issues, {articles} articles, {stats.pages} pages, {stats.bytes / 2**20:.1f} MiB "
          f"in {best:.2f} s = {1000 * best / articles:.2f} ms per article (content: {args.content})")


if __name__ == "__main__":
    main()
