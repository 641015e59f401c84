"""Writing the site: one file per path, only those that changed, into the folder given (a staging folder)."""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

class OutputError(RuntimeError):
    """A path written twice, or one that leaves the site."""


class SiteWriter:
    """Writes files under ``root``, refusing to write any path twice.

    Every path produced is recorded with a fingerprint and its size (:attr:`files`).  With
    ``previous`` (those of the last build) a file whose fingerprint is unchanged is not written
    at all: the site already holds it, and only changed files reach ``root`` (a staging folder)."""

    def __init__(self, root: Path, previous: dict | None = None):
        self.root = root
        self.previous = previous or {}
        self.files: dict[str, tuple[str, int]] = {}  #: path → (fingerprint, size), every file produced
        self.staged: list[str] = []  #: paths actually written under ``root``
        self.folders: set[Path] = set()  # made already: a mkdir per file cost seconds on big sites

    def claim(self, path: str) -> None:
        if path in self.files:
            raise OutputError(f"output path written twice: {path}")
        if path.startswith("/") or ".." in path.split("/"):
            raise OutputError(f"output path leaves the site: {path}")

    def unchanged(self, path: str, key: str) -> bool:
        """True (and the path recorded) when the last build produced ``path`` with this fingerprint."""
        old = self.previous.get(path)
        if old is None or old[0] != key:
            return False
        self.claim(path)
        self.files[path] = old
        return True

    def write(self, path: str, content: str | bytes, key: str = "") -> None:
        """Write ``path`` unless unchanged; ``key`` defaults to a hash of the bytes."""
        data = content.encode("utf-8") if isinstance(content, str) else content
        key = key or content_key(data)
        if self.unchanged(path, key):
            return
        self.reserve(path, key)
        self.record_size(path, self.store(path, data))

    def reserve(self, path: str, key: str) -> None:
        """Claim ``path`` as written with fingerprint ``key``; its bytes are stored later
        (:meth:`store`, possibly by another process) and its size recorded then."""
        self.claim(path)
        self.files[path] = (key, -1)
        self.staged.append(path)

    def store(self, path: str, data: bytes) -> int:
        """Put the bytes of a reserved path into the folder; their size."""
        target = self.root / path
        if target.parent not in self.folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.folders.add(target.parent)
        target.write_bytes(data)
        return len(data)

    def record_size(self, path: str, size: int) -> None:
        self.files[path] = (self.files[path][0], size)

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
        return sum(size for _, size in self.files.values())


def content_key(data: bytes) -> str:
    return "c" + hashlib.blake2b(data, digest_size=16).hexdigest()


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
