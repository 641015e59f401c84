"""Bylines, datelines, photo credits and sign-offs → people by role.

Forms handled (all with or without spaces, full- or half-width brackets):
``□ 本报记者 X □ 本报通讯员 Y Z`` · ``本报讯 记者X 通讯员Y`` · ``本报讯 （X Y）`` ·
``本报X地X月X日电 （记者X）`` · ``本报记者 X 本报通讯员 Y 摄`` · a name at the very end.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .patterns import COMMON_SURNAMES, HAN, NAME, PADDED_NAME

BOX = "□■◇◆○●◎☆★"
# 文/图 alone are roles only before a separator: 周文静 and 文明驾驶 hold no role.
# A profession before a name (□ 律师 赵 凯) is the author's, only before a space or colon: 法官说法 is a head.
ROLE = re.compile(r"(?:本报|本刊)?(?:特约|首席)?(见习记者|实习记者|记者|通讯员|实习生|特约撰稿人|摄影|文/图|图/文|"
                  r"(?:文图|文|图)(?=[\s/／:：])|(?:律师|法官|检察官)(?=[\s:：]))\s*[/／:：]?\s*")
TEXT_AND_PHOTOS = ("文/图", "图/文", "文图")
ROLE_KEY = {"见习记者": "reporters", "实习记者": "reporters", "记者": "reporters", "通讯员": "correspondents",
            "实习生": "correspondents", "摄影": "photographers", "图": "photographers"}
DATELINE = re.compile(
    rf"^(?:本报|本刊|新华社|中新社|人民网|新华网)[{HAN}]{{0,8}}?(?:\d{{1,2}}月\d{{1,2}}日)?(?:讯|电)(?!员|话|视|子|信|网|影|脑|梯|力|动|器)")
#: a dateline of copy taken from another desk (``据新华社金边1月1日电``): it opens a report too
REPORTED_DATELINE = re.compile("^据" + DATELINE.pattern.removeprefix("^"))
PAREN_ROLE = r"(?:本报)?(?:见习记者|实习记者|记者|通讯员)?"
#: the names of a bracketed credit, two-character ones perhaps padded (``刘 洋``)
PAREN_NAME = rf"(?:[{HAN}·]{{2,12}}|{PADDED_NAME})"
PAREN_NAMES = re.compile(rf"^\s*[（(]\s*({PAREN_ROLE}\s*{PAREN_NAME}(?:[\s、，]+{PAREN_ROLE}\s*{PAREN_NAME})*)\s*[）)]")
NAME_TOKEN = re.compile(rf"^{NAME}$")
SINGLE = re.compile(rf"^[{HAN}]$")
#: a padded name led by a role in a dateline: ``记者张 昊``
ROLE_LED_PADDED = re.compile(rf"\s*、?\s*({PADDED_NAME})(?=[\s、]|$)")
#: what the byline says its people did, after their names (``记者 吴 帆 通讯员 邹 玲 报道``)
REPORTED = re.compile(r"(?<=[\s\u4e00-\u9fff])\s*(?:联合|综合)?(?:报道|采写|撰文)$")
CREDIT_MAX = 60  #: a photo credit (roles and names before 摄) is never longer than this
CREDIT_AFTER = "。！？”）)"  #: a credit glued to the caption starts right after one of these
SIGN_OFF = re.compile(rf"(?<=[。！？”])\s*[（(]?((?:{NAME}|{PADDED_NAME})(?:\s+(?:{NAME}|{PADDED_NAME})){{0,3}})[）)]?$")


@dataclass
class People:
    """Names by role, in the order printed; duplicates dropped."""

    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)

    def add(self, role: str, name: str) -> None:
        bucket = getattr(self, role)
        if name and name not in bucket:
            bucket.append(name)

    def merge(self, other: "People") -> None:
        for role in ("reporters", "correspondents", "authors", "photographers"):
            for name in getattr(other, role):
                self.add(role, name)

    def __bool__(self) -> bool:
        return any((self.reporters, self.correspondents, self.authors, self.photographers))


def split_names(text: str) -> list[str]:
    """``谢中真 张杰`` → two names; a run that is not name-shaped yields nothing.  Print pads a
    two-character name to the width of three (``陈 磊``, ``刘  伟 赵  敏``): single characters
    in a row are read two by two as one name each."""
    tokens = joined_pairs([t for t in re.split(r"[\s、，,]+", text.strip()) if t])
    return tokens if tokens and all(NAME_TOKEN.match(t) for t in tokens) else []


def joined_pairs(tokens: list[str]) -> list[str]:
    """Runs of single Han characters, two by two, as names: [陈, 磊, 李明] → [陈磊, 李明]."""
    out, i = [], 0
    while i < len(tokens):
        if i + 1 < len(tokens) and SINGLE.match(tokens[i]) and SINGLE.match(tokens[i + 1]):
            out.append(tokens[i] + tokens[i + 1])
            i += 2
        else:
            out.append(tokens[i])
            i += 1
    return out


def parse_role_names(text: str, default_role: str = "authors") -> People | None:
    """``本报记者 张国强 韩宇 本报通讯员 郭学群`` → People; None when anything else is in the text."""
    people = People()
    text = text.strip(BOX + " ")
    pieces = [p for p in re.split(f"[{BOX}]", text) if p.strip()]
    for piece in pieces:
        role, pos, named, both = default_role, 0, [], False
        for match in ROLE.finditer(piece):
            names = split_names(piece[pos:match.start()])
            if piece[pos:match.start()].strip() and not names:
                return None
            named += [(role, name) for name in names]
            role, pos = ROLE_KEY.get(match.group(1), default_role), match.end()
            both = both or match.group(1) in TEXT_AND_PHOTOS  # 文/图: they wrote the text and took the photos
        names = split_names(piece[pos:])
        if piece[pos:].strip() and not names:
            return None
        named += [(role, name) for name in names]
        for role, name in named + [("photographers", name) for _, name in named if both]:
            people.add(role, name)
    return people or None


def parse_byline(text: str) -> People | None:
    """A byline line: box marks, roles and names only."""
    if len(text) > 60:
        return None
    starts_with_box = text[:1] in BOX
    if not starts_with_box and not ROLE.match(text):
        return People(authors=names) if (names := padded_names(text)) else None
    if boxed_phrase(text.strip(BOX + " ")):  # ◎链接, ■记者手记, 记者调查: a head, no one's name
        return None
    return parse_role_names(REPORTED.sub("", text))


def padded_names(text: str) -> list[str]:
    """Two names or more alone on a line, each padded (``李 华 赵 丽``), each led by a common
    surname: the authors, as a theory page prints them under the headline.  One name alone, or
    names unpadded, could as well be a list's line or a headline's words."""
    tokens = text.split()
    if len(tokens) < 4 or len(tokens) % 2 or not all(SINGLE.match(t) for t in tokens):
        return []
    names = [a + b for a, b in zip(tokens[::2], tokens[1::2])]
    return names if all(name[0] in COMMON_SURNAMES for name in names) else []


COMMON_WORD = 100  #: jieba's count from which a word alone is an everyday word, not a given name
PHRASE_WORD = 20  #: the count each word of a run of two-character words or more needs


def boxed_phrase(text: str) -> bool:
    """A common word or phrase, after a box mark (``◎链接``, ``■记者手记``) or a role (``记者调查``), is a
    head, not a name: an unpadded word the dictionary counts often, or words of two characters or more each.
    A padded pair (``□ 孙 悦``) and a surname before a given name (``刘 | 大庆``) stay names."""
    from ..textseg import get_jieba

    if " " in text or not re.fullmatch(f"[{HAN}]{{2,8}}", text):
        return False
    jieba = get_jieba()
    freq, words = jieba.FREQ, jieba.lcut(text, HMM=False)
    if len(words) == 1:
        return freq.get(text, 0) >= COMMON_WORD
    return all(len(w) >= 2 and freq.get(w, 0) >= PHRASE_WORD for w in words)


@dataclass(frozen=True)
class Dateline:
    """The dateline head of a paragraph and the people it names."""

    text: str  #: the dateline as printed, e.g. ``本报讯 记者韩宇``
    people: People
    rest: str  #: the paragraph text after the dateline


def parse_dateline(text: str) -> Dateline | None:
    match = DATELINE.match(text)
    if not match:
        return None
    pos, people = match.end(), People()
    paren = PAREN_NAMES.match(text[pos:])
    if paren:
        parsed = parse_role_names(paren.group(1))
        if parsed:
            people, pos = parsed, pos + paren.end()
    else:
        pos = _role_led_names(text, pos, people)
    return Dateline(text[:pos].strip(), people, text[pos:].strip())


def _role_led_names(text: str, pos: int, people: People) -> int:
    """Consume ``记者X Y 通讯员Z`` after a dateline; returns where the lead starts.  A role with no
    name after it (``本报讯 记者 从某省公安厅获悉``) is the lead's subject and stays in the lead."""
    role, role_start = None, pos
    while True:
        rest = text[pos:]
        role_match = ROLE.match(rest.lstrip())
        if role_match and ROLE_KEY.get(role_match.group(1)):
            role, role_start = ROLE_KEY[role_match.group(1)], pos
            pos += len(rest) - len(rest.lstrip()) + role_match.end()
            named = False
            continue
        padded = ROLE_LED_PADDED.match(rest)
        token = re.match(r"\s*、?\s*([^\s、]+)(?=[\s、]|$)", rest)
        if role and padded:
            people.add(role, re.sub(r"\s", "", padded.group(1)))
            pos += padded.end()
            named = True
            continue
        if role and token and NAME_TOKEN.match(token.group(1)):
            people.add(role, token.group(1))
            pos += token.end()
            named = True
            continue
        return pos if role is None or named else role_start


