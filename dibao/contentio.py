"""The content/ format: one folder per issue, one Markdown file per article.

``content/<issue-id>/_index.md`` holds the issue's metadata as YAML front
matter; ``content/<issue-id>/<NN>-<slug>.md`` holds one article.  Editors may
change these files by hand, so writing is stable (fixed key order, no empty
noise) and reading accepts anything the writer produces.
"""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Callable

import yaml

from .model import Article, Block, EditionPage, Figure, Issue, Masthead, Place, SourceSpan

FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n?(.*)\Z", re.S)
ARTICLE_KEYS = (
    "title", "kicker", "subtitle", "column", "kind", "issue", "order", "page", "page_name", "date", "year",
    "title_generated", "review",
    "byline", "dateline", "reporters", "correspondents", "authors", "photographers", "author_title",
    "continued_from", "continues_to", "markers", "regions", "places", "mentions", "themes", "keywords", "summary",
    "length", "related",
)
ALWAYS = {"title", "kind", "issue", "order"}
#: how a paragraph must not start, or it reads back as a heading, figure or list: such a paragraph is
#: written after a backslash (as Markdown escapes), and so is one that starts with a backslash
BLOCK_SYNTAX = re.compile(r"#|:::|[-*] |\\")
MASTHEAD_KEYS = ("issue_no", "pages", "section", "cn", "postal_code", "weekday", "slogans", "editors")


class ContentError(ValueError):
    """A content file that cannot be read back; the message names the file."""


def article_filename(article: Article) -> str:
    """``03-slug.md``; an edition's ``02001-slug.md`` (page 2, first article): padded to five
    digits, so that a folder lists the pages' articles in reading order up to page 99."""
    width = 5 if article.order >= 1000 else 2
    return f"{article.order:0{width}d}-{article.slug or 'article'}.md"


FAST_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def dump_yaml(data: dict) -> str:
    """YAML front matter; libyaml when it writes the same bytes as PyYAML (7× faster).

    libyaml escapes characters beyond the Basic Multilingual Plane (𠮷 → ``\\U00020BB7``);
    editors should see the character, so such documents go through the pure-Python emitter."""
    options = dict(allow_unicode=True, sort_keys=False, default_flow_style=None, width=100000)
    text = yaml.dump(data, Dumper=FAST_DUMPER, **options)
    return text if "\\U" not in text else yaml.dump(data, Dumper=yaml.SafeDumper, **options)


def span_data(spans: tuple[SourceSpan, ...]) -> dict | list:
    items = [{"file": s.file, "lines": [s.first, s.last]} for s in spans]
    return items[0] if len(items) == 1 else items


def article_front_matter(article: Article, issue: Issue) -> dict:
    values = {name: getattr(article, name) for name in ARTICLE_KEYS if hasattr(article, name)}
    values.update(date=issue.date or None, year=issue.year)
    values["places"] = [{"name": p.name, "code": p.code, "province": p.province} for p in article.places]
    data = {}
    for key in ARTICLE_KEYS:
        value = values.get(key)
        if key in ALWAYS or value not in (None, "", (), [], False, 0):
            data[key] = list(value) if isinstance(value, tuple) else value
    data["source"] = span_data(article.sources)
    return data


def render_body(blocks: tuple[Block, ...]) -> str:
    parts = []
    for block in blocks:
        if block.kind == "section":
            parts.append(f"### {block.text}")
        elif block.kind == "item":
            parts.append(f"- {block.text}")
        elif block.kind == "figure" and block.figure:
            parts.append(render_figure(block.figure))
        else:
            parts.append("\\" + block.text if BLOCK_SYNTAX.match(block.text) else block.text)
    # consecutive list items form one Markdown list
    out = []
    for i, part in enumerate(parts):
        joined_list = i and blocks[i].kind == "item" and blocks[i - 1].kind == "item"
        out.append(("\n" if joined_list else "\n\n") + part if out else part)
    return "".join(out) + "\n"


def render_figure(figure: Figure) -> str:
    lines = ["::: figure"]
    if figure.label:
        lines.append(f"label: {figure.label}")
    lines.append(f"caption: {figure.caption}")
    if figure.credit:
        lines.append(f"credit: {figure.credit}")
    lines.append(":::")
    return "\n".join(lines)


def render_article(article: Article, issue: Issue) -> str:
    return f"---\n{dump_yaml(article_front_matter(article, issue))}---\n\n{render_body(article.body)}"


