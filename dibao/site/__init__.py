"""The render stage: content (as model objects) → the files of a static site that works anywhere.

Entry point::

    render_site(issues, folder, config, previous, memo) -> RenderStats

It only makes files into the folder it is given.  With ``previous`` (the fingerprints of the
files of the site in place) it writes only the files whose fingerprint changed, and reports which
(``RenderStats.staged``): publishing (:mod:`dibao.publish`) takes the others over from the site.
"""
from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Sequence

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..model import Issue
from .catalog import build_catalog
from .config import RenderMemo, RenderStats, SiteConfig, site_config_from
from .export import write_exports
from .feeds import write_feeds, write_sitemap
from .families import PageWriter, write_groups, write_issues
from .fingerprint import Fingerprinter
from .pages import all_pages
from .editions import paper_slug
from .views import bare_subtitle
from .writer import OutputError, SiteWriter

__all__ = ["render_site", "SiteConfig", "RenderMemo", "RenderStats", "OutputError", "site_config_from"]


def make_env(config: SiteConfig) -> Environment:
    """Autoescape on for every template, HTML and XML alike; undefined names are errors."""
    env = Environment(loader=FileSystemLoader(str(config.templates_dir)), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["bare_subtitle"] = bare_subtitle
    env.filters["paper_key"] = paper_slug
    return env


def render_site(issues: Sequence[Issue], out_dir: Path, config: SiteConfig, previous: dict | None = None,
                memo: RenderMemo | None = None, versions: dict | None = None) -> RenderStats:
    """Write the site into ``out_dir`` (created if missing; expected empty).

    With ``previous`` (site path → (fingerprint, size) of the last site's files) only files whose
    fingerprint changed are written.  ``memo``: what the render that made those files kept
    (:class:`.config.RenderMemo`); the new one is in the stats.  ``versions`` (issue id → the
    state its model was read from) lets article digests and export lines be reused."""
    started = time.perf_counter()
    memo = memo or RenderMemo()
    version = slug_code_version()
    catalog = build_catalog(issues, slugs=memo.person_slugs[1] if memo.person_slugs[0] == version else {})
    writer = SiteWriter(Path(out_dir), previous)
    prints = Fingerprinter(versions, memo.digests)
    pages = PageWriter(make_env(config), writer, prints)
    for page in all_pages(catalog, config, with_groups=False, with_issues=False):
        pages.put(page)
    issue_families = write_issues(catalog, config, pages, memo.issue_families if previous else {}, versions or {})
    families = write_groups(catalog, config, pages, memo.families if previous else {})
    pages.finish()
    paths = pages.paths
    write_feeds(writer, catalog, config)
    write_sitemap(writer, config, paths)
    chunks = write_exports(writer, catalog, memo.export_chunks, versions)
    writer.copy_tree(Path(config.static_dir), "static")
    icon = Path(config.static_dir) / "favicon.ico"
    if icon.is_file():  # browsers ask the site's root for it whatever the pages link
        writer.write("favicon.ico", icon.read_bytes())
    writer.write(".nojekyll", "")
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    kept = RenderMemo((version, {g.name: g.slug for g in catalog.people}), prints.used, issue_families, families,
                      chunks)
    return RenderStats(issues=len(catalog.issues), articles=len(catalog.entries), pages=len(paths),
                       files=len(writer.files), bytes=writer.total_bytes,
                       seconds=time.perf_counter() - started, reused=pages.reused,
                       manifest=writer.files, staged=tuple(writer.staged), memo=kept)


def slug_code_version() -> str:
    """Person slugs memoised by an earlier build are valid only under the same slug code."""
    from .. import slugs
    from ..enrich import people

    return hashlib.blake2b(b"".join(Path(m.__file__).read_bytes() for m in (people, slugs)),
                           digest_size=8).hexdigest()
