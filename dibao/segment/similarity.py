"""Text evidence for re-attaching fragments: IDF-weighted Han bigram coverage.

Bigrams that recur across the whole issue (公安, 工作) carry little weight;
names and places, which recur only within one story, carry most of it.
"""
from __future__ import annotations

import math
from collections import Counter

from .patterns import bigrams


class Evidence:
    """Bigram document frequencies over the paragraphs of one issue."""

    def __init__(self, paragraphs: list[str], max_share: float = 1.0):
        self.docs = max(1, len(paragraphs))
        self.df = Counter(b for text in paragraphs for b in set(bigrams(text)))
        #: bigrams in more documents than this are too common to say where a text belongs
        self.max_df = max(3, int(self.docs * max_share))

    def idf(self, gram: str) -> float:
        return math.log((self.docs + 1) / (self.df.get(gram, 0) + 0.5))

    def coverage(self, fragment: str, article: str) -> float:
        """Share of the fragment's evidence (squared IDF of the bigrams it shares with any other
        text) that the article also holds.  Bigrams found nowhere else say nothing about a home."""
        grams = {g for g in bigrams(fragment) if 2 <= self.df.get(g, 0) <= self.max_df}
        if not grams:
            return 0.0
        known = set(bigrams(article))
        total = sum(self.idf(g) ** 2 for g in grams)
        return sum(self.idf(g) ** 2 for g in grams & known) / total if total else 0.0


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
