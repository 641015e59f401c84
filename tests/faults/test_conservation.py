"""Issue #20 item 2: no character is dropped silently.  The conservation check counts the decoded
input itself, less the documented layout marks (dibao/layout.py); emphasis marks go only where they
pair up around words, and a literal ``*``, ``_`` or ``#`` stays in the text."""
from dataclasses import replace

import pytest

from dibao.conserve import lost_characters
from dibao.ingest import RawIssue, issue_from_raw
from dibao.normalize import strip_layout_marks
from dibao.segment import segment

LITERAL = [
    "带*号的项目为必填，*为说明文字。举报电话：______，请于______前填写。",
    "调用 __init__ 方法时，5**2 等于25。",
    "第3*4条规定的“**”标记。",
    "*号仅作注释，不是强调。",
    "某地#话题#引发关注，#号不是标题。",
]


def parse(text: str):
    return segment(issue_from_raw(RawIssue("seeds/x.txt", text, "utf-8"), "x"))


def article_text(issue) -> str:
    return "".join(a.title + a.text + a.dateline + a.byline for a in issue.articles)


@pytest.mark.parametrize("line", LITERAL)
def test_item2_literal_marks_stay_in_the_text(line):
    issue = parse(f"某市公安局召开专项会议\n\n{line}\n")
    assert line.replace(" ", "") in article_text(issue).replace(" ", "")
    assert lost_characters(issue) == []


@pytest.mark.parametrize("raw,text", [
    ("**本报讯** 记者**韩宇** 近日", "本报讯 记者韩宇 近日"),
    ("*强调*的内容", "强调的内容"),
    ("记者**“韩宇”**报道", "记者“韩宇”报道"),
    ("__加粗__的字", "加粗的字"),
    ("5**2=25，**不是强调", "5**2=25，**不是强调"),
    ("snake_case_name 与 __init__", "snake_case_name 与 __init__"),
    ("______", "______"),
    ("***三个星号***", "***三个星号***"),
])
def test_item2_emphasis_goes_only_where_paired_around_words(raw, text):
    assert strip_layout_marks(raw)[0] == text


def test_item2_emphasis_pairs_across_the_lines_of_one_paragraph():
    issue = issue_from_raw(RawIssue("seeds/x.txt", "**对党忠诚 服务人民\n执法公正 纪律严明**\n\n正文。", "utf-8"), "x")
    assert [line.text for line in issue.lines] == ["对党忠诚 服务人民", "执法公正 纪律严明", "正文。"]


def test_item2_conservation_counts_the_raw_input_not_the_normalised_lines():
    issue = issue_from_raw(RawIssue("seeds/x.txt", "标题\n\n举报电话：______。\n", "utf-8"), "x")
    damaged = replace(issue, lines=tuple(replace(line, text=line.text.replace("_", "")) for line in issue.lines))
    problems = lost_characters(segment(damaged))
    assert problems and problems[0].startswith("seeds/x.txt:3: ") and "_" in problems[0]


def test_item2_layout_marks_are_not_counted_as_lost():
    issue = parse("## **标题一**\n\n- 列表项\n* 另一项\n\n**本报讯** 记者张三 正文。\n")
    assert lost_characters(issue) == []
