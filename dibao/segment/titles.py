"""Title groups (引题 / 主题 / 副题 / 栏目) and titles for articles whose headline is missing.

Where two headline lines carry no mark, the reading is always the same: the
first is the title and the second the subtitle, unless the input's heading
marks rank them the other way round.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .patterns import SENTENCE_END, is_column_form, is_kicker_form, is_subtitle_form
from .units import Unit

SHORT_COLUMN = 8  #: an unpunctuated line this short beside a longer headline is a column name
PHRASE_MAX = 20


@dataclass(frozen=True)
class TitleGroup:
    title: str = ""
    kicker: str = ""
    subtitle: str = ""
    column: str = ""


def read_title_group(units: list[Unit]) -> TitleGroup:
    lines = [(u.text, u.lines[0].heading) for u in units]
    column = next((t for t, _ in lines if is_column_form(t)), "")
    if not column and len(lines) >= 2:
        longest = max(len(t) for t, _ in lines)
        column = next((t for t, _ in lines if _short_column(t) and longest - len(t) >= 6), "")
    rest = [(t, level) for t, level in lines if t != column]
    kickers = [t for t, _ in rest if is_kicker_form(t)]
    subtitles = [t for t, _ in rest if is_subtitle_form(t)]
    plain = [(t, level) for t, level in rest if t not in kickers and t not in subtitles]
    if not plain:
        return TitleGroup(kicker=" ".join(kickers), subtitle=" ".join(subtitles), column=column)
    main = _main_line(plain)
    before = [t for t, _ in plain[:main]]
    after = [t for t, _ in plain[main + 1:]]
    return TitleGroup(title=plain[main][0], kicker=" ".join(kickers + before),
                      subtitle=" ".join(after + subtitles), column=column)


def _short_column(text: str) -> bool:
    return len(text) <= SHORT_COLUMN and not re.search(r"[\s，。：:“”]", text)


def _main_line(plain: list[tuple[str, int]]) -> int:
    """The most prominent line by heading mark; the first line when marks do not rank them."""
    levels = [level for _, level in plain]
    if all(levels) and len(set(levels)) > 1:
        return levels.index(min(levels))
    return 0


def key_phrase(text: str) -> str:
    """The first clause of a lead, unquoted and cut at a word boundary, as a stand-in headline."""
    from ..textseg import get_jieba

    sentence = re.split(f"[{SENTENCE_END}]", text.strip(), maxsplit=1)[0]
    clause = re.split("[，；：,;:]", sentence)[0]
    clause = re.sub("[“”‘’「」『』\"]", "", clause).strip()
    if len(clause) <= PHRASE_MAX:
        return clause
    phrase = ""
    for word in get_jieba().cut(clause):
        if len(phrase) + len(word) > PHRASE_MAX:
            break
        phrase += word
    return phrase + "……"
