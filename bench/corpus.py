"""The raw material of synthetic issues: the sample issues in seeds/, cut into articles.

dibao's own segmenter cuts each sample once; every article keeps the *raw*
lines of its source spans (captions mid-sentence, bylines, 本报讯, continuation
markers and all), so synthetic issues are as messy as the samples.  Person and
place names found in each article are listed here once, so that mutating ten
thousand articles needs no gazetteer scan per article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from dibao.enrich.gazetteer import Division, load_gazetteer
from dibao.ingest import ingest
from dibao.segment import segment

from .names import SURNAMES

SENTENCE = re.compile(r"[^。！？]*[。！？]")
#: A name quoted in the body: "……队长周少龙说", "负责人金卫军介绍".
SPEAKER = re.compile(r"(?:长|员|官|任|记|警|人|师)([\u4e00-\u9fff]{2,3}?)(?:说|介绍|表示|指出|告诉记者)")
BODY_LINE = re.compile(r"^[^#□*\-图（(]")
LEVELS = ("province", "prefecture", "county")


@dataclass(frozen=True)
class SeedArticle:
    """One article of a sample issue as raw text."""

    source: str  #: the sample file name
    spans: tuple[tuple[str, ...], ...]  #: raw lines of each source span, in reading order
    people: tuple[str, ...]  #: person names printed in it (bylines, credits, quoted speakers)
    places: tuple[Division, ...]  #: divisions it names, full or short form
    place_forms: tuple[tuple[str, str], ...]  #: (text as printed, division code) pairs found in it


@dataclass(frozen=True)
class Corpus:
    articles: tuple[SeedArticle, ...]
    sentences: tuple[str, ...]  #: complete body sentences from every sample, for splicing


def load_corpus(seeds: Path) -> Corpus:
    articles: list[SeedArticle] = []
    for path in sorted(p for p in seeds.iterdir() if p.is_file() and p.suffix == ".txt"):
        articles += cut_issue(path)
    sentences = sorted({s for a in articles for span in a.spans for line in span for s in body_sentences(line)})
    return Corpus(tuple(articles), tuple(sentences))


def cut_issue(path: Path) -> list[SeedArticle]:
    raw = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").split("\n")
    issue = segment(ingest(path, path.name))
    found = []
    for article in issue.articles:
        spans = tuple(tuple(raw[s.first - 1:s.last]) for s in article.sources)
        text = "\n".join(line for span in spans for line in span)
        people = set(article.reporters + article.correspondents + article.authors + article.photographers)
        people.update(m.group(1) for m in SPEAKER.finditer(text) if m.group(1)[0] in SURNAMES)
        forms = place_forms(text)
        found.append(SeedArticle(path.name, spans, tuple(sorted(people, key=lambda n: (-len(n), n))),
                                 tuple(sorted({d for _, d in forms}, key=lambda d: d.code)),
                                 tuple(sorted({(name, d.code) for name, d in forms}))))
    return found


def place_forms(text: str) -> list[tuple[str, Division]]:
    """(name as printed, division) for every gazetteer name in the text, longest match first."""
    gazetteer = load_gazetteer()
    found, start = [], 0
    while start < len(text):
        name = gazetteer.longest_at(text, start)
        if not name:
            start += 1
            continue
        form = min(gazetteer.forms[name], key=lambda f: (LEVELS.index(f.division.level), not f.full))
        found.append((name, form.division, form.full))
        start += len(name)
    # County short forms are mostly everyday words (公安, 平安, 资源): one counts only when the
    # article also prints that county's full name (通州区 … 通州).
    full_counties = {d.code for _, d, full in found if full and d.level == "county"}
    return [(name, d) for name, d, full in found if full or d.level != "county" or d.code in full_counties]


def body_sentences(line: str) -> list[str]:
    """Complete sentences of a plain body paragraph (not headings, bylines, items or captions)."""
    text = line.strip()
    if len(text) < 40 or not BODY_LINE.match(text) or "**" in text:
        return []
    return [s for s in SENTENCE.findall(text) if 12 <= len(s) <= 120 and "“" not in s and "”" not in s]
