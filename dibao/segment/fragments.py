"""Re-attach orphan fragments to the article higher up that the text evidence points to.

An orphan run (body text with no head of its own) may hold pieces of several
articles.  Each paragraph is scored against every headed article above it
and against "none of them"; a Viterbi path that changes article rarely
decides where each piece goes.  Pieces no article explains stay on their own
as ``continuation`` articles: never dropped, never glued to the wrong story.
"""
from __future__ import annotations

from .bridges import bridges
from .draft import Draft, DraftBlock
from .patterns import starts_mid_sentence
from .similarity import Evidence, best_path

ALONE_SCORE = 0.25  #: coverage an article must beat to claim a paragraph
SWITCH_COST = 0.3  #: discourages flipping between articles on weak evidence
OPEN_BONUS = 0.08  #: an article that looks unfinished is a likelier home
DISTINCTIVE_SHARE = 0.3  #: only bigrams in at most this share of the issue's texts count as evidence
WAITING_BONUS = 1.0  #: the first block of a run right under a headline with no text is its text
WAITING_STAY = 0.1  #: and the blocks after it lean the same way
#: the first block of a run leans to the article above the one right above the run when that
#: article stops mid-sentence (see :func:`broken_off`).  Chosen on held-out damaged pages:
#: 0.6 and 1.0 both lift articles_f1 by 1.0–1.1 points and joins by 1.1–1.9 (2019-02, 2020-01);
#: the same bonus for every unfinished article above cost a sample page two articles.
DANGLING_BONUS = 0.6
BRIDGE_BONUS = 1.0  #: the first block finishes a word cut at an article's end (:func:`.bridges.bridges`)
TEASER_PARAGRAPHS = 1  #: a by-lined report this short was cut off by the page: it continues elsewhere


def reattach(drafts: list[Draft]) -> list[Draft]:
    """Drafts with every orphan merged into its home or promoted to its own article."""
    # Whole articles are the documents: a term an article repeats in every paragraph is its evidence.
    evidence = Evidence([d.text() for d in drafts if not d.orphan] +
                        [b.text for d in drafts if d.orphan for b in d.blocks], max_share=DISTINCTIVE_SHARE)
    result: list[Draft] = []
    later = [d for d in drafts if d.orphan and d.blocks]  # the orphans below the one at hand, in page order
    for draft in drafts:
        if later and draft is later[0]:
            later.pop(0)
        if not draft.orphan or draft.dateline:  # a dateline opens a story: the run is one of its own
            result.append(draft)
            continue
        waiting = result[-1] if result and awaits_text(result[-1]) else None
        homes = [d for d in result if not d.orphan and d.kind != "photo" and (d.has_body or d is waiting)
                 and not kept_for_later(d, draft, later)]
        for piece, home in split_orphan(draft, homes, evidence, waiting, broken_off(result)):
            if home is None:
                result.append(piece)
            else:
                append_fragment(home, piece)
    return result


def kept_for_later(home: Draft, orphan: Draft, later: list[Draft]) -> bool:
    """The article breaks off inside a word that a later piece finishes, and this piece does not:
    its text goes on with that piece, so nothing printed before it is its continuation."""
    if not orphan.blocks or finishes_cut_word(home, orphan.blocks[0]):
        return False
    return any(finishes_cut_word(home, d.blocks[0]) for d in later)


def finishes_cut_word(home: Draft, block: DraftBlock) -> bool:
    """The paragraph ``block`` finishes the word the article's last paragraph breaks off in."""
    last = home.last_paragraph()
    return block.kind == "paragraph" and last is not None and home.blocks[-1] is last and bridges(last.text, block.text)


def awaits_text(draft: Draft) -> bool:
    """A headline (and byline) with no text under it yet: the run printed right below it is
    where its text starts, the page having cut its first words (or moved them)."""
    return not draft.orphan and draft.has_head and not draft.has_body and draft.kind != "photo"


def broken_off(result: list[Draft]) -> Draft | None:
    """The article printed above the one right above the run, when it stops mid-sentence: a page
    that moves a story's end below the next story leaves it broken off inside a sentence."""
    headed = [d for d in result if not d.orphan]
    above = headed[-2] if len(headed) >= 2 else None
    return above if above is not None and above.kind != "photo" and above.dangling() else None


