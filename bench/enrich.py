"""``python -m bench.enrich [--verbose] [--content DIR]``: regions and themes against hand annotations.

Every annotated article (``annotations/*.json`` and ``../shared/corpus/rmrb/enrich-gold.json``)
is rebuilt from its source by reference (:mod:`dibao.enrich.annotated`, no segmenter
involved) and enriched alone; the figures follow ``../shared/tools/score.py`` (the first
region must be one of the gold's and every gold region listed; the first theme must be one
of the gold's; ``none`` means nothing expected).  Columns: the samples, the corpus gold,
our own annotations of 人民日报 (training months and the held-out month apart), our own
written texts (held-out part apart).

``--content DIR`` also reads a content tree built by ``python build.py parse`` from the
pages named in the corpus gold and scores the articles the segmenter got (matched by title,
or by first and last characters, as score.py does), so the enrichment's quality can be told
from the segmenter's.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict

from dibao.enrich import enrich_articles
from dibao.enrich.annotated import ROOTS, Annotation, load, load_all, rebuild

NONE = "none"
ROWS = ("regions", "themes", "themes, where a theme applies", "themes, where none applies",
        "regions, national stories (全国)", "regions, foreign-only stories", "regions, one or more provinces")


def region_ok(predicted: tuple[str, ...], gold: tuple[str, ...]) -> bool:
    if gold == (NONE,):
        return not predicted
    return bool(predicted) and predicted[0] in gold and set(gold) <= set(predicted)


def theme_ok(predicted: tuple[str, ...], gold: tuple[str, ...]) -> bool:
    if gold == (NONE,):
        return not predicted
    return bool(predicted) and predicted[0] in gold


def rows_of(gold_regions: tuple[str, ...], gold_themes: tuple[str, ...]) -> dict[str, str]:
    """Which table rows an article counts in, besides the two overall ones."""
    kind = {("全国",): ROWS[4], (NONE,): ROWS[5]}.get(gold_regions, ROWS[6])
    return {"regions": kind, "themes": ROWS[3] if gold_themes == (NONE,) else ROWS[2]}


def column(annotation: Annotation) -> str:
    if annotation.collection == "enrich-gold":
        return "corpus gold"
    if annotation.collection == "samples":
        return "samples"
    return f"{annotation.collection} {'held out' if annotation.held_out else 'train'}"


class Tally:
    def __init__(self) -> None:
        self.hits: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])

    def add(self, col: str, row: str, ok: bool) -> None:
        cell = self.hits[(col, row)]
        cell[0] += ok
        cell[1] += 1

    def cell(self, col: str, row: str) -> str:
        hit, total = self.hits.get((col, row), (0, 0))
        return f"{hit / total:.2f} ({hit}/{total})" if total else ""


def score(annotations: list[Annotation], tally: Tally, verbose: bool) -> float:
    """Enrich each annotated article alone; returns the seconds spent enriching."""
    spent = 0.0
    for annotation in annotations:
        issue = rebuild(annotation)
        started = time.perf_counter()
        article = enrich_articles([issue])[0].articles[0]
        spent += time.perf_counter() - started
        judge(annotation, article.regions, article.themes, column(annotation), tally, verbose)
    return spent


def judge(annotation: Annotation, regions, themes, col: str, tally: Tally, verbose: bool) -> None:
    rows = rows_of(annotation.regions, annotation.themes)
    for key, predicted, gold, ok_of in (("regions", regions, annotation.regions, region_ok),
                                        ("themes", themes, annotation.themes, theme_ok)):
        ok = ok_of(tuple(predicted), gold)
        tally.add(col, key, ok)
        tally.add(col, rows[key], ok)
        if verbose and not ok:
            print(f"  {key.upper()[:6]:7}{col:18} {annotation.title or annotation.first}: {list(predicted)} vs {list(gold)}")


def content_figures(content: str, gold: list[Annotation], tally: Tally, verbose: bool) -> None:
    """The corpus gold's articles as the segmenter cut them: matched by title, else by first and last."""
    sys.path.insert(0, str(ROOTS["repo"].parent / "shared" / "tools"))
    import pathlib

    import score as scorer  # ../shared/tools/score.py: its reading of content/ and its matching

    _, articles = scorer.load_content(pathlib.Path(content))
    missing = 0
    for annotation in gold:
        wanted = {scorer.norm(annotation.title)} if annotation.title else set()
        first, last = scorer.norm(annotation.first), scorer.norm(annotation.last)
        mine = [p for p in articles if annotation.source.split("/")[-1] in p["src"]]
        found = next((p for p in mine if wanted & scorer.title_forms(p["meta"])), None) or \
            next((p for p in mine if first in p["nbody"] and last in p["nbody"]), None)
        if found is None:
            missing += 1
            continue
        meta = found["meta"]
        judge(annotation, tuple(meta.get("regions") or ()), tuple(meta.get("themes") or ()), "segmented", tally,
              verbose)
    print(f"segmented content: {len(gold) - missing} of {len(gold)} gold articles found in {content}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.enrich", description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every wrong article")
    parser.add_argument("--content", help="a content tree parsed from the corpus gold's pages")
    args = parser.parse_args(argv)
    gold_path = ROOTS["corpus"] / "enrich-gold.json"
    annotations = load_all()
    gold = load(gold_path) if gold_path.exists() else []
    tally = Tally()
    enrich_articles([rebuild(annotations[0])])  # one-time loads (jieba, gazetteer, model) before the clock
    spent = score(annotations + gold, tally, args.verbose)
    if args.content:
        content_figures(args.content, gold, tally, args.verbose)
    columns = list(dict.fromkeys(col for col, _ in tally.hits))
    print("| figure | " + " | ".join(columns) + " |")
    print("| --- |" + " --- |" * len(columns))
    for row in ROWS:
        print(f"| {row} | " + " | ".join(tally.cell(col, row) for col in columns) + " |")
    count = len(annotations) + len(gold)
    print(f"\nenriched {count} articles alone in {spent:.2f} s: {1000 * spent / count:.2f} ms per article "
          f"(one issue per article; the build enriches whole issues)")


if __name__ == "__main__":
    main()
