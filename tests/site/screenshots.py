"""Screenshots of every page type at phone and desktop widths, light and dark, for review by eye.

    python tests/site/screenshots.py [--content DIR | --seeds DIR] [--out bench/out/screens] [--first-screen]

Builds a site (from the golden fixture's content by default; from ``--content``, or from issue
files with ``--seeds``, through the whole pipeline) into a temporary folder, picks one page of
each type from what it wrote, and photographs each at 360 and 1280 px in the light and the dark
colour scheme with Debian's Chromium through playwright-core (``npm ci`` first).  Prints each
file with the page's width, which must not exceed the viewport's.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from dibao.contentio import read_content  # noqa: E402
from dibao.pipeline import search_writer  # noqa: E402
from dibao.site import SiteConfig, render_site  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "site_content"
WIDTHS = (360, 1280)
SCHEMES = ("light", "dark")


def largest(paths) -> Path | None:
    """The biggest file: the richest page of its kind (most articles, most names)."""
    return max(paths, key=lambda p: (p.stat().st_size, p.as_posix()), default=None)


def article_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.glob("issues/*/*.html") if p.name != "index.html")


def sample_pages(site: Path) -> dict[str, str]:
    """Page type → URL of one page of that type the site has."""
    articles = article_pages(site)
    with_toc = [p for p in articles if 'class="story-toc"' in p.read_text(encoding="utf-8")]
    plain = [p for p in articles if p not in with_toc]
    people = site / "people"
    named = {
        "home": site / "index.html", "issues": site / "issues" / "index.html",
        "issue": largest(p for p in site.glob("issues/*/index.html") if not (p.parent / "pages").is_dir()),
        "edition": largest(p for p in site.glob("issues/*/index.html") if (p.parent / "pages").is_dir()),
        "edition-page": largest(site.glob("issues/*/pages/*.html")),
        "archive-year": largest(site.glob("archive/*/index.html")),
        "archive-month": largest(p for p in site.glob("archive/*/*.html") if p.name != "index.html"),
        "article": plain[len(plain) // 2] if plain else None,
        "article-toc": largest(with_toc),
        "regions": site / "regions" / "index.html", "region": largest(site.glob("regions/*/index.html")),
        "region-older": largest(site.glob("regions/*/page-*.html")),
        "themes": site / "themes" / "index.html", "theme": largest(site.glob("themes/*/index.html")),
        "people": people / "index.html", "surname": largest(p for p in people.glob("*.html") if p.name != "index.html"),
        "person": largest(people.glob("*/index.html")),
        "search": site / "search" / "index.html", "about": site / "about" / "index.html", "404": site / "404.html",
    }
    urls = {name: path.as_uri() for name, path in named.items() if path is not None and path.is_file()}
    searched = next((p for p in (named["article"], named["article-toc"], *articles) if p and query_word(p)), None)
    if searched is not None:
        word = query_word(searched)
        urls["search-results"] = f"{urls['search']}?q={word}"
        urls["article-from-search"] = f"{searched.as_uri()}?q={word}"
    return urls


def query_word(article: Path | None) -> str:
    """A word from the article's keywords, as a reader might search for it."""
    if article is None:
        return ""
    found = re.search(r"<dt>关键词</dt><dd>([^、<]+)", article.read_text(encoding="utf-8"))
    return found.group(1) if found else ""


def build_site(args, work: Path) -> Path:
    site = work / "site"
    if args.seeds:
        from dibao.config import load_config
        from dibao.pipeline import build

        build(load_config(ROOT, seeds=str(args.seeds.resolve()), content=str(work / "content"), out=str(site),
                          quiet=True), root=ROOT)
        return site
    issues = read_content(args.content)
    render_site(issues, site, SiteConfig(quiet=True))
    search_writer(issues, work / "search")()  # the search page's runtime and index, as the pipeline adds them
    for path in (work / "search").rglob("*"):
        target = site / "search" / path.relative_to(work / "search")
        if path.is_file() and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    return site


def run_browser(job: dict) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(job, handle)
    done = subprocess.run(["node", str(ROOT / "tests" / "site" / "browser.mjs"), handle.name], cwd=ROOT,
                          capture_output=True, text=True, timeout=1200)
    Path(handle.name).unlink()
    if done.returncode != 0:
        raise RuntimeError(f"browser.mjs failed:\n{done.stderr}")
    return json.loads(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--content", type=Path, default=FIXTURE, help="a content/ folder to render")
    source.add_argument("--seeds", type=Path, help="issue files to build the site from")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "screens")
    parser.add_argument("--first-screen", action="store_true", help="only the first screenful of each page")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    wide = []
    with tempfile.TemporaryDirectory() as tmp:
        site = build_site(args, Path(tmp))
        pages = [{"name": name, "url": url} for name, url in sample_pages(site).items()]
        for scheme in SCHEMES:
            report = run_browser({"pages": pages, "widths": list(WIDTHS), "screens": str(args.out.resolve()),
                                  "axe": None, "colorScheme": scheme, "firstScreen": args.first_screen})
            for page in report["pages"]:
                print(f"{page['screenshot']}  (page width {page['scrollWidth']} px at viewport {page['width']} px)")
                if page["scrollWidth"] > page["width"]:
                    wide.append(f"{page['name']}@{page['width']} {scheme}")
    if wide:
        print("wider than the viewport: " + ", ".join(wide), file=sys.stderr)
    return 1 if wide else 0


if __name__ == "__main__":
    sys.exit(main())
