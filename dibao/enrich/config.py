"""Settings of the enrich stage, read from ``[tool.dibao.enrich]``."""
from __future__ import annotations

import pathlib
from dataclasses import dataclass, fields
from typing import Mapping

from .regions import PROVINCES


@dataclass(frozen=True)
class EnrichConfig:
    """Every field has a default, so ``EnrichConfig()`` is the shipped behaviour."""

    taxonomy: str = ""  #: a YAML theme file that replaces the shipped ``dibao/data/themes.yaml``
    taxonomy_extend: str = ""  #: a YAML theme file merged into the taxonomy (more keywords, more themes)
    home_province: str = ""  #: province short name used for every issue instead of inferring it
    keywords: int = 8  #: keywords per article
    related: int = 5  #: related articles per article

    def __post_init__(self) -> None:
        if self.home_province and self.home_province not in PROVINCES:
            raise ValueError(f"[tool.dibao.enrich] home_province: {self.home_province!r} is not a province short name")
        for name in ("keywords", "related"):
            if not isinstance(getattr(self, name), int) or getattr(self, name) < 0:
                raise ValueError(f"[tool.dibao.enrich] {name}: expected a whole number >= 0")

    @classmethod
    def from_mapping(cls, data: Mapping | None, base: str | pathlib.Path | None = None) -> "EnrichConfig":
        """Build from the ``[tool.dibao.enrich]`` table; file paths are taken relative to ``base``."""
        data = dict(data or {})
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"[tool.dibao.enrich]: unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        for key in ("taxonomy", "taxonomy_extend"):
            if data.get(key):
                path = pathlib.Path(str(data[key]))
                data[key] = str(path if path.is_absolute() or base is None else pathlib.Path(base) / path)
        return cls(**data)

    def taxonomy_paths(self) -> tuple[pathlib.Path | None, pathlib.Path | None]:
        return (pathlib.Path(self.taxonomy) if self.taxonomy else None,
                pathlib.Path(self.taxonomy_extend) if self.taxonomy_extend else None)
