"""The printed report: Markdown tables, each measurement next to its target as a ratio."""
from __future__ import annotations

#: Targets from issue 6, for an archive of 1,000 issues (about 10,000 articles) on a 2-core machine.
TARGETS = {
    "full_s": 120.0,  # full build, raw issues to site with search
    "peak_mb": 1536.0,  # peak memory
    "add_s": 10.0,  # adding one issue
    "noop_s": 3.0,  # no-op rebuild
    "parse_ms": 50.0,  # parse (ingest + segment) of one sample-sized issue, jieba loaded
    "render_vs_pelican": 1.0,  # dibao's render time per page / Pelican's
}


def ratio(value: float | None, target: float) -> str:
    """``0.42×`` of the target (≤ 1 meets it), with a mark that needs no colour."""
    if value is None:
        return "—"
    share = value / target
    return f"{share:.2f}× {'ok' if share <= 1 else 'OVER'}"


def table(headers: list[str], rows: list[list[str]]) -> str:
    cells = [headers] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    line = lambda row: "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |"  # noqa: E731
    return "\n".join([line(cells[0]), "|" + "|".join("-" * (w + 2) for w in widths) + "|"] + [line(r) for r in cells[1:]])


def seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def megabytes(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"


def size(nbytes: int) -> str:
    return f"{nbytes / 2**20:.1f} MiB" if nbytes >= 2**20 else f"{nbytes / 1024:.1f} KiB"
