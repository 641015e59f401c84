"""Probe hashes: what recognises an article that comes in again, pasted twice or re-OCR'd.

``build.py add`` refuses an issue most of whose articles share a probe with the archive
(:mod:`.adding`).  The build cache keeps each issue folder's probes beside its model
(:mod:`.cache`), so that check never has to decode the whole archive.
"""
from __future__ import annotations

import hashlib
import re

from .model import Article, Issue

NOT_HAN = re.compile(r"[^\u3400-\u9fff]+")
PROBE = 24  #: Han characters at the start and end of a body that identify an article


def probes(article: Article) -> set[str]:
    """Hashes of the first and the last ``PROBE`` Han characters; none for a shorter text."""
    text = NOT_HAN.sub("", article.text)
    if len(text) < PROBE:
        return set()
    return {hashlib.sha1(text[:PROBE].encode()).hexdigest(), hashlib.sha1(text[-PROBE:].encode()).hexdigest()}


def issue_probes(issue: Issue) -> frozenset[str]:
    """Every probe of every article of ``issue``."""
    return frozenset(probe for article in issue.articles for probe in probes(article))
