"""Helpers shared by the site tests."""
from __future__ import annotations

from dibao.enrich.people import person_slug

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
CHROMIUM = Path("/usr/bin/chromium")


def page_of_each_type(site: Path) -> dict[str, Path]:
    issue = site / "issues" / "2025-11-04-fazhi-zhoukan"
    return {
        "home": site / "index.html", "issues": site / "issues" / "index.html", "issue": issue / "index.html",
        "article": issue / "ezhou-gongan-qingzhiqin-yu-yitihua-yunxing.html",
        "hostile": issue / "ceshi-biaoti.html",
        "regions": site / "regions" / "index.html", "region": site / "regions" / "hubei" / "index.html",
        "themes": site / "themes" / "index.html", "theme": site / "themes" / "fanzha" / "index.html",
        "people": site / "people" / "index.html", "person": site / "people" / person_slug("刘志月") / "index.html",
        "search": site / "search" / "index.html", "about": site / "about" / "index.html",
        "404": site / "404.html",
    }


def require_tool(*paths: Path, reason: str) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing or ("java" in reason and not shutil.which("java")):
        pytest.skip(f"{reason}; missing: {', '.join(missing) or 'java'}")


def run_browser_job(tmp_path: Path, script: str, job: dict) -> dict:
    """Run ``tests/site/<script>`` (a playwright-core driver) on ``job`` and return its JSON report."""
    require_tool(NODE_MODULES / "playwright-core", CHROMIUM, reason="playwright-core (npm ci) and chromium are needed")
    if not shutil.which("node"):
        pytest.skip("node is needed")
    path = tmp_path / "job.json"
    path.write_text(json.dumps(job))
    done = subprocess.run(["node", str(ROOT / "tests" / "site" / script), str(path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)
