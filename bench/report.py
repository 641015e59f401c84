"""The bench report: what was run, and the tables of measurements against the targets."""
from __future__ import annotations

from .runner import Measurements, shown, summary_counts
from .table import TARGETS, megabytes, ratio, seconds, size, table

#: (row label, stage labels from bench.stages summed into it)
STAGE_ROWS = (
    ("plan (hash sources, load state)", ("plan",)),
    ("ingest+segment", ("ingest+segment",)),
    ("enrich per article", ("enrich per article",)),
    ("enrich archive-wide (related)", ("relate",)),
    ("read cached issues", ("read cached issues",)),
    ("write content", ("write content",)),
    ("build cache load + save", ("build cache load + save",)),
    ("render: read content back", ("read content back",)),
    ("render: pages", ("render pages",)),
    ("search index", ("search index",)),
    ("write site (temp dir, feeds, swap in)", ("write site",)),
)


def stage_seconds(record: dict) -> dict[str, float | None]:
    """Exclusive seconds per stage; the parse stage split by its workers' CPU shares."""
    stages = dict(record.get("stages", {}))
    parse = stages.pop("parse", None)
    cpu = record.get("worker_cpu", {})
    cpu_total = sum(cpu.values())
    if parse is not None:
        for label, spent in cpu.items():
            stages[label] = parse * spent / cpu_total if cpu_total else None
        if not cpu_total:
            stages["ingest+segment"] = parse  # workers could not report (not forked): all of it
    return stages


def stage_table(m: Measurements) -> str:
    """Seconds per stage of every build; ms per article and share for the full build."""
    names = [n for n in ("full", "noop", "add", "edit") if n in m.stages]
    per_build = {n: stage_seconds(m.stages[n]) for n in names}
    full = m.builds["full"].seconds
    rows, counted = [], {n: 0.0 for n in names}
    for label, keys in STAGE_ROWS + (("start-up and imports", ("imports",)),):
        values = {}
        for n in names:
            found = [per_build[n][k] for k in keys if per_build[n].get(k) is not None]
            found += [m.stages[n]["imports"]] if keys == ("imports",) else []
            values[n] = sum(found) if found else None
            counted[n] += values[n] or 0.0
        rows.append(stage_row(label, values, names, m.articles, full))
    other = {n: m.builds[n].seconds - counted[n] for n in names}
    rows.append(stage_row("other (between stages, exit)", other, names, m.articles, full))
    rows.append(stage_row("**total**", {n: m.builds[n].seconds for n in names}, names, m.articles, full))
    headers = ["stage", "full build s", "ms / article", "share"] + [f"{BUILD_SHORT[n]} s" for n in names[1:]]
    return table(headers, rows)


BUILD_SHORT = {"noop": "no-op", "add": "add one", "edit": "hand edit"}


def stage_row(label: str, values: dict, names: list[str], articles: int, full: float) -> list[str]:
    return [label, seconds(values["full"]), per_article(values["full"], articles), share(values["full"], full)] + \
        [seconds(values[n]) for n in names[1:]]


def per_article(value: float | None, articles: int) -> str:
    return "—" if value is None or not articles else f"{1000 * value / articles:.2f}"


def share(value: float | None, total: float) -> str:
    return "—" if value is None else f"{100 * value / total:.0f}%"


def build_table(m: Measurements) -> str:
    targets = {"full": TARGETS["full_s"], "add": TARGETS["add_s"], "noop": TARGETS["noop_s"]}
    labels = {"full": "full build (clean)", "noop": "no-op rebuild", "add": "add one issue (build.py add)",
              "edit": "edit one article by hand + rebuild"}
    rows = []
    for name, label in labels.items():
        done = m.builds.get(name)
        if done is None:
            continue
        target = targets.get(name)
        rows.append([label, seconds(done.seconds), seconds(done.cpu), megabytes(done.peak_rss_mb),
                     megabytes(done.peak_tree_mb or None),  # 0: the build ended before the first sample
                     f"≤ {target:.0f} s" if target else "—",
                     ratio(done.seconds, target) if target else "—", summary_counts(done)])
    return table(["build", "wall s", "CPU s", "peak MB (largest process)", "peak MB (tree PSS)", "target",
                  "ratio", "what it did"], rows)


