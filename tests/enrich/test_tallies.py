"""Term tallies kept across builds give exactly the matrix, vectors and lists of a fresh count."""
from __future__ import annotations

import pickle
import random

import numpy
from hypothesis import given, settings
from hypothesis import strategies as st

from dibao.enrich.related import related, term_counts, unit_vectors
from dibao.enrich.tallies import TermTallies

VOCABULARY = [f"词{n}" for n in range(30)] + ["警务", "改革", "禁毒", "反诈", "𠮷字", "a", "B"]
documents = st.dictionaries(st.from_regex(r"[a-c]/0[1-9]", fullmatch=True),
                            st.lists(st.sampled_from(VOCABULARY), max_size=25), min_size=1, max_size=12)


def keys_of(docs: dict[str, list[str]]) -> dict[str, str]:
    """A terms key per document, as the pipeline's: equal texts share one."""
    return {doc_id: "|".join(words) for doc_id, words in docs.items()}


def assert_same_as_fresh(docs: dict[str, list[str]], tallies: TermTallies) -> None:
    ids = sorted(docs)
    fresh, _ = term_counts(ids, docs)
    kept, vocabulary = tallies.matrix(ids, keys_of(docs), docs)
    # the same counts, the same terms per row, the same column order within each row
    assert numpy.array_equal(fresh.indptr, kept.indptr)
    assert numpy.array_equal(fresh.data, kept.data)
    live = sorted({t for words in docs.values() for t in words})
    assert [live.index(vocabulary[c]) for c in kept.indices] == list(fresh.indices)
    a, b = unit_vectors(fresh), unit_vectors(kept)
    assert numpy.array_equal(a.data, b.data) and numpy.array_equal(a.indptr, b.indptr)


@settings(max_examples=80, deadline=None)
@given(documents, documents)
def test_tallies_warmed_by_another_archive_match_a_fresh_count(first, second):
    tallies = TermTallies()
    tallies.matrix(sorted(first), keys_of(first), first)  # numbers terms in another order, leaves stale texts
    tallies = pickle.loads(pickle.dumps(tallies))  # as the build cache keeps them
    assert_same_as_fresh(second, tallies)
    assert related(second, 3, tallies, keys_of(second)) == related(second, 3)


def test_texts_seen_before_are_not_read_again():
    docs = {"a/01": ["警务", "改革", "警务"], "b/01": ["禁毒", "改革"]}
    tallies = TermTallies()
    tallies.matrix(sorted(docs), keys_of(docs), docs)

    class Unreadable(dict):
        def __getitem__(self, key):
            raise AssertionError(f"{key} read again")

    kept, vocabulary = tallies.matrix(sorted(docs), keys_of(docs), Unreadable(docs))
    assert {vocabulary[c]: v for c, v in zip(kept[0].indices, kept[0].data)} == {"警务": 2.0, "改革": 1.0}


def test_stale_tallies_are_dropped_and_the_arrays_stay_bounded():
    rng = random.Random(3)
    tallies = TermTallies()
    for build in range(30):  # every build replaces most texts, as if edited
        docs = {f"i{n}/01": [rng.choice(VOCABULARY) for _ in range(20)] + [f"t{build}"] for n in range(40)}
        assert_same_as_fresh(docs, tallies)
        assert set(tallies.spans) == set(keys_of(docs).values())
        assert len(tallies.numbers) <= 2 * sum(len(set(w)) for w in docs.values())
        assert len(tallies.vocabulary) <= 2 * len({t for w in docs.values() for t in w}) + 40


def test_a_large_archive_gives_the_same_lists():
    rng = random.Random(11)
    words = [f"w{n}" for n in range(500)]
    docs = {f"i{n:04d}/01": [rng.choice(words) for _ in range(rng.randint(0, 120))] for n in range(900)}
    tallies = TermTallies()
    tallies.matrix(sorted(docs)[::2], keys_of(docs), docs)
    assert related(docs, 5, tallies, keys_of(docs)) == related(docs, 5)
