"""The URL scheme: every output path of the site, ASCII and stable.

A path here is relative to the site root and always names a file
(``regions/hubei/index.html``), because a site opened from ``file://`` does
not resolve folders to their index.  Pages link to each other through
:func:`relative`, so the site works at ``/``, under ``/<repo>/`` and from disk.

Stability: an article's path depends only on its own issue (id, order and
slug), so adding issues never moves it.  Person slugs are pinyin; when two
names share a pinyin the name seen first (oldest issue, then reading order)
keeps the plain slug and later ones get a suffix made from the name itself.
"""
from __future__ import annotations

import hashlib
import functools
import posixpath
import re
from typing import Iterable

from ..model import Article
from ..slugs import word_pinyin

SAFE = re.compile(r"[^a-z0-9-]+")

#: pinyin that would collide (陕西/山西) or read badly is fixed by hand
PROVINCE_SLUGS = {
    "北京": "beijing", "天津": "tianjin", "河北": "hebei", "山西": "shanxi", "内蒙古": "neimenggu",
    "辽宁": "liaoning", "吉林": "jilin", "黑龙江": "heilongjiang", "上海": "shanghai", "江苏": "jiangsu",
    "浙江": "zhejiang", "安徽": "anhui", "福建": "fujian", "江西": "jiangxi", "山东": "shandong",
    "河南": "henan", "湖北": "hubei", "湖南": "hunan", "广东": "guangdong", "广西": "guangxi",
    "海南": "hainan", "重庆": "chongqing", "四川": "sichuan", "贵州": "guizhou", "云南": "yunnan",
    "西藏": "xizang", "陕西": "shaanxi", "甘肃": "gansu", "青海": "qinghai", "宁夏": "ningxia",
    "新疆": "xinjiang", "台湾": "taiwan", "香港": "xianggang", "澳门": "aomen", "全国": "quanguo",
}


def clean_slug(text: str) -> str:
    """Lowercase ASCII letters, digits and single hyphens only."""
    return SAFE.sub("-", text.lower()).strip("-") or "x"


def pinyin_slug(name: str) -> str:
    return clean_slug(word_pinyin(name)) if name else "x"


def region_slug(name: str) -> str:
    return PROVINCE_SLUGS.get(name) or pinyin_slug(name)


def name_suffix(name: str) -> str:
    """A short tag that depends on the name alone, so it never changes as the archive grows."""
    return hashlib.sha1(name.encode("utf-8")).hexdigest()[:6]


def unique_slugs(names_in_order: Iterable[str], slug_of=pinyin_slug) -> dict[str, str]:
    """Slug per name; on a collision the name seen first keeps the plain slug."""
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for name in names_in_order:
        if name in slugs:
            continue
        slug = slug_of(name)
        if slug in taken:
            slug = f"{slug}-{name_suffix(name)}"
        slugs[name] = slug
        taken.add(slug)
    return slugs


def issue_dir(issue_id: str) -> str:
    return f"issues/{clean_slug(issue_id)}"


def issue_path(issue_id: str) -> str:
    return f"{issue_dir(issue_id)}/index.html"


def article_paths(articles: Iterable[Article]) -> dict[int, str]:
    """Order → path for one issue's articles; a repeated slug gets the article's order appended."""
    paths: dict[int, str] = {}
    seen: set[str] = set()
    for article in sorted(articles, key=lambda a: a.order):
        slug = clean_slug(article.slug) if article.slug else f"article-{article.order:02d}"
        if slug in seen:
            slug = f"{slug}-{article.order:02d}"
        seen.add(slug)
        paths[article.order] = f"{issue_dir(article.issue)}/{slug}.html"
    return paths


@functools.lru_cache(maxsize=65536)
def relative(from_path: str, to_path: str) -> str:
    """Link from one site file to another, e.g. ``../../regions/hubei/index.html``.

    Site paths are clean (no ``.``, ``..`` or doubled slashes), so plain string work does what
    ``posixpath.relpath`` does without its ``abspath`` calls, which cost 5 % of a render."""
    source, target = from_path.split("/")[:-1], to_path.split("/")
    common = 0
    while common < len(source) and common < len(target) - 1 and source[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(source) - common) + target[common:])


def absolute(base: str, path: str) -> str:
    """Public URL of a site file, for feeds and metadata; folder indexes end in ``/``."""
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return base + path
