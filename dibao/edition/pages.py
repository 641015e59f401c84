"""Which page (版) of which edition a parsed issue file is.

A file is a page when a page number is known for it: front matter ``page:``, else
the printed folio (``第3版``, ``03版``, ``A3``, read by :func:`.segment.furniture.folio_facts`),
else the file name's trailing number (``…-03.txt``).  Pages of one paper and one date
(printed or given, never estimated) form one edition; any other file is an issue of its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..model import Issue
from ..segment.furniture import FolioFacts, chinese_number, folio_facts
from ..slugs import word_pinyin

#: ``…-03``, ``…_3``, ``…-p03``: a page number at the end of a file name
FILE_PAGE = re.compile(r"(?:^|[-_ .])[pP]?(\d{1,3})$")
#: a file name that ends in a date (``2025-04-15``): its last number is a day, not a page
FILE_DATE_END = re.compile(r"(?<!\d)\d{4}[-_.]\d{1,2}[-_.]\d{1,2}$")
#: front matter ``page: A3`` or ``page: 第三版``: the number in it
GIVEN_PAGE = re.compile(r"(\d{1,3})|([一二三四五六七八九十]{1,3})")


@dataclass(frozen=True)
class PageFacts:
    number: int = 0  #: 0 when the file is no page (a whole issue)
    name: str = ""  #: 要闻, 法治, 公安周刊
    label: str = ""  #: the number as printed, when it is more than the number (``A3``)


def file_page(source: str) -> int:
    """The page number a file name ends in (``rmrb-20200115-04.txt`` → 4), or 0."""
    stem = PurePosixPath(source).stem
    if FILE_DATE_END.search(stem):
        return 0
    match = FILE_PAGE.search(stem)
    return int(match.group(1)) if match else 0


def given_page(value) -> tuple[int, str]:
    """(number, label) of front matter ``page:`` (``3``, ``'A3'``, ``第三版``); (0, '') for none."""
    if isinstance(value, bool) or value in (None, ""):
        return 0, ""
    if isinstance(value, int):
        return max(value, 0), ""
    text = str(value).strip()
    match = GIVEN_PAGE.search(text)
    if not match:
        return 0, ""
    number = int(match.group(1)) if match.group(1) else chinese_number(match.group(2)) or 0
    return number, ("" if text.lstrip("0") == str(number) else text)


def page_facts(issue: Issue) -> PageFacts:
    """Where ``issue`` (one parsed file) sits in its edition."""
    folios: list[FolioFacts] = [f for f in map(folio_facts, issue.furniture) if f is not None and f.page]
    number, label = given_page(issue.front_matter.get("page"))
    if not number and folios:
        number, label = folios[0].page or 0, folios[0].page_label
    if not number:
        number, label = file_page(issue.source), ""
    if not number:
        return PageFacts()
    name = (str(issue.front_matter.get("section") or "").strip()
            or next((f.page_name for f in folios if f.page_name), "") or issue.masthead.section)
    label = "" if label.lstrip("0") == str(number) else label
    return PageFacts(number, name, label)


def edition_key(issue: Issue, facts: PageFacts) -> tuple[str, str] | None:
    """(paper, date) of the edition a page belongs to; None for a file that stands alone."""
    if not facts.number or not issue.paper or not issue.date or issue.date_estimated:
        return None
    return issue.paper, issue.date


def edition_id(paper: str, date: str) -> str:
    """``qinghefazhibao-2025-03-01``: the paper in pinyin and the date, so an edition keeps its
    id (its content/ folder and its address) whichever of its pages the archive holds."""
    name = re.sub(r"[^a-z0-9]+", "-", word_pinyin(paper)).strip("-") or "paper"
    return f"{name}-{date}"
