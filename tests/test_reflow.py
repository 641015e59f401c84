"""Hard-wrapped pages are joined back into paragraphs before the model reads them."""
from pathlib import Path

from dibao.ingest import ingest
from dibao.model import Line
from dibao.reflow import column_width, reflowed
from dibao.segment import segment

PARAGRAPH = ("本报讯 3月28日，某市人民检察院举办“检察开放日”活动，邀请人大代表、政协委员和群众代表30余人走进检察院，"
             "参观案件管理中心、12309检察服务中心。")
SECOND = "活动中，代表们观看了检察工作宣传片，并就未成年人保护、公益诉讼等工作提出意见建议，该院表示将认真研究。"


def wrapped(text: str, width: int = 20) -> list[str]:
    return [text[k:k + width] for k in range(0, len(text), width)]


def lines_of(texts: list[str]) -> tuple[Line, ...]:
    return tuple(Line(number, text, blank_before=number == 1) for number, text in enumerate(texts, start=1))


def test_a_hard_wrapped_page_is_joined_into_its_paragraphs_with_their_source_lines():
    texts = ["某市检察院开展检察开放日活动", *wrapped(PARAGRAPH), *wrapped(SECOND)]
    joined = reflowed(lines_of(texts))
    assert [line.text for line in joined] == ["某市检察院开展检察开放日活动", PARAGRAPH, SECOND]
    first_end = 1 + len(wrapped(PARAGRAPH))
    assert [(line.number, line.last) for line in joined] == [(1, 0), (2, first_end), (first_end + 1, len(texts))]


def test_a_page_of_whole_paragraphs_is_left_as_it_is():
    lines = lines_of(["某市检察院开展检察开放日活动", PARAGRAPH, SECOND])
    assert column_width([len(line.text) for line in lines]) == 0
    assert reflowed(lines) is lines


def test_a_caption_set_inside_a_paragraph_stays_a_line_of_its_own():
    pieces = wrapped(PARAGRAPH)
    texts = ["某市检察院开展检察开放日活动", pieces[0], "图为代表们参观案件管理中心。本报记者 王 林摄", *pieces[1:], *wrapped(SECOND)]
    joined = [line.text for line in reflowed(lines_of(texts))]
    assert "图为代表们参观案件管理中心。本报记者 王 林摄" in joined
    assert "".join(pieces[1:]) in joined


def test_an_article_from_a_hard_wrapped_page_maps_to_every_line_it_came_from(tmp_path: Path):
    texts = ["某市检察院开展检察开放日活动", *wrapped(PARAGRAPH), *wrapped(SECOND)]
    path = tmp_path / "issue.txt"
    path.write_text("\n".join(texts) + "\n", encoding="utf-8")
    issue = segment(ingest(path, "seeds/issue.txt"))
    (article,) = issue.articles
    assert [block.text for block in article.body] == [PARAGRAPH.removeprefix("本报讯 "), SECOND]
    assert (article.sources[0].first, article.sources[-1].last) == (1, len(texts))
    assert article.body[-1].source.last == len(texts)
