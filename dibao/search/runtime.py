"""The browser runtime: read the hand-written source, write a minified copy.

The minifier only drops comment lines, indentation and blank lines: it never
has to understand JavaScript, so it cannot break it, and its output is a pure
function of the source.
"""
from __future__ import annotations

import gzip
from pathlib import Path

SOURCE = Path(__file__).resolve().parent / "search.js"


def minify(source: str) -> str:
    """Strip whole-line ``//`` comments, indentation and blank lines."""
    lines = (line.strip() for line in source.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//")) + "\n"


def runtime_js() -> str:
    """The minified runtime."""
    return minify(SOURCE.read_text(encoding="utf-8"))


def gzip_size(data: bytes) -> int:
    """Compressed size as a server would send it (fixed mtime: deterministic)."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def write_runtime(out_dir: Path) -> Path:
    """Write ``out_dir/search.js`` and return its path."""
    from dibao.search.shards import write_text

    path = Path(out_dir) / "search.js"
    write_text(path, runtime_js())
    return path
