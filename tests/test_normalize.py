import pytest

from dibao.normalize import normalise_lines, normalise_text, strip_layout_marks

CASES = [
    ("省委常委,政法委书记主持会议并讲话。", "省委常委，政法委书记主持会议并讲话。"),
    ("截至10:30,共1,000人参加", "截至10:30，共1,000人参加"),
    ("都举起双手!”一声怒喝", "都举起双手！”一声怒喝"),
    ("你们看行吗?", "你们看行吗？"),
    ("分类如下;其一", "分类如下；其一"),
    ("(资料图片)", "（资料图片）"),
    ("(GB/T 2260)", "(GB/T 2260)"),
    ("Hello, world! It works: yes; ok?", "Hello, world! It works: yes; ok?"),
    ("邮箱:news@example.com(新闻)", "邮箱：news@example.com（新闻）"),
    ("详见 https://example.com/a,b?x=1 网页", "详见 https://example.com/a,b?x=1 网页"),
    ("电话 0311-66990802,值班", "电话 0311-66990802，值班"),
    ("增长3.5%,位居第一", "增长3.5%，位居第一"),
    ("比分3:1", "比分3:1"),
    ("全角　空格  折叠", "全角 空格 折叠"),
    ("２０２５年１０月２０日 Ａ06版 ＣＮ", "2025年10月20日 A06版 CN"),  # full-width digits and letters
    ("增长１８％，居第一。", "增长18％，居第一。"),  # full-width punctuation stays
    # a half-width full stop that ends a Chinese sentence; decimals, items, versions and URLs keep theirs
    ("审结此案.近日,法院判决赔偿8000元.", "审结此案。近日，法院判决赔偿8000元。"),
    ("“我记下来了.”周阿姨说", "“我记下来了。”周阿姨说"),
    ("共3000.今年增长5%.此外", "共3000。今年增长5%。此外"),
    ("1.加强领导 2.完善机制", "1.加强领导 2.完善机制"),
    ("增长1.5%,居第一", "增长1.5%，居第一"),
    ("见 www.example.cn 网站", "见 www.example.cn 网站"),
]


@pytest.mark.parametrize("raw,expected", CASES)
def test_punctuation_widths_follow_the_surrounding_script(raw, expected):
    assert normalise_text(raw) == expected


def test_nfc_composes_decomposed_characters():
    assert normalise_text("Cafe\u0301 报道") == "Café 报道"


@pytest.mark.parametrize("raw,text,level,bullet", [
    ("**本报讯** 记者**韩宇** 近日", "本报讯 记者韩宇 近日", 0, False),
    ("#### 上接第一版", "上接第一版", 4, False),
    ("- 天津公安强化警种专业能力", "天津公安强化警种专业能力", 0, True),
    ("*强调*的内容", "强调的内容", 0, False),
    ("3*4=12", "3*4=12", 0, False),
])
def test_layout_marks_go_and_words_stay(raw, text, level, bullet):
    assert strip_layout_marks(raw) == (text, level, bullet)


def test_lines_keep_their_source_numbers_and_block_boundaries():
    lines = normalise_lines(["", "标题", "", "第一段", "接着一行", "   "], first_number=10)
    assert [(l.number, l.text, l.blank_before) for l in lines] == [
        (11, "标题", True), (13, "第一段", True), (14, "接着一行", False)]
