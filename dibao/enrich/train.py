"""``python -m dibao.enrich.train [--check]``: fit the theme model on the annotated articles.

Reads the training part of ``annotations/*.json`` (the held-out part is never
read), rebuilds each article from its source (the corpus in ``../shared`` for the
articles annotated by reference), and writes ``dibao/data/theme_model.json``:

1. **relevance**: an L2-regularised logistic regression on word presence (content
   words and title words seen in at least :data:`MIN_DOCS` training articles) and the
   sums of keyword evidence (:data:`~dibao.enrich.theme_model.EVIDENCE_SUMS`): does any
   theme apply?
2. **fit**: a logistic regression over (article, theme) pairs with keyword evidence:
   :data:`~dibao.enrich.theme_model.FIT_FEATURES`, the relevance taken from models
   fitted without the article (:data:`FOLDS`-fold), so its weight is not learnt on
   scores the article itself shaped; and a correction per theme and per keyword used
   as a word, held near zero (:data:`KEYWORD_L2`) unless the annotations ask for it.
3. **gate** and **threshold**: the relevance probability below which no theme is
   given, and the probability from which a theme is, chosen together to make the
   most training articles right *in each half*: the mean of the share right among
   articles with a theme and among articles without one.  A legal paper and a
   general one differ in how many articles have a theme; the operating point should
   not follow the mix of the training set.

Fitting is plain L-BFGS (scipy; per-feature penalties, which a packaged logistic
regression does not take) from zeros on data read in a fixed order, and the numbers
are rounded, so the file comes out byte for byte the same; ``--check`` says whether
the shipped file is what the annotations give.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass

import numpy
from scipy import sparse

from . import article_terms, title_terms
from .annotated import Annotation, load_all, rebuild
from .gazetteer import load_gazetteer
from .regions import zones
from .theme_model import (EVIDENCE_SUMS, FIT_FEATURES, MODEL, ThemeModel, evidence_sums, fit_features,
                          keyword_features, probability, relevance, relevance_features, sigmoid)
from .themes import load_taxonomy, theme_evidence

MIN_DOCS = 3  #: a word seen in fewer training articles tells nothing general
RELEVANCE_L2 = 10.0  #: penalty on the squared word weights of the relevance
KEYWORD_L2 = 1.0  #: penalty on the squared per-theme, per-keyword corrections
DENSE_L2 = 0.01  #: penalty on the few shared weights (evidence sums, fit features)
FOLDS = 5
GRID = [round(0.05 * k, 2) for k in range(1, 20)]  #: the probabilities tried for a gate, a threshold or a bar
MAX_EXTRA = 2  #: second and third themes
DIGITS = 4  #: decimals kept in the model file
NONE = "none"


@dataclass(frozen=True)
class Example:
    """One training article as the model sees it."""

    features: frozenset[str]  #: relevance features
    evidence: dict  #: theme → zone → keyword evidence
    themes: tuple[str, ...]  #: the annotation's themes ((): none applies)

    @property
    def sums(self) -> tuple[float, ...]:
        return evidence_sums(self.evidence)


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


def logistic(x, y: numpy.ndarray, penalty: numpy.ndarray) -> tuple[numpy.ndarray, float]:
    """Weights and bias minimising the log loss plus ``penalty`` times the squared weights."""
    from scipy.optimize import minimize

    def loss(theta: numpy.ndarray) -> tuple[float, numpy.ndarray]:
        w, b = theta[:-1], theta[-1]
        z = x @ w + b
        p = 1.0 / (1.0 + numpy.exp(-z))
        value = numpy.sum(numpy.logaddexp(0.0, z) - y * z) + penalty @ (w * w)
        grad = numpy.append(x.T @ (p - y) + 2 * penalty * w, numpy.sum(p - y))
        return value, grad

    found = minimize(loss, numpy.zeros(x.shape[1] + 1), jac=True, method="L-BFGS-B",
                     options={"maxiter": 5000, "gtol": 1e-10, "ftol": 1e-14})
    return found.x[:-1], float(found.x[-1])


def design(rows: list[tuple[float, ...]], sparse_rows: list[list[str]], vocabulary: list[str]):
    """Dense columns, then one 0/1 column per name of ``vocabulary``."""
    column = {name: i for i, name in enumerate(vocabulary)}
    cells = [(r, column[name]) for r, names in enumerate(sparse_rows) for name in names if name in column]
    ones = sparse.csr_matrix((numpy.ones(len(cells)), ([r for r, _ in cells], [c for _, c in cells])),
                             shape=(len(sparse_rows), len(vocabulary)))
    return sparse.hstack([sparse.csr_matrix(numpy.array(rows).reshape(len(sparse_rows), -1)), ones]).tocsr()


def penalties(dense: int, words: int, l2: float) -> numpy.ndarray:
    return numpy.concatenate([numpy.full(dense, DENSE_L2), numpy.full(words, l2)])


def rounded(values) -> list[float]:
    return [round(float(v), DIGITS) for v in values]


def fit_relevance(train: list[Example]) -> ThemeModel:
    counts: dict[str, int] = {}
    for example in train:
        for feature in example.features:
            counts[feature] = counts.get(feature, 0) + 1
    vocabulary = sorted(f for f, n in counts.items() if n >= MIN_DOCS)
    x = design([e.sums for e in train], [sorted(e.features) for e in train], vocabulary)
    y = numpy.array([1.0 if e.themes else 0.0 for e in train])
    weights, bias = logistic(x, y, penalties(len(EVIDENCE_SUMS), len(vocabulary), RELEVANCE_L2))
    words = {f: w for f, w in zip(vocabulary, rounded(weights[len(EVIDENCE_SUMS):])) if w}
    return ThemeModel(words, round(bias, DIGITS), (), 0.0, 0.0, evidence=tuple(rounded(weights[:len(EVIDENCE_SUMS)])))


def held_out_logits(data: list[Example]) -> list[float]:
    """Each article's relevance from a model fitted on the other folds."""
    logits = [0.0] * len(data)
    for fold in range(FOLDS):
        model = fit_relevance([e for i, e in enumerate(data) if i % FOLDS != fold])
        for i in range(fold, len(data), FOLDS):
            logits[i] = relevance(set(data[i].features), data[i].sums, model)
    return logits


