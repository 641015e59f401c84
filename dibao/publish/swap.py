"""Swapping a whole new site in: the journal that commits it and the swap that publishes it.

The staging folder beside the site (``<site>.dibao-staging``) holds the whole new site once a
build is done: the files it rendered, hard links to every file it kept, the search index linked
in, the marker.  Writing the journal beside it (``<site>.dibao-journal``: the id the new site's
marker carries) is the commit; then the two folders change places in one
``renameat2(RENAME_EXCHANGE)`` where the kernel and file system have it, so ``site/`` is at every
moment the old site or the new one and never missing.  Elsewhere two renames do it (site →
``<site>.dibao-old``, staging → site), and a build killed between them leaves no ``site/``
until :func:`recover`, run at the start of the next build, puts one back.

:func:`recover` finishes what a killed build left: a committed staging folder is swapped in
(rolled forward), an uncommitted one, or the old site swapped out, is deleted.
"""
from __future__ import annotations

import ctypes
import errno
import os
import shutil
from pathlib import Path

from .. import crashpoints
from ..durable import write_atomically
from .record import marker_id

AT_FDCWD = -100
RENAME_EXCHANGE = 2


def staging_dir_for(out_dir: Path) -> Path:
    return out_dir.with_name(f"{out_dir.name}.dibao-staging")


def old_dir_for(out_dir: Path) -> Path:
    return out_dir.with_name(f"{out_dir.name}.dibao-old")


def journal_for(out_dir: Path) -> Path:
    return out_dir.with_name(f"{out_dir.name}.dibao-journal")


def commit(out_dir: Path, record_id: str) -> None:
    """The staging folder is the whole new site, its marker naming ``record_id``: from here on
    the next build swaps it in if this one does not."""
    # no fsync: it made the file system write back everything the build wrote before the swap
    # could start.  What is guarded against is a build that is killed or fails; after a power
    # loss, run ``build.py --clean``.
    write_atomically(journal_for(out_dir), record_id)
    crashpoints.reached("journal")


def committed_id(out_dir: Path) -> str:
    try:
        return journal_for(out_dir).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""


def swap_in(staging: Path, out_dir: Path) -> None:
    """Make the committed ``staging`` the site; the old site ends up in ``staging``, then gone."""
    crashpoints.reached("swap")
    if not out_dir.exists():
        os.replace(staging, out_dir)
    elif not exchange(staging, out_dir):
        old = old_dir_for(out_dir)
        shutil.rmtree(old, ignore_errors=True)
        os.replace(out_dir, old)
        os.replace(staging, out_dir)
        shutil.rmtree(old, ignore_errors=True)
    crashpoints.reached("swapped")
    journal_for(out_dir).unlink()
    shutil.rmtree(staging, ignore_errors=True)


def recover(out_dir: Path) -> bool:
    """Finish a committed build that was killed before its swap was done, or drop what an
    uncommitted one left.  Returns True when a committed site was swapped in."""
    staging, old, journal = staging_dir_for(out_dir), old_dir_for(out_dir), journal_for(out_dir)
    new_id = committed_id(out_dir)
    finished = bool(new_id) and marker_id(out_dir) != new_id and marker_id(staging) == new_id
    if finished:
        swap_in(staging, out_dir)
    elif old.exists() and not out_dir.exists():
        os.replace(old, out_dir)  # two renames cut short before the commit could count
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(staging, ignore_errors=True)  # uncommitted, or the old site swapped out
    journal.unlink(missing_ok=True)
    return finished


def exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step; False (nothing done) where the kernel or file system cannot."""
    rename = _renameat2()
    if rename is None:
        return False
    if rename(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EPERM):
        return False  # no such system call, or a file system without the flag
    raise OSError(code, os.strerror(code), str(second))


_RENAMEAT2: list = []


def _renameat2():
    """glibc's ``renameat2`` (2.28 and later), or None off Linux or before it."""
    if not _RENAMEAT2:
        try:
            function = ctypes.CDLL(None, use_errno=True).renameat2
            function.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
            function.restype = ctypes.c_int
        except (AttributeError, OSError):
            function = None
        _RENAMEAT2.append(function)
    return _RENAMEAT2[0]
