"""Profile a full build with py-spy (parse workers included) and list the hot spots.

py-spy comes from the bench venv (bench/out/venv), like Pelican and Hugo.
The summary counts, for each function, the share of samples in which it is on
the stack (inclusive) and on top of it (self), over all processes of the build.
"""
from __future__ import annotations

import collections
import re
import subprocess
import sys
from pathlib import Path

FRAME_LINE = re.compile(r":\d+\)$")
IDLE = ("select (selectors.py)", "wait (threading.py)", "_recv", "poll (", "recv_bytes", "_wait_for_tstate_lock")


def ensure_py_spy(venv: Path) -> Path:
    tool = venv.resolve() / "bin" / "py-spy"
    if not tool.exists():
        command = [str(venv.resolve() / "bin" / "pip"), "install", "-q", "py-spy"]
        if not (venv / "bin" / "pip").exists():
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        print("$", " ".join(command), flush=True)
        subprocess.run(command, check=True)
    return tool


def record(build: list[str], out: Path, venv: Path, cwd: Path) -> list[str]:
    command = [str(ensure_py_spy(venv)), "record", "--subprocesses", "--rate", "50", "--format", "raw",
               "--output", str(out), "--", *build]
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return command


def hot_spots(raw: Path, top: int = 25, only: str = "dibao/") -> str:
    inclusive, own, total = collections.Counter(), collections.Counter(), 0
    for line in raw.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        frames = [FRAME_LINE.sub(")", f) for f in stack.split(";") if not f.startswith("process ")]
        if not frames or any(mark in frames[-1] for mark in IDLE):
            continue  # a process waiting on another is not where the time goes
        total += int(count)
        for frame in set(frames):
            inclusive[frame] += int(count)
        own[frames[-1]] += int(count)
    pick = lambda counter: [(f, c) for f, c in counter.most_common() if only in f][:top]  # noqa: E731
    lines = [f"busy samples: {total} (50 Hz, all processes; waiting frames left out)", "", "inclusive (on the stack):"]
    lines += [f"  {100 * c / total:5.1f}%  {f}" for f, c in pick(inclusive)]
    lines += ["", "self (on top of the stack, any library):"]
    lines += [f"  {100 * c / total:5.1f}%  {f}" for f, c in own.most_common(top)]
    return "\n".join(lines)
