"""Rendering pages, and skipping whole families of them.

A region, theme or person has several pages (its list, paginated).  They depend only on
the group itself (name, slug, description, counts), on what its lists show of each article
(:class:`.catalog.Brief`) and on the site settings.  When the fingerprint of all that is the
one the last build recorded, the group keeps every page it had without even building them:
18,000 person pages cost nothing on a rebuild.

An issue's page and its articles' pages likewise depend on the issue folder (named by its
version, see :class:`.fingerprint.Fingerprinter`), on the site settings and on the little
they show of the rest of the archive (:func:`.pages.issue_neighbours`,
:func:`.pages.article_refs`): when none of that changed, 11,000 article pages are kept
without building or fingerprinting their contexts.
"""
from __future__ import annotations

from typing import Callable, Iterable

from jinja2 import Environment

from .catalog import Catalog, Group
from .config import SiteConfig
from .fingerprint import Fingerprinter
from .archive import papers_filter
from .listings import group_pages
from .pages import Page, article_refs, group_links, issue_neighbours, issue_pages
from .parallel import PendingPages
from .writer import Progress, SiteWriter


class PageWriter:
    """Renders a page unless its fingerprint says the site already holds it."""

    def __init__(self, env: Environment, writer: SiteWriter, prints: Fingerprinter):
        self.writer, self.prints = writer, prints
        self.pending = PendingPages(env, writer)
        self.paths: list[str] = []  #: every page path, in the order produced
        self.reused = 0

    def put(self, page: Page) -> None:
        """Keep the page, or claim its path for rendering by :meth:`finish`."""
        key = self.prints.page_key(page)
        if self.writer.unchanged(page.path, key):
            self.reused += 1
        else:
            self.pending.add(page, key)
        self.paths.append(page.path)

    def finish(self) -> None:
        """Render the pages put so far (see :mod:`.parallel`)."""
        self.pending.finish()

    def family(self, kept: tuple[str, ...] | None, make: Callable[[], Iterable[Page]]) -> tuple[str, ...]:
        """The paths of one family of pages: those of the last build (``kept``) taken over
        unchanged when the site still has them all, else the pages ``make`` builds, put one by one."""
        start = len(self.paths)
        if kept and all(path in self.writer.previous for path in kept):
            for path in kept:  # their fingerprints stay as recorded
                self.writer.unchanged(path, self.writer.previous[path][0])
            self.paths.extend(kept)
            self.reused += len(kept)
        else:
            for page in make():
                self.put(page)
        return tuple(self.paths[start:])


def group_key(prints: Fingerprinter, group: Group, catalog: Catalog, config: SiteConfig, papers: list) -> str:
    """Everything :func:`.listings.group_pages` reads."""
    return prints.digest(repr((prints.value(config), repr(group.head), group.folder, papers,
                               [prints.shared(catalog.briefs[e.id]) for e in group.entries])))


def write_groups(catalog: Catalog, config: SiteConfig, pages: PageWriter, families: dict) -> dict:
    """Write (or keep) the pages of every group; returns group fingerprint → its page paths,
    the ``families`` of the next build."""
    groups = (*catalog.regions, *catalog.themes, *catalog.people)
    progress = Progress(len(groups), config.quiet, label="groups")
    found: dict[str, tuple[str, ...]] = {}
    papers = papers_filter(catalog)
    for group in groups:
        key = group_key(pages.prints, group, catalog, config, papers)
        found[key] = pages.family(families.get(key), lambda: group_pages(group, config, catalog.briefs, papers))
        progress.advance()
    return found


def issue_key(prints: Fingerprinter, catalog: Catalog, config: SiteConfig, index: int, links: dict,
              version: str) -> str:
    """Everything :func:`.pages.issue_pages` reads: the issue folder (``version``), the settings,
    and what the pages show of other issues and of groups."""
    issue_entry = catalog.issues[index]
    outside = [prints.value(issue_neighbours(catalog, index))]
    outside.extend(prints.value(article_refs(catalog, entry, links)) for entry in issue_entry.entries)
    # the id too: a version names a folder's files (names, sizes, mtimes), not which folder it is
    return prints.digest(repr((issue_entry.issue.id, version, prints.value(config), outside)))


def write_issues(catalog: Catalog, config: SiteConfig, pages: PageWriter, families: dict, versions: dict) -> dict:
    """Write (or keep) each issue's page and its articles' pages; returns issue fingerprint →
    its page paths, the ``families`` of the next build.  An issue without a version (its
    folder's state unknown) is always built page by page."""
    links = group_links(catalog)
    found: dict[str, tuple[str, ...]] = {}
    for index, issue_entry in enumerate(catalog.issues):
        version = versions.get(issue_entry.issue.id)
        key = issue_key(pages.prints, catalog, config, index, links, version) if version else ""
        paths = pages.family(families.get(key) if key else None, lambda: issue_pages(catalog, config, index, links))
        if key:
            found[key] = paths
    return found
