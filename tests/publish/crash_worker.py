"""The builds the crash tests kill, run in children of a fork server that loaded dibao and jieba's
dictionary once.  (Forked from pytest itself they could hang: once a build there has related
articles on several threads, a forked child that does it again waits on a lock no thread holds.)"""
import os

from dibao import crashpoints
from dibao.pipeline import build
from dibao.textseg import get_jieba

get_jieba()


def run_armed(config, point: str, hit: int, clean: bool, root) -> None:
    """The build, in a process group of its own (the kill takes its workers with it), killed at
    the ``hit``-th pass of ``point``; exit code 0 when it never got there."""
    os.setsid()
    os.environ[crashpoints.ENV] = f"{point}:{hit}"
    os.environ[crashpoints.GROUP_ENV] = "1"
    build(config, root=root, clean=clean)
