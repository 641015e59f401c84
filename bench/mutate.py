"""Vary a sample article so ten thousand copies read like ten thousand articles.

Each synthetic article gets new people (consistently: the same reporter keeps
one new name through byline and body), its places moved to another province
(prefecture to prefecture, county to county, printed in the same full or short
form), new numbers and dates, and some sentences swapped for sentences of other
articles.  Layout is left alone: line breaks, captions, markers and bylines stay
where the sample had them, so the parser meets the same mess as in real life.
"""
from __future__ import annotations

import functools
import random
import re

from dibao.enrich.gazetteer import Division, load_gazetteer, short_name

from .corpus import SENTENCE, Corpus, SeedArticle, body_sentences
from .names import random_name

NUMBER = re.compile(r"(\d+(?:\.\d+)?)(年|月|日|号|时|版|期|%)?")
#: National hotlines read as words, not quantities; changing them would be unrealistic.
HOTLINES = frozenset({"110", "119", "120", "122", "12345", "12348", "12328", "12338", "12315", "95598"})
KEEP_PLACES = 0.15  #: share of articles that keep their sample places
SPLICE = 0.3  #: chance that a body paragraph has one sentence swapped


@functools.lru_cache(maxsize=1)
def divisions_by_province() -> dict[str, dict[str, list[Division]]]:
    """Province code → {level → divisions}, only provinces that have counties in the gazetteer."""
    table: dict[str, dict[str, list[Division]]] = {}
    for division in sorted(load_gazetteer().by_code.values(), key=lambda d: d.code):
        table.setdefault(division.code[:2], {}).setdefault(division.level, []).append(division)
    return {code: levels for code, levels in table.items() if levels.get("county")}


def mutate_article(article: SeedArticle, corpus: Corpus, rng: random.Random, year: int) -> list[list[str]]:
    """The article's raw spans with new names, places, numbers and some spliced sentences."""
    mapping = person_map(article, rng)
    if rng.random() >= KEEP_PLACES:
        mapping.update(place_map(article, rng))
    pattern = re.compile("|".join(map(re.escape, sorted(mapping, key=lambda k: (-len(k), k))))) if mapping else None
    spans = []
    for span in article.spans:
        lines = []
        for line in span:
            line = splice(line, corpus.sentences, rng)
            if pattern:
                line = pattern.sub(lambda m: mapping[m.group()], line)
            lines.append(renumber(line, rng, year))
        spans.append(lines)
    return spans


def person_map(article: SeedArticle, rng: random.Random) -> dict[str, str]:
    return {name: random_name(rng, len(name) if len(name) <= 3 else 3) for name in article.people}


def place_map(article: SeedArticle, rng: random.Random) -> dict[str, str]:
    """Printed place name → the same kind of name in another province."""
    table = divisions_by_province()
    provinces = sorted(table)
    gazetteer = load_gazetteer()
    target_province: dict[str, str] = {}
    target: dict[str, Division] = {}
    for source in article.places:  # sorted by code: a prefecture comes before its counties
        province = target_province.setdefault(source.code[:2], rng.choice(provinces))
        target[source.code] = pick_division(table[province], source, target.get(source.parent), rng)
    mapping = {}
    for printed, code in article.place_forms:
        source, new = gazetteer.by_code[code], target[code]
        mapping[printed] = new.name if printed == source.name else short_name(new.name)
    return mapping


def pick_division(levels: dict[str, list[Division]], source: Division, parent: Division | None,
                  rng: random.Random) -> Division:
    """A division of the source's level; a county goes under its moved prefecture when it has one."""
    if parent is not None and source.level == "county":
        children = [d for d in levels["county"] if d.parent == parent.code]
        if children:
            return rng.choice(children)
    for wanted in (source.level, "prefecture", "county"):
        if levels.get(wanted):
            return rng.choice(levels[wanted])
    raise AssertionError("every province in the table has counties")


def splice(line: str, pool: tuple[str, ...], rng: random.Random) -> str:
    """Swap one complete sentence of a body paragraph for a sentence from elsewhere in the samples."""
    if len(line) < 40 or rng.random() >= SPLICE or len(body_sentences(line)) < 2:
        return line
    sentences = [m for m in SENTENCE.finditer(line) if 12 <= len(m.group()) <= 120]
    victim = rng.choice(sentences)
    return line[:victim.start()] + rng.choice(pool) + line[victim.end():]


def renumber(line: str, rng: random.Random, year: int) -> str:
    return NUMBER.sub(lambda m: new_number(m.group(1), m.group(2) or "", rng, year) + (m.group(2) or ""), line)


def new_number(number: str, unit: str, rng: random.Random, year: int) -> str:
    if number in HOTLINES or unit in ("版", "期"):
        return number
    if unit == "年" and len(number) == 4:
        return str(year - rng.randint(0, 4))
    if unit == "月":
        return str(rng.randint(1, 12))
    if unit in ("日", "号"):
        return str(rng.randint(1, 28))
    if unit == "时":
        return str(rng.randint(0, 23))
    if rng.random() < 0.2:
        return number  # some quantities stay as printed (a month or day always changes: 2月31日 is no date)
    whole, _, fraction = number.partition(".")
    if unit == "%" and float(number) <= 100:
        whole = str(rng.randint(1, 99))
        return whole + ("." + str(rng.randint(0, 9)) if fraction else "")
    digits = str(rng.randint(10 ** (len(whole) - 1) if len(whole) > 1 else 0, 10 ** len(whole) - 1))
    return digits + ("." + "".join(rng.choice("0123456789") for _ in fraction) if fraction else "")
