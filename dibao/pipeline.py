"""The build, one line per stage: plan → ingest+segment → enrich → write content → render → index → write site.

Like mkdocs' ``build()``, the whole model is gathered before anything is
rendered, and rendering reads content/ back, so an editor's hand edits are
what gets published.  Only issues whose source, parser or config changed are
parsed again; everything archive-wide is recomputed every time.
"""
from __future__ import annotations

import re

import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Sequence

from .buildlock import build_lock
from .cache import CACHE_DIR, BuildCache
from .config import Config
from .contentstore import ContentReport, ContentStore
from .durable import rebuilt_if_interrupted
from .edition.plan import editions_to_write
from .enrich import EnrichConfig, article_id, article_keys, related_lists
from .forking import frozen
from .model import Article, Issue
from .parsing import BuildError, BuildPlan, parse_issues, plan_build
from .renames import follow_renamed_seeds
from .publish import LastSite, Target, publish, site_is_current
from .publish import render_key as publish_key
from .search import build_search, docs_from_issues
from .site import RenderStats, render_site, site_config_from
from .site.editions import reprints
from .site.urls import article_paths
from .state import STATE_PATH, BuildState, digest

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
    skipped: tuple[str, ...] = ()  #: ``file:line: message`` for each seed left out of this build
    notes: tuple[str, ...] = ()  #: what in seeds/ was left alone on purpose, and why
    flagged: int = 0  #: articles whose front matter says ``review:`` (the parser was unsure)

    def summary(self) -> str:
        cached = self.issues - self.parsed
        files = {re.sub(r":\d+:.*$", "", problem, flags=re.S) for problem in self.skipped}  # a seed may have many problems
        skipped = f", {len(files)} skipped" if files else ""
        review = f" ({self.flagged} flagged for review: grep -rl '^review:' content/)" if self.flagged else ""
        return (f"dibao: {self.issues} issues ({self.parsed} parsed, {cached} cached{skipped}), "
                f"{self.articles} articles{review}, "
                f"{len(self.content.written)} content files written, {self.pages} pages "
                f"({self.pages - self.reused} rendered) in {self.seconds:.2f}s")


def build(config: Config, root: Path = Path("."), parse_only: bool = False, force: tuple[str, ...] = (),
          clean: bool = False, cache: BuildCache | None = None, wait: bool = False) -> BuildReport:
    """``cache``: the build cache when the caller loaded it already (``add`` checks against it).
    ``wait``: when another build holds content/ or site/, wait for it instead of refusing."""
    with build_lock(config.content, config.out, wait=wait):
        return locked_build(config, root, parse_only, force, clean, cache)


def locked_build(config: Config, root: Path, parse_only: bool, force: tuple[str, ...], clean: bool,
                 cache: BuildCache | None) -> BuildReport:
    started = time.perf_counter()
    ContentStore.recover(config.content)  # what a build killed while writing content/ left
    enrich_config = EnrichConfig.from_mapping(config.extra.get("enrich"), base=root)
    state = BuildState.load(config.content)  # even a clean build must know which files editors changed
    if clean or cache is None:
        cache = BuildCache(version=BuildCache.current_version()) if clean else BuildCache.load(config.content)
    plan = plan_build(config, root, state, force, enrich_config, everything=clean)
    if not clean and nothing_changed(config, plan, cache, parse_only):
        return unchanged_report(cache, plan, time.perf_counter() - started, config.quiet)
    parsed, failed = parse_issues(plan.to_parse, enrich_config, cache.terms)
    skip_failed(plan, failed, state, config.content)
    parsed = editions_to_write(plan, parsed, parse_more(plan, state, config.content, enrich_config, cache),
                               enrich_config, cache.terms)
    renamed = follow_renamed_seeds(plan, parsed, state, config.content, cache.read_issue)
    unchanged = read_unchanged(config.content, plan, cache)
    before = sorted_archive(parsed + unchanged)
    store = ContentStore(config.content, state)
    as_written = sorted_archive(published(parsed, store, plan) + unchanged)
    archive = relate_archive(before, enrich_config, cache, as_written)
    touched = changed_related(before, archive) | edited_articles(before, cache.changed_on_disk)
    content = write_content(archive, parsed, store, plan, touched)
    cache.distrust({Path(path).parts[0] for path in (*content.written, *content.removed)} | set(plan.removed)
                   | plan.renamed)
    counts = len(archive), sum(len(i.articles) for i in archive), len(parsed)
    flagged = sum(1 for issue in archive for a in issue.articles if a.review)
    warnings = (*state_warnings(state, config.content), *renamed, *(w for issue in parsed for w in issue.warnings))
    # render reads content/ back into a model of its own: holding this one too through
    # rendering and the search index cost a few hundred megabytes on a large archive
    del parsed, unchanged, before, as_written, archive
    pages, reused = (0, 0) if parse_only else render(config, cache)
    cache.save(config.content)
    report = BuildReport(*counts, pages, time.perf_counter() - started, content, warnings, reused,
                         tuple(plan.problems), tuple(plan.notes), flagged)
    print_notes(report, config.quiet)
    return report


