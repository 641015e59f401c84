#!/usr/bin/env python3
"""Kill builds at random moments and check that every one heals (issue 20, "A randomised crash loop").

For each kill: a copy of a small project (two sample issues, built; or with ``--corpus N`` the
first N real pages of ``../shared/corpus/rmrb/clean/``) gets one change — ``add`` (one more
issue), ``edit`` (a title edited by hand) or ``clean`` (a seed changed, then ``--clean``) —
and its ``build.py`` is started, then killed with SIGKILL (its whole process group, workers
included) after a random delay drawn from zero to 110 % of that build's uninterrupted time (lowered
to the delay of any kill that came after the build had finished).  Then:

* ``site/`` must be the old site or the new one, byte for byte (the marker's record id aside);
* the next ``build.py`` (the same command) must succeed, report no hand edit the uninterrupted
  build did not, and leave content/ and site/ byte-identical to the uninterrupted build's;
* the build after that must be a no-op (nothing written): no cache was left to delete by hand.

A kill that came after the build had finished counts apart ("finished first").  The loop prints
one line per kill and a summary; the exit status is 1 when any kill did not heal.

usage: python bench/crash_loop.py [--kills 200] [--seed 1] [--corpus N] [--out bench/out/crash] [--checkout DIR]

``--checkout``: the dibao checkout whose ``build.py`` is run (default: this one), e.g. an older
commit extracted with ``git archive``, to see what the kills did before.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "rmrb" / "clean"
#: the issue files: every one but the last is in the base project, the last is added
ISSUES = [ROOT / "seeds" / name for name in ("000_80dad41c4292ae7e.txt", "001_f9f47dea094d4ac6.txt",
                                              "004_8b1d6b65a05df4bf.txt")]
KINDS = ("add", "edit", "clean")
MARKER = ".dibao-site"


CHECKOUT = [ROOT]  #: whose build.py runs (``--checkout``)


def command(work: Path, clean: bool) -> list[str]:
    return [sys.executable, str(CHECKOUT[0] / "build.py"), "--seeds", "seeds", "--content", "content", "--out", "site",
            "--quiet", *(["--clean"] if clean else [])]


def run(work: Path, clean: bool) -> subprocess.CompletedProcess:
    return subprocess.run(command(work, clean), cwd=work, capture_output=True, text=True)


def snapshot(folder: Path, skip: str = "") -> dict:
    """Every file's bytes; the id in the site's marker (it hashes content files' times) aside."""
    found = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
             if p.is_file() and not (skip and p.relative_to(folder).as_posix().startswith(skip))}
    if MARKER in found:
        found[MARKER] = found[MARKER].rsplit(b"build ", 1)[0]
    return found


def outputs(work: Path) -> tuple[dict, dict]:
    return snapshot(work / "content", skip=".dibao/cache/"), snapshot(work / "site")


def kept_edits(stderr: str) -> set[str]:
    return {line for line in stderr.splitlines() if line.startswith("kept hand edit:")}


def change(kind: str, work: Path) -> bool:
    """Make the change; True when its build is a ``--clean`` one."""
    if kind == "add":
        shutil.copy(ISSUES[-1], work / "seeds" / ISSUES[-1].name)
    elif kind == "edit":
        path = sorted((work / "content").glob("*/03-*.md"))[1]
        path.write_text(path.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: 【校】", 1), encoding="utf-8")
    else:
        seed = work / "seeds" / ISSUES[1].name
        seed.write_text(seed.read_text(encoding="utf-8") + "\n\n本报讯 编者补充的一段新的说明文字。\n", encoding="utf-8")
    return kind == "clean"


def prepare(out: Path) -> tuple[Path, Path, dict]:
    """(the working folder, the base project, per kind: (uninterrupted seconds, content/, site/,
    hand edits reported)).  Every build runs in the working folder, as copies of the base: the
    record of a site is kept by the site's path, and issue files name the seeds' path."""
    work, base = out / "work", out / "base"
    shutil.rmtree(out, ignore_errors=True)
    (work / "seeds").mkdir(parents=True)
    for path in ISSUES[:-1]:
        shutil.copy(path, work / "seeds" / path.name)
    result = run(work, clean=False)
    if result.returncode:
        raise SystemExit(f"the base build failed:\n{result.stderr}")
    copy(work, base)
    references = {}
    for kind in KINDS:
        copy(base, work)
        clean = change(kind, work)
        started = time.perf_counter()
        result = run(work, clean)
        seconds = time.perf_counter() - started
        if result.returncode:
            raise SystemExit(f"the uninterrupted {kind} build failed:\n{result.stderr}")
        references[kind] = (seconds, *outputs(work), kept_edits(result.stderr))
    return work, base, references


def copy(source: Path, target: Path) -> Path:
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target, symlinks=True)
    return target


