"""Entry point: build the sharded search index for a sequence of docs."""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from dibao.search.docs import FIELDS, SearchDoc
from dibao.search.parts import build_part
from dibao.search.pinyin import write_pinyin
from dibao.search.runtime import write_runtime
from dibao.search.shards import PIECE, POSITIONS_TARGET, POSTINGS_TARGET, body_pieces, jsonp, write_part, write_text
from dibao.search.tokens import utf16_key
from dibao.textseg import USER_DICT, get_jieba

#: Bump when the shard format or the tokenizer changes, so cached parts are rebuilt.
FORMAT = "dibao-search-2"
#: Target size (characters) of one vocabulary file.
VOCAB_TARGET = 6000
K1, B = 1.2, 0.75


@dataclass(frozen=True)
class SearchStats:
    """What a build did."""

    docs: int  #: articles indexed
    parts: int  #: parts in the index
    rebuilt: tuple[str, ...]  #: keys of the parts whose shards were (re)built
    terms: int  #: distinct terms over the whole archive
    files: int  #: files under out_dir
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
    h = hashlib.sha256(f"{FORMAT} {POSTINGS_TARGET} {POSITIONS_TARGET} {PIECE}".encode())
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
    if folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()


def _part_files(key: str, docs: list[SearchDoc], out_dir: Path) -> tuple[dict, bool]:
    """Build a part, or reuse it when its docs are unchanged. Returns (part info, rebuilt)."""
    info_path = out_dir / f"p/{key}/part.json"
    digest = _digest(docs)
    if info_path.exists():
        info = json.loads(info_path.read_text(encoding="utf-8"))
        if info["digest"] == digest:
            return info, False
    part = build_part(key, docs)
    files = write_part(part, out_dir, f"p/{key}")
    sums = [sum(lengths[i] for lengths in part.lengths) for i in range(len(FIELDS))]
    info = {"digest": digest, "n": len(docs), "sums": sums, "files": files}
    write_text(info_path, json.dumps(info, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    written = {info_path}
    written |= {out_dir / f"p/{key}/t{t}.js" for t, _x in files.values()}
    written |= {out_dir / f"p/{key}/x{x}.js" for _t, x in files.values()}
    written |= {out_dir / f"p/{key}/docs.js", *(out_dir / f"p/{key}/d/{i}.js" for i in range(len(docs)))}
    written |= {out_dir / f"p/{key}/d/{i}-{k}.js" for i, d in enumerate(docs) for k in range(len(body_pieces(d.body)))}
    _clean(out_dir / f"p/{key}", written)
    return info, True


def _vocab_buckets(vocab: dict[str, list[int]]) -> list[tuple[str, dict]]:
    """Terms grouped by first character into files of about ``VOCAB_TARGET`` characters.

    A character's terms never straddle two files, so the browser finds the one
    file for a character by its first character alone.
    """
    buckets: list[tuple[str, dict]] = []
    size = 0
    for first, terms in _by_first_char(sorted(vocab, key=utf16_key)):
        cost = sum(len(t) + 3 * len(vocab[t]) + 4 for t in terms)
        if not buckets or size + cost > VOCAB_TARGET:
            buckets.append((first, {}))
            size = 0
        buckets[-1][1].update((t, vocab[t]) for t in terms)
        size += cost
    return buckets


def _by_first_char(terms: list[str]):
    group: list[str] = []
    for term in terms:
        if group and group[0][0] != term[0]:
            yield group[0][0], group
            group = []
        group.append(term)
    if group:
        yield group[0][0], group


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
    """Copy the built index (not the build cache files) into the site."""
    for path in sorted(source.rglob("*")):
        if path.is_file() and path.name != "part.json":
            write_text(target / path.relative_to(source), path.read_text(encoding="utf-8"))


def _build(docs: Sequence[SearchDoc], out_dir: Path, part_key: Callable[[SearchDoc], str]) -> SearchStats:
    parts = ordered_parts(docs, part_key)
    vocab: dict[str, list[int]] = {}
    manifest_parts, rebuilt, sums = [], [], [0] * len(FIELDS)
    for number, (key, part_docs) in enumerate(parts):
        info, fresh = _part_files(key, part_docs, out_dir)
        if fresh:
            rebuilt.append(key)
        for term, (posts, positions) in info["files"].items():
            vocab.setdefault(term, []).extend((number, posts, positions))
        sums = [a + b for a, b in zip(sums, info["sums"])]
        manifest_parts.append([key, info["n"]])
    keep = {out_dir / f"p/{key}" for key, _ in parts}
    for stale in sorted((out_dir / "p").iterdir()) if (out_dir / "p").exists() else []:
        if stale not in keep:
            _clean(stale, set())
    buckets = _vocab_buckets(vocab)
    written = set()
    for number, (_first, terms) in enumerate(buckets):
        written.add(out_dir / f"v/{number}.js")
        write_text(out_dir / f"v/{number}.js", jsonp(f"v/{number}", terms))
    if (out_dir / "v").exists():
        _clean(out_dir / "v", written)
    letters = write_pinyin([d for _, ds in parts for d in ds], out_dir)
    manifest = {
        "format": FORMAT,
        "fields": [list(f) for f in FIELDS],
        "k1": K1,
        "b": B,
        "n": sum(n for _, n in manifest_parts),
        "sums": sums,
        "parts": manifest_parts,
        "buckets": [first for first, _ in buckets],
        "pinyin": letters,
        "piece": PIECE,
    }
    write_text(out_dir / "manifest.js", jsonp("manifest", manifest))
    write_runtime(out_dir)
    all_files = [p for p in out_dir.rglob("*") if p.is_file()]
    return SearchStats(
        docs=manifest["n"],
        parts=len(parts),
        rebuilt=tuple(rebuilt),
        terms=len(vocab),
        files=len(all_files),
        bytes=sum(p.stat().st_size for p in all_files),
    )