def nothing_changed(config: Config, plan: BuildPlan, cache: BuildCache, parse_only: bool) -> bool:
    """No issue to parse or drop, no content folder touched since the last build and (unless only
    parsing) the site made from exactly this content: the build has nothing to do, and a large
    archive need not even be decoded from the cache."""
    if plan.to_parse or plan.removed or not cache.folders_unchanged(config.content):
        return False
    return parse_only or (site_key(cache, site_config_from(config))[0] == cache.site_key and site_is_current(config.out))


def unchanged_report(cache: BuildCache, plan: BuildPlan, seconds: float, quiet: bool) -> BuildReport:
    articles = sum(len(fingerprint) - 1 for fingerprint, _ in cache.issues.values())  # every .md but _index.md
    report = BuildReport(len(cache.issues), articles, 0, 0, seconds, ContentReport(), (), 0, tuple(plan.problems),
                         tuple(plan.notes))
    print_notes(report, quiet)
    return report


def skip_failed(plan: BuildPlan, failed: dict[Path, list[str]], state: BuildState, content: Path) -> None:
    """Issues that failed to parse are left out; what content/ holds of them stays as it was.
    When every issue was left out, the build fails instead: publishing an empty site in place of
    the last one would be the worst reading of "build the rest"."""
    for path, problems in failed.items():
        plan.skip(path, problems, state, content)
    if plan.problems and not (plan.to_parse or plan.unchanged):
        raise BuildError(plan.problems)


def parse_more(plan: BuildPlan, state: BuildState, content: Path, enrich_config: EnrichConfig,
               cache: BuildCache) -> Callable[[list[Path]], tuple[Issue, ...]]:
    """Parsing for the other pages of an edition assembled again: a page that fails is skipped
    as any file is, and keeps its edition as content/ holds it."""
    def parse(paths: list[Path]) -> tuple[Issue, ...]:
        more, failed = parse_issues(paths, enrich_config, cache.terms)
        for path, problems in failed.items():
            plan.skip(path, problems, state, content)
        return more

    return parse


def state_warnings(state: BuildState, content: Path) -> list[str]:
    if not state.damaged:
        return []
    return [f"{(content / STATE_PATH).as_posix()}:1: warning: the build state is {state.damaged}: every article file "
            "that differs from what the parser makes is kept as a hand edit (parse --force ISSUE discards them)"]


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
    try:
        for issue in archive:
            if issue.id in fresh:
                store.put_parsed(issue, plan.keys[issue.id], force=issue.id in plan.forced,
                                 pages=plan.members.get(issue.id))
            else:
                store.refresh_archive_keys(issue, related_changed)
                if any(i == issue.id for i, _ in related_changed):  # its folder changed on disk, or its lists
                    store.note_deleted(issue.id)
        for issue_id in plan.removed:  # after: their hand edits may have moved into an edition (ContentStore.adopt)
            store.remove_issue(issue_id)
        store.commit()
    except BaseException:
        store.rollback()  # content/ and state.json stay as the last build left them
        raise
    return store.report


