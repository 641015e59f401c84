"""Line roles from gold: the alignment that turns a gold file into training labels."""
from dibao.normalize import normalise_lines
from dibao.roles.align import line_roles

PAGE = """2024年5月6日 星期一
某某日报
为了群众安全——
某县开展汛前隐患大排查（一线探访）
本报某县5月5日电 记者王明 近日，某县组织力量对辖区河道、山塘开展汛前隐患排查，
共发现并整改隐患37处。
排查中，工作人员还向沿河群众发放防汛明白卡。
社区里来了“法律明白人”
某区司法局在每个社区培养两名“法律明白人”，为居民讲解法律知识。
截至目前，已培养“法律明白人”120名。
县防汛指挥部表示，将持续跟踪整改情况，确保安全度汛。"""

GOLD = [
    {"title": "某县开展汛前隐患大排查", "alt_titles": ["为了群众安全"], "column": "一线探访",
     "first": "本报某县5月5日电", "last": "确保安全度汛。", "contains": ["辖区河道、山塘开展汛前隐患排查，共发现"]},
    {"title": "社区里来了“法律明白人”", "alt_titles": [], "first": "某区司法局在每个", "last": "明白人”120名。",
     "contains": []},
]


def lines_of(text: str):
    return normalise_lines(text.split("\n"))


def test_every_line_gets_the_role_the_gold_implies():
    roles, placed = line_roles(lines_of(PAGE), GOLD)
    assert roles == ["furniture", "furniture", "kicker", "title", "body", "join", "body",
                     "title", "body", "body", "fragment"]
    assert all(placed)


def test_gold_that_lists_its_furniture_gives_every_other_line_to_an_article():
    text = PAGE + "\n（下转第2版）\n本版编辑：李华"
    roles, _ = line_roles(lines_of(text), GOLD, furniture=["本版编辑"])
    assert roles[-2:] == ["body", "furniture"]  # the marker closes the story; the footer is listed


def test_an_article_the_gold_names_but_the_page_lacks_is_not_placed():
    roles, placed = line_roles(lines_of(PAGE), GOLD + [{"title": "不存在的文章", "first": "这一段不在", "last": "页面上。"}])
    assert placed[-1] is None
    assert roles.count("title") == 2
