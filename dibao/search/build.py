"""Entry point: build the sharded search index for a sequence of docs."""
from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import operator
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Sequence

from dibao.search.docs import FIELDS, SearchDoc
from dibao.search.parts import PartData, build_part, load_word_class, word_patterns
from dibao.search.pinyin import write_pinyin
from dibao.search.runtime import write_runtime
from dibao.search.changes import Changes, recent_part, update_keys
from dibao.search.heavy import COARSE
from dibao.search.keyfiles import KINDS, RECENT, RECENT_SHARE, VOCAB_TARGET, KeyState, KeyWriter
from dibao.search.shards import (CHUNK, COUNTED, GRAMS_TARGET, HEAVY, POSTINGS_TARGET, RECORDS, SPLIT_FILE, SPLIT_MIN, SPLIT_SUB, SPLITS_TARGET, jsonp,
                                 write_part_files, write_text)
from dibao import crashpoints, pickled
from dibao.forking import beside, can_fork, forking
from dibao.textseg import USER_DICT, get_jieba

#: Bump when the shard format or the tokenizer changes, so cached parts are rebuilt.
FORMAT = "dibao-search-12"
K1, B = 1.2, 0.75
#: Build cache folder inside the build folder: a dot-folder, so that whoever publishes the
#: folder leaves it out with the other dotfiles (it is never published).
CACHE = ".parts"
#: The last build's state, in the build cache.
STATE = "state.pickle"


@dataclass(frozen=True)
class SearchStats:
    """What a build did."""

    docs: int  #: articles indexed
    parts: int  #: parts in the index
    rebuilt: tuple[str, ...]  #: keys of the parts whose shards were (re)built
    terms: int  #: distinct terms over the whole archive
    folder: Path  #: where the index was built

    @property
    def files(self) -> int:
        """Files under the folder (the build cache aside), counted when asked."""
        return _published(self.folder)[0]

    @property
    def bytes(self) -> int:
        """Their total size."""
        return _published(self.folder)[1]


def year_part(doc: SearchDoc) -> str:
    """Part key by year, or ``undated``."""
    return str(doc.year) if doc.year else "undated"


def month_part(doc: SearchDoc) -> str:
    """Default part key: the month (``2025-03``), else the year, else ``undated``.

    A part is counted again whenever one of its articles changes: a month of a
    daily paper (~300 articles) keeps adding an issue well under a second."""
    if re.match(r"\d{4}-\d{2}", doc.date or ""):
        return doc.date[:7]
    return year_part(doc)


def ordered_parts(docs: Sequence[SearchDoc], part_key: Callable[[SearchDoc], str]) -> list[tuple[str, list[SearchDoc]]]:
    """Parts in key order, docs in (date, id) order: the global index order."""
    parts: dict[str, list[SearchDoc]] = {}
    for doc in docs:
        key = part_key(doc)
        if not re.fullmatch(r"[A-Za-z0-9_-]+", key):
            raise ValueError(f"search part key {key!r} (doc {doc.id}) must be ASCII letters, digits, _ or -")
        parts.setdefault(key, []).append(doc)
    return [(key, sorted(parts[key], key=lambda d: (d.date, d.id))) for key in sorted(parts)]


@functools.lru_cache(maxsize=1)
def _tokenizer_fingerprint() -> bytes:
    """jieba's version and the domain dictionary: a part cached under other ones is rebuilt.

    Parts tokenized with different dictionaries would break the promise that
    every vocabulary word is indexed wherever it occurs.  (Loading jieba to ask
    it would cost a second on builds that tokenize nothing.)
    """
    from importlib.metadata import version

    user = USER_DICT.read_bytes() if USER_DICT.exists() else b""
    return f"jieba {version('jieba')} ".encode() + hashlib.sha256(user).digest()


@dataclass
class BuildState:
    """What the last build in a folder left (pickled in its build cache)."""

    version: str  #: format, constants and tokenizer: another version means a full build
    parts: list  #: (key, digest, docs, summed field lengths) in index order
    part_files: dict  #: part key -> its ``p/`` file paths (relative)
    stats: dict  #: part key -> per-doc stats (``PartData.stats``), written by group into ``s/<group>.js``
    keys: KeyState
    letters: list | None = None  #: pinyin prefixes written (None: not yet)
    recent: str | None = None  #: key of the part whose entries are in the newest-month (``n``) files


#: Docs from which the pinyin index is written in a process of its own when one part is counted.
PINYIN_BESIDE_FROM = 200


def _version() -> str:
    h = hashlib.sha256(f"{FORMAT} {POSTINGS_TARGET} {GRAMS_TARGET} {COUNTED} {RECORDS} {CHUNK} {VOCAB_TARGET} {HEAVY} {COARSE} "
                       f"{SPLITS_TARGET} {SPLIT_MIN} {SPLIT_SUB} {RECENT_SHARE}".encode())
    h.update(_tokenizer_fingerprint())
    return h.hexdigest()


