"""People credited in the archive: one person per name, across issues.

Slugs come from :func:`dibao.enrich.people.person_slug`, a pure function of the name;
the credits are read straight from the articles' name fields.
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from .catalog import Entry

ROLES = (("reporters", "记者"), ("correspondents", "通讯员"), ("authors", "作者"), ("photographers", "摄影"))


def article_people(entry: "Entry") -> list[tuple[str, str]]:
    """(name, role label) for every credit of one article, in byline order, each name once per role."""
    found = []
    for field_name, label in ROLES:
        for name in dict.fromkeys(getattr(entry.article, field_name)):
            if name.strip():
                found.append((name.strip(), label))
    return found


def credits(entries: Sequence["Entry"]) -> dict[str, tuple[list, Counter]]:
    """Name → (articles, role counts), names in order of first appearance in the archive."""
    result: dict[str, tuple[list, Counter]] = {}
    for entry in entries:
        for name, label in article_people(entry):
            found = result.get(name)
            if found is None:  # setdefault would make a Counter for every credit
                found = result[name] = ([], Counter())
            articles, roles = found
            if not articles or articles[-1] is not entry:
                articles.append(entry)
            roles[label] += 1
    return result
