"""The search index builder: tokens, term order, shards, manifest, determinism."""
from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

import pytest

from dibao.search import SearchDoc, build_search
from dibao.search.reference import odd_docs
from dibao.search.synthetic import make_docs
from dibao.search.tokens import tokenize, utf16_key
from tests.js_shards import read_shard


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


def test_manifest_and_vocabulary_shards(tmp_path, small_docs):
    stats = build_search(small_docs, tmp_path)
    manifest = read_shard(tmp_path / "manifest.js")
    assert manifest["n"] == stats.docs == len(small_docs)
    assert [p[0] for p in manifest["parts"]] == ["2020", "2021", "2022", "2023", "2024"]
    assert manifest["buckets"] == sorted(manifest["buckets"], key=utf16_key)
    seen = []
    for number, first in enumerate(manifest["buckets"]):
        vocab = read_shard(tmp_path / f"v/{number}.js")
        assert all(t[0] >= first for t in vocab), "every term sits in its first character's bucket"
        seen += list(vocab)
    assert seen == sorted(seen, key=utf16_key) and len(seen) == stats.terms
    assert "𠮷" in seen and "ａｂｃ" in seen


def test_postings_positions_and_lengths_agree(tmp_path, small_docs):
    build_search(small_docs, tmp_path)
    manifest = read_shard(tmp_path / "manifest.js")
    vocab = next(read_shard(p) for p in sorted(tmp_path.glob("v/*.js")) if "野" in read_shard(p))
    where = vocab["野"]
    part = manifest["parts"][where[0]][0]
    post = read_shard(tmp_path / f"p/{part}/t{where[1]}.js")["野"]
    pos = read_shard(tmp_path / f"p/{part}/x{where[2]}.js")["野"]
    title_docs, body_docs = post[1], post[4]
    assert title_docs == [0, 1] and body_docs == [0, 1]  # doc 0 of part 2020: once in title, once in body
    assert pos[0] == [[1]] and pos[3] == [[1]]  # 𠮷 is one code point: 野 starts at 1


def test_changing_one_part_rebuilds_only_that_part(tmp_path, small_docs):
    build_search(small_docs, tmp_path)
    before = _tree(tmp_path)
    changed = [dataclasses.replace(d, title=d.title + "新增") if d.id == "odd/2" else d for d in small_docs]
    stats = build_search(changed, tmp_path)
    assert stats.rebuilt == ("2021",)
    after = _tree(tmp_path)
    touched = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
    assert touched and all(k.startswith(("p/2021/", "v/", "py/", "manifest.js")) for k in touched)


def test_removed_part_leaves_no_files(tmp_path, small_docs):
    build_search(small_docs, tmp_path)
    build_search([d for d in small_docs if d.year != 2021], tmp_path)
    assert not (tmp_path / "p/2021").exists()


def test_bad_part_key_names_the_doc(tmp_path, small_docs):
    with pytest.raises(ValueError, match="part key .a/b."):
        build_search(small_docs, tmp_path, part_key=lambda d: "a/b")


def test_pinyin_index_maps_full_pinyin_and_initials(tmp_path):
    doc = SearchDoc(ref="a.html", id="x/1", title="鄂州警方破获电信诈骗案", regions=("湖北",), themes=("电信网络诈骗",), people=("韩宇",))
    build_search([doc], tmp_path)
    py = {}
    for path in tmp_path.glob("py/*.js"):
        py.update(read_shard(path))
    assert "鄂州" in py["ezhou"] and "电信诈骗" in py["dianxinzhapian"] and "电信诈骗" in py["dxzp"]
    assert "湖北" in py["hubei"] and "韩宇" in py["hanyu"] and "电信网络诈骗" in py["dxwlzp"]


def test_cache_dir_builds_incrementally_and_copies_into_a_fresh_site(tmp_path, small_docs):
    first = build_search(small_docs, tmp_path / "site1/search", cache_dir=tmp_path / "cache")
    second = build_search(small_docs, tmp_path / "site2/search", cache_dir=tmp_path / "cache")
    assert len(first.rebuilt) == first.parts and second.rebuilt == ()
    assert _tree(tmp_path / "site1/search") == _tree(tmp_path / "site2/search")
    assert (tmp_path / "site2/search/search.js").exists() and not list((tmp_path / "site2").rglob("part.json"))
