from dataclasses import replace

from dibao.model import Article, Issue, SourceSpan
from dibao.site.catalog import build_catalog
from dibao.site.urls import absolute, article_paths, clean_slug, region_slug, relative, unique_slugs


def article(issue, order, title, slug, **kw):
    return Article(issue=issue, order=order, kind="report", title=title, sources=(SourceSpan("s.txt", 1, 1),),
                   slug=slug, **kw)


def test_region_slugs_are_ascii_and_distinguish_shaanxi_from_shanxi():
    assert region_slug("湖北") == "hubei"
    assert region_slug("陕西") == "shaanxi" and region_slug("山西") == "shanxi"
    assert region_slug("全国") == "quanguo"


def test_clean_slug_keeps_only_ascii_letters_digits_and_hyphens():
    assert clean_slug("App 与 AI/../x") == "app-ai-x"
    assert clean_slug("") == "x"


def test_repeated_article_slug_in_one_issue_gets_its_order():
    paths = article_paths([article("i1", 1, "甲", "same"), article("i1", 3, "乙", "same")])
    assert paths == {1: "issues/i1/same.html", 3: "issues/i1/same-03.html"}


def test_person_collision_first_seen_keeps_plain_slug_and_suffix_depends_on_name_only():
    first = unique_slugs(["张伟", "章伟"])
    assert first["张伟"] == "zhangwei" and first["章伟"].startswith("zhangwei-")
    later = unique_slugs(["张伟", "王春", "章伟", "李四"])
    assert later["章伟"] == first["章伟"]


def test_adding_issues_never_changes_existing_urls(issues):
    before = build_catalog(issues[1:])
    after = build_catalog(issues)  # adds the oldest issue, whose 张伟/章伟 compete for a slug
    old = {e.id: e.path for e in before.entries}
    new = {e.id: e.path for e in after.entries}
    assert all(new[key] == path for key, path in old.items())
    old_groups = {(g.kind, g.name): g.path for g in (*before.regions, *before.themes)}
    new_groups = {(g.kind, g.name): g.path for g in (*after.regions, *after.themes)}
    assert all(new_groups[key] == path for key, path in old_groups.items())


def test_newer_issue_cannot_take_a_person_slug():
    issue_old = Issue(id="a", source="a.txt", date="2024-01-01", articles=(
        article("a", 1, "甲", "t", reporters=("张伟",)),))
    issue_new = Issue(id="b", source="b.txt", date="2025-01-01", articles=(
        article("b", 1, "乙", "t", reporters=("章伟",)),))
    alone = build_catalog([issue_old])
    both = build_catalog([issue_new, issue_old])
    slug = lambda cat, name: cat.group("person", name).slug
    assert slug(alone, "张伟") == slug(both, "张伟")
    assert slug(both, "张伟").startswith("zhang-wei-")
    assert slug(both, "章伟") != slug(both, "张伟")


def test_relative_links_are_computed_from_the_page_depth():
    assert relative("index.html", "regions/hubei/index.html") == "regions/hubei/index.html"
    assert relative("issues/x/a.html", "index.html") == "../../index.html"
    assert relative("issues/x/a.html", "issues/x/b.html") == "b.html"
    assert relative("regions/hubei/page-2.html", "static/css/site.css") == "../../static/css/site.css"


def test_absolute_urls_drop_index_html():
    assert absolute("https://e.org/r/", "regions/hubei/index.html") == "https://e.org/r/regions/hubei/"
    assert absolute("https://e.org/r/", "issues/x/a.html") == "https://e.org/r/issues/x/a.html"


def test_unknown_article_slug_falls_back_to_order():
    paths = article_paths([replace(article("i", 2, "甲", ""), slug="")])
    assert paths[2] == "issues/i/article-02.html"


def test_relative_agrees_with_posixpath_on_clean_site_paths():
    import posixpath

    from hypothesis import given, strategies as st

    folders = st.lists(st.sampled_from(["a", "b", "issues", "x1"]), max_size=3)
    files = st.sampled_from(["index.html", "page-2.html", "a.html"])
    path = st.tuples(folders, files).map(lambda parts: "/".join([*parts[0], parts[1]]))  # files, never folders

    @given(path, path)
    def check(source, target):
        assert relative(source, target) == posixpath.relpath(target, posixpath.dirname(source) or ".")

    check()
