"""The same report as DOCX, as HTML and as text reads to identical tables.

The DOCX is the official 2021 template filled with the real numbers of 淮安市人民政府
2024 (tests/docx_fixtures.py). The HTML and the text are rendered from the DOCX's own
grid, the way publishing systems and converters render it: HTML with rowspan/colspan
(as Word's "save as web page" does), text in the Tika layout (one cell per line behind a
TAB, a blank line between rows, a vertically merged cell as an empty TAB line, a
horizontally merged cell written once).
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from docx_fixtures import huaian_2024_docx

from linter.document import Document, Paragraph, Table
from linter.engine import Engine
from linter.model import Report
from linter.readers import Limits
from linter.readers.docx import DocxReader


def to_tika(doc: Document) -> str:
    lines: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            lines.append(block.text)
            continue
        for row in block.rows:
            for cell in row:
                if cell.hmerge:
                    continue
                lines.append("\t" + ("" if cell.vmerge else cell.text.replace("\n", " ")))
            lines.append("")
        lines.append("")
    return "\n".join(lines) + "\n"


def _spans(table: Table, r: int, c: int) -> tuple[int, int]:
    rows = table.rows
    colspan = 1
    while (
        c + colspan < len(rows[r])
        and rows[r][c + colspan].hmerge
        and not rows[r][c + colspan].vmerge
    ):
        colspan += 1
    rowspan = 1
    while r + rowspan < len(rows) and c < len(rows[r + rowspan]) and rows[r + rowspan][c].vmerge:
        rowspan += 1
    return rowspan, colspan


def to_html(doc: Document) -> str:
    out = [
        '<html><head><meta charset="utf-8"><title>淮安市人民政府2024年政府信息公开工作年度报告</title></head><body>'
    ]
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            out.append(f"<p>{html.escape(block.text)}</p>")
            continue
        out.append('<table border="1">')
        for r, row in enumerate(block.rows):
            out.append("<tr>")
            for c, cell in enumerate(row):
                if cell.hmerge or cell.vmerge:
                    continue
                rowspan, colspan = _spans(block, r, c)
                attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
                    f' colspan="{colspan}"' if colspan > 1 else ""
                )
                text = "<br>".join(html.escape(x) for x in cell.text.split("\n")) or "&nbsp;"
                out.append(f"<td{attrs}><p><span>{text}</span></p></td>")
            out.append("</tr>")
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)


def tables_of(report: Report) -> dict:
    def table(t) -> dict:
        return {
            rid: {cid: (c.state, c.value) for cid, c in row.cells.items()}
            for rid, row in t.rows.items()
        }

    return {
        "applications": table(report.applications),
        "review_litigation": table(report.review_litigation),
        "article20": {k: table(v) for k, v in report.article20.items.items()},
        "editions": (report.applications.edition, report.article20.edition),
        "sections": [s.number for s in report.sections],
    }


@pytest.fixture(scope="module")
def forms(tmp_path_factory) -> dict[str, Path]:
    pytest.importorskip("linter.readers.html")
    folder = tmp_path_factory.mktemp("golden")
    data = huaian_2024_docx()
    doc = DocxReader().read("huaian.docx", data, Limits())
    paths = {
        "docx": folder / "huaian.docx",
        "html": folder / "huaian.html",
        "text": folder / "huaian.txt",
    }
    paths["docx"].write_bytes(data)
    paths["html"].write_text(to_html(doc), encoding="utf-8")
    paths["text"].write_text(to_tika(doc), encoding="utf-8")
    return paths


def test_docx_html_and_text_read_to_identical_tables(
    engine: Engine, forms: dict[str, Path]
) -> None:
    reports = {form: engine.parse(path) for form, path in forms.items()}
    assert {form: r.source.reader for form, r in reports.items()} == {
        "docx": "docx",
        "html": "html",
        "text": "text",
    }
    golden = tables_of(reports["docx"])
    assert len(golden["applications"]) == 25 and len(golden["review_litigation"]["cases"]) == 15
    assert golden["applications"]["new_received"]["total"] == ("number", 3119)
    assert golden["article20"]["item8"]["fees"]["amount"] == ("number", 96171.6)
    for form in ("html", "text"):
        assert tables_of(reports[form]) == golden, form
    for report in reports.values():
        assert [d.code for d in report.diagnostics] == []


def test_the_three_forms_give_the_same_findings(engine: Engine, forms: dict[str, Path]) -> None:
    found = {
        form: sorted((f.code, f.sub_id) for f in engine.lint_path(path).findings)
        for form, path in forms.items()
    }
    assert found["html"] == found["docx"] == found["text"]
