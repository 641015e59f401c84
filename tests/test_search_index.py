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
from dibao.search.layout import bucket_name
from dibao.search.docs import FIELDS
from dibao.search.reference import TokenBuilder, odd_docs
from dibao.search.parts import DIGITS
from dibao.search.shards import CHUNK, RECORDS
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


def _vocab(folder: Path, number: int) -> dict:
    start = read_shard(folder / "manifest.js")["buckets"][number]
    return read_shard(folder / f"v/{bucket_name(start)}.js")


def _entry(folder: Path, kind: str, key: str):
    """A key's entry in the postings (t), gram (g), h or k files, found and merged over the archive's
    and the newest month's files (``rt``…) as the browser does."""
    manifest = read_shard(folder / "manifest.js")
    starts = [utf16_key(s) for s in manifest["buckets"]]
    bucket = max(0, bisect.bisect_right(starts, utf16_key(key[0])) - 1)
    vocab, name = _vocab(folder, bucket), bucket_name(manifest["buckets"][bucket])
    found = []
    for layer in (kind, "n" + kind):
        number = sum(1 for first in vocab[layer] if utf16_key(first) <= utf16_key(key))
        found.append(read_shard(folder / f"{layer}/{name}-{number - 1}.js").get(key) if number else None)
    main, recent = found
    if main is None or recent is None:
        return main or recent
    head = 2 if kind == "t" else 1
    top = min(main, recent)[:2] if kind == "t" else [main[0] + recent[0]]
    return top + sorted(main[head:] + recent[head:], key=lambda piece: piece[0])


def test_manifest_and_vocabulary_shards(tmp_path, small_docs):
    stats = build_search(small_docs, tmp_path, part_key=year_part)
    manifest = read_shard(tmp_path / "manifest.js")
    assert manifest["n"] == stats.docs == len(small_docs)
    assert [p[0] for p in manifest["parts"]] == ["2020", "2021", "2022", "2023", "2024"]
    assert manifest["buckets"] == sorted(manifest["buckets"], key=utf16_key)
    seen = []
    for number, first in enumerate(manifest["buckets"]):
        words = _vocab(tmp_path, number)["w"].split("\n")
        assert all(utf16_key(t[0]) >= utf16_key(first) for t in words), "every term sits in its first character's bucket"
        seen += words
    assert seen == sorted(seen, key=utf16_key) and len(seen) == stats.terms
    assert "𠮷" in seen and "ａｂｃ" in seen


def test_postings_and_field_lengths_agree_with_lunr(tmp_path, small_docs):
    build_search(small_docs, tmp_path, part_key=year_part)
    builder = TokenBuilder()
    for key, docs in ordered_parts(small_docs, year_part):
        for local, doc in enumerate(docs):
            builder.add_doc(f"{key}:{local}", doc)
    manifest = read_shard(tmp_path / "manifest.js")
    keys = [p[0] for p in manifest["parts"]]
    columns = 0
    for term in ("野", "公安", "𠮷", "ａｂｃ", "的"):
        entry = _entry(tmp_path, "t", term)
        ours = {}
        for part, *fields in entry[2:]:
            for (name, _boost), flat in zip(FIELDS, fields):
                if isinstance(flat, str):  # a tf column: one base-64 digit per doc of the part
                    columns += 1
                    ours.update({(name, f"{keys[part]}:{local}"): DIGITS.index(c) for local, c in enumerate(flat) if c != "0"})
                    continue
                local = 0
                for delta, tf in zip(flat[::2], flat[1::2]):
                    local += delta
                    ours[(name, f"{keys[part]}:{local}")] = tf
        theirs = {(name, ref): len(meta["position"]) for name, _b in FIELDS for ref, meta in builder.inverted_index[term][name].items()}
        assert ours == theirs, term
    assert columns, "common terms are written as tf columns"
    stats = read_shard(tmp_path / "s/2020.js")["2020"]
    title = stats["l0"]  # packed column: offset + base-64 digits
    assert title["o"] + DIGITS.index(title["s"][title["w"] - 1]) + (64 * DIGITS.index(title["s"][0]) if title["w"] == 2 else 0) \
        == builder.field_lengths["title/2020:0"]
    assert manifest["sums"][3] == sum(v for k, v in builder.field_lengths.items() if k.startswith("body/"))


def test_grams_hold_positions_and_neighbours(tmp_path, small_docs):
    build_search(small_docs, tmp_path, part_key=year_part)
    count, (part, *fields) = _entry(tmp_path, "g", "野家")[0], _entry(tmp_path, "g", "野家")[1]
    assert count == 2 and part == 0  # doc 0 of part 2020: title 𠮷野家门店…, body 𠮷野家在…
    assert fields == [0, [0, 1, 1], "𠮷门", 3, [0, 1, 1], "𠮷在"]  # title and body; 𠮷 is one code point
    edge = _entry(tmp_path, "g", "𠮷𠮷")  # the body ends with 。𠮷𠮷: punctuation and the end are edges
    assert edge[1][-1] == "  "


def test_changing_one_part_rebuilds_only_that_part(tmp_path, small_docs):
    build_search(small_docs, tmp_path, part_key=year_part)
    before = _tree(tmp_path)
    changed = [dataclasses.replace(d, title=d.title + "新增") if d.id == "odd/2" else d for d in small_docs]
    stats = build_search(changed, tmp_path, part_key=year_part)
    assert stats.rebuilt == ("2021",)
    after = _tree(tmp_path)
    touched = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
    assert touched and all(k.startswith(("p/2021/", "s/2021", ".parts/2021", ".parts/state", ".parts/pinyin", "v/", "t/", "g/", "py/", "manifest.js")) for k in touched)
    assert sum(1 for k in touched if k.startswith(("t/", "g/"))) < 0.2 * sum(1 for k in after if k.startswith(("t/", "g/")))


