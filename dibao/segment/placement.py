"""Text evidence the assembler weighs when layout alone cannot place a block.

Where does a photo between two stories belong?  The answer compares IDF-weighted
bigrams (:mod:`.similarity`) between the caption and the article assembled so far.
"""
from __future__ import annotations

from .draft import Draft
from .similarity import Evidence
from .units import Unit

CAPTION_HOME_MIN = 0.2  #: share of a caption's evidence the open article must hold for the photo to be its own


class PlacementEvidence:
    """Mixed into the assembler, which provides ``units`` and ``evidence``."""

    units: list[Unit]
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


def self_contained(unit: Unit) -> bool:
    """Photo news prints its own lead before the description: ``近日，……。图为……``."""
    caption = unit.data["caption"]
    return "图为" in caption and not caption.startswith("图为")
