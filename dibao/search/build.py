"""Entry point: build the sharded search index for a sequence of docs."""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import itertools
import json
import multiprocessing
import os
import pickle
import re
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from dibao.search.docs import FIELDS, SearchDoc
from dibao.search.parts import PartData, build_part, word_patterns
from dibao.search.pinyin import write_pinyin
from dibao.search.runtime import write_runtime
from dibao.search.shards import (
    CHUNK, COUNTED, GRAMS_TARGET, POSTINGS_TARGET, RECORDS, by_bucket, grams_entry, jsonp, postings_entry,
    write_packed, write_part_files, write_text,
)
from dibao.search.tokens import utf16_key
from dibao.textseg import USER_DICT, get_jieba

#: Bump when the shard format or the tokenizer changes, so cached parts are rebuilt.
FORMAT = "dibao-search-3"
#: Target size (characters) of one vocabulary file.
VOCAB_TARGET = 2500
K1, B = 1.2, 0.75
#: Build cache folder inside the build folder (never copied into the site).
CACHE = "parts"


@dataclass(frozen=True)
class SearchStats:
    """What a build did."""

    docs: int  #: articles indexed
    parts: int  #: parts in the index
    rebuilt: tuple[str, ...]  #: keys of the parts whose shards were (re)built
    terms: int  #: distinct terms over the whole archive
    files: int  #: files under out_dir (the build cache aside)
    bytes: int  #: their total size


def year_part(doc: SearchDoc) -> str:
    """Default part key: the year, or ``undated``."""
    return str(doc.year) if doc.year else "undated"


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
    """The dictionary as this process loaded it: a part cached under another one is rebuilt.

    Parts tokenized with different dictionaries would break the promise that
    every vocabulary word is indexed wherever it occurs.
    """
    jieba = get_jieba()
    user = USER_DICT.read_bytes() if USER_DICT.exists() else b""
    return f"{len(jieba.FREQ)} {jieba.total} ".encode() + hashlib.sha256(user).digest()


def _digest(docs: Sequence[SearchDoc]) -> str:
    h = hashlib.sha256(f"{FORMAT} {POSTINGS_TARGET} {GRAMS_TARGET} {COUNTED} {RECORDS} {CHUNK}".encode())
    h.update(_tokenizer_fingerprint())
    for doc in docs:
        h.update(json.dumps(dataclasses.asdict(doc), ensure_ascii=False, sort_keys=True).encode())
    return h.hexdigest()


def _clean(folder: Path, keep: set[Path]) -> None:
    """Remove files a previous build left that this one did not write."""
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_file() and path not in keep:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def _cached(path: Path, digest: str) -> PartData | None:
    try:
        with path.open("rb") as stream:
            stored, part = pickle.load(stream)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
        return None
    return part if stored == digest else None


def _build_one(job: tuple[str, list[SearchDoc]]) -> PartData:
    return build_part(*job)


def _parts(parts: list[tuple[str, list[SearchDoc]]], cache: Path) -> tuple[list[PartData], list[str]]:
    """Every part, from the cache when its docs are unchanged, else built (in parallel)."""
    digests = [_digest(docs) for _key, docs in parts]
    found = [_cached(cache / f"{key}.pickle", d) for (key, _docs), d in zip(parts, digests)]
    todo = [i for i, part in enumerate(found) if part is None]
    jobs = [parts[i] for i in todo]
    workers = min(len(jobs), os.cpu_count() or 1)
    if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        get_jieba(), word_patterns()  # loaded once, shared by the forked workers
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            built = pool.map(_build_one, jobs, chunksize=1)
    else:
        built = [_build_one(job) for job in jobs]
    cache.mkdir(parents=True, exist_ok=True)
    for i, part in zip(todo, built):
        found[i] = part
        with (cache / f"{part.key}.pickle").open("wb") as stream:
            pickle.dump((digests[i], part), stream, protocol=pickle.HIGHEST_PROTOCOL)
    for stale in sorted(cache.glob("*.pickle")):
        if stale.stem not in {key for key, _docs in parts}:
            stale.unlink()
    return found, [parts[i][0] for i in todo]


def _vocab_buckets(terms: list[str], extra: dict[str, int]) -> list[tuple[str, list[str]]]:
    """Terms (UTF-16 order) grouped by first character into buckets of about ``VOCAB_TARGET`` characters.

    ``extra`` is what else a first character adds to its vocabulary file
    (gram counts and file boundaries).

    A character's terms never straddle two buckets, so the browser finds the
    one file for a character by its first character alone.
    """
    buckets: list[tuple[str, list[str]]] = []
    size = 0
    for first, group in itertools.groupby(terms, key=lambda t: t[0]):
        group = list(group)
        cost = sum(len(t) + 1 for t in group) + extra.get(first, 0)
        if not buckets or size + cost > VOCAB_TARGET:
            buckets.append((first, []))
            size = 0
        buckets[-1][1].extend(group)
        size += cost
    return buckets


