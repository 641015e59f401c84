"""``python build.py --explain ARTICLE``: why an article got its themes and regions.

ARTICLE is an article's Markdown file under ``content/`` or its id (``<issue>/<NN>``,
as ``related`` lists name articles).  The text is read from the file as it stands,
hand edits included, and enriched again with the shipped taxonomy and model.
"""
from __future__ import annotations

from pathlib import Path

from ..contentio import read_article
from ..model import Article
from . import article_terms, title_terms
from .config import EnrichConfig
from .gazetteer import load_gazetteer
from .regions import article_regions, place_zones, province_votes, zones
from .theme_model import EVIDENCE_SUMS, FIT_FEATURES, evidence_sums, keyword_features, load_model, relevance_features, sigmoid
from .themes import load_taxonomy, score_article, theme_evidence

SHOWN_WORDS = 8  #: relevance words listed each way


def find_article(content: Path, wanted: str) -> Path:
    """The Markdown file of ``wanted``: a path, or ``<issue>/<NN>`` (the reading order's two digits)."""
    path = Path(wanted)
    if path.suffix == ".md" and path.exists():
        return path
    issue, _, order = wanted.partition("/")
    found = sorted((content / issue).glob(f"{order}-*.md")) if order else []
    if not found:
        raise ValueError(f"--explain {wanted}: no such article (give content/<issue>/<file>.md or <issue>/<NN>)")
    return found[0]


def explain(path: Path, config: EnrichConfig | None = None) -> str:
    article = read_article(path, path.parent.name)
    return "\n".join([f"{path}: {article.title}", *theme_lines(article, config or EnrichConfig()),
                      *region_lines(article)])


def theme_lines(article: Article, config: EnrichConfig) -> list[str]:
    gazetteer, taxonomy, model = load_gazetteer(), load_taxonomy(*config.taxonomy_paths()), load_model()
    words, titles = article_terms(article, gazetteer, None), title_terms(article, gazetteer)
    parts = zones(article)
    scores = score_article(parts, words, titles, taxonomy, model)
    features = relevance_features(words, titles)
    used = sorted(((model.words[f], f) for f in features if f in model.words), reverse=True)
    evidence = theme_evidence(parts, taxonomy)
    sums = " ".join(f"{name} {w * x:+.2f}" for name, w, x in zip(EVIDENCE_SUMS, model.evidence, evidence_sums(evidence)))
    lines = [f"themes: {', '.join(scores.themes) or '(none)'}",
             f"  relevance {sigmoid(scores.relevance):.2f} (gate {model.gate}): "
             f"for {fmt(used[:SHOWN_WORDS])}; against {fmt(used[::-1][:SHOWN_WORDS])}; keyword evidence {sums}"]
    for name, probability, shared_features in scores.candidates:
        mark = "given" if name in scores.themes else "below threshold" if scores.relevant else "gated"
        shown = ", ".join(f"{f}={x:.2f}" for f, x in zip(FIT_FEATURES, shared_features))
        zones_of = ", ".join(f"{z} {v:.1f}" for z, v in evidence[name].items())
        learnt = fmt(sorted(((model.keywords.get(k, 0.0), k.partition("|")[2]) for k in
                             keyword_features(name, taxonomy.keyword_sets[name], features) if k in model.keywords),
                            reverse=True))
        lines.append(f"  {name}: p={probability:.2f} (threshold {model.threshold}, {model.secondary} for a second theme) {mark}; keywords in {zones_of}; "
                     f"{shown}; learnt corrections {learnt}")
    return lines


def region_lines(article: Article) -> list[str]:
    gazetteer = load_gazetteer()
    dateline, parts = place_zones(article, gazetteer)
    votes, _ = province_votes(parts, gazetteer, "")
    found = article_regions(article, gazetteer, "")
    return [f"regions: {', '.join(found.regions) or '(none: a story abroad)'}",
            f"  votes {fmt(sorted(((v, p) for p, v in votes.items()), reverse=True))}; "
            f"dateline {dateline.text or '-'} (not a vote)"]


def fmt(pairs) -> str:
    return " ".join(f"{name} {value:+.2f}" for value, name in pairs) or "-"
