"""Finding the places a text names, and deciding which division each one is.

Scanning takes the longest gazetteer name at each position (so 鄂州市 wins over
鄂州, 华容区 over 华容).  A short form is dropped when it only starts a smaller
unit's name (中山街道, 南京路).  Short forms that are also ordinary words
(``place_common_words.txt``: 江山, 和平, 东方 …) need evidence: an enclosing
division written right before them (浙江江山) or an institution right after
(江山公安).  County short forms are many and often ordinary words (新建, 新安,
月湖), so one counts only with such evidence or when the article also names
that county in full or its prefecture.  Names that fit several divisions
(鼓楼区, 龙华区, 朝阳区) are resolved by the rest of the article: the
enclosing division named elsewhere, then the paper's home province.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..segment.patterns import COMMON_SURNAMES
from .gazetteer import DATA, Division, Gazetteer, NameForm, read_words

#: After a short form, these mean it names a street, road, school … not the division; a ship
#: named after a place (辽宁舰, 南昌舰) is no place either.
SMALLER_UNIT = re.compile(r"(街道|镇|乡|村|社区|小区|路|街|大道|大街|巷|大学|中学|小学|学院|公园|广场|花园|大厦|宾馆|酒店|时间|舰)")
#: a short form right after one of the commonest surnames is a given name (刘大庆, 崔大庆), not the place
SURNAMES = COMMON_SURNAMES
#: After an ordinary-word short form, these show it is the place (江山公安, 东方法院).
INSTITUTION = re.compile(r"(公安|分局|警方|法院|检察|市委|县委|区委|旗委|政法|司法局|交警|消防|市场监管|人民政府|市政府|县政府|"
                         r"区政府|两级|全市|全县|全区|籍|境内|辖区)")


@dataclass(frozen=True)
class Mention:
    """One place name found in a text."""

    name: str  #: as written
    start: int  #: offset in the scanned text
    forms: tuple[NameForm, ...]  #: every division the name can stand for
    after: Division | None = None  #: an enclosing division written right before it (湖北省十堰市)
    tentative: bool = False  #: a short form still needing support from the rest of the article

    @property
    def end(self) -> int:
        return self.start + len(self.name)


def common_words() -> frozenset[str]:
    """Short forms that are also ordinary words: matched only with evidence."""
    return read_words(DATA / "place_common_words.txt")


def scan(text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Every place name in ``text``, left to right, longest match first."""
    found: list[Mention] = []
    common = common_words()
    i = gazetteer.next_start(text, 0)
    while i < len(text):
        name = gazetteer.longest_at(text, i)
        if not name:
            i = gazetteer.next_start(text, i + 1)
            continue
        forms = gazetteer.forms[name]
        previous = found[-1] if found and found[-1].end == i else None
        enclosing = _enclosing(previous, forms, gazetteer)
        tail = text[i + len(name):i + len(name) + 4]
        short = not any(form.full for form in forms)
        # 公安分局 is no place: an institution word cannot vouch for another (公安县)
        vouched = bool(enclosing or (INSTITUTION.match(tail) and not INSTITUTION.fullmatch(name)))
        if short and SMALLER_UNIT.match(tail) and not enclosing:
            pass  # 中山街道: the street, not 中山市
        elif short and not vouched and _given_name(text, i, found):
            pass  # 民警刘大庆
        elif name in common and not vouched:
            pass  # 江山力量, 和平发展
        else:
            if enclosing:
                forms = tuple(f for f in forms if enclosing in gazetteer.ancestors(f.division)) or forms
            county_only = all(f.division.level == "county" for f in forms)
            found.append(Mention(name, i, forms, enclosing, short and county_only and not vouched))
        i = gazetteer.next_start(text, i + len(name))
    return found


def _given_name(text: str, i: int, found: list[Mention]) -> bool:
    """A short form written right after a surname that is no part of a place name found before."""
    return i > 0 and text[i - 1] in SURNAMES and not (found and found[-1].end > i - 1)


def _enclosing(previous: Mention | None, forms: tuple[NameForm, ...], gazetteer: Gazetteer) -> Division | None:
    """The division named right before, when it encloses one reading of this name."""
    if previous is None:
        return None
    for before in previous.forms:
        for form in forms:
            if before.division in gazetteer.ancestors(form.division):
                return before.division
    return None


def supported(mentions: list[Mention]) -> list[Mention]:
    """Drop tentative county short forms the rest of the article does not back up."""
    named = {f.division.code for m in mentions if not m.tentative for f in m.forms}
    return [m for m in mentions if not m.tentative
            or any(f.division.code in named or f.division.parent in named for f in m.forms)]


def resolve(mentions: list[Mention], gazetteer: Gazetteer, home: str = "") -> list[Division | None]:
    """The division each mention stands for, or None when the text cannot tell."""
    sure = [m.forms[0].division for m in mentions if len({f.division.code for f in m.forms}) == 1]
    context: dict[str, int] = {}
    for division in sure:
        for code in (division.code, *(a.code for a in gazetteer.ancestors(division))):
            context[code] = context.get(code, 0) + 1
    return [_pick(m, context, gazetteer, home) for m in mentions]


def _pick(mention: Mention, context: dict[str, int], gazetteer: Gazetteer, home: str) -> Division | None:
    candidates = sorted({f.division.code: f.division for f in mention.forms}.values(), key=lambda d: d.code)
    if len(candidates) == 1:
        return candidates[0]
    provinces = [d for d in candidates if d.level == "province"]
    if provinces:  # 海南 is the province, not 海南藏族自治州
        return provinces[0]

    def support(division: Division) -> tuple[int, int, int]:
        # named itself elsewhere (长沙市 … 长沙) beats merely sharing a prefecture (长沙县)
        enclosing = 2 * context.get(division.code, 0) + sum(context.get(a.code, 0) for a in gazetteer.ancestors(division))
        return enclosing, int(division.province == home), LEVEL_RANK[division.level]

    ranked = sorted(candidates, key=support, reverse=True)
    best, runner_up = support(ranked[0]), support(ranked[1])
    if best[:2] > runner_up[:2]:
        return ranked[0]
    if best == runner_up or best[0] == 0 and best[1] == 0 and ranked[0].level == ranked[1].level:
        return None
    return ranked[0]  # no context either way: the larger division (朝阳 → 朝阳市)


LEVEL_RANK = {"province": 2, "prefecture": 1, "county": 0}