def pairs(data: list[Example], logits: list[float], keyword_sets: dict) -> tuple[list, list, list]:
    """(article, theme) rows: shared features, corrections called on, and whether the theme is the article's."""
    rows, corrections, labels = [], [], []
    for example, logit in zip(data, logits):
        total = sum(sum(z.values()) for z in example.evidence.values())
        for name in sorted(example.evidence):
            rows.append(fit_features(example.evidence[name], total, logit))
            corrections.append(keyword_features(name, keyword_sets[name], set(example.features)))
            labels.append(1.0 if name in example.themes else 0.0)
    return rows, corrections, labels


def fit_themes(data: list[Example], logits: list[float], keyword_sets: dict) -> tuple[list, float, dict]:
    rows, corrections, labels = pairs(data, logits, keyword_sets)
    vocabulary = sorted({name for names in corrections for name in names})
    x = design(rows, corrections, vocabulary)
    weights, bias = logistic(x, numpy.array(labels), penalties(len(FIT_FEATURES), len(vocabulary), KEYWORD_L2))
    keywords = {k: w for k, w in zip(vocabulary, rounded(weights[len(FIT_FEATURES):])) if w}
    return rounded(weights[:len(FIT_FEATURES)]), round(bias, DIGITS), keywords


def ranked(example: Example, logit: float, model: ThemeModel, keyword_sets: dict) -> list[tuple[float, str]]:
    """The article's candidate themes with their probabilities, likeliest first."""
    total = sum(sum(z.values()) for z in example.evidence.values())
    scored = [(probability(fit_features(z, total, logit),
                           keyword_features(name, keyword_sets[name], set(example.features)), model), name)
              for name, z in example.evidence.items()]
    return sorted(scored, key=lambda item: -item[0])


def right(example: Example, relevance_p: float, scored: list, gate: float, threshold: float) -> bool:
    """Whether the annotation rule counts the decision right: the first theme given is one of the
    article's, or nothing is given to an article with no theme."""
    given = [name for p, name in scored if p >= threshold] if relevance_p >= gate else []
    return bool(given) and given[0] in example.themes if example.themes else not given


