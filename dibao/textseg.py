"""One configured jieba tokenizer for every stage (slugs, enrichment, search).

jieba's global tokenizer is shared mutable state; a private ``jieba.Tokenizer``
loaded once with the domain dictionary keeps every stage segmenting alike.
"""
from __future__ import annotations

import functools
import logging
from pathlib import Path

import jieba

DATA = Path(__file__).parent / "data"
USER_DICT = DATA / "userdict.txt"


@functools.lru_cache(maxsize=1)
def get_jieba() -> jieba.Tokenizer:
    """The shared tokenizer, with the domain user dictionary when one is shipped."""
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    if USER_DICT.exists():
        tokenizer.load_userdict(str(USER_DICT))
    return tokenizer
