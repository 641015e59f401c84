"""Named crash points: where a test may kill a build, the way TiKV's fail points and SQLite's crash
tests do.

Every place a build writes state (state.json, the build cache, content files, the search index's
folder, the staging folder, the journal, the swap) calls :func:`reached` with the name of its point.
Unless the environment variable :data:`ENV` names that point, the call does nothing.  With
``DIBAO_CRASH_AT=point:N`` the process sends itself SIGKILL the N-th time it passes the point (N
defaults to 1): nothing is flushed, no ``finally`` runs, exactly as after ``kill -9``.  With
:data:`GROUP_ENV` set too, the whole process group goes (a build's forked workers with it); the
crash tests run each build as the leader of a group of its own.

``tests/publish/test_crash_points.py`` kills a build at each point in turn and checks that the
next build heals: see ``docs/publishing.md``.
"""
from __future__ import annotations

import os
import signal

ENV = "DIBAO_CRASH_AT"
GROUP_ENV = "DIBAO_CRASH_GROUP"

#: Every point, with where it is: a point not listed here cannot be reached (a typo is an error).
POINTS = {
    "content-file": "a content file replaced (each one); its old version kept in the undo log",
    "content-removed": "a content file removed (each one); its old version kept in the undo log",
    "state-json": "the new state.json written beside the old one, not yet renamed over it",
    "content-committed": "the content changes committed (state.json renamed), the undo log not yet dropped",
    "build-cache": "the build cache's model written beside the old one, not yet renamed over it",
    "search-part": "a part of the search index written into its folder (each one)",
    "search-state": "the search index's folder complete, its state about to be saved",
    "staging": "the changed pages rendered into the staging folder, the unchanged ones being linked",
    "site-record": "the record of the new site saved, the site not yet staged in full",
    "journal": "the journal committed: the staging folder holds the whole new site",
    "swap": "site/ and the staging folder about to change places",
    "swapped": "site/ is the new site; the old one not yet deleted",
    "published": "the new site published and its record kept; the build cache not yet told",
}

_passes: dict[str, int] = {}


def reached(name: str) -> None:
    """Crash here if the environment says so (see the module docstring)."""
    if name not in POINTS:
        raise KeyError(f"unknown crash point {name!r}")
    armed = os.environ.get(ENV)
    if not armed:
        return
    point, _, hit = armed.partition(":")
    if point != name:
        return
    _passes[name] = _passes.get(name, 0) + 1
    if _passes[name] == int(hit or 1):
        if os.environ.get(GROUP_ENV):
            os.killpg(os.getpgrp(), signal.SIGKILL)
        os.kill(os.getpid(), signal.SIGKILL)
