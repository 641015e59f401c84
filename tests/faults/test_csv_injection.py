"""Issue #20 item 10: CSV formula injection.  A cell that a spreadsheet would read as a formula
(it starts with ``=``, ``+``, ``-`` or ``@``, or a tab or carriage return) is neutralised the way
OWASP recommends: a leading ``'`` makes it text.  The JSON export keeps the text as it is."""
import csv
import gzip
import io
import json

from dibao.model import Article, Block, Issue, SourceSpan
from dibao.site.catalog import Entry
from dibao.site.export import export_chunk

HOSTILE_TITLES = ('=HYPERLINK("http://evil.example/","点击")公安工作', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)",
                  "\t=1+1")  # (a carriage return never reaches a title: ingest makes it a line end)


def entry(title: str, order: int) -> Entry:
    issue = Issue(id="x", source="seeds/x.txt", paper="某报", date="2025-01-02")
    article = Article(issue="x", order=order, kind="report", title=title, sources=(SourceSpan("seeds/x.txt", 1, 2),),
                      body=(Block("paragraph", "=1+2 正文"),), keywords=("-负", "正"))
    return Entry(article, issue, f"issues/x/{order:02d}.html", f"x/{order:02d}")


def test_item10_csv_cells_that_start_a_formula_are_neutralised():
    entries = [entry(title, order) for order, title in enumerate(HOSTILE_TITLES, start=1)]
    lines, rows = (gzip.decompress(chunk) for chunk in export_chunk(entries))  # each a gzip member
    table = list(csv.reader(io.StringIO(rows.decode("utf-8"), newline="")))
    for row, title in zip(table, HOSTILE_TITLES):
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
        assert title in {cell[1:] for cell in row if cell.startswith("'")}, row
        assert "'=1+2 正文" in row and "'-负;正" in row
    assert [json.loads(line)["title"] for line in lines.decode("utf-8").splitlines()] == list(HOSTILE_TITLES)


def test_item10_ordinary_cells_are_unchanged():
    lines, rows = (gzip.decompress(chunk) for chunk in export_chunk([entry("某市公安局 -  专项行动", 1)]))
    row = next(csv.reader(io.StringIO(rows.decode("utf-8"), newline="")))
    assert "某市公安局 -  专项行动" in row and "1" in row and "2025-01-02" in row
