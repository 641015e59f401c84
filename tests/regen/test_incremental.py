"""Regeneration: issues arrive, editors fix articles, issues go away — lists and edits stay right."""
import shutil
from pathlib import Path

import pytest

from dibao.config import load_config
from dibao.contentio import read_content
from dibao.pipeline import build
from dibao.parsing import BuildError

SAMPLES = ["000_80dad41c4292ae7e.txt", "001_f9f47dea094d4ac6.txt", "004_8b1d6b65a05df4bf.txt"]


@pytest.fixture()
def project(root, tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in SAMPLES[:2]:
        shutil.copy(root / "seeds" / name, seeds / name)
    config = load_config(root, seeds=str(seeds), content=str(tmp_path / "content"), out=str(tmp_path / "site"),
                         quiet=True)
    build(config, root=tmp_path)
    return config, tmp_path


def snapshot(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def article_file(content: Path, issue_prefix: str, order: int) -> Path:
    return next((content).glob(f"{issue_prefix}*/{order:02d}-*.md"))


def test_noop_rebuild_writes_nothing(project):
    config, _ = project
    before = snapshot(config.content)
    report = build(config)
    assert report.parsed == 0 and report.content.written == [] and report.content.removed == []
    assert snapshot(config.content) == before


def test_adding_an_issue_parses_only_it_and_updates_archive_lists(project, root):
    config, _ = project
    shutil.copy(root / "seeds" / SAMPLES[2], config.seeds / SAMPLES[2])
    report = build(config)
    assert report.parsed == 1 and report.issues == 3
    issues = read_content(config.content)
    assert [i.source.split("/")[-1] for i in sorted(issues, key=lambda i: i.id)] == sorted(SAMPLES)
    ids = {f"{i.id}/{a.order:02d}" for i in issues for a in i.articles}
    for issue in issues:
        for article in issue.articles:
            assert set(article.related) <= ids
    new_ids = {f"{i.id}/{a.order:02d}" for i in issues if i.source.endswith(SAMPLES[2]) for a in i.articles}
    old_related = {r for i in issues if not i.source.endswith(SAMPLES[2]) for a in i.articles for r in a.related}
    assert old_related & new_ids, "older articles never point at the new issue: related lists were not recomputed"
    home = (config.out / "index.html").read_text(encoding="utf-8")
    assert "大连" in home or "柳州" in home or "警力跟着警情走" in home


def test_deleting_an_issue_removes_it_everywhere(project):
    config, _ = project
    (config.seeds / SAMPLES[1]).unlink()
    report = build(config)
    assert report.issues == 1
    assert not list(config.content.glob("001_*"))
    site_text = "".join(p.read_text(encoding="utf-8") for p in config.out.rglob("*.html"))
    assert "鄂州公安" not in site_text
    for issue in read_content(config.content):
        assert all(not r.startswith("001_") for a in issue.articles for r in a.related)


def test_hand_edit_survives_regeneration_and_is_reported(project):
    config, _ = project
    path = article_file(config.content, "001_", 3)
    text = path.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: 【校】", 1) + "\n编辑补记一段。\n"
    path.write_text(text, encoding="utf-8")
    report = build(config)
    assert any(path.name in kept for kept in report.content.kept)
    after = path.read_text(encoding="utf-8")
    assert "title: 【校】" in after and "编辑补记一段。" in after
    article = next(a for i in read_content(config.content) for a in i.articles if a.title.startswith("【校】"))
    html = "".join(p.read_text(encoding="utf-8") for p in config.out.rglob("*.html"))
    assert article.title in html and "编辑补记一段。" in html


def test_edit_kept_with_conflict_when_source_changes_then_force_discards(project):
    config, _ = project
    path = article_file(config.content, "001_", 3)
    path.write_text(path.read_text(encoding="utf-8") + "\n编辑补记。\n", encoding="utf-8")
    seed = config.seeds / SAMPLES[1]
    seed.write_text(seed.read_text(encoding="utf-8").replace("重庆四中院优化诉讼服务", "重庆四中院持续优化诉讼服务"),
                    encoding="utf-8")
    report = build(config)
    assert report.parsed == 1
    assert any(path.name in c for c in report.content.conflicts)
    assert "编辑补记。" in path.read_text(encoding="utf-8")
    report = build(config, force=("001_f9f47dea094d4ac6",))
    texts = "".join(p.read_text(encoding="utf-8") for p in config.content.glob("001_*/*.md"))
    assert "编辑补记。" not in texts and "重庆四中院持续优化诉讼服务" in texts


def test_force_names_an_unknown_issue(project):
    config, _ = project
    with pytest.raises(BuildError, match="no issue named nope"):
        build(config, force=("nope",))


def test_changed_source_is_detected_by_content_not_mtime(project):
    config, _ = project
    seed = config.seeds / SAMPLES[0]
    seed.touch()
    assert build(config).parsed == 0


def run_cli(root, *args, cwd):
    import subprocess
    import sys

    return subprocess.run([sys.executable, str(root / "build.py"), *args], capture_output=True, text=True, cwd=cwd)


def test_add_normalises_names_skips_duplicates_and_refuses_near_ones(root, tmp_path):
    seeds, content, out = tmp_path / "seeds", tmp_path / "content", tmp_path / "site"
    common = ["--seeds", str(seeds), "--content", str(content), "--out", str(out), "--quiet"]
    incoming = tmp_path / "incoming.txt"
    incoming.write_bytes((root / "seeds" / "003_46bd6e34c8861008.txt").read_bytes())
    first = run_cli(root, "add", str(incoming), *common, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert [p.name for p in seeds.iterdir()] == ["2025-04-15-hebei-fazhi-bao.txt"]
    assert (out / "index.html").exists()
    site_before = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    again = run_cli(root, "add", str(incoming), *common, cwd=tmp_path)
    # a duplicate is not a failure: it names what it matched, exits 0 and changes nothing
    assert again.returncode == 0, again.stderr
    assert "already in the archive as" in again.stderr and "2025-04-15-hebei-fazhi-bao.txt" in again.stderr
    assert "failed" not in again.stderr
    assert [p.name for p in seeds.iterdir()] == ["2025-04-15-hebei-fazhi-bao.txt"]
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == site_before
    near = tmp_path / "near.txt"
    near.write_text(incoming.read_text(encoding="utf-8").replace("公安周刊", "公安专刊"), encoding="utf-8")
    refused = run_cli(root, "add", str(near), *common, cwd=tmp_path)
    assert refused.returncode == 1 and "near duplicate" in refused.stderr
    forced = run_cli(root, "add", str(near), "--force-add", *common, cwd=tmp_path)
    assert forced.returncode == 0 and len(list(seeds.iterdir())) == 2


def test_add_without_files_is_a_usage_error(root, tmp_path):
    result = run_cli(root, "add", cwd=tmp_path)
    assert result.returncode == 2 and "usage:" in result.stderr


def test_records_from_values_equal_records_from_written_files(built_samples):
    """The state hashes what dibao wrote; computing them from the values must match re-reading the file."""
    from dibao.contentio import article_front_matter, read_content, render_article, render_body
    from dibao.editmerge import record_for, record_from

    work, _ = built_samples
    for issue in read_content(work / "content"):
        for article in issue.articles:
            text = render_article(article, issue)
            assert record_for("x", text) == record_from("x", article_front_matter(article, issue),
                                                        render_body(article.body), text)


def test_clean_build_still_keeps_hand_edits(project):
    config, _ = project
    path = article_file(config.content, "001_", 2)
    path.write_text(path.read_text(encoding="utf-8") + "\n编辑补记。\n", encoding="utf-8")
    report = build(config, clean=True)
    assert report.parsed == 2
    assert "编辑补记。" in path.read_text(encoding="utf-8")


def test_incremental_render_equals_a_clean_render(project, root):
    """Pages reused from the last site must be exactly what a fresh render writes."""
    config, tmp = project
    steps = [
        lambda: shutil.copy(root / "seeds" / SAMPLES[2], config.seeds / SAMPLES[2]),
        lambda: edit_title(article_file(config.content, "004_", 3), "【校】"),
        lambda: (config.seeds / SAMPLES[0]).unlink(),
    ]
    for number, step in enumerate(steps):
        step()
        report = build(config)
        assert 0 < report.reused < report.pages, "the incremental build should reuse some pages and render others"
        assert snapshot(config.out) == fresh_render(config, tmp, f"fresh-{number}"), f"step {number}: differs"


def edit_title(path: Path, prefix: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace("\ntitle: ", f"\ntitle: {prefix}", 1), encoding="utf-8")


def fresh_render(config, tmp: Path, name: str) -> dict:
    """A clean render of content/ as it now is, into its own folder."""
    from dataclasses import replace

    from dibao.cache import BuildCache
    from dibao.pipeline import render

    fresh = replace(config, out=tmp / name)
    render(fresh, BuildCache(version=BuildCache.current_version()))
    return snapshot(fresh.out)


def test_a_build_killed_after_its_commit_is_finished_by_the_next(project, root, monkeypatch):
    import dibao.publish
    from dibao.publish.swap import staging_dir_for

    config, tmp = project
    before = snapshot(config.out)

    def killed(staging, out_dir):
        raise KeyboardInterrupt("killed")

    shutil.copy(root / "seeds" / SAMPLES[2], config.seeds / SAMPLES[2])
    monkeypatch.setattr(dibao.publish, "swap_in", killed)
    with pytest.raises(KeyboardInterrupt):
        build(config)
    monkeypatch.undo()
    assert staging_dir_for(config.out).is_dir(), "the committed site waits for the next build"
    assert snapshot(config.out) == before
    report = build(config)
    assert not staging_dir_for(config.out).exists()
    assert report.reused == report.pages, "the committed site held every change; nothing is left to render"
    assert snapshot(config.out) == fresh_render(config, tmp, "fresh")


def test_a_build_that_fails_before_applying_leaves_the_site_intact(project, root, monkeypatch):
    import dibao.pipeline
    from dibao.publish.swap import staging_dir_for

    config, tmp = project
    before = snapshot(config.out)

    def broken(*args, **kwargs):
        raise RuntimeError("search index failed")

    shutil.copy(root / "seeds" / SAMPLES[2], config.seeds / SAMPLES[2])
    monkeypatch.setattr(dibao.pipeline, "build_search", broken)
    with pytest.raises(RuntimeError, match="search index failed"):
        build(config)
    monkeypatch.undo()
    assert snapshot(config.out) == before and not staging_dir_for(config.out).exists()
    build(config)
    assert snapshot(config.out) == fresh_render(config, tmp, "fresh")


def test_a_site_that_no_longer_matches_its_record_is_rendered_afresh(project, root):
    from dibao.publish import MARKER

    config, tmp = project
    stray = config.out / "regions" / "stray.html"
    stray.write_text("left by hand")
    marker = config.out / MARKER
    marker.write_text(marker.read_text(encoding="utf-8").replace("build ", "build x"), encoding="utf-8")
    edit_title(article_file(config.content, "001_", 2), "【校】")
    report = build(config)
    assert report.reused == 0 and not stray.exists()
    assert snapshot(config.out) == fresh_render(config, tmp, "fresh")


def test_clean_build_renders_every_page(project):
    config, _ = project
    report = build(config, clean=True)
    assert report.pages > 0 and report.reused == 0


@pytest.mark.parametrize("killed_after", ["old site moved aside", "new site moved in"])
def test_a_swap_by_two_renames_killed_between_them_is_finished_by_the_next(project, root, monkeypatch, killed_after):
    """Where the kernel cannot exchange two folders in one step, two renames swap them; a kill
    between them leaves a state the next build completes."""
    import os

    import dibao.publish
    from dibao.publish.swap import journal_for, old_dir_for, staging_dir_for

    config, tmp = project
    shutil.copy(root / "seeds" / SAMPLES[2], config.seeds / SAMPLES[2])

    def killed(staging, out_dir):
        os.replace(out_dir, old_dir_for(out_dir))
        if killed_after == "new site moved in":
            os.replace(staging, out_dir)
        raise KeyboardInterrupt("killed")

    monkeypatch.setattr(dibao.publish, "swap_in", killed)
    with pytest.raises(KeyboardInterrupt):
        build(config)
    monkeypatch.undo()
    build(config)
    assert not staging_dir_for(config.out).exists() and not old_dir_for(config.out).exists()
    assert not journal_for(config.out).exists()
    assert snapshot(config.out) == fresh_render(config, tmp, "fresh")


def article_ids_relating_to(issues, target: str) -> set[str]:
    from dibao.site.catalog import normalise_related

    return {f"{i.id}/{a.order:02d}" for i in issues for a in i.articles
            if target in {normalise_related(r) for r in a.related}}


def test_a_title_edited_by_hand_reaches_related_lists_in_other_issues(project):
    """Article pages of other issues list the edited article among their related ones: issues
    whose pages are kept whole (dibao/site/families.py) must not hide the change."""
    from dibao.site.urls import article_paths

    config, tmp = project
    issues = read_content(config.content)
    target = next(f"{i.id}/{a.order:02d}" for i in issues for a in i.articles
                  if any(not r.startswith(i.id) for r in article_ids_relating_to(issues, f"{i.id}/{a.order:02d}")))
    edit_title(article_file(config.content, target[:4], int(target[-2:])), "【校】")
    report = build(config)
    assert 0 < report.reused < report.pages
    assert snapshot(config.out) == fresh_render(config, tmp, "fresh")
    issues = read_content(config.content)
    title = next(a.title for i in issues for a in i.articles if f"{i.id}/{a.order:02d}" == target)
    relating = {r for r in article_ids_relating_to(issues, target) if not r.startswith(target[:4])}
    assert title.startswith("【校】") and relating, "some article of another issue should still relate to it"
    pages = {f"{i.id}/{a.order:02d}": config.out / article_paths(i.articles)[a.order] for i in issues for a in i.articles}
    for article_id in relating:
        assert title in pages[article_id].read_text(encoding="utf-8")


def test_issues_whose_pages_cannot_have_changed_are_not_even_built(project, monkeypatch):
    """A summary edited by hand changes its own issue's pages and the related lists that show
    the article; every other issue is kept without building a page."""
    import dibao.site.families as families

    config, tmp = project
    issues = read_content(config.content)

    def issues_showing(issue, article) -> set[str]:
        return {issue.id} | {r.split("/")[0] for r in article_ids_relating_to(issues, f"{issue.id}/{article.order:02d}")}

    issue, article = min(((i, a) for i in issues for a in i.articles), key=lambda pair: len(issues_showing(*pair)))
    expected = issues_showing(issue, article)
    assert len(expected) < len(issues)
    path = article_file(config.content, issue.id[:4], article.order)
    path.write_text(path.read_text(encoding="utf-8").replace("\nsummary: ", "\nsummary: 编辑改写的摘要。", 1),
                    encoding="utf-8")
    built = []
    original = families.issue_pages
    monkeypatch.setattr(families, "issue_pages", lambda catalog, *rest: built.append(catalog.issues[rest[1]].issue.id)
                        or original(catalog, *rest))
    report = build(config)
    assert sorted(built) == sorted(expected) and report.content.written == []
    assert snapshot(config.out) == fresh_render(config, tmp, "fresh")


def test_related_lists_from_kept_term_tallies_equal_a_fresh_count(project, root):
    """Each build counts only new texts' terms (:mod:`dibao.enrich.tallies`): the lists it writes
    must be the ones counting every article afresh gives, through additions, edits and removals."""
    from dibao.cache import BuildCache
    from dibao.enrich import EnrichConfig, article_id, related_lists

    config, tmp = project
    steps = [
        lambda: shutil.copy(root / "seeds" / SAMPLES[2], config.seeds / SAMPLES[2]),
        lambda: edit_title(article_file(config.content, "004_", 3), "【校】"),
        lambda: (config.seeds / SAMPLES[0]).unlink(),
    ]
    for number, step in enumerate(steps):
        step()
        build(config)
        assert BuildCache.load(config.content).tallies.spans, "the build keeps no tallies"
        issues = read_content(config.content)
        fresh = related_lists(issues, EnrichConfig.from_mapping(config.extra.get("enrich"), base=tmp))
        written = {article_id(a): a.related for issue in issues for a in issue.articles}
        assert written == {k: fresh.get(k, ()) for k in written}, f"step {number}: related lists differ"


def written_related(content: Path) -> dict:
    from dibao.enrich import article_id

    return {article_id(a): a.related for issue in read_content(content) for a in issue.articles}


@pytest.mark.parametrize("source_changes_too", [False, True])
def test_related_lists_use_kept_hand_edits_in_every_kind_of_build(project, root, source_changes_too):
    """Related lists are computed from the text as published, edits included, whether the edited
    issue comes from content/ (an ordinary build), is parsed again (its source changed) or
    everything is (``--clean``): all three must give the lists a fresh count over content/ gives."""
    from dibao.enrich import EnrichConfig, related_lists

    config, tmp = project
    shutil.copy(root / "seeds" / SAMPLES[2], config.seeds / SAMPLES[2])
    build(config)
    donor = article_file(config.content, "004_", 3).read_text(encoding="utf-8").split("\n---\n", 1)[1]
    path = article_file(config.content, "000_", 2)
    head = path.read_text(encoding="utf-8").split("\n---\n", 1)[0]
    path.write_text(f"{head}\n---\n{donor}", encoding="utf-8")  # the editor swaps in a whole other story
    if source_changes_too:
        source = config.seeds / SAMPLES[0]
        source.write_text(source.read_text(encoding="utf-8") + "\n\n本报讯 编者补充的一段新的说明文字。\n", encoding="utf-8")
    build(config)
    fresh = related_lists(read_content(config.content), EnrichConfig.from_mapping(config.extra.get("enrich"), base=tmp))
    incremental = written_related(config.content)
    assert incremental == {k: fresh.get(k, ()) for k in incremental}
    assert path.read_text(encoding="utf-8").endswith(donor), "the edit was not kept"
    build(config, clean=True)
    assert written_related(config.content) == incremental, "a clean build relates the parsed text, not the edit"


def test_the_record_of_a_site_that_is_gone_is_dropped(project):
    """Each output folder has its own record of the last site (as big as the export); building
    into a new folder keeps the old one's while that site stands, and drops it once it is gone."""
    from dataclasses import replace

    from dibao.pipeline import site_state_dir

    config, tmp = project
    other = replace(config, out=tmp / "elsewhere")
    build(other)
    first, second = site_state_dir(config), site_state_dir(other)
    assert first != second and first.is_dir() and second.is_dir()
    build(config)  # both sites still stand: neither record goes
    assert first.is_dir() and second.is_dir()
    shutil.rmtree(config.out)
    edit_title(article_file(config.content, "001_", 3), "【校】")
    build(other)
    assert second.is_dir() and not first.exists()


@pytest.mark.parametrize("clean", [False, True])
def test_an_edited_file_whose_front_matter_is_broken_stops_a_reparse_and_stays(project, clean):
    """Merging would take every key of an unreadable front matter as deleted by the editor and
    write the file without them: the build must stop, name the file and line, and leave it."""
    from dibao.contentio import ContentError

    config, _ = project
    path = article_file(config.content, "000_", 2)
    broken = path.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: [unclosed ", 1)
    path.write_text(broken, encoding="utf-8")
    if not clean:  # the source changed too, so the issue is parsed again
        source = config.seeds / SAMPLES[0]
        source.write_text(source.read_text(encoding="utf-8") + "\n\n本报讯 编者补充的一段新的说明文字。\n", encoding="utf-8")
    with pytest.raises(ContentError, match=rf"{path.name}:\d+: front matter is not valid YAML"):
        build(config, clean=clean)
    assert path.read_text(encoding="utf-8") == broken