_FIELD_VALUES = operator.attrgetter(*(field.name for field in dataclasses.fields(SearchDoc)))


def _digest(docs: Sequence[SearchDoc]) -> str:
    """A part's docs, field by field: JSON quotes every value, so no two docs read alike
    (and it is twice as fast as the dataclass repr over an archive's bodies)."""
    h = hashlib.sha256()
    for doc in docs:
        h.update(json.dumps(_FIELD_VALUES(doc), ensure_ascii=False).encode())
        h.update(b"\n")
    return h.hexdigest()


def _load_state(cache: Path) -> BuildState | None:
    state = pickled.load(cache / STATE)
    return state if isinstance(state, BuildState) and state.version == _version() else None


def _load_part(cache: Path, key: str) -> PartData | None:
    return pickled.load(cache / f"{key}.pickle")


def _build_one(job: tuple[str, list[SearchDoc]]) -> PartData:
    return build_part(*job)


@contextlib.contextmanager
def _counting(jobs: list[tuple[str, list[SearchDoc]]]) -> Iterator[Iterator[PartData]]:
    """The parts, counted in forked workers (one per core) while the caller goes on; yields them in order.

    One part is counted in this process: forking a big process costs more than it saves."""
    workers = min(len(jobs), os.cpu_count() or 1)
    if workers > 1 and sum(len(docs) for _k, docs in jobs) > 200 and can_fork():
        get_jieba(), word_patterns()  # loaded once, shared by the forked workers
        with forking() as context, context.Pool(workers) as pool:
            yield pool.imap(_build_one, jobs, chunksize=1)
    else:
        yield map(_build_one, jobs)


def _incremental(state: BuildState | None, keys: list[str]) -> bool:
    """Whether the last build can be patched: every part it had keeps its number."""
    if state is None:
        return False
    position = {key: i for i, key in enumerate(keys)}
    return all(position.get(key, i) == i for i, (key, *_rest) in enumerate(state.parts))


def build_search(
    docs: Sequence[SearchDoc],
    out_dir: Path,
    *,
    part_key: Callable[[SearchDoc], str] = month_part,
) -> SearchStats:
    """Write the search index for ``docs`` into ``out_dir``: a lasting folder whose files, dotfiles
    and dot-folders aside, are the published ``search/`` folder (its build cache is ``.parts/``).

    Unchanged parts are reused from the previous build in the same folder.  A changed file is
    replaced (a new inode), never rewritten in place, so the folder can be hard-linked into a site.
    """
    return _build(docs, Path(out_dir), part_key)


class _Indexes:
    """lunr term index of a term in a cached part (needed when a term's first part loses it)."""

    def __init__(self, cache: Path, keys: list[str]):
        self.cache, self.keys, self.loaded = cache, keys, {}

    def __call__(self, number: int, term: str) -> int:
        key = self.keys[number]
        if key not in self.loaded:
            self.loaded[key] = _load_part(self.cache, key)
        return self.loaded[key].postings[term][0]


def _store_part(out_dir: Path, state: BuildState, key: str, part: PartData) -> None:
    """A counted part: cached for the next build, its own files written, its stats kept."""
    cache = out_dir / CACHE
    cache.mkdir(parents=True, exist_ok=True)
    pickled.save(cache / f"{key}.pickle", part)
    written = sorted(str(p.relative_to(out_dir)) for p in write_part_files(out_dir, part))
    for stale in set(state.part_files.get(key, ())) - set(written):
        (out_dir / stale).unlink(missing_ok=True)
    state.part_files[key] = written
    state.stats[key] = part.stats
    crashpoints.reached("search-part")


def _remove_part(out_dir: Path, state: BuildState, key: str) -> None:
    """A part that is gone."""
    shutil.rmtree(out_dir / "p" / key, ignore_errors=True)
    state.part_files.pop(key, None)
    state.stats.pop(key, None)
    (out_dir / CACHE / f"{key}.pickle").unlink(missing_ok=True)


