"""Writing content/ without losing editors' work.

Issues re-parsed from changed sources are merged field by field with any hand
edits (:mod:`.editmerge`).  Issues whose source did not change are left as
the editor has them; only archive-wide keys (``related``) are refreshed, and
only where the editor did not change them.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path

from .contentio import (ContentError, article_filename, article_front_matter, article_from_text, dump_yaml,
                        parse_front_matter, parse_spans, render_article, render_body, render_issue_index)
from .durable import UndoLog, recover_undo_log
from .editmerge import MISSING, MergeResult, edited_parts, is_edited, merge, record_from, split, value_hash
from .enrich import article_id
from .model import Article, Issue
from .state import STATE_PATH, BuildState, FileRecord, IssueRecord, digest

ARCHIVE_KEYS = ("related",)
#: what changes when an article moves into an edition: no conflict with an editor's change
MOVED_KEYS = {"issue", "order", "page", "page_name", "related"}
UNDO_LOG = Path(".dibao") / "undo"  #: the files a build changed, kept until it commits (:class:`.durable.UndoLog`)


@dataclass
class ContentReport:
    written: list[str] = field(default_factory=list)  #: files written (relative to content/)
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  #: ``path: keys`` where hand edits were kept
    conflicts: list[str] = field(default_factory=list)  #: kept edits whose source changed too
    deleted: list[str] = field(default_factory=list)  #: article files an editor deleted: they stay deleted


class ContentStore:
    def __init__(self, root: Path, state: BuildState):
        self.root, self.state, self.report = root, state, ContentReport()
        #: files :meth:`as_published` read, for :meth:`put_parsed`: an edited one's text, None when
        #: unedited (the merge then takes the new text, and the file need not be read again)
        self.read: dict[Path, str | None] = {}
        #: article id → the record of a file in a folder that goes away, printed from the same lines
        #: (see :meth:`adopt`): its hand edits follow the article into its new folder
        self.moved: dict[str, FileRecord] = {}
        self.listed: dict[Path, dict[str, list[Path]]] = {}  #: article files found per folder, by order
        self.log = UndoLog(root, root / UNDO_LOG)

    @staticmethod
    def recover(root: Path) -> str:
        """Undo the file changes of a build killed before it committed them (see :meth:`commit`)."""
        return recover_undo_log(root, root / UNDO_LOG, root / STATE_PATH)

    def commit(self) -> None:
        """Save state.json: this build's file changes become final with it.  Until then each
        changed file's old version is kept, so a build killed or failed on the way leaves content/
        and state.json as they were (:meth:`rollback`, or the next build's :meth:`recover`)."""
        path = self.root / STATE_PATH
        text = self.state.to_text()
        if self.log.touched or not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.log.commit(path, text)

    def rollback(self) -> None:
        self.log.close()
        self.recover(self.root)

    def write(self, path: Path, text: str) -> None:
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            self.log.replace(path, text)
            self.report.written.append(self.rel(path))

    def remove(self, path: Path) -> None:
        if path.exists():
            self.log.remove(path)
            self.report.removed.append(self.rel(path))

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def put_parsed(self, issue: Issue, key: str, force: bool = False, pages: dict[str, str] | None = None) -> None:
        """A freshly parsed issue: merge each article with the editor's version of it.  An article
        file deleted by hand stays deleted (``force`` brings it back).  With no record of the
        issue (a damaged state), a file that differs from what the parser makes is kept whole.
        ``pages``: an edition's page files (file id → key), for the state."""
        old = None if force else self.state.issues.get(issue.id)
        folder = self.root / issue.id
        self.write(folder / "_index.md", render_issue_index(issue))
        records: dict[str, FileRecord] = {}
        for article in issue.articles:
            aid = article_id(article)
            base = None if force else self.base(old, aid)
            if self.deleted(base):
                records[aid] = base
                continue
            path = self.existing(base) or self.unrecorded(folder, article, old, force) or folder / article_filename(article)
            front, body = article_front_matter(article, issue), render_body(article.body)
            new_text = f"---\n{dump_yaml(front)}---\n\n{body}"
            current = self.current_text(path)
            if base is None and current is not None and current != new_text and not force:
                result = MergeResult(current, kept=["the whole file (no build state records what dibao wrote)"])
            else:
                result = merge(new_text, current, base, str(path))
            moved = base is not None and aid in self.moved and base is self.moved[aid]
            self.note(path, result.kept, [c for c in result.conflicts if not (moved and c in MOVED_KEYS)])
            if not result.kept or path.parent != folder:
                path = folder / article_filename(article)
            self.write(path, result.text)
            records[aid] = record_from(self.rel(path), front, body, new_text)
        self.drop_strays(folder, records, old, unknown=old is None and not force)
        self.state.issues[issue.id] = IssueRecord(issue.source, key, records, dict(pages or {}))

    def base(self, old: IssueRecord | None, aid: str) -> FileRecord | None:
        """What dibao last wrote for article ``aid``: its own record, or one :meth:`adopt` found."""
        found = old.articles.get(aid) if old is not None else None
        return found or self.moved.get(aid)

    def adopt(self, issues: tuple[Issue, ...], leaving: list[str]) -> None:
        """Article files of the folders ``leaving`` (issue ids about to be removed) whose article is
        now in one of ``issues`` under another id: a page's articles gathered into its edition, or a
        content/ written in the layout of an older dibao.  Each is matched with the new article
        printed from most of the same lines of the same file, so its hand edits move with it."""
        printed: dict[str, list[tuple[int, int, FileRecord]]] = {}
        for issue_id in leaving:
            record = self.state.issues.get(issue_id)
            for base in record.articles.values() if record else ():
                for span in self.recorded_sources(base):
                    printed.setdefault(span.file, []).append((span.first, span.last, base))
        taken: set[int] = set()
        for issue in issues:
            own = self.state.issues.get(issue.id)
            for article in issue.articles:
                aid = article_id(article)
                if own is not None and aid in own.articles:
                    continue
                shared = [(min(s.last, last) - max(s.first, first) + 1, base) for s in article.sources
                          for first, last, base in printed.get(s.file, ()) if id(base) not in taken]
                best = max(shared, key=lambda found: found[0], default=(0, None))
                if best[0] > 0:
                    self.moved[aid] = best[1]
                    taken.add(id(best[1]))

    def recorded_sources(self, base: FileRecord) -> tuple:
        """The source spans an article file names (empty when it is gone or unreadable)."""
        path = self.root / base.path
        try:
            front, _ = parse_front_matter(path.read_text(encoding="utf-8"), str(path))
            return parse_spans(front.get("source"))
        except (OSError, ContentError, KeyError, TypeError, ValueError, IndexError):
            return ()

    def deleted(self, base: FileRecord | None) -> bool:
        """Whether the file ``base`` records was deleted by hand (reported; it stays deleted)."""
        if base is None or (self.root / base.path).exists():
            return False
        self.report.deleted.append(base.path)
        return True

    def note_deleted(self, issue_id: str) -> None:
        record = self.state.issues.get(issue_id)
        for base in sorted(record.articles.values(), key=lambda r: r.path) if record else ():
            self.deleted(base)

    def unrecorded(self, folder: Path, article: Article, old: IssueRecord | None, force: bool) -> Path | None:
        """With no record of the issue, the file already in its folder for ``article``'s place
        (its reading order): an editor may have changed it, and without a record nobody can tell."""
        if old is not None or force:
            return None
        if folder not in self.listed:  # listed once: a glob per article was quadratic in a large issue
            by_order: dict[str, list[Path]] = {}
            for path in sorted(folder.glob("*.md")) if folder.is_dir() else ():
                by_order.setdefault(path.name.split("-", 1)[0], []).append(path)
            self.listed[folder] = by_order
        found = self.listed[folder].get(article_filename(article).split("-", 1)[0], [])
        named = folder / article_filename(article)
        return named if named in found else next(iter(found), None)

    def as_published(self, issue: Issue, force: bool = False) -> Issue:
        """A freshly parsed ``issue`` as content/ will hold it once :meth:`put_parsed` has merged
        it: articles whose file has hand edits that will be kept are taken from the merged text
        (so that archive-wide keys such as ``related`` see what readers see), and articles
        deleted by hand are left out."""
        if force:
            return issue
        old = self.state.issues.get(issue.id)
        bases = [self.base(old, article_id(a)) for a in issue.articles]
        articles = tuple(self.merged_article(issue, a, base, old) for a, base in zip(issue.articles, bases)
                         if base is None or (self.root / base.path).exists())
        same = len(articles) == len(issue.articles) and all(a is b for a, b in zip(articles, issue.articles))
        return issue if same else replace(issue, articles=articles)

    def merged_article(self, issue: Issue, article: Article, base: FileRecord | None,
                       old: IssueRecord | None) -> Article:
        path = self.existing(base) or self.unrecorded(self.root / issue.id, article, old, False)
        if path is None:
            return article
        current = path.read_text(encoding="utf-8")
        generated = render_article(article, issue)
        if (base is not None and not is_edited(current, base)) or (base is None and current == generated):
            self.read[path] = None
            return article
        self.read[path] = current
        article_from_text(current, path, issue.id)  # a bad value is reported at its line in the file, not the merge's
        text = merge(generated, current, base, str(path)).text if base is not None else current
        merged = article_from_text(text, path, issue.id)
        return replace(merged, issue=article.issue, order=article.order, slug=article.slug)

    def current_text(self, path: Path) -> str | None:
        """What to merge with: the file's text, or None (no file, or unedited as :meth:`as_published` found)."""
        if path in self.read:
            return self.read.pop(path)
        return path.read_text(encoding="utf-8") if path.exists() else None

    def existing(self, base: FileRecord | None) -> Path | None:
        """The file ``base`` records, when it is still there."""
        path = self.root / base.path if base else None
        return path if path is not None and path.exists() else None

    def note(self, path: Path, kept: list[str], conflicts: list[str]) -> None:
        if kept:
            self.report.kept.append(f"{self.rel(path)}: {', '.join(kept)}")
        if conflicts:
            self.report.conflicts.append(f"{self.rel(path)}: edited {', '.join(kept)}; "
                                         f"the source changed {', '.join(conflicts)}")

    def drop_strays(self, folder: Path, records: dict[str, FileRecord], old: IssueRecord | None,
                    unknown: bool = False) -> None:
        """Article files the issue no longer has; an edited one is kept and reported, and so is
        every one when nothing records what dibao wrote (``unknown``: a damaged state)."""
        live = {r.path for r in records.values()}
        previous = {r.path: r for r in (old.articles.values() if old else ())}
        for path in sorted(folder.glob("*.md")):
            rel = self.rel(path)
            if path.name == "_index.md" or rel in live:
                continue
            base = previous.get(rel)
            if unknown or (base is not None and _edited(path, base)):
                self.report.conflicts.append(f"{rel}: edited, but the parser no longer produces this article; kept")
                continue
            self.remove(path)

    def refresh_archive_keys(self, issue: Issue, changed: set[tuple[str, int]]) -> None:
        """An unchanged issue: update ``related`` where it changed, in files whose editor left it alone."""
        record = self.state.issues.get(issue.id)
        if record is None:
            return
        for article in issue.articles:
            if (article.issue, article.order) not in changed:
                continue
            base = record.articles.get(article_id(article))
            if base is None or not (self.root / base.path).exists():
                continue
            path = self.root / base.path
            current = path.read_text(encoding="utf-8")
            edits = edited_parts(current, base)
            self.note(path, edits, [])
            front, body = split(current)
            for key in ARCHIVE_KEYS:
                if value_hash(front.get(key, MISSING)) != base.fields.get(key, value_hash(MISSING)):
                    continue  # the editor changed it: theirs stands
                value = list(getattr(article, key))
                if value:
                    front[key], base.fields[key] = value, value_hash(value)
                else:
                    front.pop(key, None)
                    base.fields.pop(key, None)
            text = f"---\n{dump_yaml(_ordered(front))}---\n{body if body.startswith(chr(10)) else chr(10) + body}"
            base.text = "" if edits else digest(text)
            self.write(path, text)

    def remove_issue(self, issue_id: str) -> None:
        self.state.issues.pop(issue_id, None)
        folder = self.root / issue_id
        if folder.exists():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    self.remove(path)
            shutil.rmtree(folder)  # the folders left empty


def _edited(path: Path, base: FileRecord) -> bool:
    return is_edited(path.read_text(encoding="utf-8"), base)


def _ordered(front: dict) -> dict:
    from .contentio import ARTICLE_KEYS

    order = {k: i for i, k in enumerate(ARTICLE_KEYS + ("source",))}
    return dict(sorted(front.items(), key=lambda kv: order.get(kv[0], len(order))))
