"""Publishing (issue 17, item 3): the new site is staged whole and swapped in; a failure leaves
``site/`` as it was; trees such as the search index are linked in by hard links, their build
caches (dot-folders) left out; the swap exchanges the two folders in one step (issue 20, "Crash
points": ``renameat2(RENAME_EXCHANGE)``, with two renames where the kernel cannot)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

import dibao.publish.swap as swap
from dibao.publish import MARKER, PublishError, Target, publish, render_key
from dibao.site import SiteConfig, render_site


def publish_site(issues, out: Path, config: SiteConfig = SiteConfig(quiet=True), records: Path | None = None,
                 trees: dict | None = None, **kwargs):
    target = Target(out, records, render_key("settings") if records else "", trees=trees or {})
    return publish(target, lambda folder, last: render_site(issues, folder, config, last.files, last.memo), **kwargs)


def snapshot(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_failed_render_leaves_previous_site_intact(tmp_path, issues):
    out = tmp_path / "site"
    publish_site(issues, out)
    before = snapshot(out)
    broken = tmp_path / "templates"
    for template in SiteConfig().templates_dir.rglob("*.html"):
        target = broken / template.relative_to(SiteConfig().templates_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(template.read_text(encoding="utf-8"), encoding="utf-8")
    (broken / "about.html").write_text("{% extends 'base.html' %}{% block main %}{{ no_such_name }}{% endblock %}")
    with pytest.raises(Exception):
        publish_site(issues, out, SiteConfig(quiet=True, templates_dir=broken))
    assert snapshot(out) == before and (out / MARKER).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "templates"]  # no temp folder left behind


def test_a_tree_is_linked_in_with_its_dot_folders_left_out(tmp_path, issues):
    out, index = tmp_path / "site", tmp_path / "index"
    (index / ".parts").mkdir(parents=True)
    (index / ".parts" / "cache.bin").write_text("build cache, not published")
    (index / "a.js").write_text("one")
    publish_site(issues, out, trees={"search": index}, beside=lambda: (index / "b.js").write_text("two"))
    assert (out / "search" / "a.js").read_text() == "one" and (out / "search" / "b.js").read_text() == "two"
    assert not (out / "search" / ".parts").exists() and (out / "search" / "index.html").is_file()
    assert (out / "search" / "a.js").stat().st_ino == (index / "a.js").stat().st_ino
    (index / "a.js").unlink()
    publish_site(issues, out, trees={"search": index})
    assert not (out / "search" / "a.js").exists() and (out / "search" / "index.html").is_file()


def test_a_tree_may_not_make_a_file_the_render_made(tmp_path, issues):
    index = tmp_path / "index"
    index.mkdir()
    (index / "index.html").write_text("not the search page")
    with pytest.raises(PublishError, match="search/index.html"):
        publish_site(issues, tmp_path / "site", trees={"search": index})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index"]


def test_failing_beside_step_leaves_the_site_intact(tmp_path, issues):
    out, index = tmp_path / "site", tmp_path / "index"
    index.mkdir()
    publish_site(issues, out, trees={"search": index})
    before = snapshot(out)

    def broken():
        raise RuntimeError("search index failed")

    with pytest.raises(RuntimeError):
        publish_site(issues[:1], out, trees={"search": index}, beside=broken)
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index", "site"]


def test_refuses_to_replace_a_folder_that_is_not_a_site(tmp_path, issues):
    precious = tmp_path / "notes"
    precious.mkdir()
    (precious / "keep.txt").write_text("mine")
    with pytest.raises(PublishError, match="not a dibao site"):
        publish_site(issues, precious)
    assert (precious / "keep.txt").read_text() == "mine"


def test_an_unchanged_file_is_the_same_file_in_the_new_site(tmp_path, issues):
    """Kept files are hard links to the old site's: nothing is copied, and the old site's files
    are never written to (a reader of the old site sees it whole until the swap)."""
    out, records = tmp_path / "site", tmp_path / "records"
    publish_site(issues, out, records=records)
    inodes = {p.relative_to(out).as_posix(): p.stat().st_ino for p in out.rglob("*") if p.is_file()}
    stats = publish_site(issues[:2], out, records=records)
    assert 0 < len(stats.staged) < len(stats.manifest)
    kept = [rel for rel in stats.manifest if rel not in stats.staged]
    assert kept and all((out / rel).stat().st_ino == inodes[rel] for rel in kept)
    assert all((out / rel).stat().st_ino != inodes.get(rel) for rel in stats.staged)


def test_a_file_deleted_inside_the_site_by_hand_makes_a_full_render(tmp_path, issues):
    out, records = tmp_path / "site", tmp_path / "records"
    publish_site(issues, out, records=records)
    before = snapshot(out)
    (out / "about" / "index.html").unlink()
    stats = publish_site(issues, out, records=records)
    assert stats.reused == 0 and snapshot(out) == before


def test_exchange_swaps_two_folders_in_one_step(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir(), second.mkdir()
    (first / "one").write_text("1")
    (second / "two").write_text("2")
    if not swap.exchange(first, second):
        pytest.skip("this kernel or file system has no RENAME_EXCHANGE")
    assert [p.name for p in first.iterdir()] == ["two"] and [p.name for p in second.iterdir()] == ["one"]


def test_the_site_never_disappears_during_a_swap(tmp_path, issues, monkeypatch):
    """With the exchange, no rename ever moves ``site/`` away; without it, two renames do."""
    out = tmp_path / "site"
    publish_site(issues, out)
    moved = []
    real = os.replace
    monkeypatch.setattr(swap.os, "replace", lambda a, b: moved.append((Path(a).name, Path(b).name)) or real(a, b))
    publish_site(issues[:1], out)
    assert ("site", "site.dibao-old") not in moved or not exchange_available(tmp_path)
    monkeypatch.setattr(swap, "exchange", lambda first, second: False)
    moved.clear()
    publish_site(issues, out)
    assert ("site", "site.dibao-old") in moved and ("site.dibao-staging", "site") in moved
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def exchange_available(folder: Path) -> bool:
    first, second = folder / "probe-a", folder / "probe-b"
    first.mkdir(), second.mkdir()
    try:
        return swap.exchange(first, second)
    finally:
        first.rmdir(), second.rmdir()


def test_summary_line_and_no_time_in_files(tmp_path, issues):
    stats = publish_site(issues, tmp_path / "site", SiteConfig())
    assert stats.summary().startswith("site: 3 issues, 10 articles") and stats.articles == 10
    assert " s" in stats.summary()
