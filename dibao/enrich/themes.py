"""Themes: a weighted-keyword taxonomy read from data, and the scoring of an article.

Each keyword occurrence adds its weight times the weight of the zone it sits in
(title 4, lead 2, the rest 1).  Body counts are damped (1, 2, 3, 4 … occurrences
add 1, 1.6, 2.0, 2.3 …) so one long article cannot drown its headline.
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

DEFAULT_TAXONOMY = DATA / "themes.yaml"
ZONE_WEIGHTS = {"title": 4.0, "dateline": 2.0, "lead": 2.0, "body": 1.0}
#: A secondary theme needs this share of the primary theme's score.
SECONDARY_SHARE = 0.5
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
    """The themes, in the order the file gives, and the fallback theme."""

    themes: tuple[Theme, ...]
    default: str  #: theme used when no keyword occurs
    pattern: re.Pattern = None  #: one alternation of every keyword, longest first (set by build)
    terms: tuple[str, ...] = ()  #: every keyword, in the pattern's order (set by build)
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
    default = str(data.get("default") or next(iter(themes)))
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
        default = str(extra.get("default") or default)
    if default not in themes:
        raise ValueError(f"{extend or base_path}: default theme {default!r} is not one of the themes")
    return build(tuple(themes.values()), default)


def build(themes: tuple[Theme, ...], default: str) -> Taxonomy:
    terms = sorted({term for theme in themes for term, _ in theme.keywords}, key=lambda t: (-len(t), t))
    return Taxonomy(themes, default, re.compile("|".join(map(re.escape, terms))), tuple(terms))


def term_counts(text: str, pattern: re.Pattern) -> dict[str, int]:
    """Occurrences of each keyword; a longer keyword also counts the shorter ones inside it."""
    counts: dict[str, int] = {}
    for match in pattern.finditer(text):
        counts[match.group()] = counts.get(match.group(), 0) + 1
    return counts


def score_themes(parts: list[tuple[str, str]], taxonomy: Taxonomy) -> dict[str, float]:
    """Score of every theme with a keyword in the article."""
    weighted: dict[str, float] = {}
    for zone, text in parts:
        for term, count in term_counts(text, taxonomy.pattern).items():
            damped = count if zone != "body" else 1 + math.log(count) * 0.9
            weighted[term] = weighted.get(term, 0.0) + ZONE_WEIGHTS[zone] * damped
    # Each keyword counts the matches containing it.  Keywords in no match add exactly 0.0
    # and are skipped; the others are summed in the same order as ever, so the same floats.
    inside: dict[str, float] = {}
    for term in dict.fromkeys(k for t in weighted for k in taxonomy.parts(t)):
        inside[term] = sum(v for t, v in weighted.items() if term in t)
    scores = {}
    for theme in taxonomy.themes:
        total = 0.0
        for term, weight in theme.keywords:
            if term in inside:
                total += weight * inside[term]
        if total > 0:
            scores[theme.name] = total
    return scores


def article_themes(parts: list[tuple[str, str]], taxonomy: Taxonomy) -> tuple[str, ...]:
    """1–3 themes, primary first; ties keep the taxonomy's order."""
    scores = score_themes(parts, taxonomy)
    if not scores:
        return (taxonomy.default,)
    ranked = sorted(scores, key=lambda name: -scores[name])
    top = scores[ranked[0]]
    return tuple(name for name in ranked[:MAX_THEMES] if scores[name] >= SECONDARY_SHARE * top)