def build_search(
    docs: Sequence[SearchDoc],
    out_dir: Path,
    *,
    part_key: Callable[[SearchDoc], str] = year_part,
    cache_dir: Path | None = None,
) -> SearchStats:
    """Write the search index for ``docs`` into ``out_dir`` (e.g. ``site/search``).

    Unchanged parts are reused from the previous build in the same folder.
    When the site is rendered into a fresh folder each time, pass a lasting
    ``cache_dir`` (e.g. ``.dibao-cache/search``): the index is built there
    incrementally and copied into ``out_dir``.
    """
    if cache_dir is None:
        return _build(docs, Path(out_dir), part_key)
    stats = _build(docs, Path(cache_dir), part_key)
    _mirror(Path(cache_dir), Path(out_dir))
    return stats


def _mirror(source: Path, target: Path) -> None:
    """Hard-link the built index (not the build cache) into the site; copy where links fail.

    The cache never rewrites a file in place (see :func:`.shards.write_text`), so a linked
    file in a published site keeps its bytes."""
    made: set[Path] = set()
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if not path.is_file() or relative.parts[0] == CACHE or path.name.startswith("."):
            continue
        destination = target / relative
        if destination.parent not in made:
            destination.parent.mkdir(parents=True, exist_ok=True)
            made.add(destination.parent)
        try:
            os.link(path, destination)
        except OSError:
            shutil.copyfile(path, destination)


def _write_keys(out_dir: Path, datas: list[PartData], buckets: list[tuple[str, list[str]]]) -> set[Path]:
    """Vocabulary, postings and gram files, bucket by bucket."""
    starts = [first for first, _terms in buckets]
    grams = by_bucket(set().union(*(d.grams for d in datas)), starts)
    written: set[Path] = set()
    for number, (_first, terms) in enumerate(buckets):
        post_firsts, paths = write_packed(
            out_dir, "t", number, [(t, postings_entry(t, datas)) for t in terms], POSTINGS_TARGET)
        written |= paths
        entries = [(g, *grams_entry(g, datas)) for g in grams[number]]
        gram_firsts, paths = write_packed(out_dir, "g", number, [(g, body) for g, _n, body in entries], GRAMS_TARGET)
        written |= paths
        vocab = {"w": "\n".join(terms), "t": post_firsts, "g": gram_firsts,
                 "c": {g: n for g, n, _body in entries if n > COUNTED}}
        write_text(out_dir / f"v/{number}.js", jsonp(f"v/{number}", vocab))
        written.add(out_dir / f"v/{number}.js")
    return written


def _gram_costs(datas: list[PartData]) -> dict[str, int]:
    """Characters each first character's grams add to its vocabulary file (counts and file starts)."""
    counts: Counter = Counter()
    for data in datas:
        for gram, (count, _fragment) in data.grams.items():
            counts[gram] += count
    costs: Counter = Counter()
    for gram, count in counts.items():
        costs[gram[0]] += (len(gram) + 6 if count > COUNTED else 0) + 4 * (8 * count) // GRAMS_TARGET
    return costs


def _build(docs: Sequence[SearchDoc], out_dir: Path, part_key: Callable[[SearchDoc], str]) -> SearchStats:
    parts = ordered_parts(docs, part_key)
    datas, rebuilt = _parts(parts, out_dir / CACHE)
    terms = sorted(set().union(*(d.postings for d in datas)), key=utf16_key)
    buckets = _vocab_buckets(terms, _gram_costs(datas))
    written = _write_keys(out_dir, datas, buckets)
    for data in datas:
        written |= write_part_files(out_dir, data)
    letters = write_pinyin([d for _, ds in parts for d in ds], out_dir)
    manifest = {
        "format": FORMAT,
        "fields": [list(f) for f in FIELDS],
        "k1": K1,
        "b": B,
        "n": sum(d.n for d in datas),
        "sums": [sum(d.sums[i] for d in datas) for i in range(len(FIELDS))],
        "parts": [[d.key, d.n] for d in datas],
        "buckets": [first for first, _ in buckets],
        "pinyin": letters,
        "counted": COUNTED,
        "records": RECORDS,
        "chunk": CHUNK,
    }
    write_text(out_dir / "manifest.js", jsonp("manifest", manifest))
    write_runtime(out_dir)
    for folder in ("t", "g", "v", "p"):
        if (out_dir / folder).exists():
            _clean(out_dir / folder, written)
    site_files = [p for p in out_dir.rglob("*") if p.is_file() and p.relative_to(out_dir).parts[0] != CACHE]
    return SearchStats(
        docs=manifest["n"],
        parts=len(parts),
        rebuilt=tuple(rebuilt),
        terms=len(terms),
        files=len(site_files),
        bytes=sum(p.stat().st_size for p in site_files),
    )
