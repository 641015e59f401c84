"""The decoder's rule passes over the role model's reading: each fixes one certain thing."""
from dibao.model import Line
from dibao.segment.decode import parts_go_on
from dibao.segment.units import units_by_line

PAGE = ("让每一起案件都经得起检验", "司法公正是社会公正的最后一道防线。", "（二）",
        "回应关切，才能赢得信任。", "以公开促公正，以透明赢公信。", "（本报记者 张三）", "某地开展普法宣传",
        "本报讯 近日，某地开展普法宣传活动。")


def units(texts):
    return units_by_line(tuple(Line(number, text) for number, text in enumerate(texts, start=1)))


def test_the_text_under_a_part_number_goes_on_with_that_part():
    roles = ["title", "body", "body", "fragment", "body", "body", "body", "lead"]
    assert parts_go_on(units(PAGE), roles)[3] == "body"
    assert parts_go_on(units(PAGE), [*roles[:3], "lead", *roles[4:]])[3] == "body"


def test_a_credit_line_is_no_part_number_and_what_follows_it_may_start_anew():
    roles = ["title", "body", "body", "body", "body", "body", "title", "lead"]
    assert parts_go_on(units(PAGE), roles) == roles
    assert parts_go_on(units(PAGE), roles[:6] + ["fragment", "body"])[6] == "fragment"


def draft(title, *paragraphs, orphan=False):
    from dibao.segment.draft import Draft, DraftBlock
    from dibao.segment.units import Unit

    heads = [Unit("heading", (Line(1, title),), title)] if title else []
    return Draft(title_units=heads, orphan=orphan, blocks=[DraftBlock("paragraph", p, [1]) for p in paragraphs])


def test_the_end_of_a_story_broken_off_above_the_next_story_goes_back_to_it():
    from dibao.segment.fragments import reattach

    broken = draft("某市检察院办理一起非法采矿案", "经查，被告人擅自在河道内开采砂石，造成矿产资源损失")
    below = draft("某县公安局开展交通安全宣传", "近日，某县交警大队走进中小学，开展交通安全宣传活动。")
    tail = draft("", "共计200余万元。据了解，此事引起当地群众广泛关注。", orphan=True)
    result = reattach([broken, below, tail])
    assert result == [broken, below] and broken.blocks[-1].text.endswith("造成矿产资源损失共计200余万元。据了解，此事引起当地群众广泛关注。")


def test_a_finished_story_above_the_next_story_takes_no_piece_by_position():
    from dibao.segment.fragments import reattach

    finished = draft("某市检察院办理一起非法采矿案", "经查，被告人擅自在河道内开采砂石，造成矿产资源损失。")
    below = draft("某县公安局开展交通安全宣传", "近日，某县交警大队走进中小学，开展交通安全宣传活动。")
    tail = draft("", "共计200余万元。据了解，此事引起当地群众广泛关注。", orphan=True)
    assert len(reattach([finished, below, tail])) == 3
