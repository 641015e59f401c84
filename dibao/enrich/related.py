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
BLOCK_ROWS = 512  #: rows of the similarity matrix held at once (512 × 10,000 floats ≈ 40 MB)
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
    """For every document id, the ``count`` most similar other ids, most similar first.

    The cosines are one sparse matrix product (scipy), taken in row blocks so memory stays
    bounded; a pure-Python pairwise sum was quadratic in the document frequency of every
    term and took minutes at ten thousand articles."""
    ids = sorted(documents)
    vecs = vectors(documents)
    matrix = _matrix(ids, vecs)
    out: dict[str, tuple[str, ...]] = {}
    for start in range(0, len(ids), BLOCK_ROWS):
        block = (matrix[start:start + BLOCK_ROWS] @ matrix.T).toarray()
        for offset, row in enumerate(block):
            out[ids[start + offset]] = _top(row, start + offset, ids, count)
    return out


def _matrix(ids: list[str], vecs: dict[str, dict[str, float]]):
    from scipy.sparse import csr_matrix

    columns: dict[str, int] = {}
    rows, cols, values = [], [], []
    for row, doc_id in enumerate(ids):
        for term in sorted(vecs[doc_id]):
            rows.append(row)
            cols.append(columns.setdefault(term, len(columns)))
            values.append(vecs[doc_id][term])
    return csr_matrix((values, (rows, cols)), shape=(len(ids), max(1, len(columns))), dtype="float64")


def _top(row, own: int, ids: list[str], count: int) -> tuple[str, ...]:
    import numpy

    row[own] = 0.0
    # round so float summation order can never flip a tie; ties go to the smaller id
    scores = numpy.round(row, 9)
    candidates = numpy.flatnonzero(scores > 0)
    if len(candidates) > count * 4:
        keep = numpy.argpartition(-scores[candidates], count * 4)[:count * 4]
        threshold = scores[candidates[keep]].min()
        candidates = candidates[scores[candidates] >= threshold]
    ranked = sorted(candidates.tolist(), key=lambda j: (-scores[j], ids[j]))
    return tuple(ids[j] for j in ranked[:count])
