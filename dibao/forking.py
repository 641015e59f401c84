"""Forking worker processes from a build process that holds a large model.

Every place that forks (pages rendered on every core, the search index's
monthly parts counted in workers, the search index built beside the render,
the pinyin index beside the search's key files) goes through :func:`forking`, so all of them follow the same two rules: fork
only where the platform can, and first freeze the parent's objects out of the
cyclic garbage collector (:func:`frozen`).  A forked worker's collector would
otherwise walk, and so copy, every page of the parent's memory.
"""
from __future__ import annotations

import contextlib
import gc
import multiprocessing
import pickle
import sys
import traceback
from typing import Callable, Iterator, TypeVar

from .oserrors import named

T = TypeVar("T")


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


@contextlib.contextmanager
def frozen() -> Iterator[None]:
    """Every object alive now frozen out of the cyclic garbage collector for the block: a
    forked worker then never walks the parent's pages, and a stage that allocates heavily
    (the search index) does not walk the long-lived model again at each collection.  Objects
    that were frozen before (the build cache freezes what it decodes) stay frozen after it."""
    frozen_before = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        yield
    finally:
        if not frozen_before:
            gc.unfreeze()


@contextlib.contextmanager
def forking() -> Iterator[multiprocessing.context.BaseContext]:
    """The "fork" context, with the objects alive now :func:`frozen` for the block."""
    with frozen():
        yield multiprocessing.get_context("fork")


class Beside:
    """One call run in a forked process while the caller goes on (see :func:`beside`)."""

    def __init__(self, call: Callable[[], T], name: str, concurrent: bool):
        self.call, self.name = call, name
        self.worker, self.receive = None, None
        self.outcome: tuple[bool, object] | None = None  #: (raised, value or exception) once known
        if concurrent and can_fork():
            for stream in (sys.stdout, sys.stderr):  # a buffered line would otherwise be printed twice
                stream.flush()
            with forking() as context:
                self.receive, send = context.Pipe(duplex=False)
                self.worker = context.Process(target=_run_call, args=(call, send), name=name)
                self.worker.start()
            send.close()

    def wait(self) -> None:
        """Until the call has finished (run here, when it was not forked)."""
        if self.outcome is not None:
            return
        if self.worker is None:
            try:
                self.outcome = (False, self.call())
            except Exception as exc:  # noqa: BLE001 - kept, raised by value() like a forked call's
                self.outcome = (True, exc)
            return
        try:
            data = self.receive.recv_bytes()
        except EOFError:
            data = None
        finally:
            self.receive.close()
        self.worker.join()
        self.outcome = (True, RuntimeError(f"the {self.name} process stopped without finishing "
                                           f"(exit code {self.worker.exitcode})")) if data is None else pickle.loads(data)

    def value(self) -> T:
        """The call's return value; its exception is raised here."""
        self.wait()
        raised, value = self.outcome
        if raised:
            raise value
        return value


@contextlib.contextmanager
def beside(call: Callable[[], T], name: str, concurrent: bool = True) -> Iterator[Beside]:
    """Run ``call`` in a forked process while the ``with`` body runs (when ``concurrent`` and the
    platform forks; else here, at the first ``value()`` or at the end of the block).  A forked call
    has finished when the block exits, even when the body raised: a call that writes files never goes
    on writing after the build has given up (one not yet run here is then skipped).  Its return value
    and exception cross by pickle."""
    pending = Beside(call, name, concurrent)
    try:
        yield pending
    except BaseException:
        if pending.worker is not None:
            pending.wait()
        raise
    pending.wait()


def _run_call(call: Callable[[], object], send) -> None:
    try:
        outcome = (False, call())
    except BaseException as exc:  # noqa: BLE001 - handed to the caller, which raises it
        outcome = (True, named(exc))  # its frames stay here: an OS error takes its path along
    try:
        send.send_bytes(_pickled(outcome))
    finally:
        send.close()


def _pickled(outcome: tuple[bool, object]) -> bytes:
    try:
        data = pickle.dumps(outcome)
        pickle.loads(data)
        return data
    except Exception:  # an exception (or value) that does not survive pickling arrives as its text
        raised, value = outcome
        text = "".join(traceback.format_exception(value)).rstrip() if raised else repr(value)
        return pickle.dumps((True, RuntimeError(text)))
