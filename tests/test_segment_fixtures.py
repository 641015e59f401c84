"""Runs every case of every fixture file under tests/fixtures/segment/ (see tests/segment_cases.py)."""
from pathlib import Path

import pytest

from segment_cases import check_case, load_cases, parse_case

FIXTURES = Path(__file__).parent / "fixtures" / "segment"
CASES = [case for path in sorted(FIXTURES.glob("*.md")) for case in load_cases(path)]


def test_every_rule_has_a_fixture_file():
    assert len({c.file for c in CASES}) >= 12 and len(CASES) >= 60


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_fixture_case(case, tmp_path):
    issue = parse_case(case, tmp_path)
    problems = check_case(case, issue)
    assert not problems, f"{case.file.name}:{case.line}: {case.title}\n" + "\n".join(problems)
