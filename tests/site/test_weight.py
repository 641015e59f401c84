"""An article page with its stylesheet stays under 30 KB."""
import gzip
import re

from site_helpers import page_of_each_type

LIMIT = 30 * 1024


def test_article_page_html_plus_css_is_at_most_30_kb(site):
    for name in ("article", "hostile"):
        page = page_of_each_type(site)[name]
        html = page.read_bytes()
        css = b"".join((page.parent / href).read_bytes()
                       for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', html.decode()))
        assert css, "the article page links its stylesheet"
        assert len(html) + len(css) <= LIMIT, f"{name}: {len(html)} + {len(css)} bytes uncompressed"
        assert len(gzip.compress(html)) + len(gzip.compress(css)) <= LIMIT / 3  # what is actually transferred


def test_every_real_article_page_transfers_at_most_30_kb(real_site):
    css = gzip.compress((real_site / "static" / "css" / "site.css").read_bytes(), mtime=0)
    for page in sorted(real_site.glob("issues/*/*.html")):
        if page.name != "index.html":
            size = len(gzip.compress(page.read_bytes(), mtime=0)) + len(css)
            assert size <= LIMIT, f"{page}: {size} bytes gzipped"
