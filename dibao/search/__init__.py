"""Prebuilt Chinese full-text search: sharded lunr index plus a small browser runtime.

See ``dibao/search/README.md`` for the file layout and the markup hook.
"""
from dibao.search.build import SearchStats, build_search
from dibao.search.docs import SearchDoc, docs_from_issues

__all__ = ["SearchDoc", "SearchStats", "build_search", "docs_from_issues"]
