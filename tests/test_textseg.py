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


def test_cut_splits_exactly_as_jieba_does():
    """``cut`` reimplements jieba's precise no-HMM mode for speed: every sample issue and
    random mixes of common characters, Latin letters, digits, spaces and punctuation split
    the same way (ties between routes included)."""
    import random
    from pathlib import Path

    texts = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))]
    alphabet = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产"
                "种面而方后多定行学法所民得经公安局派出所诈骗犯罪嫌疑人民警察检察院法院市县区省abcXYZ019.%-_ \n\r　，。《》“”")
    chance = random.Random(6)
    texts += ["".join(chance.choice(alphabet) for _ in range(chance.randint(1, 60))) for _ in range(2000)]
    tokenizer = get_jieba()
    for text in texts:
        assert cut(text) == tokenizer.lcut(text, HMM=False), text


def test_cached_prefix_dict_loads_what_jieba_would(tmp_path):
    import jieba

    from dibao.textseg import load_cached_prefix_dict

    reference = jieba.Tokenizer()
    reference.tmp_dir = str(tmp_path)
    assert not load_cached_prefix_dict(reference)  # no cache yet: jieba builds and writes it
    reference.initialize()
    fast = jieba.Tokenizer()
    fast.tmp_dir = str(tmp_path)
    assert load_cached_prefix_dict(fast) and fast.initialized
    assert fast.total == reference.total and fast.FREQ == reference.FREQ
    (tmp_path / "jieba.cache").write_bytes(b"not marshal data")
    broken = jieba.Tokenizer()
    broken.tmp_dir = str(tmp_path)
    assert not load_cached_prefix_dict(broken) and not broken.initialized
