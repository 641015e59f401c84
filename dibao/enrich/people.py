"""People: everyone named in bylines and photo credits, one record per name.

The same name across issues is one person (we cannot tell namesakes apart from
a byline).  Slugs are pinyin, surname first (``liu-zhiyue``); surnames with a
special reading come from ``surnames.txt`` (解 is xie).  Two names with the
same pinyin get tone numbers (``liu2-huan1``), and if even that collides, a
short hash of the name: the result depends only on the set of names.
"""
from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from ..model import Issue
from .gazetteer import DATA

if TYPE_CHECKING:
    from pypinyin import Style

ROLES = (("reporters", "reporter"), ("correspondents", "correspondent"), ("authors", "author"),
         ("photographers", "photographer"))


@dataclass(frozen=True)
class Person:
    """A reporter, correspondent, author or photographer."""

    name: str  #: as printed (刘志月)
    slug: str  #: pinyin, unique among all people (liu-zhiyue)
    roles: tuple[str, ...]  #: ``reporter`` | ``correspondent`` | ``author`` | ``photographer``, sorted
    articles: tuple[str, ...]  #: ids (``issue/NN``) of their articles, sorted


@functools.lru_cache(maxsize=1)
def surnames() -> dict[str, list[str]]:
    table = {}
    for line in (DATA / "surnames.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            surname, *syllables = line.split()
            table[surname] = syllables
    return table


def name_pinyin(name: str, style: Style | None = None) -> tuple[list[str], list[str]]:
    """(surname syllables, given-name syllables); ``style`` defaults to pypinyin's plain style."""
    from pypinyin import Style, lazy_pinyin  # pypinyin's tables cost a quarter second to import

    style = Style.NORMAL if style is None else style
    table = surnames()
    surname = name[:2] if name[:2] in table and len(name) > 2 else name[:1]
    if surname in table and style == Style.NORMAL:
        family = table[surname]
    else:
        family = lazy_pinyin(surname, style=style, errors="ignore")
    return family, lazy_pinyin(name[len(surname):], style=style, errors="ignore")


def plain_slug(name: str, style: Style | None = None) -> str:
    family, given = name_pinyin(name, style)
    parts = ["".join(family), "".join(given)]
    return "-".join(p for p in parts if p).lower() or "person"


def person_slug(name: str) -> str:
    """``liu-zhiyue-8c1f``: pinyin, then four hex digits of the name's hash.

    A pure function of the name, so a person's URL never moves when issues that
    credit a homophone (刘欢 and 柳欢) arrive later, in any order."""
    return f"{plain_slug(name)}-{hashlib.sha1(name.encode('utf-8')).hexdigest()[:4]}"


def assign_slugs(names: list[str]) -> dict[str, str]:
    """A unique slug per name, independent of the order names arrive in and of other names."""
    return {name: person_slug(name) for name in sorted(set(names))}


def people_index(issues: Sequence[Issue]) -> tuple[Person, ...]:
    """Every person of the archive, sorted by slug."""
    from . import article_id  # late import: the package imports this module

    roles: dict[str, set[str]] = {}
    articles: dict[str, set[str]] = {}
    for issue in issues:
        for article in issue.articles:
            for field, role in ROLES:
                for name in getattr(article, field):
                    name = name.strip()
                    if name:
                        roles.setdefault(name, set()).add(role)
                        articles.setdefault(name, set()).add(article_id(article))
    slugs = assign_slugs(list(roles))
    people = [Person(n, slugs[n], tuple(sorted(roles[n])), tuple(sorted(articles[n]))) for n in roles]
    return tuple(sorted(people, key=lambda p: p.slug))
