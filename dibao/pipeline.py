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
from .edition.plan import editions_to_write
from .enrich import EnrichConfig, article_id, article_keys, related_lists
from .forking import frozen
from .model import Article, Issue
from .parsing import BuildError, BuildPlan, parse_issues, plan_build
from .search import build_search, docs_from_issues
from .site import site_config_from, site_is_current, write_site_atomically
from .site.editions import reprints
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
    if not clean and nothing_changed(config, plan, cache, parse_only):
        return unchanged_report(cache, time.perf_counter() - started, config.quiet)
    parsed = parse_issues(plan.to_parse, enrich_config, cache.terms)
    parsed = editions_to_write(plan, parsed, lambda more: parse_issues(more, enrich_config, cache.terms), enrich_config,
                               cache.terms)
    unchanged = read_unchanged(config.content, plan, cache)
    before = sorted_archive(parsed + unchanged)
    store = ContentStore(config.content, state)
    as_written = sorted_archive(published(parsed, store, plan) + unchanged)
    archive = relate_archive(before, enrich_config, cache, as_written)
    touched = changed_related(before, archive) | edited_articles(before, cache.changed_on_disk)
    content = write_content(archive, parsed, store, plan, touched)
    cache.distrust({Path(path).parts[0] for path in (*content.written, *content.removed)} | set(plan.removed))
    counts = len(archive), sum(len(i.articles) for i in archive), len(parsed)
    warnings = tuple(w for issue in parsed for w in issue.warnings)
    # render reads content/ back into a model of its own: holding this one too through
    # rendering and the search index cost a few hundred megabytes on a large archive
    del parsed, unchanged, before, as_written, archive
    pages, reused = (0, 0) if parse_only else render(config, cache)
    cache.save(config.content)
    report = BuildReport(*counts, pages, time.perf_counter() - started, content, warnings, reused)
    print_notes(report, config.quiet)
    return report


def nothing_changed(config: Config, plan: BuildPlan, cache: BuildCache, parse_only: bool) -> bool:
    """No issue to parse or drop, no content folder touched since the last build and (unless only
    parsing) the site made from exactly this content: the build has nothing to do, and a large
    archive need not even be decoded from the cache."""
    if plan.to_parse or plan.removed or not cache.folders_unchanged(config.content):
        return False
    return parse_only or (site_key(cache, site_config_from(config))[0] == cache.site_key and site_is_current(config.out))


def unchanged_report(cache: BuildCache, seconds: float, quiet: bool) -> BuildReport:
    articles = sum(len(fingerprint) - 1 for fingerprint, _ in cache.issues.values())  # every .md but _index.md
    report = BuildReport(len(cache.issues), articles, 0, 0, seconds, ContentReport(), ())
    print_notes(report, quiet)
    return report


def read_unchanged(content_dir: Path, plan: BuildPlan, cache: BuildCache) -> tuple[Issue, ...]:
    return tuple(cache.read_issue(content_dir / issue_id) for issue_id in plan.unchanged)


def published(parsed: tuple[Issue, ...], store: ContentStore, plan: BuildPlan) -> tuple[Issue, ...]:
    """The parsed issues as content/ will hold them, with the hand edits that writing keeps (those
    of article files in folders that go away too, see :meth:`.ContentStore.adopt`)."""
    store.adopt(parsed, plan.removed)
    return tuple(store.as_published(issue, force=issue.id in plan.forced) for issue in parsed)


def relate_archive(archive: tuple[Issue, ...], enrich_config: EnrichConfig, cache: BuildCache,
                   texts: tuple[Issue, ...] | None = None) -> tuple[Issue, ...]:
    """``related`` over the whole archive, from ``texts`` (the same issues and articles as content/
    will hold them; default ``archive``); skipped when no article's text changed since last time."""
    texts = texts or archive
    made = [(a, keys) for issue in texts
            for a, keys in zip(issue.articles, cache.article_keys(issue, article_keys))]
    key = digest(repr(enrich_config) + "".join(f"{a.issue}/{a.order}:{keys[1]}" for a, keys in made))
    if key != cache.related_key:
        cache.related = related_lists(texts, enrich_config, cache.terms, cache.tallies,
                                      {article_id(a): keys[0] for a, keys in made})
        cache.related_key = key
    return tuple(replace(issue, articles=tuple(with_related(a, cache.related.get(article_id(a), ())) for a in issue.articles))
                 for issue in archive)


def with_related(article: Article, related: tuple[str, ...]) -> Article:
    return article if article.related == related else replace(article, related=related)


