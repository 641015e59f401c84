"""The shipped theme model is what the training command makes of the annotations, byte for byte."""
from __future__ import annotations

import pytest

from dibao.enrich import train
from dibao.enrich.annotated import ROOTS, load_all, rebuild
from dibao.enrich.theme_model import MODEL, load_model


@pytest.mark.skipif(not ROOTS["corpus"].exists(), reason="../shared/corpus/rmrb is absent: the annotated 人民日报 "
                                                          "articles are read from it by reference")
def test_training_recreates_the_shipped_model():
    assert train.serialise(train.train(load_all())) == MODEL.read_text(encoding="utf-8")


def test_every_annotation_names_known_themes_and_regions():
    from dibao.enrich.regions import PROVINCES
    from dibao.enrich.themes import load_taxonomy

    names = {t.name for t in load_taxonomy().themes} | {"none"}
    for annotation in load_all():
        assert set(annotation.themes) <= names and len(annotation.themes) <= 3, annotation.key
        assert set(annotation.regions) <= set(PROVINCES) | {"全国", "none"} and len(annotation.regions) <= 4, \
            annotation.key


def test_written_annotations_rebuild_without_the_corpus():
    written = [a for a in load_all() if a.collection == "written"]
    assert len(written) >= 50
    for annotation in written:
        assert rebuild(annotation).articles[0].body


@pytest.mark.skipif(not (ROOTS["corpus"] / "enrich-gold.json").exists(), reason="../shared/corpus/rmrb is absent")
def test_no_annotation_repeats_an_article_of_the_corpus_gold():
    """The corpus gold is never trained on: the corpus repeats some pages, so an article annotated
    from another page could be one of the gold's."""
    from dibao.enrich.annotated import load

    gold = {(a.first, a.last) for a in load(ROOTS["corpus"] / "enrich-gold.json")}
    assert not [a.key for a in load_all() if (a.first, a.last) in gold]


def test_keyword_corrections_name_themes_and_their_keywords():
    from dibao.enrich.theme_model import THEME_BIAS
    from dibao.enrich.themes import load_taxonomy

    keyword_sets = load_taxonomy().keyword_sets
    corrections = load_model().keywords
    assert corrections
    for key in corrections:
        theme, _, word = key.partition("|")
        assert word == THEME_BIAS or word in keyword_sets[theme], key


def test_model_weights_are_readable():
    model = load_model()
    assert 0 < model.threshold < 1 and 0 < model.gate < 1
    assert model.words["民警"] > 0  # police news reads as relevant


def test_explain_names_the_decision(tmp_path):
    from dibao.cli import main

    folder = tmp_path / "content" / "t_issue"
    folder.mkdir(parents=True)
    (folder / "01-fanzha.md").write_text("---\ntitle: 某县公安局开展反诈宣传进社区\nissue: t_issue\norder: 1\nkind: report\n"
                                         "source: {file: t.txt, lines: [1, 2]}\n---\n\n本报长沙3月4日电 民警向群众讲解电信网络诈骗"
                                         "常见手法，提醒不要出租出借两卡。\n", encoding="utf-8")
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--content", str(tmp_path / "content"), "--explain", "t_issue/01"]) == 0
    text = out.getvalue()
    assert "themes: 反诈" in text and "反诈: p=" in text and "relevance" in text
    assert "regions: 湖南" in text and "本报长沙3月4日电" in text  # the dateline speaks when nothing else does


def test_a_second_theme_needs_the_secondary_bar():
    from dibao.enrich.themes import ThemeScores

    scores = ThemeScores(relevance=3.0, candidates=(("禁毒", 0.9, ()), ("交通安全", 0.25, ()), ("基层治理", 0.35, ())),
                         threshold=0.2, gate=0.5, secondary=0.3)
    assert scores.themes == ("禁毒", "基层治理")
    assert ThemeScores(3.0, (("禁毒", 0.25, ()),), threshold=0.2, gate=0.5, secondary=0.3).themes == ("禁毒",)
    assert load_model().secondary >= load_model().threshold
