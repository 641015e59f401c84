"""Line roles from gold: align a gold file's articles to the lines of the page they came from.

The gold (``../shared/gold/seeds.json``, ``corpus/rmrb/*gold.json``) names each article's
headline lines and the first and last characters of its body, never line numbers.  This
module finds those lines and labels every line of the page with its role, which is what
the role model (:mod:`dibao.roles.model`) learns.  Lines no article claims are furniture.

Roles, one per line:

``furniture``  masthead, folio, footers: issue metadata, in no article
``kicker``     a headline line printed above the main title (an article starts here)
``title``      the main title (an article starts here unless a kicker did)
``head``       a later line of the headline group: subtitle, column, byline, dateline
``lead``       the first line of an article that has no headline (a continuation, a brief)
``body``       the article's text: a new paragraph, subhead, caption or credit
``join``       a body line that goes on with the sentence the line above broke off
``fragment``   the first line of a piece of an earlier article printed further down
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Line

ROLES = ("furniture", "kicker", "title", "head", "lead", "body", "join", "fragment")
FOLD = str.maketrans({"，": ",", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")", "\u3000": ""})


def folded(text: str) -> str:
    """The comparison form the scorer uses: punctuation width and white space folded away."""
    text = re.sub(r"\s+|\*\*|__", "", str(text or "").translate(FOLD))
    return re.sub(r"^(?:#+|>|[-*+]|\d+\.)(?=\S)", "", text)


@dataclass(frozen=True)
class Placed:
    """Where one gold article sits among the page's lines (indices into the line list)."""

    heads: tuple[int, ...]  #: headline lines, in order
    main: int  #: the headline line that holds the title (-1: no headline)
    first: int  #: line holding the body's first characters
    last: int  #: line holding the body's last characters


def place_articles(lines: tuple[Line, ...], articles: list[dict]) -> list[Placed | None]:
    """Each gold article's headline, first and last line; None where the gold cannot be found."""
    texts = [folded(line.text) for line in lines]
    heads: list[list[int]] = []
    cursor = 0
    for article in articles:
        heads.append(_head_lines(texts, article, cursor))
        cursor = heads[-1][0] + 1 if heads[-1] else cursor
    starts = [h[0] if h else None for h in heads]
    placed = []
    for index, article in enumerate(articles):
        after = heads[index][-1] + 1 if heads[index] else (placed[-1].first + 1 if placed and placed[-1] else 0)
        # a tail moves at most below the next article: the text ends before the one after that
        bound = next(iter([s for s in starts[index + 1:] if s is not None][1:]), len(texts))
        placed.append(_place(texts, article, heads[index], after, bound))
    return placed


def _place(texts: list[str], article: dict, heads: list[int], after: int, bound: int) -> Placed | None:
    first_text, last_text = folded(article.get("first")), folded(article.get("last"))
    if not first_text or not last_text:
        return None
    first = next((i for i in range(after, len(texts)) if 0 <= texts[i].find(first_text) <= 60), None)
    if first is None:
        # the body opens inside the headline's last line (a title run into its first sentence)
        first = next((i for i in heads if first_text in texts[i]), None)
    if first is None:
        return None
    ends = [i for i in range(first, len(texts)) if last_text in texts[i]]
    last = max((i for i in ends if i < bound), default=ends[0] if ends else None)
    return Placed(tuple(heads), _main_line(texts, article, heads), first, last) if last is not None else None


def _main_line(texts: list[str], article: dict, heads: list[int]) -> int:
    title = _bare(article.get("title"))
    return next((i for i in heads if title and title in _bare(texts[i])), heads[0] if heads else -1)


def _bare(text: str) -> str:
    """A headline line without the dash or colon that ties it to the next (the gold drops them)."""
    return folded(text).strip("—:-")


def _head_lines(texts: list[str], article: dict, start: int) -> list[int]:
    """The run of lines, from ``start`` on, that spells the title or one of its alternatives."""
    texts = [_bare(t) for t in texts]
    wanted = [_bare(t) for t in [article.get("title"), *(article.get("alt_titles") or [])] if t]
    wanted += [_bare(article.get(k)) for k in ("kicker", "subtitle", "column") if article.get(k)]
    wanted = [w for w in wanted if w]
    column = folded(article.get("column"))
    if column:  # the column is printed in brackets after the title it heads
        wanted += [f"{w}({column})" for w in wanted]
    if not wanted:
        return []
    for i in range(start, len(texts)):
        if not any(texts[i] and texts[i] in w for w in wanted):
            continue
        run = [i]
        while run[-1] + 1 < len(texts) and any(texts[run[-1] + 1] and texts[run[-1] + 1] in w for w in wanted) \
                and len(texts[run[-1] + 1]) <= 80:
            run.append(run[-1] + 1)
        spelled = "".join(texts[j] for j in run)
        if any(w in spelled or spelled in w for w in wanted) and _covers_title(spelled, wanted[0]):
            return run
    return []


