import hashlib
import re
import subprocess
import sys
from pathlib import Path

from dibao.config import load_config
from dibao.contentio import read_content
from dibao.pipeline import build


def tree_digest(folder: Path) -> dict:
    """Every output file's hash; the local build cache (never committed, never published) is not output."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and ".dibao/cache" not in p.as_posix()}


def test_samples_build_with_every_article_sourced(built_samples):
    work, report = built_samples
    assert report.issues == 5 and report.articles >= 40
    issues = read_content(work / "content")
    for issue in issues:
        assert issue.source.startswith("seeds/")
        for article in issue.articles:
            assert article.sources and all(s.file == issue.source for s in article.sources)
            assert article.title


def test_the_committed_content_and_site_are_what_the_build_makes_of_seeds(root, tmp_path):
    """A fresh clone's build writes nothing: the committed output is current with the parser (a change
    to parsing or rendering comes with its output rebuilt, ``python build.py``)."""
    import shutil

    for name in ("content", "site"):
        shutil.copytree(root / name, tmp_path / name, ignore=shutil.ignore_patterns("cache", "*.dibao-lock"))
    before = (tree_digest(tmp_path / "content"), tree_digest(tmp_path / "site"))
    config = load_config(root, seeds=str(root / "seeds"), content=str(tmp_path / "content"),
                         out=str(tmp_path / "site"), quiet=True)
    build(config, root=root)
    after = (tree_digest(tmp_path / "content"), tree_digest(tmp_path / "site"))
    changed = sorted(name for old, new in zip(before, after) for name in old.keys() | new.keys() if old.get(name) != new.get(name))
    assert not changed, f"python build.py would change: {changed[:10]}"


def test_two_builds_give_the_same_bytes(root, tmp_path):
    digests = []
    for run in ("a", "b"):
        config = load_config(root, seeds=str(root / "seeds"), content=str(tmp_path / run / "content"),
                             out=str(tmp_path / run / "site"), quiet=True)
        build(config, root=root)
        digests.append((tree_digest(tmp_path / run / "content"), tree_digest(tmp_path / run / "site")))
    assert digests[0] == digests[1]


def test_cli_reports_input_errors_as_file_line(root, tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "bad.txt").write_bytes(b"\x00\x01\x02\x03binary")
    result = subprocess.run([sys.executable, str(root / "build.py"), "parse", "--seeds", str(seeds),
                             "--content", str(tmp_path / "content")], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 1
    assert "bad.txt:1:" in result.stderr


def test_cli_usage_error_prints_usage(root):
    result = subprocess.run([sys.executable, str(root / "build.py"), "--nope"], capture_output=True, text=True)
    assert result.returncode == 2 and "usage:" in result.stderr


def test_failed_build_leaves_previous_site(root, tmp_path):
    out = tmp_path / "site"
    config = load_config(root, seeds=str(root / "seeds"), content=str(tmp_path / "content"), out=str(out), quiet=True)
    build(config, root=root)
    before = tree_digest(out)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "bad.txt").write_bytes(b"\x00\x00\x00")
    bad = load_config(root, seeds=str(tmp_path / "seeds"), content=str(tmp_path / "content2"), out=str(out),
                      quiet=True)
    try:
        build(bad, root=root)
    except Exception:
        pass
    assert tree_digest(out) == before


def run_cli(root, cwd, *args):
    return subprocess.run([sys.executable, str(root / "build.py"), *args], capture_output=True, text=True, cwd=cwd)


def assert_located_failure(result, *names):
    """Non-zero exit, no traceback, and every problem line starts with ``file:line:``."""
    assert result.returncode != 0 and "Traceback" not in result.stderr
    *problems, summary = result.stderr.strip().splitlines()
    assert re.match(r"dibao: (build failed|.* \d+ skipped\b)", summary) and problems  # stopped, or built the rest
    for problem in problems:
        assert re.match(r"^\S[^:]*:\d+: \S", problem), problem
    for name in names:
        assert any(name in p.split(":")[0] for p in problems), (name, problems)


def test_cli_reports_every_bad_file_in_one_run(root, tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (seeds / "b_front.txt").write_text("---\npaper: [x\n---\n正文。\n", encoding="utf-8")
    (seeds / "c_good.txt").write_text("某县法院开展普法活动\n本报讯 近日，某县法院开展普法活动。\n", encoding="utf-8")
    (seeds / "d_dir.txt").mkdir()  # a folder named like an issue file cannot be read
    result = run_cli(root, tmp_path, "parse", "--seeds", str(seeds), "--content", str(tmp_path / "content"))
    assert_located_failure(result, "a_binary.txt", "b_front.txt")
    assert "c_good.txt" not in result.stderr


def test_cli_missing_seeds_folder_is_located(root, tmp_path):
    result = run_cli(root, tmp_path, "parse", "--seeds", str(tmp_path / "nope"), "--content", str(tmp_path / "c"))
    assert_located_failure(result, "nope")


def test_config_errors_name_the_pyproject_line(tmp_path):
    import pytest

    from dibao.config import load_config

    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.dibao]\nseedz = "s"\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"pyproject.toml:5: unknown \[tool.dibao\] key"):
        load_config(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.dibao\nseeds = "s"\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"pyproject.toml:1: not valid TOML"):
        load_config(tmp_path)


def test_unreadable_path_is_an_input_error(tmp_path):
    import pytest

    from dibao.ingest import InputError, ingest

    (tmp_path / "x.txt").mkdir()
    with pytest.raises(InputError, match=r"^seeds/x.txt:1: cannot read"):
        ingest(tmp_path / "x.txt", "seeds/x.txt")
