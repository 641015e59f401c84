"""Title groups (引题 / 主题 / 副题 / 栏目) and titles for articles whose headline is missing.

Where two headline lines carry no mark, the reading is always the same: the
first is the title and the second the subtitle, unless the input's heading
marks rank them the other way round.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .bylines import BOX
from .patterns import SENTENCE_END, is_column_form, is_kicker_form, is_subtitle_form
from .units import Unit

TRAILING_COLUMN = re.compile(r"(?<=\S)\s*[（(]([^（）()]{2,12})[）)]$")  #: a bracketed column after the title
SHORT_COLUMN = 8  #: an unpunctuated line this short beside a longer headline is a column name
PHRASE_MAX = 24  #: a generated title is at most this long, like most printed headlines
SHORT_OPENING = 4  #: a first clause this short (近日, 日前, 目前) is an adverbial, not the news
TIME_OPENING = re.compile(r"(?:(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?|今年|去年|近年|连日|入夏|入冬|春节)"
                          r"(?:以来|来|期间|前夕|上午|下午|晚|晚上|凌晨|中午|早上|一早|深夜|傍晚)?")


@dataclass(frozen=True)
class TitleGroup:
    title: str = ""
    kicker: str = ""
    subtitle: str = ""
    column: str = ""


def read_title_group(units: list[Unit]) -> TitleGroup:
    # a column printed in brackets on a headline line is certain; a short line beside it is then
    # a kicker or subtitle (``广东古蓬村`` over ``古村希望（寻找最美乡村）``), not a second column
    group = _read_lines(units, short_columns=not any(TRAILING_COLUMN.search(u.text) for u in units))
    bracketed = TRAILING_COLUMN.search(group.title)
    if bracketed and not group.column:  # ``标题（人民时评）``: the column rides in brackets on the title
        return replace(group, title=group.title[:bracketed.start()], column=bracketed.group(1))
    return group


def _read_lines(units: list[Unit], short_columns: bool = True) -> TitleGroup:
    lines = [(u.text, u.lines[0].heading) for u in units]
    col = next((i for i, (t, _) in enumerate(lines) if is_column_form(t)), None)
    if col is None and len(lines) >= 2 and short_columns:
        longest = max(len(t) for t, _ in lines)
        col = next((i for i, (t, _) in enumerate(lines) if _short_column(t) and longest - len(t) >= 6), None)
    column = lines[col][0] if col is not None else ""
    rest = [(t, level, u.data.get("role", "")) for i, ((t, level), u) in enumerate(zip(lines, units)) if i != col]
    kickers = [t for t, _, _ in rest if is_kicker_form(t)]
    subtitles = [t for t, _, _ in rest if is_subtitle_form(t) and not is_kicker_form(t)]
    plain = [line for line in rest if not is_kicker_form(line[0]) and not is_subtitle_form(line[0])]
    if not plain:
        return TitleGroup(kicker=" ".join(kickers), subtitle=" ".join(subtitles), column=column)
    main = _main_line(plain)
    before = [t for t, _, _ in plain[:main]]
    after = [t for t, _, _ in plain[main + 1:]]
    return TitleGroup(title=plain[main][0], kicker=" ".join(kickers + before),
                      subtitle=" ".join(after + subtitles), column=column)


def _short_column(text: str) -> bool:
    """A short unpunctuated name, perhaps after a box mark (``■ 庭审现场``)."""
    text = text.lstrip(BOX + " ")
    return len(text) <= SHORT_COLUMN and not re.search(r"[\s，。：:“”]", text)


def _main_line(plain: list[tuple[str, int, str]]) -> int:
    """The line the role model read as the title; else the most prominent line by heading mark;
    else the first."""
    roles = [role for _, _, role in plain]
    if "title" in roles:
        return roles.index("title")
    levels = [level for _, level, _ in plain]
    if all(levels) and len(set(levels)) > 1:
        return levels.index(min(levels))
    return 0


def key_phrase(text: str) -> str:
    """The lead's first substantial clause, unquoted and cut at a word boundary, as a stand-in headline.

    Opening adverbials (``近日``, ``今年以来``, ``8月29日凌晨``) are skipped: they say when, not what."""
    from ..textseg import get_jieba

    sentence = re.split(f"[{SENTENCE_END}]", text.strip(), maxsplit=1)[0]
    clauses = [_unquoted(c) for c in re.split("[，；：,;:]", sentence)]
    clauses = [c for c in clauses if c] or [_unquoted(sentence)]
    clause = next((c for c in clauses if not _adverbial(c)), clauses[0])
    if len(clause) <= PHRASE_MAX:
        return clause
    phrase = ""
    # only the words that fit are wanted: cutting the whole clause cost jieba's HMM time quadratic in
    # an unpunctuated run's length (minutes on a 30,000-character one)
    for word in get_jieba().cut(clause[:PHRASE_MAX * 2]):
        if len(phrase) + len(word) > PHRASE_MAX:
            break
        phrase += word
    return (phrase or clause[:PHRASE_MAX]) + "……"


def _unquoted(text: str) -> str:
    return re.sub("[“”‘’「」『』\"]", "", text).strip()


def _adverbial(clause: str) -> bool:
    """A short opening that only sets the time: 近日, 今年以来, 3月21日凌晨, 日前."""
    return len(clause) <= SHORT_OPENING or bool(TIME_OPENING.fullmatch(clause))
