"""Publishing: the only code that changes ``site/``.

The render and the search index only make files into folders they are given; this package
turns them into the new ``site/`` so that a reader, or a build killed at any moment, sees either
the old site or the new one::

    publish(Target(out, records, render_key), render, trees={"search": folder}, beside=step)

1. :func:`.swap.recover` finishes (or drops) what a killed build left beside ``site/``;
2. ``beside`` (the search index) runs in a forked process while ``render(staging, last)``
   writes the files whose fingerprint changed since the site in place (``last``, from its
   record, :mod:`.record`) into the staging folder;
3. the record of the new site is saved, every unchanged file is hard-linked in from ``site/``,
   and each tree (the search index's folder) is linked in whole (:mod:`.staging`);
4. the marker and the journal are written (the commit), and the staging folder and ``site/``
   change places in one rename (:mod:`.swap`); the old site is deleted.

Beside ``site/`` there are thus, while a build publishes, ``site.dibao-staging/`` and
``site.dibao-journal``; a lock file ``.site.dibao-lock`` stays (:mod:`dibao.buildlock`).

A failure before the commit leaves ``site/`` as it was and the staging folder is thrown away.
Nothing here knows how pages or the search index are made: ``publish`` imports neither.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping, Protocol

from .. import crashpoints
from .beside import steps_beside
from .record import (MARKER, PublishError, SiteRecord, check_replaceable, keep_only, load_record, marker_id,
                     prune_records, render_key, save_record, write_marker)
from .staging import link_tree, link_unchanged, scan
from .swap import commit, recover, staging_dir_for, swap_in

__all__ = ["LastSite", "MARKER", "PublishError", "Rendered", "Target", "publish", "render_key", "scan",
           "site_is_current"]


@dataclass(frozen=True)
class LastSite:
    """What the render may reuse of the site in place: its files' fingerprints (None: render
    every file) and what the render memoised when it made them (None: nothing)."""

    files: dict | None = None
    memo: object = None


class Rendered(Protocol):
    """What a render reports: every file it produced (path → (fingerprint, size)), the paths it
    actually wrote into the folder (the rest are the last site's), and its memo for next time."""

    manifest: dict
    staged: tuple
    memo: object


Render = Callable[[Path, LastSite], Rendered]


@dataclass(frozen=True)
class Target:
    out: Path  #: the site folder
    records: Path | None = None  #: where the records of its builds are kept (None: none, render all)
    render_key: str = ""  #: see :func:`.record.render_key`; a record made under another is not reused
    reuse: bool = True  #: False: render every file (a clean build)
    trees: Mapping[str, Path] = field(default_factory=dict)  #: site folder → folder linked in whole


def publish(target: Target, render: Render, beside: Callable[[], object] | None = None,
            meanwhile: Callable[[], object] | None = None) -> Rendered:
    """Bring ``target.out`` up to date (see the module docstring).  ``beside`` runs while the
    render does (in a forked process when only changed files render, after it on a full render);
    ``meanwhile``, the caller's own work, once the render is done, while ``beside`` may still run."""
    out = Path(target.out)
    check_replaceable(out)
    recover(out)
    record = load_record(target.records, out) if target.reuse else None
    same_code = record is not None and bool(target.render_key) and record.render_key == target.render_key
    last = LastSite(record.files, record.memo) if same_code else LastSite()
    records = target.records if target.render_key else None
    staging = staging_dir_for(out)
    try:
        staging.mkdir(parents=True)
        with steps_beside([beside] if beside else [], concurrent=last.files is not None):
            rendered = render(staging, last)
            new = SiteRecord(target.render_key, rendered.manifest, rendered.memo)
            save_record(records, new)
            if meanwhile is not None:
                meanwhile()
        link_unchanged(staging, out, rendered.manifest, rendered.staged)
        for prefix, folder in target.trees.items():
            link_tree(folder, staging, prefix)
        write_marker(staging, new.id)
        commit(out, new.id)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap_in(staging, out)
    keep_only(records, new, out)
    prune_records(records)
    crashpoints.reached("published")
    return rendered


def site_is_current(out_dir: Path) -> bool:
    """The site's last build was published completely (its marker names a build, nothing is
    left beside it to finish)."""
    out_dir = Path(out_dir)
    return bool(marker_id(out_dir)) and not staging_dir_for(out_dir).exists()
