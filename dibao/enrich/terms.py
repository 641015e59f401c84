"""Terms of a text: jieba words worth indexing, and keywords by jieba's TF-IDF.

Keywords use the IDF table that ships with jieba (a general Chinese corpus), so
an article's keywords do not change when other articles arrive.  Related
articles use IDF over the archive instead (see :mod:`.related`).
"""
from __future__ import annotations

import functools
import os
import pickle
import re
import tempfile
from collections import Counter
from pathlib import Path


from ..textseg import cut
from .gazetteer import DATA, Gazetteer, read_words

HAS_WORD = re.compile(r"[\u3400-\u9fffA-Za-z]")
NUMBERISH = re.compile(r"^[\d０-９.%％]+[\u4e00-\u9fff]?$|^第")


def stopwords() -> frozenset[str]:
    return read_words(DATA / "stopwords.txt")


@functools.lru_cache(maxsize=1)
def jieba_idf() -> tuple[dict[str, float], float]:
    """jieba's IDF table (``analyse/idf.txt``, ``word idf`` per line) and its median, the IDF
    of unknown words.

    Importing ``jieba.analyse`` to get it took about a second, paid by every build that parses
    even one issue; the table is kept as a pickle next to jieba's own dictionary cache."""
    import jieba

    source = Path(jieba.__file__).parent / "analyse" / "idf.txt"
    stat = source.stat()
    cached = Path(tempfile.gettempdir()) / f"dibao-jieba-idf-{stat.st_size}-{stat.st_mtime_ns}.pickle"
    try:
        with cached.open("rb") as stream:
            return pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError):
        pass
    table = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        word, _, value = line.strip().partition(" ")
        if value:
            table[word] = float(value)
    values = sorted(table.values())
    found = table, values[len(values) // 2] if values else 0.0
    temp = cached.with_name(f"{cached.name}.{os.getpid()}")
    try:
        temp.write_bytes(pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))
        temp.replace(cached)
    except OSError:
        pass  # a read-only temp folder only costs the parse next time
    return found


def terms(text: str, gazetteer: Gazetteer | None = None) -> list[str]:
    """Content words of ``text`` in order: two or more characters, no numbers, no stop words,
    and no place names when a gazetteer is given (places have their own front-matter keys)."""
    stop = stopwords()
    places = gazetteer.forms if gazetteer is not None else {}
    return [w for w in cut(text)
            if len(w) >= 2 and HAS_WORD.search(w) and not NUMBERISH.match(w) and w not in stop and w not in places]


def keywords(words: list[str], count: int) -> tuple[str, ...]:
    """The ``count`` words with the highest TF × IDF (ties by the word itself)."""
    idf, median = jieba_idf()
    tf = Counter(words)
    score = {w: n * idf.get(w, median) for w, n in tf.items()}
    return tuple(sorted(score, key=lambda w: (-score[w], w))[:count])
