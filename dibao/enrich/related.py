"""Related articles: TF-IDF cosine over jieba terms, recomputed over the archive.

IDF comes from the archive itself, so adding issues can change every article's
list; that is why ``enrich`` always runs over all issues.  Each vector keeps its
``VECTOR_TERMS`` heaviest terms and terms found in more than half the articles
are dropped: they weigh little and would make the pairwise sums quadratic.
Ties are broken by article id, so the lists are the same on every run.

Everything is array work (numpy, scipy.sparse): at ten thousand articles a
per-document Python loop over term weights cost more than the similarity
product itself.
"""
from __future__ import annotations

import os
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Mapping, Sequence

import numpy

from .tallies import TermTallies

VECTOR_TERMS = 60
BLOCK_ROWS = 512  #: rows of the similarity matrix held at once per thread (a third of 512 × 10,000 non-zero)
MAX_DOC_SHARE = 0.5
TIE = 1e-9  #: raw cosines this close may round to the same 9-decimal score
BINS = 1024  #: histogram bins per row when finding a row's best scores


def term_counts(ids: Sequence[str], documents: Mapping[str, Sequence[str]]):
    """Documents × terms count matrix (CSR); columns follow the terms' sorted order.

    ``documents`` is read once per id and only term numbers are kept, so a mapping that
    makes each document's list on demand never has them all in memory at once."""
    from scipy.sparse import csr_matrix

    column: dict[str, int] = {}
    numbered, tallies = [], []
    for doc_id in ids:
        tally = Counter(documents[doc_id])  # counted in C: a Python step per distinct term only
        numbered.append(numpy.fromiter((column.setdefault(t, len(column)) for t in tally), dtype=numpy.int64,
                                       count=len(tally)))
        tallies.append(numpy.fromiter(tally.values(), dtype=numpy.float64, count=len(tally)))
    vocabulary = sorted(column)
    rank = numpy.empty(len(column), dtype=numpy.int64)
    rank[numpy.fromiter((column[t] for t in vocabulary), dtype=numpy.int64, count=len(vocabulary))] = \
        numpy.arange(len(vocabulary))
    lengths = numpy.fromiter((len(n) for n in numbered), dtype=numpy.int64, count=len(ids))
    columns = rank[numpy.concatenate(numbered)] if numbered else numpy.zeros(0, dtype=numpy.int64)
    values = numpy.concatenate(tallies) if tallies else numpy.zeros(0)
    rows = numpy.repeat(numpy.arange(len(ids)), lengths)
    counts = csr_matrix((values, (rows, columns)), shape=(len(ids), max(1, len(vocabulary))), dtype="float64")
    counts.sort_indices()
    return counts, vocabulary


def unit_vectors(counts):
    """Unit-length TF-IDF rows, each cut to its ``VECTOR_TERMS`` heaviest terms.

    Weight ordering ties go to the term that sorts first, as the columns are in term order."""
    from scipy.sparse import csr_matrix

    total = counts.shape[0]
    coo = counts.tocoo()
    rows, cols, tf = coo.row, coo.col, coo.data
    df = numpy.bincount(cols, minlength=counts.shape[1])
    weights = (1 + numpy.log(tf)) * numpy.log((1 + total) / (1 + df[cols]))
    keep = df[cols] <= max(1, MAX_DOC_SHARE * total)
    rows, cols, weights = rows[keep], cols[keep], weights[keep]
    order = numpy.lexsort((cols, -weights, rows))
    rows, cols, weights = rows[order], cols[order], weights[order]
    starts = numpy.searchsorted(rows, rows, side="left")
    top = (numpy.arange(len(rows)) - starts < VECTOR_TERMS) & (weights > 0)
    rows, cols, weights = rows[top], cols[top], weights[top]
    norms = numpy.sqrt(numpy.bincount(rows, weights=weights ** 2, minlength=total))
    norms[norms == 0] = 1.0
    return csr_matrix((weights / norms[rows], (rows, cols)), shape=counts.shape, dtype="float64")


