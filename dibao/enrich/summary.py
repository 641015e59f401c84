"""Summaries: the lead's opening sentence (more when it is very short), cut cleanly.

The byline and dateline are fields of their own, but leads from odd inputs may
still open with 本报讯, a bracketed dateline or 记者 X 通讯员 Y; those are
removed first.  A sentence too long to keep is cut at a clause mark, or failing
that at a jieba word boundary, and ends with an ellipsis.
"""
from __future__ import annotations

import re

from ..textseg import cut

NAME = r"[\u4e00-\u9fff·]{2,5}"
LEAD_NOISE = re.compile(
    r"^\s*(?:[□■◇◆]\s*)?(?:"
    r"本报讯|本报[\u4e00-\u9fff]{0,8}电|[\u4e00-\u9fff]{2,6}社[\u4e00-\u9fff]{0,8}电"
    r"|[（(][^）)]{0,40}[）)]"
    rf"|(?:本报)?(?:见习|特约)?(?:记者|通讯员)\s*{NAME}(?:[\s、]+{NAME})*(?:\s+|$)"
    r")\s*")
SENTENCE = re.compile(r".+?(?:[。！？!?]+[”’」』）)]*|$)", re.S)
CLAUSE_MARKS = "，；：、,;:"
MIN_LENGTH = 40  #: shorter first sentences get the second one too
MAX_LENGTH = 140  #: longer than this is cut


def strip_lead_noise(text: str) -> str:
    previous = None
    while previous != text:
        previous, text = text, LEAD_NOISE.sub("", text, count=1)
    return text.strip()


def summarize(lead: str, byline: str = "", dateline: str = "") -> str:
    """One or two sentences of ``lead`` without byline or dateline."""
    text = lead.strip()
    for printed in (dateline.strip(), byline.strip()):
        if printed and text.startswith(printed):
            text = text[len(printed):]
    text = strip_lead_noise(re.sub(r"\s+", " ", text))
    sentences = [s.strip() for s in SENTENCE.findall(text) if s.strip()]
    if not sentences:
        return ""
    summary = sentences[0]
    for sentence in sentences[1:]:  # short openings (“不动！都举起双手！”) take what follows
        if len(summary) >= MIN_LENGTH or len(summary) + len(sentence) > MAX_LENGTH:
            break
        summary += sentence
    return summary if len(summary) <= MAX_LENGTH else cut_cleanly(summary, MAX_LENGTH)


def cut_cleanly(text: str, limit: int) -> str:
    """``text`` shortened to at most ``limit`` characters plus an ellipsis, at a clause or word boundary."""
    head = text[:limit]
    clause = max(head.rfind(mark) for mark in CLAUSE_MARKS)
    if clause >= limit // 2:
        return head[:clause] + "……"
    kept = ""
    for word in cut(text):
        if len(kept) + len(word) > limit:
            break
        kept += word
    return kept.rstrip(CLAUSE_MARKS + " ") + "……"