def issue_front_matter(issue: Issue) -> dict:
    data: dict = {"id": issue.id, "paper": issue.paper or None, "date": issue.date or None, "year": issue.year}
    if issue.date_estimated:
        data["date_estimated"] = True
    for key in MASTHEAD_KEYS:
        value = getattr(issue.masthead, key)
        if value not in (None, "", ()):
            data[key] = list(value) if isinstance(value, tuple) else value
    if issue.home_province:
        data["home_province"] = issue.home_province
    data["articles"] = len(issue.articles)
    if issue.pages:  # an edition: each page's file, lines and furniture
        # every page's file under ``source`` too, as a single-file issue names its own: a tool
        # that finds an issue's metadata by its file finds the edition's
        data["source"] = {"files": [page.source for page in issue.pages]}
        data["page_files"] = [page_data(page) for page in issue.pages]
        return {k: v for k, v in data.items() if v is not None}
    last = issue.lines[-1].number if issue.lines else 1
    data["source"] = {"file": issue.source, "lines": [1, last]}
    if issue.furniture:
        data["furniture"] = list(issue.furniture)
    return {k: v for k, v in data.items() if v is not None}


def page_data(page: EditionPage) -> dict:
    data: dict = {"page": page.number}
    if page.name:
        data["name"] = page.name
    if page.label:
        data["label"] = page.label
    data["source"] = {"file": page.source, "lines": [1, page.lines or 1]}
    if page.furniture:
        data["furniture"] = list(page.furniture)
    return data


def page_from_data(data: dict) -> EditionPage:
    source = data.get("source") or {}
    lines = source.get("lines") or [1, 1]
    return EditionPage(number=int(data.get("page") or 0), source=str(source.get("file", "")), lines=int(lines[-1]),
                       name=str(data.get("name") or ""), label=str(data.get("label") or ""),
                       furniture=tup(data.get("furniture")))


def render_issue_index(issue: Issue) -> str:
    return f"---\n{dump_yaml(issue_front_matter(issue))}---\n"


# --- reading back ---------------------------------------------------------------------------

