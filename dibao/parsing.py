"""Which issues to parse, and parsing them (in parallel when there are many).

An issue is parsed again when its source bytes, the parser's code and data,
or the parse configuration changed — keyed by content hash, never by mtime —
or when ``--force`` names it.
"""
from __future__ import annotations

import json
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config
from .conserve import lost_characters
from .enrich import EnrichConfig, enrich_articles
from .ingest import InputError, discover, ingest, issue_id_for
from .model import Issue
from .segment import segment
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
    unchanged: list[str] = field(default_factory=list)  #: issue (edition) ids to read back from content/
    removed: list[str] = field(default_factory=list)  #: issue (edition) ids whose seed files are gone
    #: file id → generation key; after :func:`.edition.plan.widen`, edition id → key too
    keys: dict[str, str] = field(default_factory=dict)
    ids: dict[Path, str] = field(default_factory=dict)  #: seed file → issue id (of the file)
    forced: set[str] = field(default_factory=set)  #: issue ids (of files, then of editions) whose hand edits are discarded
    #: file id → (edition it was part of, its key then), from the build state
    owners: dict[str, tuple[str, str]] = field(default_factory=dict)
    members: dict[str, dict[str, str]] = field(default_factory=dict)  #: edition id → its files' ids and keys


def display_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
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
    seen: dict[str, Path] = {}
    for path in discover(config.seeds):
        issue_id = issue_id_for(path)
        if issue_id in seen:
            raise BuildError([f"{display_path(path, root)}:1: issue id '{issue_id}' is also the id of "
                              f"{display_path(seen[issue_id], root)}; rename one of the files"])
        seen[issue_id] = path
        key = digest(digest(path.read_bytes()) + settings)
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
    plan.removed = sorted(i for i, record in state.issues.items() if not set(record.files(i)) & set(seen))
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
    terms: dict[str, str] = {}  # jieba's work, handed back so related articles reuse it
    return enrich_articles((issue,), enrich_config, terms)[0], problems, terms


def parse_issues(paths: list[Path], enrich_config: EnrichConfig,
                 terms_cache: dict[str, str] | None = None) -> tuple[Issue, ...]:
    """Ingest, segment and enrich each issue; all problems are collected before the build stops.
    Each article's jieba terms are added to ``terms_cache``."""
    jobs = [(p, source_name(p), enrich_config) for p in paths]
    workers = min(os.cpu_count() or 1, len(jobs))
    if len(jobs) >= PARALLEL_FROM and workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(parse_one, *zip(*jobs), chunksize=4))
    else:
        results = [parse_one(*job) for job in jobs]
    problems = [p for _, found, _ in results for p in found]
    if problems:
        raise BuildError(problems)
    if terms_cache is not None:
        for _, _, terms in results:
            terms_cache.update(terms)
    return tuple(issue for issue, _, _ in results if issue is not None)
