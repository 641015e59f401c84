"""Pages rendered by forked workers: the same files, byte for byte, as rendered in one process."""
from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from dibao.site import SiteConfig, render_site
from dibao.site import parallel


def tree(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_workers_render_the_same_bytes_and_manifest(issues, tmp_path, monkeypatch):
    alone = render_site(issues, tmp_path / "alone", SiteConfig(quiet=True))
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 1)
    monkeypatch.setattr(parallel, "CHUNK", 3)  # many chunks, handed out to both workers
    shared = render_site(issues, tmp_path / "shared", SiteConfig(quiet=True))
    assert tree(tmp_path / "alone") == tree(tmp_path / "shared")
    _, mismatch, errors = filecmp.cmpfiles(tmp_path / "alone", tmp_path / "shared", tree(tmp_path / "alone"),
                                           shallow=False)
    assert not mismatch and not errors
    assert list(alone.manifest.items()) == list(shared.manifest.items())  # same order, fingerprints and sizes
    assert all(size >= 0 for _, size in shared.manifest.values())


def test_a_page_failing_in_a_worker_fails_the_render(issues, tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 1)
    original = parallel.PendingPages.render

    def broken(self, page):
        if page.template == "article.html":
            raise RuntimeError(f"cannot render {page.path}")
        return original(self, page)

    monkeypatch.setattr(parallel.PendingPages, "render", broken)
    with pytest.raises(RuntimeError, match="cannot render"):
        render_site(issues, tmp_path / "site", SiteConfig(quiet=True))