def _covers_title(spelled: str, title: str) -> bool:
    return title in spelled or (len(spelled) >= 2 and spelled in title and len(spelled) * 2 >= len(title))


def owners(count: int, placed: list[Placed | None]) -> list[int]:
    """For each line, the index of the gold article it belongs to (-1: none).

    An article owns its headline lines, the lines between its headline and its first body
    line (bylines, datelines), and the span from its first to its last body line, except
    where a later article sits inside that span: a tail printed below the next article
    leaves the innermost span to the article that was printed there."""
    owner = [-1] * count
    spans = [(p.first, p.last, index) for index, p in enumerate(placed) if p]
    # wider spans first, so a nested (inner) span overwrites the outer one
    for first, last, index in sorted(spans, key=lambda s: -(s[1] - s[0])):
        for i in range(first, last + 1):
            owner[i] = index
    for index, p in enumerate(placed):
        if p and p.heads:
            for i in range(p.heads[0], max(p.heads[-1] + 1, p.first)):
                owner[i] = index
    return owner


def claim_unowned(owner: list[int], texts: list[str], furniture: list[str]) -> list[int]:
    """Gold that lists its furniture (``not_in_articles``) says every other line is an article's:
    a run of unclaimed lines goes to the article above it up to its first listed furniture
    line; a run before the first article is the masthead."""
    owner = list(owner)
    i = 0
    while i < len(owner):
        if owner[i] >= 0:
            i += 1
            continue
        j = i
        while j < len(owner) and owner[j] < 0:
            j += 1
        listed = next((k for k in range(i, j) if any(f and f in texts[k] for f in furniture)), j)
        if i > 0:  # what comes before the first listed line (a 下转 marker, a credit) is the article's
            owner[i:listed] = [owner[i - 1]] * (listed - i)
        i = j
    return owner


def line_roles(lines: tuple[Line, ...], articles: list[dict],
               furniture: list[str] | None = None) -> tuple[list[str], list[Placed | None]]:
    """Every line's role, and where each gold article was found.  ``furniture``: the gold's
    ``not_in_articles`` when it annotates every line (the sample issues' gold does)."""
    placed = place_articles(lines, articles)
    owner = owners(len(lines), placed)
    if furniture is not None:
        owner = claim_unowned(owner, [folded(line.text) for line in lines], [folded(f) for f in furniture])
    heads = {i for p in placed if p and p.heads for i in range(p.heads[0], max(p.heads[-1] + 1, p.first))}
    joined = broken_lines([folded(line.text) for line in lines], [a.get("contains") or [] for a in articles], owner)
    roles = []
    for i, who in enumerate(owner):
        p = placed[who] if who >= 0 else None
        if p is None:
            roles.append("furniture")
        elif i in heads:
            roles.append("kicker" if i < p.main else "title" if i == p.main else "head")
        elif i == p.first and not p.heads:
            roles.append("lead")
        elif i > 0 and owner[i - 1] != who and owner[i - 1] >= 0 and i != p.first:
            roles.append("fragment")
        else:
            roles.append("join" if i in joined else "body")
    return roles, placed


def broken_lines(texts: list[str], contains: list[list[str]], owner: list[int]) -> set[int]:
    """Lines that continue the sentence of the line above: the gold's ``contains`` snippets
    are the text across each break the page made, so a snippet split between the end of one
    line and the start of the next marks the next line."""
    broken = set()
    for index, snippets in enumerate(contains):
        for snippet in map(folded, snippets):
            for i in range(1, len(texts)):
                if owner[i] == index == owner[i - 1] and _spans_break(texts[i - 1], texts[i], snippet):
                    broken.add(i)
    return broken


def _spans_break(above: str, below: str, snippet: str) -> bool:
    return any(above.endswith(snippet[:cut]) and below.startswith(snippet[cut:]) for cut in range(1, len(snippet)))
