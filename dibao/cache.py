"""A local cache that makes rebuilds of a large archive cheap.

It holds what can always be recomputed: the content model of each issue
folder (keyed by the folder's file names, sizes and mtimes) and its articles'
probe hashes (for ``build.py add``), jieba terms by
text hash, the last related-articles result, and the key of the last site
render.  It lives in ``content/.dibao/cache/`` and is never committed; losing
it only costs time.
"""
from __future__ import annotations

import contextlib
import gc
import os
import pickle
import sys
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from typing import Callable, Iterable

from . import pickled
from .contentio import read_article, read_issue
from .enrich.tallies import TermTallies
from .model import Article, Issue
from .probes import issue_probes
from .state import parser_version

CACHE_DIR = Path(".dibao") / "cache"
CACHE_FILE = "model.pickle"
#: The keys of the last site render, apart from the model: they change after the render, and the
#: model (tens of MB) is saved while the search index is still building (see ``pipeline.render``).
SITE_KEYS_FILE = "site-keys.txt"
FORMAT = 2  #: raised whenever what the cache holds changes, so older caches are rebuilt


def folder_fingerprint(folder: Path) -> tuple:
    """(name, size, mtime) of each ``*.md`` file in ``folder``, by name.

    Taken of every issue folder several times a build: plain ``os`` calls instead of
    ``Path.glob`` and a ``Path`` per file halve what that costs on a 1,000-issue archive."""
    try:
        with os.scandir(folder) as entries:
            names = sorted(entry.name for entry in entries if entry.name.endswith(".md"))
    except (FileNotFoundError, NotADirectoryError, PermissionError):  # as glob: no folder, no files
        return ()
    prefix = os.path.join(folder, "")
    return tuple((name, st.st_size, st.st_mtime_ns) for name in names for st in [os.stat(prefix + name)])


