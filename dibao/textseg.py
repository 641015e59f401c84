"""One configured jieba tokenizer for every stage (enrich, search, slugs).

jieba's module-level functions share one global dictionary that any import can
change; we build our own :class:`jieba.Tokenizer` instead, load the domain user
dictionary (``dibao/data/userdict.txt``, which allows ``#`` comments, so it is
read here rather than by ``Tokenizer.load_userdict``) into it once, and hand out
that same object.  The first call pays jieba's dictionary load (about a second); later
calls are free.
"""
from __future__ import annotations

import logging
import pathlib
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jieba

DATA = pathlib.Path(__file__).parent / "data"
USER_DICT = DATA / "userdict.txt"

_lock = threading.Lock()
_tokenizer: "jieba.Tokenizer | None" = None


def get_jieba() -> "jieba.Tokenizer":
    """The shared tokenizer with the domain dictionary loaded (idempotent).  jieba is imported
    here, on first use: a build that segments nothing need not pay for it."""
    import jieba

    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                jieba.setLogLevel(logging.WARNING)  # silence "Building prefix dict …"
                tokenizer = jieba.Tokenizer()
                tokenizer.initialize()
                for word, freq, tag in read_userdict(USER_DICT):
                    tokenizer.add_word(word, freq, tag)
                _tokenizer = tokenizer
    return _tokenizer


def read_userdict(path: pathlib.Path) -> list[tuple[str, int, str | None]]:
    """``word [freq [tag]]`` lines; ``#`` starts a comment.  Errors name file and line."""
    entries = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) > 3 or (len(parts) > 1 and not parts[1].isdigit()):
            raise ValueError(f"{path}:{number}: expected 'word [freq [tag]]', got {raw!r}")
        freq = int(parts[1]) if len(parts) > 1 else DEFAULT_FREQ
        entries.append((parts[0], freq, parts[2] if len(parts) > 2 else None))
    return entries


#: High enough that jieba keeps a domain term whole whatever surrounds it.
DEFAULT_FREQ = 20000


def cut(text: str) -> list[str]:
    """Words of ``text`` (precise mode, no HMM guessing, so the same text always
    splits the same way)."""
    return get_jieba().lcut(text, HMM=False)
