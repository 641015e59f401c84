"""Settings of the render stage and the figures it reports."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Mapping

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class SiteConfig:
    """What the render stage needs to know; read from ``[tool.dibao]`` by :meth:`from_mapping`."""

    site_title: str = "邸报 · 法治新闻摘编"  #: shown in the masthead, titles and feeds
    tagline: str = "政法报刊文章摘编 · 按报期、地区、主题、人物浏览"  #: one line under the masthead
    base_url: str = ""  #: absolute URL of the site root; only feeds, sitemap, canonical and Open Graph use it
    templates_dir: Path = PROJECT_ROOT / "templates"  #: Jinja templates
    static_dir: Path = PROJECT_ROOT / "static"  #: copied as-is to ``<site>/static/``
    page_size: int = 30  #: list entries per page on region, theme, person and people pages
    home_issues: int = 6  #: latest issues listed on the home page
    feed_size: int = 30  #: newest entries per Atom feed
    quiet: bool = False  #: no progress display and no summary line on stderr

    @classmethod
    def from_mapping(cls, data: Mapping, root: Path | None = None) -> "SiteConfig":
        """Build from ``[tool.dibao]``: ``site_title``, ``tagline``, ``base_url``, ``templates``,
        ``static``, ``page_size``, ``home_issues``, ``feed_size``, ``quiet``; other keys are ignored.
        Relative directories are taken from ``root`` (the project folder)."""
        root = root or PROJECT_ROOT
        values: dict = {}
        aliases = {"templates": "templates_dir", "static": "static_dir"}
        known = {f.name: f for f in fields(cls)}
        for key, value in data.items():
            name = aliases.get(key, key)
            if name not in known or value is None:
                continue
            if name.endswith("_dir"):
                value = root / Path(value)
            elif name in ("page_size", "home_issues", "feed_size"):
                value = int(value)
                if value < 1:
                    raise ValueError(f"[tool.dibao] {key} must be at least 1, not {value}")
            elif name == "quiet":
                value = bool(value)
            else:
                value = str(value)
            values[name] = value
        return cls(**values)

    @property
    def absolute_base(self) -> str:
        """``base_url`` ending in exactly one slash, or empty."""
        return self.base_url.rstrip("/") + "/" if self.base_url.strip() else ""


@dataclass(frozen=True)
class RenderMemo:
    """What a render keeps for the next one, which hands it back.  Every field is a cache: a
    render without it (a clean build, other code) makes the same files, only slower."""

    #: (version of the slug code, person name → slug): pinyin for 18,000 names costs a second
    person_slugs: tuple[str, dict] = ("", {})
    #: "issue version:issue id[/order]" → digest of an issue or article (:class:`.fingerprint.Fingerprinter`)
    digests: dict = field(default_factory=dict)
    #: issue fingerprint → its page paths (:func:`.families.write_issues`); only with the last site's files
    issue_families: dict = field(default_factory=dict)
    #: group fingerprint → its page paths (:func:`.families.write_groups`); only with the last site's files
    families: dict = field(default_factory=dict)
    #: issue version → its export lines (:func:`.export.write_exports`)
    export_chunks: dict = field(default_factory=dict)


@dataclass(frozen=True)
class RenderStats:
    """What one render produced; ``seconds`` is for the summary line only, never written to the site."""

    issues: int  #: issues rendered
    articles: int  #: article pages
    pages: int  #: HTML pages of every kind
    files: int  #: every file written, static assets included
    bytes: int  #: total size of the written files
    seconds: float = 0.0  #: wall time of the render
    reused: int = 0  #: pages taken over unchanged from the previous site
    manifest: dict = field(default_factory=dict, compare=False, repr=False)  #: path → (fingerprint, size), every file
    staged: tuple = field(default=(), compare=False, repr=False)  #: paths actually written (the rest was unchanged)
    memo: RenderMemo = field(default_factory=RenderMemo, compare=False, repr=False)  #: for the next render

    def summary(self) -> str:
        return (f"site: {self.issues} issues, {self.articles} articles, {self.pages} pages "
                f"({self.reused} unchanged), {self.files} files, {self.bytes / 1024:.0f} KiB in {self.seconds:.1f} s")


def site_config_from(config) -> SiteConfig:
    """The render settings from the pipeline's ``dibao.config.Config``: its ``base_url``,
    ``site_title``, ``templates`` and ``quiet``, plus the ``[tool.dibao.site]`` table
    (``page_size``, ``static``, ``tagline``, …).  ``static`` defaults to ``static/`` beside the templates."""
    table = dict(config.extra.get("site", {})) if isinstance(getattr(config, "extra", None), dict) else {}
    templates = Path(config.templates)
    values = {"static": templates.parent / "static", **table, "base_url": config.base_url,
              "site_title": config.site_title, "templates": templates, "quiet": config.quiet}
    return SiteConfig.from_mapping(values, root=templates.parent)
