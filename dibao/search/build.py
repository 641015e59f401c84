"""Entry point: build the search index for a sequence of docs (file layout: README.md)."""
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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Sequence

from dibao import crashpoints, pickled
from dibao.forking import beside, can_fork, forking
from dibao.search.codec import jsonp, json_payload, packed_file, write_text
from dibao.search.counting import MASK, load_word_class, word_patterns
from dibao.search.docs import FIELDS, SearchDoc
from dibao.search.entries import BIG, BIG_TARGET, SHARD_TARGET, KeyFiles, appended, assemble
from dibao.search.parts import TERM, PartData, counted
from dibao.search.pinyin import write_pinyin
from dibao.search.records import EXCERPT_CHARS, doc_stats, excerpt_files, excerpt_starts, stats_group
from dibao.search.runtime import write_runtime
from dibao.textseg import USER_DICT, get_jieba

#: Bump when the file format or the tokenizer changes, so cached parts are counted again.
FORMAT = "dibao-search-13"
K1, B = 1.2, 0.75
#: Build cache folder inside the build folder: a dot-folder, so that whoever publishes the
#: folder leaves it out with the other dotfiles (it is never published).
CACHE = ".parts"
#: The last build's state, in the build cache.
STATE = "state.pickle"
#: Folders of published files this index writes; a build deletes the files of them it did not write.
FOLDERS = ("i", "k", "e", "s", "py")
#: Folders of older formats (and ``parts``, the build cache's name before), deleted when found.
OLD_FOLDERS = ("t", "g", "h", "r", "l", "nt", "ng", "nh", "nr", "nl", "rt", "rg", "rh", "rk", "v", "p", "parts")
#: Docs from which the pinyin index is written in a process of its own while an added issue is counted.
PINYIN_BESIDE_FROM = 200
#: Docs a worker counts in one go at least: each stretch's pieces are merged into its part by this
#: process, at a cost that follows the keys of a stretch, so stretches are as long as the workers allow.
STRETCH = 400


@dataclass(frozen=True)
class SearchStats:
    """What a build did."""

    docs: int  #: articles indexed
    parts: int  #: parts in the index
    rebuilt: tuple[str, ...]  #: keys of the parts whose docs were counted (some or all of them)
    terms: int  #: distinct terms over the whole archive
    folder: Path  #: where the index was built
    written: int = 0  #: published files written (new or changed) or deleted
    counted: int = 0  #: docs counted

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
    """Default part key: the month (``2025-03``), else the year, else ``undated``."""
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
    """jieba's version and the domain dictionary: a doc counted under other ones is counted again."""
    from importlib.metadata import version

    user = USER_DICT.read_bytes() if USER_DICT.exists() else b""
    return f"jieba {version('jieba')} ".encode() + hashlib.sha256(user).digest()


def _version() -> str:
    h = hashlib.sha256(f"{FORMAT} {MASK} {EXCERPT_CHARS} {BIG} {SHARD_TARGET} {BIG_TARGET}".encode())
    h.update(_tokenizer_fingerprint())
    return h.hexdigest()


_FIELD_VALUES = operator.attrgetter(*(f.name for f in dataclasses.fields(SearchDoc)))


def doc_digest(doc: SearchDoc) -> bytes:
    """A doc, field by field: JSON quotes every value, so no two docs read alike."""
    return hashlib.blake2b(json.dumps(_FIELD_VALUES(doc), ensure_ascii=False).encode(), digest_size=16).digest()


@dataclass
class BuildState:
    """What the last build in a folder left (pickled in its build cache)."""

    version: str  #: format, constants and tokenizer: another version means a full build
    parts: list = field(default_factory=list)  #: part keys in index order
    digests: dict = field(default_factory=dict)  #: part key -> its docs' digests, in order
    sums: dict = field(default_factory=dict)  #: part key -> summed field lengths
    stats: dict = field(default_factory=dict)  #: part key -> its docs' stats (``s/<group>``)
    excerpts: dict = field(default_factory=dict)  #: part key -> names of its excerpt files
    pinyin: int = 0  #: number of ``py/`` files
    terms: int = 0  #: distinct terms
    layout: tuple = (1, 1)  #: (shards, big files)


#: The entries and which file holds each key (``entries.KeyFiles``), in the build cache: loaded
#: only by a build that changes something.
KEYS = "keys.pickle"


def build_search(
    docs: Sequence[SearchDoc],
    out_dir: Path,
    *,
    part_key: Callable[[SearchDoc], str] = month_part,
) -> SearchStats:
    """Write the search index for ``docs`` into ``out_dir``: a lasting folder whose files, dotfiles
    and dot-folders aside, are the published ``search/`` folder (its build cache is ``.parts/``).

    The previous build in the same folder is updated in place.  A changed file is replaced (a new
    inode), never rewritten in place, so the folder can be hard-linked into a site.
    """
    return _build(docs, Path(out_dir), part_key)


