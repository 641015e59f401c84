"""Boxes printed above the headline of the story they introduce.

An editor's note (``编者按：``, ``编者的话``) or a summary box (``核心提示``, ``核心阅读``) may be
set above a story's headline, where reading
order files it as the last lines of the story before.  It introduces the story below it: once
the page is decoded into articles, a note that ends an article right above the next one's
headline moves to the start of that next article.
"""
from __future__ import annotations

import re

from .draft import Draft

#: the head of an editor's note; 编后 (an afterword) closes the story above and stays with it
EDITORS_NOTE = re.compile(r"^[【\[〔]?\s*(?:编者按|编者的话|核心提示|核心阅读|导读)\s*[】\]〕]?\s*[:：]?")
NOTE_BLOCKS = 4  #: a note is its head and a paragraph or a few, not a story's second half


def notes_forward(drafts: list[Draft]) -> list[Draft]:
    """Each editor's note ending an article right above another article's headline moves to it."""
    for above, below in zip(drafts, drafts[1:]):
        if below.orphan or not below.title_units:
            continue
        start = _note_start(above)
        if start is None:
            continue
        note = above.blocks[start:]
        if max(n for block in note for n in block.lines) < min(below.head_lines or [0]):
            above.blocks[start:] = []
            below.blocks[:0] = note
    return drafts


def _note_start(draft: Draft) -> int | None:
    """Where the draft's last few blocks begin with an editor's note, if they do."""
    first = max(1, len(draft.blocks) - NOTE_BLOCKS)
    for index in range(first, len(draft.blocks)):
        block = draft.blocks[index]
        if block.kind in ("paragraph", "section") and EDITORS_NOTE.match(block.text):
            tail = draft.blocks[index:]
            return index if all(b.kind in ("paragraph", "section") for b in tail) else None
    return None
