"""The build cache and the state file: what makes rebuilds of a large archive cheap, without ever
serving a stale model."""
import json
from dataclasses import replace
import shutil

import pytest

import dibao.cache
from dibao.cache import BuildCache
from dibao.config import load_config
from dibao.contentio import read_content
from dibao.pipeline import build
from dibao.state import BuildState

SAMPLES = ["000_80dad41c4292ae7e.txt", "004_8b1d6b65a05df4bf.txt"]


@pytest.fixture()
def built(root, tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in SAMPLES:
        shutil.copy(root / "seeds" / name, seeds / name)
    config = load_config(root, seeds=str(seeds), content=str(tmp_path / "content"), out=str(tmp_path / "site"),
                         quiet=True)
    build(config, root=tmp_path)
    return config


def test_cached_archive_equals_content_read_from_scratch(built):
    cache = BuildCache.load(built.content)
    assert cache.read_archive(built.content) == read_content(built.content)


def test_one_edited_file_is_the_only_one_read_again(built, monkeypatch):
    folder = next(p for p in sorted(built.content.iterdir()) if (p / "_index.md").exists())
    article = sorted(folder.glob("0*.md"))[1]
    article.write_text(article.read_text(encoding="utf-8").replace("title: ", "title: 改过的", 1), encoding="utf-8")
    read = []
    original = dibao.cache.read_article
    monkeypatch.setattr(dibao.cache, "read_article", lambda path, issue: read.append(path.name) or original(path, issue))
    cache = BuildCache.load(built.content)
    archive = cache.read_archive(built.content)
    assert read == [article.name]
    assert archive == read_content(built.content)
    assert any(a.title.startswith("改过的") for issue in archive for a in issue.articles)
    assert cache.changed_on_disk == {folder.name}


def test_cache_survives_save_and_load_without_decoding_everything(built):
    cache = BuildCache.load(built.content)
    assert cache.decoded == {}  # folders are decoded on first use, not on load
    first = cache.read_archive(built.content)
    cache.site_key = "changed"  # so that save writes
    cache.save(built.content)
    again = BuildCache.load(built.content)
    assert again.changed_on_disk == set() and again.decoded == {}
    assert again.read_archive(built.content) == first and again.changed_on_disk == set()


def test_state_file_has_one_line_per_article_and_round_trips(built):
    text = (built.content / ".dibao" / "state.json").read_text(encoding="utf-8")
    state = BuildState.load(built.content)
    articles = sum(len(record.articles) for record in state.issues.values())
    assert sum(1 for line in text.splitlines() if line.startswith("  \"")) == articles
    assert state.to_text() == text
    assert json.loads(text)["issues"].keys() == state.issues.keys()
    assert json.loads(BuildState().to_text()) == {"version": 1, "issues": {}}


def test_a_build_with_nothing_to_do_decodes_nothing(built, monkeypatch):
    reference = build(built)  # the normal path counts issues and articles from the models
    monkeypatch.setattr(BuildCache, "folder", lambda self, name: pytest.fail(f"decoded {name}"))
    report = build(built)
    assert (report.issues, report.articles, report.parsed, report.pages) == \
        (reference.issues, reference.articles, 0, 0)


@pytest.mark.parametrize("change", ["edit an article", "mark the site as half applied", "parse only after a seed change"])
def test_any_change_takes_the_full_path(built, change):
    from dibao.publish import MARKER

    folder = next(p for p in sorted(built.content.iterdir()) if (p / "_index.md").exists())
    parse_only = False
    if change == "edit an article":
        article = sorted(folder.glob("0*.md"))[0]
        article.write_text(article.read_text(encoding="utf-8") + "\n编辑补记。\n", encoding="utf-8")
    elif change == "mark the site as half applied":
        marker = built.out / MARKER
        marker.write_text(marker.read_text(encoding="utf-8").replace("\nbuild ", "\napplying "), encoding="utf-8")
    else:
        seed = sorted(built.seeds.iterdir())[0]
        seed.write_text(seed.read_text(encoding="utf-8") + "\n补充一段。\n", encoding="utf-8")
        parse_only = True
    report = build(built, parse_only=parse_only)
    assert report.parsed == 1 if parse_only else report.pages > 0


def test_site_bytes_do_not_depend_on_where_the_templates_live(root, tmp_path):
    """The marker names the site by its page fingerprints; a checkout elsewhere must give the same bytes."""
    from tests.regen.test_incremental import snapshot

    sites = []
    for name in ("one", "two"):
        project = tmp_path / name
        shutil.copytree(root / "templates", project / "templates")
        shutil.copytree(root / "static", project / "static")
        (project / "seeds").mkdir()
        shutil.copy(root / "seeds" / SAMPLES[0], project / "seeds" / SAMPLES[0])
        config = load_config(root, seeds=str(project / "seeds"), content=str(project / "content"),
                             out=str(project / "site"), quiet=True)
        config = replace(config, templates=project / "templates")
        build(config, root=project)
        sites.append(snapshot(config.out))
    assert sites[0] == sites[1]


def probes_of(issues) -> set[str]:
    from dibao.probes import probes

    return {probe for issue in issues for article in issue.articles for probe in probes(article)}


def test_add_check_takes_probes_from_the_cache_without_decoding(built, monkeypatch):
    expected = probes_of(read_content(built.content))
    assert expected, "the samples have articles long enough to probe"
    monkeypatch.setattr(BuildCache, "folder", lambda self, name: pytest.fail(f"decoded {name}"))
    assert BuildCache.load(built.content).archive_probes(built.content) == expected


def test_cached_probes_follow_hand_edits_and_deleted_folders(built):
    folders = sorted(p.parent for p in built.content.glob("*/_index.md"))
    article = sorted(folders[0].glob("0*.md"))[0]
    text = article.read_text(encoding="utf-8")
    article.write_text(text + "\n编辑在文末补写了足足二十四个以上的汉字，好让末尾的探针一定改变。\n", encoding="utf-8")
    shutil.rmtree(folders[1])
    cache = BuildCache.load(built.content)
    assert cache.archive_probes(built.content) == probes_of(read_content(built.content))
    assert set(cache.probes) == {folders[0].name} and cache.changed_on_disk == {folders[0].name}


def test_an_older_cache_format_is_rebuilt(built, monkeypatch):
    monkeypatch.setattr(dibao.cache, "FORMAT", dibao.cache.FORMAT + 1)
    cache = BuildCache.load(built.content)
    assert cache.issues == {} and cache.probes == {}


def test_a_render_only_change_rewrites_the_site_keys_not_the_model(built, tmp_path):
    """The site keys live beside the model: a build that only renders again (here: the templates
    moved, so the render key changed) writes the small keys file and leaves the model's bytes alone;
    the next build then has nothing to do."""
    from dibao.cache import CACHE_DIR, CACHE_FILE, SITE_KEYS_FILE

    folder = built.content / CACHE_DIR
    model, keys = (folder / CACHE_FILE).read_bytes(), (folder / SITE_KEYS_FILE).read_text(encoding="ascii")
    assert len(keys.split()) == 2
    moved = tmp_path / "templates-elsewhere"
    shutil.copytree(built.templates, moved)
    (moved / "base.html").write_text((moved / "base.html").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    config = replace(built, templates=moved)
    assert build(config).pages > 0
    assert (folder / CACHE_FILE).read_bytes() == model
    assert (folder / SITE_KEYS_FILE).read_text(encoding="ascii") != keys
    assert BuildCache.load(built.content).render_key == (folder / SITE_KEYS_FILE).read_text(encoding="ascii").split()[1]
    assert build(config).pages == 0


def test_article_keys_are_kept_while_the_folder_stays_as_cached(built):
    cache = BuildCache.load(built.content)
    issue = cache.read_archive(built.content)[0]
    made = []
    make = lambda article: made.append(article.order) or (article.title,)
    first = cache.article_keys(issue, make)
    assert first == tuple((a.title,) for a in issue.articles) and len(made) == len(issue.articles)
    assert cache.article_keys(issue, make) == first and len(made) == len(issue.articles)  # kept
    assert cache.article_keys(replace(issue), make) == first  # a model the cache did not decode: made afresh
    assert len(made) == 2 * len(issue.articles)
    cache.related_key = "changed"  # so that save writes the model
    cache.save(built.content)
    again = BuildCache.load(built.content)
    reread = next(i for i in again.read_archive(built.content) if i.id == issue.id)
    assert again.article_keys(reread, make) == first and len(made) == 2 * len(issue.articles)
    # the folder changes: its keys are made again
    article = sorted((built.content / issue.id).glob("0*.md"))[0]
    article.write_text(article.read_text(encoding="utf-8").replace("title: ", "title: 改过的", 1), encoding="utf-8")
    later = BuildCache.load(built.content)
    edited = next(i for i in later.read_archive(built.content) if i.id == issue.id)
    assert any(t.startswith("改过的") for (t,) in later.article_keys(edited, make))


def test_a_cache_saved_before_a_field_was_added_loads_with_it_empty(built):
    cache = BuildCache.load(built.content)
    state = cache.__getstate__()
    del state["tallies"], state["article_memo"]
    old = BuildCache.__new__(BuildCache)
    old.__setstate__(state)
    assert old.article_memo == {} and old.tallies.spans == {} and old.issues == cache.issues


def test_folder_fingerprint_lists_every_markdown_file_by_name(tmp_path):
    from dibao.cache import folder_fingerprint

    for name in ["b.md", "a.md", ".hidden.md", "notes.txt", "c.MD"]:
        (tmp_path / name).write_text(name, encoding="utf-8")
    expected = tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(tmp_path.glob("*.md")))
    assert folder_fingerprint(tmp_path) == expected
    assert [name for name, _, _ in expected] == [".hidden.md", "a.md", "b.md"]
    assert folder_fingerprint(tmp_path / "missing") == ()


def test_folders_verified_this_run_are_listed_again_only_once_distrusted(built):
    cache = BuildCache.load(built.content)
    first = cache.read_archive(built.content)
    folder = built.content / first[0].id
    article = sorted(folder.glob("0*.md"))[0]
    article.write_text(article.read_text(encoding="utf-8").replace("title: ", "title: 改过的", 1), encoding="utf-8")
    assert cache.read_archive(built.content) == first  # verified a moment ago: not listed again
    cache.distrust([folder.name])  # as the pipeline does for the folders it wrote
    assert cache.read_archive(built.content) == read_content(built.content) != first
