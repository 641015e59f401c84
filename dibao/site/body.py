"""Article bodies as HTML, built from the Block model.

Every piece of text goes through :func:`markupsafe.escape`; the only markup in
the output is the fixed tags written here.  Issue text that looks like HTML,
Markdown links or template syntax therefore stays visible, inert text.
"""
from __future__ import annotations

from typing import Mapping, Sequence

from markupsafe import Markup, escape

from ..model import Block, Figure
from ..segment.patterns import closing_line


def below_headline(blocks: Sequence[Block], subtitle: str) -> Sequence[Block]:
    """The body as shown under the headline: a subtitle the text flow also prints as its first
    paragraph (a deck, ``——…``) is shown once, in the headline group."""
    first = blocks[0] if blocks else None
    deck = subtitle.strip("—－- ")
    if deck and first is not None and first.kind == "paragraph" and first.text.strip("—－- ") == deck:
        return blocks[1:]
    return blocks


def render_blocks(blocks: Sequence[Block], heading_level: int = 2, anchors: Mapping[int, str] | None = None) -> Markup:
    """Paragraphs, section headings (``<h2>`` by default), lists and figures, in reading order.

    ``anchors`` (block index → id) gives headings and paragraphs the ids a table of contents
    links to; a heading also gets a link to itself, to copy."""
    anchors = anchors or {}
    credits = closing_run(blocks)
    parts: list[str] = []
    items: list[str] = []
    for index, block in enumerate(blocks):
        if block.kind == "item":
            items.append(f"<li>{escape(block.text)}</li>")
            continue
        if items:
            parts.append("<ul>" + "".join(items) + "</ul>")
            items = []
        parts.append(render_block(block, heading_level, anchors.get(index, ""), credit=index in credits))
    if items:
        parts.append("<ul>" + "".join(items) + "</ul>")
    return Markup("\n".join(p for p in parts if p))


def closing_run(blocks: Sequence[Block]) -> set[int]:
    """Indices of the paragraphs that close the article: its last paragraphs, each a sign-off or
    a credit (``（本报记者 X）``, ``版式设计：X``, ``X摄``), set off from the text as print does."""
    run: set[int] = set()
    for index in range(len(blocks) - 1, -1, -1):
        block = blocks[index]
        if block.kind != "paragraph" or not closing_line(block.text):
            break
        run.add(index)
    return run


def render_block(block: Block, heading_level: int, anchor: str = "", credit: bool = False) -> str:
    if block.kind == "section":
        if not anchor:
            return f"<h{heading_level}>{escape(block.text)}</h{heading_level}>"
        link = f'<a class="anchor" href="#{anchor}" aria-label="本节链接">#</a>'
        return f'<h{heading_level} id="{anchor}">{escape(block.text)}{link}</h{heading_level}>'
    if block.kind == "figure" and block.figure is not None:
        return render_figure(block.figure)
    if not block.text:
        return ""
    attributes = (' class="credit"' if credit else "") + (f' id="{anchor}"' if anchor else "")
    return f"<p{attributes}>{escape(block.text)}</p>"


def render_figure(figure: Figure) -> str:
    """The photo itself is not in the text, so the figure is its caption and credit."""
    label = f'<span class="fig-label">{escape(figure.label)}</span> ' if figure.label else ""
    credit = f' <span class="fig-credit">{escape(figure.credit)}</span>' if figure.credit else ""
    return (f'<figure class="photo"><div class="photo-frame" aria-hidden="true">图片未收录</div>'
            f"<figcaption>{label}{escape(figure.caption)}{credit}</figcaption></figure>")
