"""``build.py add FILE…``: bring new issue files into seeds/ under normalised names.

An exact duplicate (same bytes as an issue already in seeds/) is skipped: nothing
failed, so it is reported with what it matched and adds nothing.  A near duplicate —
most of its articles already in the archive, as when the same page is pasted twice or
re-OCR'd — is refused unless ``--force``.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Collection

from .durable import write_atomically
from .edition.pages import file_page
from .ingest import InputError, discover, ingest
from .model import Issue
from .probes import probes
from .segment import segment
from .slugs import slugify

NEAR_SHARE = 0.5  #: share of articles already present that makes an issue a near duplicate


class AddError(Exception):
    """A file that cannot be added; the message names it."""


@dataclass(frozen=True)
class Added:
    source: Path  #: the file the user named
    target: Path  #: where it now is in seeds/
    articles: int


@dataclass(frozen=True)
class Duplicate:
    """A file skipped because seeds/ (or an earlier file of the same add) has the same bytes."""

    source: Path  #: the file the user named
    matched: Path  #: the file with the same content

    def __str__(self) -> str:
        return f"{self.source}: already in the archive as {self.matched.as_posix()} (same content); nothing added"


def normalised_name(issue: Issue, original: Path) -> str:
    """Date first when known (``2025-04-15-hebei-fazhibao.txt``), else the original stem as ASCII.

    A date the original name already carries (``20250415-…``, ``…_2025.04.15``) is taken out of
    the rest of the name, so it is not printed twice.  A page number it ends in (``rmrb-20200229-08``)
    is kept at the end (``2020-02-29-renminribao-08.txt``): a page with no printed folio is known as
    a page of its edition by that number alone."""
    stem = slugify(issue.paper, 24) if issue.paper else ""
    base = slugify(original.stem, 40) if not re.fullmatch(r"[A-Za-z0-9_.-]+", original.stem) else original.stem
    if issue.date:
        page = file_page(original.name) if stem else 0
        return f"{issue.date}-{stem or without_date(base, issue.date) or 'issue'}{f'-{page:02d}' if page else ''}.txt"
    return f"{base}.txt"


def without_date(name: str, date: str) -> str:
    """``name`` minus ``date`` (``YYYY-MM-DD``) written with any or no separators, and the
    separators left hanging where it was."""
    year, month, day = date.split("-")
    pattern = rf"(?<!\d){year}[-_. ]?{month}[-_. ]?{day}(?!\d)"
    return re.sub(r"[-_. ]{2,}", "-", re.sub(pattern, "", name)).strip("-_. ")


def free_name(seeds: Path, name: str) -> Path:
    path, n = seeds / name, 2
    while path.exists():
        path = seeds / f"{Path(name).stem}-{n}{Path(name).suffix}"
        n += 1
    return path


def add_files(files: list[Path], seeds: Path, known: Collection[str],
              force: bool = False) -> tuple[list[Added], list[Duplicate]]:
    """Check every file against the seeds and ``known``, the probes (:mod:`.probes`) of every
    article of the archive (content/ as it is), first; then copy them all: a refused file adds
    nothing.  Exact duplicates are skipped and returned beside what was added."""
    existing = {hashlib.sha256(p.read_bytes()).hexdigest(): p for p in discover(seeds)} if seeds.exists() else {}
    planned: list[tuple[Path, str, Issue]] = []
    duplicates: list[Duplicate] = []
    for path in files:
        if not path.is_file():
            raise AddError(f"{path}: no such file")
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest in existing:
            duplicates.append(Duplicate(path, existing[digest]))
            continue
        try:
            issue = segment(ingest(path, path.as_posix()))
        except InputError as exc:
            raise AddError(str(exc)) from None
        present = [a for a in issue.articles if probes(a) & known]
        if issue.articles and len(present) / len(issue.articles) > NEAR_SHARE and not force:
            raise AddError(f"{path}: {len(present)} of {len(issue.articles)} articles are already in the archive "
                           f"(a near duplicate); add it anyway with --force")
        existing[digest] = path
        planned.append((path, normalised_name(issue, path), issue))
    seeds.mkdir(parents=True, exist_ok=True)
    added = []
    for path, name, issue in planned:
        target = free_name(seeds, name)
        write_atomically(target, path.read_bytes())  # a kill mid-copy leaves no half issue in seeds/
        added.append(Added(path, target, len(issue.articles)))
    return added, duplicates
