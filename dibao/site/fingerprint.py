"""Page fingerprints: a hash of everything a page's template can read.

A page whose fingerprint (plus the template set and the site config, which
the pipeline hashes separately) is unchanged since the last build renders to
the same bytes, so its old file is reused instead of rendered again.  Unknown
value types raise: a context value the fingerprint cannot see would make a
stale page possible, so it must be taught here first.
"""
from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path, PurePath
from typing import Any

from markupsafe import Markup

from ..model import Article, Issue
from .catalog import Brief, Entry, GroupHead
from .config import SiteConfig
from .listings import Pager
from .pages import IssueLink, Link, Page

SCALARS = (str, int, float, bool, type(None), Markup)  #: their repr is their fingerprint
#: dataclasses holding only scalars and tuples of scalars
PLAIN = (GroupHead, IssueLink, Link, Pager)
MODELS = (Brief, Entry, Article, Issue)
SMALL = 8  #: tuples of at most this many scalars are fingerprinted by their repr


class Fingerprinter:
    """Hashes context values, memoising shared objects (articles, entries) by identity."""

    def __init__(self, versions: dict | None = None, known: dict | None = None) -> None:
        """``versions``: issue id → a string naming the exact state its model was read from
        (the pipeline uses its folder's fingerprint); ``known``: digests of articles and issues
        under such versions from the last build.  Together they spare hashing 10,000 unchanged
        articles again.  :attr:`used` collects the digests to keep for the next build."""
        self.memo: dict[int, str] = {}
        self.keep: list[Any] = []  # memoised objects stay alive, so their ids cannot be reused
        self.versions = versions or {}
        self.known = known or {}
        self.used: dict[str, str] = {}

    def page_key(self, page: Page) -> str:
        """Covers the context only: what ``page.derive`` adds is computed from it.

        The context's own keys are taken in insertion order, which the code fixes."""
        value = self.value
        parts = [(k, value(v)) for k, v in page.context.items() if not callable(v)]
        return self.digest(repr((page.path, page.template, parts)))

    @staticmethod
    def digest(text: str) -> str:
        return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()

    def value(self, value: Any) -> Any:
        kind = type(value)
        if kind in SCALARS:
            return value
        if kind in PLAIN:  # flat views made for pages: their repr says everything
            return repr(value)
        if kind is tuple:  # immutable and often shared (a nav bar, an issue's entries)
            if len(value) <= SMALL and all(type(v) in SCALARS for v in value):
                return value  # a credit line, a count: its repr is cheaper than a memoised digest
            return self.shared(value)
        if kind is list:
            return [self.value(v) for v in value]
        if kind in MODELS:  # the commonest dataclasses, spared the checks below
            return self.shared(value)
        if isinstance(value, SCALARS):
            return str(value)
        if isinstance(value, PurePath):
            return str(value)
        if isinstance(value, dict):
            return sorted((str(k), self.value(v)) for k, v in value.items())
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return self.shared(value)
        if callable(value):
            return "<function>"  # url(): it depends on the page path, which is in the key
        raise TypeError(f"cannot fingerprint a {type(value).__name__} in a page context")

    def shared(self, obj: Any) -> str:
        key = id(obj)
        found = self.memo.get(key)
        if found is None:
            self.keep.append(obj)
            found = self.memo[key] = self.lasting(obj) or self.digest(self.describe(obj))
        return found

    def lasting(self, obj: Any) -> str:
        """The digest of an article or issue whose issue version is known, remembered across builds."""
        if isinstance(obj, Article):
            version, name = self.versions.get(obj.issue), f"{obj.issue}/{obj.order}"
        elif isinstance(obj, Issue):
            version, name = self.versions.get(obj.id), obj.id
        else:
            return ""
        if not version:
            return ""
        name = f"{version}:{name}"
        found = self.used[name] = self.known.get(name) or self.digest(self.describe(obj))
        return found

    def describe(self, obj: Any) -> str:
        if isinstance(obj, tuple):
            return repr([self.value(v) for v in obj])
        if isinstance(obj, Brief):  # one per article and build, on many lists: memoised
            return repr(obj)
        if isinstance(obj, Issue):  # its articles are fingerprinted through their own entries
            return repr(dataclasses.replace(obj, articles=(), lines=()))
        if isinstance(obj, Article):
            # ``related`` is left out: pages show related articles through their own ``related``
            # context value, so a changed list re-renders that page alone, not every list page
            return repr(dataclasses.replace(obj, related=()))
        if isinstance(obj, SiteConfig):
            # quiet changes what is printed, never a page; the folders' contents are in the render
            # key, and their absolute paths would make the marker differ from checkout to checkout
            obj = dataclasses.replace(obj, quiet=False, templates_dir=Path(), static_dir=Path())
        if isinstance(obj, Entry):
            return repr((obj.path, obj.id, self.shared(obj.article), self.shared(obj.issue)))
        fields = {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
        return repr((type(obj).__name__, self.value(fields)))
