"""One typed configuration, read from ``[tool.dibao]`` in pyproject.toml."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]


@dataclass(frozen=True)
class Config:
    """Where things are and how the site is addressed; every field has a working default."""

    seeds: Path = Path("seeds")  #: raw issue files
    content: Path = Path("content")  #: generated, hand-editable Markdown
    out: Path = Path("site")  #: the static site
    templates: Path = Path("templates")  #: Jinja templates
    base_url: str = ""  #: absolute URL of the site root, only for feeds, sitemap, canonical and Open Graph
    site_title: str = "邸报 · 法治新闻摘编"
    quiet: bool = False
    extra: dict = field(default_factory=dict, compare=False)  #: sub-tables for stages (enrich, site, search)


def load_config(project_dir: Path = Path("."), **overrides) -> Config:
    """Defaults, then ``[tool.dibao]`` from pyproject.toml, then command-line overrides."""
    data: dict = {}
    pyproject = project_dir / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8") if pyproject.exists() else ""
    try:
        data = tomllib.loads(text).get("tool", {}).get("dibao", {})
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"at line (\d+)", str(exc))
        raise ValueError(f"{pyproject}:{line.group(1) if line else 1}: not valid TOML: {exc}") from None
    known = {f.name for f in fields(Config)} - {"extra"}
    values = {k: v for k, v in data.items() if k in known and not isinstance(v, dict)}
    extra = {k: v for k, v in data.items() if isinstance(v, dict)}
    unknown = sorted(set(data) - known - set(extra))
    if unknown:
        raise ValueError(f"{pyproject}:{_key_line(text, unknown[0])}: unknown [tool.dibao] key(s): {', '.join(unknown)}")
    config = Config(extra=extra)
    for name, value in {**values, **{k: v for k, v in overrides.items() if v is not None}}.items():
        if name in ("seeds", "content", "out", "templates"):
            value = project_dir / Path(value) if not Path(value).is_absolute() else Path(value)
        config = replace(config, **{name: value})
    return config


def _key_line(text: str, key: str) -> int:
    """The line that sets ``key``, so the message can point at it (1 if it cannot be found)."""
    match = re.search(rf"^[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*=", text, re.M)
    return text.count("\n", 0, match.start()) + 1 if match else 1