#: a credit that names the role first: ``（摄影：王 晨）``, ``摄影 X``, after a caption or alone
ROLE_FIRST_CREDIT = re.compile(r"(?:^|(?<=[。！？”\s]))[（(]?\s*(?:摄影|摄)\s*[：:/／]?\s*([^（）()：:]{2,30}?)\s*[）)]?$")


def split_credit(text: str) -> tuple[str, str, People] | None:
    """``…图为民警讲解。 本报记者 张弛 范瑞恒 摄`` → (caption, credit, photographers); so is
    ``图为…。（摄影：王 晨）``, and a credit alone on its line (caption ``""``)."""
    stripped = text.rstrip()
    first = ROLE_FIRST_CREDIT.search(stripped)
    if first and (named := parse_role_names(first.group(1), default_role="photographers")):
        return text[:first.start()].strip(), first.group().strip(), as_photographers(named)
    if not stripped.endswith("摄"):
        return None
    start = _credit_start(stripped[:-1])
    if start is None:
        return None
    credit = stripped[start:].strip()
    return text[:start].strip(), credit, as_photographers(parse_role_names(credit[:-1], default_role="photographers"))


def as_photographers(people: People | None) -> People:
    """Everyone a credit names took the photos, whatever role the credit gives them."""
    photographers = People()
    for role in ("reporters", "correspondents", "authors", "photographers"):
        for name in getattr(people, role) if people else ():
            photographers.add("photographers", name)
    return photographers


def _credit_start(head: str) -> int | None:
    """Where the credit begins: the earliest clause boundary (line start, a space, or the end of the
    caption's last sentence) from which only roles and names follow.  A plain scan, no backtracking
    regex: captions can be long and a nested-quantifier pattern explodes on them."""
    first = max(0, len(head) - CREDIT_MAX)
    for start in range(first, len(head)):
        at_boundary = start == 0 or head[start - 1].isspace() or head[start - 1] in CREDIT_AFTER
        if at_boundary and not head[start].isspace() and parse_role_names(head[start:], "photographers"):
            return start
    return None


def split_sign_off(text: str) -> tuple[str, str] | None:
    """A name printed after the last sentence (``…零发生。 龙蔚``) → (text, name part)."""
    match = SIGN_OFF.search(text)
    if not match or match.start() == 0:
        return None
    if not (text[match.start():].strip().startswith(("（", "(")) or text[match.start():match.start() + 1] == " "):
        return None  # a name glued to the sentence is part of it, not a sign-off
    return text[:match.start()].rstrip(), text[match.start():].strip()
