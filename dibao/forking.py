"""Forking worker processes from a build process that holds a large model.

Every place that forks (pages rendered on every core, the search index's
monthly parts counted in workers, the search index built beside the render)
goes through :func:`forking`, so all of them follow the same two rules: fork
only where the platform can, and first freeze the parent's objects out of the
cyclic garbage collector.  A forked worker's collector would otherwise walk,
and so copy, every page of the parent's memory.
"""
from __future__ import annotations

import contextlib
import gc
import multiprocessing
from typing import Iterator


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


@contextlib.contextmanager
def forking() -> Iterator[multiprocessing.context.BaseContext]:
    """The "fork" context, with every object alive now frozen for the block.  Objects that
    were frozen before (the build cache freezes what it decodes) stay frozen after it."""
    frozen_before = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        yield multiprocessing.get_context("fork")
    finally:
        if not frozen_before:
            gc.unfreeze()
