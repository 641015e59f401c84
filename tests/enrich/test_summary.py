from __future__ import annotations

import pytest

from dibao.enrich.summary import MAX_LENGTH, summarize


@pytest.mark.parametrize("lead", [
    "本报讯 记者韩宇 近日，某市政法委召开全市政法系统座谈会，听取各县区政法工作情况汇报，研究部署下一步重点工作。会议强调要抓好落实。",
    "□ 本报记者 张三 □ 本报通讯员 李四 近日，某市政法委召开全市政法系统座谈会，听取各县区政法工作情况汇报，研究部署下一步重点工作。会议强调要抓好落实。",
    "（记者 王五）近日，某市政法委召开全市政法系统座谈会，听取各县区政法工作情况汇报，研究部署下一步重点工作。会议强调要抓好落实。",
])
def test_byline_and_dateline_are_removed(lead):
    assert summarize(lead) == "近日，某市政法委召开全市政法系统座谈会，听取各县区政法工作情况汇报，研究部署下一步重点工作。"


def test_known_dateline_field_is_removed():
    assert summarize("新华社北京电 全国公安机关开展行动。", dateline="新华社北京电").startswith("全国公安机关")


def test_short_first_sentence_takes_the_second():
    assert summarize("案件告破。民警在三天内追回全部被骗资金，受害群众送来锦旗表示感谢。") == \
        "案件告破。民警在三天内追回全部被骗资金，受害群众送来锦旗表示感谢。"


def test_long_sentence_is_cut_at_a_clause_mark():
    lead = "今年以来，" + "，".join(["某县公安局持续深化警务机制改革"] * 12) + "。"
    summary = summarize(lead)
    assert summary.endswith("……") and len(summary) <= MAX_LENGTH + 2
    assert summary[:-2].endswith("改革")  # whole words before the ellipsis


def test_long_sentence_without_marks_is_cut_between_words():
    lead = "中华人民共和国" * 30 + "。"
    summary = summarize(lead)
    assert summary.endswith("……")
    assert len(summary[:-2]) % len("中华人民共和国") == 0


def test_never_mentions_a_reporter_name_alone():
    assert summarize("□ 本报记者 颜爱勇") == ""


def test_exclamations_inside_a_quote_do_not_end_the_summary():
    lead = "“不动！都举起双手！”一声怒喝，打破了夜的宁静。" + "只见出租屋内银行卡散落床头" * 12 + "。"
    assert summarize(lead) == "“不动！都举起双手！”一声怒喝，打破了夜的宁静。"
