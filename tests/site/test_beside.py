"""The prepare steps run beside the render: same results, failures raised in the build process."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from dibao.site.beside import steps_beside


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


def test_a_failing_step_is_raised_here_as_itself(tmp_path):
    def broken():
        raise SearchBroke("index shard t/abc.js: disk full")

    with pytest.raises(SearchBroke, match="disk full"):
        with steps_beside([broken], concurrent=True):
            pass


def test_an_exception_that_cannot_be_pickled_arrives_as_its_text():
    class Local(Exception):  # defined in a function: pickle cannot find it by name
        pass

    def broken():
        raise Local("no pickle for me")

    with pytest.raises(RuntimeError, match="no pickle for me"):
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
