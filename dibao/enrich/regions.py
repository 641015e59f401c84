"""Regions, places and mentions of one article.

Each place mention votes for its province with the weight of the zone it sits
in (title > lead > body).  A county written right after its own prefecture or
province (湖北省十堰市) is one reference, so it adds a place but no second vote.
我省 / 全省 / 省公安厅 vote for the paper's home province.  The article is
national (``全国``) when its title or lead is about national work, or when it
names three or more provinces and none has half the votes.  A photo spread is
read caption by caption: each photo keeps its own province.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Article, Issue, Place
from .gazetteer import Gazetteer
from .places import resolve, scan, supported

NATIONAL = "全国"
#: Province-level short names, the vocabulary of ``Article.regions``.
PROVINCES = ("北京 天津 河北 山西 内蒙古 辽宁 吉林 黑龙江 上海 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 "
             "广西 海南 重庆 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆 台湾 香港 澳门").split()
#: Home-province words: only when no province name is written right before them.
HOME_WORDS = re.compile(r"(?:我|全|本)省|省(?:委|政府|公安厅|法院|高级人民法院|高院|人民检察院|检察院|司法厅|信访局|政法委|纪委)")
#: National bodies or national scope, read in the title and the lead.
#: 全国 in an honour or ranking (全国首个, 全国先进) says nothing about scope.
NATIONWIDE = re.compile(r"全国(?!首|第一|率先|领先|先进|优秀|模范|示范|百佳|十佳|文明|劳模|劳动模范|人大|政协|一流|前列|同类|知名|重点)")
NATIONAL_WORK = re.compile(NATIONWIDE.pattern + r"|公安部|最高人民法院|最高法|最高人民检察院|最高检|司法部|中央政法委|国务院|党中央|中共中央")
ZONE_WEIGHTS = {"title": 4.0, "dateline": 2.0, "lead": 2.0, "body": 1.0}
CN_PREFIX = re.compile(r"CN\s*(\d{2})\s*-")


@dataclass(frozen=True)
class RegionResult:
    """What the region stage sets on an article."""

    regions: tuple[str, ...]  #: province short names, primary first, or ("全国",)
    places: tuple[Place, ...]  #: prefecture- and county-level places, in order of first mention
    mentions: tuple[str, ...]  #: other provinces named, most named first


def home_province(issue: Issue, gazetteer: Gazetteer) -> str:
    """Issue metadata first, then a province in the paper's name, then the CN number's prefix."""
    if issue.home_province:
        return issue.home_province
    for paper in (issue.paper, issue.masthead.paper):
        mentions = scan(paper[:6], gazetteer)
        if mentions and mentions[0].start == 0:  # 河北法治报, 江西法制报, 深圳特区报
            provinces = {f.division.province for f in mentions[0].forms if f.division.level != "county"}
            if len(provinces) == 1:
                return provinces.pop()
    match = CN_PREFIX.search(issue.masthead.cn)
    if match and (province := gazetteer.by_code.get(match.group(1) + "0000")):
        return province.province
    return ""


def zones(article: Article) -> list[tuple[str, str]]:
    """(zone, text) pairs in reading order."""
    title = " ".join(t for t in (article.kicker, article.title, article.subtitle) if t)
    paragraphs = [b.figure.caption if b.figure else b.text for b in article.body]
    paragraphs = [p for p in paragraphs if p]
    out = [("title", title)] if title and not article.title_generated else []
    # a dateline may carry the place (本报长沙12月3日电); a column author's position often does
    tail = "\n".join(paragraphs[1:] + ([article.author_title] if article.author_title else []))
    found = (("dateline", article.dateline), ("lead", paragraphs[0] if paragraphs else ""), ("body", tail))
    return out + [(zone, text) for zone, text in found if text]


def province_votes(parts: list[tuple[str, str]], gazetteer: Gazetteer, home: str) -> tuple[dict, list]:
    """Votes per province (insertion order = first mention) and resolved places.

    All zones are scanned before any name is resolved, so 海口 in the body
    settles 龙华区 in the title.
    """
    scanned = [(zone, text, scan(text, gazetteer)) for zone, text in parts]
    kept = {id(m) for m in supported([m for _, _, mentions in scanned for m in mentions])}
    scanned = [(zone, text, [m for m in mentions if id(m) in kept]) for zone, text, mentions in scanned]
    everything = [m for _, _, mentions in scanned for m in mentions]
    divisions = iter(resolve(everything, gazetteer, home))
    votes: dict[str, float] = {}
    places = []
    for zone, text, mentions in scanned:
        weight = ZONE_WEIGHTS[zone]
        for mention in mentions:
            division = next(divisions)
            if division is None:
                continue
            if division.level != "province":
                places.append(Place(division.name, division.code, division.province))
            if mention.after is None:
                votes[division.province] = votes.get(division.province, 0.0) + weight
        if home and (hits := home_word_count(text, mentions)):
            votes[home] = votes.get(home, 0.0) + weight * hits
    return votes, places


def home_word_count(text: str, mentions: list) -> int:
    """我省, 全省 … not written right after a place (辽宁省委 is 辽宁's)."""
    covered = {i for m in mentions for i in range(m.start, m.end + 1)}
    return sum(1 for m in HOME_WORDS.finditer(text) if m.start() not in covered)


def decide(votes: dict[str, float], national_work: bool, home: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(regions, mentions) from the votes."""
    ranked = sorted(votes, key=lambda p: -votes[p])  # stable: ties keep first-mention order
    if not ranked:
        return ((home,) if home and not national_work else (NATIONAL,)), ()
    top = votes[ranked[0]]
    spread = len(ranked) >= 3 and top < 0.5 * sum(votes.values())
    if national_work or spread:
        return (NATIONAL,), tuple(ranked)
    regions = tuple(p for p in ranked if votes[p] >= 0.5 * top)
    return regions, tuple(p for p in ranked if p not in regions)


def is_photo_spread(article: Article) -> bool:
    """Two or more photos whose captions carry most of the text."""
    captions = [b.figure.caption for b in article.body if b.figure]
    others = sum(len(b.text) for b in article.body if not b.figure)
    return len(captions) >= 2 and sum(map(len, captions)) >= 2 * others


def article_regions(article: Article, gazetteer: Gazetteer, home: str = "") -> RegionResult:
    """Regions, places and mentions for one article."""
    parts = zones(article)
    if is_photo_spread(article):
        return _photo_regions(article, gazetteer, home)
    votes, places = province_votes(parts, gazetteer, home)
    national_work = is_national_work(parts, votes, gazetteer)
    regions, mentions = decide(votes, national_work, home)
    return RegionResult(regions, unique_places(places), mentions)


def is_national_work(parts: list[tuple[str, str]], votes: dict[str, float], gazetteer: Gazetteer) -> bool:
    """A national body or 全国 in a heading naming no province, or 全国 throughout
    an article whose provinces are only examples (no province has 60% of the votes).

    The dateline is not part of the heading: national bodies sit in 北京.
    """
    for zones_read in (("title",), ("title", "lead")):  # the title alone decides first
        heading = " ".join(text for zone, text in parts if zone in zones_read)
        if province_votes([("title", heading)], gazetteer, "")[0]:
            return False
        if NATIONAL_WORK.search(heading):
            return True
    everywhere = sum(len(NATIONWIDE.findall(text)) for _, text in parts)
    return everywhere >= 3 and (not votes or max(votes.values()) < 0.6 * sum(votes.values()))


def _photo_regions(article: Article, gazetteer: Gazetteer, home: str) -> RegionResult:
    regions, places, mentions = [], [], []
    for block in article.body:
        text = block.figure.caption if block.figure else block.text
        votes, found = province_votes([("lead", text)], gazetteer, home)
        places += found
        picked, others = decide(votes, False, "") if votes else ((), ())
        regions += [p for p in picked if p not in regions]
        mentions += others
    regions = regions or [home or NATIONAL]
    mentions = [p for p in dict.fromkeys(mentions) if p not in regions]
    return RegionResult(tuple(regions), unique_places(places), tuple(mentions))


def unique_places(places: list[Place]) -> tuple[Place, ...]:
    """Each place once, in order of first mention."""
    first: dict[str, Place] = {}
    for place in places:
        first.setdefault(place.code, place)
    return tuple(first.values())