def held_out_ranks(data: list[Example], logits: list[float], keyword_sets: dict) -> list[list[tuple[float, str]]]:
    """Each article's candidate themes scored by a fit made without it (:data:`FOLDS`-fold): the
    probabilities a new article would get, not the surer ones of articles the fit has seen."""
    ranks: list = [None] * len(data)
    for fold in range(FOLDS):
        kept = [i for i in range(len(data)) if i % FOLDS != fold]
        fit, bias, keywords = fit_themes([data[i] for i in kept], [logits[i] for i in kept], keyword_sets)
        model = ThemeModel({}, 0.0, tuple(fit), bias, 0.5, keywords=keywords)
        for i in range(fold, len(data), FOLDS):
            ranks[i] = ranked(data[i], logits[i], model, keyword_sets)
    return ranks


def best_thresholds(data: list[Example], logits: list[float], model: ThemeModel,
                    keyword_sets: dict) -> tuple[float, float]:
    """(gate, threshold) with the best mean of the two halves' share right; the lowest of equally good ones."""
    scored = [(e, sigmoid(logit), ranked(e, logit, model, keyword_sets)) for e, logit in zip(data, logits)]
    halves = [[s for s in scored if s[0].themes], [s for s in scored if not s[0].themes]]
    best, found = -1.0, (0.5, 0.5)
    for gate in GRID:
        for threshold in GRID:
            score = sum(sum(right(e, p, ranks, gate, threshold) for e, p, ranks in half) / max(len(half), 1)
                        for half in halves)
            if score > best + 1e-12:
                best, found = score, (gate, threshold)
    return found


def best_secondary(data: list[Example], logits: list[float], keyword_sets: dict, gate: float,
                   threshold: float) -> float:
    """The bar for a second or third theme: the best F1 of those themes against the annotations' own
    second and third themes, on articles past the gate whose first theme is given.  The first theme's
    threshold is chosen for the first theme alone, which is what the annotation rule scores; a low one
    would otherwise tag articles with every theme that has some evidence."""
    cases = [(e, ranks[1:MAX_EXTRA + 1]) for e, logit, ranks in
             zip(data, logits, held_out_ranks(data, logits, keyword_sets))
             if sigmoid(logit) >= gate and ranks and ranks[0][0] >= threshold]
    wanted = sum(max(len(e.themes) - 1, 0) for e, _ in cases)
    best, found = -1.0, threshold
    for bar in (b for b in GRID if b >= threshold):
        given = right = 0
        for example, extra in cases:
            names = [name for p, name in extra if p >= bar]
            given += len(names)
            right += sum(name in example.themes for name in names)
        f1 = 2 * right / (given + wanted) if given + wanted else 0.0
        if f1 > best + 1e-12:
            best, found = f1, bar
    return found


def train(annotations: list[Annotation]) -> dict:
    data = examples([a for a in annotations if not a.held_out])
    keyword_sets = load_taxonomy().keyword_sets
    relevant = fit_relevance(data)
    logits = held_out_logits(data)
    fit, fit_bias, keywords = fit_themes(data, logits, keyword_sets)
    model = ThemeModel(relevant.words, relevant.relevance_bias, tuple(fit), fit_bias, 0.5,
                       evidence=relevant.evidence, keywords=keywords)
    gate, threshold = best_thresholds(data, logits, model, keyword_sets)
    secondary = best_secondary(data, logits, keyword_sets, gate, threshold)
    return {"about": "fitted by python -m dibao.enrich.train on the training part of annotations/; do not edit by hand",
            "trained_on": len(data), "gate": gate, "threshold": threshold, "secondary": secondary,
            "fit": {"features": list(FIT_FEATURES), "weights": fit, "bias": fit_bias,
                    "keywords": dict(sorted(keywords.items()))},
            "relevance": {"bias": relevant.relevance_bias, "evidence_sums": list(EVIDENCE_SUMS),
                          "evidence": list(relevant.evidence), "words": dict(sorted(relevant.words.items()))}}


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
