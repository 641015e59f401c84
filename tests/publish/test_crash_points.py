"""Issue 20, item 5 ("Kills that never heal") and its "Crash points" section.

Every place a build writes state is a named crash point (:mod:`dibao.crashpoints`).  Each test
here kills a build at one of them (SIGKILL to the build's whole process group, as a power cut or
``kill -9`` would: no ``finally``, no cleanup), then checks the four promises:

* ``site/`` is, right after the kill, either the old site or the new one, byte for byte;
* the next build gives the bytes of a build that was never interrupted (content/ and site/);
* it reports no hand edit that nobody made;
* no cache needs deleting by hand: the next build succeeds, and the one after it is a no-op.

The killed builds run in children of a fork server that has dibao and jieba's dictionary loaded
(``crash_worker.py``), so the suite stays fast on the two small sample issues it uses.
"""
from __future__ import annotations

import multiprocessing
import shutil
import signal
import time
from dataclasses import replace
from pathlib import Path

import pytest

from dibao import crashpoints
from dibao.buildlock import BuildBusy
from dibao.config import load_config
from dibao.pipeline import build, site_state_dir
from dibao.publish import MARKER

SAMPLES = ["000_80dad41c4292ae7e.txt", "001_f9f47dea094d4ac6.txt", "004_8b1d6b65a05df4bf.txt"]
SCENARIOS = ("add", "edit", "clean", "remove")

#: (point, hit, scenarios it is tried in).  Every point of the code is here (see the last test).
CASES = [
    ("content-file", 1, ("add", "clean")),
    ("content-file", 6, ("add",)),
    ("content-removed", 1, ("remove",)),
    ("content-removed", 4, ("remove",)),
    ("state-json", 1, ("add", "edit")),
    ("content-committed", 1, ("add",)),
    ("build-cache", 1, ("add", "edit")),
    ("search-part", 1, ("add", "clean")),
    ("search-state", 1, ("add",)),
    ("staging", 1, ("add", "edit")),
    ("site-record", 1, ("add", "clean")),
    ("journal", 1, ("add", "clean", "remove")),
    ("swap", 1, ("add", "edit")),
    ("swapped", 1, ("add", "clean")),
    ("published", 1, ("add",)),
]


def snapshot(folder: Path, skip: str = "") -> dict:
    """Every file's bytes.  The id in the site's marker names the record of its pages'
    fingerprints, which hash the content files' times: it is not compared."""
    found = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
             if p.is_file() and not (skip and p.relative_to(folder).as_posix().startswith(skip))}
    if MARKER in found:
        found[MARKER] = found[MARKER].rsplit(b"build ", 1)[0]
    return found


def content_of(config) -> dict:
    """content/ as a build leaves it: articles, issue files and the state; the cache is not output."""
    return snapshot(config.content, skip=".dibao/cache/")


@pytest.fixture(scope="module")
def base(root, tmp_path_factory):
    """Two issues built: the project every case starts from (copied)."""
    work = tmp_path_factory.mktemp("crash-base")
    (work / "seeds").mkdir()
    for name in SAMPLES[:2]:
        shutil.copy(root / "seeds" / name, work / "seeds" / name)
    build(project_config(root, work), root=work)
    return work


def project_config(root: Path, work: Path):
    return load_config(root, seeds=str(work / "seeds"), content=str(work / "content"), out=str(work / "site"),
                       quiet=True)


def copy_project(root: Path, base: Path, target: Path) -> Path:
    """A copy of the project whose site's record is found there too (records are kept by the
    site folder's path)."""
    shutil.copytree(base, target, symlinks=True)
    (records,) = (target / "content" / ".dibao" / "cache" / "site").iterdir()
    records.rename(site_state_dir(project_config(root, target)))
    return target


def change(scenario: str, root: Path, config) -> bool:
    """Make the scenario's change; True when its build is a ``--clean`` one."""
    if scenario == "add":
        shutil.copy(root / "seeds" / SAMPLES[2], config.seeds / SAMPLES[2])
    elif scenario == "remove":
        (config.seeds / SAMPLES[0]).unlink()
    elif scenario == "edit":
        path = sorted(config.content.glob("001_*/03-*.md"))[0]
        path.write_text(path.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: 【校】", 1), encoding="utf-8")
    else:
        seed = config.seeds / SAMPLES[1]
        seed.write_text(seed.read_text(encoding="utf-8") + "\n\n本报讯 编者补充的一段新的说明文字。\n", encoding="utf-8")
    return scenario == "clean"


@pytest.fixture(scope="module")
def references(root, base, tmp_path_factory):
    """Per scenario: (content/, site/, hand edits reported) of the same build never interrupted."""
    found = {}
    for scenario in SCENARIOS:
        work = copy_project(root, base, tmp_path_factory.mktemp("crash-ref") / scenario)
        config = project_config(root, work)
        report = build(config, root=work, clean=change(scenario, root, config))
        found[scenario] = (content_of(config), snapshot(config.out), set(report.content.kept))
    return found


@pytest.fixture(scope="module")
def fork_server():
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["crash_worker"])
    return context


