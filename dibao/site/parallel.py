"""Rendering many pages on every core, with the same bytes as on one.

The pages to render are listed, in order, by the process that builds the
catalog; their paths are claimed in that order (so the site's manifest and
marker do not change).  Forked workers then render them in chunks and write
each file into the staging folder; every page renders from its own context
alone, so which worker rendered it changes nothing.  A failed page stops the
build as before: the worker's exception is raised here, and the staging
folder is thrown away by the site writer.
"""
from __future__ import annotations

import os

from jinja2 import Environment

from ..forking import can_fork, forking
from ..oserrors import named
from .pages import Page
from .writer import SiteWriter

PARALLEL_FROM = 2000  #: fewer pages than this render faster than workers start
CHUNK = 200  #: pages a worker takes at a time: small enough to keep both cores busy to the end

_rendering: "PendingPages | None" = None  #: what the forked workers render (inherited, not pickled)


class PendingPages:
    """Pages whose paths are claimed, still to be rendered and written."""

    def __init__(self, env: Environment, writer: SiteWriter):
        self.env, self.writer = env, writer
        self.pages: list[Page] = []

    def add(self, page: Page, key: str) -> None:
        self.writer.reserve(page.path, key)
        self.pages.append(page)

    def render(self, page: Page) -> int:
        """Render and write one page; its size in bytes."""
        html = self.env.get_template(page.template).render(page.full_context())
        return self.writer.store(page.path, html.encode("utf-8"))

    def finish(self) -> None:
        """Render every pending page (in worker processes when there are many) and record their sizes."""
        sizes = self._in_workers() if self._parallel() else [self.render(page) for page in self.pages]
        for page, size in zip(self.pages, sizes, strict=True):
            self.writer.record_size(page.path, size)
        self.pages = []

    def _parallel(self) -> bool:
        return len(self.pages) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1 and can_fork()

    def _in_workers(self) -> list[int]:
        global _rendering
        chunks = [(start, min(start + CHUNK, len(self.pages))) for start in range(0, len(self.pages), CHUNK)]
        _rendering = self
        try:
            with forking() as context, context.Pool(min(os.cpu_count() or 1, 4)) as pool:
                return [size for sizes in pool.imap(_render_chunk, chunks) for size in sizes]
        finally:
            _rendering = None


def _render_chunk(bounds: tuple[int, int]) -> list[int]:
    start, stop = bounds
    try:
        return [_rendering.render(page) for page in _rendering.pages[start:stop]]
    except OSError as exc:  # crosses to the build process by pickle, without the frames that name its path
        raise named(exc)
