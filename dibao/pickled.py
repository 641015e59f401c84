"""Build-state files (caches, records, journals): written whole or not at all, read back as None
when they cannot be used.

Every such file is a cache or a record of the last build, so a missing, truncated or foreign
one (written by other code) only means the work is done again: it is never an error.
"""
from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any

from . import crashpoints

#: What unpickling a missing, cut-short or foreign file raises.
UNREADABLE = (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError)


def save(path: Path, value: Any, point: str | None = None) -> None:
    """Pickle ``value`` beside ``path`` and rename it over: a reader finds the old file or the
    new one, never half of one.  ``point``: the crash point between the two (:mod:`.crashpoints`)."""
    temp = path.with_name(f".{path.name}.tmp")
    temp.parent.mkdir(parents=True, exist_ok=True)  # an archive of no issue has made no part folder yet
    with temp.open("wb") as stream:
        pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
    if point:
        crashpoints.reached(point)
    os.replace(temp, path)


def load(path: Path | None) -> Any:
    """What ``path`` holds, or None when there is no usable file."""
    if path is None:
        return None
    try:
        with path.open("rb") as stream:
            return pickle.load(stream)
    except UNREADABLE:
        return None
