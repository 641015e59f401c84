"""Forking worker processes from a build process that holds a large model.

Every place that forks (pages rendered on every core, the search index's
monthly parts counted in workers, the search index built beside the render)
goes through :func:`forking`, so all of them follow the same two rules: fork
only where the platform can, and first freeze the parent's objects out of the
cyclic garbage collector (:func:`frozen`).  A forked worker's collector would
otherwise walk, and so copy, every page of the parent's memory.
"""
from __future__ import annotations

import contextlib
import gc
import multiprocessing
from typing import Iterator


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


@contextlib.contextmanager
def frozen() -> Iterator[None]:
    """Every object alive now frozen out of the cyclic garbage collector for the block: a
    forked worker then never walks the parent's pages, and a stage that allocates heavily
    (the search index) does not walk the long-lived model again at each collection.  Objects
    that were frozen before (the build cache freezes what it decodes) stay frozen after it."""
    frozen_before = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        yield
    finally:
        if not frozen_before:
            gc.unfreeze()


@contextlib.contextmanager
def forking() -> Iterator[multiprocessing.context.BaseContext]:
    """The "fork" context, with the objects alive now :func:`frozen` for the block."""
    with frozen():
        yield multiprocessing.get_context("fork")