def parse_front_matter(text: str, where: str) -> tuple[dict, str]:
    """(front matter, body) of an article or issue file's ``text``; errors name ``where`` and the line."""
    match = FRONT_MATTER.match(text)
    if not match:
        raise ContentError(f"{where}:1: no YAML front matter (a file must start with '---')")
    try:
        data = yaml.load(match.group(1), Loader=FAST_LOADER) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 2
        raise ContentError(f"{where}:{line}: front matter is not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise ContentError(f"{where}:2: front matter must be a mapping")
    return data, match.group(2)


def parse_spans(value, where: str = "content file", text: str = "") -> tuple[SourceSpan, ...]:
    items = value if isinstance(value, list) else [value] if value else []
    if not all(isinstance(i, dict) and "file" in i and _lines(i.get("lines")) for i in items):
        raise ContentError(f"{where}:{key_line(text, 'source')}: source: expected {{file: seeds/…, lines: [first, "
                           f"last]}} or a list of them, got {value!r}")
    return tuple(SourceSpan(str(i["file"]), int(i["lines"][0]), int(i["lines"][-1])) for i in items)


def _lines(value) -> bool:
    return isinstance(value, list) and 1 <= len(value) <= 2 and all(_is_int(v) for v in value)


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def key_line(text: str, key: str) -> int:
    """The line of ``key:`` in a file's front matter (2, its first line, when it is not there)."""
    match = re.search(rf"^{re.escape(key)}\s*:", text, re.M)
    return text.count("\n", 0, match.start()) + 1 if match else 2


def whole_number(data: dict, key: str, where: str, text: str, default=0):
    """``data[key]`` as an int, ``default`` when empty; anything else is an error at its line."""
    value = data.get(key)
    if value is None or value == "":
        return default
    if not _is_int(value):
        raise ContentError(f"{where}:{key_line(text, key)}: {key}: expected a whole number, got {value!r}")
    return value


def parse_body(text: str) -> tuple[Block, ...]:
    blocks: list[Block] = []
    chunks = re.split(r"\n\s*\n", text.strip())
    for chunk in filter(None, (c.strip() for c in chunks)):
        if chunk.startswith("\\"):
            blocks.append(Block("paragraph", " ".join(chunk[1:].split("\n"))))
        elif chunk.startswith("::: figure"):
            blocks.append(parse_figure(chunk))
        elif chunk.startswith("#"):
            blocks.append(Block("section", re.sub(r"^#+\s*", "", chunk)))
        elif all(line.startswith(("- ", "* ")) for line in chunk.splitlines()):
            blocks.extend(Block("item", line[2:].strip()) for line in chunk.splitlines())
        else:
            blocks.append(Block("paragraph", " ".join(chunk.split("\n"))))
    return tuple(blocks)


def parse_figure(chunk: str) -> Block:
    fields = {}
    for line in chunk.splitlines()[1:]:
        key, sep, value = line.partition(":")
        if sep and key.strip() in ("label", "caption", "credit"):
            fields[key.strip()] = value.strip()
    figure = Figure(caption=fields.get("caption", ""), credit=fields.get("credit", ""), label=fields.get("label", ""))
    return Block("figure", figure=figure)


def tup(value) -> tuple:
    return tuple(str(v) for v in value) if isinstance(value, list) else ((str(value),) if value else ())


def read_article(path: Path, issue_id: str) -> Article:
    return article_from_text(path.read_text(encoding="utf-8"), path, issue_id)


def article_from_text(text: str, path: Path, issue_id: str) -> Article:
    """The article an article file at ``path`` holding ``text`` stands for."""
    where = str(path)
    data, body = parse_front_matter(text, where)
    slug = re.sub(r"^\d+-", "", path.stem)
    places = tuple(Place(str(p.get("name", "")), str(p.get("code", "")), str(p.get("province", "")))
                   for p in data.get("places") or [] if isinstance(p, dict))
    article = Article(issue=str(data.get("issue") or issue_id), order=whole_number(data, "order", where, text),
                      kind=str(data.get("kind") or "report"), title=str(data.get("title") or ""),
                      sources=parse_spans(data.get("source"), where, text), body=parse_body(body), slug=slug,
                      places=places)
    text_fields = ("kicker", "subtitle", "column", "byline", "dateline", "author_title", "continued_from",
                   "continues_to", "summary", "review")
    list_fields = ("reporters", "correspondents", "authors", "photographers", "regions", "mentions", "themes",
                   "keywords", "related", "markers")
    changes = {k: str(data[k]) for k in text_fields if data.get(k)}
    changes.update({k: tup(data.get(k)) for k in list_fields})
    changes.update(title_generated=bool(data.get("title_generated")), length=whole_number(data, "length", where, text),
                   page=page_number(data, where, text), page_name=str(data.get("page_name") or ""))
    return replace(article, **changes)


def page_number(data: dict, where: str, text: str) -> int:
    """``page:`` as an editor may write it (``3``, ``'03'``); 0 when there is none; anything else
    is an error at its line."""
    value = data.get("page")
    if value is None or value == "":
        return 0
    if not str(value).strip().isdigit():
        raise ContentError(f"{where}:{key_line(text, 'page')}: page: expected a page number, got {value!r}")
    return int(str(value).strip())


def read_issue(folder: Path, article_reader: Callable[[Path, str], Article] | None = None) -> Issue:
    """The issue in ``folder``; ``article_reader`` (default :func:`read_article`) reads each article file."""
    reader = article_reader or read_article
    index = folder / "_index.md"
    text = index.read_text(encoding="utf-8")
    where = str(index)
    data, _ = parse_front_matter(text, where)
    for key in ("year", "issue_no", "pages"):
        data[key] = whole_number(data, key, where, text, default=None)
    if not isinstance(data.get("source") or {}, dict):
        raise ContentError(f"{where}:{key_line(text, 'source')}: source: expected {{file: …, lines: […]}}, "
                           f"got {data['source']!r}")
    masthead = Masthead(paper=str(data.get("paper") or ""),
                        **{k: (tup(data[k]) if k in ("slogans", "editors") else
                               data[k] if k in ("issue_no", "pages") else str(data[k]))
                           for k in MASTHEAD_KEYS if data.get(k) is not None})
    articles = tuple(sorted((reader(p, folder.name) for p in folder.glob("*.md") if p.name != "_index.md"),
                            key=lambda a: (a.order, a.slug)))
    pages = tuple(page_from_data(p) for p in data.get("page_files") or [] if isinstance(p, dict))
    source = data.get("source") or {}
    return Issue(id=str(data.get("id") or folder.name), source=pages[0].source if pages else str(source.get("file", "")),
                 paper=masthead.paper, date=str(data.get("date") or ""), year=data.get("year"),
                 date_estimated=bool(data.get("date_estimated")), masthead=masthead,
                 furniture=pages[0].furniture if pages else tup(data.get("furniture")),
                 home_province=str(data.get("home_province") or ""), articles=articles, pages=pages)


def read_content(content_dir: Path) -> tuple[Issue, ...]:
    """Every issue under content/, sorted by date then id."""
    folders = sorted(p.parent for p in content_dir.glob("*/_index.md"))
    issues = [read_issue(f) for f in folders]
    return tuple(sorted(issues, key=lambda i: (i.date or str(i.year or ""), i.id)))
