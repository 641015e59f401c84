"""Which path an OS error is about, so that it can be told in one line naming it.

``open()`` names its file in the error, but ``write()`` and ``close()`` on an open file do not:
a full disk (``ENOSPC``) usually strikes there.  The frames the error passed through still know
the path: pathlib's ``write_text``/``write_bytes`` hold it as ``self``, dibao's writers as a
local such as ``path`` or ``target``.  :func:`named` copies the innermost one into the error
before it leaves the process that raised it (a forked worker's error crosses by pickle, without
its frames).
"""
from __future__ import annotations

import os
from pathlib import PurePath

PATH_LOCALS = ("self", "path", "target", "temp", "destination", "file")


def named(exc: BaseException) -> BaseException:
    """``exc``, with ``filename`` filled in from its frames when it is an OSError without one."""
    if isinstance(exc, OSError) and exc.filename is None:
        path = failed_path(exc)
        if path is not None:
            exc.filename = path
    return exc


def failed_path(exc: BaseException) -> str | None:
    frames, tb = [], exc.__traceback__
    while tb is not None:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    for frame in reversed(frames):  # innermost first: the path being written, not a folder above it
        for name in PATH_LOCALS:
            value = frame.f_locals.get(name)
            if isinstance(value, PurePath):
                return os.fspath(value)
    return None
