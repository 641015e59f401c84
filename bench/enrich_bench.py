#!/usr/bin/env python3
"""Enrichment time per article over 1,000 synthetic articles.

The articles recombine paragraphs of the sample issues in seeds/ (fixed random
seed, so every run measures the same input).  One-time loads (jieba's
dictionary, the gazetteer, the taxonomy, jieba's IDF table) happen before the
clock starts.

usage: python bench/enrich_bench.py [--articles N] [--per-issue M]
"""
from __future__ import annotations

import argparse
import pathlib
import random
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dibao.enrich import enrich  # noqa: E402
from dibao.enrich.gazetteer import load_gazetteer  # noqa: E402
from dibao.enrich.terms import jieba_idf  # noqa: E402
from dibao.enrich.themes import load_taxonomy  # noqa: E402
from dibao.model import Article, Block, Issue, SourceSpan  # noqa: E402
from dibao.textseg import get_jieba  # noqa: E402


def sample_paragraphs() -> tuple[list[str], list[str]]:
    """(paragraphs, short lines usable as titles) from seeds/."""
    paragraphs, titles = [], []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            text = line.replace("*", "").lstrip("#").strip()
            if len(text) >= 40:
                paragraphs.append(text)
            elif 8 <= len(text) < 40:
                titles.append(text)
    return paragraphs, titles


def synthetic_issues(count: int, per_issue: int) -> list[Issue]:
    rng = random.Random(2025)
    paragraphs, titles = sample_paragraphs()
    issues, articles = [], []
    for n in range(count):
        issue_id = f"bench_{n // per_issue:04d}"
        body = tuple(Block("paragraph", p) for p in rng.sample(paragraphs, rng.randint(2, 9)))
        articles.append(Article(issue=issue_id, order=n % per_issue + 1, kind="report", title=rng.choice(titles),
                                sources=(SourceSpan("bench", 1, 1),), body=body))
        if len(articles) == per_issue or n == count - 1:
            issues.append(Issue(id=issue_id, source="bench", articles=tuple(articles)))
            articles = []
    return issues


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--per-issue", type=int, default=12)
    args = parser.parse_args()
    issues = synthetic_issues(args.articles, args.per_issue)
    started = time.perf_counter()
    get_jieba(), load_gazetteer(), load_taxonomy(), jieba_idf()
    warmup = time.perf_counter() - started
    started = time.perf_counter()
    enriched = enrich(issues)
    elapsed = time.perf_counter() - started
    count = sum(len(i.articles) for i in enriched)
    chars = sum(a.length for i in enriched for a in i.articles)
    print(f"one-time loads (not counted): {warmup:.2f} s")
    print(f"enriched {count} articles ({chars} characters) in {elapsed:.2f} s")
    print(f"ENRICH per_article_ms={1000 * elapsed / count:.2f}")


if __name__ == "__main__":
    main()
