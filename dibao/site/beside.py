"""The site writer's prepare steps (the search index), run in a forked process while pages render.

An incremental build spends about as long on changed pages as on the search
index, both mostly Python, so on two cores running them side by side takes
the time of the longer one.  A full render does not: it already renders on
every core, and with the index beside it the two peaks of memory would add up.

The steps write only their own lasting folder (the search cache), which the
site writer mirrors once both are done.  A failure in the steps is raised in
the build process as the same exception; when rendering fails, the steps are
still waited for, so their folder is never left half-written by this process.
"""
from __future__ import annotations

import pickle
import sys
import traceback
from contextlib import contextmanager
from typing import Callable, Iterator, Sequence

from ..forking import can_fork, forking

Step = Callable[[], object]


@contextmanager
def steps_beside(steps: Sequence[Step], concurrent: bool) -> Iterator[None]:
    """Run ``steps`` while the ``with`` body runs (in a forked process when ``concurrent``
    and the platform forks), else after it; both have finished when the block exits."""
    if not steps or not concurrent or not can_fork():
        yield
        for step in steps:
            step()
        return
    for stream in (sys.stdout, sys.stderr):  # a buffered line would otherwise be printed twice
        stream.flush()
    with forking() as context:
        receive, send = context.Pipe(duplex=False)
        worker = context.Process(target=_run, args=(steps, send), name="dibao-prepare")
        worker.start()
    send.close()
    try:
        yield
    finally:
        failure = _outcome(worker, receive)
    if failure is not None:
        raise failure


def _run(steps: Sequence[Step], send) -> None:
    try:
        for step in steps:
            step()
        send.send_bytes(b"")
    except BaseException as exc:  # noqa: BLE001 - handed to the build process, which raises it
        send.send_bytes(_pickled(exc))
    finally:
        send.close()


def _pickled(exc: BaseException) -> bytes:
    try:
        data = pickle.dumps(exc)
        pickle.loads(data)
        return data
    except Exception:  # an exception that does not survive pickling is raised as its text
        return pickle.dumps(RuntimeError("".join(traceback.format_exception(exc)).rstrip()))


def _outcome(worker, receive) -> BaseException | None:
    """Wait for the worker; the exception its steps raised, if any."""
    try:
        data = receive.recv_bytes()
    except EOFError:
        data = None
    finally:
        receive.close()
    worker.join()
    if data is None:
        return RuntimeError(f"the search index process stopped without finishing (exit code {worker.exitcode})")
    return pickle.loads(data) if data else None
