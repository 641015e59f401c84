"""``python -m dibao.enrich.train [--check]``: fit the theme model on the annotated articles.

Reads the training part of ``annotations/*.json`` (the held-out part is never
read), rebuilds each article from its source (the corpus in ``../shared`` for the
articles annotated by reference), and writes ``dibao/data/theme_model.json``:

1. **relevance**: an L2-regularised logistic regression on word presence (content
   words and title words seen in at least :data:`MIN_DOCS` training articles): does
   any theme apply?
2. **fit**: a logistic regression over (article, theme) pairs with keyword evidence:
   :data:`~dibao.enrich.theme_model.FIT_FEATURES`, the relevance taken from models
   fitted without the article (:data:`FOLDS`-fold), so its weight is not learnt on
   scores the article itself shaped.
3. **gate** and **threshold**: the relevance probability below which no theme is
   given, and the probability from which a theme is, chosen together to make the
   most training articles right by the annotation rule.

Fitting is plain L-BFGS (scipy) from zeros on data read in a fixed order, and the
numbers are rounded, so the file comes out byte for byte the same; ``--check``
says whether the shipped file is what the annotations give.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass

import numpy

from . import article_terms, title_terms
from .annotated import Annotation, load_all, rebuild
from .gazetteer import load_gazetteer
from .regions import zones
from .theme_model import (FIT_FEATURES, MODEL, ThemeModel, fit_features, probability, relevance, relevance_features,
                          sigmoid)
from .themes import load_taxonomy, theme_evidence

MIN_DOCS = 3  #: a word seen in fewer training articles tells nothing general
RELEVANCE_L2 = 3.0  #: penalty on the squared word weights
FIT_L2 = 0.1
FOLDS = 5
DIGITS = 4  #: decimals kept in the model file
NONE = "none"


@dataclass(frozen=True)
class Example:
    """One training article as the model sees it."""

    features: frozenset[str]  #: relevance features
    evidence: dict  #: theme → zone → keyword evidence
    themes: tuple[str, ...]  #: the annotation's themes ((): none applies)


def examples(annotations: list[Annotation]) -> list[Example]:
    gazetteer, taxonomy = load_gazetteer(), load_taxonomy()
    out = []
    for annotation in annotations:
        article = rebuild(annotation).articles[0]
        words = article_terms(article, gazetteer, None)
        out.append(Example(frozenset(relevance_features(words, title_terms(article, gazetteer))),
                           theme_evidence(zones(article), taxonomy),
                           () if annotation.themes == (NONE,) else annotation.themes))
    return out


def logistic(x: numpy.ndarray, y: numpy.ndarray, l2: float) -> tuple[numpy.ndarray, float]:
    """Weights and bias minimising the log loss plus ``l2`` times the squared weights."""
    from scipy.optimize import minimize

    def loss(theta: numpy.ndarray) -> tuple[float, numpy.ndarray]:
        w, b = theta[:-1], theta[-1]
        z = x @ w + b
        p = 1.0 / (1.0 + numpy.exp(-z))
        value = numpy.sum(numpy.logaddexp(0.0, z) - y * z) + l2 * w @ w
        grad = numpy.append(x.T @ (p - y) + 2 * l2 * w, numpy.sum(p - y))
        return value, grad

    found = minimize(loss, numpy.zeros(x.shape[1] + 1), jac=True, method="L-BFGS-B",
                     options={"maxiter": 5000, "gtol": 1e-10, "ftol": 1e-14})
    return found.x[:-1], float(found.x[-1])


def fit_relevance(train: list[Example]) -> tuple[dict[str, float], float]:
    counts: dict[str, int] = {}
    for example in train:
        for feature in example.features:
            counts[feature] = counts.get(feature, 0) + 1
    vocabulary = sorted(f for f, n in counts.items() if n >= MIN_DOCS)
    column = {f: i for i, f in enumerate(vocabulary)}
    x = numpy.zeros((len(train), len(vocabulary)))
    for row, example in enumerate(train):
        for feature in example.features:
            if feature in column:
                x[row, column[feature]] = 1.0
    y = numpy.array([1.0 if e.themes else 0.0 for e in train])
    weights, bias = logistic(x, y, RELEVANCE_L2)
    return {f: round(float(w), DIGITS) for f, w in zip(vocabulary, weights) if round(float(w), DIGITS)}, \
        round(bias, DIGITS)


def held_out_logits(data: list[Example]) -> list[float]:
    """Each article's relevance from a model fitted on the other folds."""
    logits = [0.0] * len(data)
    for fold in range(FOLDS):
        inside = [e for i, e in enumerate(data) if i % FOLDS != fold]
        words, bias = fit_relevance(inside)
        model = ThemeModel(words, bias, (), 0.0, 0.0)
        for i in range(fold, len(data), FOLDS):
            logits[i] = relevance(set(data[i].features), model)
    return logits


