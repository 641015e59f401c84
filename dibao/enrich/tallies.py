"""Term tallies kept across builds, so ``related`` need not count ten thousand articles again.

:func:`.related.term_counts` counted every article's terms on every build (half a second on
a 10,000-article archive) though an added issue changes only a few of them.  Here each
text's tally is kept by its terms key (a hash of the text the terms came from), its terms as
numbers into a vocabulary that only grows.  The counts matrix made from them equals the one
:func:`.related.term_counts` makes but for the column numbers: columns still follow the
terms' sorted order, and terms no live article uses are empty columns.  Every score is then
bit for bit the same (relative column order is all the sums and tie-breaks see).
"""
from __future__ import annotations

from collections import Counter
from typing import Mapping, Sequence

import numpy

#: the tallies are counted afresh when texts no longer in the archive hold more than this
#: share of the kept numbers (edited and removed articles leave theirs behind)
STALE_SHARE = 0.5


class TermTallies:
    """Terms key → the text's distinct terms (as vocabulary numbers) and how often each occurs.

    All tallies live in two flat arrays (a pickle of ten thousand small arrays loads slowly);
    :attr:`spans` says where each key's run starts and ends."""

    def __init__(self) -> None:
        self.vocabulary: list[str] = []  #: term number → term, in the order first seen
        self.numbers = numpy.zeros(0, dtype=numpy.int32)  #: the terms of every kept tally, run after run
        self.counts = numpy.zeros(0, dtype=numpy.int32)  #: how often each of those terms occurs
        self.spans: dict[str, tuple[int, int]] = {}  #: terms key → (start, end) in the two arrays
        self._number: dict[str, int] = {}  # term → number; rebuilt after loading

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "_number"}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._number = {term: n for n, term in enumerate(self.vocabulary)}

    def matrix(self, ids: Sequence[str], keys: Mapping[str, str], documents: Mapping[str, Sequence[str]]):
        """The documents × terms count matrix (CSR) of ``ids``, as :func:`.related.term_counts`
        makes it up to column numbering; ``keys`` maps an id to its terms key, ``documents`` to
        its terms (read only for texts not tallied yet).  Returns (matrix, vocabulary)."""
        from scipy.sparse import csr_matrix

        wanted = [keys[doc_id] for doc_id in ids]
        self._forget_stale(set(wanted))
        self._add([(key, documents[doc_id]) for doc_id, key in zip(ids, wanted) if key not in self.spans])
        starts = numpy.fromiter((self.spans[key][0] for key in wanted), dtype=numpy.int64, count=len(wanted))
        ends = numpy.fromiter((self.spans[key][1] for key in wanted), dtype=numpy.int64, count=len(wanted))
        lengths = ends - starts
        # positions of every wanted run, in id order: each run's start plus 0, 1, … its length
        offsets = numpy.arange(int(lengths.sum())) - numpy.repeat(numpy.cumsum(lengths) - lengths, lengths)
        positions = numpy.repeat(starts, lengths) + offsets
        vocabulary = sorted(self.vocabulary)
        rank = numpy.empty(len(self.vocabulary), dtype=numpy.int64)
        rank[numpy.fromiter((self._number[t] for t in vocabulary), dtype=numpy.int64, count=len(vocabulary))] = \
            numpy.arange(len(vocabulary))
        rows = numpy.repeat(numpy.arange(len(ids)), lengths)
        columns = rank[self.numbers[positions]]
        values = self.counts[positions].astype(numpy.float64)
        counts = csr_matrix((values, (rows, columns)), shape=(len(ids), max(1, len(vocabulary))), dtype="float64")
        counts.sort_indices()
        return counts, vocabulary

    def _add(self, texts: list[tuple[str, Sequence[str]]]) -> None:
        numbers, counts = [self.numbers], [self.counts]
        end = len(self.numbers)
        for key, words in texts:
            tally = Counter(words)
            numbers.append(numpy.fromiter((self._term_number(t) for t in tally), dtype=numpy.int32, count=len(tally)))
            counts.append(numpy.fromiter(tally.values(), dtype=numpy.int32, count=len(tally)))
            self.spans[key] = (end, end + len(tally))
            end += len(tally)
        if texts:
            self.numbers, self.counts = numpy.concatenate(numbers), numpy.concatenate(counts)

    def _term_number(self, term: str) -> int:
        found = self._number.get(term)
        if found is None:
            found = self._number[term] = len(self.vocabulary)
            self.vocabulary.append(term)
        return found

    def _forget_stale(self, live: set[str]) -> None:
        """Drop the tallies of texts gone from the archive; when they held much of the arrays,
        start over (the live texts are counted again), so the arrays stay bounded."""
        stale = [key for key in self.spans if key not in live]
        if not stale:
            return
        for key in stale:
            del self.spans[key]
        kept = sum(end - start for start, end in self.spans.values())
        if kept < (1 - STALE_SHARE) * len(self.numbers):
            self.__init__()