def one_kill(base: Path, work: Path, kind: str, delay: float, reference: tuple) -> str:
    """Kill one build after ``delay`` seconds; what happened ("healed", "finished first" or the fault)."""
    _seconds, content, site, kept = reference
    old_site = snapshot(base / "site")
    copy(base, work)
    clean = change(kind, work)
    build = subprocess.Popen(command(work, clean), cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             start_new_session=True)
    try:
        build.wait(timeout=delay)
        finished = True
    except subprocess.TimeoutExpired:
        os.killpg(build.pid, signal.SIGKILL)
        build.wait()
        finished = False
    after_kill = snapshot(work / "site") if (work / "site").is_dir() else None
    if after_kill not in (old_site, site):
        return "site/ was neither the old site nor the new one"
    # --wait: the killed build's workers may take a moment to be gone, and hold its lock until then
    # (a checkout from before the build lock has no such option)
    wait = ["--wait"] if "--wait" in (CHECKOUT[0] / "dibao" / "cli.py").read_text(encoding="utf-8") else []
    result = subprocess.run(command(work, clean) + wait, cwd=work, capture_output=True, text=True, timeout=600)
    if result.returncode:
        return f"the next build failed: {result.stderr.strip().splitlines()[-1:]}"
    if not kept_edits(result.stderr) <= kept:
        return f"false hand edits: {sorted(kept_edits(result.stderr) - kept)}"
    if outputs(work) != (content, site):
        return "content/ or site/ differs from the uninterrupted build"
    again = subprocess.run(command(work, False)[:-1], cwd=work, capture_output=True, text=True)  # not quiet
    if again.returncode or " 0 content files written, 0 pages" not in again.stdout:
        return f"the build after was not a no-op: {again.stdout.strip()}"
    return "finished first" if finished else "healed"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "crash")
    parser.add_argument("--checkout", type=Path, default=ROOT)
    parser.add_argument("--corpus", type=int, default=0, metavar="N",
                        help="base project: the first N pages of the real corpus instead of two sample issues")
    args = parser.parse_args(argv)
    CHECKOUT[0] = args.checkout.resolve()
    if args.corpus:
        if not CORPUS.is_dir():
            raise SystemExit(f"no corpus at {CORPUS}")
        ISSUES[:] = sorted(CORPUS.glob("*.txt"))[: args.corpus + 1]
    chooser = random.Random(args.seed)
    work, base, references = prepare(args.out.resolve())
    for kind in KINDS:
        print(f"uninterrupted {kind}: {references[kind][0]:.2f} s", flush=True)
    tally: dict[str, int] = {}
    #: how long each kind of build takes at most: a build that finished before its kill took no
    #: longer than that delay (the machine may have been busier when the reference was timed)
    longest = {kind: references[kind][0] for kind in KINDS}
    for number in range(1, args.kills + 1):
        kind = chooser.choice(KINDS)
        delay = chooser.uniform(0, 1.1 * longest[kind])
        outcome = one_kill(base, work, kind, delay, references[kind])
        if outcome == "finished first":
            longest[kind] = min(longest[kind], delay)
        tally[outcome] = tally.get(outcome, 0) + 1
        print(f"{number:4d} {kind:5s} killed at {delay:5.2f} s: {outcome}", flush=True)
    healed = tally.get("healed", 0) + tally.get("finished first", 0)
    print(f"\n{args.kills} kills: {tally.get('healed', 0)} killed mid-build and healed byte-identically, "
          f"{tally.get('finished first', 0)} finished before the kill, {args.kills - healed} did not heal")
    for outcome, count in sorted(tally.items()):
        if outcome not in ("healed", "finished first"):
            print(f"  {count} × {outcome}")
    return 0 if healed == args.kills else 1


if __name__ == "__main__":
    sys.exit(main())
