"""Screenshots of the main page types at phone and desktop widths, for review by eye.

    python tests/site/screenshots.py [--content DIR] [--out bench/out/screens] [--dark]

Renders the content (the golden fixture by default) into a temporary site and
photographs home, issue, article, region index and search at 390 and 1280 px
with Debian's Chromium through playwright-core (``npm ci`` first).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from dibao.contentio import read_content  # noqa: E402
from dibao.site import SiteConfig, render_site  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "site_content"
WIDTHS = (390, 1280)


def sample_pages(site: Path) -> list[dict]:
    """One page of each main type, picked from what the render wrote."""
    issue = sorted(site.glob("issues/*/index.html"))[-1]
    article = sorted(p for p in issue.parent.glob("*.html") if p.name != "index.html")[0]
    named = {"home": site / "index.html", "issue": issue, "article": article,
             "regions": site / "regions" / "index.html", "search": site / "search" / "index.html"}
    return [{"name": name, "url": path.as_uri()} for name, path in named.items()]


def run_browser(job: dict) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(job, handle)
    done = subprocess.run(["node", str(ROOT / "tests" / "site" / "browser.mjs"), handle.name], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    Path(handle.name).unlink()
    if done.returncode != 0:
        raise RuntimeError(f"browser.mjs failed:\n{done.stderr}")
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=FIXTURE)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "screens")
    parser.add_argument("--dark", action="store_true", help="use the dark colour scheme")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        render_site(read_content(args.content), site, SiteConfig(quiet=True))
        report = run_browser({"pages": sample_pages(site), "widths": list(WIDTHS), "screens": str(args.out.resolve()),
                              "axe": None, "colorScheme": "dark" if args.dark else "light"})
    for page in report["pages"]:
        print(f"{page['screenshot']}  (page width {page['scrollWidth']} px at viewport {page['width']} px)")


if __name__ == "__main__":
    main()
