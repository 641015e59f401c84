"""The render stage: content (as model objects) → a static site that works anywhere.

Entry points::

    render_site(issues, out_dir, config) -> RenderStats            # writes into an empty/new folder
    write_site_atomically(issues, out_dir, config, ...) -> RenderStats  # updates a site in place, crash-safe
"""
from __future__ import annotations

import hashlib
import shutil
import sys
import time
from pathlib import Path
from typing import Callable, Sequence

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..model import Issue
from .beside import steps_beside
from .catalog import build_catalog
from .config import RenderStats, SiteConfig, site_config_from
from .export import write_exports
from .feeds import write_feeds, write_sitemap
from .families import PageWriter, write_groups, write_issues
from .fingerprint import Fingerprinter
from .pages import all_pages
from .editions import paper_slug
from .views import bare_subtitle
from .update import (Journal, SiteRecord, apply_journal, commit, load_chunks, load_record, mirror, prune_records,
                     recover, save_chunks, save_record, staging_dir_for, write_marker)
from .writer import MARKER, OutputError, SiteWriter, check_replaceable

__all__ = ["render_site", "write_site_atomically", "site_is_current", "SiteConfig", "RenderStats", "OutputError", "site_config_from"]


def make_env(config: SiteConfig) -> Environment:
    """Autoescape on for every template, HTML and XML alike; undefined names are errors."""
    env = Environment(loader=FileSystemLoader(str(config.templates_dir)), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["bare_subtitle"] = bare_subtitle
    env.filters["paper_key"] = paper_slug
    return env


def render_site(issues: Sequence[Issue], out_dir: Path, config: SiteConfig,
                previous: SiteRecord | None = None, memo: dict | None = None,
                versions: dict | None = None) -> RenderStats:
    """Write the site into ``out_dir`` (created if missing; expected empty).

    With ``previous`` (the record of the site the last build left), only files whose
    fingerprint changed are written: ``out_dir`` is then a staging folder (see :mod:`.update`).
    ``memo`` keeps values across builds (person slugs, article digests); it is updated in place.
    ``versions`` (issue id → the state its model was read from) lets article digests be reused."""
    started = time.perf_counter()
    memo = {} if memo is None else memo
    version = slug_code_version()
    known = memo.get("person_slugs", ("", {}))
    catalog = build_catalog(issues, slugs=known[1] if known[0] == version else {})
    memo["person_slugs"] = (version, {g.name: g.slug for g in catalog.people})
    writer = SiteWriter(Path(out_dir), previous.files if previous else None)
    prints = Fingerprinter(versions, memo.get("digests"))
    pages = PageWriter(make_env(config), writer, prints)
    for page in all_pages(catalog, config, with_groups=False, with_issues=False):
        pages.put(page)
    memo["issue_families"] = write_issues(catalog, config, pages, memo.get("issue_families", {}) if previous else {},
                                          versions or {})
    memo["families"] = write_groups(catalog, config, pages, memo.get("families", {}) if previous else {})
    pages.finish()
    memo["digests"] = prints.used
    paths = pages.paths
    write_feeds(writer, catalog, config)
    write_sitemap(writer, config, paths)
    memo["export_chunks"] = write_exports(writer, catalog, memo.get("export_chunks"), versions)
    writer.copy_tree(Path(config.static_dir), "static")
    icon = Path(config.static_dir) / "favicon.ico"
    if icon.is_file():  # browsers ask the site's root for it whatever the pages link
        writer.write("favicon.ico", icon.read_bytes())
    writer.write(".nojekyll", "")
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    write_marker(Path(out_dir), SiteRecord("", writer.files).id)
    return RenderStats(issues=len(catalog.issues), articles=len(catalog.entries), pages=len(paths),
                       files=len(writer.files), bytes=writer.total_bytes,
                       seconds=time.perf_counter() - started, reused=pages.reused,
                       manifest=writer.files, staged=tuple(writer.staged))


def save_state(state_dir: Path | None, out_dir: Path, render_key: str, produced: dict, memo: dict,
               known_chunks: dict) -> SiteRecord:
    """Save the record of this build (and the export chunks, when they changed) while the search
    index may still be building beside: ~80 MB of pickles need not wait for it.  The record is
    not used until the marker names it (at the end of :func:`.update.apply_journal`), so a build
    that fails after this leaves the next one a full render, never a wrong one."""
    chunks = memo.pop("export_chunks", {})
    if chunks.keys() != known_chunks.keys():
        save_chunks(state_dir, render_key, chunks)
    record = SiteRecord(render_key, produced, memo)
    if state_dir is not None:
        save_record(state_dir, record, out_dir)
    return record


def site_is_current(out_dir: Path) -> bool:
    """The site's last build was applied completely (no journal pending, marker says built)."""
    out_dir = Path(out_dir)
    try:
        built = (out_dir / MARKER).read_text(encoding="utf-8").splitlines()[-1].startswith("build ")
    except (OSError, IndexError):
        return False
    return built and not staging_dir_for(out_dir).exists()


def slug_code_version() -> str:
    """Person slugs memoised by an earlier build are valid only under the same slug code."""
    from .. import slugs
    from ..enrich import people

    return hashlib.blake2b(b"".join(Path(m.__file__).read_bytes() for m in (people, slugs)),
                           digest_size=8).hexdigest()


def write_site_atomically(issues: Sequence[Issue], out_dir: Path, config: SiteConfig, *,
                          prepare: Sequence[Callable[[], object]] = (), search_dir: Path | None = None,
                          state_dir: Path | None = None, render_key: str = "", reuse: bool = True,
                          versions: dict | None = None, meanwhile: Callable[[], object] | None = None) -> RenderStats:
    """Bring ``out_dir`` up to date; it changes only once everything has succeeded.

    Changed files are rendered into a staging folder while the ``prepare`` steps run (the
    pipeline builds the search index into ``search_dir``; beside the render in a forked process
    when only changed pages render, after it on a full render); then a journal is committed and
    applied (:mod:`.update`).  A failure before the commit leaves ``out_dir`` byte for byte as
    it was.  ``state_dir`` keeps the record that lets the next build render only what changed,
    as long as ``render_key`` (templates, code, settings) stays the same; without it, or with
    ``reuse=False`` (a clean build), every file is rendered.  ``versions``: see :func:`render_site`.
    ``meanwhile``: the caller's own work, done once the pages are rendered, while the search
    index may still be building (the pipeline saves its build cache there)."""
    out_dir = Path(out_dir)
    check_replaceable(out_dir)
    recover(out_dir)
    previous, memo = load_record(state_dir, out_dir, render_key) if reuse else (None, {})
    staging = staging_dir_for(out_dir)
    try:
        staging.mkdir(parents=True)
        with steps_beside(prepare, concurrent=previous is not None):
            # read once the search index is on its way: ~70 MB of pickle need not delay it
            memo["export_chunks"] = known_chunks = load_chunks(state_dir, render_key) if reuse else {}
            stats = render_site(issues, staging, config, previous, memo, versions)
            record = save_state(state_dir, out_dir, render_key, stats.manifest, memo, known_chunks)
            if meanwhile is not None:
                meanwhile()
        produced = stats.manifest
        keep = tuple(p for p in produced if p.startswith("search/"))
        if previous is None:  # every file (marker included) is staged: the staging folder becomes the site
            if search_dir is not None:
                mirror(Path(search_dir), staging / "search", keep=set(keep))
            journal = Journal((), (), record.id, swap=True)
        else:
            gone = tuple(sorted(set(previous.files) - set(produced)))
            journal = Journal(stats.staged, gone, record.id, str(search_dir or ""), keep)
        commit(staging, journal)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    apply_journal(journal, out_dir)
    if state_dir is not None:
        prune_records(state_dir)
    if not config.quiet:
        print(stats.summary(), file=sys.stderr)
    return stats
