"""Shared fixtures: the golden content rendered once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

from dibao.contentio import read_content
from dibao.pipeline import search_writer
from dibao.site import SiteConfig, render_site

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "site_content"


@pytest.fixture(scope="session")
def issues():
    return read_content(FIXTURE)


@pytest.fixture(scope="session")
def site(tmp_path_factory, issues) -> Path:
    out = tmp_path_factory.mktemp("render") / "site"
    render_site(issues, out, SiteConfig(quiet=True))
    search_writer(issues, tmp_path_factory.mktemp("cache"))(out)  # the search page loads search/search.js
    return out


@pytest.fixture(scope="session")
def site_with_base(tmp_path_factory, issues) -> Path:
    out = tmp_path_factory.mktemp("render-base") / "site"
    render_site(issues, out, SiteConfig(quiet=True, base_url="https://example.org/dibao"))
    search_writer(issues, tmp_path_factory.mktemp("cache"))(out)
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
    search_writer(archive, tmp_path_factory.mktemp("cache"))(out)
    return out
