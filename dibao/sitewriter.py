"""A minimal site until the render stage lands: one escaped index page, swapped in atomically."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from .config import Config
from .model import Issue


def write_minimal_site(issues: tuple[Issue, ...], config: Config) -> int:
    env = Environment(loader=FileSystemLoader(str(config.templates)), autoescape=select_autoescape(default=True),
                      keep_trailing_newline=True)
    html = env.get_template("index.html").render(site_title=config.site_title, issues=issues)
    out = config.out
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    try:
        (staging / "index.html").write_text(html, encoding="utf-8")
        (staging / ".nojekyll").write_text("", encoding="utf-8")
        swap_in(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return 1


def swap_in(staging: Path, out: Path) -> None:
    """Replace ``out`` with ``staging``; the old site stays until the new one is complete."""
    old = out.with_name(f".{out.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        os.replace(out, old)
    os.replace(staging, out)
    shutil.rmtree(old, ignore_errors=True)
