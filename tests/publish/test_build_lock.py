"""Issue 20, item 6 ("Two builds at once corrupt the published index") and its "A build lock" section.

A second build on the same content/ or site/ never interleaves with the first: by default it
exits at once with a message naming what is busy, and with ``--wait`` it waits its turn.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

SAMPLES = ["000_80dad41c4292ae7e.txt", "001_f9f47dea094d4ac6.txt", "004_8b1d6b65a05df4bf.txt"]


def cli(root: Path, work: Path, *args: str, out: str = "site") -> list[str]:
    return [sys.executable, str(root / "build.py"), *args, "--seeds", str(work / "seeds"), "--content",
            str(work / "content"), "--out", str(work / out), "--quiet"]


@pytest.fixture()
def work(root, tmp_path):
    (tmp_path / "seeds").mkdir()
    for name in SAMPLES[:2]:
        shutil.copy(root / "seeds" / name, tmp_path / "seeds" / name)
    return tmp_path


def parse_check(root: Path, folder: Path) -> list[str]:
    """Every script of the published search index parses as JavaScript, every JSON file as JSON;
    the files that do not."""
    bad = [str(p) for p in folder.rglob("*.json") if not _is_json(p)]
    checker = ("const fs=require('fs');const bad=[];"
               "for(const f of JSON.parse(fs.readFileSync(0,'utf8'))){try{new Function(fs.readFileSync(f,'utf8'))}"
               "catch(e){bad.push(f)}}process.stdout.write(JSON.stringify(bad))")
    scripts = sorted(str(p) for p in folder.rglob("*.js"))
    assert scripts, f"no search scripts under {folder}"
    result = subprocess.run(["node", "-e", checker], input=json.dumps(scripts), capture_output=True, text=True,
                            check=True)
    return bad + json.loads(result.stdout)


def _is_json(path: Path) -> bool:
    try:
        json.loads(path.read_text(encoding="utf-8"))
        return True
    except (ValueError, UnicodeDecodeError):
        return False


def test_two_builds_started_together_never_interleave(root, work):
    shutil.copy(root / "seeds" / SAMPLES[2], work / "seeds" / SAMPLES[2])
    runs = [subprocess.Popen(cli(root, work), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    results = [(run.wait(timeout=300), run.stderr.read()) for run in runs]
    codes = sorted(code for code, _ in results)
    refused = [err for code, err in results if code != 0]
    waited = [err for code, err in results if code == 0 and "waiting for" in err]
    assert codes == [0, 0] and len(waited) == 1 or codes == [0, 1] and len(refused) == 1, results
    for err in refused:
        assert "another dibao build" in err and "--wait" in err and "Traceback" not in err, err
    assert parse_check(root, work / "site" / "search") == []
    again = subprocess.run(cli(root, work), capture_output=True, text=True)
    assert again.returncode == 0, again.stderr


def test_a_build_on_a_busy_content_folder_is_refused_with_a_clear_message(root, work):
    holder = hold_lock(root, work)
    try:
        result = subprocess.run(cli(root, work), capture_output=True, text=True, timeout=120)
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "another dibao build" in result.stderr and str(work / "content") in result.stderr
    assert "--wait" in result.stderr
    assert not (work / "site").exists() and not list((work / "content").glob("*/_index.md"))


def test_a_build_on_a_busy_site_folder_is_refused_even_from_other_content(root, work):
    holder = hold_lock(root, work)
    try:
        result = subprocess.run(cli(root, work, out="site")[:-5] + ["--content", str(work / "other"), "--out",
                                                                    str(work / "site"), "--quiet"],
                                capture_output=True, text=True, timeout=120)
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 1 and "another dibao build" in result.stderr and str(work / "site") in result.stderr


def test_with_wait_the_second_build_waits_for_the_first(root, work):
    holder = hold_lock(root, work, seconds=3)
    started = time.monotonic()
    result = subprocess.run(cli(root, work, "--wait"), capture_output=True, text=True, timeout=300)
    holder.wait()
    assert result.returncode == 0, result.stderr
    assert "waiting for" in result.stderr and time.monotonic() - started >= 2.5
    assert (work / "site" / "index.html").is_file()


def hold_lock(root: Path, work: Path, seconds: float = 120) -> subprocess.Popen:
    """A process holding the build lock of ``work``'s content/ and site/ as a running build would."""
    code = ("import sys,time;from pathlib import Path;from dibao.buildlock import build_lock;"
            f"lock=build_lock(Path({str(work / 'content')!r}),Path({str(work / 'site')!r}));lock.__enter__();"
            f"print('held',flush=True);time.sleep({seconds})")
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=root)
    assert holder.stdout.readline().strip() == "held"
    return holder
