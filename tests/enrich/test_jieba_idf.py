"""Keywords read jieba's IDF table directly (and from a pickle after the first time)."""
import importlib

terms = importlib.import_module("dibao.enrich.terms")  # the package exports a function of that name


def test_table_equals_jieba_analyse_and_the_pickled_copy():
    import jieba.analyse

    terms.jieba_idf.cache_clear()
    first = terms.jieba_idf()
    terms.jieba_idf.cache_clear()
    second = terms.jieba_idf()  # from the pickle written by the first call
    assert first == second
    assert first[0] == jieba.analyse.default_tfidf.idf_freq
    assert first[1] == jieba.analyse.default_tfidf.median_idf
