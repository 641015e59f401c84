"""Segmentation: an issue's normalised lines → articles, furniture and issue metadata.

The chain: tag lines (:mod:`.units`) → assemble drafts in reading order
(:mod:`.assemble`) → re-attach orphan fragments (:mod:`.fragments`) → freeze
drafts into :class:`~dibao.model.Article` values with titles and source maps.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Article, Block, Issue, SourceSpan
from ..slugs import slugify
from .boxes import notes_forward
from .decode import RoleAssembler
from .draft import Draft
from .fragments import reattach
from .issue_meta import with_issue_meta
from .tails import return_tails
from .patterns import SENTENCE_END, closing_line, headline_shaped, is_subtitle_form, starts_mid_sentence
from .titles import key_phrase, read_title_group
from .units import kinds_of, units_by_line

UNKNOWN_PAGE = "前版"  #: continued_from of a fragment whose head is on a page no marker names
COMMENTARY_MARKS = ("评论", "时评", "短评", "观察", "论坛")
BRIEF_MAX = 1000  #: characters: a dateline-led item longer than this is a report, not a brief


def segment(issue: Issue) -> Issue:
    """Fill ``issue`` with its articles, furniture and metadata."""
    from ..roles import tag_roles  # the role model reads segment's patterns: imported once both exist
    from .review import review_reasons

    units = units_by_line(issue.lines)
    reading = tag_roles(issue.lines, kinds_of(units))
    drafts, furniture = RoleAssembler(units, list(reading.roles)).run()
    index_of = {line.number: i for i, line in enumerate(issue.lines)}
    drafts = return_tails(reattach(drafts), lambda number: reading.displaced[index_of[number]])
    drafts = notes_forward(drafts)
    ends = {line.number: line.last for line in issue.lines if line.last}  # joined lines (:mod:`..reflow`)
    furniture_lines = [n for unit in furniture for line in unit.lines for n in _source(line.number, ends)]
    owners = _line_owners(drafts, furniture_lines, ends)
    articles = tuple(_freeze(d, issue, order, owners, ends) for order, d in enumerate(drafts, start=1))
    articles = tuple(replace(a, review=review_reasons(a, sorted(set(d.lines())), reading, index_of, frozenset(d.head_lines)))
                     for a, d in zip(articles, drafts))
    body_text = "\n".join(a.title + "\n" + a.text for a in articles)
    return replace(with_issue_meta(issue, furniture, body_text), articles=articles)


def _line_owners(drafts: list[Draft], furniture_lines: list[int], ends: dict[int, int]) -> dict[int, int]:
    owners = {n: -1 for n in furniture_lines}
    for index, draft in enumerate(drafts):
        for number in draft.lines():
            for source in _source(number, ends):
                owners.setdefault(source, index)
    return owners


def _source(number: int, ends: dict[int, int]) -> range:
    """The source lines a (perhaps joined) line came from."""
    return range(number, ends.get(number, number) + 1)


def _spans(draft_index: int, numbers: list[int], owners: dict[int, int], source: str) -> tuple[SourceSpan, ...]:
    """Runs of the article's lines in reading order; a run breaks where another owner's line intervenes."""
    spans: list[list[int]] = []
    for number in numbers:
        if spans and number >= spans[-1][1] and all(
                owners.get(n, draft_index) == draft_index for n in range(spans[-1][1] + 1, number)):
            spans[-1][1] = number
        else:
            spans.append([number, number])
    return tuple(SourceSpan(source, a, b) for a, b in spans)


def _freeze(draft: Draft, issue: Issue, order: int, owners: dict[int, int], ends: dict[int, int]) -> Article:
    group = with_deck(headline_column(read_title_group(draft.title_units), draft), draft)
    body = tuple(Block(_block_kind(b, draft.blocks[k - 1] if k else None), b.text if b.kind != "figure" else "", b.figure,
                       SourceSpan(issue.source, min(b.lines), _source(max(b.lines), ends)[-1]) if b.lines else None)
                 for k, b in enumerate(draft.blocks))
    kind = _kind(draft, group.title, group.column)
    title, generated = group.title, False
    if not title:
        title, generated = _generated_title(kind, body), True
    continued_from = draft.continued_from or (UNKNOWN_PAGE if kind == "continuation" else "")
    numbers = sorted({source for number in draft.lines() for source in _source(number, ends)})
    people = draft.people
    return Article(
        issue=issue.id, order=order, kind=kind, title=title, sources=_spans(order - 1, numbers, owners, issue.source),
        body=body, kicker=group.kicker, subtitle=group.subtitle, column=group.column, title_generated=generated,
        byline=" ".join(draft.bylines), dateline=draft.dateline, reporters=tuple(people.reporters),
        correspondents=tuple(people.correspondents), authors=tuple(people.authors),
        photographers=tuple(people.photographers), author_title=draft.author_title,
        continued_from=continued_from, continues_to=draft.continues_to, markers=tuple(draft.markers),
        slug=slugify(title))


def _block_kind(block, above) -> str:
    """A closing line the assembler filed as a subhead (``版式设计：X``, ``（据新华社电）``,
    ``X摄``) is a line of the text: a reader sees no heading, and no contents entry, for it.
    Assembly keeps filing it as a section, where it ends the article's text as a credit does.
    So is a ``——`` line under a quotation: it names who said it (``——某市公安局局长 X``)."""
    if block.kind != "section":
        return block.kind
    quoted = above is not None and above.kind == "paragraph" and above.text.rstrip().endswith(("”", "\""))
    return "paragraph" if closing_line(block.text) or quoted and is_subtitle_form(block.text) else "section"


def headline_column(group, draft: Draft):
    """A headline group whose only headline-shaped line reads as a column (``平等·互利·共赢``,
    ``让沙丘变绿洲``) heads an article with text: that line is its headline, which a title made up
    from the lead would only replace.  Over photo news (``关注·普法`` above pictures and their
    captions) it stays the column."""
    if not group.title and group.column and draft.has_body:
        return replace(group, title=group.column, column="")
    return group


def with_deck(group, draft: Draft):
    """A ``——`` line right under the headline is its subtitle.  When the page prints it in the
    text flow (the model read it as the body's first line), the body keeps it too, as the page
    has it; the site shows it once (:func:`dibao.site.body.below_headline`)."""
    deck = _deck_below(draft)
    return replace(group, subtitle=deck) if deck and group.title and not group.subtitle else group


def _deck_below(draft: Draft) -> str:
    """The article's first paragraph when it is a ``——`` deck, else ``""``."""
    first = draft.blocks[0] if draft.blocks else None
    if first is not None and first.kind == "paragraph" and is_subtitle_form(first.text) \
            and headline_shaped(first.text.lstrip("—－-"), 60):
        return first.text
    return ""


def _kind(draft: Draft, title: str, column: str) -> str:
    figures = [b for b in draft.blocks if b.kind == "figure"]
    if figures and not any(b.kind in ("paragraph", "item") for b in draft.blocks):
        return "photo"
    if any(mark in column for mark in COMMENTARY_MARKS) or "评论员" in " ".join(draft.bylines):
        return "commentary"
    if draft.kind == "brief" and sum(len(b.text) for b in draft.blocks) <= BRIEF_MAX:
        return "brief"
    if not title and (draft.orphan or draft.continued_from) and not (draft.bylines or draft.dateline):
        return "continuation"
    return "report"


def _complete_part(lead: str) -> str:
    """A continuation opens inside a sentence; its first whole sentence says more than that stub."""
    if not starts_mid_sentence(lead):
        return lead
    rest = re.split(f"[{SENTENCE_END}]", lead, maxsplit=1)
    return rest[1] if len(rest) > 1 and rest[1].strip() else lead


def _generated_title(kind: str, body: tuple[Block, ...]) -> str:
    section = next((b.text for b in body if b.kind == "section"), "")
    lead = next((b.figure.caption if b.figure else b.text for b in body if b.kind in ("paragraph", "figure")), "")
    # a lead of punctuation alone ("“") has no key phrase; an article always gets a title
    phrase = (key_phrase(lead) if lead else "") or "无题"
    if kind == "photo":
        return f"图片新闻：{phrase}"
    if kind == "continuation":  # continued_from says it goes on from elsewhere; the title says what it is
        return section or (key_phrase(_complete_part(lead)) if lead else "") or phrase
    return phrase
