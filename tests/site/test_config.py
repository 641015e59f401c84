from pathlib import Path

import pytest

from dibao.config import load_config
from dibao.site import SiteConfig, site_config_from


def test_from_mapping_reads_tool_dibao_keys_and_ignores_others(tmp_path):
    config = SiteConfig.from_mapping({"base_url": "https://e.org/x", "site_title": "T", "templates": "tpl",
                                      "page_size": 5, "seeds": "seeds"}, root=tmp_path)
    assert config.base_url == "https://e.org/x" and config.absolute_base == "https://e.org/x/"
    assert config.templates_dir == tmp_path / "tpl" and config.page_size == 5 and config.site_title == "T"


def test_bad_page_size_is_refused():
    with pytest.raises(ValueError, match="page_size"):
        SiteConfig.from_mapping({"page_size": 0})


def test_site_config_from_the_pipeline_config(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.dibao]\nbase_url = "https://e.org/r/"\n[tool.dibao.site]\npage_size = 7\n', encoding="utf-8")
    config = site_config_from(load_config(tmp_path))
    assert config.page_size == 7 and config.base_url == "https://e.org/r/"
    assert config.static_dir == config.templates_dir.parent / "static"
