"""The map of China on the home and regions pages, drawn at build time.

Province outlines come from ``dibao/data/china_provinces.json`` (made by
``tools/make_china_map.py``).  Fills are CSS classes ``m0``…``m5`` so dark
mode and print can recolour them; provinces with articles link to their page.
"""
from __future__ import annotations

import functools
import json
import math
from pathlib import Path
from typing import Callable, Mapping

from markupsafe import Markup, escape

MAP_FILE = Path(__file__).resolve().parents[1] / "data" / "china_provinces.json"
LEVELS = 5


@functools.lru_cache(maxsize=1)
def load_outlines() -> dict:
    return json.loads(MAP_FILE.read_text(encoding="utf-8"))


def level(count: int, largest: int) -> int:
    """0 for none, else 1…5 on a square-root scale so one busy province does not wash out the rest."""
    if count <= 0 or largest <= 0:
        return 0
    return max(1, math.ceil(LEVELS * math.sqrt(count / largest)))


def china_map(counts: Mapping[str, int], href_of: Callable[[str], str | None], label: str) -> Markup:
    """Inline SVG; ``href_of(province)`` gives the relative link, or None for no page."""
    data = load_outlines()
    largest = max(counts.values(), default=0)
    shapes = []
    for name, d in data["provinces"].items():
        count = counts.get(name, 0)
        title = f"{name}：{count} 篇" if count else f"{name}：暂无文章"
        path = f'<path class="m{level(count, largest)}" d="{escape(d)}"><title>{escape(title)}</title></path>'
        href = href_of(name) if count else None
        if href:
            path = f'<a href="{escape(href)}" aria-label="{escape(title)}">{path}</a>'
        shapes.append(path)
    for name, d in data.get("insets", {}).items():
        shapes.append(f'<path class="inset" d="{escape(d)}"><title>{escape(name)}</title></path>')
    return Markup(f'<svg class="china-map" viewBox="{escape(data["viewBox"])}" aria-label="{escape(label)}">'
                  + "".join(shapes) + "</svg>")


def legend_levels(counts: Mapping[str, int]) -> list[tuple[int, str]]:
    """(level, label) pairs for the legend: the article counts each colour stands for."""
    largest = max(counts.values(), default=0)
    if not largest:
        return [(0, "0")]
    bounds: dict[int, list[int]] = {}
    for n in range(1, largest + 1):
        bounds.setdefault(level(n, largest), []).append(n)
    rows = [(0, "0")]
    for lvl, values in sorted(bounds.items()):
        rows.append((lvl, str(values[0]) if len(values) == 1 else f"{values[0]}–{values[-1]}"))
    return rows


def source_note() -> str:
    src = load_outlines()["source"]
    return f"{src['package']}@{src['version']} {src['file']}（{src['licence']}）"
