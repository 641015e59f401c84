"""Every internal link and asset resolves to a file: at /, under /<repo>/ and from file://."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

BASES = ("http://localhost/", "http://localhost/dibao/", "file:///srv/www/site/")


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append(value)


def links_of(page: Path) -> list[str]:
    collector = LinkCollector()
    collector.feed(page.read_text(encoding="utf-8"))
    return collector.links


def resolve(site: Path, page: Path, link: str, base: str) -> Path | None:
    """The site file a link on ``page`` reaches when the site root is served at ``base``."""
    page_url = urljoin(base, page.relative_to(site).as_posix())
    target = urlsplit(urljoin(page_url, link))
    root = urlsplit(base)
    if target.scheme != root.scheme or target.netloc != root.netloc or not target.path.startswith(root.path):
        return None
    return site / unquote(target.path[len(root.path):])


def internal_links(site: Path):
    for page in sorted(site.rglob("*.html")):
        for link in links_of(page):
            if link.startswith("#"):
                continue
            assert not re.match(r"^[a-z][a-z0-9+.-]*:", link) and not link.startswith("/"), (page, link)
            yield page, link.split("#")[0]


@pytest.mark.parametrize("base", BASES)
def test_every_internal_link_resolves_to_a_file(site, base):
    checked = 0
    for page, link in internal_links(site):
        target = resolve(site, page, link, base)
        assert target is not None, (page, link)
        # from file:// a folder does not open its index.html, so links must name files
        assert target.is_file(), f"{page.relative_to(site)}: {link} → {target}"
        checked += 1
    assert checked > 500


def test_fragment_links_have_targets(site):
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        for link in links_of(page):
            if link.startswith("#"):
                assert f'id="{link[1:]}"' in html, (page, link)


def test_404_page_links_from_the_public_root_when_base_url_is_set(site_with_base):
    links = links_of(site_with_base / "404.html")
    assert links and all(link.startswith("https://example.org/dibao/") or link.startswith("#") for link in links)
    for link in links:
        if not link.startswith("#"):
            assert (site_with_base / link[len("https://example.org/dibao/"):].split("#")[0]).is_file(), link


def test_feed_links_resolve(site):
    for feed in sorted(site.rglob("*.xml")):
        for href in re.findall(r'href="([^"]+)"', feed.read_text(encoding="utf-8")):
            target = resolve(site, feed, href, BASES[1])
            assert target is not None and target.is_file(), (feed, href)


def test_links_resolve_on_the_real_content(real_site):
    for page, link in internal_links(real_site):
        target = resolve(real_site, page, link, BASES[1])
        assert target is not None and target.is_file(), f"{page.relative_to(real_site)}: {link}"
