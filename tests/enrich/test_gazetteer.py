"""Place recognition, driven by the edge-case table in tests/fixtures/enrich/."""
from __future__ import annotations

import pathlib

import pytest

from dibao.enrich.gazetteer import DATA, load_gazetteer, read_table, short_name
from dibao.enrich.regions import article_regions

from .helpers import make_article

CASES = pathlib.Path(__file__).resolve().parents[1] / "fixtures" / "enrich" / "gazetteer_cases.tsv"


def cases():
    for number, row in enumerate(read_table(CASES), 1):
        yield pytest.param(row, id=f"{number}-{row['note']}")


@pytest.mark.parametrize("case", list(cases()))
def test_place_case(case):
    gazetteer = load_gazetteer()
    found = article_regions(make_article(case["text"]), gazetteer, case["home"])
    want_places = [] if case["places"] == "-" else case["places"].split(",")
    assert [p.code for p in found.places] == want_places
    assert list(found.regions) == ([] if case["regions"] == "-" else case["regions"].split(","))
    for place in found.places:
        assert gazetteer.by_code[place.code].name == place.name


def test_every_level_is_covered():
    gazetteer = load_gazetteer()
    levels = [d.level for d in gazetteer.by_code.values()]
    assert levels.count("province") == 34
    assert levels.count("prefecture") >= 330
    assert levels.count("county") >= 2800
    for division in gazetteer.by_code.values():
        assert len(division.code) == 6 and division.code.isdigit()
        if division.parent:
            assert gazetteer.by_code[division.parent].code[:2] == division.code[:2]


def test_data_file_names_its_source():
    header = (DATA / "gazetteer.tsv").read_text(encoding="utf-8").splitlines()[:3]
    assert any("china-division@" in line for line in header)
    assert any("国家统计局" in line for line in header)


def test_aliases_point_at_the_named_successor():
    gazetteer = load_gazetteer()
    for row in read_table(DATA / "place_aliases.tsv"):
        assert gazetteer.by_code[row["code"]].name == row["current_name"]
        assert row["old_name"] in gazetteer.forms


@pytest.mark.parametrize("full, short", [("鄂州市", "鄂州"), ("克什克腾旗", "克什克腾"), ("恩施土家族苗族自治州", "恩施"),
                                         ("广西壮族自治区", "广西"), ("新疆维吾尔自治区", "新疆"), ("内蒙古自治区", "内蒙古"),
                                         ("浦东新区", "浦东"), ("清新区", "清新"), ("泾县", "泾县"), ("神农架林区", "神农架"),
                                         ("莫力达瓦达斡尔族自治旗", "莫力达瓦"), ("香港特别行政区", "香港")])
def test_short_names(full, short):
    assert short_name(full) == short


def test_next_start_skips_only_positions_where_no_name_begins():
    """The scanner jumps with ``next_start``: no name may begin at a position it skips."""
    import random

    gazetteer = load_gazetteer()
    names = sorted(gazetteer.forms)
    chance = random.Random(11)
    filler = "的在和了是公安局民警近日开展工作，。 ABC123"
    for _ in range(300):
        parts = [chance.choice(names) if chance.random() < 0.3 else chance.choice(filler) for _ in range(30)]
        text = "".join(parts)
        position = 0
        while position < len(text):
            found = gazetteer.next_start(text, position)
            assert all(not gazetteer.longest_at(text, skipped) for skipped in range(position, found)), text
            assert found == len(text) or text[found:found + 2] in gazetteer.heads
            position = found + 1