def pairs(data: list[Example], logits: list[float]) -> tuple[numpy.ndarray, numpy.ndarray]:
    """(article, theme) rows: is this theme one of the article's?"""
    rows, labels = [], []
    for example, logit in zip(data, logits):
        total = sum(sum(z.values()) for z in example.evidence.values())
        for name in sorted(example.evidence):
            rows.append(fit_features(example.evidence[name], total, logit))
            labels.append(1.0 if name in example.themes else 0.0)
    return numpy.array(rows), numpy.array(labels)


def right(example: Example, logit: float, model: ThemeModel, gate: float, threshold: float) -> bool:
    total = sum(sum(z.values()) for z in example.evidence.values())
    scored = sorted(((probability(fit_features(z, total, logit), model), name) for name, z in example.evidence.items()),
                    key=lambda item: -item[0])
    given = [name for p, name in scored if p >= threshold] if sigmoid(logit) >= gate else []
    return bool(given) and given[0] in example.themes if example.themes else not given


def best_thresholds(data: list[Example], logits: list[float], model: ThemeModel) -> tuple[float, float]:
    """(gate, threshold) making the most training articles right; the lowest of equally good ones."""
    grid = [round(0.05 * k, 2) for k in range(1, 20)]
    best, found = -1, (0.5, 0.5)
    for gate in grid:
        for threshold in grid:
            hits = sum(right(e, logit, model, gate, threshold) for e, logit in zip(data, logits))
            if hits > best:
                best, found = hits, (gate, threshold)
    return found


def train(annotations: list[Annotation]) -> dict:
    data = examples([a for a in annotations if not a.held_out])
    words, bias = fit_relevance(data)
    logits = held_out_logits(data)
    x, y = pairs(data, logits)
    fit, fit_bias = logistic(x, y, FIT_L2)
    fit = tuple(round(float(w), DIGITS) for w in fit)
    model = ThemeModel(words, bias, fit, round(fit_bias, DIGITS), 0.5)
    gate, threshold = best_thresholds(data, logits, model)
    return {"about": "fitted by python -m dibao.enrich.train on the training part of annotations/; do not edit by hand",
            "trained_on": len(data), "gate": gate, "threshold": threshold,
            "fit": {"features": list(FIT_FEATURES), "weights": list(fit), "bias": model.fit_bias},
            "relevance": {"bias": bias, "words": dict(sorted(words.items()))}}


def serialise(model: dict) -> str:
    return json.dumps(model, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dibao.enrich.train", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether the shipped model is up to date")
    args = parser.parse_args(argv)
    text = serialise(train(load_all()))
    if args.check:
        same = MODEL.exists() and MODEL.read_text(encoding="utf-8") == text
        print(f"{MODEL}: {'up to date' if same else 'differs from what the annotations give'}")
        return 0 if same else 1
    MODEL.write_text(text, encoding="utf-8")
    print(f"wrote {MODEL}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
