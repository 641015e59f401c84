"""Writing the site: one file per path, into a temporary folder swapped in on success."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

MARKER = ".dibao-site"  #: written into every site so a swap never deletes a folder dibao did not make


class OutputError(RuntimeError):
    """A path written twice, or an output folder that is not a dibao site."""


class SiteWriter:
    """Writes files under ``root``, refusing to write any path twice."""

    def __init__(self, root: Path):
        self.root = root
        self.written: dict[str, int] = {}
        self.folders: set[Path] = set()  # made already: a mkdir per file cost seconds on big sites

    def folder_for(self, target: Path) -> None:
        if target.parent not in self.folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.folders.add(target.parent)

    def write(self, path: str, content: str | bytes) -> None:
        if path in self.written:
            raise OutputError(f"output path written twice: {path}")
        if path.startswith("/") or ".." in path.split("/"):
            raise OutputError(f"output path leaves the site: {path}")
        data = content.encode("utf-8") if isinstance(content, str) else content
        target = self.root / path
        self.folder_for(target)
        target.write_bytes(data)
        self.written[path] = len(data)

    def reuse(self, path: str, source: Path) -> None:
        """Take an unchanged file over from the previous site: a hard link, a copy where links fail."""
        if path in self.written:
            raise OutputError(f"output path written twice: {path}")
        target = self.root / path
        self.folder_for(target)
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
        self.written[path] = source.stat().st_size

    def copy_tree(self, source: Path, prefix: str) -> None:
        """Copy every file under ``source`` (sorted, dotfiles skipped) to ``<prefix>/…``."""
        if not source.is_dir():
            return
        for file in sorted(source.rglob("*")):
            rel = file.relative_to(source).as_posix()
            if file.is_file() and not any(part.startswith(".") for part in rel.split("/")):
                self.write(f"{prefix}/{rel}", file.read_bytes())

    @property
    def total_bytes(self) -> int:
        return sum(self.written.values())


def temp_dir_for(out_dir: Path) -> Path:
    return out_dir.with_name(f"{out_dir.name}.tmp-{os.getpid()}")


def check_replaceable(out_dir: Path) -> None:
    if out_dir.exists() and any(out_dir.iterdir()) and not (out_dir / MARKER).exists():
        raise OutputError(f"{out_dir} exists and is not a dibao site (no {MARKER}); refusing to replace it")


def swap_in(new_dir: Path, out_dir: Path) -> None:
    """Replace ``out_dir`` by ``new_dir`` with two renames; the old site is removed afterwards."""
    old = out_dir.with_name(f"{out_dir.name}.tmp-old-{os.getpid()}")
    if out_dir.exists():
        os.replace(out_dir, old)
    try:
        os.replace(new_dir, out_dir)
    except OSError:
        if old.exists():
            os.replace(old, out_dir)
        raise
    shutil.rmtree(old, ignore_errors=True)


class Progress:
    """``pages 120/800`` on stderr, redrawn in place on a terminal, every tenth elsewhere."""

    def __init__(self, total: int, quiet: bool, label: str = "pages"):
        self.total, self.label, self.done = total, label, 0
        self.enabled = not quiet and total >= 200
        self.tty = sys.stderr.isatty()
        self.step = max(1, total // 10)

    def advance(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        if self.tty:
            end = "\n" if self.done == self.total else ""
            print(f"\rrender: {self.label} {self.done}/{self.total}", end=end, file=sys.stderr, flush=True)
        elif self.done % self.step == 0 or self.done == self.total:
            print(f"render: {self.label} {self.done}/{self.total}", file=sys.stderr, flush=True)
