"""Regions, places and mentions of one article: where the story happens.

Each place mention votes for its province with the weight of the zone it sits
in (title > lead > body).  A county written right after its own prefecture or
province (湖北省十堰市) is one reference, so it adds a place but no second vote.
我省 / 全省 / 省公安厅 vote for the paper's home province.  The dateline is no
vote (:mod:`.scope`): it names where the copy was filed.

The decision, in order: a story told from abroad and about places abroad, with
less weight of Chinese places than of foreign ones, has no region; a national
body or nationwide words in the heading (or throughout, with provinces only as
examples) make it national (``全国``); otherwise every province with substantial
content is listed, primary first, at most four (more is national).  A single
mention in the body is a passing one: alone it decides nothing, and the dateline's
province, the home province or 全国 stand in.  A photo spread is read caption by
caption: each photo keeps its own province.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Article, Issue, Place
from .gazetteer import Gazetteer
from .places import resolve, scan, supported
from .scope import CENTRAL, Dateline, abroad_count, central_or_nationwide, nationwide_count, read_dateline

NATIONAL = "全国"
CAPITAL = "北京"  #: the national desk's dateline: alone it says nothing of the story's place
#: Province-level short names, the vocabulary of ``Article.regions``.
PROVINCES = ("北京 天津 河北 山西 内蒙古 辽宁 吉林 黑龙江 上海 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 "
             "广西 海南 重庆 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆 台湾 香港 澳门").split()
#: Home-province words: only when no province name is written right before them.
HOME_WORDS = re.compile(r"(?:我|全|本)省|省(?:委|政府|公安厅|法院|高级人民法院|高院|人民检察院|检察院|司法厅|信访局|政法委|纪委)")
ZONE_WEIGHTS = {"title": 4.0, "dateline": 2.0, "lead": 2.0, "body": 1.0}
CN_PREFIX = re.compile(r"CN\s*(\d{2})\s*-")
MAX_REGIONS = 4  #: more provinces of substance than this make a story national
SUBSTANTIAL = 0.3  #: a listed province has at least this share of the primary one's votes
PASSING = 1.0  #: a single body mention: alone it decides nothing
#: the capital as the place central bodies meet (在北京召开, 北京人民大会堂)
VENUE = re.compile(r"(?<=[在于赴抵])北京|北京(?=人民大会堂|召开|举行|开幕|闭幕|钓鱼台)")
SHORT_LEAD = 30  #: characters; a shorter lead says too little on its own
#: 以上海为例: a place given as an example of something wider
EXAMPLE = re.compile(r"以[^，。；：、]{1,20}?为例")
#: places a sentence leaves out (未包括香港特别行政区、澳门特别行政区和台湾省; 除北京外): no place of the story
EXCLUDED = re.compile(r"[不未]包?(?:包括|含)[^。；，！？]{1,60}|除[^。；，！？]{1,30}?以?外")
ABROAD_BODY_CAP = 6  #: body mentions of places abroad count up to this many
ABROAD_BODY_MIN = 3  #: body mentions of places abroad that tell a story abroad when no Chinese place has substance
#: the provinces' official one-character short names (简称; 黔/贵, 滇/云, 陕/秦, 甘/陇, 川/蜀 are both in use):
#: a run of three or more names a group of provinces (京津冀, 粤港澳, 黑吉辽); one or two alone are ordinary words
ABBREVIATIONS = {"京": "北京", "津": "天津", "冀": "河北", "晋": "山西", "蒙": "内蒙古", "辽": "辽宁", "吉": "吉林",
                 "黑": "黑龙江", "沪": "上海", "苏": "江苏", "浙": "浙江", "皖": "安徽", "闽": "福建", "赣": "江西",
                 "鲁": "山东", "豫": "河南", "鄂": "湖北", "湘": "湖南", "粤": "广东", "桂": "广西", "琼": "海南",
                 "渝": "重庆", "川": "四川", "蜀": "四川", "黔": "贵州", "贵": "贵州", "滇": "云南", "云": "云南", "藏": "西藏",
                 "陕": "陕西", "秦": "陕西", "甘": "甘肃", "陇": "甘肃", "青": "青海", "宁": "宁夏", "新": "新疆",
                 "港": "香港", "澳": "澳门", "台": "台湾"}
ABBREVIATION_RUN = re.compile(f"[{''.join(ABBREVIATIONS)}]{{3,}}")


@dataclass(frozen=True)
class RegionResult:
    """What the region stage sets on an article."""

    regions: tuple[str, ...]  #: province short names, primary first, ("全国",), or () for a story abroad
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


def place_zones(article: Article, gazetteer: Gazetteer) -> tuple[Dateline, list[tuple[str, str]]]:
    """The dateline, and the title, lead and body without it: the text places are read from."""
    parts = with_full_lead([(zone, EXCLUDED.sub("", text)) for zone, text in zones(article) if zone != "dateline"])
    lead = next((i for i, (zone, _) in enumerate(parts) if zone == "lead"), None)
    if lead is None:
        return Dateline(), parts
    last = len(parts) - 1
    dateline, lead_text, last_text = read_dateline(article.dateline, parts[lead][1], parts[last][1], gazetteer)
    if lead == last:
        parts[lead] = ("lead", lead_text if lead_text != parts[lead][1] else last_text)
    else:
        parts[lead], parts[last] = ("lead", lead_text), (parts[last][0], last_text)
    return dateline, [(zone, text) for zone, text in parts if text]


def with_full_lead(parts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A lead of a few characters (核心阅读, a photo's date line, a ——subtitle) takes the next paragraph."""
    zones_of = dict(parts)
    lead, body = zones_of.get("lead", ""), zones_of.get("body", "")
    while lead and body and len(lead) < SHORT_LEAD:
        first, _, body = body.partition("\n")
        lead = f"{lead}\n{first}"
    return [(zone, {"lead": lead, "body": body}.get(zone, text)) for zone, text in parts]


