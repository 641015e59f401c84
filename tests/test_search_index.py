"""The search index builder: tokens, term order, shards, manifest, determinism."""
from __future__ import annotations

import bisect
import dataclasses
import hashlib
import json
import os
from pathlib import Path

import pytest

from dibao.search import SearchDoc, build_search
from dibao.search.build import ordered_parts, year_part
from dibao.search.counting import count_doc
from dibao.search.docs import FIELDS
from dibao.search.entries import big_of, shard_of
from dibao.search.records import DIGITS, EXCERPT_CHARS
from dibao.search.reference import TokenBuilder, odd_docs
from dibao.search.synthetic import make_docs
from dibao.search.tokens import tokenize, utf16_key
from tests.js_shards import read_entry, read_json, read_keys, read_shard


def test_tokens_cover_every_character_and_every_dictionary_word():
    tokens = tokenize("鄂州市公安局破获电信诈骗案")
    terms = {t.term for t in tokens}
    assert {"鄂州", "鄂州市", "公安", "公安局", "电信", "诈骗"} <= terms
    assert all(c in terms for c in "鄂州市公安局破获电信诈骗案")
    assert ("公安", 3) in tokens  # offsets count code points


def test_punctuation_never_becomes_a_token():
    tokens = tokenize("食品安全*检查+通过:c++ a.b “引号”、。!?——…")
    assert tokens and all(any(ch.isalnum() for ch in t.term) for t in tokens)
    assert {t.term for t in tokens} >= {"c", "a", "b", "引号"}


def test_latin_digits_and_fullwidth_form_lowercased_runs():
    tokens = tokenize("ＡＢＣ１２３ GDP增长 𠮷野家")
    assert tokens[0] == ("ａｂｃ１２３", 0)
    assert ("gdp", 7) in tokens
    assert ("𠮷", 13) in tokens


def test_utf16_order_differs_from_code_point_order():
    terms = ["𠮷", "ｆ", "鄂", "a"]
    assert sorted(terms) == ["a", "鄂", "ｆ", "𠮷"]
    assert sorted(terms, key=utf16_key) == ["a", "鄂", "𠮷", "ｆ"]


@pytest.fixture(scope="module")
def small_docs() -> list[SearchDoc]:
    return make_docs(40, seed=3, years=(2023, 2024)) + odd_docs()


def _tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical_whatever_the_input_order(tmp_path, small_docs):
    build_search(small_docs, tmp_path / "a")
    build_search(list(reversed(small_docs)), tmp_path / "b")
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")


def _entry(folder: Path, key: str):
    """A key's (flags, entry) as the browser finds it: in its shard, or in its ``k/`` file."""
    manifest = read_shard(folder / "manifest.js")
    if len(key) > 1:
        found = read_keys(folder / f"i/{shard_of(key, manifest['shards'])}.js").get(key)
        if found is None or found[1] is not None:
            return found
    return read_keys(folder / f"k/{big_of(key, manifest['big'])}.js").get(key)


def test_manifest_and_key_files(tmp_path, small_docs):
    stats = build_search(small_docs, tmp_path, part_key=year_part)
    manifest = read_shard(tmp_path / "manifest.js")
    assert manifest["n"] == stats.docs == len(small_docs)
    assert [p[0] for p in manifest["parts"]] == ["2020", "2021", "2022", "2023", "2024"]
    terms = set()
    for path in sorted(tmp_path.glob("i/*.js")):
        for key, (flags, _entry) in read_keys(path).items():
            assert len(key) > 1 and f"i/{shard_of(key, manifest['shards'])}.js" == path.relative_to(tmp_path).as_posix()
            terms |= {key} if flags & 1 else set()
    for path in sorted(tmp_path.glob("k/*.js")):
        for key, (flags, _entry) in read_keys(path).items():
            assert f"k/{big_of(key, manifest['big'])}.js" == path.relative_to(tmp_path).as_posix()
            terms |= {key} if flags & 1 else set()
    assert len(terms) == stats.terms and {"𠮷", "ａｂｃ", "公安"} <= terms
    assert f'"shards": {manifest["shards"]}' in (tmp_path / "search.js").read_text(encoding="utf-8")


