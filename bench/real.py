"""``python -m bench.real``: build real newspaper pages and compare the search index with Pagefind.

    python -m bench.real [--archive clean|mixed|both] [--corpus ../shared/corpus/rmrb] [--out bench/out/real]
                         [--extra-queries N --seed S] [--no-pagefind]

Archives (the corpus's text stays in ../shared; only copies go under ``--out``):

- ``clean``: every page of ``clean/`` (1,271 real 人民日报 pages);
- ``mixed``: those and the damaged copies of ``issues/`` under another paper name (``rmrbd-…``),
  10k+ articles; the two are different files, so their shared texts count as reprints.

For each: a clean full build, a no-op rebuild and ``build.py add`` of the newest page (held out of
the full build), all under ``bench.stages``; then Pagefind (npm ``pagefind``, installed into
``bench/out/pagefind-npm`` on first use: not a dibao dependency) over the same article pages, and
``bench/search_compare.mjs`` over both indexes.  Pages the parser refuses are left out and named.
The report goes to ``<out>/<archive>/report.md`` and is printed.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .measure import Run, run
from .report import stage_seconds
from .runner import ROOT, build_command, npm_tool, run_build, shown
from .table import megabytes, seconds, table

PAGEFIND_VERSION = "1.6.0"
#: Targets of issue 17 (clean corpus, ~6,100 articles; the mixed archive: full and add only).
TARGETS = {"clean": {"full_s": 60.0, "search_share": 0.25, "add_s": 5.0, "noop_s": 1.0, "peak_mb": 1024.0,
                     "site_kb": 20.0},  # issue 18: the site outside the search index, per article
           "mixed": {"full_s": 120.0, "add_s": 10.0}}
#: Refused pages are left out and the build retried at most this many times.
RETRIES = 3


@dataclass
class Bench:
    name: str
    work: Path
    builds: dict[str, Run] = field(default_factory=dict)
    stages: dict[str, dict] = field(default_factory=dict)
    excluded: list[str] = field(default_factory=list)
    held_out: str = ""
    articles: int = 0
    pagefind: Run | None = None
    compare: dict = field(default_factory=dict)


def prepare(corpus: Path, archive: str, work: Path) -> Path:
    """Copy the archive's pages into ``work/seeds``; the newest page goes to ``work/incoming`` for ``add``."""
    for folder in ("seeds", "incoming", "content", "site", "pagefind"):
        shutil.rmtree(work / folder, ignore_errors=True)
    (work / "seeds").mkdir(parents=True)
    (work / "incoming").mkdir()
    pages = {p.name: p for p in sorted((corpus / "clean").glob("*.txt"))}
    if archive == "mixed":
        pages.update({re.sub(r"^([a-z]+)", r"\1d", p.name): p for p in sorted((corpus / "issues").glob("*.txt"))})
    newest = max((name for name in pages if not re.match(r"[a-z]+d-", name)), key=lambda n: (re.sub(r"\D", "", n), n))
    for name, source in pages.items():
        shutil.copyfile(source, work / ("incoming" if name == newest else "seeds") / name)
    return work / "incoming" / newest


def refused(stderr: str, seeds: Path) -> list[str]:
    """Seed files named by a failed build's problems (``path:line: …``)."""
    names = {Path(m).name for m in re.findall(r"^(\S+\.txt):\d+:", stderr, re.M)}
    return sorted(n for n in names if (seeds / n).exists())


def full_build(b: Bench) -> None:
    """A clean full build; pages the parser refuses are moved aside and the build run again."""
    for _attempt in range(RETRIES + 1):
        try:
            run_build("full", build_command(b.work, "--clean"), b.work, b)
            return
        except SystemExit as failed:
            log = (b.work / "logs" / "full.err").read_text(encoding="utf-8", errors="replace")
            bad = refused(log, b.work / "seeds")
            if not bad:
                raise failed
            (b.work / "refused").mkdir(exist_ok=True)
            for name in bad:
                shutil.move(b.work / "seeds" / name, b.work / "refused" / name)
            b.excluded += bad
            print(f"  left out {len(bad)} page(s) the parser refuses: {', '.join(bad)}", flush=True)
    raise SystemExit("bench: the full build still fails")


def write_docs(b: Bench) -> Path:
    """``docs.json``: each article's page URL, its text (title, headings, body) and its tags, for the oracle."""
    sys.path.insert(0, str(ROOT))
    from dibao.contentio import read_content
    from dibao.search.docs import docs_from_issues
    from dibao.site.urls import article_paths

    issues = read_content(b.work / "content")
    paths = {issue.id: article_paths(issue.articles) for issue in issues}
    docs = docs_from_issues(issues, lambda issue, article: paths[issue.id][article.order])
    rows = [{"url": d.ref, "text": "\n".join((d.title, d.kicker, d.subtitle, d.column, d.body)),
             "tags": "\n".join((*d.regions, *d.places, *d.themes, *d.people, *d.keywords)), "body": d.body} for d in docs]
    path = b.work / "docs.json"
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    b.articles = len(rows)
    return path


