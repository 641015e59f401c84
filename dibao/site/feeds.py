"""Atom feeds, sitemap.xml and robots.txt.

Feed ``updated`` values come from article dates, never from the clock, so
two builds give the same bytes.  Entry ids are ``tag:`` URIs made from the
article id, so they survive a move of the site to another address.
"""
from __future__ import annotations

from typing import Sequence
from xml.sax.saxutils import escape, quoteattr

from .catalog import Catalog, Entry, newest_first
from .config import SiteConfig
from .urls import absolute
from .writer import SiteWriter

EPOCH = "1970-01-01"


def stamp(entry: Entry) -> str:
    """An RFC 3339 time for an article: its issue's date at midnight Beijing time."""
    issue = entry.issue
    day = issue.date or (f"{issue.year}-01-01" if issue.year else EPOCH)
    return f"{day}T00:00:00+08:00"


def tag_id(key: str) -> str:
    return f"tag:dibao.local,2025:{key}"


def atom_feed(title: str, key: str, self_path: str, page_path: str, entries: Sequence[Entry],
              config: SiteConfig) -> str:
    base = config.absolute_base
    link = (lambda p: absolute(base, p)) if base else (lambda p: "../" * self_path.count("/") + p)
    newest = newest_first(entries)[: config.feed_size]
    updated = max((stamp(e) for e in newest), default=f"{EPOCH}T00:00:00+08:00")
    lines = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
             f"<title>{escape(title)}</title>", f"<id>{tag_id(key)}</id>", f"<updated>{updated}</updated>",
             f"<link rel=\"alternate\" type=\"text/html\" href={quoteattr(link(page_path))}/>"]
    if base:
        lines.append(f"<link rel=\"self\" href={quoteattr(absolute(base, self_path))}/>")
    lines.append(f"<author><name>{escape(config.site_title)}</name></author>")
    lines.extend(atom_entry(e, link) for e in newest)
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def atom_entry(entry: Entry, link) -> str:
    a = entry.article
    names = list(dict.fromkeys(a.authors + a.reporters + a.correspondents))
    parts = ["<entry>", f"<title>{escape(a.title)}</title>", f"<id>{tag_id('article/' + entry.id)}</id>",
             f"<updated>{stamp(entry)}</updated>", f"<published>{stamp(entry)}</published>",
             f"<link rel=\"alternate\" type=\"text/html\" href={quoteattr(link(entry.path))}/>"]
    parts.extend(f"<author><name>{escape(n)}</name></author>" for n in names)
    parts.extend(f"<category term={quoteattr(t)}/>" for t in a.themes)
    if a.summary:
        parts.append(f"<summary>{escape(a.summary)}</summary>")
    parts.append("</entry>")
    return "\n".join(parts)


def write_feeds(writer: SiteWriter, catalog: Catalog, config: SiteConfig) -> int:
    """Site feed plus one per region and theme; returns how many were written."""
    writer.write("feeds/index.xml", atom_feed(config.site_title, "site", "feeds/index.xml", "index.html",
                                              catalog.listed, config))
    count = 1
    for folder, groups in (("regions", catalog.regions), ("themes", catalog.themes)):
        for group in groups:
            path = f"feeds/{folder}/{group.slug}.xml"
            writer.write(path, atom_feed(f"{config.site_title} · {group.name}", f"{folder}/{group.slug}", path,
                                         group.path, group.entries, config))
            count += 1
    return count


def write_sitemap(writer: SiteWriter, config: SiteConfig, page_paths: Sequence[str]) -> None:
    """sitemap.xml needs absolute URLs, so it is written only when ``base_url`` is set."""
    base = config.absolute_base
    robots = ["User-agent: *", "Allow: /"]
    if base:
        urls = [absolute(base, p) for p in sorted(page_paths) if p != "404.html"]
        body = "\n".join(f"<url><loc>{escape(u)}</loc></url>" for u in urls)
        writer.write("sitemap.xml", '<?xml version="1.0" encoding="utf-8"?>\n'
                     '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + body + "\n</urlset>\n")
        robots.append(f"Sitemap: {base}sitemap.xml")
    writer.write("robots.txt", "\n".join(robots) + "\n")
