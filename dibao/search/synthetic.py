"""Synthetic archives for tests, the demo page and the benchmark.

Paragraphs and titles are recombined from the sample issues in ``seeds/``;
places, person names and numbers are replaced at random (fixed seed) so the
vocabulary keeps growing with the archive, as a real one does.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

from dibao.search.docs import SearchDoc

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
PROVINCES = ("湖北", "辽宁", "河北", "山东", "广东", "浙江", "四川", "江苏", "河南", "湖南", "全国")
CITIES = ("鄂州", "武汉", "沈阳", "大连", "石家庄", "保定", "济南", "滨州", "广州", "深圳", "杭州", "宁波",
          "成都", "绵阳", "南京", "苏州", "郑州", "洛阳", "长沙", "岳阳", "黄石", "襄阳", "邯郸", "唐山")
COUNTIES = ("华容", "梁子湖", "江夏", "新洲", "铁西", "浑南", "正定", "涿州", "历城", "邹平", "番禺", "萧山")
THEMES = ("电信网络诈骗", "交通安全", "扫黑除恶", "禁毒", "食品安全", "未成年人保护", "营商环境", "社区治理")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林郑谢罗梁宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华志红建国文辉力永健世广义兴良海山仁波宁贵福生龙元全"
CITY_RE = re.compile("|".join(CITIES[:12]))
NUM_RE = re.compile(r"\d+")


def seed_texts() -> tuple[list[str], list[str]]:
    """(titles, paragraphs) of the sample issues, markup stripped."""
    titles, paragraphs = [], []
    for path in sorted(SEEDS.glob("*.txt")):
        for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
            text = re.sub(r"[*#>]+", "", block).strip().replace("\n", "")
            if block.lstrip().startswith("#") and 6 <= len(text) <= 40:
                titles.append(text)
            elif len(text) >= 40:
                paragraphs.append(text)
    return titles, paragraphs


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


def _vary(text: str, rng: random.Random, place: str) -> str:
    text = CITY_RE.sub(lambda m: rng.choice((place, rng.choice(CITIES), m.group(0))), text)
    return NUM_RE.sub(lambda m: str(rng.randint(1, 10 ** len(m.group(0)))), text)


def make_docs(count: int, seed: int = 1, years: tuple[int, ...] = tuple(range(2016, 2026)), chars: int = 1600) -> list[SearchDoc]:
    """``count`` articles of about ``chars`` characters each."""
    rng = random.Random(seed)
    titles, paragraphs = seed_texts()
    docs = []
    for i in range(count):
        year = years[i % len(years)]
        place = rng.choice(CITIES) + rng.choice(("", "市", rng.choice(COUNTIES) + "县"))
        body, name = [], _name(rng)
        while sum(map(len, body)) < chars:
            para = _vary(rng.choice(paragraphs), rng, place)
            body.append(para.replace("记者", "记者" + name, 1) if rng.random() < 0.2 else para)
        title = _vary(rng.choice(titles), rng, place)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        docs.append(SearchDoc(
            ref=f"articles/{year}/a{i:05d}.html", id=f"{year}-{month:02d}-{day:02d}/{i:05d}",
            title=(place + title) if rng.random() < 0.3 else title, column=rng.choice(("", "警务动态", "法治视点")),
            date=f"{year}-{month:02d}-{day:02d}", year=year,
            regions=(rng.choice(PROVINCES),), places=(place,), themes=tuple(rng.sample(THEMES, rng.randint(1, 2))),
            people=(name,), summary=body[0][:90], body="\n".join(body),
        ))
    return docs
