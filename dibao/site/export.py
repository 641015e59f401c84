"""Every article with its metadata, for researchers: ``export/articles.jsonl.gz`` and ``.csv.gz``.

Both hold every article's full text, so uncompressed they were a third of the site outside the
search index (55 MB of 150 on the 人民日报 pages); gzip makes them a third of that.  Each issue's
rows are compressed on their own and the members concatenated (a gzip file may hold several,
and every gzip reader reads them as one text), so a rebuild compresses only the issues that changed.
"""
from __future__ import annotations

import csv
import gzip
import io
import json

from .catalog import Catalog, Entry
from .writer import SiteWriter

COLUMNS = ("id", "url", "issue", "paper", "date", "year", "order", "page", "page_name", "kind", "column", "kicker",
           "title", "subtitle", "title_generated", "byline", "dateline", "reporters", "correspondents", "authors",
           "photographers", "author_title", "continued_from", "continues_to", "regions", "places", "mentions",
           "themes", "keywords", "summary", "length", "related", "source", "text")


def record(entry: Entry) -> dict:
    a = entry.article
    return {
        "id": entry.id, "url": entry.path, "issue": entry.issue.id, "paper": entry.issue.paper,
        "date": entry.issue.date, "year": entry.issue.year, "order": a.order, "page": a.page or None,
        "page_name": a.page_name, "kind": a.kind, "column": a.column,
        "kicker": a.kicker, "title": a.title, "subtitle": a.subtitle, "title_generated": a.title_generated,
        "byline": a.byline, "dateline": a.dateline, "reporters": list(a.reporters),
        "correspondents": list(a.correspondents), "authors": list(a.authors), "photographers": list(a.photographers),
        "author_title": a.author_title, "continued_from": a.continued_from, "continues_to": a.continues_to,
        "regions": list(a.regions), "places": [{"name": p.name, "code": p.code, "province": p.province}
                                               for p in a.places],
        "mentions": list(a.mentions), "themes": list(a.themes), "keywords": list(a.keywords), "summary": a.summary,
        "length": a.length, "related": list(a.related), "source": [str(s) for s in a.sources], "text": a.text,
    }


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  #: what makes a spreadsheet read a cell as a formula (OWASP)


def csv_cell(value) -> str:
    """Lists join with ``;``; places read ``name|code|province``.  A cell that would start a formula
    gets a leading ``'``, as OWASP's CSV-injection advice has it: spreadsheets show it as text."""
    if isinstance(value, list):
        text = ";".join(f"{v['name']}|{v['code']}|{v['province']}" if isinstance(v, dict) else str(v) for v in value)
    elif isinstance(value, bool):
        text = "true" if value else "false"
    else:
        text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def write_exports(writer: SiteWriter, catalog: Catalog, chunks: dict | None = None,
                  versions: dict | None = None) -> dict:
    """Both files, made issue by issue.  ``chunks`` (issue version → its JSON lines and CSV rows
    as UTF-8 bytes, from the last build) spare re-encoding issues whose ``versions`` entry (the
    state their model was read from) is unchanged.  Returns this build's chunks."""
    chunks, versions, made = chunks or {}, versions or {}, {}
    json_parts, csv_parts = [], []
    for issue_entry in catalog.issues:
        version = versions.get(issue_entry.issue.id)
        chunk = chunks.get(version) if version else None
        if chunk is None:
            chunk = export_chunk(issue_entry.entries)
        if version:
            made[version] = chunk
        json_parts.append(chunk[0])
        csv_parts.append(chunk[1])
    writer.write("export/articles.jsonl.gz", b"".join(json_parts))
    # a BOM lets spreadsheet programs on Windows read the Chinese text as UTF-8
    header = packed(("\ufeff" + csv_rows([COLUMNS])).encode("utf-8"))
    writer.write("export/articles.csv.gz", header + b"".join(csv_parts))
    return made


def packed(data: bytes) -> bytes:
    """One gzip member, the same bytes on every build (no time stamp)."""
    return gzip.compress(data, compresslevel=9, mtime=0) if data else b""


def export_chunk(entries) -> tuple[bytes, bytes]:
    """The JSON lines and the CSV rows of some articles, encoded and compressed once: the
    archive's 10,000s of rows are re-joined on every build, and compressed only when they change."""
    records = [record(e) for e in entries]
    lines = "".join(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n" for r in records)
    rows = csv_rows([csv_cell(r[c]) for c in COLUMNS] for r in records)
    return packed(lines.encode("utf-8")), packed(rows.encode("utf-8"))


def csv_rows(rows) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()
