"""Articles rebuilt from the hand-made gold file, for measuring enrichment
before (and independently of) the parser.

For each gold article the body runs from the line holding its ``first``
snippet to the line holding its ``last`` one; headings and photo credits are
dropped, ``图①`` captions become figures.  Titles come from the gold file.
"""
from __future__ import annotations

import json
import pathlib
import re

from dibao.model import Article, Block, Figure, Issue, Masthead, SourceSpan

ROOT = pathlib.Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "acceptance" / "gold_seeds.json"
FOLD = str.maketrans({"，": ",", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")"})
LABEL = re.compile(r"^图[①-⑩]\s*")


def norm(text: str) -> str:
    return re.sub(r"\s+|\*\*", "", str(text or "").translate(FOLD))


def clean(line: str) -> str:
    return line.replace("**", "").strip()


def find_line(lines: list[str], snippet: str, start: int) -> int:
    want = norm(snippet)
    for i in range(start, len(lines)):
        if want in norm(lines[i]):
            return i
    for i in range(0, len(lines)):
        if want in norm(lines[i]):
            return i
    raise LookupError(snippet)


def is_boundary(line: str, titles: set[str]) -> bool:
    text = clean(line)
    headline = 0 < len(text) < 40 and not re.search(r"[。！？!?”」』…]$", text) and not LABEL.match(text)
    headline = headline and not re.search(r"记者|通讯员|摄$", text)
    return text.startswith("#") or norm(text) in titles or "上接" in text[:6] or headline


def fragment(lines: list[str], index: int, step: int, titles: set[str]) -> list[int]:
    """Line numbers from ``index`` walking by ``step`` until a heading."""
    out = []
    while 0 <= index < len(lines) and not (out and is_boundary(lines[index], titles)):
        out.append(index)
        index += step
    return out


def block_of(text: str) -> Block | None:
    if not text or text.startswith("#") or text.endswith("摄") or is_boundary(text, set()):
        return None
    if LABEL.match(text):
        return Block("figure", figure=Figure(LABEL.sub("", text)))
    return Block("paragraph", text)


def body_blocks(lines: list[str], gold: dict, titles: set[str], start: int) -> tuple[tuple[Block, ...], int]:
    i = find_line(lines, gold["first"][:12], start)
    j = find_line(lines, gold["last"][-12:], i)
    picked = set(fragment(lines, i, 1, titles)) | set(fragment(lines, j, -1, titles))
    for snippet in gold["contains"]:  # passages continued elsewhere in the file
        try:
            picked.add(find_line(lines, snippet[:8], 0))
        except LookupError:
            pass  # the snippet spans a layout break; its lines are usually picked already
    blocks = []
    for k in sorted(picked):
        text = clean(lines[k])
        if k == i:  # drop the byline/dateline before the first snippet
            pos = norm(text).find(norm(gold["first"])[:6])
            label = LABEL.match(text)
            text = (label.group(0) if label else "") + (norm(text)[pos:] if pos >= 0 else text)
        if (block := block_of(text)) is not None:
            blocks.append(block)
    return tuple(blocks), max(i, j)


def gold_issues() -> list[tuple[Issue, list[dict]]]:
    """(issue, gold articles) for the five samples."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    out = []
    for gi in gold["issues"]:
        source = f"seeds/{gi['file']}"
        lines = (ROOT / source).read_text(encoding="utf-8").splitlines()
        issue_id = gi["file"].removesuffix(".txt")
        articles, cursor = [], 0
        titles = {norm(ga["title"]) for ga in gi["articles"] if ga["title"]}
        for order, ga in enumerate(gi["articles"], 1):
            body, cursor = body_blocks(lines, ga, titles, cursor)
            articles.append(Article(
                issue=issue_id, order=order, kind=ga["kind"], title=ga["title"] or "", title_generated=not ga["title"],
                sources=(SourceSpan(source, 1, 1),), body=body, kicker=ga["kicker"] or "",
                subtitle=ga["subtitle"] or "", reporters=tuple(ga["reporters"]),
                correspondents=tuple(ga["correspondents"]), authors=tuple(ga["authors"]),
                photographers=tuple(ga["photographers"])))
        masthead = Masthead(**{k: v for k, v in gi["masthead"].items() if k in ("issue_no", "pages", "section", "cn")})
        issue = Issue(id=issue_id, source=source, paper=gi["paper"] or "", year=gi["year"], masthead=masthead,
                      articles=tuple(articles))
        out.append((issue, gi["articles"]))
    return out
