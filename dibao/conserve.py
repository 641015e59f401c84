"""Conservation: every character of the issue file must reach the output.

Counted against the decoded file itself (``Issue.raw_lines``), not against the normalised
lines, so a normalising step that drops text is caught too.  What may go is listed in
:mod:`.layout`: whitespace, the front matter block, heading marks, list bullets and paired
emphasis.  Both sides are compared under NFKC, so the normaliser's NFC and its full-width
punctuation (``,`` → ``，``) count as the same character.

The output is the issue's metadata (furniture lines) plus, for each article,
its headline group, bylines, markers, body and captions.  Generated titles
add text but never stand in for input text.
"""
from __future__ import annotations

import unicodedata
from collections import Counter

from .layout import layout_marks
from .model import Article, Issue
from .normalize import SPACES

#: straight quotes in Chinese text are curled (normalize.curl_quotes), and a sentence's ``.`` is ``。``
QUOTES = str.maketrans("“”。", '"".')


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
    counts = Counter(unicodedata.normalize("NFKC", "".join(texts)).translate(QUOTES))  # a whole string: in C
    for char in [c for c in counts if c.isspace() or c in "\u200b\ufeff"]:
        del counts[char]  # whitespace, zero-width space and BOM included, is never counted
    return counts


def source_texts(issue: Issue) -> list[tuple[int, str]]:
    """(line number, text) of each line of the file, less its layout marks."""
    collapsed = [SPACES.sub(" ", raw).strip() for raw in issue.raw_lines]
    return [(number, marks.strip(text))
            for number, (text, marks) in enumerate(zip(collapsed, layout_marks(collapsed)), start=1) if text]


def lost_characters(issue: Issue) -> list[str]:
    """``file:line: message`` for each input line whose characters did not all reach the output."""
    output = _chars(issue.furniture) + _chars(t for a in issue.articles for t in article_texts(a))
    lines = source_texts(issue)
    missing = _chars(text for _, text in lines) - output
    if not missing:
        return []
    problems = []
    for number, text in lines:
        lost = "".join(sorted(set(_chars([text])) & set(missing)))
        if lost:
            problems.append(f"{issue.source}:{number}: characters not in any article or metadata: {lost}")
            for char in lost:
                del missing[char]
        if not missing:
            break
    return problems
