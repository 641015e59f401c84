"""Themes: a weighted-keyword taxonomy read from data, and the themes of an article.

The taxonomy (``themes.yaml``, editable) says which words are evidence for each
theme: every keyword occurrence adds its weight to the theme's evidence in the zone
it sits in (title, lead, body; body counts are damped: 1, 2, 3, 4 … occurrences add
1, 1.6, 2.0, 2.3 …).  Whether that evidence is enough is not decided here by hand:
the fitted model of :mod:`.theme_model` turns evidence and the article's relevance
into a probability per theme, and only themes reaching its threshold are given.
An article with none gets no theme.
"""
from __future__ import annotations

import functools
import math
import pathlib
import re
from dataclasses import dataclass, field

import yaml

from ..slugs import slugify
from .gazetteer import DATA
from .theme_model import (ThemeModel, evidence_sums, fit_features, keyword_features, load_model, probability, relevance,
                          relevance_features, sigmoid)

DEFAULT_TAXONOMY = DATA / "themes.yaml"
#: the evidence zones: a dateline counts with the lead
EVIDENCE_ZONE = {"title": "title", "dateline": "lead", "lead": "lead", "body": "body"}
MAX_THEMES = 3


@dataclass(frozen=True)
class Theme:
    """One theme of the taxonomy."""

    name: str  #: as shown on the site (反诈)
    slug: str  #: pinyin URL slug (fanzha)
    description: str  #: one line for the theme page
    keywords: tuple[tuple[str, float], ...]  #: (term, weight), heaviest first


@dataclass(frozen=True)
class Taxonomy:
    """The themes, in the order the file gives."""

    themes: tuple[Theme, ...]
    pattern: re.Pattern = None  #: one alternation of every keyword, longest first (set by build)
    terms: tuple[str, ...] = ()  #: every keyword, in the pattern's order (set by build)
    keyword_sets: dict = field(default_factory=dict, compare=False, repr=False)  #: theme → its keywords (set by build)
    #: match → the keywords written inside it; filled as matches are met
    inside: dict = field(default_factory=dict, compare=False, repr=False)

    def parts(self, match: str) -> tuple[str, ...]:
        """The keywords written inside ``match`` (a keyword the pattern found), itself included."""
        found = self.inside.get(match)
        if found is None:
            found = self.inside[match] = tuple(term for term in self.terms if term in match)
        return found


