"""An editor's note set above the headline of the story it introduces goes to that story."""
from dibao.segment.boxes import notes_forward
from dibao.segment.draft import Draft, DraftBlock
from dibao.segment.units import Unit


def story(title: str, head_line: int, *blocks: tuple[str, str, int]) -> Draft:
    draft = Draft(title_units=[Unit("heading", [], title)], head_lines=[head_line])
    draft.blocks = [DraftBlock(kind, text, [line]) for kind, text, line in blocks]
    return draft


def test_a_note_ending_the_story_above_a_headline_moves_to_the_story_below():
    above = story("某市检察院开展检察开放日活动", 1, ("paragraph", "近日，某市人民检察院举办检察开放日活动。", 2),
                  ("section", "编者按：", 3), ("paragraph", "本报今起推出“反诈进行时”专栏。", 4))
    below = story("“断卡”行动斩断诈骗“资金链”", 6, ("paragraph", "今年以来，某县公安局深入开展“断卡”行动。", 8))
    notes_forward([above, below])
    assert [b.text for b in above.blocks] == ["近日，某市人民检察院举办检察开放日活动。"]
    assert [b.text for b in below.blocks][:2] == ["编者按：", "本报今起推出“反诈进行时”专栏。"]


def test_a_note_under_its_own_story_and_an_afterword_stay_where_they_are():
    own = story("某县法院巡回审判进山村", 1, ("paragraph", "编者按：巡回审判是便民举措。", 2),
                ("paragraph", "3月12日，某县法院把庭审搬到了山村。", 3), ("paragraph", "当事人当场达成调解协议。", 4))
    afterword = story("某地开展普法宣传", 5, ("paragraph", "近日，某地开展普法宣传活动。", 6), ("paragraph", "编后：普法贵在坚持。", 7))
    below = story("某市推行涉企免罚清单", 9, ("paragraph", "今年以来，某市司法局推行免罚清单。", 10))
    notes_forward([own, afterword, below])
    assert len(own.blocks) == 3 and len(afterword.blocks) == 2 and len(below.blocks) == 1
