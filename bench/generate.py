"""Synthetic archives: N raw issue files recombined and varied from the samples in seeds/.

    python -m bench.generate --issues 1000 [--out bench/out/n1000] [--seed 2025]

Writes ``<out>/seeds/`` (the archive) and ``<out>/incoming/`` (one more issue,
dated after the archive, for timing ``build.py add``).  Issue *i* depends only
on the seed and *i*, so the same command always writes the same bytes.

Issues are spread over six years of dates.  Most file names carry the date in
one of the forms people use (``2021-03-04-fazhiribao.txt``,
``20210304-…``, ``…_2021.03.04.txt``); about a quarter are named by issue number
and carry a printed masthead with the date instead; a few have neither, so
the parser must estimate the year.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

from .corpus import Corpus, load_corpus
from .mutate import mutate_article

ROOT = Path(__file__).resolve().parents[1]
FIRST_DAY = dt.date(2019, 1, 1)
SPAN_DAYS = 6 * 365
PAPERS = (("fazhiribao", "法治日报", "CN 11-0045"), ("hebeifazhibao", "河北法治报", "CN 13-0079"))
#: (name style, weight): how the date reaches the parser.
STYLES = (("iso", 40), ("compact", 20), ("dotted", 10), ("masthead", 25), ("undated", 5))
ARTICLES_PER_ISSUE = (7, 15)
WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True)
class IssuePlan:
    index: int
    date: dt.date  #: the issue's real date (printed or not)
    paper: tuple[str, str, str]  #: (slug, name, CN number)
    style: str  #: one of STYLES
    masthead: bool  #: a printed masthead heads the file


@dataclass(frozen=True)
class Archive:
    seeds: Path  #: folder of the N issue files
    incoming: Path  #: one more issue file, not in seeds/
    issues: int
    seed_articles: int  #: articles placed into issue files (the parser may count differently)


def plan_issues(count: int, seed: int) -> list[IssuePlan]:
    rng = random.Random(f"{seed}:plan")
    days = sorted(rng.sample(range(SPAN_DAYS), count) if count <= SPAN_DAYS else rng.choices(range(SPAN_DAYS), k=count))
    days.append(days[-1] + 1)  # the incoming issue comes after the archive
    styles, weights = zip(*STYLES)
    plans = []
    for index, day in enumerate(days):
        style = rng.choices(styles, weights)[0]
        masthead = style == "masthead" or (style != "undated" and rng.random() < 0.1)
        plans.append(IssuePlan(index, FIRST_DAY + dt.timedelta(days=day), rng.choice(PAPERS), style, masthead))
    return plans


def file_name(plan: IssuePlan) -> str:
    slug, day = plan.paper[0], plan.date
    names = {"iso": f"{day.isoformat()}-{slug}.txt", "compact": f"{day:%Y%m%d}-{slug}.txt",
             "dotted": f"{slug}_{day:%Y.%m.%d}.txt", "masthead": f"{slug}-no{issue_number(plan):05d}.txt",
             "undated": f"{slug}-draft-{plan.index:05d}.txt"}
    return names[plan.style]


def issue_number(plan: IssuePlan) -> int:
    return 800 + (plan.date - FIRST_DAY).days


def masthead(plan: IssuePlan) -> list[str]:
    day = plan.date
    return [plan.paper[1], "", f"{day.year}年{day.month}月{day.day}日 星期{WEEKDAYS[day.weekday()]}", "",
            f"第{issue_number(plan)}期 本报今日8版", "", f"国内统一连续出版物号 {plan.paper[2]}", "", "", ""]


def issue_text(plan: IssuePlan, corpus: Corpus, seed: int) -> tuple[str, int]:
    """(file text, articles placed).  Later spans of stitched articles go to the end of the
    file, as in print, where a story continues below the other articles."""
    rng = random.Random(f"{seed}:issue:{plan.index}")
    picked = rng.sample(corpus.articles, min(len(corpus.articles), rng.randint(*ARTICLES_PER_ISSUE)))
    head, tail = [], []
    for article in picked:
        first, *later = mutate_article(article, corpus, rng, plan.date.year)
        head.append(first)
        tail += later
    lines = (masthead(plan) if plan.masthead else ["", ""])
    for chunk in head + tail:
        lines += [*chunk, ""]
    return "\n".join(lines).rstrip("\n") + "\n", len(picked)


def generate(out: Path, issues: int, seed: int = 2025, samples: Path = ROOT / "seeds") -> Archive:
    corpus = load_corpus(samples)
    plans = plan_issues(issues, seed)
    seeds_dir, incoming = out / "seeds", out / "incoming"
    for folder in (seeds_dir, incoming):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    used: set[str] = set()
    placed = 0
    for plan in plans:
        text, count = issue_text(plan, corpus, seed)
        folder = incoming if plan.index == issues else seeds_dir
        (folder / unique_name(file_name(plan), used)).write_text(text, encoding="utf-8")
        placed += count if plan.index < issues else 0
    archive = Archive(seeds_dir, next(incoming.iterdir()), issues, placed)
    manifest = {"issues": issues, "seed": seed, "seed_articles": placed, "incoming": archive.incoming.name}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return archive


def unique_name(name: str, used: set[str]) -> str:
    stem, n = name[:-4], 2
    while name in used:
        name, n = f"{stem}-{n}.txt", n + 1
    used.add(name)
    return name


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--issues", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    out = args.out or ROOT / "bench" / "out" / f"n{args.issues}"
    archive = generate(out, args.issues, args.seed)
    print(f"{archive.issues} issues ({archive.seed_articles} articles placed) in {archive.seeds}; "
          f"one more issue in {archive.incoming}")


if __name__ == "__main__":
    main()