def changed_related(before: tuple[Issue, ...], after: tuple[Issue, ...]) -> set[tuple[str, int]]:
    """(issue id, order) of the articles whose ``related`` list the archive-wide pass changed."""
    return {(a.issue, a.order) for old, new in zip(before, after) for a, b in zip(old.articles, new.articles)
            if a.related != b.related}


def edited_articles(archive: tuple[Issue, ...], folders: set[str]) -> set[tuple[str, int]]:
    """Articles of issue folders that changed on disk since the last build: check them for hand edits."""
    return {(a.issue, a.order) for issue in archive if issue.id in folders for a in issue.articles}


def sorted_archive(issues: tuple[Issue, ...]) -> tuple[Issue, ...]:
    return tuple(sorted(issues, key=lambda i: (i.date or str(i.year or ""), i.id)))


def write_content(archive: tuple[Issue, ...], parsed: tuple[Issue, ...], store: ContentStore, plan: BuildPlan,
                  related_changed: set[tuple[str, int]]) -> ContentReport:
    fresh = {issue.id for issue in parsed}
    for issue in archive:
        if issue.id in fresh:
            store.put_parsed(issue, plan.keys[issue.id], force=issue.id in plan.forced, pages=plan.members.get(issue.id))
        else:
            store.refresh_archive_keys(issue, related_changed)
    for issue_id in plan.removed:  # after: their hand edits may have moved into an edition (ContentStore.adopt)
        store.remove_issue(issue_id)
    store.state.save(store.root)
    return store.report


def render(config: Config, cache: BuildCache) -> tuple[int, int]:
    """Render content/ as it now is; skipped when neither content, templates nor code changed.

    Only pages whose fingerprint changed are rendered, unless the cache is new (``--clean``):
    then every file is.  The search index is built in its lasting cache folder first and
    mirrored into the site with the pages, so a failure anywhere leaves ``site/`` as it was."""
    archive = cache.read_archive(config.content)
    site_config = site_config_from(config)
    key, current = site_key(cache, site_config)
    if key == cache.site_key and site_is_current(config.out):
        return 0, 0
    search_dir = config.content / CACHE_DIR / "search"
    stats = write_site_atomically(archive, config.out, site_config, prepare=[search_writer(archive, search_dir)],
                                  search_dir=search_dir, state_dir=site_state_dir(config),
                                  render_key=current, reuse=bool(cache.render_key),
                                  versions={k: digest(repr((cache.version, v[0]))) for k, v in cache.issues.items()},
                                  meanwhile=lambda: cache.save(config.content))
    cache.site_key, cache.render_key = key, current  # saved by build() once the site is written
    return stats.pages, stats.reused


def site_key(cache: BuildCache, site_config) -> tuple[str, str]:
    """(key of the site made from content/ as the cache last saw it, key of templates, code and settings)."""
    current = render_key(site_config)
    return digest(repr([sorted((k, v[0]) for k, v in cache.issues.items()), current])), current


def site_state_dir(config: Config) -> Path:
    """Where the record of the last site built into ``config.out`` lives; one per output folder."""
    return config.content / CACHE_DIR / "site" / digest(str(Path(config.out).resolve()))[:16]


def render_key(site_config) -> str:
    """Everything besides the content that a rendered page depends on."""
    return digest(repr([repr(replace(site_config, quiet=False)),
                        tree_digest(site_config.templates_dir, site_config.static_dir, Path(__file__).parent / "site",
                                    Path(__file__).parent / "search", Path(__file__).parent / "model.py")]))


def search_writer(archive: Sequence[Issue], cache_dir: Path) -> Callable[[], object]:
    """Builds the search index in ``cache_dir``, a lasting folder the site writer mirrors into
    ``site/search/`` (its files are replaced, never rewritten in place, so links stay right)."""
    def build_index():
        paths = {issue.id: article_paths(issue.articles) for issue in archive}
        reprinted = reprints((article_id(a), a.text) for issue in archive for a in issue.articles)
        firsts = [replace(issue, articles=tuple(a for a in issue.articles if article_id(a) not in reprinted))
                  for issue in archive] if reprinted else archive  # a text printed again is found once
        docs = docs_from_issues(firsts, lambda issue, article: paths[issue.id][article.order])
        with frozen():  # counting allocates millions of objects: the collector need not walk the docs each time
            return build_search(docs, cache_dir)

    return build_index


def print_notes(report: BuildReport, quiet: bool) -> None:
    for warning in report.warnings:
        print(warning, file=sys.stderr)
    for kept in report.content.kept:
        print(f"kept hand edit: {kept}", file=sys.stderr)
    for conflict in report.content.conflicts:
        print(f"conflict (hand edit kept, source changed too): {conflict}", file=sys.stderr)
