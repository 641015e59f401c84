"""The build, one line per stage: plan → ingest+segment → enrich → write content → render → index → write site.

Like mkdocs' ``build()``, the whole model is gathered before anything is
rendered, and rendering reads content/ back, so an editor's hand edits are
what gets published.  Only issues whose source, parser or config changed are
parsed again; everything archive-wide is recomputed every time.
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Sequence

from .cache import CACHE_DIR, BuildCache, tree_digest
from .config import Config
from .contentstore import ContentReport, ContentStore
from .enrich import EnrichConfig, relate
from .model import Issue
from .parsing import BuildError, BuildPlan, parse_issues, plan_build
from .search import build_search, docs_from_issues
from .site import site_config_from, write_site_atomically
from .site.urls import article_paths
from .state import BuildState, digest

__all__ = ["BuildError", "BuildReport", "build"]


@dataclass(frozen=True)
class BuildReport:
    issues: int
    articles: int
    parsed: int  #: issues parsed this time (the rest came from content/ unchanged)
    pages: int
    seconds: float
    content: ContentReport
    warnings: tuple[str, ...]
    reused: int = 0  #: pages taken over unchanged from the previous site

    def summary(self) -> str:
        cached = self.issues - self.parsed
        return (f"dibao: {self.issues} issues ({self.parsed} parsed, {cached} cached), {self.articles} articles, "
                f"{len(self.content.written)} content files written, {self.pages} pages "
                f"({self.pages - self.reused} rendered) in {self.seconds:.2f}s")


def build(config: Config, root: Path = Path("."), parse_only: bool = False, force: tuple[str, ...] = (),
          clean: bool = False, cache: BuildCache | None = None) -> BuildReport:
    """``cache``: the build cache when the caller loaded it already (``add`` checks against it)."""
    started = time.perf_counter()
    enrich_config = EnrichConfig.from_mapping(config.extra.get("enrich"), base=root)
    state = BuildState.load(config.content)  # even a clean build must know which files editors changed
    if clean or cache is None:
        cache = BuildCache(version=BuildCache.current_version()) if clean else BuildCache.load(config.content)
    plan = plan_build(config, root, state, force, enrich_config, everything=clean)
    parsed = parse_issues(plan.to_parse, root, enrich_config, cache.terms)
    before = sorted_archive(parsed + read_unchanged(config.content, plan, cache))
    archive = relate_archive(before, enrich_config, cache)
    touched = changed_related(before, archive) | edited_articles(before, cache.changed_on_disk)
    content = write_content(archive, parsed, config.content, state, plan, touched)
    pages, reused = (0, 0) if parse_only else render(config, cache)
    cache.save(config.content)
    warnings = tuple(w for issue in parsed for w in issue.warnings)
    report = BuildReport(len(archive), sum(len(i.articles) for i in archive), len(parsed), pages,
                         time.perf_counter() - started, content, warnings, reused)
    print_notes(report, config.quiet)
    return report


def read_unchanged(content_dir: Path, plan: BuildPlan, cache: BuildCache) -> tuple[Issue, ...]:
    return tuple(cache.read_issue(content_dir / issue_id) for issue_id in plan.unchanged)


def relate_archive(archive: tuple[Issue, ...], enrich_config: EnrichConfig, cache: BuildCache) -> tuple[Issue, ...]:
    """``related`` over the whole archive; skipped when no article's text changed since last time."""
    key = digest(repr(enrich_config) + "".join(
        f"{a.issue}/{a.order}:{digest(a.title + a.text)}" for issue in archive for a in issue.articles))
    if key != cache.related_key:
        related = relate(archive, enrich_config, cache.terms)
        cache.related_key = key
        cache.related = {f"{a.issue}/{a.order:02d}": a.related for issue in related for a in issue.articles}
    return tuple(replace(issue, articles=tuple(replace(a, related=cache.related.get(f"{a.issue}/{a.order:02d}", ()))
                                               for a in issue.articles)) for issue in archive)


def changed_related(before: tuple[Issue, ...], after: tuple[Issue, ...]) -> set[tuple[str, int]]:
    """(issue id, order) of the articles whose ``related`` list the archive-wide pass changed."""
    return {(a.issue, a.order) for old, new in zip(before, after) for a, b in zip(old.articles, new.articles)
            if a.related != b.related}


def edited_articles(archive: tuple[Issue, ...], folders: set[str]) -> set[tuple[str, int]]:
    """Articles of issue folders that changed on disk since the last build: check them for hand edits."""
    return {(a.issue, a.order) for issue in archive if issue.id in folders for a in issue.articles}


def sorted_archive(issues: tuple[Issue, ...]) -> tuple[Issue, ...]:
    return tuple(sorted(issues, key=lambda i: (i.date or str(i.year or ""), i.id)))


def write_content(archive: tuple[Issue, ...], parsed: tuple[Issue, ...], content_dir: Path, state: BuildState,
                  plan: BuildPlan, related_changed: set[tuple[str, int]]) -> ContentReport:
    store = ContentStore(content_dir, state)
    fresh = {issue.id for issue in parsed}
    for issue_id in plan.removed:
        store.remove_issue(issue_id)
    for issue in archive:
        if issue.id in fresh:
            store.put_parsed(issue, plan.keys[issue.id], force=issue.id in plan.forced)
        else:
            store.refresh_archive_keys(issue, related_changed)
    state.save(content_dir)
    return store.report


def render(config: Config, cache: BuildCache) -> tuple[int, int]:
    """Render content/ as it now is; skipped when neither content, templates nor code changed."""
    archive = cache.read_archive(config.content)
    site_config = site_config_from(config)
    key = digest(repr([sorted((k, v[0]) for k, v in cache.issues.items()), render_key(site_config)]))
    if key == cache.site_key and (config.out / ".dibao-site").exists():
        return 0, 0
    search = search_writer(archive, config.content / CACHE_DIR / "search")
    # page fingerprints are only comparable under the same templates, code and site settings
    previous = cache.page_keys if cache.render_key == render_key(site_config) else None
    stats = write_site_atomically(archive, config.out, site_config, extra_writers=[search], previous_keys=previous)
    cache.site_key, cache.page_keys, cache.render_key = key, stats.page_keys, render_key(site_config)
    return stats.pages, stats.reused


def render_key(site_config) -> str:
    """Everything besides the content that a rendered page depends on."""
    return digest(repr([repr(replace(site_config, quiet=False)),
                        tree_digest(site_config.templates_dir, site_config.static_dir, Path(__file__).parent / "site",
                                    Path(__file__).parent / "search", Path(__file__).parent / "model.py")]))


def search_writer(archive: Sequence[Issue], cache_dir: Path) -> Callable[[Path], object]:
    """Writes ``search/`` into a freshly rendered site; index parts are cached in ``cache_dir``."""
    paths = {issue.id: article_paths(issue.articles) for issue in archive}
    docs = docs_from_issues(archive, lambda issue, article: paths[issue.id][article.order])
    return lambda site: build_search(docs, site / "search", cache_dir=cache_dir)


def print_notes(report: BuildReport, quiet: bool) -> None:
    for warning in report.warnings:
        print(warning, file=sys.stderr)
    for kept in report.content.kept:
        print(f"kept hand edit: {kept}", file=sys.stderr)
    for conflict in report.content.conflicts:
        print(f"conflict (hand edit kept, source changed too): {conflict}", file=sys.stderr)
