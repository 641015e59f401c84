import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_samples(tmp_path_factory):
    """The five sample issues built once into a scratch content/ and site/."""
    from dibao.config import load_config
    from dibao.pipeline import build

    work = tmp_path_factory.mktemp("samples")
    config = load_config(ROOT, seeds=str(ROOT / "seeds"), content=str(work / "content"), out=str(work / "site"),
                         quiet=True)
    report = build(config, root=ROOT)
    return work, report


def write_issue_file(folder: Path, name: str, data) -> Path:
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def sample_archive(tmp_path: Path, names) -> "object":
    """The config of a scratch archive whose seeds/ holds copies of these sample issues."""
    from dibao.config import load_config

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in names:
        shutil.copy(ROOT / "seeds" / name, seeds / name)
    return load_config(ROOT, seeds=str(seeds), content=str(tmp_path / "content"), out=str(tmp_path / "site"),
                       quiet=True)


#: words in the skip reasons of tests that need the npm tools, Chromium, Node or Java
TOOL_SKIPS = ("npm ci", "chromium", "java", "node is needed", "npm not installed")


def pytest_terminal_summary(terminalreporter):
    """Say it plainly when the JS and browser tests did not run: a green run without them proves less."""
    skipped = [r for r in terminalreporter.stats.get("skipped", [])
               if any(word in str(r.longrepr) for word in TOOL_SKIPS)]
    if skipped:
        terminalreporter.write_sep("!", f"{len(skipped)} JS/browser tests skipped: run `npm ci` "
                                        "(and have /usr/bin/chromium and java) to run them", yellow=True)
