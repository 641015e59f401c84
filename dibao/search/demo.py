"""A standalone search page over a synthetic archive, for browser tests and demos.

``python -m dibao.search.demo OUT [COUNT]`` writes ``OUT/search/index.html`` (the
real partials), a stub page per article and ``OUT/search/``.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Sequence

import jinja2

from dibao.search.build import build_search
from dibao.search.docs import SearchDoc
from dibao.search.codec import write_text

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"

PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:16px/1.6 sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem}
mark{background:#fe6}.search-facet button[aria-pressed=true]{font-weight:bold}
.search-hit:focus{outline:2px solid #06c}.search-meta{color:#666;margin:0}
</style></head><body>
{% include "partials/search_box.html" %}
{% if search_page %}{% include "partials/search_results.html" %}{% else %}<h1>{{ title }}</h1><p>{{ body }}</p>{% endif %}
</body></html>
"""


def _env() -> jinja2.Environment:
    loader = jinja2.ChoiceLoader([jinja2.DictLoader({"page.html": PAGE}), jinja2.FileSystemLoader(TEMPLATES)])
    return jinja2.Environment(loader=loader, autoescape=True, keep_trailing_newline=True)


def write_demo(out: Path, docs: Sequence[SearchDoc]) -> None:
    """Search page, article stubs and index under ``out``."""
    page = _env().get_template("page.html")
    write_text(out / "search/index.html", page.render(root="../", search_page=True, title="搜索"))
    for doc in docs:
        root = "../" * doc.ref.count("/")
        write_text(out / doc.ref, page.render(root=root, search_page=False, title=doc.title, body=doc.body))
    build_search(docs, out / "search")


def main(argv: list[str]) -> None:
    from dibao.search.reference import odd_docs
    from dibao.search.synthetic import make_docs

    count = int(argv[1]) if len(argv) > 1 else 200
    write_demo(Path(argv[0]), make_docs(count, seed=7) + odd_docs())


if __name__ == "__main__":
    main(sys.argv[1:])