def resource_table(m: Measurements) -> str:
    full = m.builds["full"]
    peak = max(full.peak_rss_mb, full.peak_tree_mb)
    rows = [["articles per second (full build)", f"{m.articles / full.seconds:.1f}", "—", "—"],
            ["peak memory, full build (max of largest process, tree PSS)", f"{peak:.0f} MB",
             f"≤ {TARGETS['peak_mb']:.0f} MB", ratio(peak, TARGETS["peak_mb"])]]
    for folder, (mean, worst, count) in m.parse_ms.items():
        rows.append([f"parse (ingest+segment) per issue, {folder} ({count} issues): mean / max",
                     f"{mean:.1f} / {worst:.1f} ms", f"< {TARGETS['parse_ms']:.0f} ms", ratio(mean, TARGETS["parse_ms"])])
    return table(["measure", "value", "target", "ratio"], rows)


def size_table(m: Measurements) -> str:
    rows = [[name, str(s.files), size(s.bytes), size(s.gzip_bytes) if s.gzip_bytes else "—"]
            for name, s in m.sizes.items()]
    return table(["output", "files", "size", "gzip"], rows)


def render_table(m: Measurements) -> str:
    record = stage_seconds(m.stages["full"])
    dibao_s = sum(record.get(k) or 0.0 for k in ("read content back", "render pages", "write site"))
    dibao_ms = 1000 * dibao_s / m.html_pages
    rows = [["dibao (read content/, render, write site; no search)", str(m.html_pages), seconds(dibao_s),
             f"{dibao_ms:.2f}", "1.00", f"{1000 * dibao_s / m.articles:.2f}"]]
    pelican_ms = None
    for tool in m.tools:
        ms = 1000 * tool.run.seconds / tool.pages
        pelican_ms = ms if tool.tool == "pelican" else pelican_ms
        rows.append([tool.tool, str(tool.pages), seconds(tool.run.seconds), f"{ms:.2f}", f"{dibao_ms / ms:.2f}",
                     f"{1000 * tool.run.seconds / tool.articles:.2f}"])
    text = table(["renderer", "HTML pages", "seconds", "ms / page", "dibao ÷ this", "ms / article"], rows)
    if pelican_ms:
        text += (f"\n\ndibao render per page vs Pelican: {ratio(dibao_ms / pelican_ms, TARGETS['render_vs_pelican'])}"
                 f" (target: no slower than Pelican)")
    return text


def format_report(m: Measurements, argv: list[str], machine: str) -> str:
    parts = [f"# dibao bench: {m.archive.issues} issues, {m.articles} articles", "",
             f"command: python -m bench {' '.join(argv)}", machine,
             f"archive generated in {m.generate_s:.1f} s: {m.archive.seeds}", "", "commands timed:"]
    parts += [f"  {name:5} $ {shown(done.command)}" for name, done in m.builds.items()]
    parts += ["(each build.py command ran as `python -m bench.stages --stages-json FILE <same arguments>`: the same "
              "dibao.cli.main with a stopwatch on each pipeline stage)"]
    parts += ["", "## Builds by stage (exclusive seconds)", "", stage_table(m), "", "## Builds against the targets", "",
              build_table(m), "", "## Throughput, memory, parse time", "", resource_table(m), "",
              "## Output size", "", size_table(m)]
    if m.tools:
        parts += ["", "## Render time per page vs Pelican and Hugo (same content/)", "", render_table(m)]
    if m.search_bench:
        parts += ["", "## Search payload (bench/search_bench.py)", "", m.search_bench]
    if m.notes:
        parts += ["", "## Notes", ""] + [f"- {note}" for note in m.notes]
    if m.hot_spots:
        parts += ["", "## Hot spots of the full build (py-spy)", "", m.hot_spots]
    return "\n".join(parts) + "\n"
