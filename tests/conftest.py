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
