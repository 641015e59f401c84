"""The bench's own parts: exclusive stage timing, the parse split, and the article mutations."""
import random
import re
import time

from bench.corpus import SeedArticle
from bench.mutate import HOTLINES, mutate_article, renumber
from bench.report import stage_seconds
from bench.stages import Stopwatch
from dibao.enrich.gazetteer import load_gazetteer


def test_stopwatch_counts_nested_stages_once():
    watch = Stopwatch()
    inner = watch.wrap("inner", lambda: time.sleep(0.05))
    outer = watch.wrap("outer", lambda: (inner(), time.sleep(0.02)))
    started = time.perf_counter()
    outer()
    total = time.perf_counter() - started
    assert watch.seconds["inner"] >= 0.05
    assert 0.02 <= watch.seconds["outer"] < total - 0.04
    assert abs(watch.seconds["inner"] + watch.seconds["outer"] - total) < 0.01


def test_parse_wall_time_is_split_by_worker_cpu():
    record = {"stages": {"parse": 10.0, "relate": 2.0},
              "worker_cpu": {"ingest+segment": 3.0, "enrich per article": 1.0}}
    assert stage_seconds(record) == {"relate": 2.0, "ingest+segment": 7.5, "enrich per article": 2.5}


def seed_article() -> SeedArticle:
    gazetteer = load_gazetteer()
    city, county = gazetteer.forms["鄂州市"][0].division, gazetteer.forms["鄂城区"][0].division
    lines = ("## 鄂州公安守护平安", "□ 本报记者 刘志月", "",
             "2021年9月1日，湖北省鄂州市公安局鄂城区分局民警周少龙说，全市破案率上升22%，拨打110求助。",
             "刘志月在鄂城区采访。")
    province = gazetteer.forms["湖北省"][0].division
    forms = (("湖北省", province.code), ("鄂城区", county.code), ("鄂州", city.code), ("鄂州市", city.code))
    return SeedArticle("x.txt", (lines,), ("刘志月", "周少龙"), (province, city, county), forms)


def test_mutation_keeps_people_and_places_consistent():
    from bench.corpus import Corpus

    article = seed_article()
    corpus = Corpus((article,), ("这是另一篇文章里的一句话，用来拼接。",))
    for seed in range(20):
        text = "\n".join(mutate_article(article, corpus, random.Random(seed), 2023)[0])
        assert "刘志月" not in text and "周少龙" not in text
        reporter = re.search(r"□ 本报记者 (\S+)", text).group(1)
        assert f"{reporter}在" in text  # the same new name in byline and body
        assert "拨打110" in text and text.startswith("## ")
        years = [int(y) for y in re.findall(r"(\d{4})年", text)]
        assert all(2019 <= y <= 2023 for y in years)


def test_renumber_keeps_hotlines_and_pages_and_makes_valid_dates():
    rng = random.Random(1)
    for _ in range(50):
        text = renumber("12月31日，拨打12345热线（下转第7版）增长85.5%", rng, 2022)
        month, day = re.match(r"(\d+)月(\d+)日", text).groups()
        assert 1 <= int(month) <= 12 and 1 <= int(day) <= 28
        assert "12345" in text and "第7版" in text
        assert float(re.search(r"([\d.]+)%", text).group(1)) <= 100
    assert "110" in HOTLINES
