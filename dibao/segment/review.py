"""Articles the parser is unsure of, with the reason, so editors know where to look.

An article is flagged (``review:`` in its front matter) when the role model hesitated
over where it starts or whether another article starts inside it, when its title has
the form of a credit or a dateline, when its title is very long, or when its body never
ends a sentence.
"""
from __future__ import annotations

import re

from ..model import Article
from ..roles import Reading
from .bylines import parse_dateline
from .patterns import credit_line

SURE_START = 0.7  #: below this, the model was unsure that the article starts where it does
INNER_START = 0.3  #: at or above this, the model thought another article might start inside
LONG_TITLE = 40  #: printed headlines are rarely longer
SENTENCE_END = re.compile("[。！？!?…]")


def review_reasons(article: Article, line_numbers: list[int], reading: Reading, index_of: dict[int, int],
                   head_lines: frozenset[int] = frozenset()) -> str:
    reasons = []
    rows = sorted(index_of[n] for n in line_numbers if n in index_of)
    if rows and reading.roles:
        first = rows[0]
        if reading.opens[first] >= 0.5 and reading.sure[first] < SURE_START:
            reasons.append(f"unsure where the article starts (line {line_numbers[0]})")
        # the first text line under the headline group (bylines, 上接 marker) opens nothing new
        text_rows = [index_of[n] for n in line_numbers if n in index_of and n not in head_lines]
        inner = [r for r in rows[1:] if r != (text_rows[0] if text_rows else None)
                 and reading.roles[r] not in ("kicker", "title", "head") and reading.opens[r] >= INNER_START]
        if inner:
            reasons.append(f"another article may start inside (line {min(n for n in line_numbers if index_of.get(n) in inner)})")
    title = article.title if not article.title_generated else ""
    if title and (credit_line(title) or parse_dateline(title) or title.startswith(("（", "("))):
        reasons.append("the title looks like a credit or a dateline")
    if len(title) > LONG_TITLE:
        reasons.append("very long title")
    if len(article.text) >= 20 and not SENTENCE_END.search(article.text):
        reasons.append("the body never ends a sentence")
    return "; ".join(reasons)
