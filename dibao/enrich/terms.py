"""Terms of a text: jieba words worth indexing, and keywords by jieba's TF-IDF.

Keywords use the IDF table that ships with jieba (a general Chinese corpus), so
an article's keywords do not change when other articles arrive.  Related
articles use IDF over the archive instead (see :mod:`.related`).
"""
from __future__ import annotations

import functools
import re
from collections import Counter


from ..textseg import get_jieba
from .gazetteer import DATA, Gazetteer, read_words

HAS_WORD = re.compile(r"[\u3400-\u9fffA-Za-z]")
NUMBERISH = re.compile(r"^[\d０-９.%％]+[\u4e00-\u9fff]?$|^第")


def stopwords() -> frozenset[str]:
    return read_words(DATA / "stopwords.txt")


@functools.lru_cache(maxsize=1)
def jieba_idf() -> tuple[dict[str, float], float]:
    """jieba's IDF table and its median (the IDF of unknown words)."""
    # jieba.analyse loads its table (about 1.7 s) on import: only when keywords are wanted
    import jieba.analyse

    return jieba.analyse.default_tfidf.idf_freq, jieba.analyse.default_tfidf.median_idf


def terms(text: str, gazetteer: Gazetteer | None = None) -> list[str]:
    """Content words of ``text`` in order: two or more characters, no numbers, no stop words,
    and no place names when a gazetteer is given (places have their own front-matter keys)."""
    stop = stopwords()
    places = gazetteer.forms if gazetteer is not None else {}
    return [w for w in get_jieba().cut(text, HMM=False)
            if len(w) >= 2 and HAS_WORD.search(w) and not NUMBERISH.match(w) and w not in stop and w not in places]


def keywords(words: list[str], count: int) -> tuple[str, ...]:
    """The ``count`` words with the highest TF × IDF (ties by the word itself)."""
    idf, median = jieba_idf()
    tf = Counter(words)
    score = {w: n * idf.get(w, median) for w, n in tf.items()}
    return tuple(sorted(score, key=lambda w: (-score[w], w))[:count])
