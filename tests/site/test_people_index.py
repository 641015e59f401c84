"""The people index: totals on the index only, a page per pinyin initial, names in slug order."""
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


NAMES = {"安然": 3, "白雪": 9, "包拯": 1, "鲍勃": 2, "班超": 1, "毕昇": 2, "陈明": 5, "赵丽": 7, "007": 1, "李一": 4, "李二": 4}


def test_every_person_is_on_exactly_one_letter_page_in_slug_order():
    pages = pages_of(NAMES)
    letters = [(p, page.context) for p, page in pages.items() if p != "people/index.html"]
    listed = [g.name for _, c in letters for g in c["groups"]]
    assert sorted(listed) == sorted(NAMES)
    for path, context in letters:
        slugs = [g.slug for g in context["groups"]]
        assert slugs == sorted(slugs) and all(s[0].upper() == context["letter"] or context["letter"] == "#" for s in slugs)
    assert {"people/b.html", "people/b-2.html", "people/l.html", "people/other.html"} <= set(pages)  # 5 B names, 4 a page
    assert [letter for letter, _ in pages["people/index.html"].context["letters"]] == ["A", "B", "C", "L", "Z", "#"]
    index = pages["people/index.html"].context
    assert index["total"] == len(NAMES) and [g.name for g in index["groups"]][:2] == ["白雪", "赵丽"]
    assert dict(index["counts"])["B"] == 5 and len(index["groups"]) == min(PEOPLE_TOP, len(NAMES))


def test_a_new_credit_changes_the_index_and_its_own_letter_page_only():
    before = pages_of(NAMES)
    after = pages_of({**NAMES, "陈明": 6, "赵小": 1})
    key = Fingerprinter().page_key  # what decides whether a page is rendered again
    changed = {p for p in before.keys() | after.keys() if p not in before or p not in after or key(before[p]) != key(after[p])}
    assert changed == {"people/index.html", "people/c.html", "people/z.html"}
