"""Page furniture: mastheads, folios and editor footers become issue metadata.

Each rule recognises one kind of furniture line by its printed form, never
by its position in a particular file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .patterns import HAN, NAME, PADDED_NAME

DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*(星期[一二三四五六日天]|周[一二三四五六日]))?"
                  rf"(?:\s*(?:农历[{HAN}]+|第?\d+版|{'[A-Za-z0-9 ]'}+))*$")
ISSUE_NO = re.compile(r"第\s*(\d+)\s*期")
PAGES = re.compile(r"(?:本刊|本报|本期)?今日\s*(\d+)\s*版|本期\s*(\d+)\s*版|共\s*(\d+)\s*版")
CN = re.compile(r"CN\s*(\d{2}\s*-\s*\d{4})(?:/[A-Z]+)?")
ISSN = re.compile(r"ISSN\s*\d{4}-\d{3}[\dXx]")
POSTAL = re.compile(r"邮发代号\s*[:：]?\s*(\d+\s*-\s*\d+)")
FOLIO_WORDS = re.compile(r"国内统一连续出版物号|国际标准连续出版物号|邮发代号|(?:本刊|本报|本期)?今日\s*\d+\s*版|"
                         r"本期\s*\d+\s*版|共\s*\d+\s*版|第\s*\d+\s*期")
PAPER_KINDS = "日报|晚报|晨报|法治报|法制报|时报|商报|周报|公安报|法院报|检察报|政法报|青年报|工人报|农民报|都市报|导报|快报|周末"
PAPER = re.compile(rf"([{HAN}]{{2,8}}(?:{PAPER_KINDS}))")
#: the paper's name alone on its line, perhaps with its weekly after a dot (``人民公安报·交通安全周刊``)
PAPER_LINE = re.compile(rf"^([{HAN}]{{1,8}}(?:{PAPER_KINDS}))(?:社?(?:出版|主办|主管)|\s*[·•]\s*[{HAN}]{{2,8}})?$")
#: who runs the paper, printed under its name: ``公安部主管主办``, ``省委政法委主管 法治报社主办``
SPONSOR = re.compile(rf"^(?:[{HAN}]{{2,20}}?(?:主管|主办|出版)+[\s、，]*){{1,3}}$")
#: the paper's name in capitals (``RENMIN GONGAN BAO``), printed beside its Chinese name
ROMANIZED = re.compile(r"^[A-Z]{2,}(?:[ \-][A-Z]{2,}){1,6}$")
SECTION = re.compile(rf"^[{HAN}]{{2,6}}(?:周刊|专刊|专版|副刊|特刊)$")
FOOTER_LABEL = re.compile(
    r"^(?:省厅|本版|本期|本报|本社)?(?:副?编审|副?主编|编辑|责编|责任编辑|版面编辑|美术编辑|美编|责任校对|校对|版式|编辑部主任|副?主任|"
    r"编辑部地址|地址|社址|邮箱|电子邮箱|电话|传真|投稿|邮编|邮政编码|热线|新闻热线|广告热线|E-?mail|"
    r"广告经营许可证|零售价|定价|印刷)\s*[:：]", re.I)  # the imprint at a page's foot: address, licence, price, printer
FOOTER_ROLE = r"(?:本版|本期)?(?:副?编审|副?主编|责任编辑|版面编辑|责编|编辑|责任校对|校对|美术编辑|美编|版式设计|版式|排版|组版|审读)"
#: ``责任编辑 吴敏 版式设计 高远``: footer roles and names, no colons
SET_NAME = rf"(?:{NAME}|{PADDED_NAME})"  #: a name as set in type (``王强``, ``王 强``)
FOOTER_PAIRS = re.compile(rf"^(?:{FOOTER_ROLE}\s*[/／]?\s*{SET_NAME}(?:[ 、]{SET_NAME})*\s*)+$")
PHONE = re.compile(r"(?<!\d)(?:0\d{2,3}-?\d{7,8}|1[3-9]\d{9})(?!\d)")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
SLOGAN = re.compile(rf"^(?:[{HAN}]{{4}}\s+)+[{HAN}]{{4}}$")
#: A page folio: ``第3版``, ``第三版 要闻``, ``03版：法治``, ``A3``, ``A3版 公安周刊``, ``第2版 要闻·综合``
#: (number, then the page's name)
PAGE_FOLIO = re.compile(rf"^(?:第\s*(?P<cn>[0-9]{{1,3}}|[一二三四五六七八九十]{{1,3}})\s*版|(?P<letter>[A-Z]?)\s*(?P<num>[0-9]{{1,3}})\s*版"
                        rf"|(?P<lone>[A-Z])\s*(?P<lnum>[0-9]{{1,3}}))(?:\s*[：:·|｜—-]?\s*(?P<name>[{HAN}]{{2,8}}(?:·[{HAN}]{{2,8}})?))?$")
DATE_PAGE = re.compile(r"第\s*(\d{1,3})\s*版")
CHINESE_NUMERALS = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}


@dataclass(frozen=True)
class FolioFacts:
    """Facts read off one masthead/folio line."""

    date: str = ""
    weekday: str = ""
    issue_no: int | None = None
    pages: int | None = None
    cn: str = ""
    postal_code: str = ""
    page: int | None = None  #: the page (版) the folio names
    page_label: str = ""  #: the page number as printed (``A3``, ``03``, ``三``)
    page_name: str = ""  #: the page's name (``要闻``)


#: a page's number alone on a line (``3``, ``A3``, ``03``): a folio only inside the masthead block
BARE_PAGE = re.compile(r"^(?P<letter>[A-Z]?)(?P<num>\d{1,2})$")
#: a page's name alone on a line (``要闻``, ``法治时评``): a folio's part only inside the masthead block
PAGE_NAME = re.compile(rf"^[{HAN}]{{2,6}}(?:·[{HAN}]{{2,6}})?$")


def chinese_number(text: str) -> int | None:
    """``3``, ``03``, ``三``, ``十二``, ``二十`` → the number; None for anything else."""
    if text.isdigit():
        return int(text)
    tens, _, units = text.partition("十")
    if "十" not in text:
        return CHINESE_NUMERALS.get(text) if len(text) == 1 else None
    if (tens and tens not in CHINESE_NUMERALS) or (units and units not in CHINESE_NUMERALS):
        return None
    return CHINESE_NUMERALS.get(tens, 1) * 10 + CHINESE_NUMERALS.get(units, 0)


def page_folio(text: str) -> FolioFacts | None:
    """The page a folio line names (``第3版 要闻``, ``03版：法治``, ``A3``), or None."""
    match = PAGE_FOLIO.match(text.strip())
    if not match:
        return None
    if match.group("cn"):
        label, number = match.group("cn"), chinese_number(match.group("cn"))
    elif match.group("num"):
        label, number = match.group("letter") + match.group("num"), int(match.group("num"))
    else:
        label, number = match.group("lone") + match.group("lnum"), int(match.group("lnum"))
    if not number:
        return None
    return FolioFacts(page=number, page_label=label, page_name=match.group("name") or "")


def folio_facts(text: str) -> FolioFacts | None:
    """The facts of a masthead/folio line, or None when the line is not one."""
    date = DATE.match(text)
    if date:
        y, m, d = (int(g) for g in date.groups()[:3])
        if 1 <= m <= 12 and 1 <= d <= 31:
            page = DATE_PAGE.search(text[date.end(4) if date.group(4) else 0:])
            return FolioFacts(date=f"{y:04d}-{m:02d}-{d:02d}", weekday=date.group(4) or "",
                              page=int(page.group(1)) if page else None, page_label=page.group(1) if page else "")
    folio = page_folio(text)
    if folio:
        return folio
    if not (FOLIO_WORDS.search(text) or CN.search(text) or ISSN.search(text)) or len(text) > 60:
        return None
    rest = FOLIO_WORDS.sub("", CN.sub("", ISSN.sub("", POSTAL.sub("", text))))
    if re.search(f"[{HAN}]{{3,}}", re.sub(r"\d+", "", rest)):
        return None  # a sentence that merely mentions an issue number
    issue_no, pages, cn, postal = ISSUE_NO.search(text), PAGES.search(text), CN.search(text), POSTAL.search(text)
    return FolioFacts(issue_no=int(issue_no.group(1)) if issue_no else None,
                      pages=int(next(g for g in pages.groups() if g)) if pages else None,
                      cn="CN " + re.sub(r"\s", "", cn.group(1)) if cn else "",
                      postal_code=re.sub(r"\s", "", postal.group(1)) if postal else "")


def is_footer_line(text: str) -> bool:
    """Editor and contact lines: labelled (编审：…), or just names with phone numbers or e-mails."""
    if FOOTER_LABEL.match(text) or FOOTER_PAIRS.match(text):
        return True
    if len(text) > 40:
        return False
    bare = EMAIL.sub("", PHONE.sub("", text))
    if (PHONE.search(text) or EMAIL.search(text)) and not re.search(f"[{HAN}]{{6,}}", bare):
        return True
    return False


def is_paper_name(text: str) -> bool:
    """A line that is only the paper's name (``法治日报``, ``人民公安报社出版``)."""
    return bool(PAPER_LINE.match(text))


def is_sponsor_line(text: str) -> bool:
    return len(text) <= 40 and bool(SPONSOR.match(text))


def is_romanized_name(text: str) -> bool:
    return bool(ROMANIZED.match(text))


def is_section_name(text: str) -> bool:
    return bool(SECTION.match(text))


def is_slogan_line(text: str) -> bool:
    """One line of parallel four-character phrases (对党忠诚 服务人民); two or more stacked are a slogan."""
    return bool(SLOGAN.match(text))


def paper_name(texts: list[str]) -> str:
    for text in texts:
        match = PAPER.search(text)
        if match:
            return match.group(1).lstrip("号路街道巷楼层室座栋")
    return ""


def weekly_paper(texts: list[str]) -> str:
    """A weekly printed as a paper of its own (``都市法治周刊``): the page's first line has the form
    of a section's name, and nothing on the page names another paper."""
    first = texts[0].strip() if texts else ""
    return first if SECTION.match(first) else ""