def test_postings_and_field_lengths_agree_with_lunr(tmp_path, small_docs):
    build_search(small_docs, tmp_path, part_key=year_part)
    builder = TokenBuilder()
    for key, docs in ordered_parts(small_docs, year_part):
        for local, doc in enumerate(docs):
            builder.add_doc(f"{key}:{local}", doc)
    manifest = read_shard(tmp_path / "manifest.js")
    keys = [p[0] for p in manifest["parts"]]
    for term in ("野", "公安", "𠮷", "ａｂｃ", "的"):
        _head, hits = read_entry(*_entry(tmp_path, term))
        ours = {(FIELDS[f][0], f"{keys[part]}:{local}"): tf for (part, local, f), (tf, _mask) in hits.items() if tf}
        theirs = {(name, ref): len(meta["position"]) for name, _b in FIELDS for ref, meta in builder.inverted_index[term][name].items()}
        assert ours == theirs, term
    stats = read_json(tmp_path / "s/2020.js")["2020"]
    title = stats["l0"]  # packed column: offset + base-64 digits
    assert title["o"] + DIGITS.index(title["s"][title["w"] - 1]) + (64 * DIGITS.index(title["s"][0]) if title["w"] == 2 else 0) \
        == builder.field_lengths["title/2020:0"]
    assert manifest["sums"][3] == sum(v for k, v in builder.field_lengths.items() if k.startswith("body/"))


def test_grams_hold_position_masks(tmp_path, small_docs):
    build_search(small_docs, tmp_path, part_key=year_part)
    _head, hits = read_entry(*_entry(tmp_path, "野家"))
    # doc 0 of part 2020: title 𠮷野家门店… (野家 at 1), body 𠮷野家在… (at 1); 𠮷 is one code point
    assert hits == {(0, 0, 0): (None, 1 << 1), (0, 0, 3): (None, 1 << 1)}
    _head, hits = read_entry(*_entry(tmp_path, "𠮷𠮷"))  # the body ends with 。𠮷𠮷 at 26
    assert hits == {(0, 0, 3): (None, 1 << (26 % 8))}


def test_changing_one_part_rebuilds_only_that_part(tmp_path, small_docs):
    build_search(small_docs, tmp_path, part_key=year_part)
    before = _tree(tmp_path)
    changed = [dataclasses.replace(d, title=d.title + "新增") if d.id == "odd/2" else d for d in small_docs]
    stats = build_search(changed, tmp_path, part_key=year_part)
    assert stats.rebuilt == ("2021",)
    after = _tree(tmp_path)
    touched = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
    assert touched and all(k.startswith(("e/2021/", "s/2021", ".parts/", "i/", "k/", "py/", "manifest.js", "search.js")) for k in touched), sorted(touched)


def test_removed_part_leaves_no_files(tmp_path, small_docs):
    build_search(small_docs, tmp_path, part_key=year_part)
    build_search([d for d in small_docs if d.year != 2021], tmp_path, part_key=year_part)
    assert not (tmp_path / "e/2021").exists() and not (tmp_path / "s/2021.js").exists()


def test_bad_part_key_names_the_doc(tmp_path, small_docs):
    with pytest.raises(ValueError, match="part key .a/b."):
        build_search(small_docs, tmp_path, part_key=lambda d: "a/b")


def test_pinyin_index_maps_full_pinyin_and_initials(tmp_path):
    doc = SearchDoc(ref="a.html", id="x/1", title="鄂州警方破获电信诈骗案", regions=("湖北",), themes=("电信网络诈骗",), people=("韩宇",))
    build_search([doc], tmp_path)
    py = {}
    for path in tmp_path.glob("py/*.js"):
        py.update(read_json(path))
    assert "鄂州" in py["ezhou"] and "电信诈骗" in py["dianxinzhapian"] and "电信诈骗" in py["dxzp"]
    assert "湖北" in py["hubei"] and "韩宇" in py["hanyu"] and "电信网络诈骗" in py["dxwlzp"]


def test_articles_share_excerpt_files(tmp_path, small_docs):
    """Per part: excerpt files of consecutive docs, each doc's record and whole body; no file per article."""
    stats = build_search(small_docs, tmp_path, part_key=year_part)
    for key, docs in ordered_parts(small_docs, year_part):
        starts = read_json(tmp_path / f"s/{key}.js")[key]["g"]
        assert sorted(int(p.stem) for p in (tmp_path / f"e/{key}").iterdir()) == starts
        rows = [row for start in starts for row in read_json(tmp_path / f"e/{key}/{start}.js", "utf-16-le")]
        assert rows == [[d.id, d.ref, d.title, d.date, d.body or d.summary] for d in docs]
        sizes = [sum(len(d.body) + len(d.title) + 20 for d in docs[a:b]) for a, b in zip(starts, starts[1:])]
        assert all(size >= EXCERPT_CHARS for size in sizes)
    assert stats.files == sum(1 for p in tmp_path.rglob("*") if p.is_file() and not published_aside(p.relative_to(tmp_path)))


def published_aside(rel: Path) -> bool:
    """Files whoever publishes the folder leaves out: dotfiles and dot-folders (the build cache)."""
    return any(part.startswith(".") for part in rel.parts)


def _published_tree(folder: Path) -> dict[str, str]:
    return {k: v for k, v in _tree(folder).items() if not published_aside(Path(k))}


