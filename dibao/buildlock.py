"""One build at a time on a content/ folder and on a site/ folder.

Two builds on the same folders would write the same files at once (two interleaved search
index files were once published as one).  :func:`build_lock` takes an exclusive ``flock`` on a
lock file for each: ``content/.dibao/cache/build.lock`` and ``.<site>.dibao-lock`` beside the site
folder (a second content/ may publish into the same site).  A build that finds a folder busy
stops at once with a message naming it and the process holding it, or with ``wait`` waits its
turn.  The kernel drops a lock when its holder dies, however it dies: there is no stale lock to
delete by hand.

The build's forked workers inherit the lock, so a build killed with workers still running keeps
its folders locked until they end; and they end with it: a worker forked while the lock is held
is asked to be killed when its parent dies (Linux's ``PR_SET_PDEATHSIG``), so none goes on
writing after the build is gone.
"""
from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
from pathlib import Path
from typing import Iterator

try:
    import fcntl
except ImportError:  # not on Windows: builds there are not kept apart
    fcntl = None

_held: dict[Path, tuple[int, int]] = {}  #: lock file → (pid of the holder, depth): re-entered, not re-locked


class BuildBusy(RuntimeError):
    """Another build holds content/ or site/."""


def lock_paths(content: Path, out: Path) -> tuple[Path, Path]:
    out = Path(out).resolve()
    return Path(content).resolve() / ".dibao" / "cache" / "build.lock", out.with_name(f".{out.name}.dibao-lock")


@contextlib.contextmanager
def build_lock(content: Path, out: Path, wait: bool = False) -> Iterator[None]:
    """Hold the locks of ``content`` and ``out`` for the block (see the module docstring)."""
    with contextlib.ExitStack() as stack:
        for path, folder in zip(lock_paths(content, out), (content, out)):
            stack.enter_context(_locked(path, Path(folder), wait))
        yield


@contextlib.contextmanager
def _locked(path: Path, folder: Path, wait: bool) -> Iterator[None]:
    pid, depth = _held.get(path, (0, 0))
    if fcntl is None or (pid == os.getpid() and depth):
        _held[path] = (os.getpid(), depth + 1)
        try:
            yield
        finally:
            _held[path] = (os.getpid(), depth)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    ignore = path.parent / ".gitignore"
    if path.parent.name == "cache" and not ignore.exists():
        ignore.write_text("*\n", encoding="utf-8")  # as the build cache does: never committed
    handle = open(path, "a+", encoding="utf-8")
    try:
        _acquire(handle, folder, wait)
        holder = f"{os.getpid()} {' '.join(sys.argv[:2])}\n"
        handle.seek(0)
        if handle.read() != holder:  # unchanged when serve builds again: a no-op build writes nothing
            handle.seek(0)
            handle.truncate()
            handle.write(holder)
            handle.flush()
        _held[path] = (os.getpid(), 1)
        try:
            yield
        finally:
            _held.pop(path, None)
    finally:
        handle.close()  # closing drops the lock


def _acquire(handle, folder: Path, wait: bool) -> None:
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return
    except BlockingIOError:
        pass
    handle.seek(0)
    holder = handle.read().split(" ", 1)[0].strip() or "unknown"
    if not wait:
        raise BuildBusy(f"dibao: another dibao build (pid {holder}) is using {folder}; nothing was changed. "
                        f"Run again once it is done, or with --wait to wait for it.")
    print(f"dibao: waiting for the build using {folder} (pid {holder}) to finish", file=sys.stderr, flush=True)
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX)


def _die_with_parent() -> None:
    """In a child forked while this process holds a build lock: be killed when the parent dies,
    and have the children it forks in turn be killed with it."""
    parent = os.getppid()
    if not any(pid == parent and depth for pid, depth in _held.values()):
        return
    for path, (_pid, depth) in list(_held.items()):
        _held[path] = (os.getpid(), depth)  # the lock is this process's too: its children follow it
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (AttributeError, OSError):
        return
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


if hasattr(os, "register_at_fork") and sys.platform.startswith("linux"):
    os.register_at_fork(after_in_child=_die_with_parent)
