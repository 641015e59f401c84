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
    #: issue (edition) ids to read back from content/
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  #: issue (edition) ids whose seed files are gone
    #: file id → generation key; after :func:`.edition.plan.editions_to_write`, edition id → key too
    keys: dict[str, str] = field(default_factory=dict)
    ids: dict[Path, str] = field(default_factory=dict)  #: seed file → issue id (of the file)
    forced: set[str] = field(default_factory=set)  #: issue ids (of files, then of editions) whose hand edits are discarded
    #: file id → (edition it was part of, its key then), from the build state
    owners: dict[str, tuple[str, str]] = field(default_factory=dict)
    members: dict[str, dict[str, str]] = field(default_factory=dict)  #: edition id → its files' ids and keys
    #: ``file:line: message`` for each seed skipped this time (refused, or failed to parse)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  #: what in seeds/ is left alone, and why
    #: ids of issues (editions) a skipped file was part of: their previous content stays as it was
    kept: set[str] = field(default_factory=set)
    renamed: set[str] = field(default_factory=set)  #: ids whose content moved to a renamed seed's id

    def skip(self, path: Path, problems: list[str], state: BuildState, content: Path,
             keep_previous: bool = True) -> None:
        """Leave ``path`` out of this build; the issue or edition it was part of stays in content/ as
        it was (its record keeps the old key, so the next build tries again): an edition is not
        assembled again without one of its pages."""
        self.problems += problems
        issue_id = self.ids.pop(path, None) or issue_id_for(path)
        if path in self.to_parse:
            self.to_parse.remove(path)
        owner = self.owners.get(issue_id, (issue_id, ""))[0]
        if keep_previous and owner in state.issues and (content / owner / "_index.md").exists():
            if owner not in self.unchanged:
                self.unchanged.append(owner)
            self.kept.add(owner)


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
    plan.owners = state.owners()
    force = (*force, *(f for name in force if state.issues.get(name) for f in state.issues[name].pages))
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
        owner, known = plan.owners.get(issue_id, ("", ""))
        if everything or wanted or known != key or not (config.content / owner / "_index.md").exists():
            plan.to_parse.append(path)
            if wanted:
                plan.forced.add(issue_id)
        elif owner not in plan.unchanged:
            plan.unchanged.append(owner)
    unknown = [name for name in force if name not in plan.forced and name not in state.issues and not any(
        name in (p.name, display_path(p, root)) for p in plan.to_parse)]
    if unknown:
        raise BuildError([f"--force: no issue named {name}" for name in unknown])
    plan.removed = sorted(i for i, record in state.issues.items()
                          if not set(record.files(i)) & set(seen) and i not in plan.kept)
    parse_what_lost_a_page(plan, set(seen))
    return plan


def parse_what_lost_a_page(plan: BuildPlan, seen: set[str]) -> None:
    """An edition one of whose page files is gone, while others remain, is assembled again from
    the pages left: it is neither unchanged nor removed, and nothing else would parse it."""
    shrunk = {owner for file_id, (owner, _) in plan.owners.items()
              if file_id not in seen and owner not in plan.kept and owner not in plan.removed}
    if not shrunk:
        return
    plan.to_parse += [path for path, file_id in plan.ids.items()
                      if plan.owners.get(file_id, ("", ""))[0] in shrunk and path not in plan.to_parse]
    plan.unchanged = [owner for owner in plan.unchanged if owner not in shrunk]


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