def vectors(documents: Mapping[str, Sequence[str]]) -> dict[str, dict[str, float]]:
    """Unit-length TF-IDF vectors of every document (id -> term -> weight); for inspection and tests."""
    ids = sorted(documents)
    counts, vocabulary = term_counts(ids, documents)
    matrix = unit_vectors(counts)
    return {doc_id: {vocabulary[c]: float(w) for c, w in zip(matrix[i].indices, matrix[i].data)}
            for i, doc_id in enumerate(ids)}


def related(documents: Mapping[str, Sequence[str]], count: int = 5, tallies: TermTallies | None = None,
            keys: Mapping[str, str] | None = None) -> dict[str, tuple[str, ...]]:
    """For every document id, the ``count`` most similar other ids, most similar first.

    The cosines are one sparse matrix product, taken in row blocks so memory stays bounded.
    ``tallies`` (with ``keys``, id → terms key) keeps term counts across calls: see :mod:`.tallies`."""
    ids = sorted(documents)
    if not ids:
        return {}
    counts = tallies.matrix(ids, keys, documents) if tallies is not None and keys is not None \
        else term_counts(ids, documents)
    matrix = unit_vectors(counts[0])
    transposed = matrix.T.tocsc()

    def block_top(start: int) -> list[list[int]]:
        return _block_top((matrix[start:start + BLOCK_ROWS] @ transposed).tocsr(), start, count)

    # scipy's product and numpy's selection release the GIL, so threads use every core
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        blocks = list(pool.map(block_top, range(0, len(ids), BLOCK_ROWS)))
    return {ids[row]: tuple(ids[j] for j in ranked)
            for row, ranked in enumerate(ranked for block in blocks for ranked in block)}


def _block_top(product, start: int, count: int) -> list[list[int]]:
    """Per row of a block of cosines (sparse; row i is document ``start + i``): the ``count``
    best other columns, best first.

    Scores are rounded so float summation order can never flip a tie, and ties go to the
    smaller column, that is the smaller id.  Only a row's few best raw scores are rounded:
    every score that could round into its top ``count`` is at most ``TIE`` below its
    ``count * 4``-th best, which :func:`_near_top` finds without sorting the row."""
    n_rows = product.shape[0]
    row = numpy.repeat(numpy.arange(n_rows), numpy.diff(product.indptr))
    col, val = product.indices, product.data
    other = (col != row + start) & (val > 0)
    row, col, val = _near_top(row[other], col[other], val[other], n_rows, min(count * 4, product.shape[1] - 1))
    scores = numpy.round(val, 9)
    order = numpy.lexsort((col, -scores, row))
    row, col = row[order], col[order]
    keep = numpy.arange(len(row)) - numpy.searchsorted(row, row, side="left") < count
    ranked: list[list[int]] = [[] for _ in range(n_rows)]
    for r, c in zip(row[keep].tolist(), col[keep].tolist()):
        ranked[r].append(c)
    return ranked


def _near_top(row, col, val, n_rows: int, nth: int):
    """The entries within ``TIE`` of their row's (``nth`` + 1)-th largest value (all of a row's
    entries when it has no more than ``nth``).

    A histogram of each row's values (``BINS`` bins over 0–1) says which bin holds that value;
    only entries from that bin up are sorted to find it exactly.  (Selecting it from the dense
    rows cost more than the product itself: 10,000 columns a row, a third of them non-zero.)"""
    bins = numpy.minimum((val * BINS).astype(numpy.int64), BINS - 1)
    from_top = numpy.cumsum(numpy.bincount(row * BINS + bins, minlength=n_rows * BINS).reshape(n_rows, BINS)[:, ::-1],
                            axis=1)
    lowest = numpy.where(from_top[:, -1] > nth, BINS - 1 - numpy.argmax(from_top > nth, axis=1), 0) / BINS
    near = val >= lowest[row] - 2 * TIE
    row, col, val = row[near], col[near], val[near]
    order = numpy.lexsort((-val, row))
    row, col, val = row[order], col[order], val[order]
    first = numpy.searchsorted(row, numpy.arange(n_rows), side="left")
    has = numpy.bincount(row, minlength=n_rows) > nth
    threshold = numpy.zeros(n_rows)
    threshold[has] = val[first[has] + nth]
    near = val >= threshold[row] - TIE
    return row[near], col[near], val[near]
