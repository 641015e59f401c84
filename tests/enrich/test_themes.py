"""Themes: the shipped taxonomy and model, abstention, on our own text, and replacing/extending the taxonomy."""
from __future__ import annotations

import pytest

from dibao.enrich import EnrichConfig, enrich
from dibao.enrich.regions import zones
from dibao.enrich.themes import load_taxonomy, score_article, theme_evidence

from .helpers import make_article, make_issue

EIGHTEEN = ["反诈", "禁毒", "打击犯罪", "警务改革", "基层治理", "矛盾纠纷化解", "营商环境", "执法规范", "政务服务",
            "信访", "普法", "法院审判", "检察", "司法救助", "队伍建设", "应急安保", "交通安全", "政法工作"]


def test_shipped_taxonomy_has_the_eighteen_themes():
    taxonomy = load_taxonomy()
    assert [t.name for t in taxonomy.themes] == EIGHTEEN
    for theme in taxonomy.themes:
        assert theme.slug.isascii() and theme.slug == theme.slug.lower()
        assert theme.description and theme.keywords
    assert len({t.slug for t in taxonomy.themes}) == len(EIGHTEEN)


@pytest.mark.parametrize("title, body, primary", [
    ("某县公安局开展反诈宣传进社区", "民警向群众讲解电信网络诈骗常见手法，提醒不要出租出借两卡。", "反诈"),
    ("强制隔离戒毒所帮扶解戒人员", "戒毒所民警定期回访解戒人员，防止复吸，巩固禁毒成果。", "禁毒"),
    ("区人民检察院对一起案件作出不起诉决定", "检察官认真审查，依法作出不起诉决定并开展检察建议。", "检察"),
    ("市信访局推行领导干部接访", "信访人反映的问题当场交办，初信初访化解率明显提升。", "信访"),
    ("交警部门严查酒驾醉驾", "节假日期间，交警在主要路口设卡，查处酒驾醉驾行为，守护道路交通安全。", "交通安全"),
    ("人民调解员化解邻里纠纷", "调解员上门调处矛盾纠纷，推动矛盾纠纷就地化解。", "矛盾纠纷化解"),
])
def test_primary_theme_of_own_text(title, body, primary):
    themes = themes_of(make_article(body, title))
    assert themes[0] == primary
    assert 1 <= len(themes) <= 3


def themes_of(article):
    return enrich([make_issue([article])])[0].articles[0].themes


def test_title_outweighs_the_tail():
    body = ["开展宪法宣传，组织法治宣传进校园。"] + ["会上还通报了营商环境工作。"]
    assert themes_of(make_article(body, "宪法宣传周活动启动"))[0] == "普法"


def test_no_evidence_no_theme():
    assert themes_of(make_article("今天天气很好。", "春天来了")) == ()


@pytest.mark.parametrize("title, body", [
    ("羽毛球混合团体赛中国队夺冠", "在昨天的决赛中，中国队以3比1战胜对手，赢得冠军。教练表示，改革训练方法是取胜关键。"),
    ("火箭发射成功", "长征系列运载火箭点火升空，卫星顺利进入预定轨道。航天科技集团推进管理改革，社区群众观看直播。"),
    ("养老服务更贴心", "社区养老服务中心里，老人们在助餐点吃上了热乎饭。志愿者定期上门陪伴独居老人，帮助他们使用智能手机。"),
])
def test_stray_keywords_in_general_news_give_no_theme(title, body):
    """The issue's examples: one stray 改革, 社区 or 服务 must not make a sports, space or old-age story legal."""
    assert themes_of(make_article(body, title)) == ()


def test_scores_explain_the_decision():
    article = make_article("民警向群众讲解电信网络诈骗常见手法，提醒不要出租出借两卡。", "某县公安局开展反诈宣传进社区")
    parts = zones(article)
    scores = score_article(parts, ["民警", "群众", "电信网络诈骗", "手法", "出租", "两卡"], ["公安局", "反诈", "宣传"],
                           load_taxonomy())
    assert scores.relevant and scores.candidates[0][0] == "反诈"
    assert [name for name, _, _ in scores.candidates] == sorted(theme_evidence(parts, load_taxonomy()),
                                                                key=lambda n: -dict((c[0], c[1]) for c in scores.candidates)[n])


def test_config_extends_and_replaces_the_taxonomy(tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text("themes:\n  - name: 食品安全\n    slug: shipin-anquan\n    description: 食品药品安全\n"
                     "    keywords: {食品安全: 5, 食品: 2}\n", encoding="utf-8")
    issue = make_issue([make_article("市场监管部门严查食品安全问题，保障食品安全。", "守护舌尖上的食品安全")])
    config = EnrichConfig.from_mapping({"taxonomy_extend": "extra.yaml"}, base=tmp_path)
    extended = load_taxonomy(*config.taxonomy_paths())
    assert "食品安全" in theme_evidence(zones(issue.articles[0]), extended)  # scored by the same fitted weights
    replacement = tmp_path / "only.yaml"
    replacement.write_text("themes:\n  - name: 其他\n    keywords: {无关: 1}\n", encoding="utf-8")
    config = EnrichConfig.from_mapping({"taxonomy": str(replacement)})
    article = enrich([issue], config)[0].articles[0]
    assert article.themes == ()  # no keyword of the replacement: no theme, and no default
    assert load_taxonomy(replacement).themes[0].slug == "qita"  # no slug given: pinyin of the name


def test_bad_taxonomy_names_the_file(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("themes:\n  - name: 缺关键词\n", encoding="utf-8")
    with pytest.raises(ValueError, match="broken.yaml"):
        load_taxonomy(broken)
