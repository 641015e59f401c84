"""The prepare steps run beside the render: same results, failures raised in the build process."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from dibao.publish.beside import steps_beside


class SearchBroke(ValueError):
    pass


def write_pid(path: Path):
    return lambda: path.write_text(str(os.getpid()), encoding="utf-8")


@pytest.mark.parametrize("concurrent", [True, False])
def test_the_steps_have_run_when_the_block_ends(tmp_path, concurrent):
    marker = tmp_path / "step"
    with steps_beside([write_pid(marker)], concurrent=concurrent):
        pass
    ran_in = int(marker.read_text(encoding="utf-8"))
    assert (ran_in != os.getpid()) is concurrent


def unpicklable_error() -> Exception:
    class Local(Exception):  # defined in a function: pickle cannot find it by name
        pass

    return Local("no pickle for me")


@pytest.mark.parametrize("error, raised, text", [
    (SearchBroke("index shard t/abc.js: disk full"), SearchBroke, "disk full"),  # raised here as itself
    (unpicklable_error(), RuntimeError, "no pickle for me"),  # arrives as its text
])
def test_a_failing_step_is_raised_in_the_build_process(error, raised, text):
    def broken():
        raise error

    with pytest.raises(raised, match=text):
        with steps_beside([broken], concurrent=True):
            pass


def test_a_step_process_that_dies_is_an_error():
    with pytest.raises(RuntimeError, match="exit code 3"):
        with steps_beside([lambda: os._exit(3)], concurrent=True):
            pass


def test_when_the_render_fails_the_steps_still_finish_and_the_render_error_wins(tmp_path):
    marker = tmp_path / "step"
    with pytest.raises(KeyError):
        with steps_beside([write_pid(marker)], concurrent=True):
            raise KeyError("template")
    assert marker.exists()
