"""``python -m bench.stages --stages-json FILE [build.py arguments]``: build.py with a stopwatch per stage.

It runs exactly ``dibao.cli.main`` (what ``python build.py`` runs) after wrapping
the pipeline's stage functions with timers.  Times are *exclusive*: a stage
called inside another (the search index inside the site writer) is not counted
twice.  Parsing runs in worker processes; each worker adds the CPU seconds it
spends in ingest+segment and in per-article enrichment to shared counters, and
the parse stage's wall time is split between the two in that proportion.

Stage functions that do not exist (the pipeline changed) are simply skipped;
the runner shows them as absent and the time lands in "other".
"""
from __future__ import annotations

import argparse
import functools
import json
import multiprocessing
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: (function or ``Class.method`` name, stage label), looked up in every loaded ``dibao`` module.
STAGES = (
    ("plan_build", "plan"),
    ("parse_issues", "parse"),
    ("relate_archive", "relate"),
    ("read_unchanged", "read cached issues"),
    ("write_content", "write content"),
    ("add_files", "add: check + copy"),
    ("read_content", "read content back"),
    ("BuildCache.read_archive", "read content back"),
    ("BuildCache.load", "build cache load + save"),
    ("BuildCache.save", "build cache load + save"),
    ("render_site", "render pages"),
    ("build_search", "search index"),
    ("docs_from_issues", "search index"),
    ("publish", "write site"),
)
#: Functions called inside the parse workers: (module, function name, counter index).
WORKER_STAGES = (("dibao.parsing", "ingest", 0), ("dibao.parsing", "segment", 0),
                 ("dibao.parsing", "lost_characters", 0), ("dibao.parsing", "enrich_articles", 1))


class Stopwatch:
    """Exclusive wall time per label; nested stages are subtracted from the enclosing one."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self._stack: list[list[float]] = []  # [start, time spent in nested stages]

    def wrap(self, label: str, function):
        @functools.wraps(function)
        def timed(*args, **kwargs):
            self._stack.append([time.perf_counter(), 0.0])
            try:
                return function(*args, **kwargs)
            finally:
                start, nested = self._stack.pop()
                spent = time.perf_counter() - start
                self.seconds[label] = self.seconds.get(label, 0.0) + spent - nested
                self.calls[label] = self.calls.get(label, 0) + 1
                if self._stack:
                    self._stack[-1][1] += spent
        return timed


def worker_timer(counters, index: int, function):
    """Adds the CPU seconds spent in ``function`` to a counter shared with forked workers."""
    @functools.wraps(function)
    def timed(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            with counters.get_lock():
                counters[index] += time.process_time() - start
    return timed


def install(stopwatch: Stopwatch, counters) -> list[str]:
    """Wrap every stage function wherever a dibao module refers to it; returns the labels found."""
    wrapped: dict[int, object] = {}
    found = []
    for name, label in STAGES:
        for module in [m for key, m in sorted(sys.modules.items()) if key == "dibao" or key.startswith("dibao.")]:
            *classes, attribute = name.split(".")
            owner = getattr(module, classes[0], None) if classes else module
            if owner is None or (classes and getattr(owner, "__module__", "") != module.__name__):
                continue  # a class is wrapped once, in the module that defines it
            raw = owner.__dict__.get(attribute) if classes else getattr(owner, attribute, None)
            function = raw.__func__ if isinstance(raw, (classmethod, staticmethod)) else raw
            if callable(function):
                wrapper = wrapped.setdefault(id(function), stopwatch.wrap(label, function))
                setattr(owner, attribute, type(raw)(wrapper) if function is not raw else wrapper)
                found.append(label)
    for module_name, name, index in WORKER_STAGES:
        module = sys.modules.get(module_name)
        if module is not None and callable(getattr(module, name, None)):
            setattr(module, name, worker_timer(counters, index, getattr(module, name)))
    return sorted(set(found))


def import_dibao() -> None:
    """Load every dibao module the build may use, so their names can be wrapped before it starts."""
    import importlib
    import pkgutil

    import dibao

    for info in pkgutil.walk_packages(dibao.__path__, "dibao."):
        if not info.name.endswith(("__main__", ".serve")):
            importlib.import_module(info.name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--stages-json", type=Path, required=True)
    ours, rest = parser.parse_known_args(argv)
    started, cpu = time.perf_counter(), time.process_time()
    sys.path.insert(0, str(ROOT))
    import_dibao()
    from dibao import cli

    stopwatch = Stopwatch()
    counters = multiprocessing.Array("d", 2)  # inherited by forked parse workers
    found = install(stopwatch, counters)
    imports = time.perf_counter() - started
    code = cli.main(rest)
    record = {"argv": rest, "exit": code, "found": found, "stages": stopwatch.seconds, "calls": stopwatch.calls,
              "imports": imports, "wall": time.perf_counter() - started, "main_cpu": time.process_time() - cpu,
              "worker_cpu": {"ingest+segment": counters[0], "enrich per article": counters[1]}}
    ours.stages_json.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return code


if __name__ == "__main__":
    from dibao.cli import exit_now  # as build.py ends

    exit_now(main())
