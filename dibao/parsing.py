"""Which issues to parse, and parsing them (in parallel when there are many).

An issue is parsed again when its source bytes, the parser's code and data,
or the parse configuration changed — keyed by content hash, never by mtime —
or when ``--force`` names it.
"""
from __future__ import annotations

import json
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from .config import Config
from .conserve import lost_characters
from .enrich import EnrichConfig, enrich_articles
from .ingest import InputError, ingest, issue_id_for
from .model import Issue
from .seedfolder import scan_seeds
from .segment import segment
from .site.urls import issue_dir
from .state import BuildState, digest, parser_version

PARALLEL_FROM = 8  #: below this many issues, worker start-up costs more than it saves


class BuildError(Exception):
    """The build stopped; ``problems`` are ``file:line: message`` lines for the user."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class BuildPlan:
    to_parse: list[Path] = field(default_factory=list)  #: seed files to parse
    unchanged: list[str] = field(default_factory=list)  #: issue ids to read back from content/
    removed: list[str] = field(default_factory=list)  #: issue ids whose seed file is gone
    keys: dict[str, str] = field(default_factory=dict)  #: issue id → generation key
    ids: dict[Path, str] = field(default_factory=dict)  #: seed file → issue id
    forced: set[str] = field(default_factory=set)  #: issue ids whose hand edits are discarded
    #: ``file:line: message`` for each seed skipped this time (refused, or failed to parse)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  #: what in seeds/ is left alone, and why
    kept: set[str] = field(default_factory=set)  #: ids of skipped issues whose previous content stays
    renamed: set[str] = field(default_factory=set)  #: ids whose content moved to a renamed seed's id

    def skip(self, path: Path, problems: list[str], state: BuildState, content: Path,
             keep_previous: bool = True) -> None:
        """Leave ``path`` out of this build; its issue's articles stay in content/ as they were (its
        record keeps the old key, so the next build tries again)."""
        self.problems += problems
        issue_id = self.ids.pop(path, None) or issue_id_for(path)
        if path in self.to_parse:
            self.to_parse.remove(path)
        if keep_previous and issue_id in state.issues and (content / issue_id / "_index.md").exists():
            self.unchanged.append(issue_id)
            self.kept.add(issue_id)


def display_path(path: Path, root: Path) -> str:
    try:
        # the folder resolved, not the entry: a symlink is shown as itself, not as its target
        return (path.parent.resolve() / path.name).relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def source_name(path: Path) -> str:
    """How content/ and the site name a seed file: its folder and its name (``seeds/x.txt``).

    Never the build machine's absolute path, which would be published on every article page
    and make content/ differ from checkout to checkout; seeds/ is flat (:func:`.ingest.discover`)."""
    return f"{path.parent.name}/{path.name}"


def plan_build(config: Config, root: Path, state: BuildState, force: tuple[str, ...],
               enrich_config: EnrichConfig, everything: bool = False) -> BuildPlan:
    plan = BuildPlan()
    settings = digest(json.dumps([parser_version(), repr(enrich_config)], ensure_ascii=False))
    if not config.seeds.is_dir():
        raise InputError(config.seeds.as_posix(), 0, "seeds folder does not exist")
    scan = scan_seeds(config.seeds, source_name)
    plan.notes = scan.notes
    for path, problem in scan.refused:
        plan.skip(path, [problem], state, config.content)
    seen: dict[str, Path] = {}  # issue id, and the site folder it gives, → seed file
    for path in scan.files:
        issue_id, shown = issue_id_for(path), source_name(path)
        other = seen.get(issue_id) or seen.get(issue_dir(issue_id))
        if other is not None:
            plan.skip(path, [f"{shown}:1: not read: its issue id '{issue_id}' and site folder {issue_dir(issue_id)}/ "
                             f"would be those of {source_name(other)}; rename one of the two files"],
                      state, config.content, keep_previous=False)
            continue
        try:
            key = digest(digest(path.read_bytes()) + settings)
        except OSError as exc:
            plan.skip(path, [f"{shown}:1: cannot read the file: {exc.strerror or exc}"], state, config.content)
            continue
        seen[issue_id] = seen[issue_dir(issue_id)] = path
        plan.keys[issue_id], plan.ids[path] = key, issue_id
        wanted = issue_id in force or path.name in force or display_path(path, root) in force
        record = state.issues.get(issue_id)
        if everything or wanted or record is None or record.key != key \
                or not (config.content / issue_id / "_index.md").exists():
            plan.to_parse.append(path)
            if wanted:
                plan.forced.add(issue_id)
        else:
            plan.unchanged.append(issue_id)
    unknown = [name for name in force if name not in plan.forced and not any(
        name in (p.name, display_path(p, root)) for p in plan.to_parse)]
    if unknown:
        raise BuildError([f"--force: no issue named {name}" for name in unknown])
    plan.removed = sorted(set(state.issues) - set(seen) - plan.kept)
    return plan


def parse_one(path: Path, display: str, enrich_config: EnrichConfig) -> tuple[Issue | None, list[str], dict]:
    """(issue, problems) for one file, enriched article by article; input errors come back as
    problems, not exceptions, so every file's problems are reported in one run."""
    try:
        issue = segment(ingest(path, display))
    except InputError as exc:
        return None, [str(exc)], {}
    except Exception as exc:  # a parser bug must still name the file, not end the build in a traceback
        return None, [f"{display}:1: internal error while parsing ({type(exc).__name__}: {exc}); please report it"], {}
    problems = lost_characters(issue)
    issue = replace(issue, raw_lines=())  # counted: the file's text need not travel back from the worker
    terms: dict[str, str] = {}  # jieba's work, handed back so related articles reuse it
    return enrich_articles((issue,), enrich_config, terms)[0], problems, terms


def parse_issues(paths: list[Path], enrich_config: EnrichConfig,
                 terms_cache: dict[str, str] | None = None) -> tuple[tuple[Issue, ...], dict[Path, list[str]]]:
    """Ingest, segment and enrich each issue: (the issues parsed, the problems of each file that
    failed).  Each article's jieba terms are added to ``terms_cache``."""
    jobs = [(p, source_name(p), enrich_config) for p in paths]
    workers = min(os.cpu_count() or 1, len(jobs))
    if len(jobs) >= PARALLEL_FROM and workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(parse_one, *zip(*jobs), chunksize=4))
    else:
        results = [parse_one(*job) for job in jobs]
    failed = {path: found for path, (_, found, _) in zip(paths, results) if found}
    if terms_cache is not None:
        for _, found, terms in results:
            if not found:
                terms_cache.update(terms)
    return tuple(issue for issue, found, _ in results if issue is not None and not found), failed
