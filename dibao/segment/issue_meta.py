"""Issue metadata: masthead facts, paper, and the issue date (or an estimated year).

Date sources in order of trust: front matter, the printed masthead date, the
file name (``2025-04-15.txt``, ``20250415-…``), and last an estimate of the
year from the text, marked ``date_estimated``.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import replace

from ..model import Issue, Masthead
from .furniture import paper_name, weekly_paper
from .units import Unit

FILE_DATE = re.compile(r"(?<!\d)(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)")
YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*年")
#: Years a plan aims at (到2035年, 2030年前, 力争于2027年) say nothing about when the issue was printed;
#: 截至2024年 and 基于2022年 are statements about the past and count.
TARGET_YEAR = re.compile(r"(?:(?<![截直])(?:到|至)|(?:计划|预计|力争|将|拟)于?)\s*((?:19|20)\d{2})\s*年"
                         r"|((?:19|20)\d{2})\s*年(?:前|底前|以前|远景|目标)")
PLAN = re.compile(r"(今年|明年|去年)[^。！？]{0,6}?“?十([一二三四五六七八九])五”?[^。！？]{0,8}?(开局|收官|起步|首|最后|末)")
CHINESE_DIGIT = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}
RELATIVE = {"今年": 0, "明年": 1, "去年": -1}


def valid_date(y: int, m: int, d: int) -> str:
    try:
        return datetime.date(y, m, d).isoformat()
    except ValueError:
        return ""


def date_from_filename(name: str) -> str:
    for match in FILE_DATE.finditer(name):
        found = valid_date(*(int(g) for g in match.groups()))
        if found and 1900 < int(match.group(1)) < 2200:
            return found
    return ""


def date_from_front_matter(value) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    match = FILE_DATE.search(str(value or ""))
    return valid_date(*(int(g) for g in match.groups())) if match else ""


def estimate_year(text: str) -> int | None:
    """The latest year the text states as past or present; five-year plans resolve 今年/明年."""
    planned = [_plan_year(m) for m in PLAN.finditer(text)]
    targets = {int(g) for m in TARGET_YEAR.finditer(text) for g in m.groups() if g}
    stated = [int(y) for y in YEAR.findall(text) if int(y) not in targets]
    candidates = [y for y in planned + stated if y]
    return max(candidates) if candidates else None


def _plan_year(match: re.Match) -> int | None:
    """``明年是“十五五”规划的开局之年`` → the plan starts 2026, so this year is 2025."""
    relative, number, phase = match.groups()
    start = 2021 + 5 * (CHINESE_DIGIT[number] - 4) if CHINESE_DIGIT[number] != 1 else None
    if CHINESE_DIGIT[number] < 4 or start is None:
        return None
    plan_year = start if phase in ("开局", "起步", "首") else start + 4
    return plan_year - RELATIVE[relative]


def masthead_from(furniture: list[Unit], front_matter: dict) -> Masthead:
    facts = [u.data["folio"] for u in furniture if u.data.get("folio")]
    pick = lambda attr: next((getattr(f, attr) for f in facts if getattr(f, attr)), None)  # noqa: E731
    section = front_matter.get("section") or next((u.data["section"] for u in furniture if u.data.get("section")), "")
    texts = [u.text for u in furniture]
    return Masthead(
        paper=str(front_matter.get("paper") or paper_name([u.text for u in furniture if u.data.get("paper")])
                  or paper_name(texts) or weekly_paper(texts)),
        issue_no=pick("issue_no"), pages=pick("pages"), section=str(section), cn=pick("cn") or "",
        postal_code=pick("postal_code") or "", weekday=pick("weekday") or "",
        slogans=tuple(u.text for u in furniture if u.data.get("slogan")),
        editors=tuple(u.text for u in furniture if u.data.get("footer")))


def with_issue_meta(issue: Issue, furniture: list[Unit], body_text: str) -> Issue:
    masthead = masthead_from(furniture, issue.front_matter)
    printed = next((u.data["folio"].date for u in furniture if u.data.get("folio") and u.data["folio"].date), "")
    date = date_from_front_matter(issue.front_matter.get("date")) or printed or date_from_filename(issue.source)
    year = int(date[:4]) if date else estimate_year(body_text)
    return replace(issue, paper=masthead.paper, masthead=masthead, date=date, year=year,
                   date_estimated=bool(not date and year), furniture=tuple(u.text for u in furniture))
