"""Annotated articles: hand labels (regions, themes) and the article each one labels.

An annotation names its article by reference: the source file, the title and the
first and last ten characters of the body, as the gold files of the corpus do, so
the text of a newspaper stays where it is kept (``../shared/corpus``) and only the
labels live in the repository.  Texts we wrote ourselves carry their body inline.
:func:`rebuild` turns a reference back into an :class:`~dibao.model.Issue` of one
article by cutting the source file from the line holding ``first`` to the one
holding ``last``: no segmenter is involved, so training and measuring do not move
when the parser changes.
"""
from __future__ import annotations

import json
import pathlib
import re
from dataclasses import dataclass

from ..model import Article, Block, Figure, Issue, SourceSpan

ROOT = pathlib.Path(__file__).resolve().parents[2]
ANNOTATIONS = ROOT / "annotations"
#: where each annotation file's ``root`` points; the corpus sits next to the worktree and is never copied in
ROOTS = {"repo": ROOT, "corpus": ROOT.parent / "shared" / "corpus" / "rmrb", "written": ROOT}
SENTENCE_END = re.compile(r"[。！？!?”」』…）)]$")
FIGURE_LABEL = re.compile(r"^图[①-⑩]\s*")
CREDIT = re.compile(r"记者|通讯员|摄$")
FOLD = str.maketrans({"，": ",", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")", "　": ""})


@dataclass(frozen=True)
class Annotation:
    """The labels of one article and where to find it."""

    key: str  #: ``<set>:<file>#<title or first>``
    collection: str  #: the annotation file's stem (``rmrb``, ``samples``, ``written``, ``enrich-gold``)
    root: str  #: a key of :data:`ROOTS`
    source: str  #: the file the article is read from, relative to its root ("" for written texts)
    title: str
    first: str
    last: str
    regions: tuple[str, ...]  #: province short names, ("全国",) or ("none",)
    themes: tuple[str, ...]  #: theme names, primary first, or ("none",)
    held_out: bool  #: kept aside: never seen by training
    kicker: str = ""
    subtitle: str = ""
    paper: str = ""  #: the paper's name, when it tells the home province (河北法治报)
    body: tuple[str, ...] = ()  #: paragraphs, for texts written for the annotation set
    dateline: str = ""
    note: str = ""

    @property
    def month(self) -> str:
        found = re.search(r"(\d{6})\d{2}", self.source)
        return found.group(1) if found else ""


def norm(text: str) -> str:
    return re.sub(r"\s+|\*\*", "", str(text or "").translate(FOLD))


def load(path: pathlib.Path, collection: str = "") -> list[Annotation]:
    """One annotation file: ``{"about", "root", "held_out": {"months": [...]}, "articles": [...]}``;
    a gold file of the corpus (``{"issues": [{"file", "articles"}]}``) reads as one with nothing held out."""
    data = json.loads(path.read_text(encoding="utf-8"))
    collection = collection or path.stem
    if "issues" in data:
        entries = [dict(a, file=f"clean/{i['file']}") for i in data["issues"] for a in i["articles"]]
        root, months = "corpus", ()
    else:
        entries, root, months = data["articles"], data.get("root", "repo"), data.get("held_out", {}).get("months", ())
    return [annotation(entry, collection, root, months) for entry in entries]


def annotation(entry: dict, collection: str, root: str, months) -> Annotation:
    source = entry.get("file", "")
    month = re.search(r"(\d{6})\d{2}", source)
    held_out = entry["held_out"] if "held_out" in entry else bool(month and month.group(1) in months)
    return Annotation(
        key=f"{collection}:{source}#{entry.get('title') or entry.get('first', '')}", collection=collection, root=root,
        source=source, title=entry.get("title") or "", first=entry.get("first", ""), last=entry.get("last", ""),
        regions=tuple(entry["regions"]), themes=tuple(entry["themes"]), held_out=held_out,
        kicker=entry.get("kicker") or "", subtitle=entry.get("subtitle") or "", paper=entry.get("paper", ""),
        body=tuple(entry.get("body", ())), dateline=entry.get("dateline", ""), note=entry.get("note", ""))


def load_all(folder: pathlib.Path = ANNOTATIONS) -> list[Annotation]:
    """Every annotation set of the project, in file order."""
    return [a for path in sorted(folder.glob("*.json")) for a in load(path)]


def rebuild(annotation: Annotation, order: int = 1) -> Issue:
    """An issue holding the one article an annotation labels (LookupError when its text is not found)."""
    if annotation.body:
        paragraphs, span = list(annotation.body), SourceSpan(f"annotations/{annotation.collection}.json", 1, 1)
    else:
        path = ROOTS[annotation.root] / annotation.source
        lines = path.read_text(encoding="utf-8").splitlines()
        start = find_line(lines, annotation.first, title_line(lines, annotation.title), head=True)
        end = find_line(lines, annotation.last, start, head=False)
        picked = range(start, end + 1)
        if annotation.root != "corpus" and any(is_heading(lines[i]) for i in picked[1:]):
            # a damaged page (the samples) may move an article's tail below another article
            picked = sorted(set(run(lines, start, 1)) | set(run(lines, end, -1)))
        paragraphs, span = [clean(lines[i]) for i in picked], SourceSpan(annotation.source, start + 1, end + 1)
    article = Article(issue="annotated", order=order, kind="report", title=annotation.title, sources=(span,),
                      body=tuple(block(p) for p in paragraphs if p), kicker=annotation.kicker,
                      subtitle=annotation.subtitle, dateline=annotation.dateline, title_generated=not annotation.title)
    return Issue(id="annotated", source=span.file, paper=annotation.paper, articles=(article,))


def run(lines: list[str], index: int, step: int) -> list[int]:
    """Line numbers from ``index`` walking by ``step`` up to a heading: a damaged page may move an
    article's tail below the next article, so its start and its end are followed apart."""
    out = []
    while 0 <= index < len(lines) and not (out and is_heading(lines[index])):
        out.append(index)
        index += step
    return out


def is_heading(line: str) -> bool:
    """A marked heading, or a short line that ends no sentence (a title, a kicker)."""
    text = clean(line)
    return line.lstrip().startswith("#") or (0 < len(text) < 40 and not SENTENCE_END.search(text)
                                               and not FIGURE_LABEL.match(text) and not CREDIT.search(text))


def block(text: str) -> Block:
    """A paragraph, or a figure for a numbered photo caption (图①)."""
    if FIGURE_LABEL.match(text):
        return Block("figure", figure=Figure(FIGURE_LABEL.sub("", text)))
    return Block("paragraph", text)


def clean(line: str) -> str:
    return re.sub(r"^#+\s*", "", line.replace("**", "")).strip()


def title_line(lines: list[str], title: str) -> int:
    """The line a heading sits on (titles may be split over lines), or 0 when it is not found."""
    want = norm(title)
    if not want:
        return 0
    for i, line in enumerate(lines):
        here = norm(clean(line))
        if here and (want.endswith(here) or want[:12] in here):
            return i
    return 0


def find_line(lines: list[str], snippet: str, start: int, head: bool) -> int:
    """The line holding ``snippet`` (its first or last ten characters), from ``start`` on."""
    want = norm(snippet)
    want = want[:10] if head else want[-10:]
    for i in range(start, len(lines)):
        if want in norm(clean(lines[i])):
            return i
    raise LookupError(f"{snippet!r} not found")
