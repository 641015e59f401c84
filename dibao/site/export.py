"""Every article with its metadata, for researchers: ``export/articles.jsonl`` and ``.csv``."""
from __future__ import annotations

import csv
import io
import json

from .catalog import Catalog, Entry
from .writer import SiteWriter

COLUMNS = ("id", "url", "issue", "paper", "date", "year", "order", "kind", "column", "kicker", "title", "subtitle",
           "title_generated", "byline", "dateline", "reporters", "correspondents", "authors", "photographers",
           "author_title", "continued_from", "continues_to", "regions", "places", "mentions", "themes", "keywords",
           "summary", "length", "related", "source", "text")


def record(entry: Entry) -> dict:
    a = entry.article
    return {
        "id": entry.id, "url": entry.path, "issue": entry.issue.id, "paper": entry.issue.paper,
        "date": entry.issue.date, "year": entry.issue.year, "order": a.order, "kind": a.kind, "column": a.column,
        "kicker": a.kicker, "title": a.title, "subtitle": a.subtitle, "title_generated": a.title_generated,
        "byline": a.byline, "dateline": a.dateline, "reporters": list(a.reporters),
        "correspondents": list(a.correspondents), "authors": list(a.authors), "photographers": list(a.photographers),
        "author_title": a.author_title, "continued_from": a.continued_from, "continues_to": a.continues_to,
        "regions": list(a.regions), "places": [{"name": p.name, "code": p.code, "province": p.province}
                                               for p in a.places],
        "mentions": list(a.mentions), "themes": list(a.themes), "keywords": list(a.keywords), "summary": a.summary,
        "length": a.length, "related": list(a.related), "source": [str(s) for s in a.sources], "text": a.text,
    }


def csv_cell(value) -> str:
    """Lists join with ``;``; places read ``name|code|province``."""
    if isinstance(value, list):
        return ";".join(f"{v['name']}|{v['code']}|{v['province']}" if isinstance(v, dict) else str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def write_exports(writer: SiteWriter, catalog: Catalog) -> None:
    records = [record(e) for e in catalog.entries]
    writer.write("export/articles.jsonl",
                 "".join(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n" for r in records))
    buffer = io.StringIO()
    table = csv.writer(buffer, lineterminator="\n")
    table.writerow(COLUMNS)
    for r in records:
        table.writerow([csv_cell(r[c]) for c in COLUMNS])
    # a BOM lets spreadsheet programs on Windows read the Chinese text as UTF-8
    writer.write("export/articles.csv", "\ufeff" + buffer.getvalue())
