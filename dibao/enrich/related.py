"""Related articles: TF-IDF cosine over jieba terms, recomputed over the archive.

IDF comes from the archive itself, so adding issues can change every article's
list; that is why ``enrich`` always runs over all issues.  Each vector keeps its
``VECTOR_TERMS`` heaviest terms and terms found in more than half the articles
are dropped: they weigh little and would make the pairwise sums quadratic.
Ties are broken by article id, so the lists are the same on every run.
"""
from __future__ import annotations

import math
from collections import Counter

VECTOR_TERMS = 60
MAX_DOC_SHARE = 0.5


def vectors(documents: dict[str, list[str]]) -> dict[str, dict[str, float]]:
    """Unit-length TF-IDF vectors of every document (id -> term -> weight)."""
    total = len(documents)
    df = Counter(term for words in documents.values() for term in set(words))
    out = {}
    for doc_id, words in documents.items():
        weights = {t: (1 + math.log(n)) * math.log((1 + total) / (1 + df[t]))
                   for t, n in Counter(words).items() if df[t] <= max(1, MAX_DOC_SHARE * total)}
        top = sorted(weights, key=lambda t: (-weights[t], t))[:VECTOR_TERMS]
        norm = math.sqrt(sum(weights[t] ** 2 for t in top)) or 1.0
        out[doc_id] = {t: weights[t] / norm for t in top if weights[t] > 0}
    return out


def related(documents: dict[str, list[str]], count: int = 5) -> dict[str, tuple[str, ...]]:
    """For every document id, the ``count`` most similar other ids, most similar first."""
    vecs = vectors(documents)
    postings: dict[str, list[tuple[str, float]]] = {}
    for doc_id in sorted(vecs):
        for term, weight in vecs[doc_id].items():
            postings.setdefault(term, []).append((doc_id, weight))
    out = {}
    for doc_id in sorted(vecs):
        scores: dict[str, float] = {}
        for term, weight in vecs[doc_id].items():
            for other, other_weight in postings[term]:
                if other != doc_id:
                    scores[other] = scores.get(other, 0.0) + weight * other_weight
        # round so float summation order can never flip a tie
        ranked = sorted(scores, key=lambda other: (-round(scores[other], 9), other))
        out[doc_id] = tuple(ranked[:count])
    return out
