"""Mirroring the search cache into site/search/: hard links, deletions, and the folder-time memo."""
import os
import time

from dibao.site import mirroring
from dibao.site.mirroring import mirror, scan


def tree(root):
    return {rel: (root / rel).read_bytes() for rel in scan(root)}


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)  # the search cache's way: a changed file is a new inode


def age(root, seconds=1.0):
    """Make every folder's time old enough to be trusted by the memo."""
    stamp = time.time_ns() - int(seconds * 1e9)
    for folder in [root, *[p for p in root.rglob("*") if p.is_dir()]]:
        os.utime(folder, ns=(stamp, stamp))


def test_memo_skips_settled_folders_and_still_sees_every_change(tmp_path, monkeypatch):
    source, target, memo = tmp_path / "cache", tmp_path / "site" / "search", tmp_path / "cache" / "parts" / "memo"
    for rel in ("t/a.js", "t/b.js", "g/a.js", "p/2024-01/r0.js", "p/2024-02/r0.js", "manifest.js", "parts/x.pickle"):
        write(source / rel, rel)
    write(target / "index.html", "page")
    mirror(source, target, keep={"search/index.html"}, memo=memo)
    assert tree(target) == {**{k: v for k, v in tree(source).items() if not k.startswith("parts/")}, "index.html": b"page"}
    age(source), age(target)
    mirror(source, target, keep={"search/index.html"}, memo=memo)  # records every folder as settled
    listed = []
    real = mirroring._listing
    monkeypatch.setattr(mirroring, "_listing", lambda folder, skip=frozenset(): listed.append(folder) or real(folder, skip))
    mirror(source, target, keep={"search/index.html"}, memo=memo)
    assert listed == []  # nothing changed: no folder listed
    write(source / "t/b.js", "new b")
    (source / "p/2024-01/r0.js").unlink()
    (source / "p/2024-01").rmdir()
    write(source / "p/2024-03/r0.js", "march")
    (target / "g/a.js").unlink()  # a hand deletion in the site is seen by its folder's time too
    mirror(source, target, keep={"search/index.html"}, memo=memo)
    names = {p.relative_to(tmp_path).as_posix() for p in listed}
    assert names >= {"cache/t", "cache/p", "site/search/t", "site/search/g"}
    assert "cache/p/2024-02" not in names and "site/search/p/2024-02" not in names  # settled and untouched
    expected = {k: v for k, v in tree(source).items() if not k.startswith("parts/")}
    assert tree(target) == {**expected, "index.html": b"page"}
    assert (target / "t/b.js").stat().st_ino == (source / "t/b.js").stat().st_ino


def test_without_memo_every_folder_is_listed(tmp_path):
    source, target = tmp_path / "cache", tmp_path / "site"
    write(source / "v/a.js", "a")
    mirror(source, target)
    write(source / "v/a.js", "b")
    mirror(source, target)
    assert (target / "v/a.js").read_text() == "b"
