"""Issue #20 item 3: what is in content/ is on the site.  A paragraph that starts like Markdown
block syntax (``::: figure``, ``#``, ``- ``) is written escaped, so reading content/ back gives
the same blocks, and the page shows the text as printed."""
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dibao.config import load_config
from dibao.contentio import parse_body, render_body
from dibao.model import Block, Figure
from dibao.pipeline import build

BLOCK_STARTS = ["::: figure 这一段是正文。", "#话题# 市民热议。", "### 机制牵引，推动工作。", "- 负数不是列表。",
                "* 星号开头。", "\\#反斜杠开头。", "\\", ":::", "+ 加号开头。", "1. 编号开头。", "> 引用开头。"]


@pytest.mark.parametrize("text", BLOCK_STARTS)
def test_item3_paragraphs_that_look_like_block_syntax_read_back_as_written(text):
    blocks = (Block("paragraph", "第一段。"), Block("paragraph", text), Block("section", text), Block("item", text),
              Block("figure", figure=Figure(caption=text, credit="本报记者 张三 摄", label="图①")))
    assert parse_body(render_body(blocks)) == blocks


texts = st.text(st.one_of(st.sampled_from("#*-+:\\>_ 1.。"), st.characters(blacklist_categories=("Cs", "Cc"))),
                min_size=1, max_size=40) \
    .map(lambda t: " ".join(t.split())).filter(bool)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["paragraph", "section", "item"]), texts), min_size=1, max_size=6))
def test_item3_any_body_reads_back_as_written(parts):
    blocks = tuple(Block(kind, text) for kind, text in parts)
    assert parse_body(render_body(blocks)) == blocks


def test_item3_text_in_content_is_on_the_site(root, tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    lines = ["::: figure 这一段是正文，并非图片说明。", "#话题# 市民纷纷点赞家门口的调解室。",
             "本报讯 记者张三 ### 机制牵引，推动矛盾纠纷就地化解。"]
    (seeds / "2025-04-15-x.txt").write_text("某市公安局推进社区警务改革\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    config = load_config(root, seeds=str(seeds), content=str(tmp_path / "content"), out=str(tmp_path / "site"),
                         quiet=True)
    build(config, root=root)
    pages = [p.read_text(encoding="utf-8") for p in (tmp_path / "site" / "issues").rglob("*.html")]
    articles = [page for page in pages if "<article" in page]
    paragraphs = [p for page in articles for p in re.findall(r"<p>(.*?)</p>", page, re.S)]
    for line in lines:
        wanted = line.split(" ", 2)[-1] if line.startswith("本报讯") else line
        assert any(wanted in p for p in paragraphs), (wanted, paragraphs)
    assert not any(re.search(r"<figcaption>\s*</figcaption>", page) for page in articles)
