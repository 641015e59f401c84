"""Build a synthetic archive with dibao and measure every way it gets rebuilt.

Order: generate → parse time per sample issue → full build (clean, with stage
timers) → no-op rebuild → ``build.py add`` one new issue → edit one article by
hand and rebuild → output sizes → the same content/ rendered by Pelican and
Hugo → (optionally) a profile of the full build.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from .generate import Archive, generate
from .measure import Run, Size, folder_size, run

ROOT = Path(__file__).resolve().parents[1]
HAND_EDIT = "\n编者按：本文刊发后，编辑部根据读者来信核实补充了一处事实。\n"


@dataclass
class Measurements:
    archive: Archive
    generate_s: float
    parse_ms: dict[str, tuple[float, float, int]] = field(default_factory=dict)  #: folder → (mean, max, issues)
    builds: dict[str, Run] = field(default_factory=dict)  #: full, noop, add, edit
    stages: dict[str, dict] = field(default_factory=dict)  #: build name → its bench.stages record
    sizes: dict[str, Size] = field(default_factory=dict)
    articles: int = 0
    html_pages: int = 0
    notes: list[str] = field(default_factory=list)
    tools: list = field(default_factory=list)  #: compare.ToolRender
    search_bench: str = ""
    hot_spots: str = ""


def shown(command: list[str] | tuple[str, ...]) -> str:
    """A command line as the user would type it from the project folder."""
    def short(part: str) -> str:
        if part == sys.executable:
            return "python"
        if os.path.isabs(part) and part.startswith(str(ROOT)):
            return os.path.relpath(part, ROOT)
        return part
    return " ".join(short(p) for p in command)


def npm_tool(package: str, version: str, binary: str) -> Path:
    """A bench-only tool from npm (Pagefind, Lighthouse), installed once into
    ``bench/out/<package>-npm``: not a dibao dependency."""
    prefix = ROOT / "bench" / "out" / f"{package}-npm"
    path = prefix / "node_modules" / ".bin" / binary
    if not path.exists():
        prefix.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "--prefix", str(prefix),
                        f"{package}@{version}"], check=True)
    return path


def build_command(work: Path, *extra: str) -> list[str]:
    return [sys.executable, str(ROOT / "build.py"), *extra, "--seeds", str(work / "seeds"),
            "--content", str(work / "content"), "--out", str(work / "site")]


def timed(command: list[str], stages_json: Path) -> list[str]:
    """The same build under bench.stages: ``dibao.cli.main`` with a stopwatch on each stage."""
    return [command[0], "-m", "bench.stages", "--stages-json", str(stages_json), *command[2:]]


def parse_times(folder: Path, limit: int, repeat: int = 3) -> tuple[float, float, int]:
    """(mean, max) over issues of the best-of-``repeat`` ingest+segment time in ms, jieba loaded first."""
    sys.path.insert(0, str(ROOT))
    from dibao.ingest import ingest
    from dibao.segment import segment
    from dibao.textseg import get_jieba

    get_jieba()
    paths = sorted(p for p in folder.iterdir() if p.is_file())[:limit]
    segment(ingest(paths[0]))  # first call loads the remaining lazy data
    best = []
    for path in paths:
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            segment(ingest(path))
            times.append(time.perf_counter() - started)
        best.append(1000 * min(times))
    return statistics.fmean(best), max(best), len(best)


def run_build(name: str, command: list[str], work: Path, m: Measurements) -> Run:
    """Run one build.py command (under bench.stages) and keep its measurements and stage times."""
    print(f"$ {shown(command)}", flush=True)
    stages_json = work / "logs" / f"stages-{name}.json"
    stages_json.unlink(missing_ok=True)
    done = run(timed(command, stages_json), cwd=ROOT, log=work / "logs" / name)
    if done.returncode != 0:
        raise SystemExit(f"bench: {name} build failed ({done.returncode}):\n{done.stderr[-3000:]}")
    m.builds[name] = replace(done, command=tuple(command))
    m.stages[name] = json.loads(stages_json.read_text(encoding="utf-8"))
    summary = next((line for line in done.stdout.splitlines() if line.startswith("dibao:")), "")
    print(f"  {done.seconds:.2f} s  {summary}", flush=True)
    return done


def full_build(work: Path, m: Measurements) -> None:
    for folder in ("content", "site"):
        shutil.rmtree(work / folder, ignore_errors=True)
    run_build("full", build_command(work, "--clean"), work, m)


def supports(option: str) -> bool:
    sys.path.insert(0, str(ROOT))
    from dibao.cli import make_parser

    return option in make_parser()._option_string_actions  # noqa: SLF001 (argparse has no public lookup)


def add_one(work: Path, m: Measurements) -> None:
    """A synthetic issue shares wording with the archive, so ``add`` would flag it as a near
    duplicate; --force-add accepts it (the check itself still runs and is timed)."""
    incoming = m.archive.incoming
    force = ["--force-add"] if supports("--force-add") else []
    command = build_command(work, "add", str(incoming), *force)
    run_build("add", command, work, m)


def edit_one(work: Path, m: Measurements) -> None:
    issues = sorted(p for p in (work / "content").iterdir() if (p / "_index.md").exists())
    article = sorted(issues[len(issues) // 2].glob("[0-9]*.md"))[0]
    article.write_text(article.read_text(encoding="utf-8") + HAND_EDIT, encoding="utf-8")
    done = run_build("edit", build_command(work), work, m)
    kept = HAND_EDIT.strip() in article.read_text(encoding="utf-8")
    reported = "kept hand edit" in done.stderr
    m.notes.append(f"hand edit of {article.relative_to(work).as_posix()}: "
                   f"{'survived' if kept else 'LOST'} the rebuild; build {'reported' if reported else 'did not report'} it")


def count_articles(content: Path) -> int:
    return sum(1 for _ in content.glob("*/[0-9]*.md"))


def measure_sizes(work: Path, m: Measurements) -> None:
    site = work / "site"
    m.sizes = {"content/ articles and issue files (.md)": folder_size(work / "content", ".md"),
               "content/.dibao (build state and caches)": folder_size(work / "content" / ".dibao"),
               "site/": folder_size(site),
               "site/ HTML": folder_size(site, ".html")}
    payload = folder_size(site / "search", with_gzip=True, skip_suffix=".html")
    if payload.files:
        m.sizes["search payload (site/search/, not HTML)"] = payload
    m.articles = count_articles(work / "content")
    m.html_pages = m.sizes["site/ HTML"].files


def search_bench(m: Measurements, work: Path) -> None:
    script = ROOT / "bench" / "search_bench.py"
    if not script.exists():
        m.search_bench = "bench/search_bench.py is not on this branch yet"
        return
    command = [sys.executable, str(script), "--docs", str(m.articles), "--out", str(work / "search-bench")]
    print(f"$ {shown(command)}", flush=True)
    done = run(command, cwd=ROOT, log=work / "logs" / "search-bench")
    summary = [line for line in done.stdout.splitlines() if not line.startswith(" ")]  # not the per-query lines
    m.search_bench = "\n".join([f"$ {shown(command)}", *summary, done.stderr.strip()[-1500:]]).strip()


def compare_renderers(work: Path, m: Measurements) -> None:
    from .compare import render_with_tools

    print("rendering the same content/ with Pelican and Hugo …", flush=True)
    m.tools = render_with_tools(work / "content", work / "compare", ROOT / "bench" / "out" / "venv")


def summary_counts(done: Run) -> str:
    line = next((x for x in done.stdout.splitlines() if x.startswith("dibao:")), "")
    found = re.search(r"\((\d+) parsed, (\d+) cached\).*?(\d+) content files written", line)
    return f"{found[1]} parsed, {found[3]} content files written" if found else line
