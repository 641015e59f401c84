"""Train the line-role model: ``python -m dibao.roles.train [--shared DIR] [--out FILE] [--holdout MONTH]``.

Reads the training pages (:mod:`dibao.roles.pages`), labels them by aligning the gold to
the page, and fits a linear-chain CRF (CRFsuite, L-BFGS).  The same pages and settings
give the same model file, byte for byte: pages are read in sorted order and the trainer
has no random state.  ``--holdout 202001`` leaves that month's pages out of training and
reports line-role accuracy on them; ``--limit N`` trains on the first N pages of each
source (the test suite's small slice).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pycrfsuite

from .boost import ROUNDS, TARGETS, Boosters, boost_path, fit, lightgbm_booster, matrix, stacked, targets, vocabulary
from .features import line_features
from .pages import Page, default_sources, rule_kinds, training_pages

MODEL = Path(__file__).resolve().parent.parent / "data" / "roles.crfsuite"
PARAMS = {"c1": 0.2, "c2": 0.02, "max_iterations": 200, "feature.possible_transitions": True,
          "feature.minfreq": 2}
QUICK_ROUNDS, QUICK_ITERATIONS = 20, 30  #: ``--quick``: a slice for tests, not a model to ship


def page_features(page: Page) -> list[dict]:
    return line_features(page.lines, rule_kinds(page.lines))


def train(pages: list[Page], weights: dict[str, int], out: Path, quick: bool = False, boosted: bool = True) -> None:
    """The boosters (cross-fitted, so the CRF learns how far to trust them on pages they never
    saw), then the CRF over the features with the boosters' opinions added.  ``boosted=False``:
    the CRF alone (no ``.boost.json`` beside it)."""
    rows = [page_features(page) for page in pages]
    out.parent.mkdir(parents=True, exist_ok=True)
    boost_path(out).unlink(missing_ok=True)
    opinions: list[dict] = [{} for _ in pages]
    if boosted:
        boosters, opinions = fit_boosters(pages, rows, weights, rounds=QUICK_ROUNDS if quick else ROUNDS)
        boost_path(out).write_text(boosters.dumps(), encoding="utf-8")
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params({**PARAMS, "max_iterations": QUICK_ITERATIONS} if quick else PARAMS)
    for page, features, opinion in zip(pages, rows, opinions):
        features = stacked(features, opinion)
        for _ in range(weights.get(page.source, 1)):
            trainer.append(features, list(page.roles))
    trainer.train(str(out))


def fit_boosters(pages: list[Page], rows: list[list[dict]], weights: dict[str, int], rounds: int = ROUNDS,
                 folds: int = 4) -> tuple[Boosters, list[dict]]:
    """The shipped boosters, and for every page the opinions of boosters that did not see it."""
    vocab = vocabulary([row for page_rows in rows for row in page_rows])
    x = [matrix(page_rows, vocab) for page_rows in rows]
    weight = [weights.get(page.source, 1) for page in pages]
    opinions: list[dict] = [{} for _ in pages]
    models = {}
    for name in TARGETS:
        y = [targets(list(page.roles), name) for page in pages]
        for fold in range(folds):
            train_at = [i for i in range(len(pages)) if i % folds != fold]
            model = fit(_stack(x, train_at), _labels(y, weight, train_at), rounds)
            booster = lightgbm_booster(model)
            for i in range(fold, len(pages), folds):
                opinions[i][name] = booster.predict(x[i])
        models[name] = fit(_stack(x, range(len(pages))), _labels(y, weight, range(len(pages))), rounds)
    return Boosters(vocab, models), opinions


def _stack(x, at):
    from scipy.sparse import vstack

    return vstack([x[i] for i in at], format="csr")


def _labels(y, weight, at) -> tuple[list[int], list[float]]:
    return [v for i in at for v in y[i]], [float(weight[i]) for i in at for _ in y[i]]


def accuracy(model: Path, pages: list[Page]) -> dict[str, tuple[int, int]]:
    """Per role (gold): (lines tagged right, lines)."""
    from . import read_page

    counts: dict[str, list[int]] = {}
    for page in pages:
        for want, got in zip(page.roles, read_page(page.lines, rule_kinds(page.lines), model).roles):
            pair = counts.setdefault(want, [0, 0])
            pair[0] += want == got
            pair[1] += 1
    return {role: (right, total) for role, (right, total) in sorted(counts.items())}


def load(shared: Path, limit: int | None) -> tuple[list[Page], dict[str, int]]:
    pages, weights = [], {}
    for source in default_sources(shared):
        if not source.gold.exists():
            print(f"dibao.roles.train: {source.gold} not found; skipping {source.name}", file=sys.stderr)
            continue
        for variant in ("", "-unspaced", "-marked"):
            weights[source.name + variant] = source.weight
        pages += training_pages(source, limit)
    return pages, weights


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dibao.roles.train", description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"), help="folder with seeds/, gold/, corpus/")
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--holdout", help="a month (YYYYMM) left out of training and scored")
    parser.add_argument("--limit", type=int, help="pages per source (a quick slice)")
    parser.add_argument("--quick", action="store_true", help="few boosting rounds and CRF iterations (tests)")
    parser.add_argument("--crf-only", action="store_true", help="the CRF alone, without the boosted trees' opinions")
    args = parser.parse_args(argv)
    pages, weights = load(args.shared, args.limit)
    if not pages:
        print("dibao.roles.train: no training pages found", file=sys.stderr)
        return 2
    held = [p for p in pages if p.month == args.holdout]
    train_pages = [p for p in pages if p.month != args.holdout]
    print(f"training on {len(train_pages)} pages ({Counter(p.source for p in train_pages)})")
    out = args.out
    if args.holdout:
        out = Path(tempfile.mkdtemp()) / "roles.crfsuite"
    train(train_pages, weights, out, quick=args.quick, boosted=not args.crf_only)
    if held:
        for role, (right, total) in accuracy(out, held).items():
            print(f"  {role:10s} {right:6d}/{total:<6d} {right / total:.3f}")
    print(f"model: {out} ({out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
