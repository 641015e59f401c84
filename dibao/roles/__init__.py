"""The line-role model: which lines open an article, finish its headline, carry its text.

``python -m dibao.roles.train`` fits it on pages with gold (see :mod:`.train`); the fitted
model ships as ``dibao/data/roles.crfsuite`` and :func:`tag_roles` applies it.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..model import Line
from .align import ROLES
from .features import line_features

MODEL = Path(__file__).resolve().parent.parent / "data" / "roles.crfsuite"

OPENING = ("kicker", "title", "lead")  #: roles that open an article

__all__ = ["MODEL", "OPENING", "ROLES", "Reading", "tag_roles"]


@lru_cache(maxsize=2)
def _model(path: str):
    """The CRF tagger and the boosters shipped beside it (None for a CRF trained without them)."""
    import pycrfsuite

    from .boost import Boosters, boost_path

    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    boosted = boost_path(Path(path))
    return tagger, Boosters.loads(boosted.read_text(encoding="utf-8")) if boosted.exists() else None


@dataclass(frozen=True)
class Reading:
    """The model's reading of a page: each line's role, how sure it is of it, and how likely
    the line is to open an article (marginal probabilities)."""

    roles: tuple[str, ...]
    sure: tuple[float, ...]
    opens: tuple[float, ...]
    displaced: tuple[float, ...]  #: probability that the line starts a piece of an earlier article


def tag_roles(lines: tuple[Line, ...], rule_kinds: list[tuple[str, ...]]) -> Reading:
    """The most likely role of every line (Viterbi over the whole page).  ``DIBAO_ROLES_MODEL``
    names another model file: cross-validation parses a held-out month with a model that
    never saw it."""
    return read_page(lines, rule_kinds, Path(os.environ.get("DIBAO_ROLES_MODEL") or MODEL))


def read_page(lines: tuple[Line, ...], rule_kinds: list[tuple[str, ...]], model: Path) -> Reading:
    from .boost import stacked

    if not lines:
        return Reading((), (), (), ())
    tagger, boosters = _model(str(model))
    rows = line_features(lines, rule_kinds)
    roles = tuple(tagger.tag(stacked(rows, boosters.predict(rows)) if boosters else rows))
    sure = tuple(tagger.marginal(role, i) for i, role in enumerate(roles))
    labels = set(tagger.labels())
    known = [r for r in OPENING if r in labels]
    opens = tuple(sum(tagger.marginal(r, i) for r in known) for i in range(len(roles)))
    displaced = tuple(tagger.marginal("fragment", i) if "fragment" in labels else 0.0 for i in range(len(roles)))
    return Reading(roles, sure, opens, displaced)
