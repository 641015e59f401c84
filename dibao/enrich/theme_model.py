"""The theme decision, fitted on annotated articles: whether any theme applies, then which.

Two small logistic models, both readable term by term (``--explain ARTICLE``):

* **relevance** says whether the article is legal or police news at all.  Its
  features are the article's content words (the jieba terms keywords and related
  articles use anyway) and the words of its title; its weights were fitted by
  ``python -m dibao.enrich.train`` on the training part of ``annotations/``.
* **fit** scores each theme of the taxonomy that has keyword evidence: the
  theme's keywords in the title, the lead and the body (``themes.yaml``, editable),
  its share of all themes' evidence, and the relevance above.  One set of weights
  serves every theme, so a theme added to the taxonomy is scored the same way.

An article whose relevance probability is below the fitted gate gets no theme;
past the gate, a theme applies when its probability (fitted on relevant articles
only: which theme, given that one applies) reaches the fitted threshold.  The fitted numbers live in ``dibao/data/theme_model.json``,
which the training command re-creates byte for byte.
"""
from __future__ import annotations

import functools
import json
import math
import pathlib
from dataclasses import dataclass

from .gazetteer import DATA

MODEL = DATA / "theme_model.json"
#: the per-theme features, in the order of ``fit`` weights
FIT_FEATURES = ("title", "text", "share", "relevance", "evidence")
TITLE_PREFIX = "T:"  #: a title word's feature name: T:反诈
#: words of bylines and datelines: they tell which paper printed the article, not what it is about
BYLINE_WORDS = frozenset("本报 本报记者 记者 通讯员 见习记者 实习生 日电 电 讯 新华社 中新社 人民网 新华网 央视网 摄 供图".split())


@dataclass(frozen=True)
class ThemeModel:
    """The fitted numbers."""

    words: dict  #: relevance feature (a content word, or ``T:`` + a title word) → weight
    relevance_bias: float
    fit: tuple[float, ...]  #: weights of :data:`FIT_FEATURES`
    fit_bias: float
    threshold: float  #: a theme applies from this probability on
    gate: float = 0.5  #: no theme at all below this relevance probability


@functools.lru_cache(maxsize=4)
def load_model(path: pathlib.Path = MODEL) -> ThemeModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    return ThemeModel(dict(data["relevance"]["words"]), data["relevance"]["bias"], tuple(data["fit"]["weights"]),
                      data["fit"]["bias"], data["threshold"], data["gate"])


def relevance_features(words: list[str], title_words: list[str]) -> set[str]:
    """Which words occur: presence, not counts, so a long article is not more legal for its length."""
    return {w for w in words if w not in BYLINE_WORDS} | {TITLE_PREFIX + w for w in title_words}


def relevance(features: set[str], model: ThemeModel) -> float:
    """The relevance logit: above 0, the article reads as legal or police news."""
    return model.relevance_bias + sum(model.words.get(f, 0.0) for f in features)


def fit_features(evidence: dict[str, float], total: float, logit: float) -> tuple[float, ...]:
    """One theme's features from its keyword evidence in the title and in the text, its share
    of all themes' evidence, the article's relevance logit and all themes' evidence together."""
    own = sum(evidence.values())
    text = evidence.get("lead", 0.0) + evidence.get("body", 0.0)
    return (math.log1p(evidence.get("title", 0.0)), math.log1p(text), own / total if total else 0.0, logit,
            math.log1p(total))


def probability(features: tuple[float, ...], model: ThemeModel) -> float:
    return sigmoid(model.fit_bias + sum(w * x for w, x in zip(model.fit, features)))


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