def _build(docs: Sequence[SearchDoc], out_dir: Path, part_key: Callable[[SearchDoc], str]) -> SearchStats:
    parts = ordered_parts(docs, part_key)
    keys = [key for key, _docs in parts]
    digests = [_digest(part_docs) for _key, part_docs in parts]
    cache = out_dir / CACHE
    state = _load_state(cache)
    if not _incremental(state, keys):
        # k: format 8; r…: the newest month's before; parts: the build cache's name before
        for folder in (*KINDS, "k", "rt", "rg", "rh", "rk", "v", "p", "s", "parts"):
            shutil.rmtree(out_dir / folder, ignore_errors=True)
        state = BuildState(_version(), [], {}, {}, KeyState())
    old = {key: (i, digest) for i, (key, digest, *_rest) in enumerate(state.parts)}
    todo = [i for i, key in enumerate(keys) if old.get(key) != (i, digests[i])]
    numbers = {key: i for i, key in enumerate(keys)}
    recent = recent_part(keys)
    changes, rebuilt = Changes(numbers, state.recent, recent), {}
    if todo:
        load_word_class(cache)
    gone = [key for key in old if key not in numbers]
    if todo or gone or state.letters is None:  # same parts, same docs: same pinyin files
        pinyin, pinyin_beside = (lambda: write_pinyin([d for _, ds in parts for d in ds], out_dir, cache)), len(todo) <= 1
    else:
        pinyin, pinyin_beside = (lambda letters=state.letters: letters), False
    # an added issue counts one part here: its pinyin (jieba and pypinyin for new phrases, the
    # phrase counts) is an independent second of work the other core can do meanwhile
    with beside(pinyin, "pinyin index", concurrent=pinyin_beside and len(docs) >= PINYIN_BESIDE_FROM) as letters, \
            _counting([parts[i] for i in todo]) as built:
        for i, data in zip(todo, built):
            changes.take(keys[i], _load_part(cache, keys[i]) if keys[i] in old else None, data)
            _store_part(out_dir, state, keys[i], data)
            rebuilt[keys[i]] = (data.n, data.sums)
    for key in gone:
        changes.take(key, _load_part(cache, key), None)
        _remove_part(out_dir, state, key)
    moved = [key for key in {state.recent, recent} - {keys[i] for i in todo} - set(gone) - {None}
             if state.recent != recent and key in old]
    for key in sorted(moved):
        changes.move(key, _load_part(cache, key))
    state.letters = letters.value()
    dropped = set(todo) | {old[key][0] for key in gone} | {numbers[key] for key in moved}
    writer = KeyWriter(out_dir, state.keys, bulk=not old)
    update_keys(writer, changes, dropped, _Indexes(cache, keys), HEAVY, SPLIT_MIN, _sub_min())  # read here: tests lower them
    buckets = writer.finish()
    _write_stats(out_dir, state, keys, {*rebuilt, *gone})
    rows = {key: row for key, _digest, *row in state.parts}
    rows.update(rebuilt)
    state.parts = [(key, digests[i], *rows[key]) for i, key in enumerate(keys)]
    state.recent = recent
    manifest = _manifest(state, buckets, state.letters)
    write_text(out_dir / "manifest.js", jsonp("manifest", manifest))
    write_runtime(out_dir)
    crashpoints.reached("search-state")
    pickled.save(cache / STATE, state)
    terms = state.keys.sizes["t"].keys() | state.keys.sizes[RECENT + "t"].keys()
    return SearchStats(docs=manifest["n"], parts=len(parts), rebuilt=tuple(rebuilt), terms=len(terms), folder=out_dir)


def stats_group(key: str) -> str:
    """The stats file of a part: its year for monthly parts (one file, not twelve, for a query's facets)."""
    return key[:4] if re.fullmatch(r"\d{4}-\d{2}", key) else key


def _write_stats(out_dir: Path, state: BuildState, keys: list[str], changed: set[str]) -> None:
    """``s/<group>.js``: the per-doc stats of each part of a group, for the groups of changed parts."""
    groups: dict[str, dict] = {}
    for key in keys:
        groups.setdefault(stats_group(key), {})[key] = key
    for group in sorted({stats_group(k) for k in changed}):
        path = out_dir / f"s/{group}.js"
        if group in groups:
            write_text(path, jsonp(f"s/{group}", {k: state.stats[k] for k in groups[group]}))
        else:
            path.unlink(missing_ok=True)


def _sub_min() -> int:
    """``SPLIT_SUB`` as the build and the browser use it: the browser knows the counts above ``COUNTED``
    alone (a test lowers ``SPLIT_SUB`` below it)."""
    return max(SPLIT_SUB, COUNTED)


def _manifest(state: BuildState, buckets: list[str], letters: list[str]) -> dict:
    return {
        "format": FORMAT,
        "fields": [list(f) for f in FIELDS],
        "k1": K1,
        "b": B,
        "n": sum(n for _key, _digest, n, _sums in state.parts),
        "sums": [sum(sums[i] for *_rest, sums in state.parts) for i in range(len(FIELDS))],
        "parts": [[key, n, stats_group(key)] for key, _digest, n, _sums in state.parts],
        "buckets": buckets,
        "pinyin": letters,
        "counted": COUNTED,
        "heavy": HEAVY,
        "split": SPLIT_MIN,
        "splitFile": SPLIT_FILE,
        "sub": _sub_min(),
        "coarse": COARSE,
        "records": RECORDS,
        "chunk": CHUNK,
    }


def _published(out_dir: Path) -> tuple[int, int]:
    """(files, bytes) under out_dir, the build cache and dotfiles aside."""
    files = size = 0
    stack = [entry for entry in os.scandir(out_dir) if entry.name != CACHE]
    while stack:
        entry = stack.pop()
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            stack.extend(os.scandir(entry.path))
        else:
            files += 1
            size += entry.stat().st_size
    return files, size
