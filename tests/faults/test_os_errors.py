"""Issue #20 item 7: faults of the machine and of hand edits are one-line messages naming the
path, never a traceback: a read-only site/ or content/, a full disk under --out or content/, and
a hand edit with ``order: abc`` or ``source: just-a-string``.  Read-only folders and full disks
are real: a read-only bind mount and a small tmpfs when run as root (mounting must be allowed),
permissions otherwise; a case the machine cannot stage is skipped with the reason."""
import contextlib
import hashlib
import os
import re
import shutil
import subprocess
import sys

import pytest

SAMPLES = ("000_80dad41c4292ae7e.txt", "003_46bd6e34c8861008.txt")
ROOT_USER = os.geteuid() == 0


def tree(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and ".dibao/cache" not in p.as_posix()}


def mount(*args):
    done = subprocess.run(["mount", *args], capture_output=True, text=True)
    if done.returncode:
        pytest.skip(f"cannot mount here ({done.stderr.strip()}): the fault needs a real file system")


@contextlib.contextmanager
def read_only(folder):
    if ROOT_USER:
        mount("--bind", str(folder), str(folder))
        try:
            mount("-o", "remount,bind,ro", str(folder))
            yield
        finally:
            subprocess.run(["umount", str(folder)], check=True)
    else:
        modes = {p: p.stat().st_mode for p in [folder, *folder.rglob("*")] if p.is_dir()}
        for path in modes:
            path.chmod(0o555)
        try:
            yield
        finally:
            for path, mode in modes.items():
                path.chmod(mode)


@contextlib.contextmanager
def small_disk(folder, size="96k"):
    if not ROOT_USER:
        pytest.skip("a full disk needs a small tmpfs, and mounting one needs root")
    folder.mkdir(parents=True, exist_ok=True)
    mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder))
    try:
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True)


@pytest.fixture
def archive(root, tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(root / "seeds" / SAMPLES[0], seeds / SAMPLES[0])
    return tmp_path


def build(root, work, content="content", out="site"):
    command = [sys.executable, str(root / "build.py"), "--seeds", str(work / "seeds"),
               "--content", str(work / content), "--out", str(work / out), "--quiet"]
    return subprocess.run(command, capture_output=True, text=True, cwd=work, timeout=600)


def assert_one_line(done, folder):
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    problems = [line for line in done.stderr.splitlines() if not line.startswith("dibao: ")]
    assert len(problems) == 1 and str(folder) in problems[0], done.stderr
    return problems[0]


def test_item7_read_only_site_is_one_line_and_the_site_stays(root, archive):
    assert build(root, archive).returncode == 0
    shutil.copy(root / "seeds" / SAMPLES[1], archive / "seeds" / SAMPLES[1])
    before = tree(archive / "site")
    with read_only(archive / "site"):
        done = build(root, archive)
    line = assert_one_line(done, archive / "site")
    assert re.search("read-only|Permission denied", line), line
    assert tree(archive / "site") == before
    assert build(root, archive).returncode == 0  # writable again: the next build publishes


def test_item7_read_only_content_is_one_line(root, archive):
    assert build(root, archive).returncode == 0
    shutil.copy(root / "seeds" / SAMPLES[1], archive / "seeds" / SAMPLES[1])
    with read_only(archive / "content"):
        done = build(root, archive)
    line = assert_one_line(done, archive / "content")
    assert re.search("read-only|Permission denied", line), line


@pytest.mark.parametrize("folder", ["site", "content"])
def test_item7_full_disk_is_one_line(root, archive, folder):
    with small_disk(archive / "disk"):  # the folder and what is written beside it (staging) share the disk
        done = build(root, archive, **{"out" if folder == "site" else "content": f"disk/{folder}"})
        line = assert_one_line(done, archive / "disk")
    assert re.search("No space left|disk full", line), line


@pytest.mark.parametrize("key,value", [("order", "abc"), ("source", "just-a-string")])
def test_item7_bad_hand_edit_value_is_located(root, archive, key, value):
    assert build(root, archive).returncode == 0
    path = sorted((archive / "content" / "000_80dad41c4292ae7e").glob("0*.md"))[0]
    text = path.read_text(encoding="utf-8")
    edited = re.sub(rf"^{key}:.*\n(?:  .*\n)*", f"{key}: {value}\n", text, count=1, flags=re.M)
    path.write_text(edited, encoding="utf-8")
    line_number = edited[:edited.index(f"{key}: {value}")].count("\n") + 1
    done = build(root, archive)
    line = assert_one_line(done, path)
    assert line.startswith(f"{path}:{line_number}: {key}"), line
