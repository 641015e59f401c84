"""Running a command and measuring it: wall and CPU time, peak memory, folder sizes.

Peak memory is reported two ways.  ``ru_maxrss`` from ``wait4`` is the largest
resident set of any single process of the run (the build or one of its parse
workers).  The process tree is also sampled every second and the proportional
set sizes (PSS: shared pages split between sharers) of all its processes are
summed, which is what the machine as a whole had to hold.
"""
from __future__ import annotations

import gzip
import os
import resource
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

SAMPLE_EVERY = 1.0  #: seconds; one sample (/proc scan + smaps_rollup) costs ~50 ms of CPU the build needs


@dataclass(frozen=True)
class Run:
    command: tuple[str, ...]
    seconds: float  #: wall time
    cpu: float  #: user + system seconds of the process and its children
    peak_rss_mb: float  #: largest single process (ru_maxrss)
    peak_tree_mb: float  #: largest sampled sum of PSS over the process tree
    returncode: int
    stdout: str
    stderr: str


def run(command: list[str], cwd: Path, env: dict | None = None, log: Path | None = None) -> Run:
    """Run to completion; stdout/stderr go to files (no pipe can fill up) and are returned."""
    log = log or Path(cwd) / ".bench-run"
    out_path, err_path = log.with_suffix(".out"), log.with_suffix(".err")
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=err)
        sampler = TreeSampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        sampler.stop()
    process.returncode = os.waitstatus_to_exitcode(status)
    return Run(tuple(command), seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
               sampler.peak_kb / 1024, process.returncode,
               out_path.read_text(encoding="utf-8", errors="replace"),
               err_path.read_text(encoding="utf-8", errors="replace"))


class TreeSampler(threading.Thread):
    """Polls /proc for the summed PSS of a process and all its descendants."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak_kb = pid, 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(SAMPLE_EVERY):
            self.peak_kb = max(self.peak_kb, sum(memory_kb(p) for p in descendants(self.pid)))

    def stop(self) -> None:
        self._done.set()
        self.join()


def descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def memory_kb(pid: int) -> int:
    """PSS when the kernel reports it, else RSS; 0 for a process that is gone."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * resource.getpagesize() // 1024
    except (OSError, ValueError, IndexError):
        return 0


@dataclass(frozen=True)
class Size:
    files: int
    bytes: int
    gzip_bytes: int = 0  #: gzip -6 of every file, when asked for


def folder_size(folder: Path, suffix: str = "", with_gzip: bool = False, skip_suffix: str = "") -> Size:
    files = [p for p in sorted(Path(folder).rglob("*")) if p.is_file() and p.name.endswith(suffix)
             and not (skip_suffix and p.name.endswith(skip_suffix))] if Path(folder).is_dir() else []
    total = sum(p.stat().st_size for p in files)
    zipped = sum(len(gzip.compress(p.read_bytes(), 6)) for p in files) if with_gzip else 0
    return Size(len(files), total, zipped)
