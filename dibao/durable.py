"""Writing state so that a build killed at any moment leaves something the next build can use.

Three tools, each for one kind of state:

* :func:`write_atomically`: one file (state.json, a cache, a record) is written beside its old
  version and renamed over it, so a reader finds the old file or the new one, never half of one.
* :class:`UndoLog`: many files that must change together with a record of them (content/'s
  article files and ``state.json``, which says what dibao generated and so which files an editor
  changed).  Every file the build replaces or removes is first kept (a hard link, so it costs
  no copy); ``state.json`` is renamed into place last, and that rename is the commit.  The next
  build rolls an uncommitted log back (:func:`recover_undo_log`): the files are again exactly those
  the old state.json describes, and no change of the killed build is taken for a hand edit.
* :func:`rebuilt_if_interrupted`: a cache folder updated in place over many files (the search
  index's) is marked while a step works on it; a mark left behind by a killed step makes the next
  build empty the folder and make it afresh, instead of patching files that no longer agree.
"""
from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path
from typing import Iterator

from . import crashpoints

INDEX = "index"  #: the undo log's list of changes, one per line
COMMITTED = "committed"  #: present once the new state is complete: the log is then rolled forward


def temp_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.tmp")


def write_atomically(path: Path, data: bytes | str, point: str | None = None) -> None:
    """Write ``data`` beside ``path`` and rename it over ``path`` (crash point ``point`` between)."""
    temp = temp_path(path)
    temp.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    if point:
        crashpoints.reached(point)
    os.replace(temp, path)


class UndoLog:
    """Replaces and removes files under ``root`` so that, until :meth:`commit`, every change can be
    undone by :func:`recover_undo_log` (see the module docstring).  Kept files and the list of
    changes live in ``folder``, created at the first change."""

    def __init__(self, root: Path, folder: Path):
        self.root, self.folder = root, folder
        self.touched: set[str] = set()
        self.index = None

    def replace(self, path: Path, text: str) -> None:
        """Write ``path`` (a file under ``root``) atomically, its old version kept first."""
        self._keep(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, text)
        crashpoints.reached("content-file")

    def remove(self, path: Path) -> None:
        self._keep(path)
        path.unlink(missing_ok=True)
        crashpoints.reached("content-removed")

    def commit(self, state_path: Path, state_text: str) -> None:
        """Make the changes final: write the state that describes them, mark the log committed,
        rename the state into place, and drop the log."""
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomically(temp_path(state_path), state_text)  # the rename below is the commit
        crashpoints.reached("state-json")
        (self.folder / COMMITTED).touch()
        os.replace(temp_path(state_path), state_path)
        crashpoints.reached("content-committed")
        self.close()
        shutil.rmtree(self.folder)

    def close(self) -> None:
        if self.index is not None:
            self.index.close()
            self.index = None

    def _keep(self, path: Path) -> None:
        rel = path.relative_to(self.root).as_posix()
        if rel in self.touched:
            return
        if self.index is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            self.index = (self.folder / INDEX).open("a", encoding="utf-8")
        if path.exists():
            kept = self.folder / str(len(self.touched))
            try:
                os.link(path, kept)
            except OSError:  # a file system without hard links
                shutil.copy2(path, kept)
            self.index.write(f"kept\t{kept.name}\t{rel}\n")
        else:
            self.index.write(f"new\t\t{rel}\n")
        self.index.flush()  # before the file changes: a kill loses nothing the log needs
        self.touched.add(rel)


def recover_undo_log(root: Path, folder: Path, state_path: Path) -> str:
    """Finish what a killed build left in the undo log ``folder``: roll it forward when it was
    committed (the new state is then complete), else put every changed file back.  Returns what
    was done: ``""`` (no log), ``"rolled forward"`` or ``"rolled back"``."""
    if not folder.is_dir():
        return ""
    if (folder / COMMITTED).exists():
        if temp_path(state_path).exists():
            os.replace(temp_path(state_path), state_path)
        shutil.rmtree(folder)
        return "rolled forward"
    try:
        lines = (folder / INDEX).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        lines = []
    for line in reversed(lines):
        parts = line.split("\t")
        if len(parts) != 3:  # a line cut short by the kill: its file was not touched yet
            continue
        kind, kept, rel = parts
        path = root / rel
        temp_path(path).unlink(missing_ok=True)
        if kind == "kept" and (folder / kept).exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            os.replace(folder / kept, path)
        elif kind == "new":
            path.unlink(missing_ok=True)
            remove_empty_folders(path.parent, root)
    temp_path(state_path).unlink(missing_ok=True)
    shutil.rmtree(folder)
    return "rolled back"


def remove_empty_folders(folder: Path, root: Path) -> None:
    """``folder`` and its parents below ``root``, as long as they are empty."""
    while folder != root and root in folder.parents:
        try:
            folder.rmdir()
        except OSError:  # not empty, or gone
            return
        folder = folder.parent


@contextlib.contextmanager
def rebuilt_if_interrupted(folder: Path) -> Iterator[None]:
    """Mark ``folder`` as being updated for the ``with`` block; if the mark of an earlier block is
    still there (that step was killed or failed), empty the folder first."""
    mark = folder.with_name(f".{folder.name}.unfinished")
    if mark.exists():
        shutil.rmtree(folder, ignore_errors=True)
    folder.parent.mkdir(parents=True, exist_ok=True)
    mark.touch()
    yield
    mark.unlink()
