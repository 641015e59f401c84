"""The role model on real pages: reproducible training, titles that are titles, nothing lost.

These read ``../shared/corpus/rmrb`` (never copied into the repository) and skip where it
is absent."""
import subprocess
import sys
from pathlib import Path

import pytest

from dibao.conserve import lost_characters
from dibao.ingest import ingest
from dibao.segment import segment
from dibao.segment.bylines import parse_dateline
from dibao.segment.patterns import credit_line

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
CLEAN = SHARED / "corpus" / "rmrb" / "clean"
needs_corpus = pytest.mark.skipif(not CLEAN.is_dir(), reason="../shared/corpus/rmrb is not on this machine")


def train_slice(out: Path) -> bytes:
    subprocess.run([sys.executable, "-m", "dibao.roles.train", "--shared", str(SHARED), "--limit", "3", "--quick",
                    "--out", str(out)], check=True, cwd=ROOT, capture_output=True)
    return out.read_bytes() + out.with_suffix(".boost.json").read_bytes()


@needs_corpus
def test_training_the_same_pages_twice_gives_the_same_model_bytes(tmp_path):
    assert train_slice(tmp_path / "a" / "roles.crfsuite") == train_slice(tmp_path / "b" / "roles.crfsuite")


@pytest.fixture(scope="module")
def clean_slice():
    """Every fourth clean page, parsed with the shipped model."""
    return [segment(ingest(path, path.name)) for path in sorted(CLEAN.glob("*.txt"))[::4]]


def not_a_title(title: str) -> bool:
    return title.startswith(("（", "(", "[", "【")) or credit_line(title) or bool(parse_dateline(title))


@needs_corpus
def test_titles_are_titles(clean_slice):
    titles = [a.title for issue in clean_slice for a in issue.articles if not a.title_generated]
    bad = [t for t in titles if not_a_title(t)]
    assert len(titles) > 1000
    assert len(bad) / len(titles) < 0.005, bad[:20]


@needs_corpus
def test_no_character_of_a_real_page_is_lost(clean_slice):
    awardees = CLEAN / "rmrb-20190228-07.txt"  # a list of names, one per line
    issues = clean_slice + [segment(ingest(awardees, awardees.name))]
    assert [p for issue in issues for p in lost_characters(issue)] == []


def unbroken(issue, gold_entry) -> list[str]:
    """The gold's break-spanning snippets (``contains``) that no article of the issue holds whole."""
    from dibao.roles.align import folded

    bodies = [folded(a.title + a.text) for a in issue.articles]
    return [s for a in gold_entry["articles"] for s in a.get("contains") or []
            if not any(folded(s) in body for body in bodies)]


@needs_corpus
@pytest.mark.parametrize("name", [
    # a column broken off inside 参展企业意向|成交额…: the tail's first paragraph barely shares
    # the column's words, the paragraph after it does
    "rmrb-20200102-03.txt",
    # an early cut would move most of the next story: its first paragraph alone shares
    # less with the broken story than its long remainder does
    "rmrb-20200103-06.txt",
])
def test_a_tail_moved_below_the_next_story_is_mended_at_both_ends(name):
    import json

    gold = json.loads((SHARED / "corpus" / "rmrb" / "gold.json").read_text(encoding="utf-8"))
    entry = next(e for e in gold["issues"] if e["file"] == name)
    issue = segment(ingest(CLEAN.parent / "issues" / name, name))
    assert unbroken(issue, entry) == []