def build_killed_at(fork_server, config, point: str, hit: int, clean: bool) -> bool:
    """Run the build armed to kill itself at the ``hit``-th pass of ``point``; True when it was
    killed there (False: it never passed the point and finished)."""
    import crash_worker

    child = fork_server.Process(target=crash_worker.run_armed, args=(config, point, hit, clean, config.seeds.parent))
    child.start()
    child.join(timeout=300)
    assert child.exitcode is not None, f"the build armed at {point}:{hit} hangs"
    if child.exitcode == -signal.SIGKILL:
        return True
    assert child.exitcode == 0, "the armed build failed instead of crashing or finishing"
    return False


@pytest.mark.parametrize("point, hit, scenarios", CASES, ids=[f"{p}:{h}" for p, h, _ in CASES])
def test_a_build_killed_at_a_crash_point_heals(root, base, references, fork_server, tmp_path, point, hit, scenarios):
    base_site = snapshot(base / "site")
    for scenario in scenarios:
        work = copy_project(root, base, tmp_path / scenario)
        config = project_config(root, work)
        clean = change(scenario, root, config)
        assert build_killed_at(fork_server, config, point, hit, clean), f"{scenario}: never reached {point}:{hit}"
        content, site, kept = references[scenario]
        after_kill = snapshot(config.out) if config.out.is_dir() else None
        assert after_kill in (base_site, site), f"{scenario}: site/ is neither the old site nor the new one"
        report = next_build(config, work)
        assert set(report.content.kept) <= kept, f"{scenario}: false hand edits reported"
        assert content_of(config) == content, f"{scenario}: content/ differs from an uninterrupted build"
        assert snapshot(config.out) == site, f"{scenario}: site/ differs from an uninterrupted build"
        assert sorted(p.name for p in work.iterdir()) == [".site.dibao-lock", "content", "seeds", "site"], \
            f"{scenario}: leftovers beside the site"
        again = build(config, root=work)
        assert again.content.written == [] and again.pages == 0, f"{scenario}: the build after is not a no-op"


def next_build(config, work: Path):
    """The build after the kill.  The killed build's workers may take a moment to be gone, and
    until then they hold its lock: the next build is refused (it would wait with ``--wait``).
    They must be gone within seconds: a worker writing on after its build died would interleave."""
    deadline = time.monotonic() + 60
    while True:
        try:
            return build(config, root=work)
        except BuildBusy:
            assert time.monotonic() < deadline, "the killed build's processes still hold its lock"
            time.sleep(0.2)


def test_every_crash_point_is_tried(root):
    """A point added to the code must be added to :data:`CASES` too."""
    assert {point for point, _hit, _scenarios in CASES} == set(crashpoints.POINTS)


def test_the_uninterrupted_builds_equal_a_clean_build(root, base, references, tmp_path):
    """What the cases compare with is itself the clean build's bytes."""
    for scenario in SCENARIOS:
        work = copy_project(root, base, tmp_path / scenario)
        config = project_config(root, work)
        change(scenario, root, config)
        fresh = replace(config, out=work / "site")
        shutil.rmtree(config.out)
        build(fresh, root=work, clean=True)
        # state.json is left out: it notes an edited file's generated text only in a clean build
        without_state = lambda files: {k: v for k, v in files.items() if k != ".dibao/state.json"}
        assert without_state(content_of(fresh)) == without_state(references[scenario][0])
        assert snapshot(fresh.out) == references[scenario][1]


def test_a_crash_point_does_nothing_unless_armed(monkeypatch):
    monkeypatch.delenv(crashpoints.ENV, raising=False)
    for point in crashpoints.POINTS:
        crashpoints.reached(point)  # returns: no environment variable, no crash
    with pytest.raises(KeyError):
        crashpoints.reached("no-such-point")
