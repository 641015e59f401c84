"""Boxes printed above the headline of the story they introduce.

An editor's note (``编者按：``, ``编者的话``) or a summary box (``核心提示``, ``核心阅读``) may be
set above a story's headline, where reading
order files it as the last lines of the story before.  It introduces the story below it: once
the page is decoded into articles, a note that ends an article right above the next one's
headline moves to the start of that next article.
"""
from __future__ import annotations

import re

from .draft import Draft, DraftBlock

#: the head of an editor's note; 编后 (an afterword) closes the story above and stays with it
EDITORS_NOTE = re.compile(r"^[【\[〔]?\s*(?:编者按|编者的话|核心提示|核心阅读|导读)\s*[】\]〕]?\s*[:：]?")
NOTE_BLOCKS = 4  #: a note is its head and a paragraph or a few, not a story's second half


def notes_forward(drafts: list[Draft]) -> list[Draft]:
    """Each editor's note ending an article right above another article's headline moves to it,
    and so does a note the page set apart, read as an article of its own under its head."""
    for above, below in zip(drafts, drafts[1:]):
        if below.orphan or not below.title_units:
            continue
        if _note_alone(above):
            if above.title_units:  # the note's head, read as a headline: the story's first section
                head = above.title_units[0]
                above.blocks[:0] = [DraftBlock("section", head.text, [line.number for line in head.lines])]
                above.title_units, above.head_lines = [], []
            start = 0
        else:
            start = _note_start(above)
        if start is None:
            continue
        note = above.blocks[start:]
        if max(n for block in note for n in block.lines) < min(below.head_lines or [0]):
            above.blocks[start:] = []
            below.blocks[:0] = note
    return [d for d in drafts if d.has_head or d.blocks or d.markers]  # a note moved whole leaves nothing


def _note_alone(draft: Draft) -> bool:
    """The draft is an editor's note and nothing else: its head, then a paragraph or a few; or, with
    no headline, a paragraph or a few the first of which is headed by the note's label (``编者按：…``)."""
    if not draft.title_units and draft.blocks and not draft.continued_from:
        head = draft.blocks[0].text.strip() if draft.blocks[0].kind == "paragraph" else ""
    else:
        head = draft.title_units[0].text.strip() if len(draft.title_units) == 1 else ""
    # a 导读 box lists the page's or the stories: it introduces none of them alone
    return bool(EDITORS_NOTE.match(head)) and "导读" not in head \
        and not (draft.bylines or draft.dateline or draft.markers) and 0 < len(draft.blocks) <= NOTE_BLOCKS \
        and all(b.kind == "paragraph" for b in draft.blocks)


def _note_start(draft: Draft) -> int | None:
    """Where the draft's last few blocks begin with an editor's note, if they do."""
    first = max(1, len(draft.blocks) - NOTE_BLOCKS)
    for index in range(first, len(draft.blocks)):
        block = draft.blocks[index]
        if block.kind in ("paragraph", "section") and EDITORS_NOTE.match(block.text):
            tail = draft.blocks[index:]
            return index if all(b.kind in ("paragraph", "section") for b in tail) else None
    return None