def render(config: Config, cache: BuildCache) -> tuple[int, int]:
    """Render content/ as it now is and publish it; skipped when neither content, templates nor
    code changed.

    Only pages whose fingerprint changed are rendered, unless the cache is new (``--clean``):
    then every file is.  The search index is built in its lasting folder beside the render and
    linked into the new site with the pages, so a failure anywhere leaves ``site/`` as it was."""
    archive = cache.read_archive(config.content)
    site_config = site_config_from(config)
    key, current = site_key(cache, site_config)
    if key == cache.site_key and site_is_current(config.out):
        return 0, 0
    search_dir = config.content / CACHE_DIR / "search"
    versions = {k: digest(repr((cache.version, v[0]))) for k, v in cache.issues.items()}
    target = Target(config.out, site_state_dir(config), current, reuse=bool(cache.render_key),
                    trees={"search": search_dir})
    stats = publish(target, site_renderer(archive, site_config, versions), beside=search_writer(archive, search_dir),
                    meanwhile=lambda: cache.save(config.content))
    cache.site_key, cache.render_key = key, current  # saved by build() once the site is published
    if not config.quiet:
        print(stats.summary(), file=sys.stderr)
    return stats.pages, stats.reused


def site_renderer(archive: Sequence[Issue], site_config, versions: dict) -> Callable[[Path, LastSite], RenderStats]:
    """The render as publishing calls it: into the folder it gives, reusing what it knows of the site in place."""
    return lambda folder, last: render_site(archive, folder, site_config, last.files, last.memo, versions)


def site_key(cache: BuildCache, site_config) -> tuple[str, str]:
    """(key of the site made from content/ as the cache last saw it, key of templates, code and settings)."""
    current = render_key(site_config)
    return digest(repr([sorted((k, v[0]) for k, v in cache.issues.items()), current])), current


def site_state_dir(config: Config) -> Path:
    """Where the record of the last site built into ``config.out`` lives; one per output folder."""
    return config.content / CACHE_DIR / "site" / digest(str(Path(config.out).resolve()))[:16]


def render_key(site_config) -> str:
    """Everything besides the content that a rendered page depends on."""
    package = Path(__file__).parent
    return publish_key(repr(replace(site_config, quiet=False)), site_config.templates_dir, site_config.static_dir,
                       package / "site", package / "search", package / "model.py")


def search_writer(archive: Sequence[Issue], folder: Path) -> Callable[[], object]:
    """Builds the search index in ``folder``, a lasting folder publishing links into ``site/search/``
    (its files are replaced, never rewritten in place, so links stay right).  A build killed while
    it was at work leaves the folder marked, and the next one makes it afresh."""
    def build_index():
        paths = {issue.id: article_paths(issue.articles) for issue in archive}
        reprinted = reprints((article_id(a), a.text) for issue in archive for a in issue.articles)
        firsts = [replace(issue, articles=tuple(a for a in issue.articles if article_id(a) not in reprinted))
                  for issue in archive] if reprinted else archive  # a text printed again is found once
        docs = docs_from_issues(firsts, lambda issue, article: paths[issue.id][article.order])
        # counting allocates millions of objects: the collector need not walk the docs each time
        with rebuilt_if_interrupted(folder), frozen():
            return build_search(docs, folder)

    return build_index


def print_notes(report: BuildReport, quiet: bool) -> None:
    for problem in report.skipped:
        print(problem, file=sys.stderr)
    for note in () if quiet else report.notes:
        print(note, file=sys.stderr)
    for warning in report.warnings:
        print(warning, file=sys.stderr)
    for kept in report.content.kept:
        print(f"kept hand edit: {kept}", file=sys.stderr)
    for conflict in report.content.conflicts:
        print(f"conflict (hand edit kept, source changed too): {conflict}", file=sys.stderr)
    for deleted in report.content.deleted:
        print(f"deleted by hand, stays deleted (parse --force ISSUE brings it back): {deleted}", file=sys.stderr)
