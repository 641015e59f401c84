"""Run the browser-runtime tests (node:test: lunr.js parity, recall, Playwright) from pytest.

Skipped with a reason when node or ``node_modules`` (``npm ci``) is missing,
so ``python -m pytest`` stays the one command that runs everything.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(shutil.which("npm") is None, reason="npm not installed")
@pytest.mark.skipif(not (ROOT / "node_modules/lunr").exists(), reason="run `npm ci` first for the JS search tests")
def test_npm_test_passes():
    env = {**os.environ, "PYTHON": sys.executable}
    done = subprocess.run(["npm", "test"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    tail = "\n".join((done.stdout + done.stderr).splitlines()[-60:])
    assert done.returncode == 0, tail
