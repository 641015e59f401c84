"""Theme slugs and descriptions.

``dibao/data/themes.yaml`` (from the enrichment stage) is read when present,
either as ``{name: {slug, description}}`` or as a list of mappings with
``name``; otherwise a theme's slug is its pinyin (反诈 → ``fanzha``).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

from .urls import clean_slug, pinyin_slug, unique_slugs

THEMES_FILE = Path(__file__).resolve().parents[1] / "data" / "themes.yaml"


@dataclass(frozen=True)
class ThemeInfo:
    slug: str
    description: str = ""


@functools.lru_cache(maxsize=4)
def load_theme_file(path: Path = THEMES_FILE) -> dict[str, dict]:
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if isinstance(data, dict) and isinstance(data.get("themes"), (list, dict)):
        data = data["themes"]
    if isinstance(data, list):
        data = {str(item.get("name")): item for item in data if isinstance(item, dict) and item.get("name")}
    return {str(k): (v if isinstance(v, dict) else {"description": str(v or "")}) for k, v in data.items()}


def theme_info(names: list[str]) -> dict[str, ThemeInfo]:
    known = load_theme_file()
    fixed = {n: clean_slug(str(known[n]["slug"])) for n in names if n in known and known[n].get("slug")}
    # names without a fixed slug get pinyin; sorting keeps collisions deterministic
    free = unique_slugs([n for n in sorted(names) if n not in fixed], pinyin_slug)
    return {n: ThemeInfo(fixed.get(n) or free[n], str(known.get(n, {}).get("description") or "")) for n in names}
