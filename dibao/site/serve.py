"""``serve``: the built site on http://127.0.0.1:PORT, rebuilt when its inputs change.

The CLI wires it up, e.g.::

    serve(Path("site"), port, [Path("seeds"), Path("content"), Path("templates")], rebuild=lambda: build(...))

Changes are found by polling file sizes and modification times, which works
the same on every platform and needs no extra package.
"""
from __future__ import annotations

import functools
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Iterable

Snapshot = dict[str, tuple[int, int]]


def snapshot(folders: Iterable[Path]) -> Snapshot:
    """Path → (size, mtime in ns) for every file under the watched folders."""
    state: Snapshot = {}
    for folder in folders:
        if folder.is_dir():
            for file in folder.rglob("*"):
                if file.is_file():
                    info = file.stat()
                    state[str(file)] = (info.st_size, info.st_mtime_ns)
    return state


class Watcher:
    """Calls ``rebuild`` once per burst of changes; a failing rebuild is reported, not fatal."""

    def __init__(self, folders: list[Path], rebuild: Callable[[], object], interval: float = 1.0):
        self.folders, self.rebuild, self.interval = folders, rebuild, interval
        self.state = snapshot(folders)
        self.stopped = threading.Event()

    def check(self) -> bool:
        """Rebuild if anything changed since the last check; True when a rebuild ran."""
        current = snapshot(self.folders)
        if current == self.state:
            return False
        self.state = current
        try:
            self.rebuild()
        except Exception as exc:  # keep serving the last good site
            print(f"serve: rebuild failed: {exc}", file=sys.stderr)
        return True

    def run(self) -> None:
        while not self.stopped.wait(self.interval):
            self.check()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's name
        pass


def make_server(site_dir: Path, port: int) -> ThreadingHTTPServer:
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    return ThreadingHTTPServer(("127.0.0.1", port), handler)


def serve(site_dir: Path, port: int = 8000, watch: Iterable[Path] = (), rebuild: Callable[[], object] | None = None,
          interval: float = 1.0) -> None:
    """Serve until Ctrl-C; with ``rebuild`` given, poll ``watch`` and rebuild on change."""
    server = make_server(site_dir, port)
    watcher = Watcher(list(watch), rebuild, interval) if rebuild else None
    if watcher:
        threading.Thread(target=watcher.run, daemon=True).start()
    print(f"serving {site_dir} at http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C stops)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        if watcher:
            watcher.stopped.set()
        server.server_close()
