"""The browser runtime: read the hand-written source, write a minified copy.

The minifier only drops comment lines, indentation and blank lines: it never
has to understand JavaScript, so it cannot break it, and its output is a pure
function of the source and the index's layout.
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path

SOURCE = Path(__file__).resolve().parent / "search.js"

#: The line of ``search.js`` the build replaces with the index's layout: how many shards, ``k/`` and
#: pinyin files there are, which the browser needs before the manifest arrives (it fetches both at once).
LAYOUT_LINE = "var LAYOUT = null;"


def minify(source: str) -> str:
    """Strip whole-line ``//`` comments, indentation and blank lines."""
    lines = (line.strip() for line in source.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//")) + "\n"


def runtime_js(layout: dict | None = None) -> str:
    """The minified runtime, with the layout of one index (the source's own when none is given)."""
    source = SOURCE.read_text(encoding="utf-8")
    if layout is not None:
        line = f"var LAYOUT = {json.dumps({k: layout[k] for k in ('shards', 'big', 'pinyin')})};"
        source = source.replace(LAYOUT_LINE, line)
    return minify(source)


def gzip_size(data: bytes) -> int:
    """Compressed size as a server would send it (fixed mtime: deterministic)."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def write_runtime(out_dir: Path, layout: dict | None = None) -> bool:
    """Write ``out_dir/search.js``; whether it changed."""
    from dibao.search.codec import write_text

    return write_text(Path(out_dir) / "search.js", runtime_js(layout))
