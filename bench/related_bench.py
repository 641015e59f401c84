#!/usr/bin/env python3
"""Related-article time over a synthetic archive of word lists.

Two shapes of archive, because the cost of the similarity pass depends on how
documents share terms more than on their number:

- ``zipf``: every document draws its words from one Zipf-distributed vocabulary
  (80,000 words, exponent 1.05), as running text does; no two documents alike;
- ``copies``: a few hundred distinct documents, each copied many times with a
  few words of its own changed, as the bench's recombined issues are
  (``python -m bench`` archives have about 4,000 distinct vectors in 10,851
  articles), so most rows tie with a hundred others.

Prints wall and CPU seconds of :func:`dibao.enrich.related.related` per run
and per 1,000 documents, with the term counts already tallied
(:mod:`dibao.enrich.tallies`), as a build that adds an issue finds them: what
is timed is making the TF-IDF vectors and the similarity pass.  The random seed is fixed: every run measures the
same input.

usage: python bench/related_bench.py [--docs N] [--runs R] [--shape zipf|copies]
"""
from __future__ import annotations

import argparse
import pathlib
import resource
import sys
import time

import numpy

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dibao.enrich.related import related  # noqa: E402
from dibao.enrich.tallies import TermTallies  # noqa: E402

VOCABULARY = 80_000


def zipf_archive(docs: int, rng) -> dict[str, list[str]]:
    weights = 1.0 / numpy.arange(1, VOCABULARY + 1) ** 1.05
    weights /= weights.sum()
    return {f"d{i:06d}/01": [f"w{t}" for t in rng.choice(VOCABULARY, size=int(rng.integers(150, 400)), p=weights)]
            for i in range(docs)}


def copies_archive(docs: int, rng) -> dict[str, list[str]]:
    originals = zipf_archive(max(1, docs // 25), rng)
    texts = list(originals.values())
    archive = {}
    for i in range(docs):
        words = list(texts[int(rng.integers(len(texts)))])
        if rng.random() < 0.6:  # a new name or place in most copies; the rest stay exact copies
            words[int(rng.integers(len(words)))] = f"name{i}"
        archive[f"c{i:06d}/01"] = words
    return archive


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=11_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shape", choices=("zipf", "copies"), default="zipf")
    args = parser.parse_args(argv)
    rng = numpy.random.default_rng(3)
    documents = (zipf_archive if args.shape == "zipf" else copies_archive)(args.docs, rng)
    print(f"$ python bench/related_bench.py --docs {args.docs} --runs {args.runs} --shape {args.shape}")
    tallies, keys = TermTallies(), {doc_id: doc_id for doc_id in documents}
    related(documents, 5, tallies, keys)  # counts the terms once, untimed
    for run in range(args.runs):
        wall, cpu = time.perf_counter(), cpu_seconds()
        related(documents, 5, tallies, keys)
        wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
        print(f"run {run + 1}: {wall:.2f} s wall, {cpu:.2f} s CPU, "
              f"{wall / args.docs * 1000:.3f} s wall per 1,000 documents")


if __name__ == "__main__":
    main()
