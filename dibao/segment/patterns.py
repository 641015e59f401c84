"""Shared character classes and small text predicates used by the segmentation rules."""
from __future__ import annotations

import re

HAN = r"\u3400-\u9fff\U00020000-\U0002ffff"
NAME = rf"[{HAN}]{{2,4}}(?:·[{HAN}]{{1,8}})*"  # 2–4 Han characters, or a transliterated name with ·
NAMES = rf"{NAME}(?:[ 、，]{NAME})*"
#: The commonest single-character surnames, less those that are also prepositions, conjunctions or
#: verbs (于, 和, 任, 付), which start ordinary words as often as names.
COMMON_SURNAMES = frozenset("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余杜叶程魏苏吕丁"
                            "沈姚卢姜崔钟谭陆汪范廖石金贾夏韦邹高熊孟秦邱侯江尹薛闫段雷黎史龙陶贺顾毛郝龚邵钱严覃武戴莫孔汤")
#: a two-character name as print sets it, padded to the width of three (``陈 磊``, ``刘\u00a0\u00a0洋``)
PADDED_NAME = rf"[{HAN}][ \u3000\u00a0]{{1,3}}[{HAN}](?![{HAN}])"
#: marks that set off a list's items (导读, 简讯); ■ and □ are left out, as they also mark subheads and bylines
LIST_MARKS = "▲△●◆★☆▶►"
STAFF_ROLE = r"(?:本报|本刊)?(?:特约|首席)?(?:见习记者|实习记者|记者|通讯员|实习生|特约撰稿人)"
SENTENCE_END = "。！？!?…"
CLOSERS = "”’』」）)》"
PAGE = r"(?:[A-Z]\d{1,2}|第?[一二三四五六七八九十\d]{1,3})版"  #: 第一版, 第7版, A1版
#: a line that is only a part's number (``（一）``, ``二、``, ``3.``): the text below it is that part
PART_NUMBER = re.compile(r"^[（(]?(?:[一二三四五六七八九十]{1,3}|\d{1,2})(?:[）)]|[、.．])?$")

_FUNCTION_TAIL = set("的了着和与及或在是把被对向从以为于而且并但等地得之其这那该就都也还又再")


def is_list_item(text: str) -> bool:
    """The line opens with a list mark (``●石家庄：…``, ``▲3月30日，…``)."""
    return text.lstrip()[:1] in LIST_MARKS


def ends_sentence(text: str) -> bool:
    """True when a block ends at a sentence boundary (so no layout break cut it)."""
    text = text.rstrip()
    if not text:
        return True
    last = text[-1]
    if last in SENTENCE_END or last in "；;：:":
        return True
    if last in CLOSERS:
        inner = text.rstrip(CLOSERS)
        return bool(inner) and inner[-1] in SENTENCE_END
    return False


#: Characters no sentence starts with: particles, and punctuation that closes or continues a clause.
_NO_SENTENCE_START = set("的了着地得之吗呢吧么，。、；：！？）》”’』」,.;:!?)")


def starts_mid_sentence(text: str) -> bool:
    """The block opens inside a sentence (``的研判分析……``, ``，并……``): the page cut it."""
    return bool(text) and text[0] in _NO_SENTENCE_START


def han_count(text: str) -> int:
    return len(re.findall(f"[{HAN}]", text))


def has_sentence_punctuation(text: str) -> bool:
    return any(c in text for c in "。！？；!?;")


def ends_in_function_word(text: str) -> bool:
    """Titles do not end in a particle or preposition; broken-off sentences often do."""
    text = text.rstrip(CLOSERS + " ")
    return bool(text) and text[-1] in _FUNCTION_TAIL


def headline_shaped(text: str, max_len: int = 48) -> bool:
    """Short, no sentence-final punctuation, no sentence punctuation inside: could be a heading."""
    if not text or len(text) > max_len or han_count(text) < 2:
        return False
    if has_sentence_punctuation(text) or text[-1] in "，、,":
        return False
    if text[-1] in "：:" and len(text) > 14:
        return False  # a long line ending in a colon introduces what follows
    if not quotes_balanced(text):
        return False  # a line cut inside a quotation is a broken sentence
    head, colon, _ = text.rstrip("：:").partition("：")
    if colon and len(head) > 12:
        return False  # ``沈阳：…`` heads a title; a long clause before a colon is a sentence
    clauses = [c for c in re.split("[，,、]", text.rstrip("：:—")) if c]
    if len(clauses) > 3 or (len(clauses) > 1 and max(len(c) for c in clauses) > 12):
        return False
    return not ends_in_function_word(text)


def quotes_balanced(text: str) -> bool:
    return text.count("“") == text.count("”") and text.count("‘") == text.count("’") and \
        text.count("（") == text.count("）") and text.count("《") == text.count("》")


def is_kicker_form(text: str) -> bool:
    """引题 forms: ends with a dash or a colon (``沈阳：``, ``为应对……天气——``)."""
    return text.endswith(("——", "—", "：", ":")) and len(text) <= 40


def is_subtitle_form(text: str) -> bool:
    return text.startswith(("——", "—", "－－", "--"))


def is_column_form(text: str) -> bool:
    """栏目 names are short, often with a middle dot: 关注·普法, 社会治理·说."""
    return "·" in text and len(text) <= 12 and not has_sentence_punctuation(text)


def bigrams(text: str) -> list[str]:
    """Han character bigrams, the unit the fragment matcher compares texts with."""
    runs = re.findall(f"[{HAN}]+", text)
    return [run[i:i + 2] for run in runs for i in range(len(run) - 1)]


PHOTO_CREDIT = re.compile(r"摄(?:影)?(?:报道)?(?:[（(][^（）()]*[）)])?$")
BRACKETED = re.compile(r"^[（(][^（）()]+[）)]$")
#: a bracketed sign-off or author's note, or a makers' line: design, charts, editing, planning,
#: and where pictures or data come from (``资料和数据来源：…``)
CREDIT_LINE = re.compile(r"^[（(].*(?:整理|电|供稿|摄|绘|编译|综合|报道)[）)]$|^[（(]作者|"
                         rf"^(?:本版)?(?:版式设计|制图|责编|责任编辑|统筹|策划)\s*[:：]|^[{HAN}]{{0,6}}来源\s*[:：]")


def closing_line(text: str) -> bool:
    """A line that closes an article or credits its makers: a credit line, a photo credit
    (``新华社记者 徐 昱摄``), or a note wholly in brackets (``（据新华社伦敦电 记者X）``,
    ``（本系列评论到此结束）``).  It reads as a line of the text, never as a subhead; a part's
    number in brackets (``（二）``) is not one."""
    if credit_line(text) or PHOTO_CREDIT.search(text):
        return True
    return bool(BRACKETED.match(text)) and not PART_NUMBER.match(text)


def credit_line(text: str) -> bool:
    """``（本报记者吴月整理）``, ``（作者为…）``, ``（新华社北京5月30日电）``, ``版式设计：蔡华伟``: a line
    that closes an article or credits its makers."""
    return bool(CREDIT_LINE.match(text))


BOX_LINE = 12  #: characters: a line of a data box (a label and its figure), not a paragraph cut short


def figure_line(text: str) -> bool:
    """A line of a data box, a label and its figure (``结案率 96.8%``, ``审结案件 132万件``): it ends
    no sentence, yet nothing was cut from it, and it heads nothing."""
    return headline_shaped(text, BOX_LINE) and re.search(r"\s\d[\d.,]*\s*[%％‰]?[\u4e00-\u9fff]{0,2}$", text) is not None
