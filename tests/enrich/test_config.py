from __future__ import annotations

import pytest

from dibao.enrich import EnrichConfig


def test_defaults():
    config = EnrichConfig()
    assert (config.related, config.keywords, config.home_province) == (5, 8, "")


def test_from_mapping_reads_keys_and_resolves_paths(tmp_path):
    config = EnrichConfig.from_mapping({"home_province": "河北", "related": 3, "taxonomy": "t.yaml"}, base=tmp_path)
    assert config.home_province == "河北" and config.related == 3
    assert config.taxonomy == str(tmp_path / "t.yaml")


@pytest.mark.parametrize("data, message", [({"relatd": 3}, "unknown key"), ({"home_province": "河北省"}, "home_province"),
                                           ({"keywords": -1}, "keywords")])
def test_bad_config_says_what_is_wrong(data, message):
    with pytest.raises(ValueError, match=message):
        EnrichConfig.from_mapping(data)
