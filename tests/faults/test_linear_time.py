"""Issue #20 item 1: every segmentation rule is linear in the number of lines (and a line's rules
in its length).  Time at n and at 4n are compared, for issues of several shapes: linear work
grows about 4 times, quadratic work 16 times; the bound (8) sits between them on a log scale.
Each time is the best of three runs, so a busy machine rarely makes a false alarm.  The absolute
speed on 200,000 lines is the bench's business: ``python -m bench.scaling``."""
import time

import pytest

from dibao.ingest import RawIssue, issue_from_raw
from dibao.segment import segment

SHAPES = {
    # one short sentence per line, no blank line anywhere: every line is one unbroken block
    "unbroken short lines": lambda n: "\n".join(f"第{i}行测试。" for i in range(n)),
    # stacked four-character phrases: the masthead slogan rule's own shape
    "slogan-like lines": lambda n: "\n".join("对党忠诚 服务人民" if i % 50 else "某地新闻" for i in range(n)),
    # headings, bylines and bodies: many short articles
    "many articles": lambda n: "\n\n".join(f"某市第{i}次专项行动取得成效\n\n本报记者 张三\n\n第{i}段正文内容。"
                                           for i in range(n // 5)),
    # one line: an unclosed emphasis mark before a long run of text
    "unclosed star": lambda n: "*" + "字" * (4 * n),
    # one line: many marks, which pair up as emphasis
    "paired stars": lambda n: "带*号" * n,
    # one line: Chinese text with no punctuation at all (its generated title is cut by jieba)
    "unpunctuated run": lambda n: "带号" * (2 * n),
    # one line: an unclosed double mark among many words
    "unclosed double star": lambda n: "**" + "文字 " * n,
}


def seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        segment(issue_from_raw(RawIssue("seeds/x.txt", text, "utf-8"), "x"))
        best = min(best, time.perf_counter() - started)
    return best


@pytest.fixture(scope="module", autouse=True)
def warm():
    seconds("某市公安局召开会议。\n\n本报记者 张三")  # jieba's dictionary and pinyin tables load once


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_item1_parse_time_grows_linearly(shape):
    make, n = SHAPES[shape], 1000
    small = seconds(make(n))
    while small < 0.05 and n < 16000:  # below a twentieth of a second, timer noise rivals the work
        n *= 2
        small = seconds(make(n))
    large = seconds(make(4 * n))
    assert large / max(small, 0.05) < 8, f"{shape}: {small:.3f}s at n={n}, {large:.3f}s at 4n"