def test_removed_part_leaves_no_files(tmp_path, small_docs):
    build_search(small_docs, tmp_path, part_key=year_part)
    build_search([d for d in small_docs if d.year != 2021], tmp_path, part_key=year_part)
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


def test_articles_share_files(tmp_path, small_docs):
    """Per part: one stats file, records in groups, bodies in chunks; no file per article."""
    stats = build_search(small_docs, tmp_path, part_key=year_part)
    for key, docs in ordered_parts(small_docs, year_part):
        chars = sum(len(d.body) for d in docs)
        expected = -(-len(docs) // RECORDS) + -(-chars // CHUNK)
        assert len(list((tmp_path / f"p/{key}").iterdir())) == expected
    assert stats.files == sum(1 for p in tmp_path.rglob("*") if p.is_file() and not published_aside(p.relative_to(tmp_path)))


def published_aside(rel: Path) -> bool:
    """Files whoever publishes the folder leaves out: dotfiles and dot-folders (the build cache)."""
    return any(part.startswith(".") for part in rel.parts)


def _published_tree(folder: Path) -> dict[str, str]:
    return {k: v for k, v in _tree(folder).items() if not published_aside(Path(k))}


@pytest.mark.parametrize("heavy", [None, 12])
def test_incremental_builds_equal_a_clean_build(tmp_path, monkeypatch, heavy):
    """Add, edit and remove docs (and whole months) in one folder: every step equals a fresh build.

    With a low ``HEAVY`` many grams have position-free entries, and some become or stop being heavy;
    with a low ``SPLIT_MIN`` their splits come and go as neighbour pairs become or stop being common,
    and with a low ``SPLIT_SUB`` splits become or stop being listed by runs of four characters."""
    if heavy is not None:
        monkeypatch.setattr("dibao.search.build.HEAVY", heavy)
        monkeypatch.setattr("dibao.search.build.SPLIT_MIN", 8)
        monkeypatch.setattr("dibao.search.build.SPLIT_SUB", 20)
        monkeypatch.setattr("dibao.search.build.COUNTED", 10)  # the build never uses SPLIT_SUB below it
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


def test_adding_to_the_newest_month_rewrites_only_its_own_files(tmp_path):
    """The newest month's entries live in ``nt/``, ``ng/``…: an issue added to it leaves the archive's
    postings and gram files alone, and the index still equals a clean build.  An undated part sorts
    after the newest month, so the two layers' pieces interleave by part number."""
    docs = sorted(make_docs(80, seed=11, years=(2023, 2024), chars=300), key=lambda d: (d.date, d.id))
    undated = dataclasses.replace(docs[0], id="x/undated", ref="articles/x/undated.html", date="", year=None)
    newest = docs[-1].date[:7]
    added = [d for d in docs if d.date.startswith(newest)][-2:]
    assert len([d for d in docs if d.date.startswith(newest)]) > len(added)
    before_docs = [d for d in docs if d not in added] + [undated]
    build_search(before_docs, tmp_path / "incremental")
    before = _tree(tmp_path / "incremental")
    stats = build_search(before_docs + added, tmp_path / "incremental")
    after = _tree(tmp_path / "incremental")
    touched = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
    assert stats.rebuilt == (newest,)
    assert any(k.startswith(("nt/", "ng/")) for k in touched)
    assert not [k for k in touched if k.split("/")[0] in ("t", "g", "h", "r", "l")]
    build_search(before_docs + added, tmp_path / "clean")
    assert _published_tree(tmp_path / "incremental") == _published_tree(tmp_path / "clean")
    manifest = read_shard(tmp_path / "clean" / "manifest.js")
    assert [p[0] for p in manifest["parts"]][-2:] == [newest, "undated"]
    term = next(t for t in ("公安", "的", "工作") if t in added[0].body)
    pieces = [piece[0] for piece in _entry(tmp_path / "clean", "t", term)[2:]]
    assert pieces == sorted(pieces) and len(manifest["parts"]) - 2 in pieces


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


def test_a_common_split_lists_docs_alone_and_its_runs_of_four_apart():
    """A common split (``HeavyUpdate.fine``) drops its other side's neighbours, which a run of four
    would scan, and lists each run of four it holds by its own docs: here 矛盾 + 纠 after 生 and 会."""
    from dibao.search.heavy import BODY, heavy_pieces

    # gram 矛盾 in the body of docs 0, 3 and 5: 生矛盾纠 at 2, 会矛盾纠 at 70, 生矛盾纠 at 200, 会矛盾化 at 9
    piece = json.dumps([4, BODY, [0, 1, 2, 3, 2, 9, 61, 2, 1, 200], "生纠会化会纠生纠"], ensure_ascii=False)
    plain = heavy_pieces(piece)
    assert json.loads(plain[1]["纠"]) == [4, BODY, [0, 1, 0, 3, 1, 1, 2, 1, 3], "生会生"]
    fine = heavy_pieces(piece, lambda split, neighbour, other: split == "r" and neighbour == "纠")
    right = {k: json.loads(v) for k, v in fine[1].items()}
    assert right["纠"] == [4, BODY, [0, 0, 0, 3, 0, 1, 2, 0, 3], ""]  # docs alone: no neighbours, first // COARSE
    assert right["纠生"] == [4, BODY, [0, 0, 5, 3], ""] and right["纠会"] == [4, BODY, [3, 1], ""]
    assert right["化"] == [4, BODY, [3, 1, 0], "会"]  # not common: as before
    assert fine[2] == plain[2]