@contextlib.contextmanager
def collector_paused():
    """Unpickling a large archive creates millions of objects, and the cyclic garbage collector
    walked them all again and again: loading took three times as long with it running.

    What was made meanwhile is then frozen (:func:`gc.freeze`): the issue models hold no
    reference cycles, so the collector has nothing to find among them, yet walked them once
    more right after each folder was decoded (a second on a 1,000-issue archive).  Frozen
    objects are still freed as usual when nothing refers to them any more."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


@dataclass
class BuildCache:
    """Everything here can be recomputed; losing it costs time only.

    Each issue folder is stored as one pickled blob (the issue and its article files' sizes,
    mtimes and models), decoded on first use: saving re-encodes only the folders that changed,
    and loading is one small unpickle instead of millions of objects."""

    version: str = ""
    issues: dict[str, tuple[tuple, bytes]] = field(default_factory=dict)  #: id → (fingerprint, blob)
    #: id → probe hashes of its articles (:mod:`.probes`), for the fingerprint in :attr:`issues`
    probes: dict[str, frozenset[str]] = field(default_factory=dict)
    terms: dict[str, str] = field(default_factory=dict)  #: text hash → jieba terms, joined
    related_key: str = ""
    related: dict[str, tuple[str, ...]] = field(default_factory=dict)
    site_key: str = ""
    render_key: str = ""  #: templates, static files, render code and site settings of the last render
    loaded_signature: str = ""
    loaded_site_keys: str = ""  #: :data:`SITE_KEYS_FILE` as loaded (saving it again is skipped when equal)
    changed_on_disk: set[str] = field(default_factory=set)  #: folders re-read this build (edited or new)
    #: folders whose files this run found as :attr:`issues` records them (never saved): they are
    #: not listed again until :meth:`distrust` says the build wrote into them
    verified: set[str] = field(default_factory=set)
    decoded: dict[str, Folder] = field(default_factory=dict)  #: blobs decoded this run (never saved)
    #: the related stage's term counts by terms key (:mod:`.enrich.tallies`)
    tallies: TermTallies = field(default_factory=TermTallies)
    #: id → (folder fingerprint, what :meth:`article_keys` made of each article of the folder's issue)
    article_memo: dict[str, tuple[tuple, tuple]] = field(default_factory=dict)

    def __getstate__(self) -> dict:
        return {**self.__dict__, "decoded": {}, "changed_on_disk": set(), "verified": set(), "loaded_signature": "",
                "site_key": "", "render_key": "", "loaded_site_keys": ""}

    def __setstate__(self, state: dict) -> None:
        # a cache saved before a field was added lacks it: the field starts empty
        self.__dict__.update({f.name: f.default if f.default_factory is MISSING else f.default_factory()
                              for f in fields(BuildCache)})
        self.__dict__.update(state)

    @staticmethod
    def current_version() -> str:
        return f"{parser_version()}-{sys.version_info[:2]}-f{FORMAT}"

    @classmethod
    def load(cls, content_dir: Path) -> "BuildCache":
        path = content_dir / CACHE_DIR / CACHE_FILE
        gc.unfreeze()  # what an earlier build in this process (serve) froze and dropped is
        gc.collect()  # freed now instead of being frozen again below
        try:
            with path.open("rb") as handle, collector_paused():
                cache = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return cls(version=cls.current_version())
        if not isinstance(cache, cls) or cache.version != cls.current_version():
            return cls(version=cls.current_version())
        cache.loaded_signature = cache.signature()
        try:
            cache.site_key, cache.render_key = (path.parent / SITE_KEYS_FILE).read_text(encoding="ascii").split()
        except (OSError, ValueError, UnicodeDecodeError):
            pass  # no render recorded: the site is rendered afresh
        cache.loaded_site_keys = cache.site_keys_text()
        return cache

    def site_keys_text(self) -> str:
        return f"{self.site_key} {self.render_key}\n" if self.site_key and self.render_key else ""

    def save(self, content_dir: Path) -> None:
        """Write the cache, but only when it changed: a no-op build writes nothing at all."""
        folder = content_dir / CACHE_DIR
        folder.mkdir(parents=True, exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("*\n", encoding="utf-8")
        target = folder / CACHE_FILE
        if not (target.exists() and self.signature() == self.loaded_signature):
            pickled.save(target, self, point="build-cache")
            self.loaded_signature = self.signature()
        keys = self.site_keys_text()
        if keys != self.loaded_site_keys or (keys and not (folder / SITE_KEYS_FILE).exists()):
            temp = folder / f"{SITE_KEYS_FILE}.tmp"
            temp.write_text(keys, encoding="ascii")
            temp.replace(folder / SITE_KEYS_FILE)
            self.loaded_site_keys = keys

    def signature(self) -> str:
        """What changed since loading (pickled bytes are not stable enough to compare)."""
        fingerprints = sorted((k, v[0]) for k, v in self.issues.items())
        return repr((fingerprints, len(self.terms), self.related_key))

    def folder(self, name: str) -> Folder | None:
        if name not in self.decoded and name in self.issues:
            with collector_paused():
                self.decoded[name] = pickle.loads(self.issues[name][1])
        return self.decoded.get(name)

    def article_keys(self, issue: Issue, make: Callable[[Article], tuple]) -> tuple[tuple, ...]:
        """``make(article)`` for each article of ``issue``, kept while its folder stays as cached:
        ``issue`` must be the very model this cache decoded or read for the folder (else nothing
        is kept).  ``make`` must depend on the article alone and change only with the cache
        version (see :func:`.enrich.article_keys`)."""
        folder = self.decoded.get(issue.id)
        if folder is None or folder.issue is not issue or issue.id not in self.issues:
            return tuple(make(a) for a in issue.articles)
        fingerprint = self.issues[issue.id][0]
        known = self.article_memo.get(issue.id)
        if known is None or known[0] != fingerprint:
            known = self.article_memo[issue.id] = (fingerprint, tuple(make(a) for a in issue.articles))
        return known[1]

    def read_issue(self, folder: Path) -> Issue:
        """The issue in ``folder``, from the cache when no file in it changed; when some did,
        only those article files are read again."""
        if folder.name in self.verified and folder.name in self.issues:
            return self.folder(folder.name).issue
        fingerprint = folder_fingerprint(folder)
        hit = self.issues.get(folder.name)
        if hit and hit[0] == fingerprint:
            self.verified.add(folder.name)
            return self.folder(folder.name).issue
        before = self.folder(folder.name)
        stats = {name: (size, mtime) for name, size, mtime in fingerprint}  # stat once: the fingerprint has it
        files: dict[str, tuple[int, int, Article]] = {}

        def reader(path: Path, issue_id: str) -> Article:
            if path.name not in stats:  # appeared after the fingerprint was taken
                stat = path.stat()
                stats[path.name] = (stat.st_size, stat.st_mtime_ns)
            known = before.files.get(path.name) if before else None
            same = known is not None and known[:2] == stats[path.name] and known[2].issue == issue_id
            files[path.name] = known if same else (*stats[path.name], read_article(path, issue_id))
            return files[path.name][2]

        issue = read_issue(folder, reader)
        self.decoded[folder.name] = Folder(issue, files)
        self.issues[folder.name] = (fingerprint, pickle.dumps(self.decoded[folder.name], protocol=pickle.HIGHEST_PROTOCOL))
        self.probes[folder.name] = issue_probes(issue)
        self.changed_on_disk.add(folder.name)
        self.verified.add(folder.name)
        return issue

    def distrust(self, names: Iterable[str]) -> None:
        """The build wrote into (or removed) these folders: list their files again when next read."""
        self.verified.difference_update(names)

    def archive_probes(self, content_dir: Path) -> set[str]:
        """The probes of every article in content/, as :meth:`read_archive` would read it; only
        folders changed since they were cached are decoded or read again."""
        known: set[str] = set()
        for folder in self.live_folders(content_dir):
            hit = self.issues.get(folder.name)
            if folder.name in self.verified and hit and folder.name in self.probes:
                pass
            elif hit and folder.name in self.probes and hit[0] == folder_fingerprint(folder):
                self.verified.add(folder.name)
            else:
                self.probes[folder.name] = issue_probes(self.read_issue(folder))
            known |= self.probes[folder.name]
        return known

    def live_folders(self, content_dir: Path) -> list[Path]:
        """The issue folders of content/, sorted; what the cache holds of any other is dropped."""
        folders = sorted(p.parent for p in content_dir.glob("*/_index.md"))
        live = {f.name for f in folders}
        self.issues = {k: v for k, v in self.issues.items() if k in live}
        self.probes = {k: v for k, v in self.probes.items() if k in live}
        self.decoded = {k: v for k, v in self.decoded.items() if k in live}
        self.verified &= live
        self.article_memo = {k: v for k, v in self.article_memo.items() if k in live}
        return folders

    def folders_unchanged(self, content_dir: Path) -> bool:
        """content/ holds exactly the issue folders last read, every file as it was (sizes, mtimes)."""
        folders = sorted(p.parent for p in content_dir.glob("*/_index.md"))
        return {f.name for f in folders} == set(self.issues) and all(
            self.issues[f.name][0] == folder_fingerprint(f) for f in folders)

    def read_archive(self, content_dir: Path) -> tuple[Issue, ...]:
        issues = [self.read_issue(f) for f in self.live_folders(content_dir)]
        return tuple(sorted(issues, key=lambda i: (i.date or str(i.year or ""), i.id)))


@dataclass(frozen=True)
class Folder:
    """One issue folder as last read: the issue, and each article file's size, mtime and model."""

    issue: Issue
    files: dict[str, tuple[int, int, Article]]
