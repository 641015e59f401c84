"""Articles an edition prints on more than one page become one article.

Two cases, both within one edition:

- a continuation: ``（下转第2版）`` ends the head on page 1, ``（上接第1版）`` opens the tail on
  page 2, under the same (or a shortened) headline; the tail is appended to the head;
- a reprint: an e-paper prints the whole article on page 1 and again on page 3; an exact or
  near-exact body is the same article, kept once where it is first printed.

Either way the article keeps a source span on each page it was printed on.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from ..model import Article
from ..segment.furniture import chinese_number
from ..segment.patterns import bigrams

PAGE_NAMED = re.compile(r"第?\s*([0-9]{1,3}|[一二三四五六七八九十]{1,3})\s*版")
BRACKETED = re.compile(r"^[（(【\[][^）)】\]]{0,12}[）)】\]]\s*|^（续）")
#: a reprint's body shares at least this share of its character bigrams with the first printing
SAME_TEXT = 0.9
REPRINT_MIN_CHARS = 80  #: shorter texts (a photo caption, a one-line brief) may well recur without being one article


def named_page(text: str) -> int | None:
    """The page a marker names: ``第2版`` → 2, ``第一版`` → 1; None when it names none."""
    match = PAGE_NAMED.search(text or "")
    return chinese_number(match.group(1)) if match else None


def bare(title: str) -> str:
    return BRACKETED.sub("", title).strip()


def same_headline(head: Article, tail: Article) -> bool:
    a, b = bare(head.title), bare(tail.title)
    return bool(a and b) and (a in b or b in a)


def stitch_continuations(articles: Sequence[Article]) -> tuple[list[Article], set[int]]:
    """(articles with each continued tail appended to its head, orders of the heads that grew)."""
    out, grown = list(articles), set()
    for at in range(len(out)):
        while out[at] is not None and out[at].continues_to:
            tail_at = tail_of(out, at)
            if tail_at is None:
                break
            out[at] = joined(out[at], out[tail_at])
            out[tail_at] = None
            grown.add(out[at].order)
    return [a for a in out if a is not None], grown


def tail_of(articles: list, at: int) -> int | None:
    """The index of the article that carries on ``articles[at]`` on the page its marker names."""
    head = articles[at]
    page = named_page(head.continues_to)
    candidates = [i for i, a in enumerate(articles) if a is not None and i != at and a.page == page
                  and a.continued_from and named_page(a.continued_from) in (head.page, None)]
    titled = [i for i in candidates if same_headline(head, articles[i])]
    if titled:
        return titled[0]
    heads = [a for a in articles if a is not None and named_page(a.continues_to) == page and a.page == head.page]
    return candidates[0] if len(candidates) == 1 and len(heads) == 1 else None


def joined(head: Article, tail: Article) -> Article:
    """``head`` with ``tail``'s text, sources, markers and people after its own."""
    merge = lambda a, b: tuple(dict.fromkeys(a + b))  # noqa: E731
    return replace(head, body=head.body + tail.body, sources=head.sources + tail.sources,
                   continues_to=tail.continues_to, markers=head.markers + tail.markers,
                   reporters=merge(head.reporters, tail.reporters),
                   correspondents=merge(head.correspondents, tail.correspondents),
                   authors=merge(head.authors, tail.authors), photographers=merge(head.photographers, tail.photographers))


def fold_reprints(articles: Sequence[Article]) -> tuple[list[Article], set[int]]:
    """(articles with a reprint on a later page folded into its first printing, orders of the
    first printings that took one in).  The longer body is kept (a near-exact copy may have
    lost a line), with the first printing's headline and place."""
    kept: list[Article] = []
    grams: list[frozenset[str]] = []
    grown: set[int] = set()
    for article in articles:
        text = article.text
        mine = frozenset(bigrams(text))
        match = next((i for i, other in enumerate(kept) if other.page != article.page
                      and len(text) >= REPRINT_MIN_CHARS and same_text(grams[i], mine)), None)
        if match is None:
            kept.append(article)
            grams.append(mine)
            continue
        first = kept[match]
        body = article.body if len(text) > len(first.text) else first.body
        kept[match] = replace(first, body=body, sources=first.sources + article.sources,
                              markers=tuple(dict.fromkeys(first.markers + article.markers)))
        grown.add(first.order)
    return kept, grown


def same_text(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b or min(len(a), len(b)) < SAME_TEXT * max(len(a), len(b)):
        return False
    return len(a & b) >= SAME_TEXT * max(len(a), len(b))
