"""Tails printed below the next article: give an article back the end the layout moved away.

A page often breaks a story off mid-sentence and prints the rest after the story that
follows (a column ran out; an e-paper's copy lists blocks out of order).  Read in order,
the story stops mid-sentence right before the next headline, and the next story seems to
end with text about something else.  Only an article left open like that (its last
paragraph ends no sentence and is no credit line) looks for its tail, in the article
right below it: the cut that best combines the role model's belief that a piece of an
earlier article starts there with text evidence (:mod:`.similarity`) that the piece
shares more with the open article than with the paragraphs it would leave.
"""
from __future__ import annotations

from typing import Callable

from .bylines import parse_byline
from .draft import Draft
from .fragments import append_fragment
from .patterns import credit_line, ends_sentence, figure_line
from .similarity import Evidence

CREDIT_ENDS = ("）", ")", "摄", "文", "图")

#: of the paragraphs a tail is found among: an early cut compares a long tail with a few lines of
#: "own" text, which it always outshares (held-out damaged pages: 2/3 lifts joins 1.2–1.6 points)
LARGEST_SHARE = 2 / 3
LONGEST_TAIL = 30  #: paragraphs: a displaced tail is the end of a story, and the search stays linear
DISTINCTIVE_SHARE = 0.3  #: only bigrams in at most this share of the page's texts count
MODEL_WEIGHT = 2.0  #: the role model's probability against the evidence's gain (both 0–1)
#: a paragraph joins the tail when it shares this much more with the open article than with its
#: own text above (held-out damaged pages: 0 and 0.05 lift joins 1.0–1.6 points, -0.05 less)
WIDEN_MARGIN = 0.05


def return_tails(drafts: list[Draft], displaced: Callable[[int], float]) -> list[Draft]:
    """Drafts with every displaced tail moved back to the article above it.  ``displaced``:
    the model's probability that a piece of an earlier article starts at a line number."""
    # paragraphs are the documents: a bigram is evidence when other paragraphs share it
    evidence = Evidence([text for d in drafts for text in d.texts()], max_share=DISTINCTIVE_SHARE)
    for above, draft in zip(drafts, drafts[1:]):
        # a 上接 marker names where the text below it comes from: it gives no tail away
        if not (_candidate(above) and _candidate(draft) and left_open(above)) or draft.continued_from:
            continue
        cut = best_cut(draft, above, evidence, displaced)
        if cut is not None:
            tail = Draft(orphan=True, blocks=draft.blocks[cut:])
            draft.blocks = draft.blocks[:cut]
            append_fragment(above, tail)
    return drafts


def _candidate(draft: Draft) -> bool:
    # an article that was given pieces from further down ends where the evidence placed them
    return draft.kind != "photo" and not draft.orphan and draft.has_body and not draft.pieces


def left_open(draft: Draft) -> bool:
    """The article's text stops inside a sentence, and not on a credit (``（记者X）``, ``X摄``)."""
    last = draft.last_paragraph()
    if last is None or draft.signed or draft.blocks[-1] is not last or ends_sentence(last.text):
        return False
    text = last.text
    return not (text.endswith(CREDIT_ENDS) or credit_line(text) or parse_byline(text) or figure_line(text))



def best_cut(draft: Draft, above: Draft, evidence: Evidence, displaced: Callable[[int], float]) -> int | None:
    """The block index where ``draft``'s displaced tail starts, or None when it has none."""
    paragraphs = [i for i, b in enumerate(draft.blocks) if b.kind in ("paragraph", "item")]
    if len(paragraphs) < 2:
        return None
    head = " ".join(u.text for u in draft.title_units)
    best, best_score = None, 0.0
    for k in range(max(1, len(paragraphs) - LONGEST_TAIL), len(paragraphs)):
        cut = paragraphs[k]
        if len(paragraphs) - k > LARGEST_SHARE * len(paragraphs):
            continue  # the story the tail was printed in keeps its own text
        belief = displaced(draft.blocks[cut].lines[0])
        tail = "\n".join(_text(b) for b in draft.blocks[cut:])
        own = [head] + [_text(b) for b in draft.blocks[:cut]]
        gain = evidence.coverage(tail, above.texts()) - evidence.coverage(tail, own)
        score = gain + MODEL_WEIGHT * belief
        if score > best_score:
            best, best_score = cut, score
    return None if best is None else _widened(draft, above, evidence, best, paragraphs[0], head)


def _widened(draft: Draft, above: Draft, evidence: Evidence, cut: int, first: int, head: str) -> int:
    """The cut moved up over paragraphs that share more with the open article than with the
    text above them: the tail's best cut as a whole can leave its first paragraph behind, when
    the paragraphs after it carry the evidence."""
    while cut - 1 > first and draft.blocks[cut - 1].kind in ("paragraph", "item"):
        text = _text(draft.blocks[cut - 1])
        own = [head] + [_text(b) for b in draft.blocks[:cut - 1]]
        if evidence.coverage(text, above.texts()) - evidence.coverage(text, own) <= WIDEN_MARGIN:
            break
        cut -= 1
    return cut


def _text(block) -> str:
    return block.figure.caption if block.figure else block.text