def province_votes(parts: list[tuple[str, str]], gazetteer: Gazetteer, home: str) -> tuple[dict, list]:
    """Votes per province (insertion order = first mention) and resolved places.

    All zones are scanned before any name is resolved, so 海口 in the body
    settles 龙华区 in the title.
    """
    scanned = [(zone, text, scan(text, gazetteer)) for zone, text in parts]
    kept = {id(m) for m in supported([m for _, _, mentions in scanned for m in mentions])}
    # a county's short form of three characters or more, standing in the title, is the subject (阿拉山口的油站)
    kept |= {id(m) for zone, _, mentions in scanned if zone == "title" for m in mentions if len(m.name) >= 3}
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
        for province in abbreviated(text, mentions):
            votes[province] = votes.get(province, 0.0) + weight
    return votes, places


def abbreviated(text: str, mentions: list) -> list[str]:
    """Provinces named by a run of short names (粤港澳大湾区), outside the place names found."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    return [ABBREVIATIONS[c] for run in ABBREVIATION_RUN.finditer(text) if not covered & set(range(*run.span()))
            for c in dict.fromkeys(run.group())]


def home_word_count(text: str, mentions: list) -> int:
    """我省, 全省 … not written right after a place (辽宁省委 is 辽宁's)."""
    covered = {i for m in mentions for i in range(m.start, m.end + 1)}
    return sum(1 for m in HOME_WORDS.finditer(text) if m.start() not in covered)


def article_regions(article: Article, gazetteer: Gazetteer, home: str = "") -> RegionResult:
    """Regions, places and mentions for one article."""
    if is_photo_spread(article):
        return _photo_regions(article, gazetteer, home)
    dateline, parts = place_zones(article, gazetteer)
    votes, places = province_votes(parts, gazetteer, home)
    ranked = tuple(sorted(votes, key=lambda p: -votes[p]))  # stable: ties keep first-mention order
    if is_abroad(parts, dateline, votes) or told_abroad(parts, votes):
        return RegionResult((), unique_places(places), ranked)
    if is_national(parts, votes, gazetteer):
        return RegionResult((NATIONAL,), unique_places(places), ranked)
    regions = substantial(votes, ranked) or fallback(dateline, home)
    return RegionResult(regions, unique_places(places), tuple(p for p in ranked if p not in regions))


def substantial(votes: dict[str, float], ranked: tuple[str, ...]) -> tuple[str, ...]:
    """Provinces with substantial content, primary first; () when there are none, 全国 past four."""
    if not ranked or votes[ranked[0]] <= PASSING:
        return ()
    listed = tuple(p for p in ranked if votes[p] >= SUBSTANTIAL * votes[ranked[0]] and votes[p] > PASSING)
    return listed if len(listed) <= MAX_REGIONS else (NATIONAL,)


def fallback(dateline: Dateline, home: str) -> tuple[str, ...]:
    """No province of substance: the dateline's (but the capital's says nothing), the home province, or 全国."""
    filed = [p for p in dateline.provinces if p != CAPITAL or home == CAPITAL]
    return tuple(filed[:1]) or ((home,) if home else (NATIONAL,))


def is_abroad(parts: list[tuple[str, str]], dateline: Dateline, votes: dict[str, float]) -> bool:
    """Places abroad named in the heading or the dateline, and outweighing the Chinese ones
    (a commentary weighing foreign examples in its body stays home)."""
    heading = 3.0 * dateline.abroad
    body = 0
    for zone, text in parts:
        found = abroad_count(text)
        if zone == "body":
            body = min(found, ABROAD_BODY_CAP)
        else:
            heading += ZONE_WEIGHTS[zone] * found
    return heading > 0 and heading + body > sum(votes.values())


def told_abroad(parts: list[tuple[str, str]], votes: dict[str, float]) -> bool:
    """No Chinese place of substance, nothing national in the heading, and places abroad named
    again and again in the body: a sports meet or a firm abroad, told without a foreign dateline."""
    heading = [text for zone, text in parts if zone in ("title", "lead")]
    body = sum(abroad_count(text) for zone, text in parts if zone == "body")
    return (body >= ABROAD_BODY_MIN and all(v <= PASSING for v in votes.values())
            and not any(central_or_nationwide(text) for text in heading))


def is_national(parts: list[tuple[str, str]], votes: dict[str, float], gazetteer: Gazetteer) -> bool:
    """A central body or nationwide words in a heading naming no province, or nationwide words
    throughout an article whose provinces are only examples, or more provinces than can be listed."""
    parts = [(zone, local_scope(text, gazetteer)) for zone, text in parts]
    for zone, text in parts:
        if zone not in ("title", "lead"):
            break
        named = province_votes([(zone, EXAMPLE.sub("", text))], gazetteer, "")[0]
        if CENTRAL.search(text) and len(VENUE.findall(text)) == text.count(CAPITAL):
            named.pop(CAPITAL, None)  # central bodies meet in the capital: a venue is no local story
        if named:  # a province in the heading: national only when the provinces are examples of it
            return central_or_nationwide(text) and is_spread(votes)
        if central_or_nationwide(text):
            return True
    everywhere = sum(nationwide_count(text) for _, text in parts)
    return everywhere >= 3 and (not votes or max(votes.values()) < 0.6 * sum(votes.values()))


def local_scope(text: str, gazetteer: Gazetteer) -> str:
    """The text without the 各地 that follows a place's name (浙江平阳各地): that is the place's, not the nation's."""
    if "各地" not in text:  # the usual case: no place scan for it
        return text
    cuts = [m.end for m in scan(text, gazetteer) if text.startswith("各地", m.end)]
    for end in reversed(cuts):
        text = text[:end] + text[end + 2:]
    return text


def is_photo_spread(article: Article) -> bool:
    """Two or more photos whose captions carry most of the text."""
    captions = [b.figure.caption for b in article.body if b.figure]
    others = sum(len(b.text) for b in article.body if not b.figure)
    return len(captions) >= 2 and sum(map(len, captions)) >= 2 * others


def _photo_regions(article: Article, gazetteer: Gazetteer, home: str) -> RegionResult:
    regions, places, mentions = [], [], []
    for block in article.body:
        text = block.figure.caption if block.figure else block.text
        votes, found = province_votes([("lead", text)], gazetteer, home)
        places += found
        ranked = tuple(sorted(votes, key=lambda p: -votes[p]))
        picked = substantial(votes, ranked)
        regions += [p for p in picked if p not in regions]
        mentions += [p for p in ranked if p not in picked]
    regions = regions or [home or NATIONAL]
    mentions = [p for p in dict.fromkeys(mentions) if p not in regions]
    return RegionResult(tuple(regions), unique_places(places), tuple(mentions))


def unique_places(places: list[Place]) -> tuple[Place, ...]:
    """Each place once, in order of first mention."""
    first: dict[str, Place] = {}
    for place in places:
        first.setdefault(place.code, place)
    return tuple(first.values())


def is_spread(votes: dict[str, float]) -> bool:
    """Three provinces or more, none with half the votes: examples, not the story's place."""
    return len(votes) >= 3 and max(votes.values()) < 0.5 * sum(votes.values())