@contextlib.contextmanager
def _counting(jobs: list[tuple[str, list]]) -> Iterator[Iterator[PartData]]:
    """The runs of docs, counted in forked workers (one per core) while the caller goes on; in order.

    A few docs are counted in this process: forking a big process costs more than it saves."""
    workers = min(len(jobs), os.cpu_count() or 1)
    if workers > 1 and sum(len(docs) for _k, docs in jobs) > 200 and can_fork():
        get_jieba(), word_patterns()  # loaded once, shared by the forked workers
        with forking() as context, context.Pool(workers) as pool:
            yield pool.imap(counted, jobs, chunksize=1)
    else:
        yield map(counted, jobs)


def _plan(state: BuildState, key: str, digests: list[bytes]) -> int | None:
    """How many of a part's first docs the last build counted as they are now (None: the part is new
    or changed otherwise than by docs appended at its end, and is counted again whole)."""
    old = state.digests.get(key)
    if old is None or len(old) > len(digests) or digests[: len(old)] != old:
        return None
    return len(old)


def _count_parts(parts, digests, state: BuildState, cache: Path) -> tuple[dict[str, PartData], dict[str, int], int]:
    """(part key -> its data now, for the parts that changed; part key -> docs kept from the last
    build (0: counted whole); docs counted)."""
    jobs, kept, done = [], {}, {}
    todo = sum(len(docs) - (_plan(state, key, digests[key]) or 0) for key, docs in parts)
    stretch = max(STRETCH, -(-todo // (os.cpu_count() or 1)))
    for key, docs in parts:
        keep = _plan(state, key, digests[key])
        if keep == len(docs):
            continue
        if keep is not None:
            part = pickled.load(cache / f"{key}.pickle")
            keep = keep if isinstance(part, PartData) and part.digests == digests[key][:keep] else None
        if keep is None:
            part, keep = PartData(key), 0
        done[key], kept[key] = part, keep
        pairs = list(zip(digests[key][keep:], docs[keep:]))
        jobs += [(key, pairs[i : i + stretch]) for i in range(0, len(pairs), stretch)]
    if jobs:
        load_word_class(cache)
    with _counting(jobs) as results:
        for (key, _pairs), stretch in zip(jobs, results):
            done[key].extend(stretch)
    return done, kept, sum(len(p) for _k, p in jobs)


def _load_state(cache: Path) -> BuildState:
    state = pickled.load(cache / STATE)
    return state if isinstance(state, BuildState) and state.version == _version() else BuildState(_version())


def _build(docs: Sequence[SearchDoc], out_dir: Path, part_key: Callable[[SearchDoc], str]) -> SearchStats:
    parts = ordered_parts(docs, part_key)
    keys = [key for key, _docs in parts]
    cache = out_dir / CACHE
    for folder in OLD_FOLDERS:
        shutil.rmtree(out_dir / folder, ignore_errors=True)
    state = _load_state(cache)
    if not state.parts:  # a full build: nothing of an older build is kept
        for folder in FOLDERS:
            shutil.rmtree(out_dir / folder, ignore_errors=True)
    digests = {key: [doc_digest(d) for d in part_docs] for key, part_docs in parts}
    docs_of = dict(parts)
    gone = [key for key in state.parts if key not in docs_of]
    rebuilding = not state.parts or bool(gone) or keys[: len(state.parts)] != state.parts \
        or any(_plan(state, k, digests[k]) is None for k in state.parts if k in docs_of)
    fresh = state.parts == keys and all(state.digests[k] == digests[k] for k in keys)
    if fresh and state.pinyin:  # same docs: same pinyin files
        pinyin_call = lambda letters=state.pinyin: (letters, {})  # noqa: E731
    else:
        pinyin_call = lambda: write_pinyin([d for _k, ds in parts for d in ds], cache)  # noqa: E731
    with beside(pinyin_call, "pinyin index", concurrent=not rebuilding and len(docs) >= PINYIN_BESIDE_FROM) as pinyin:
        changed, kept, count = _count_parts(parts, digests, state, cache)
        cache.mkdir(parents=True, exist_ok=True)
        for key, part in changed.items():
            pickled.save(cache / f"{key}.pickle", part)
        files = KeyFiles() if not state.parts or fresh else pickled.load(cache / KEYS)
        if not isinstance(files, KeyFiles):
            files, rebuilding = KeyFiles(), True
        if rebuilding:
            touched = _reassemble(files, keys, changed, cache)
        else:
            touched = set()
            for key, part in changed.items():
                new_keys = part.pieces.keys() if kept[key] == 0 else _keys_after(part, kept[key])
                touched |= appended(files, keys.index(key), part, new_keys)
        if not fresh:
            if files.relayout():
                touched = set(files.members)
            state.layout = (files.shards, files.big)
            state.terms = sum(1 for flags, _entry in files.entries.values() if flags & TERM)
        written = _write_keys(out_dir, files, touched) if not fresh else 0
        if not fresh:  # after the files it describes: a build killed before sees the old entries, and
            pickled.save(cache / KEYS, files)  # writes again what differs from them
    letters, pinyin_files = pinyin.value()
    for key in set(state.parts) - set(keys):
        _drop_part(out_dir, state, key)
    for key, part in changed.items():
        written += _write_part(out_dir, state, key, docs_of[key], part, kept[key])
    written += _write_stats(out_dir, state, keys, set(changed) | (set(state.parts) - set(keys)))
    if pinyin_files:
        written += sum(write_text(out_dir / f"{name}.js", text) for name, text in pinyin_files.items())
        written += _delete_stale(out_dir / "py", {f"{name.split('/')[1]}.js" for name in pinyin_files})
    state.parts, state.digests, state.pinyin = keys, digests, letters
    layout = {"shards": state.layout[0], "big": state.layout[1], "pinyin": letters}
    manifest = _manifest(state, keys, layout)
    written += write_text(out_dir / "manifest.js", jsonp("manifest", manifest))
    written += write_runtime(out_dir, layout)
    crashpoints.reached("search-state")
    if not fresh:
        pickled.save(cache / STATE, state)
    return SearchStats(docs=manifest["n"], parts=len(keys), rebuilt=tuple(k for k in keys if k in changed), terms=state.terms,
                       folder=out_dir, written=written, counted=count)


def _keys_after(part: PartData, kept: int) -> set[str]:
    """Keys whose piece holds a doc numbered ``kept`` or more (the docs just appended)."""
    return {key for key, last in part.lasts.items() if last >= kept}


def _reassemble(old: KeyFiles, keys: list[str], changed: dict[str, PartData], cache: Path) -> set[str]:
    """Every entry again from every part (parts renumbered, removed or counted again whole);
    returns the files whose payload changed."""
    parts = [changed.get(key) or pickled.load(cache / f"{key}.pickle") for key in keys]
    entries = assemble(parts)
    touched = set()
    for key in old.entries.keys() - entries.keys():
        touched |= old.drop(key)
    for key, (flags, entry) in entries.items():
        if old.entries.get(key) != (flags, entry):
            touched |= old.put(key, flags, entry)
    return touched


def _write_keys(out_dir: Path, files: KeyFiles, names: set[str]) -> int:
    written = 0
    for name in sorted(names):
        path = out_dir / f"{name}.js"
        if files.members.get(name):
            written += write_text(path, packed_file(name, files.payload(name)))
        elif path.exists():
            path.unlink()
            written += 1
    for folder in ("i", "k"):
        live = {f"{n.split('/')[1]}.js" for n in files.members if n.startswith(folder + "/") and files.members[n]}
        if names == set(files.members):
            written += _delete_stale(out_dir / folder, live)
    return written


def _delete_stale(folder: Path, live: set[str]) -> int:
    """Delete the files of ``folder`` not in ``live``; how many."""
    gone = 0
    for path in sorted(folder.glob("*.js")) if folder.is_dir() else ():
        if path.name not in live:
            path.unlink()
            gone += 1
    return gone


def _write_part(out_dir: Path, state: BuildState, key: str, docs: list[SearchDoc], part: PartData, kept: int) -> int:
    """A changed part's excerpt files (those from the first changed doc on) and stats."""
    starts = excerpt_starts(docs)
    first = max([s for s in starts if s <= kept] or [0])
    files = excerpt_files(key, docs, [s for s in starts if s >= first])
    written = sum(write_text(out_dir / f"{name}.js", packed_file(name, payload)) for name, payload in files.items())
    names = {f"e/{key}/{s}" for s in starts}
    for stale in set(state.excerpts.get(key, ())) - names:
        (out_dir / f"{stale}.js").unlink(missing_ok=True)
        written += 1
    state.excerpts[key] = sorted(names)
    state.stats[key] = {**doc_stats(docs, part.lengths), "g": starts}
    state.sums[key] = part.sums
    crashpoints.reached("search-part")
    return written


def _drop_part(out_dir: Path, state: BuildState, key: str) -> None:
    shutil.rmtree(out_dir / "e" / key, ignore_errors=True)
    for mapping in (state.excerpts, state.stats, state.sums, state.digests):
        mapping.pop(key, None)
    (out_dir / CACHE / f"{key}.pickle").unlink(missing_ok=True)


def _write_stats(out_dir: Path, state: BuildState, keys: list[str], changed: set[str]) -> int:
    """``s/<group>``: the per-doc stats of each part of a group, for the groups of changed parts."""
    groups: dict[str, list[str]] = {}
    for key in keys:
        groups.setdefault(stats_group(key), []).append(key)
    written = 0
    for group in sorted({stats_group(k) for k in changed}):
        path = out_dir / f"s/{group}.js"
        if group in groups:
            written += write_text(path, packed_file(f"s/{group}", json_payload({k: state.stats[k] for k in groups[group]})))
        elif path.exists():
            path.unlink()
            written += 1
    return written


def _manifest(state: BuildState, keys: list[str], layout: dict) -> dict:
    return {
        "format": FORMAT,
        "fields": [list(f) for f in FIELDS],
        "k1": K1,
        "b": B,
        "n": sum(len(state.digests[k]) for k in keys),
        "sums": [sum(state.sums[k][i] for k in keys) for i in range(len(FIELDS))],
        "parts": [[key, len(state.digests[key]), stats_group(key)] for key in keys],
        "mask": MASK,
        **layout,
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