@pytest.mark.parametrize("small", [False, True])
def test_incremental_builds_equal_a_clean_build(tmp_path, monkeypatch, small):
    """Add, edit and remove docs (and whole months) in one folder: every step equals a fresh build.

    With small targets, entries move between shards and ``k/`` files and the file counts change."""
    if small:
        monkeypatch.setattr("dibao.search.entries.BIG", 40)
        monkeypatch.setattr("dibao.search.entries.SHARD_TARGET", 2000)
        monkeypatch.setattr("dibao.search.entries.BIG_TARGET", 3000)
    docs = make_docs(120, seed=5, years=(2023, 2024), chars=300)
    late = sorted(docs, key=lambda d: (d.date, d.id))
    steps = [
        late[:-10],  # the last ten (a new month or two at the end) are added next
        late,
        [dataclasses.replace(d, body=d.body + "鄂州新增词", title="改" + d.title) if i % 17 == 3 else d for i, d in enumerate(late)],
        [d for i, d in enumerate(late) if i % 2 or not d.date.startswith(late[0].date[:7])],  # terms leave their first part
        [d for d in late if not d.date.startswith(late[0].date[:7])],  # the first month disappears: parts renumber
        [d for d in late if d.date[:7] != late[60].date[:7]],  # a month in the middle disappears
        late[:-10],
    ]
    for number, step in enumerate(steps):
        build_search(step, tmp_path / "incremental")
        build_search(step, tmp_path / f"clean{number}")
        assert _published_tree(tmp_path / "incremental") == _published_tree(tmp_path / f"clean{number}"), number


def test_noop_build_touches_no_published_file(tmp_path, small_docs):
    """Same docs again: every published file keeps its inode and mtime (the site links by inode)."""
    def marks():
        return {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in tmp_path.rglob("*")
                if p.is_file() and not published_aside(p.relative_to(tmp_path))}
    build_search(small_docs, tmp_path)
    before = marks()
    stats = build_search(list(reversed(small_docs)), tmp_path)
    assert stats.rebuilt == () and marks() == before


def test_adding_to_the_newest_month_counts_only_the_new_docs(tmp_path):
    """Docs added at the end of their month are counted alone and appended to the pieces of the keys
    they hold: the key files they do not touch, the month's earlier excerpt files and the other parts'
    files stay as they were, and the index equals a clean build."""
    docs = sorted(make_docs(80, seed=11, years=(2023, 2024), chars=300), key=lambda d: (d.date, d.id))
    newest = docs[-1].date[:7]
    added = [d for d in docs if d.date.startswith(newest)][-2:]
    before_docs = [d for d in docs if d not in added]
    build_search(before_docs, tmp_path / "incremental")
    before = _tree(tmp_path / "incremental")
    stats = build_search(before_docs + added, tmp_path / "incremental")
    after = _tree(tmp_path / "incremental")
    touched = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
    assert stats.rebuilt == (newest,) and stats.counted == 2
    assert not [k for k in touched if k.startswith("e/") and not k.startswith(f"e/{newest}/")]
    manifest = read_shard(tmp_path / "incremental" / "manifest.js")
    held = set().union(*({*c.terms, *c.grams} for c in map(count_doc, added)))
    mine = {f"i/{shard_of(k, manifest['shards'])}.js" for k in held if len(k) > 1} | {f"k/{big_of(k, manifest['big'])}.js" for k in held}
    assert {k for k in touched if k.startswith(("i/", "k/"))} <= mine
    build_search(before_docs + added, tmp_path / "clean")
    assert _published_tree(tmp_path / "incremental") == _published_tree(tmp_path / "clean")


def test_pinyin_written_beside_the_key_files_equals_a_clean_build(tmp_path, monkeypatch):
    """When one part is counted (an issue added), the pinyin index is written by a forked process
    while this one updates the key files; the result is the same index."""
    from dibao.search import build

    monkeypatch.setattr(build, "PINYIN_BESIDE_FROM", 0)
    real = build.write_pinyin
    marker = tmp_path / "pinyin-pids"

    def recording(*args, **kwargs):
        with marker.open("a", encoding="utf-8") as out:
            out.write(f"{os.getpid()}\n")
        return real(*args, **kwargs)

    monkeypatch.setattr(build, "write_pinyin", recording)
    docs = sorted(make_docs(60, seed=12, years=(2024,), chars=200), key=lambda d: (d.date, d.id))
    build_search(docs[:-3], tmp_path / "incremental")
    build_search(docs, tmp_path / "incremental")
    pids = [int(line) for line in marker.read_text(encoding="utf-8").split()]
    assert pids[0] == os.getpid() and pids[1] != os.getpid()  # a full build counts every part: no fork
    build_search(docs, tmp_path / "clean")
    assert _published_tree(tmp_path / "incremental") == _published_tree(tmp_path / "clean")
    assert (tmp_path / "incremental" / "py").is_dir()
