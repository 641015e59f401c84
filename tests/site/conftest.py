"""Shared fixtures: the golden content rendered once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

from dibao.contentio import read_content
from dibao.pipeline import search_writer
from dibao.site import SiteConfig, render_site
from dibao.publish.staging import link_tree

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "site_content"


def add_search(issues, site: Path, cache: Path) -> None:
    """The pipeline's way: index built in a lasting folder, linked into ``site/search/``."""
    search_writer(issues, cache)()
    link_tree(cache, site, "search")


@pytest.fixture(scope="session")
def issues():
    return read_content(FIXTURE)


@pytest.fixture(scope="session")
def site(tmp_path_factory, issues) -> Path:
    out = tmp_path_factory.mktemp("render") / "site"
    render_site(issues, out, SiteConfig(quiet=True))
    add_search(issues, out, tmp_path_factory.mktemp("cache"))  # the search page loads search/search.js
    return out


@pytest.fixture(scope="session")
def site_with_base(tmp_path_factory, issues) -> Path:
    out = tmp_path_factory.mktemp("render-base") / "site"
    render_site(issues, out, SiteConfig(quiet=True, base_url="https://example.org/dibao"))
    add_search(issues, out, tmp_path_factory.mktemp("cache"))
    return out


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The project's own content/, rendered; skipped while content/ is empty."""
    content = ROOT / "content"
    if not any(content.glob("*/_index.md")):
        pytest.skip("content/ has no issues yet")
    out = tmp_path_factory.mktemp("render-real") / "site"
    archive = read_content(content)
    render_site(archive, out, SiteConfig(quiet=True))
    add_search(archive, out, tmp_path_factory.mktemp("cache"))
    return out


CORPUS = ROOT.parent / "shared" / "corpus" / "rmrb" / "clean"
CORPUS_PAGES = 60


@pytest.fixture(scope="session")
def corpus_site(tmp_path_factory) -> Path:
    """A site built through the whole pipeline from 60 consecutive real page files of
    ``../shared/corpus/rmrb/clean/``; skipped where the corpus is absent (a user's clone)."""
    from dibao.config import load_config
    from dibao.pipeline import build

    files = sorted(CORPUS.glob("*.txt"))[:CORPUS_PAGES] if CORPUS.is_dir() else []
    if len(files) < CORPUS_PAGES:
        pytest.skip(f"needs {CORPUS_PAGES} page files in {CORPUS} (the shared corpus)")
    work = tmp_path_factory.mktemp("corpus")
    seeds = work / "seeds"
    seeds.mkdir()
    for path in files:
        (seeds / path.name).write_bytes(path.read_bytes())
    build(load_config(ROOT, seeds=str(seeds), content=str(work / "content"), out=str(work / "site"), quiet=True),
          root=ROOT)
    return work / "site"


EDITIONS = ROOT / "tests" / "fixtures" / "editions" / "seeds"


@pytest.fixture(scope="session")
def edition_site(tmp_path_factory) -> Path:
    """A site built through the whole pipeline from the sample issues (seeds/) and the edition
    fixture's page files: two papers with editions of pages, a whole-issue paper, clippings."""
    from dibao.config import load_config
    from dibao.pipeline import build

    work = tmp_path_factory.mktemp("editions")
    seeds = work / "seeds"
    seeds.mkdir()
    for path in [*sorted((ROOT / "seeds").glob("*.txt")), *sorted(EDITIONS.glob("*.txt"))]:
        (seeds / path.name).write_bytes(path.read_bytes())
    build(load_config(ROOT, seeds=str(seeds), content=str(work / "content"), out=str(work / "site"), quiet=True),
          root=ROOT)
    return work / "site"
