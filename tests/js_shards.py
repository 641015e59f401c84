"""Read a shard file written by the search builder (tests only)."""
from __future__ import annotations

import json
from pathlib import Path


def read_shard(path: Path):
    """The data of ``window.__dibaoSearch("key", data);``."""
    text = Path(path).read_text(encoding="utf-8")
    return json.loads("[" + text[text.index("(") + 1 : text.rindex(")")] + "]")[1]