def read_yaml(path: pathlib.Path) -> dict:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser is ~20x faster when built
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise ValueError(f"{where}: not valid YAML: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("themes"), list):
        raise ValueError(f"{path}: expected a mapping with a 'themes' list")
    return data


def parse_theme(entry: object, path: pathlib.Path, index: int) -> Theme:
    if not isinstance(entry, dict) or not entry.get("name") or not isinstance(entry.get("keywords"), dict):
        raise ValueError(f"{path}: theme #{index + 1} needs a name and a keywords mapping")
    name = str(entry["name"])
    try:
        keywords = {str(k): float(v) for k, v in entry["keywords"].items()}
    except (TypeError, ValueError):
        raise ValueError(f"{path}: theme {name}: keyword weights must be numbers") from None
    ranked = tuple(sorted(keywords.items(), key=lambda kv: (-kv[1], kv[0])))
    return Theme(name, str(entry.get("slug") or slugify(name)), str(entry.get("description") or ""), ranked)


def load_taxonomy(path: pathlib.Path | None = None, extend: pathlib.Path | None = None) -> Taxonomy:
    """The taxonomy at ``path`` (default: the shipped one), extended by ``extend``; read once per process.

    Extending merges keywords into a theme of the same name (the extension's
    weights win) and appends new themes.
    """
    return _load_taxonomy(pathlib.Path(path or DEFAULT_TAXONOMY).resolve(),
                          pathlib.Path(extend).resolve() if extend else None)


@functools.lru_cache(maxsize=8)
def _load_taxonomy(base_path: pathlib.Path, extend: pathlib.Path | None) -> Taxonomy:
    data = read_yaml(base_path)
    themes = {t.name: t for t in (parse_theme(e, base_path, i) for i, e in enumerate(data["themes"]))}
    if extend is not None:
        extra = read_yaml(extend)
        for i, entry in enumerate(extra["themes"]):
            theme = parse_theme(entry, extend, i)
            if theme.name in themes:
                old = themes[theme.name]
                merged = dict(old.keywords) | dict(theme.keywords)
                ranked = tuple(sorted(merged.items(), key=lambda kv: (-kv[1], kv[0])))
                theme = Theme(old.name, old.slug, theme.description or old.description, ranked)
            themes[theme.name] = theme
    return build(tuple(themes.values()))


def build(themes: tuple[Theme, ...]) -> Taxonomy:
    terms = sorted({term for theme in themes for term, _ in theme.keywords}, key=lambda t: (-len(t), t))
    return Taxonomy(themes, re.compile("|".join(map(re.escape, terms))), tuple(terms),
                    keyword_sets={theme.name: frozenset(term for term, _ in theme.keywords) for theme in themes})


def term_counts(text: str, pattern: re.Pattern) -> dict[str, int]:
    """Occurrences of each keyword; a longer keyword also counts the shorter ones inside it."""
    counts: dict[str, int] = {}
    for match in pattern.finditer(text):
        counts[match.group()] = counts.get(match.group(), 0) + 1
    return counts


def theme_evidence(parts: list[tuple[str, str]], taxonomy: Taxonomy) -> dict[str, dict[str, float]]:
    """Theme → zone → keyword evidence, for every theme with a keyword in the article."""
    weighted: dict[tuple[str, str], float] = {}
    for zone, text in parts:
        for term, count in term_counts(text, taxonomy.pattern).items():
            damped = count if zone != "body" else 1 + math.log(count) * 0.9
            key = (EVIDENCE_ZONE[zone], term)
            weighted[key] = weighted.get(key, 0.0) + damped
    # each keyword counts the matches containing it (电信网络诈骗 holds 诈骗)
    inside: dict[tuple[str, str], float] = {}
    for zone, match in weighted:
        for term in taxonomy.parts(match):
            inside[(zone, term)] = inside.get((zone, term), 0.0) + weighted[(zone, match)]
    evidence: dict[str, dict[str, float]] = {}
    for theme in taxonomy.themes:
        for term, weight in theme.keywords:
            for zone in ("title", "lead", "body"):
                if (zone, term) in inside:
                    zones_of = evidence.setdefault(theme.name, {})
                    zones_of[zone] = zones_of.get(zone, 0.0) + weight * inside[(zone, term)]
    return evidence


@dataclass(frozen=True)
class ThemeScores:
    """Why an article got its themes: the relevance logit and each candidate theme's probability."""

    relevance: float  #: the relevance logit
    candidates: tuple[tuple[str, float, tuple[float, ...]], ...]  #: (theme, probability, features), likeliest first
    threshold: float
    gate: float
    secondary: float = 0.0  #: the bar for a second or third theme

    @property
    def relevant(self) -> bool:
        return sigmoid(self.relevance) >= self.gate

    @property
    def themes(self) -> tuple[str, ...]:
        if not self.relevant:
            return ()
        bars = [self.threshold] + [max(self.threshold, self.secondary)] * (MAX_THEMES - 1)
        return tuple(name for (name, p, _), bar in zip(self.candidates, bars) if p >= bar)


def score_article(parts: list[tuple[str, str]], words: list[str], title_words: list[str], taxonomy: Taxonomy,
                  model: ThemeModel | None = None) -> ThemeScores:
    """The probability of every theme with evidence; ties keep the taxonomy's order."""
    model = model or load_model()
    evidence = theme_evidence(parts, taxonomy)
    features = relevance_features(words, title_words)
    logit = relevance(features, evidence_sums(evidence), model)
    total = sum(sum(zones_of.values()) for zones_of in evidence.values())
    scored = []
    for name, zones_of in evidence.items():
        shared = fit_features(zones_of, total, logit)
        corrections = keyword_features(name, taxonomy.keyword_sets[name], features)
        scored.append((name, probability(shared, corrections, model), shared))
    scored.sort(key=lambda item: -item[1])
    return ThemeScores(logit, tuple(scored), model.threshold, model.gate, model.secondary)


def article_themes(parts: list[tuple[str, str]], words: list[str], title_words: list[str], taxonomy: Taxonomy,
                   model: ThemeModel | None = None) -> tuple[str, ...]:
    """0–3 themes, primary first: those the fitted model gives at least its threshold."""
    return score_article(parts, words, title_words, taxonomy, model).themes
