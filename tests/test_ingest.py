"""Hostile input: every file gets a clear message or a sane result, never a traceback."""
import codecs

import pytest

from dibao.ingest import InputError, decode, ingest
from dibao.segment import segment
from dibao.conserve import lost_characters

TEXT = "鄂州公安守护平安\n\n□ 本报记者 刘志月\n\n近日，鄂州市公安局召开会议。\n"


@pytest.mark.parametrize("encoding,bom", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b""), ("gbk", b""),
    ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", b""), ("utf-16-be", b""),
])
def test_encodings_are_detected(encoding, bom):
    text, _ = decode(bom + TEXT.encode(encoding), "x.txt")
    assert text == TEXT


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_ends_are_normalised(tmp_path, newline):
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.replace("\n", newline).encode("utf-8"))
    issue = ingest(path)
    assert [l.number for l in issue.lines] == [1, 3, 5]


def test_binary_input_is_refused_with_file_and_line(tmp_path):
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x02\n\x00\x00")
    with pytest.raises(InputError) as info:
        ingest(path, "seeds/photo.jpg")
    assert str(info.value).startswith("seeds/photo.jpg:1:")


def test_nul_in_the_middle_of_text_names_its_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("第一行\n第二行\n第三\x00行\n".encode("utf-8"))
    with pytest.raises(InputError, match=r"a.txt:3:"):
        ingest(path, "a.txt")


def test_empty_file_warns_and_has_no_article(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n\n")
    issue = segment(ingest(path, "seeds/empty.txt"))
    assert issue.articles == ()
    assert issue.warnings and "seeds/empty.txt:1: warning" in issue.warnings[0]


def test_front_matter_overrides_inferred_values(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("---\npaper: 测试法治报\ndate: 2024-03-02\nsection: 政法周刊\n---\n" + TEXT, encoding="utf-8")
    issue = segment(ingest(path))
    assert (issue.paper, issue.date, issue.masthead.section) == ("测试法治报", "2024-03-02", "政法周刊")
    assert issue.lines[0].number == 6


def test_bad_front_matter_names_the_line(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("---\npaper: [unclosed\n---\n正文。\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"x.txt:\d+: front matter"):
        ingest(path, "x.txt")


HOSTILE = {
    "headings_only.txt": "# 标题一\n\n## 标题二\n\n### 标题三\n",
    "html.txt": "<h1>标题</h1>\n\n<script>alert('x')</script>正文内容。<img src=x onerror=alert(1)>\n",
    "masthead_only.txt": "2025年4月15日 星期二\n\n第853期 本刊今日4版\n\n国内统一连续出版物号 CN 13-0079\n\n邮发代号 17-77\n",
    "long_line.txt": "很长的一段话，" * 700_000 + "结束。\n",
    "template.txt": "标题{{ 7*7 }}\n\n本报讯 记者张三 {% raw %}正文{{ x }}。\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_files_parse_without_losing_text(tmp_path, name):
    path = tmp_path / name
    path.write_text(HOSTILE[name], encoding="utf-8")
    issue = segment(ingest(path, name))
    assert lost_characters(issue) == []
