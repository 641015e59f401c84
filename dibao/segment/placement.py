"""Text evidence the assembler weighs when layout alone cannot place a block.

Where does a photo between two stories belong, and is a block after a finished
(or a broken-off) paragraph really the rest of the open article?  The answers
compare IDF-weighted bigrams (:mod:`.similarity`) between the block and the
articles assembled so far.
"""
from __future__ import annotations

from .draft import Draft
from .patterns import starts_mid_sentence
from .similarity import Evidence
from .units import Unit

FOREIGN_MAX = 0.1  #: below this share of shared evidence, text ahead is foreign to the open article
BREAK_MARGIN = 0.2  #: how much better another article must explain it to break a sentence join
FRAGMENT_EVIDENCE_MIN = 0.75  #: a finished article's next block goes elsewhere only on evidence this strong
CAPTION_HOME_MIN = 0.2  #: share of a caption's evidence the open article must hold for the photo to be its own



class PlacementEvidence:
    """Mixed into the assembler, which provides ``units``, ``drafts``, ``current`` and ``evidence``."""

    units: list[Unit]
    drafts: list[Draft]
    current: Draft | None
    evidence: Evidence

    def body_follows(self, index: int) -> bool:
        """The article's text goes on after the photo (and its sister captions): the photo sits inside it."""
        for unit in self.units[index + 1:]:
            if unit.kind not in ("caption", "credit"):
                return unit.kind in ("body", "item")
        return False

    def on_subject(self, unit: Unit, draft: Draft) -> bool:
        """A caption after an article's last paragraph illustrates it only if it shares its words;
        otherwise it is photo news of its own, placed between two stories."""
        caption = unit.data["caption"] or unit.text
        return self.evidence.coverage(caption, draft.texts()) >= CAPTION_HOME_MIN

    def lookahead(self, index: int, limit: int = 4) -> str:
        texts = []
        for unit in self.units[index:]:
            if unit.kind not in ("body", "item", "caption", "credit"):
                break
            if unit.kind in ("body", "item"):
                texts.append(unit.text)
            if len(texts) >= limit:
                break
        return "\n".join(texts)

    def belongs_elsewhere(self, index: int) -> bool:
        """After a broken sentence, is what follows foreign to this article and at home in another?

        A column break is by far the commoner cause, so the bar is high: the text ahead must share
        almost nothing with the open article and clearly more with an earlier one."""
        ahead = self.lookahead(index)
        own = self.evidence.coverage(ahead, self.current.texts())
        others = [self.evidence.coverage(ahead, d.texts()) for d in self.drafts
                  if d is not self.current and not d.orphan and d.kind != "photo"]
        return own < FOREIGN_MAX and bool(others) and max(others) >= own + BREAK_MARGIN

    def starts_fragment(self, unit: Unit) -> bool:
        """A new block after a finished paragraph that is the rest of a sentence cut off higher up:
        it opens mid-sentence, or it is foreign to the open article and at home in an unfinished one."""
        if not unit.blank_before or unit.kind != "body":
            return False
        if starts_mid_sentence(unit.text):
            return True
        unfinished = [d for d in self.drafts if d is not self.current and d.dangling() and not d.orphan
                      and not d.closed and d.kind != "photo"]
        if not unfinished:
            return False
        own = self.evidence.coverage(unit.text, self.current.texts())
        best = max(self.evidence.coverage(unit.text, d.texts()) for d in unfinished)
        return own < FOREIGN_MAX and best >= FRAGMENT_EVIDENCE_MIN


def self_contained(unit: Unit) -> bool:
    """Photo news prints its own lead before the description: ``近日，……。图为……``."""
    caption = unit.data["caption"]
    return "图为" in caption and not caption.startswith("图为")
