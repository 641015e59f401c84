"""Names ``build.py add`` gives to imported issue files."""
from pathlib import Path

import pytest

from dibao.adding import normalised_name
from dibao.model import Issue


def issue(date: str = "", paper: str = "") -> Issue:
    return Issue(id="x", source="x.txt", date=date, paper=paper)


@pytest.mark.parametrize("original, expected", [
    ("2019-01-02-hebeifazhibao.txt", "2019-01-02-hebeifazhibao.txt"),
    ("20190102-hebeifazhibao.txt", "2019-01-02-hebeifazhibao.txt"),
    ("hebeifazhibao_2019.01.02.txt", "2019-01-02-hebeifazhibao.txt"),
    ("page-2019-01-02-a.txt", "2019-01-02-page-a.txt"),
    ("2019-01-02.txt", "2019-01-02-issue.txt"),
    ("no02990.txt", "2019-01-02-no02990.txt"),
    ("120190102.txt", "2019-01-02-120190102.txt"),  # digits run on: not the date
])
def test_a_date_already_in_the_name_is_not_repeated(original, expected):
    assert normalised_name(issue(date="2019-01-02"), Path(original)) == expected


def test_the_paper_name_wins_and_undated_names_stay():
    assert normalised_name(issue(date="2025-04-15", paper="河北法治报"), Path("x_20250415.txt")) \
        == "2025-04-15-hebei-fazhi-bao.txt"
    assert normalised_name(issue(), Path("2019-01-02-a.txt")) == "2019-01-02-a.txt"


def test_a_page_number_in_the_name_is_kept():
    from dibao.edition.pages import file_page

    named = normalised_name(issue(date="2020-02-29", paper="人民日报"), Path("rmrb-20200229-08.txt"))
    assert named.startswith("2020-02-29-") and file_page(named) == 8
    assert file_page(normalised_name(issue(date="2020-02-29", paper="人民日报"), Path("rmrb-20200229.txt"))) == 0
    assert normalised_name(issue(date="2019-01-02"), Path("page-2019-01-02-a.txt")) == "2019-01-02-page-a.txt"
