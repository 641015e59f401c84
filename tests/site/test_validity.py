"""W3C Nu HTML checker: every page type has 0 errors (needs ``npm ci`` and Java)."""
from __future__ import annotations

import json
import shutil
import subprocess

from site_helpers import NODE_MODULES, page_of_each_type, require_tool

VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_type_is_valid_html(site):
    require_tool(VNU, reason="java and vnu-jar are needed (npm ci)")
    pages = [str(p) for p in page_of_each_type(site).values()]
    pages += [str(p) for p in sorted(site.glob("issues/*/*.html"))]
    done = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *sorted(set(pages))],
                          capture_output=True, text=True, timeout=300)
    messages = json.loads(done.stderr or done.stdout or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '')}:{m.get('lastLine')}: {m['message']}" for m in messages if m["type"] != "info"]
    assert not errors, "\n".join(errors)
    assert shutil.which("java")


def test_real_content_pages_are_valid_html(real_site):
    require_tool(VNU, reason="java and vnu-jar are needed (npm ci)")
    done = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html",
                           str(real_site)], capture_output=True, text=True, timeout=300)
    messages = json.loads(done.stderr or done.stdout or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '')}:{m.get('lastLine')}: {m['message']}" for m in messages if m["type"] != "info"]
    assert not errors, "\n".join(errors[:20])


def edition_pages(site) -> list:
    """One page of each edition and archive type, and the home page that leads with an edition."""
    picks = [site / "index.html", site / "issues" / "index.html"]
    picks += sorted(site.glob("issues/*/pages"))[:1] and [sorted(site.glob("issues/*/pages"))[0].parent / "index.html"]
    picks += sorted(site.glob("issues/*/pages/*.html"))[:2] + sorted(site.glob("archive/**/*.html"))
    return picks


def test_edition_and_archive_pages_are_valid_html(edition_site):
    require_tool(VNU, reason="java and vnu-jar are needed (npm ci)")
    pages = [str(p) for p in edition_pages(edition_site)]
    pages += [str(p) for p in sorted(edition_site.glob("issues/qinghefazhibao-*/*.html"))]
    done = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *sorted(set(pages))],
                          capture_output=True, text=True, timeout=300)
    messages = json.loads(done.stderr or done.stdout or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '')}:{m.get('lastLine')}: {m['message']}" for m in messages if m["type"] != "info"]
    assert len(pages) > 10 and not errors, "\n".join(errors)
