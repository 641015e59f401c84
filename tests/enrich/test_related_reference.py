"""The array implementation of related articles against a plain, loop-by-loop reference."""
from __future__ import annotations

import math
import random
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from dibao.enrich.related import (MAX_DOC_SHARE, SHORTLIST, VECTOR_TERMS, distinct_rows, nth_best, related, shortlists,
                                  term_counts, unit_vectors, unsettled, vectors)


def reference_vectors(documents: dict[str, list[str]]) -> dict[str, dict[str, float]]:
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


def reference_related(documents: dict[str, list[str]], count: int) -> dict[str, tuple[str, ...]]:
    vecs = reference_vectors(documents)
    out = {}
    for a in sorted(documents):
        scores = {b: round(sum(w * vecs[b].get(t, 0.0) for t, w in vecs[a].items()), 9)
                  for b in documents if b != a}
        ranked = sorted((b for b, s in scores.items() if s > 0), key=lambda b: (-scores[b], b))
        out[a] = tuple(ranked[:count])
    return out


VOCABULARY = [f"词{n}" for n in range(40)] + ["警务", "改革", "禁毒", "反诈", "𠮷字"]
documents = st.dictionaries(st.from_regex(r"[a-c]/0[1-9]", fullmatch=True),
                            st.lists(st.sampled_from(VOCABULARY), max_size=30), max_size=12)


@settings(max_examples=150, deadline=None)
@given(documents, st.integers(min_value=1, max_value=6))
def test_related_equals_the_reference(docs, count):
    assert related(docs, count) == reference_related(docs, count)


@settings(max_examples=60, deadline=None)
@given(documents)
def test_vectors_equal_the_reference(docs):
    ours, theirs = vectors(docs), reference_vectors(docs)
    assert ours.keys() == theirs.keys()
    for doc_id in ours:
        assert ours[doc_id].keys() == theirs[doc_id].keys()
        assert all(math.isclose(ours[doc_id][t], theirs[doc_id][t], rel_tol=1e-12) for t in ours[doc_id])


def test_more_documents_than_a_block_and_long_vectors():
    rng = random.Random(7)
    words = [f"w{n}" for n in range(400)]
    docs = {f"i{n:04d}/01": [rng.choice(words) for _ in range(rng.randint(0, 150))] for n in range(700)}
    assert related(docs, 5) == reference_related(docs, 5)


def test_ties_at_the_shortlist_cut_are_ranked_in_full():
    """Forty copies of one text tie with each other: every shortlist ends inside the tie, so
    only the full ranking can give the smallest ids."""
    docs = {f"d{n:02d}/01": ["警务", "改革", "禁毒"] for n in range(40)}
    # others enough that the copies' words stay under the share of documents that drops a word
    docs.update({f"e{n:02d}/01": [f"词{n}", f"词{n + 1}", "禁毒"] for n in range(50)})
    matrix = unit_vectors(term_counts(sorted(docs), docs)[0])
    keep = 3 * SHORTLIST  # as related(docs, 2) first asks for its three best columns
    short = shortlists(matrix, matrix.T.tocsr(), keep)
    redo = unsettled(short, keep, nth_best(short, 3))
    assert set(redo.tolist()) >= set(range(40))  # every copy; the others may settle
    assert related(docs, 2) == reference_related(docs, 2)
    assert related(docs, 2)["d39/01"] == ("d00/01", "d01/01")


def test_shortlisted_and_full_rankings_agree_on_a_large_random_archive():
    rng = random.Random(11)
    words = [f"w{n}" for n in range(60)]  # few words: many near ties
    docs = {f"i{n:04d}/01": [rng.choice(words) for _ in range(rng.randint(1, 12))] for n in range(900)}
    assert related(docs, 3) == reference_related(docs, 3)


def test_equal_vectors_share_one_row():
    docs = {"a/01": ["禁毒", "宣传"], "b/01": ["反诈"], "c/01": ["宣传", "禁毒"], "d/01": [], "e/01": ["反诈"],
            "f/01": ["警务", "x", "y", "z"], "g/01": ["改革", "p", "q", "r"]}
    matrix = unit_vectors(term_counts(sorted(docs), docs)[0])
    row_of, distinct = distinct_rows(matrix)
    assert row_of.tolist() == [0, 1, 0, 2, 1, 3, 4]
    assert distinct.tolist() == [0, 1, 3, 5, 6]
