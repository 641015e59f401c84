from dibao.textseg import cut, get_jieba, read_userdict, USER_DICT


def test_domain_terms_stay_whole_in_any_context():
    for text in ["坚持和发展新时代枫桥经验", "推动情指行一体化运行", "鄂州公安情指勤舆", "分流非警务警情",
                 "打击电信网络诈骗犯罪", "严打两卡违法犯罪", "查处跑分团伙", "县综治中心", "深化诉源治理"]:
        words = cut(text)
        assert any(term in words for term in ("枫桥经验", "情指行", "情指勤舆", "非警务警情", "电信网络诈骗", "两卡",
                                              "跑分", "综治中心", "诉源治理")), (text, words)


def test_tokenizer_is_built_once():
    assert get_jieba() is get_jieba()


def test_userdict_reports_bad_lines(tmp_path):
    bad = tmp_path / "dict.txt"
    bad.write_text("# comment\n好词 12 n\n坏 行 有 四\n", encoding="utf-8")
    try:
        read_userdict(bad)
    except ValueError as error:
        assert "dict.txt:3" in str(error)
    else:
        raise AssertionError("expected a ValueError")
    assert read_userdict(USER_DICT)
