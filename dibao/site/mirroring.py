"""Mirroring the search index's build folder into ``site/search/`` by hard links.

The search cache replaces a changed file (new inode) and never rewrites one in
place, so a site file whose inode matches is up to date.  A memo of folder
times lets a mirror skip the folders that did not change since the last one.
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from .. import pickled


def remove_file(root: Path, path: str) -> None:
    """Unlink ``root/path`` (gone already is fine) and the folders it leaves empty."""
    target = root / path
    try:
        target.unlink()
    except FileNotFoundError:
        pass
    folder = target.parent
    while folder != root:
        try:
            folder.rmdir()
        except OSError:  # not empty (or gone)
            break
        folder = folder.parent


def mirror(source: Path, target: Path, keep: set[str] = frozenset(), memo: Path | None = None) -> None:
    """Make ``target`` hold the files of ``source`` (its top-level ``parts/`` and dotfiles left out).

    Files are hard links: the search cache replaces files, never rewrites them, so a file
    whose inode already matches is up to date and costs no system call (``scandir`` gives
    inodes).  Files of ``target`` that ``source`` no longer has are deleted, except ``keep``
    (site paths like ``search/index.html`` that the render wrote).

    ``memo``: a file recording each folder pair's modification times after the last mirror.
    A folder pair whose times did not change since holds the same entries (a file replaced,
    added or removed changes its folder's time), so it is not even listed: an added issue
    changes a few small folders of 90,000 files, and listing them all cost ~0.9 s."""
    known = pickled.load(memo)
    seen: dict[str, tuple] = {}
    _mirror_folder(source, target, "", keep, known if isinstance(known, dict) else {}, seen)
    if memo is not None:
        pickled.save(memo, seen)


def _mirror_folder(source: Path, target: Path, prefix: str, keep: set[str], known: dict, seen: dict) -> None:
    times = (_mtime(source / prefix), _mtime(target / prefix))
    if known.get(prefix, (None,))[:2] == times and None not in times:
        seen[prefix] = known[prefix]
        for sub in known[prefix][2]:
            _mirror_folder(source, target, f"{prefix}{sub}/", keep, known, seen)
        return
    wanted, folders = _listing(source / prefix, skip={"parts"} if not prefix else set()) if times[0] is not None \
        else ({}, set())
    present, old_folders = _listing(target / prefix) if times[1] is not None else ({}, set())
    (target / prefix).mkdir(parents=True, exist_ok=True)
    for name, inode in sorted(wanted.items()):
        if present.get(name) != inode:
            _link(source / prefix / name, target / prefix / name)
    for name in sorted(set(present) - set(wanted)):
        if f"search/{prefix}{name}" not in keep:
            remove_file(target, prefix + name)
    for gone in sorted(old_folders - folders):
        for rel in sorted(scan(target / prefix / gone)):
            remove_file(target, f"{prefix}{gone}/{rel}")
    for sub in sorted(folders):
        _mirror_folder(source, target, f"{prefix}{sub}/", keep, known, seen)
    after = (_mtime(source / prefix), _mtime(target / prefix))
    # file times come from a coarse clock: a folder changed in this very tick could change again unseen
    if time.time_ns() - max(after) > MEMO_SETTLED_NS:
        seen[prefix] = (*after, tuple(sorted(folders)))


#: A folder's time is trusted once it is this old (file times tick in milliseconds, not nanoseconds).
MEMO_SETTLED_NS = 200_000_000


def _mtime(folder: Path) -> int | None:
    try:
        return folder.stat().st_mtime_ns
    except FileNotFoundError:
        return None


def _listing(folder: Path, skip: set[str] = frozenset()) -> tuple[dict[str, int], set[str]]:
    """(file name → inode, sub-folder names) of one folder, dotfiles and ``skip`` left out."""
    files, folders = {}, set()
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith(".") or entry.name in skip:
                continue
            if entry.is_dir(follow_symlinks=False):
                folders.add(entry.name)
            elif entry.is_file(follow_symlinks=False):
                files[entry.name] = entry.inode()
    return files, folders


def _link(source: Path, destination: Path) -> None:
    temp = destination.with_name(f".{destination.name}.link")
    try:
        os.link(source, temp)
    except FileExistsError:
        temp.unlink()
        os.link(source, temp)
    except OSError:
        shutil.copyfile(source, temp)
    os.replace(temp, destination)


def scan(root: Path) -> dict[str, int]:
    """Relative path → inode of every file under ``root``, dotfiles and dot-folders left out."""
    found: dict[str, int] = {}

    def walk(prefix: str) -> None:
        files, folders = _listing(root / prefix)
        found.update((prefix + name, inode) for name, inode in files.items())
        for sub in sorted(folders):
            walk(f"{prefix}{sub}/")

    if root.is_dir():
        walk("")
    return found
