"""What in seeds/ is read as an issue, and why anything else is not.

Every entry of the folder is either read or listed once with the reason.  An entry meant as an
issue that cannot be read is *refused*: a symlink that leaves seeds/ (``passwd.txt`` →
``/etc/passwd`` must never be published), a symlink loop or a dangling one, a FIFO, socket or
device (reading a FIFO would wait forever), a folder named like a file (``x.txt/``) and a name
that is not UTF-8.  A refused entry is a problem of the build (``file:1: message``, exit status 1).
Hidden files, editor backups and plain folders are left alone on purpose and only noted.
"""
from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

BACKUP_ENDINGS = ("~", ".bak", ".swp")


@dataclass
class SeedScan:
    files: list[Path] = field(default_factory=list)  #: issue files to read, sorted
    refused: list[tuple[Path, str]] = field(default_factory=list)  #: (entry, ``file:1: reason``)
    notes: list[str] = field(default_factory=list)  #: ``file:1: not read: reason`` for what is left alone


def printable(text: str) -> str:
    """A path as it can be printed: bytes that are not UTF-8 shown as ``\\xff``."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def scan_seeds(folder: Path, display: Callable[[Path], str] = lambda p: p.as_posix()) -> SeedScan:
    scan = SeedScan()
    inside = folder.resolve()
    for path in sorted(folder.iterdir()):
        refused, note = classify(path, inside)
        where = printable(display(path))
        if refused:
            scan.refused.append((path, f"{where}:1: not read: {refused}"))
        elif note:
            scan.notes.append(f"{where}:1: not read: {note}")
        else:
            scan.files.append(path)
    return scan


def classify(path: Path, inside: Path) -> tuple[str, str]:
    """(why the entry is refused, why it is left alone); both empty for an issue file to read."""
    name = path.name
    if name.startswith("."):
        return "", "hidden file"
    if name.endswith(BACKUP_ENDINGS):
        return "", "editor backup"
    if printable(name) != name:
        return "the file name is not valid UTF-8; rename the file", ""
    target = path
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except RuntimeError:  # Python before 3.13
            return "a symlink loop", ""
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return "a symlink loop", ""
            return f"a symlink to {printable(os.readlink(path))}, which does not exist", ""
        if not target.is_relative_to(inside):
            return f"a symlink to {printable(str(target))}, outside the seeds folder; copy the file in instead", ""
    return kind_problem(target, name)


def kind_problem(target: Path, name: str) -> tuple[str, str]:
    try:
        mode = target.stat().st_mode
    except OSError as exc:
        return f"cannot read it: {exc.strerror or exc}", ""
    if stat.S_ISDIR(mode):
        if Path(name).suffix:
            return "a folder named like an issue file; issue files go directly in the seeds folder", ""
        return "", "a folder; issue files go directly in the seeds folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe), not a regular file", ""
    if not stat.S_ISREG(mode):
        return "a socket or device, not a regular file", ""
    return "", ""
