"""Layout marks: the only characters of an issue file that may be missing from its articles.

Issue text often comes with Markdown-like marks that carry no words.  The normaliser lifts them
off the text (:mod:`.normalize`) and the conservation check (:mod:`.conserve`) allows exactly
these to go, and nothing else:

1. **heading marks**: one to six ``#`` opening a line, before a space or the line end;
2. **list bullets**: ``-``, ``*`` or ``+`` opening a line (after any heading mark), before a space;
3. **emphasis used as layout**: a run of one or two ``*`` (or ``_``) that opens, and a like run
   that closes, around text holding a Chinese character, within one paragraph (lines between
   blank lines; a heading line is a paragraph of its own).  Whether a run opens or closes follows
   CommonMark's flanking rules (https://spec.commonmark.org/0.31.2/#emphasis-and-strong-emphasis),
   with one relaxation for Chinese text, where punctuation sits right against words: a double run
   between a Chinese character and punctuation opens or closes too (``记者**“韩宇”**报道``).
   ``_`` never opens after, nor closes before, an ASCII letter or digit (``snake_case``).

Whitespace may go too (it is never counted), and so may the front matter block, whose values
become the issue's metadata.  Everything else is text and stays: a lone ``*`` (``带*号的项目``),
``5**2``, ``__init__``, ``______``, ``***``, ``#话题#``.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from typing import Sequence

HAN = r"\u3400-\u9fff\U00020000-\U0002ffff"
HAN_CHAR = re.compile(f"[{HAN}]")
CJK = re.compile(rf"[{HAN}\u3000-\u303f\uff00-\uffef“”‘’…—]")
HEADING = re.compile(r"#{1,6}(?= |$)")
BULLET = re.compile(r"[-*+](?= )")
DELIMITER_RUN = re.compile(r"\*+|_+")

Span = tuple[int, int]  #: [start, end) offsets in a line


@dataclass(frozen=True)
class LineMarks:
    """The layout marks of one line."""

    heading: int = 0  #: how many ``#`` opened it (0: none)
    bullet: bool = False
    spans: tuple[Span, ...] = ()  #: every mark's characters, in order

    def strip(self, text: str) -> str:
        """``text`` without its marks (and without the space that followed a heading mark or bullet)."""
        pieces, last = [], 0
        for start, end in self.spans:
            pieces.append(text[last:start])
            last = end
        pieces.append(text[last:])
        return "".join(pieces).strip()


def layout_marks(lines: Sequence[str]) -> list[LineMarks]:
    """The marks of each line.  Lines are given with runs of whitespace made single spaces and
    their ends stripped (as :func:`.normalize.normalise_lines` reads them); a blank line is ''."""
    heads = [_line_start(text) for text in lines]
    emphasis: list[list[Span]] = [[] for _ in lines]
    for first, last in _paragraphs(lines, heads):
        texts = [_blanked(lines[i], heads[i][2]) for i in range(first, last)]
        for index, span in _emphasis(texts):
            emphasis[first + index].append(span)
    return [LineMarks(level, bullet, tuple(sorted(starts + emphasis[i])))
            for i, (level, bullet, starts) in enumerate(heads)]


def _line_start(text: str) -> tuple[int, bool, list[Span]]:
    """(heading level, bullet, spans) of the marks that open a line."""
    level, bullet, spans, at = 0, False, [], 0
    match = HEADING.match(text)
    if match:
        level, at = match.end(), match.end() + (1 if match.end() < len(text) else 0)
        spans.append((0, at))
    match = BULLET.match(text, at)
    if match:
        bullet = True
        spans.append((at, match.end() + 1))
    return level, bullet, spans


def _blanked(text: str, spans: list[Span]) -> str:
    """The line with its opening marks turned into spaces: offsets stay, and they take no part in emphasis."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _paragraphs(lines: Sequence[str], heads) -> list[Span]:
    """[first, last) line ranges of each paragraph."""
    ranges, first = [], None
    for i, text in enumerate(lines):
        if not text or heads[i][0]:
            if first is not None:
                ranges.append((first, i))
            first = None
            if text:
                ranges.append((i, i + 1))
            continue
        first = i if first is None else first
    if first is not None:
        ranges.append((first, len(lines)))
    return ranges


@dataclass(frozen=True)
class _Run:
    start: int
    end: int
    char: str

    @property
    def key(self) -> tuple[str, int]:
        return self.char, self.end - self.start


def _emphasis(texts: list[str]) -> list[tuple[int, Span]]:
    """(line index, span) of each emphasis delimiter that pairs with another in one paragraph.
    Like CommonMark's delimiter stack: a closer takes the nearest open run of its kind, and
    runs opened inside that pair and left open are literal.  Each run is handled once: linear."""
    text = "\n".join(texts)
    starts = [0]
    for line in texts[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    stacks: dict[tuple[str, int], list[_Run]] = {}
    pairs: list[_Run] = []
    for match in DELIMITER_RUN.finditer(text):
        run = _Run(match.start(), match.end(), match.group()[0])
        if run.end - run.start > 2:
            continue
        before = text[run.start - 1] if run.start else ""
        after = text[run.end] if run.end < len(text) else ""
        stack = stacks.setdefault(run.key, [])
        if stack and _closes(run, before, after):
            opener = stack.pop()
            for other in stacks.values():
                while other and other[-1].start > opener.start:
                    other.pop()
            if HAN_CHAR.search(text, opener.end, run.start):
                pairs += [opener, run]
                continue
        if _opens(run, before, after):
            stack.append(run)
    out = []
    for run in pairs:
        line = bisect.bisect_right(starts, run.start) - 1
        out.append((line, (run.start - starts[line], run.end - starts[line])))
    return out


def _opens(run: _Run, before: str, after: str) -> bool:
    if not after or after.isspace() or (run.char == "_" and _ascii_word(before)):
        return False
    return not _punctuation(after) or not before or before.isspace() or _punctuation(before) \
        or (run.end - run.start == 2 and bool(CJK.match(before)))


def _closes(run: _Run, before: str, after: str) -> bool:
    if not before or before.isspace() or (run.char == "_" and _ascii_word(after)):
        return False
    return not _punctuation(before) or not after or after.isspace() or _punctuation(after) \
        or (run.end - run.start == 2 and bool(CJK.match(after)))


def _punctuation(char: str) -> bool:
    return bool(char) and unicodedata.category(char)[0] in "PS"


def _ascii_word(char: str) -> bool:
    return char.isascii() and char.isalnum()
