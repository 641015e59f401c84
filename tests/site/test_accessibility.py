"""axe-core in Chromium: 0 serious or critical violations on each page type, light and dark;
no external requests; no sideways scrolling at 360 px (needs ``npm ci`` and Debian chromium)."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from site_helpers import CHROMIUM, NODE_MODULES, ROOT, page_of_each_type, require_tool

AXE = NODE_MODULES / "axe-core" / "axe.min.js"
PLAYWRIGHT = NODE_MODULES / "playwright-core"


def run_browser(tmp_path, pages, widths, scheme):
    require_tool(AXE, PLAYWRIGHT, CHROMIUM, reason="axe-core, playwright-core (npm ci) and chromium are needed")
    if not shutil.which("node"):
        pytest.skip("node is needed")
    job = tmp_path / f"job-{scheme}.json"
    job.write_text(json.dumps({"pages": pages, "widths": widths, "screens": None, "axe": str(AXE),
                               "colorScheme": scheme}))
    done = subprocess.run(["node", str(ROOT / "tests" / "site" / "browser.mjs"), str(job)], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["pages"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations(site, tmp_path, scheme):
    pages = [{"name": name, "url": path.as_uri()} for name, path in page_of_each_type(site).items()]
    report = run_browser(tmp_path, pages, [360, 1280], scheme)
    problems = []
    for page in report:
        serious = [v for v in page["violations"] if v["impact"] in ("serious", "critical")]
        problems += [f"{page['name']}@{page['width']}: {v['id']} ({v['impact']}) {v['help']} {v['nodes']}"
                     for v in serious]
        assert not page["external"], f"{page['name']} requested {page['external']}"
        assert page["scrollWidth"] <= page["width"], f"{page['name']} scrolls sideways at {page['width']} px"
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_edition_and_archive_pages_have_no_serious_violations(edition_site, tmp_path, scheme):
    from test_validity import edition_pages

    pages = [{"name": p.relative_to(edition_site).as_posix(), "url": p.as_uri()} for p in edition_pages(edition_site)]
    report = run_browser(tmp_path, pages, [360, 1280], scheme)
    problems = []
    for page in report:
        problems += [f"{page['name']}@{page['width']}: {v['id']} ({v['impact']}) {v['help']} {v['nodes']}"
                     for v in page["violations"]]
        assert not page["external"], f"{page['name']} requested {page['external']}"
        assert page["scrollWidth"] <= page["width"], f"{page['name']} scrolls sideways at {page['width']} px"
    assert len(report) >= 14 and not problems, "\n".join(problems)
