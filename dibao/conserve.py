"""Conservation: every non-space character of the normalised input must reach the output.

The output is the issue's metadata (furniture lines) plus, for each article,
its headline group, bylines, markers, body and captions.  Generated titles
add text but never stand in for input text.
"""
from __future__ import annotations

from collections import Counter

from .model import Article, Issue

QUOTES = str.maketrans("“”", '""')  #: straight quotes in Chinese text are curled (normalize.curl_quotes)


def article_texts(article: Article) -> list[str]:
    # a column printed in brackets after its title (``标题（人民时评）``) loses its brackets
    column = f"（{article.column}）" if article.column else ""
    texts = [article.kicker, article.subtitle, column, article.byline, article.dateline,
             article.author_title, *article.markers]
    if not article.title_generated:
        texts.append(article.title)
    for block in article.body:
        if block.figure:
            texts += [block.figure.label, block.figure.caption, block.figure.credit]
        else:
            texts.append(block.text)
    return texts


def _chars(texts) -> Counter:
    counts = Counter("".join(texts).translate(QUOTES))  # counting a whole string runs in C
    for char in [c for c in counts if c.isspace()]:
        del counts[char]
    return counts


def lost_characters(issue: Issue) -> list[str]:
    """``file:line: message`` for each input line whose characters did not all reach the output."""
    output = _chars(issue.furniture) + _chars(t for a in issue.articles for t in article_texts(a))
    missing = _chars(line.text for line in issue.lines) - output
    if not missing:
        return []
    problems = []
    for line in issue.lines:
        lost = "".join(sorted(set(line.text) & set(missing)))
        if lost:
            problems.append(f"{issue.source}:{line.number}: characters not in any article or metadata: {lost}")
            for char in lost:
                del missing[char]
        if not missing:
            break
    return problems
