"""``python -m bench.lighthouse``: Lighthouse (mobile) scores and page sizes of a site built from real pages.

    python -m bench.lighthouse [--pages 60] [--month 202001] [--corpus ../shared/corpus/rmrb] [--out bench/out/lighthouse]

Builds a site from ``--pages`` consecutive clean pages of one month (or from ``seeds/`` when the
corpus is absent), serves it over HTTP on localhost and runs Lighthouse's default mobile audit on
the page types issue 18 names (home, edition, article, search with a query) and the calendar.
Lighthouse comes from npm, installed into ``bench/out/lighthouse-npm`` on first use (not a dibao
dependency); it drives Debian's Chromium (``CHROME_PATH``, default ``/usr/bin/chromium``).
Also reported: the largest article pages, and the site's bytes per article outside the search index.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import shutil
import subprocess
import threading
from pathlib import Path
from urllib.parse import quote

from .runner import ROOT, build_command, npm_tool

LIGHTHOUSE_VERSION = "12"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse_binary() -> Path:
    return npm_tool("lighthouse", LIGHTHOUSE_VERSION, "lighthouse")


def build_site(work: Path, corpus: Path, month: str, pages: int) -> Path:
    shutil.rmtree(work, ignore_errors=True)
    (work / "seeds").mkdir(parents=True)
    files = sorted((corpus / "clean").glob(f"rmrb-{month}*.txt"))[:pages] or sorted((ROOT / "seeds").glob("*.txt"))
    for file in files:
        shutil.copy(file, work / "seeds" / file.name)
    subprocess.run(build_command(work, "--quiet"), cwd=ROOT, check=True)
    return work / "site"


def page_paths(site: Path) -> dict[str, str]:
    edition = sorted(p for p in (site / "issues").iterdir() if p.is_dir())[0]
    article = sorted(p for p in edition.glob("*.html") if p.name != "index.html")[0]
    return {"home": "", "edition": f"issues/{edition.name}/", "article": str(article.relative_to(site)),
            "search": "search/?q=" + quote("改革"), "calendar": "issues/"}


def audit(binary: Path, url: str, out: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run([str(binary), url, "--quiet", "--output=json", f"--output-path={out}",
                    "--chrome-flags=--headless=new --no-sandbox"], env=env, check=True)
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    audits = report["audits"]
    return {**scores, "cls": audits["cumulative-layout-shift"]["numericValue"],
            "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"])}


def sizes(site: Path) -> dict:
    articles = [p for p in (site / "issues").glob("*/*.html") if p.name != "index.html"]
    outside = sum(p.stat().st_size for p in site.rglob("*") if p.is_file() and "search" not in p.relative_to(site).parts)
    largest = sorted((p.stat().st_size for p in articles), reverse=True)
    return {"articles": len(articles), "over_30kb": sum(s > 30 * 1024 for s in largest),
            "largest_kb": [round(s / 1024, 1) for s in largest[:3]],
            "site_kb_per_article_outside_search": round(outside / 1024 / max(1, len(articles)), 1)}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # the audit's requests are not the report
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.lighthouse")
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--month", default="202001")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "rmrb")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "lighthouse")
    args = parser.parse_args(argv)
    site = build_site(args.out / "work", args.corpus, args.month, args.pages)
    binary, (server, base) = lighthouse_binary(), serve(site)
    try:
        results = {name: audit(binary, base + path, args.out / f"{name}.json") for name, path in page_paths(site).items()}
    finally:
        server.shutdown()
    print(f"{'page':10} " + " ".join(f"{c[:11]:>11}" for c in CATEGORIES) + "     CLS  LCP ms")
    for name, r in results.items():
        print(f"{name:10} " + " ".join(f"{r[c]:>11}" for c in CATEGORIES) + f" {r['cls']:7.3f} {r['lcp_ms']:7}")
    print(json.dumps(sizes(site)))


if __name__ == "__main__":
    main()
