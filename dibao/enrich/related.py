"""Related articles: TF-IDF cosine over jieba terms, recomputed over the archive.

IDF comes from the archive itself, so adding issues can change every article's
list; that is why ``enrich`` always runs over all issues.  Each vector keeps its
``VECTOR_TERMS`` heaviest terms and terms found in more than half the articles
are dropped: they weigh little and would make the pairwise sums quadratic.
Ties are broken by article id, so the lists are the same on every run.

Everything is array work (numpy, scipy.sparse, sparse_dot_topn): at ten
thousand articles a per-document Python loop over term weights cost more than
the similarity product itself.
"""
from __future__ import annotations

import os
from collections import Counter
from typing import Mapping, Sequence

import numpy

from .tallies import TermTallies

VECTOR_TERMS = 60
SHORTLIST = 4  #: cosines first kept per row and wanted column
LONGER = 16  #: how much longer each next shortlist of the rows still unsettled is
BLOCK_ENTRIES = 1 << 22  #: shortlisted cosines held at once (about 50 MB)
MAX_DOC_SHARE = 0.5


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

    ``tallies`` (with ``keys``, id → terms key) keeps term counts across calls: see :mod:`.tallies`.
    Documents whose vectors are equal (reprints, short captions) share one row of cosines.  For
    each row, :func:`best_columns` ranks the ``count + 1`` best columns, so that any one
    document's best others are its row's best with the document itself left out."""
    ids = sorted(documents)
    if not ids:
        return {}
    counts = tallies.matrix(ids, keys, documents) if tallies is not None and keys is not None \
        else term_counts(ids, documents)
    matrix = unit_vectors(counts[0])
    matrix.sort_indices()  # so equal rows have equal arrays
    row_of, distinct = distinct_rows(matrix)
    best = best_columns(matrix[distinct], matrix.T.tocsr(), count + 1)
    return {doc_id: tuple(ids[j] for j in best[row_of[i]] if j != i)[:count] for i, doc_id in enumerate(ids)}


def distinct_rows(matrix):
    """(for each row, the number of its kind among the distinct rows; the first row of each kind,
    in order).  Rows of a CSR matrix with sorted indices are equal when their arrays are."""
    kinds: dict[bytes, int] = {}
    first: list[int] = []
    row_of = numpy.empty(matrix.shape[0], dtype=numpy.int64)
    indptr, indices, data = matrix.indptr, matrix.indices, matrix.data
    for row in range(matrix.shape[0]):
        start, end = indptr[row], indptr[row + 1]
        kind = row_of[row] = kinds.setdefault(indices[start:end].tobytes() + data[start:end].tobytes(), len(kinds))
        if kind == len(first):
            first.append(row)
    return row_of, numpy.array(first, dtype=numpy.int64)


def best_columns(rows, transposed, count: int) -> list[list[int]]:
    """For each of ``rows``, its ``count`` largest cosines' columns, best first.

    Each row's largest cosines come from a fused product-and-select (:func:`shortlists`).  A row
    whose shortlist cannot be shown to hold its best ``count`` (a tie across its cut, see
    :func:`unsettled`: near-copies of one article tie by the hundred) gets a longer one."""
    ranked: list[list[int]] = [[] for _ in range(rows.shape[0])]
    columns = transposed.shape[1]
    todo, keep = numpy.arange(rows.shape[0]), count * SHORTLIST
    while len(todo):
        keep = min(keep, columns)  # a shortlist of every column settles every row
        redo = []
        for block in numpy.array_split(todo, -(-len(todo) * keep // BLOCK_ENTRIES)):
            short = shortlists(rows[block], transposed, keep)
            nth = nth_best(short, count)
            for row, best in zip(block.tolist(), best_entries(short, count, nth)):
                ranked[row] = best
            if keep < columns:
                redo.append(block[unsettled(short, keep, nth)])
        todo, keep = numpy.concatenate(redo) if redo else todo[:0], keep * LONGER
    return ranked


def shortlists(rows, transposed, keep: int):
    """The ``keep`` largest cosines of each of ``rows`` (CSR), each row's largest first, without
    holding the product's other entries: at ten thousand articles a third of all pairs share a
    term, and scipy's full product plus selecting from it cost twice as much (sparse_dot_topn,
    on every core)."""
    from sparse_dot_topn import sp_matmul_topn

    threads = os.cpu_count() or 1
    return sp_matmul_topn(rows, transposed, top_n=keep, sort=True, n_threads=threads if threads > 1 else None)


def scores(cosines):
    """Cosines rounded to 9 decimals, so float summation order can never flip a tie."""
    return numpy.round(cosines, 9)


def nth_best(short, count: int):
    """Per row of ``short`` (from :func:`shortlists`): the :func:`scores` of its ``count``-th
    best entry; -inf when it has fewer positive ones."""
    starts, ends = short.indptr[:-1], short.indptr[1:]
    nth = numpy.full(len(starts), -numpy.inf)
    position = starts + count - 1
    found = position < ends
    nth[found] = scores(short.data[position[found]])
    return numpy.where(nth > 0, nth, -numpy.inf)


def best_entries(short, count: int, nth) -> list[list[int]]:
    """Per row of ``short``: its ``count`` best columns, best first, ties to the smaller column
    (the smaller id); only entries that round to at least ``nth`` are sorted."""
    n_rows = short.shape[0]
    row = numpy.repeat(numpy.arange(n_rows), numpy.diff(short.indptr))
    score = scores(short.data)
    wanted = (score > 0) & (score >= nth[row])
    row, col, score = row[wanted], short.indices[wanted], score[wanted]
    order = numpy.lexsort((col, -score, row))
    row, col = row[order], col[order]
    first = numpy.arange(len(row)) - numpy.searchsorted(row, row, side="left") < count
    ranked: list[list[int]] = [[] for _ in range(n_rows)]
    for r, c in zip(row[first].tolist(), col[first].tolist()):
        ranked[r].append(c)
    return ranked


def unsettled(short, keep: int, nth):
    """Indices of the rows of ``short`` whose best entries may lie outside their shortlist.

    A shortlist of fewer than ``keep`` entries holds every non-zero cosine of its row.  A full
    one misses only cosines no larger than its last, so it settles the row when that last one
    rounds below the row's ``nth`` (:func:`nth_best`): an entry left out could otherwise tie
    with the row's last chosen one and win the tie by a smaller id."""
    starts, ends = short.indptr[:-1], short.indptr[1:]
    full = ends - starts >= keep
    last = scores(short.data[numpy.maximum(ends - 1, 0)]) if short.nnz else numpy.zeros(len(ends))
    return numpy.flatnonzero(full & ~(last < nth))
