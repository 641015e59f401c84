"""Text evidence for re-attaching fragments: IDF-weighted Han bigram coverage.

Bigrams that recur across the whole issue (公安, 工作) carry little weight;
names and places, which recur only within one story, carry most of it.
"""
from __future__ import annotations

import math
from collections import Counter

from .patterns import bigrams


UNION_CACHE = 4096  #: article bigram sets kept at once


class Evidence:
    """Bigram document frequencies over the paragraphs of one issue."""

    def __init__(self, paragraphs: list[str], max_share: float = 1.0):
        self.docs = max(1, len(paragraphs))
        self.df = Counter(b for text in paragraphs for b in set(bigrams(text)))
        #: bigrams in more documents than this are too common to say where a text belongs
        self.max_df = max(3, int(self.docs * max_share))
        self._weights: dict[str, float] = {}
        self._grams: dict[str, frozenset[str]] = {}
        self._unions: dict[tuple[str, ...], frozenset[str]] = {}
        self._profiles: dict[str, tuple[tuple[str, ...], tuple[float, ...], float]] = {}

    def idf(self, gram: str) -> float:
        return math.log((self.docs + 1) / (self.df.get(gram, 0) + 0.5))

    def weight(self, gram: str) -> float:
        """Squared IDF, memoised: the fragment matcher asks for the same bigrams again and again."""
        cached = self._weights.get(gram)
        if cached is None:
            cached = self._weights[gram] = self.idf(gram) ** 2
        return cached

    def grams(self, text: str) -> frozenset[str]:
        """The bigram set of a text, memoised by the text itself (drafts grow, so their text changes)."""
        cached = self._grams.get(text)
        if cached is None:
            cached = self._grams[text] = frozenset(bigrams(text))
        return cached

    def union(self, texts: tuple[str, ...]) -> frozenset[str]:
        """The bigram set of an article given as its paragraphs, memoised: while fragments are scored
        the candidate articles do not change."""
        cached = self._unions.get(texts)
        if cached is None:
            if len(self._unions) > UNION_CACHE:
                self._unions.clear()  # articles that grew leave stale keys behind
            cached = self._unions[texts] = frozenset().union(*(self.grams(text) for text in texts))
        return cached

    def profile(self, fragment: str) -> tuple[tuple[str, ...], tuple[float, ...], float]:
        """(evidence bigrams, their weights, total weight) of a fragment, memoised.  Sorted so the
        float sums never depend on set order, which varies with PYTHONHASHSEED."""
        cached = self._profiles.get(fragment)
        if cached is None:
            grams = tuple(sorted(g for g in self.grams(fragment) if 2 <= self.df.get(g, 0) <= self.max_df))
            weights = tuple(self.weight(g) for g in grams)
            cached = self._profiles[fragment] = (grams, weights, sum(weights))
        return cached

    def coverage(self, fragment: str, article: str | list[str]) -> float:
        """Share of the fragment's evidence (squared IDF of the bigrams it shares with any other
        text) that the article also holds.  Bigrams found nowhere else say nothing about a home.
        ``article`` may be given as its list of paragraphs, whose bigram sets are memoised."""
        grams, weights, total = self.profile(fragment)
        if not total:
            return 0.0
        known = self.grams(article) if isinstance(article, str) else self.union(tuple(article))
        return sum(w for g, w in zip(grams, weights) if g in known) / total


def best_path(emissions: list[list[float]], switch_cost: float) -> list[int]:
    """Viterbi over paragraphs: which candidate each paragraph belongs to, changing rarely."""
    if not emissions:
        return []
    states = len(emissions[0])
    score = list(emissions[0])
    back: list[list[int]] = []
    for row in emissions[1:]:
        best_prev = max(range(states), key=lambda s: (score[s], -s))
        pointers, new = [], []
        for s in range(states):
            stay, switch = score[s], score[best_prev] - switch_cost
            pointers.append(s if stay >= switch else best_prev)
            new.append(max(stay, switch) + row[s])
        back.append(pointers)
        score = new
    state = max(range(states), key=lambda s: (score[s], -s))
    path = [state]
    for pointers in reversed(back):
        state = pointers[state]
        path.append(state)
    return path[::-1]