def pagefind_binary() -> Path:
    """Pagefind from npm (its binary comes in an optional package), installed once for the bench."""
    return npm_tool("pagefind", PAGEFIND_VERSION, "pagefind")


def build_pagefind(b: Bench) -> None:
    command = [str(pagefind_binary()), "--site", str(b.work / "site"), "--glob", "issues/*/*.html",
               "--root-selector", "article.story", "--output-path", str(b.work / "pagefind")]
    print(f"$ {shown(command)}", flush=True)
    b.pagefind = run(command, cwd=ROOT, log=b.work / "logs" / "pagefind")
    if b.pagefind.returncode:
        raise SystemExit(f"bench: pagefind failed:\n{b.pagefind.stderr[-2000:]}")


def compare_search(b: Bench, docs: Path, extra: int, seed: int) -> None:
    command = ["node", str(ROOT / "bench" / "search_compare.mjs"), str(b.work / "site"), str(b.work / "pagefind"),
               str(docs), "--extra", str(extra), "--seed", str(seed)]
    print(f"$ {shown(command)}", flush=True)
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"bench: search comparison failed:\n{done.stderr[-3000:]}")
    b.compare = json.loads(done.stdout)
    (b.work / "search-compare.json").write_text(done.stdout, encoding="utf-8")


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))] if ordered else 0.0


def engine_figures(engine: dict, articles: int) -> dict[str, float]:
    rows = engine["rows"]
    judged = [r["judged"] for r in rows if "judged" in r]
    correct = sum(j["correct"] for j in judged)
    return {
        "files": engine["files"], "bytes": engine["bytes"], "bytes/article": engine["bytes"] / articles,
        "files/article": engine["files"] / articles,
        "first KB median": pct([r["first"]["bytes"] for r in rows], 0.5) / 1024,
        "first KB p90": pct([r["first"]["bytes"] for r in rows], 0.9) / 1024,
        "later KB median": pct([r["later"]["bytes"] for r in rows], 0.5) / 1024,
        "later KB p90": pct([r["later"]["bytes"] for r in rows], 0.9) / 1024,
        "later requests median": pct([r["later"]["requests"] for r in rows], 0.5),
        "later requests max": max(r["later"]["requests"] for r in rows),
        "waves max (first)": max(r["first"]["waves"] for r in rows),
        "waves max (later)": max(r["later"]["waves"] for r in rows),
        "later ms (+latency) median": pct([r["later"]["ms"] for r in rows], 0.5),
        "first ms (+latency) median": pct([r["first"]["ms"] for r in rows], 0.5),
        "recall %": 100 * correct / max(1, sum(j["relevant"] for j in judged)),
        "precision %": 100 * correct / max(1, sum(j["returned"] - j["tagOnly"] for j in judged)),
        "tag-only hits": sum(j["tagOnly"] for j in judged),
        "duplicate results": sum(j["duplicates"] for j in judged),
    }


#: Search figures, how to print them, and the issue's target (as text).
SEARCH_ROWS = (
    ("files", "{:,.0f}", ""), ("files/article", "{:.2f}", "≤ 0.5"), ("bytes", "{:,.0f}", ""),
    ("bytes/article", "{:,.0f}", "≤ 0.8× Pagefind"), ("first KB median", "{:.1f}", "≤ 80"),
    ("first KB p90", "{:.1f}", "≤ 120"), ("later KB median", "{:.1f}", "≤ 30"), ("later KB p90", "{:.1f}", ""),
    ("later requests median", "{:.0f}", ""), ("later requests max", "{:.0f}", ""),
    ("waves max (first)", "{:.0f}", "≤ 3"), ("waves max (later)", "{:.0f}", "≤ 3"),
    ("first ms (+latency) median", "{:.0f}", ""), ("later ms (+latency) median", "{:.0f}", "≤ Pagefind"),
    ("recall %", "{:.2f}", "100"), ("precision %", "{:.2f}", "≥ 98"), ("tag-only hits", "{:.0f}", ""),
    ("duplicate results", "{:.0f}", "0"),
)


def search_table(b: Bench) -> str:
    ours, theirs = (engine_figures(b.compare[k], b.articles) for k in ("dibao", "pagefind"))
    rows = []
    for label, fmt, target in SEARCH_ROWS:
        share = f"{ours[label] / theirs[label]:.2f}×" if theirs[label] else "—"
        rows.append([label, fmt.format(ours[label]), fmt.format(theirs[label]), share, target])
    return table(["figure", "dibao", f"Pagefind {PAGEFIND_VERSION}", "dibao / Pagefind", "target"], rows)


