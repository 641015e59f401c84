from pathlib import Path

import pytest

from dibao.contentio import read_content

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "site_content"


@pytest.fixture(scope="session")
def issues():
    """The golden content of the site tests: three issues, ten articles."""
    return read_content(FIXTURE)
