"""Steps beside the render (the search index), run in a forked process while pages render.

An incremental build spends about as long on changed pages as on the search
index, both mostly Python, so on two cores running them side by side takes
the time of the longer one.  A full render does not: it already renders on
every core, and with the index beside it the two peaks of memory would add up.

The steps write only their own lasting folder (the search index's), which
publishing links into the staging folder once both are done.  A failure in the steps is raised in
the build process as the same exception; when rendering fails, the steps are
still waited for, so their folder is never left half-written by this process.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator, Sequence

from ..forking import beside

Step = Callable[[], object]


@contextmanager
def steps_beside(steps: Sequence[Step], concurrent: bool) -> Iterator[None]:
    """Run ``steps`` while the ``with`` body runs (in a forked process when ``concurrent``
    and the platform forks), else after it; both have finished when the block exits."""
    if not steps:
        yield
        return
    with beside(lambda: _run_all(steps), "search index", concurrent) as pending:
        yield
    pending.value()


def _run_all(steps: Sequence[Step]) -> None:
    for step in steps:
        step()
