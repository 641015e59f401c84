"""Text normalisation: NFC, digit and letter widths, punctuation widths, layout-only Markdown marks (:mod:`.layout`).

Half-width punctuation becomes full width only *inside Chinese text*: a mark
next to a Han character, never one between two digits (``10:30``, ``1,000``)
nor one inside a URL or e-mail address.
"""
from __future__ import annotations

import re
import unicodedata

from .layout import HAN, layout_marks
from .model import Line

HAN_CHAR = re.compile(f"[{HAN}]")
CJK_CONTEXT = re.compile(rf"[{HAN}\u3000-\u303f\uff01-\uff60“”‘’…—『』「」《》]")
WIDE = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
PROTECTED = re.compile(
    r"(?:https?://|www\.)[^\s\u3000-\u303f\uff01-\uff60]+"  # URLs
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"  # e-mail addresses
)
SPACES = re.compile(r"[ \t\x0c\u3000\u00a0\u2002-\u200b\ufeff]+")
PAGE_START, PAGE_END = re.compile(r"\s*\x0c"), re.compile(r"\x0c\s*$")  #: a form feed: pdftotext's page break
PAREN = re.compile(r"\(([^()]*)\)")
#: full-width digits and Latin letters (``２０２５年``, ``Ａ06``), as some typesetting and OCR give them:
#: the same characters as ASCII ones for dates, folios, numbers and search
NARROW = {code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))}


def widen_punctuation(text: str) -> str:
    """Full-width ``,:;?!`` and ``()`` where they sit in Chinese text, and ``。`` for a ``.`` that ends a
    Chinese sentence; URLs and e-mails untouched."""
    pieces, last = [], 0
    for match in PROTECTED.finditer(text):
        pieces.append(_widen(text[last:match.start()]))
        pieces.append(match.group())
        last = match.end()
    pieces.append(_widen(text[last:]))
    return "".join(pieces)


def _neighbour(text: str, index: int, step: int) -> str:
    index += step
    while 0 <= index < len(text) and text[index] == " ":
        index += step
    return text[index] if 0 <= index < len(text) else ""


def _widen(text: str) -> str:
    chars = list(text)
    for i, char in enumerate(chars):
        if char == "." and _full_stop(text, i):
            chars[i] = "。"
            continue
        if char not in WIDE:
            continue
        before, after = _neighbour(text, i, -1), _neighbour(text, i, 1)
        if before.isdigit() and after.isdigit():
            continue  # 10:30, 1,000
        if CJK_CONTEXT.match(before or " ") or CJK_CONTEXT.match(after or " "):
            chars[i] = WIDE[char]
    widened = "".join(chars)
    return curl_quotes(PAREN.sub(_widen_paren, widened))


def _full_stop(text: str, i: int) -> bool:
    """A half-width ``.`` that ends a Chinese sentence: right after a Han character (or a quote or
    bracket closing one), before nothing that goes on a number, a word or an address."""
    before, after = text[i - 1] if i else "", _neighbour(text, i, 1)
    if before in "”’）》」』" and i > 1:
        before = text[i - 2]
    if before and (before.isdigit() or before in "%％"):  # 共3000.近日, 增长5%.今年; never an item's 1.加强
        number = re.search(r"[\d.%％]+$", text[:i])
        led = number is not None and number.start() > 0 and HAN_CHAR.match(text[number.start() - 1])
        return bool(led) and "." not in number.group() and (after == "" or HAN_CHAR.match(after) or after in "“”")
    return bool(HAN_CHAR.match(before)) and not (after.isascii() and after.isalnum()) and after != "."


def curl_quotes(text: str) -> str:
    """Straight double quotes inside Chinese text become “…”: paired in order, opening first.
    A line whose straight quotes touch no Chinese (code, an English quotation) keeps them."""
    positions = [i for i, char in enumerate(text) if char == '"']
    if not positions or not any(CJK_CONTEXT.match(_neighbour(text, i, -1) or " ")
                                or CJK_CONTEXT.match(_neighbour(text, i, 1) or " ") for i in positions):
        return text
    chars = list(text)
    for n, i in enumerate(positions):
        chars[i] = "“" if n % 2 == 0 else "”"
    return "".join(chars)


def _widen_paren(match: re.Match) -> str:
    inner = match.group(1)
    return f"（{inner}）" if re.search(f"[{HAN}]", inner) else match.group()


def strip_layout_marks(text: str) -> tuple[str, int, bool]:
    """One line without its heading mark, bullet and emphasis; returns (text, heading level, bullet)."""
    text = SPACES.sub(" ", text).strip()
    marks = layout_marks([text])[0]
    return marks.strip(text), marks.heading, marks.bullet


def normalise_text(text: str) -> str:
    """NFC, single spaces, ASCII digits and letters, Chinese punctuation widths: the form every later
    stage sees."""
    text = unicodedata.normalize("NFC", text).translate(NARROW)
    text = SPACES.sub(" ", text).strip()
    return widen_punctuation(text)


def normalise_lines(raw_lines: list[str], first_number: int = 1) -> tuple[Line, ...]:
    """Non-blank lines, normalised, each keeping its 1-based source line number."""
    lines: list[Line] = []
    blank_before = True
    collapsed = [SPACES.sub(" ", raw).strip() for raw in raw_lines]
    for offset, (raw, marks) in enumerate(zip(collapsed, layout_marks(collapsed))):
        text = normalise_text(marks.strip(raw))
        if not text:
            blank_before = True
            continue
        starts_page = bool(PAGE_START.match(raw_lines[offset]))  # a new page starts a block, as a blank line does
        lines.append(Line(first_number + offset, text, marks.heading, marks.bullet, blank_before or starts_page))
        blank_before = bool(PAGE_END.search(raw_lines[offset]))
    return tuple(lines)
