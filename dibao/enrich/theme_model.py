"""The theme decision, fitted on annotated articles: whether any theme applies, then which.

Two small logistic models, both readable term by term (``--explain ARTICLE``):

* **relevance** says whether the article is legal or police news at all.  Its
  features are the article's content words (the jieba terms keywords and related
  articles use anyway), the words of its title, and four sums of the taxonomy's
  keyword evidence (:data:`EVIDENCE_SUMS`): a keyword of ``themes.yaml`` that no
  training article used still speaks through them.
* **fit** scores each theme of the taxonomy that has keyword evidence: the
  theme's keywords in the title and in the text (``themes.yaml``, editable), its
  share of all themes' evidence, the relevance above and all evidence together,
  with one set of weights for every theme; then a learnt correction per theme and
  per keyword the article uses as a word (``检察|检察机关``), which calibrates the
  hand-set keyword weights on the annotations.  A theme added by
  ``taxonomy_extend`` has no correction and is scored by the shared weights alone.

An article whose relevance probability is below the fitted gate gets no theme;
past the gate, the likeliest theme applies when its probability reaches the fitted threshold, and a
second or third one when it also reaches the fitted threshold for secondary themes.
The fitted numbers live in ``dibao/data/theme_model.json``, which the training
command re-creates byte for byte.
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
#: the relevance model's evidence features, in the order of its ``evidence`` weights
EVIDENCE_SUMS = ("title", "text", "top theme", "top theme in title")
TITLE_PREFIX = "T:"  #: a title word's feature name: T:反诈
THEME_BIAS = "*"  #: the per-theme correction's key for the theme itself: 检察|*
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
    evidence: tuple[float, ...] = (0.0,) * len(EVIDENCE_SUMS)  #: relevance weights of :data:`EVIDENCE_SUMS`
    keywords: dict = None  #: ``theme|keyword`` (or ``theme|*``) → correction of the theme's logit
    secondary: float = 0.0  #: a second or third theme applies from this probability on (and the threshold)


@functools.lru_cache(maxsize=4)
def load_model(path: pathlib.Path = MODEL) -> ThemeModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    relevant, fit = data["relevance"], data["fit"]
    return ThemeModel(dict(relevant["words"]), relevant["bias"], tuple(fit["weights"]), fit["bias"], data["threshold"],
                      data["gate"], tuple(relevant["evidence"]), dict(fit["keywords"]), data.get("secondary", 0.0))


def relevance_features(words: list[str], title_words: list[str]) -> set[str]:
    """Which words occur: presence, not counts, so a long article is not more legal for its length."""
    return {w for w in words if w not in BYLINE_WORDS} | {TITLE_PREFIX + w for w in title_words}


def evidence_sums(evidence: dict[str, dict[str, float]]) -> tuple[float, ...]:
    """:data:`EVIDENCE_SUMS` of the keyword evidence (theme → zone → weight), on a log scale."""
    title = sum(zones_of.get("title", 0.0) for zones_of in evidence.values())
    text = sum(zones_of.get("lead", 0.0) + zones_of.get("body", 0.0) for zones_of in evidence.values())
    top = max((sum(zones_of.values()) for zones_of in evidence.values()), default=0.0)
    top_title = max((zones_of.get("title", 0.0) for zones_of in evidence.values()), default=0.0)
    return tuple(math.log1p(x) for x in (title, text, top, top_title))


def relevance(features: set[str], sums: tuple[float, ...], model: ThemeModel) -> float:
    """The relevance logit: above 0, the article reads as legal or police news.  The word weights are
    summed exactly (``fsum``): a set's order changes from run to run, and the fitted file must not."""
    return (model.relevance_bias + math.fsum(model.words.get(f, 0.0) for f in features)
            + sum(w * x for w, x in zip(model.evidence, sums)))


def fit_features(evidence: dict[str, float], total: float, logit: float) -> tuple[float, ...]:
    """One theme's features from its keyword evidence in the title and in the text, its share
    of all themes' evidence, the article's relevance logit and all themes' evidence together."""
    own = sum(evidence.values())
    text = evidence.get("lead", 0.0) + evidence.get("body", 0.0)
    return (math.log1p(evidence.get("title", 0.0)), math.log1p(text), own / total if total else 0.0, logit,
            math.log1p(total))


def keyword_features(theme: str, keywords: frozenset[str], features: set[str]) -> list[str]:
    """The per-theme corrections an article calls on: the theme's own, and one for each of the
    theme's keywords that the article uses as a word (in its text or title)."""
    used = {f[len(TITLE_PREFIX):] if f.startswith(TITLE_PREFIX) else f for f in features} & keywords
    return [f"{theme}|{THEME_BIAS}", *(f"{theme}|{word}" for word in sorted(used))]


def probability(features: tuple[float, ...], corrections: list[str], model: ThemeModel) -> float:
    keywords = model.keywords or {}
    return sigmoid(model.fit_bias + sum(w * x for w, x in zip(model.fit, features))
                   + sum(keywords.get(k, 0.0) for k in corrections))


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