def split_orphan(orphan: Draft, homes: list[Draft], evidence: Evidence, waiting: Draft | None = None,
                 broken: Draft | None = None) -> list[tuple[Draft, Draft | None]]:
    """Cut an orphan run into pieces, each with the article it belongs to (None: its own).
    ``waiting``: a headline right above the run with no text yet, the first block's likely home;
    ``broken``: an article just above that stops mid-sentence, also a likely home of the first block."""
    if not homes or not orphan.blocks:
        return [(orphan, None)]
    rows = [[ALONE_SCORE] + [score(block, home, evidence) for home in homes] for block in orphan.blocks]
    if waiting is not None:  # its text starts here, and likely goes on until the evidence says otherwise
        column = homes.index(waiting) + 1
        rows[0][column] += WAITING_BONUS
        for row in rows[1:]:
            row[column] += WAITING_STAY
    if broken is not None and broken in homes:
        rows[0][homes.index(broken) + 1] += DANGLING_BONUS
    for column, home in enumerate(homes, start=1):
        if finishes_cut_word(home, orphan.blocks[0]):
            rows[0][column] += BRIDGE_BONUS
    if orphan.blocks and starts_mid_sentence(orphan.blocks[0].text):
        # the rest of a sentence can only continue an article whose last sentence is unfinished
        rows[0] = [ALONE_SCORE] + [s if home.dangling() else 0.0 for s, home in zip(rows[0][1:], homes)]
    path = best_path(rows, SWITCH_COST)
    pieces: list[tuple[Draft, Draft | None]] = []
    for block, state in zip(orphan.blocks, path):
        home = homes[state - 1] if state else None
        if not pieces or pieces[-1][1] is not home:
            pieces.append((Draft(orphan=True), home))
        pieces[-1][0].blocks.append(block)
    if pieces:  # markers and bylines seen inside the run stay with its first piece
        first = pieces[0][0]
        first.markers, first.continues_to, first.closed = orphan.markers, orphan.continues_to, orphan.closed
        first.bylines, first.people, first.head_lines = orphan.bylines, orphan.people, orphan.head_lines
        first.author_title, first.continued_from = orphan.author_title, orphan.continued_from
    return pieces


def score(block: DraftBlock, home: Draft, evidence: Evidence) -> float:
    if block.kind == "section":
        return ALONE_SCORE  # a bare subhead carries too little text to decide anything
    text = block.figure.caption if block.figure else block.text
    bonus = OPEN_BONUS if looks_unfinished(home) else 0.0
    return evidence.coverage(text, home.texts()) + bonus


def looks_unfinished(draft: Draft) -> bool:
    """It stops mid-sentence, or it is a by-lined report of a single paragraph."""
    paragraphs = sum(1 for b in draft.blocks if b.kind == "paragraph")
    teaser = draft.kind != "brief" and bool(draft.bylines) and paragraphs <= TEASER_PARAGRAPHS
    return draft.dangling() or teaser


def append_fragment(home: Draft, piece: Draft) -> None:
    """Continue ``home`` with ``piece``; a sentence the page broke is joined back together."""
    blocks = list(piece.blocks)
    home.pieces += 1
    last = home.last_paragraph()
    if blocks and blocks[0].kind == "paragraph" and last is not None and home.blocks[-1] is last \
            and home.dangling():
        last.text += blocks[0].text
        last.lines = last.lines + blocks[0].lines
        blocks = blocks[1:]
    home.blocks.extend(blocks)
    home.markers.extend(piece.markers)
    home.head_lines.extend(piece.head_lines)
    home.bylines.extend(piece.bylines)
    home.people.merge(piece.people)
    if piece.author_title:  # an author's note inside the run: the home's own note, or its text
        if home.author_title:
            home.blocks.append(DraftBlock("paragraph", piece.author_title, []))
        else:
            home.author_title = piece.author_title
    if piece.continues_to:
        home.continues_to = piece.continues_to
