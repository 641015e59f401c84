"""A word cut in two across blocks (segment/bridges.py): the dictionary tells a cut from a meeting."""
import pytest

from dibao.segment.bridges import bridges


@pytest.mark.parametrize("left,right", [
    ("梳理出多条提案建", "议，形成38条建议清单"),
    ("不时向工作人", "员询问莫高窟的历史渊源"),
    ("防范政治风", "险，坚决落实党中央决策部署"),
])
def test_a_word_cut_in_two_bridges(left, right):
    assert bridges(left, right)


@pytest.mark.parametrize("left,right", [
    ("发展活力和", "创新活力显著增强"),  # cut between words: nothing tells
    ("会议强调。", "要聚焦企业急难愁盼"),  # the left block ends its sentence
    ("“安宁权”更", "新中国成立后，我国民事立法"),  # 更|新 meet, but each reads well on its own
    ("今天天气很好", "我们去公园"),
])
def test_words_that_only_meet_do_not(left, right):
    assert not bridges(left, right)


def _page(texts):
    from dibao.model import Line
    from dibao.segment.units import classify
    return [classify(Line(n, text, 0, False, True)) for n, text in enumerate(texts, start=1)]


def test_a_moved_tail_that_finishes_a_cut_word_is_a_displaced_piece():
    from dibao.segment.bridges import moved_tails
    page = _page(["某市政协聚焦民生提案办理", "今年以来，某市政协梳理出多条提案建",
                  "社区法律服务站实现全覆盖", "截至去年底，某区所有社区均建成法律服务站。",
                  "议，形成38条建议清单，各承办单位对单办理。"])
    roles = ["title", "body", "title", "body", "body"]
    assert moved_tails(page, roles) == ["title", "body", "title", "body", "fragment"]


def test_a_paragraph_whose_first_word_only_meets_the_cut_stays_where_it_is():
    from dibao.segment.bridges import moved_tails
    page = _page(["标题一", "相比法律对人身安全的规定，“安宁权”更",
                  "标题二", "截至去年底，某区所有社区均建成法律服务站。",
                  "新中国成立后，我国民事立法以婚姻法为开篇。"])
    roles = ["title", "body", "title", "body", "body"]
    assert moved_tails(page, roles) == roles


def test_a_long_line_cut_inside_a_word_is_text_going_on_not_a_headline():
    from dibao.segment.bridges import cut_words
    page = _page(["这本书收入了毛泽东同志为这篇报告写的按语和调查报",
                  "告的全文。这篇调查报告记录了当时农村的真实情况。"])
    assert cut_words(page, ["title", "body"]) == ["body", "join"]
    assert cut_words(page, ["body", "lead"]) == ["body", "join"]


def test_a_moved_tail_under_the_next_storys_photo_credit_is_found_too():
    from dibao.segment.bridges import moved_tails
    page = _page(["某市政协聚焦民生提案办理", "今年以来，某市政协梳理出多条提案建",
                  "社区法律服务站实现全覆盖", "截至去年底，某区所有社区均建成法律服务站。", "王 林摄（新华社发）",
                  "议，形成38条建议清单，各承办单位对单办理。"])
    roles = ["title", "body", "title", "body", "body", "body"]
    assert moved_tails(page, roles)[-1] == "fragment"
