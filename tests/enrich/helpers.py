"""Small builders for enrichment tests."""
from __future__ import annotations

from dibao.model import Article, Block, Figure, Issue, SourceSpan


def make_article(body: str | list[str], title: str = "", order: int = 1, issue: str = "t_issue", **fields) -> Article:
    paragraphs = [body] if isinstance(body, str) else body
    blocks = tuple(Block("paragraph", p) for p in paragraphs)
    return Article(issue=issue, order=order, kind="report", title=title, sources=(SourceSpan("t.txt", 1, 1),),
                   body=blocks, title_generated=not title, **fields)


def photo_article(captions: list[str], issue: str = "t_issue", order: int = 1) -> Article:
    blocks = tuple(Block("figure", figure=Figure(c)) for c in captions)
    return Article(issue=issue, order=order, kind="photo", title="", sources=(SourceSpan("t.txt", 1, 1),),
                   body=blocks, title_generated=True)


def make_issue(articles: list[Article], issue_id: str = "t_issue", **fields) -> Issue:
    return Issue(id=issue_id, source=f"seeds/{issue_id}.txt", articles=tuple(articles), **fields)
