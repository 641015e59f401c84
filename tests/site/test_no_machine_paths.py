"""No absolute path of the build machine is published: a build from folders given as absolute
paths outside the project writes none into site/ or content/ (sources read ``seeds/<file>:<lines>``)."""
from __future__ import annotations

import shutil
import subprocess
import sys

from site_helpers import ROOT

SAMPLES = ("003_46bd6e34c8861008.txt", "004_8b1d6b65a05df4bf.txt")
#: the local build cache: never committed, never published (its site record names the output folder)
LOCAL_CACHE = ".dibao/cache"


def test_a_build_from_absolute_folders_publishes_no_machine_path(tmp_path):
    work = tmp_path / "elsewhere"
    seeds, content, out = work / "seeds", work / "content", work / "site"
    seeds.mkdir(parents=True)
    for name in SAMPLES:
        shutil.copyfile(ROOT / "seeds" / name, seeds / name)
    done = subprocess.run([sys.executable, str(ROOT / "build.py"), "--seeds", str(seeds), "--content", str(content),
                           "--out", str(out), "--quiet"], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    needles = {str(work).encode(), str(work.resolve()).encode(), str(tmp_path).encode()}
    leaks = []
    for folder in (content, out):
        for path in folder.rglob("*"):
            if path.is_file() and LOCAL_CACHE not in path.relative_to(folder).as_posix() \
                    and any(n in path.read_bytes() for n in needles):
                leaks.append(path.relative_to(work).as_posix())
    assert not leaks, f"absolute build paths in {leaks[:10]}"
    article = next(p for p in (out / "issues").glob("*/*.html") if p.name != "index.html")
    assert f"<code>seeds/{SAMPLES[0]}:" in article.read_text(encoding="utf-8") or \
        f"<code>seeds/{SAMPLES[1]}:" in article.read_text(encoding="utf-8")