def build_table(b: Bench) -> str:
    targets = TARGETS[b.name]
    full = b.builds["full"]
    search = stage_seconds(b.stages["full"]).get("search index") or 0.0
    figures = [("full build s", full.seconds, targets.get("full_s")),
               ("search index share of full", search / full.seconds, targets.get("search_share")),
               ("search index s (full)", search, None),
               ("add one page s", b.builds["add"].seconds, targets.get("add_s")),
               ("no-op s", b.builds["noop"].seconds, targets.get("noop_s")),
               ("peak memory MB (largest process)", max(r.peak_rss_mb for r in b.builds.values()), targets.get("peak_mb")),
               ("peak memory MB (process tree, PSS)", max(r.peak_tree_mb for r in b.builds.values()), None),
               ("site KB per article, search index aside", site_kb_per_article(b), targets.get("site_kb"))]
    rows = [[label, f"{value:.2f}" if value < 10 else f"{value:.1f}", "—" if target is None else f"{target:g}",
             "—" if target is None else f"{value / target:.2f}× {'ok' if value <= target else 'OVER'}"]
            for label, value, target in figures]
    stage_rows = [[k, seconds(v), seconds(stage_seconds(b.stages["add"]).get(k))]
                  for k, v in sorted(stage_seconds(b.stages["full"]).items(), key=lambda kv: -(kv[1] or 0)) if v]
    return (table(["figure", "measured", "target", "ratio"], rows) + "\n\n"
            + table(["stage", "full s", "add s"], stage_rows))


def site_kb_per_article(b: Bench) -> float:
    """Bytes of every file of the site but the search index's, per article, in KB."""
    site = b.work / "site"
    files = (p for p in site.rglob("*") if p.is_file() and p.relative_to(site).parts[0] != "search")
    return sum(p.stat().st_size for p in files) / max(1, b.articles) / 1024


def report(b: Bench) -> str:
    pages = sum(1 for _ in (b.work / "seeds").glob("*.txt"))  # the added page is in seeds/ now
    out = [f"## Archive `{b.name}`: {b.articles:,} articles, {pages:,} pages",
           "", f"Held out and added: `{b.held_out}`. Load average (1/5/15 min) at the end: "
               + " / ".join(f"{x:.1f}" for x in os.getloadavg()) + " on " + f"{os.cpu_count()} cores."]
    if b.excluded:
        out.append(f"Left out, refused by the parser: {len(b.excluded)} page(s): {', '.join(b.excluded)}.")
    out += ["", "Commands:", ""] + [f"    {shown(r.command)}" for r in b.builds.values()]
    out += ["", build_table(b)]
    if b.compare:
        c = b.compare
        out += ["", f"Pagefind build: {b.pagefind.seconds:.1f} s wall, peak {megabytes(b.pagefind.peak_rss_mb)} MB.",
                "", f"Search: {len(c['queries'])} queries (the typical ones and random 2–6 character body substrings; "
                    f"latency {c['latency']} ms per request; the first {c['shown']} results shown with excerpts):", "",
                search_table(b)]
    return "\n".join(out) + "\n"


def bench_archive(name: str, args: argparse.Namespace) -> Bench:
    b = Bench(name, (args.out / name).resolve())
    (b.work / "logs").mkdir(parents=True, exist_ok=True)
    incoming = prepare(args.corpus.resolve(), name, b.work)
    b.held_out = incoming.name
    full_build(b)
    run_build("noop", build_command(b.work), b.work, b)
    run_build("add", build_command(b.work, "add", str(incoming), "--force-add"), b.work, b)
    docs = write_docs(b)
    if not args.no_pagefind:
        build_pagefind(b)
        compare_search(b, docs, args.extra_queries, args.seed)
    text = report(b)
    (b.work / "report.md").write_text(text, encoding="utf-8")
    print(text, flush=True)
    return b


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.real", description=__doc__.split("\n\n")[0])
    parser.add_argument("--archive", choices=("clean", "mixed", "both"), default="both")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "rmrb")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "real")
    parser.add_argument("--extra-queries", type=int, default=0, help="more random body substrings")
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--no-pagefind", action="store_true", help="builds only")
    args = parser.parse_args(argv)
    if not (args.corpus / "clean").is_dir():
        raise SystemExit(f"bench.real: no corpus at {args.corpus} (expected clean/ and issues/ in it)")
    for name in ("clean", "mixed") if args.archive == "both" else (args.archive,):
        bench_archive(name, args)


if __name__ == "__main__":
    main()
