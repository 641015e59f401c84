from __future__ import annotations

from dibao.enrich import article_id, people_index
from dibao.enrich.people import assign_slugs

from .helpers import make_article, make_issue


def test_same_name_across_issues_is_one_person():
    first = make_issue([make_article("甲。", "一", order=1, issue="a", reporters=("刘志月",), correspondents=("余情愫",))],
                       issue_id="a")
    second = make_issue([make_article("乙。", "二", order=3, issue="b", reporters=("刘志月",),
                                      photographers=("刘志月",))], issue_id="b")
    people = {p.name: p for p in people_index([first, second])}
    assert people["刘志月"].slug.startswith("liu-zhiyue-")
    assert people["刘志月"].articles == ("a/01", "b/03")
    assert people["刘志月"].roles == ("photographer", "reporter")
    assert people["余情愫"].roles == ("correspondent",)


def test_surname_readings():
    slugs = assign_slugs(["解泽龙", "单雄", "欧阳明"])
    assert {name: slug.rsplit("-", 1)[0] for name, slug in slugs.items()} == {
        "解泽龙": "xie-zelong", "单雄": "shan-xiong", "欧阳明": "ouyang-ming"}


def test_pinyin_collisions_are_resolved_the_same_way_in_any_order():
    names = ["刘欢", "刘桓", "张伟", "章玮", "王力", "王立"]
    slugs = assign_slugs(names)
    assert len(set(slugs.values())) == len(names)
    assert assign_slugs(list(reversed(names))) == slugs


def test_a_slug_never_depends_on_other_names():
    alone = assign_slugs(["刘欢"])["刘欢"]
    assert assign_slugs(["刘欢", "柳欢", "刘桓"])["刘欢"] == alone
    assert alone.startswith("liu-huan-")


def test_article_id_format():
    assert article_id(make_article("x", issue="003_46bd6e34c8861008", order=2)) == "003_46bd6e34c8861008/02"
