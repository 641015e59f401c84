"""Which page files to parse so that every edition touched by a change is assembled whole.

A changed, added or removed page changes its edition: the edition's other pages are parsed
again too (an article may run on from one page to another), while editions none of whose
files changed are read back from content/ as they are.  The build state says which edition
each file was part of (:meth:`.state.BuildState.owners`).
"""
from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import Callable, Sequence

from ..enrich import EnrichConfig
from ..ingest import issue_id_for
from ..model import Issue
from ..parsing import BuildPlan
from ..state import digest
from . import assemble_editions
from .pages import edition_id, edition_key, page_facts


def editions_to_write(plan: BuildPlan, parsed: Sequence[Issue], parse: Callable[[list[Path]], Sequence[Issue]],
                      enrich_config: EnrichConfig, terms: dict[str, str] | None = None) -> tuple[Issue, ...]:
    """The editions (and whole issues) to write, from the files parsed and, parsed now, the other
    pages of their editions.  ``plan`` is brought up to date: what to read back, what to remove,
    each edition's key and files, which editions are forced.  An edition one of whose files was
    skipped (:meth:`.parsing.BuildPlan.skip`: unreadable, or failed to parse) is not assembled
    without it: it stays as content/ holds it until the file parses again."""
    pages = list(parsed)
    while True:
        affected = touched_editions(plan, pages) - plan.kept  # a kept edition waits for its skipped page
        done = {page.id for page in pages}
        more = [path for path, file_id in plan.ids.items()
                if file_id not in done and plan.owners.get(file_id, ("", ""))[0] in affected]
        if not more:
            break
        plan.to_parse.extend(more)
        pages.extend(parse(more))
    editions = assemble_editions([page for page in pages if edition_of(page) not in plan.kept], enrich_config, terms)
    made = {edition.id for edition in editions}
    plan.unchanged = [i for i in plan.unchanged if i not in affected and i not in made]
    plan.removed = sorted(set(plan.removed) | {owner for owner, _ in plan.owners.values()} - made - set(plan.unchanged))
    forced_files = set(plan.forced)
    for edition in editions:
        files = {file_id: plan.keys[file_id] for file_id in edition_files(edition)}
        if edition.pages:
            plan.keys[edition.id] = digest(json.dumps(sorted(files.items())))
            plan.members[edition.id] = files
        if forced_files & set(files):
            plan.forced.add(edition.id)
    return editions


def touched_editions(plan: BuildPlan, pages: Sequence[Issue]) -> set[str]:
    """Editions a parsed file goes into or came from, and editions one of whose files is gone."""
    seen = set(plan.ids.values())
    found = {plan.owners[page.id][0] for page in pages if page.id in plan.owners}
    found |= {edition_of(page) for page in pages}
    found |= {owner for file_id, (owner, _) in plan.owners.items() if file_id not in seen}
    return found


def edition_of(page: Issue) -> str:
    key = edition_key(page, page_facts(page))
    return edition_id(*key) if key else page.id


def edition_files(issue: Issue) -> list[str]:
    """Ids of the files ``issue`` was made from (an edition's page files, or the issue's own)."""
    return [issue_id_for(Path(PurePosixPath(page.source).name)) for page in issue.pages] or [issue.id]
