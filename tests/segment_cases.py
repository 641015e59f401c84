"""Fixture-file cases for the segmentation rules, in the spirit of markdown-it's fixtures.

A fixture file holds several cases.  Each case is a ``## title`` line, a fenced
input block (any info string but ``yaml``) and a fenced ``yaml`` block of
expectations.  Only the keys a case lists are checked, so a case states just
the rule it is about.

Issue-level keys: ``file`` (input file name), ``date``, ``year``,
``date_estimated``, ``paper``, ``section``, ``issue_no``, ``pages``,
``furniture`` (lines that must be issue metadata), ``editors``, ``slogans``,
``nowhere_in_articles`` (strings no article may hold), ``articles``.

Article keys: the front-matter fields (``title``, ``kind``, ``kicker`` …,
``reporters`` …, ``continued_from``, ``title_generated``), plus ``sections``
(the ``###`` headings, in order), ``paragraphs`` (how many), ``body_starts``,
``body_ends``, ``body_contains``, ``body_excludes``, ``title_contains`` and
``figures`` (list of mappings over ``label``/``caption``/``credit``/
``photographers``).  When ``articles`` is given, the issue must have exactly
that many articles.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from dibao.conserve import lost_characters
from dibao.ingest import ingest
from dibao.model import Article, Issue
from dibao.segment import segment

FENCE = re.compile(r"^(`{3,}|~{3,})\s*([\w-]*)\s*$")
ARTICLE_FIELDS = ("title", "kind", "kicker", "subtitle", "column", "reporters", "correspondents", "authors",
                  "photographers", "continued_from", "continues_to", "title_generated", "author_title")
ISSUE_FIELDS = ("date", "year", "date_estimated", "paper")
MASTHEAD_FIELDS = ("section", "issue_no", "pages", "editors", "slogans")


@dataclass(frozen=True)
class Case:
    file: Path
    line: int  #: line of the ``## title`` in the fixture file
    title: str
    text: str  #: the issue text
    expected: dict

    @property
    def id(self) -> str:
        return f"{self.file.stem}:{self.line}"


def load_cases(path: Path) -> list[Case]:
    """Parse one fixture file; a malformed case fails loudly with its file and line."""
    cases: list[Case] = []
    title, title_line, blocks, fence, body, info = "", 0, [], None, [], ""
    lines = path.read_text(encoding="utf-8").split("\n")
    for number, line in enumerate(lines + ["## "], start=1):
        match = FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) and not match.group(2):
                blocks.append((info, "\n".join(body) + "\n"))
                fence, body = None, []
            else:
                body.append(line)
            continue
        if match:
            fence, info = match.group(1), match.group(2)
        elif line.startswith("## "):
            if title:
                cases.append(_case(path, title_line, title, blocks))
            title, title_line, blocks = line[3:].strip(), number, []
    if fence:
        raise ValueError(f"{path}:{title_line}: unclosed fence in case {title!r}")
    return cases


def _case(path: Path, line: int, title: str, blocks: list[tuple[str, str]]) -> Case:
    inputs = [text for info, text in blocks if info != "yaml"]
    specs = [text for info, text in blocks if info == "yaml"]
    if len(inputs) != 1 or len(specs) != 1:
        raise ValueError(f"{path}:{line}: case {title!r} needs one input block and one yaml block")
    return Case(path, line, title, inputs[0], yaml.safe_load(specs[0]) or {})


def parse_case(case: Case, folder: Path) -> Issue:
    name = str(case.expected.get("file", "issue.txt"))
    path = folder / name
    path.write_text(case.text, encoding="utf-8")
    return segment(ingest(path, name))


def paragraphs(article: Article) -> list[str]:
    return [b.text for b in article.body if b.kind in ("paragraph", "item")]


def check_case(case: Case, issue: Issue) -> list[str]:
    """Every mismatch between the case's expectations and the parsed issue, as readable lines."""
    exp, problems = case.expected, list(lost_characters(issue))
    for key in ISSUE_FIELDS:
        if key in exp and getattr(issue, key) != exp[key]:
            problems.append(f"issue {key}: expected {exp[key]!r}, got {getattr(issue, key)!r}")
    for key in MASTHEAD_FIELDS:
        got = getattr(issue.masthead, key)
        got = list(got) if isinstance(got, tuple) else got
        if key in exp and got != exp[key]:
            problems.append(f"masthead {key}: expected {exp[key]!r}, got {got!r}")
    for line in exp.get("furniture", []):
        if line not in issue.furniture:
            problems.append(f"furniture: {line!r} missing from {list(issue.furniture)!r}")
    for text in exp.get("nowhere_in_articles", []):
        for article in issue.articles:
            if text in article.title + "\n" + article.text:
                problems.append(f"article {article.order} holds {text!r}, which belongs elsewhere")
    if "articles" in exp:
        problems += check_articles(exp["articles"] or [], issue.articles)
    return problems


def check_articles(expected: list[dict], articles: tuple[Article, ...]) -> list[str]:
    got_titles = [a.title for a in articles]
    if len(expected) != len(articles):
        return [f"expected {len(expected)} articles, got {len(articles)}: {got_titles!r}"]
    problems = []
    for n, (exp, article) in enumerate(zip(expected, articles), start=1):
        problems += [f"article {n} ({article.title}): {p}" for p in check_article(exp, article)]
    return problems


def check_article(exp: dict, article: Article) -> list[str]:
    problems = []
    for key in ARTICLE_FIELDS:
        if key in exp:
            got = getattr(article, key)
            got = list(got) if isinstance(got, tuple) else got
            if got != exp[key]:
                problems.append(f"{key}: expected {exp[key]!r}, got {got!r}")
    body = paragraphs(article)
    sections = [b.text for b in article.body if b.kind == "section"]
    joined = "\n".join(body)
    checks = {
        "sections": lambda v: sections == v or f"sections: expected {v!r}, got {sections!r}",
        "paragraphs": lambda v: len(body) == v or f"paragraphs: expected {v}, got {len(body)}: {body!r}",
        "body_starts": lambda v: (body and body[0].startswith(v)) or f"body starts {joined[:40]!r}, not {v!r}",
        "body_ends": lambda v: (body and body[-1].endswith(v)) or f"body ends {joined[-40:]!r}, not {v!r}",
        "title_contains": lambda v: v in article.title or f"title {article.title!r} lacks {v!r}",
    }
    for key, check in checks.items():
        if key in exp:
            result = check(exp[key])
            if result is not True:
                problems.append(result)
    problems += [f"body lacks {t!r}" for t in exp.get("body_contains", []) if t not in joined]
    problems += [f"body holds {t!r}" for t in exp.get("body_excludes", []) if t in joined]
    if "figures" in exp:
        problems += check_figures(exp["figures"], article)
    return problems


def check_figures(expected: list[dict], article: Article) -> list[str]:
    figures = [b.figure for b in article.body if b.figure]
    if len(figures) != len(expected):
        return [f"expected {len(expected)} figures, got {[f.caption for f in figures]!r}"]
    problems = []
    for exp, figure in zip(expected, figures):
        for key, value in exp.items():
            got = getattr(figure, key)
            got = list(got) if isinstance(got, tuple) else got
            if got != value:
                problems.append(f"figure {key}: expected {value!r}, got {got!r}")
    return problems
