"""The build, one line per stage: ingest → segment → enrich → write content → render → index → write site.

Like mkdocs' ``build()``, the whole model is gathered first; rendering reads
the content/ tree back so an editor's hand edits are what gets published.
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from typing import Callable, Sequence
from pathlib import Path

from .config import Config
from .conserve import lost_characters
from .contentio import read_content, write_issue
from .enrich import EnrichConfig, enrich
from .ingest import InputError, discover, ingest
from .model import Issue
from .segment import segment
from .search import build_search, docs_from_issues
from .site import site_config_from, write_site_atomically
from .site.urls import article_paths


class BuildError(Exception):
    """The build stopped; ``problems`` are ``file:line: message`` lines for the user."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class BuildReport:
    issues: int
    articles: int
    pages: int
    seconds: float
    warnings: tuple[str, ...]

    def summary(self) -> str:
        return (f"dibao: {self.issues} issues, {self.articles} articles, {self.pages} pages "
                f"in {self.seconds:.2f}s")


def parse_issues(seeds_dir: Path, root: Path) -> tuple[Issue, ...]:
    """Ingest and segment every issue file; input errors are collected, not raised one by one."""
    issues, problems = [], []
    for path in discover(seeds_dir):
        try:
            issue = segment(ingest(path, display_path(path, root)))
        except InputError as exc:
            problems.append(str(exc))
            continue
        problems += lost_characters(issue)
        issues.append(issue)
    if problems:
        raise BuildError(problems)
    return tuple(issues)


def display_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def enrich_issues(issues: tuple[Issue, ...], config: Config, root: Path = Path(".")) -> tuple[Issue, ...]:
    """Regions, themes, keywords, summaries and related articles, from ``[tool.dibao.enrich]``."""
    return enrich(issues, EnrichConfig.from_mapping(config.extra.get("enrich"), base=root))


def write_content(issues: tuple[Issue, ...], content_dir: Path) -> None:
    content_dir.mkdir(parents=True, exist_ok=True)
    for issue in issues:
        write_issue(issue, content_dir)


def parse(config: Config, root: Path = Path(".")) -> tuple[Issue, ...]:
    """seeds/ → content/ only."""
    issues = parse_issues(config.seeds, root)
    issues = enrich_issues(issues, config, root)
    write_content(issues, config.content)
    return issues


def search_writer(archive: Sequence[Issue], root: Path) -> Callable[[Path], object]:
    """Writes ``search/`` into a freshly rendered site; parts are cached in ``.dibao-cache/search``."""
    paths = {issue.id: article_paths(issue.articles) for issue in archive}
    docs = docs_from_issues(archive, lambda issue, article: paths[issue.id][article.order])
    return lambda site: build_search(docs, site / "search", cache_dir=root / ".dibao-cache/search")


def build(config: Config, root: Path = Path("."), parse_only: bool = False) -> BuildReport:
    started = time.perf_counter()
    issues = parse_issues(config.seeds, root)
    issues = enrich_issues(issues, config, root)
    write_content(issues, config.content)
    pages = 0
    if not parse_only:
        archive = read_content(config.content)
        pages = write_site_atomically(archive, config.out, site_config_from(config),
                                      extra_writers=[search_writer(archive, root)]).pages
    warnings = tuple(w for i in issues for w in i.warnings)
    for warning in warnings:
        print(warning, file=sys.stderr)
    return BuildReport(len(issues), sum(len(i.articles) for i in issues), pages,
                       time.perf_counter() - started, warnings)
