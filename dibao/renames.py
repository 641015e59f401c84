"""A renamed seed file keeps its articles' hand edits.

An issue's id comes from its file name, so ``mv seeds/000_x.txt seeds/renamed.txt`` looks like one
issue gone and a new one come.  Before the old folder is removed, each gone issue is compared
with the new ones by content probes (:mod:`.probes`: its articles' first and last Han
characters, read from content/ as the editor left it); when most probes of a new issue are the
old one's, the folder and its record move to the new id, and the usual merge keeps the edits.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

from .model import Issue
from .parsing import BuildPlan
from .probes import issue_probes
from .state import BuildState, FileRecord, IssueRecord


def follow_renamed_seeds(plan: BuildPlan, parsed: Sequence[Issue], state: BuildState, content: Path,
                         read_issue: Callable[[Path], Issue]) -> list[str]:
    """Move the content of each gone issue that a new one matches; ``file:line: note`` for each move.
    ``plan.renamed`` records the old ids (their cached models are stale)."""
    # an edition keeps its id (paper and date) whatever its page files are called: renaming a page
    # file needs no move, and a page's folder written by an older dibao is adopted by its edition
    # (ContentStore.adopt), so only whole issues are matched here, and only with files that are gone
    new = [issue for issue in parsed if not issue.pages and issue.id not in state.issues
           and not (content / issue.id).exists()]
    present = set(plan.ids.values())
    notes = []
    for old_id in list(plan.removed):
        folder = content / old_id
        if not new or not (folder / "_index.md").exists() or old_id in present or state.issues[old_id].pages:
            continue
        match = best_match(read_issue(folder), new)
        if match is None:
            continue
        folder.rename(content / match.id)
        record = state.issues.pop(old_id)
        state.issues[match.id] = moved(record, old_id, match.id)
        plan.removed.remove(old_id)
        plan.renamed.add(old_id)
        new.remove(match)
        notes.append(f"{match.source}:1: renamed from {record.source}: content/{old_id}/ moved to "
                     f"content/{match.id}/ with its hand edits")
    return notes


def best_match(old: Issue, candidates: list[Issue]) -> Issue | None:
    """The candidate most of whose probes ``old`` has (over half), or whose article texts equal
    ``old``'s when neither has probes (articles too short); None when none is that close."""
    old_probes = issue_probes(old)
    best, best_share = None, 0.5
    for issue in candidates:
        probes = issue_probes(issue)
        if probes:
            share = len(probes & old_probes) / len(probes)
        else:
            share = 1.0 if not old_probes and [a.text for a in issue.articles] == [a.text for a in old.articles] else 0
        if share > best_share:
            best, best_share = issue, share
    return best


def moved(record: IssueRecord, old_id: str, new_id: str) -> IssueRecord:
    def new_path(path: str) -> str:
        return new_id + path[len(old_id):] if path.startswith(old_id + "/") else path

    articles = {new_path(aid): FileRecord(new_path(r.path), r.fields, r.body, r.text)
                for aid, r in record.articles.items()}
    return IssueRecord(record.source, record.key, articles, record.pages)
