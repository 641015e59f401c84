"""Issue #20 item 4: hand edits are never lost silently.  A renamed seed keeps its articles' edits
(the issue is matched by content probes); a lost or damaged content/.dibao/state.json keeps every
article file that differs from what the parser makes; an article file deleted by hand stays
deleted and is reported, and even ``--clean`` brings it back only with ``--force``."""
import pytest

from conftest import sample_archive
from dibao.pipeline import build

SAMPLES = ("000_80dad41c4292ae7e.txt", "003_46bd6e34c8861008.txt")
EDIT = "编辑手工改写的这一段。"


@pytest.fixture
def archive(root, tmp_path):
    config = sample_archive(tmp_path, SAMPLES)
    build(config, root=root, parse_only=True)
    return config


def run(root, config, **options):
    return build(config, root=root, parse_only=True, **options)


def edit_article(folder):
    path = sorted(p for p in folder.glob("*.md") if p.name != "_index.md")[1]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + f"\n\n{EDIT}\n", encoding="utf-8")
    return path


def edited(content) -> list:
    return [p for p in content.rglob("*.md") if EDIT in p.read_text(encoding="utf-8")]


def test_item4_a_renamed_seed_keeps_its_articles_edits(root, archive):
    content, seeds = archive.content, archive.seeds
    edit_article(content / "000_80dad41c4292ae7e")
    (seeds / SAMPLES[0]).rename(seeds / "renamed-000.txt")
    report = run(root, archive)
    assert not (content / "000_80dad41c4292ae7e").exists()
    assert [p.parent.name for p in edited(content)] == ["renamed-000"]
    assert any("renamed-000" in kept for kept in report.content.kept), report.content.kept
    assert any("renamed" in note and "000_80dad41c4292ae7e" in note for note in report.warnings), report.warnings
    report = run(root, archive)  # and the next build still keeps it
    assert [p.parent.name for p in edited(content)] == ["renamed-000"]


@pytest.mark.parametrize("damage", ["delete", "truncate", "garbage"])
def test_item4_a_lost_or_damaged_state_keeps_every_edited_file(root, archive, damage):
    content = archive.content
    path = edit_article(content / "003_46bd6e34c8861008")
    state = content / ".dibao" / "state.json"
    if damage == "delete":
        state.unlink()
    elif damage == "truncate":
        state.write_bytes(state.read_bytes()[:200])
    else:
        state.write_text('{"version": 1, "issues": {"x": {"key": 3}}}', encoding="utf-8")
    report = run(root, archive)
    assert EDIT in path.read_text(encoding="utf-8")
    assert any(path.name in kept for kept in report.content.kept), report.content.kept
    assert any("state.json" in w for w in report.warnings), report.warnings
    run(root, archive, clean=True)
    assert EDIT in path.read_text(encoding="utf-8")
    assert edited(content) == [path]


def test_item4_a_deleted_article_stays_deleted_and_is_reported(root, archive):
    folder = archive.content / "003_46bd6e34c8861008"
    path = sorted(p for p in folder.glob("*.md") if p.name != "_index.md")[2]
    text = path.read_text(encoding="utf-8")
    path.unlink()
    report = run(root, archive)
    assert not path.exists()
    assert any(path.name in d for d in report.content.deleted), report.content.deleted
    report = run(root, archive, clean=True)
    assert not path.exists() and any(path.name in d for d in report.content.deleted)
    run(root, archive, force=("003_46bd6e34c8861008",))
    assert path.read_text(encoding="utf-8") == text
