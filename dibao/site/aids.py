"""Reading aids of an article page: table of contents, reading time.

An article gets a table of contents when it has sections (its ``###`` headings), or,
without them, when it runs past :data:`LONG` characters: then the contents are waypoints,
the opening words of a paragraph about every :data:`STRETCH` characters, so a reader can
find their place again in a long report without headings.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..model import Block

LONG = 3000  #: characters past which an article without sections gets waypoints
STRETCH = 1200  #: characters of text between two waypoints
WAYPOINT_CHARS = 16  #: opening characters of a paragraph shown as its waypoint
READING_SPEED = 400  #: characters a minute, a usual figure for reading Chinese prose


@dataclass(frozen=True)
class TocItem:
    anchor: str  #: id of the heading or paragraph in the page
    label: str
    block: int  #: index of its block in the article body
    section: bool = True  #: a heading; else a waypoint paragraph


def table_of_contents(blocks: Sequence[Block], length: int) -> tuple[TocItem, ...]:
    sections = [TocItem(f"s{n}", b.text, i)
                for n, (i, b) in enumerate(((i, b) for i, b in enumerate(blocks) if b.kind == "section" and b.text), 1)]
    if sections:
        return tuple(sections)
    return waypoints(blocks) if length > LONG else ()


def waypoints(blocks: Sequence[Block]) -> tuple[TocItem, ...]:
    """The first paragraph, then the first paragraph after each further :data:`STRETCH` characters."""
    found: list[TocItem] = []
    since = STRETCH  # so the first paragraph is a waypoint
    for i, block in enumerate(blocks):
        if block.kind == "paragraph" and block.text and since >= STRETCH:
            found.append(TocItem(f"p{len(found) + 1}", opening(block.text), i, section=False))
            since = 0
        since += len(block.text)
    return tuple(found) if len(found) > 1 else ()


def opening(text: str) -> str:
    return text if len(text) <= WAYPOINT_CHARS else text[:WAYPOINT_CHARS].rstrip("，、；：,;: ") + "……"


def reading_minutes(length: int) -> int:
    return max(1, round(length / READING_SPEED))
