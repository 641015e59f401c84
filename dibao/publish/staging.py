"""Filling the staging folder with the rest of the new site: hard links, no copies.

The render writes into the staging folder only the files whose fingerprint changed; every other
file it produced is the last site's, linked in from ``site/`` (:func:`link_unchanged`).  Folders
made elsewhere (the search index) are linked in whole (:func:`link_tree`): their makers replace a
changed file with a new one and never rewrite one in place, so a link always shows the bytes it
was made with, and the live site never changes under a reader.
"""
from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path
from typing import Iterable

from .. import crashpoints
from .record import PublishError


class Linker:
    """Makes hard links under ``root``, creating each folder once (a mkdir per file cost seconds)."""

    def __init__(self, root: Path):
        self.root = root
        self.prefix = os.path.join(root, "")
        self.folders: set[str] = set()

    def link(self, source: str, rel: str) -> None:
        target = self.prefix + rel
        folder = os.path.dirname(target)
        if folder not in self.folders:
            os.makedirs(folder, exist_ok=True)
            self.folders.add(folder)
        try:
            os.link(source, target)
        except FileExistsError:
            raise PublishError(f"output path made twice: {rel}") from None
        except OSError as exc:
            if exc.errno not in (errno.EXDEV, errno.EMLINK, errno.EOPNOTSUPP, errno.EPERM):  # no link here
                raise
            shutil.copy2(source, target)


def link_unchanged(staging: Path, out_dir: Path, produced: Iterable[str], staged: Iterable[str]) -> int:
    """Link every produced path the render did not write from the site in place; how many."""
    linker, written = Linker(staging), set(staged)
    source = os.path.join(out_dir, "")
    count = 0
    for path in produced:
        if path not in written:
            linker.link(source + path, path)
            count += 1
            if count == 1:
                crashpoints.reached("staging")
    return count


def link_tree(source: Path, staging: Path, prefix: str) -> int:
    """Link every file under ``source`` (dotfiles and dot-folders left out: a maker's own cache)
    to ``<prefix>/…`` in the staging folder; a path the render made too is an error."""
    linker = Linker(staging)
    count = 0
    for rel in sorted(scan(source)):
        linker.link(os.path.join(source, rel), f"{prefix}/{rel}")
        count += 1
    return count


def scan(root: Path) -> list[str]:
    """Relative path of every file under ``root``, dotfiles and dot-folders left out."""
    found: list[str] = []

    def walk(folder: str, prefix: str) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    walk(entry.path, f"{prefix}{entry.name}/")
                elif entry.is_file(follow_symlinks=False):
                    found.append(prefix + entry.name)

    if Path(root).is_dir():
        walk(os.fspath(root), "")
    return found
