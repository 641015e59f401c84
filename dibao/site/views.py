"""What an article page shows besides its body: credits, continuations, citation, metadata."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

from markupsafe import Markup

from ..model import Issue
from typing import Sequence

from .catalog import Catalog, Entry, issue_label
from .people import article_people

BRACKETED_PREFIX = re.compile(r"^[（(【\[][^）)】\]]{0,12}[）)】\]]\s*")


@dataclass(frozen=True)
class Note:
    """A continuation note: ``上接第一版`` plus the article it points to when this issue has it."""

    text: str
    target: Entry | None = None
    missing: bool = False  #: the page it names is not in this issue


def bare_title(title: str) -> str:
    return BRACKETED_PREFIX.sub("", title).strip()


def continues(first: Entry, later: Entry) -> bool:
    """``later`` carries on ``first`` when it says where it comes from and has the same headline."""
    if not later.article.continued_from or later.article.order <= first.article.order:
        return False
    a, b = bare_title(first.article.title), bare_title(later.article.title)
    return bool(a and b) and (a == b or a in b or b in a)


def continuation_notes(entry: Entry, siblings: Sequence[Entry]) -> list[Note]:
    """``siblings``: the entries of the article's issue, in reading order."""
    article, notes = entry.article, []
    if article.continued_from:
        source = next((e for e in siblings if continues(e, entry)), None)
        notes.append(Note(f"上接{article.continued_from}", source, missing=source is None))
    if article.continues_to:
        target = next((e for e in siblings if continues(entry, e)), None)
        notes.append(Note(f"下转{article.continues_to}", target, missing=target is None))
    return notes


def credits(entry: Entry, catalog: Catalog) -> list[tuple[str, str, str]]:
    """(role, name, person page path) in byline order."""
    rows = []
    for name, role in article_people(entry):
        group = catalog.group("person", name)
        rows.append((role, name, group.path if group else ""))
    return rows


def display_date(issue: Issue) -> str:
    """``2025年11月4日``, or ``2025年`` when only the year is known."""
    if issue.date:
        year, month, day = (int(x) for x in issue.date.split("-")[:3])
        return f"{year}年{month}月{day}日"
    return f"{issue.year}年" if issue.year else "日期不详"


def page_number(entry: Entry) -> int | None:
    """The page (版) the article was printed on, when known: the article's own ``page`` (editions
    give articles one), else the issue file's front matter ``page:``."""
    found = getattr(entry.article, "page", None) or entry.issue.front_matter.get("page")
    try:
        return int(found) if found else None
    except (TypeError, ValueError):
        return None


def inner_title(title: str) -> str:
    """Book-title marks inside a title quoted in 《》 become 〈〉, as Chinese usage nests them."""
    return title.replace("《", "〈").replace("》", "〉")


def bare_subtitle(subtitle: str) -> str:
    """A subtitle without the dash it was printed with: the page prints its own ``——``."""
    return subtitle.lstrip("—－-― 　")


def citation(entry: Entry) -> str:
    """A reference line in the usual Chinese style: 作者：《标题》，《报名》日期第N版（期号）。"""
    a, issue = entry.article, entry.issue
    names = list(dict.fromkeys(a.authors + a.reporters + a.correspondents))
    who = "、".join(names) + "：" if names else ""
    page = page_number(entry)
    where = f"第{page}版" if page else ""
    number = f"（第{issue.masthead.issue_no}期）" if issue.masthead.issue_no else ""
    paper = f"《{inner_title(issue.paper)}》" if issue.paper else ""
    return f"{who}《{inner_title(a.title)}》，{paper}{display_date(issue)}{where}{number}。"


def json_ld(data: dict) -> Markup:
    """JSON for a ``<script>`` element: ``<``, ``>`` and ``&`` escaped so no text can close it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def news_article(entry: Entry, url: str, site_title: str) -> dict:
    a = entry.article
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a.title[:110],
            "inLanguage": "zh-CN", "isPartOf": {"@type": "PublicationIssue", "name": issue_label(entry.issue)},
            "publisher": {"@type": "Organization", "name": entry.issue.paper or site_title}}
    if entry.issue.date:
        data["datePublished"] = entry.issue.date
    names = list(dict.fromkeys(a.authors + a.reporters + a.correspondents))
    if names:
        data["author"] = [{"@type": "Person", "name": n} for n in names]
    if a.summary:
        data["description"] = a.summary
    if a.keywords:
        data["keywords"] = list(a.keywords)
    if url:
        data["url"] = url
        data["mainEntityOfPage"] = url
    return data
