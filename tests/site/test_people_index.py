"""The people index: totals on the index only, a page per surname syllable, names in slug order."""
from types import SimpleNamespace

from dibao.enrich.people import person_slug
from dibao.site import SiteConfig
from dibao.site.catalog import Group
from dibao.site.fingerprint import Fingerprinter
from dibao.site.listings import PEOPLE_TOP, people_pages


def person(name: str, credits: int) -> Group:
    slug = person_slug(name) if name != "007" else "007-1a2b"  # person_slug spells such names "person-…"
    return Group("person", name, slug, f"people/{slug}", (), counts=(("记者", credits),))


def pages_of(names: dict[str, int], page_size: int = 1) -> dict:
    people = sorted((person(n, c) for n, c in names.items()), key=lambda g: -g.counts[0][1])  # catalog order
    pages = people_pages(SimpleNamespace(people=tuple(people)), SiteConfig(quiet=True, page_size=page_size))
    return {page.path: page for page in pages}


NAMES = {"安然": 3, "白雪": 9, "包拯": 1, "鲍勃": 2, "包公": 1, "包青天": 1, "包三": 1, "陈明": 5, "赵丽": 7,
         "007": 1, "李一": 4, "李二": 4}


def test_every_person_is_on_exactly_one_syllable_page_in_slug_order():
    pages = pages_of(NAMES)
    syllables = [(p, page.context) for p, page in pages.items() if p != "people/index.html"]
    listed = [g.name for _, c in syllables for g in c["groups"]]
    assert sorted(listed) == sorted(NAMES)
    for path, context in syllables:
        slugs = [g.slug for g in context["groups"]]
        assert slugs == sorted(slugs) and all(s.split("-")[0] == context["syllable"] for s in slugs)
    assert {"people/bao.html", "people/bao-2.html", "people/li.html", "people/007.html"} <= set(pages)  # 5 bao, 4 a page
    index = pages["people/index.html"].context
    assert [letter for letter, _ in index["letters"]] == ["#", "A", "B", "C", "L", "Z"]
    assert dict(index["letters"])["B"] == (("bai", "people/bai.html", 1), ("bao", "people/bao.html", 5))
    assert index["total"] == len(NAMES) and [g.name for g in index["groups"]][:2] == ["白雪", "赵丽"]
    assert len(index["groups"]) == min(PEOPLE_TOP, len(NAMES))


def test_a_credit_changes_the_index_and_the_pages_of_its_syllable_only():
    before = pages_of(NAMES)
    after = pages_of({**NAMES, "陈明": 6, "赵小": 1, "李三": 1})
    key = Fingerprinter().page_key  # what decides whether a page is rendered again
    changed = {p for p in before.keys() | after.keys() if p not in before or p not in after or key(before[p]) != key(after[p])}
    assert changed == {"people/index.html", "people/chen.html", "people/zhao.html", "people/li.html"}
