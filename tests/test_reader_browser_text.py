"""A page's text as a browser gives it — copied and pasted, or ``innerText`` as scrapers
driving a browser (Playwright, Selenium) take it — reads as the page.

The fixtures are headless Chromium's ``document.body.innerText`` of the real pages in
tests/fixtures/html:
- ``*.innertext.txt``: as published. Cells hold ``<p>``, so every cell is a paragraph of its
  own, cells are set apart by a line holding only a TAB (or ``\\t\\xa0\\t`` for cells that hold
  only ``&nbsp;``), rows by a run of blank lines; Word-exported cells hold one ``<p>`` per
  character ("纠" / "正"), and the 2022 page puts a literal TAB before every paragraph.
- ``2023_zone-pingtan_gov.innertext-plain.txt``: each cell's ``<p>`` replaced by its text
  first (a CMS that writes ``<td>12</td>``): one row per line, cells set apart by TABs.
Merged cells are not repeated in either form: rows under a tall cell have fewer cells.
Before this reading, the tables were XT002 in all four and the TAB-indented 2022 text had
no sections at all (six ST001 errors).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.document import Table
from linter.engine import Engine
from linter.readers import Limits
from linter.readers.text import TextReader
from tests.conftest import FIXTURES, kinds

PAIRS = [
    ("2019_prov-shanghai-govoffice.innertext.txt", "2019_prov-shanghai-govoffice.html"),
    ("2022_zone-pingtan_gov.innertext.txt", "2022_zone-pingtan_gov.html"),
    ("2023_zone-pingtan_gov.innertext-plain.txt", "2023_zone-pingtan_gov.html"),
    ("2025_zonedept-pingtan-czj.innertext.txt", "2025_zonedept-pingtan-czj.html"),
]


@pytest.mark.parametrize(("text", "page"), PAIRS, ids=[p[0] for p in PAIRS])
def test_a_browsers_text_of_a_real_page_reads_as_the_page(
    engine: Engine, text: str, page: str
) -> None:
    result = engine.lint_path(FIXTURES / "text" / text)
    assert kinds(result) == kinds(engine.lint_path(FIXTURES / "html" / page))
    assert not {"XT002", "ST001"} & {f.code for f in result.findings}


def _tables(name: str) -> list[Table]:
    path = FIXTURES / "text" / name
    doc = TextReader().read(str(path), path.read_bytes(), Limits())
    return [b for b in doc.blocks if isinstance(b, Table)]


def test_each_table_is_read_whole_with_its_rows() -> None:
    for name, _ in PAIRS:
        tables = _tables(name)
        assert len(tables) == 3, name  # sections 二, 三 and 四: none cut in pieces
        section_four = [len(row) for row in tables[2].rows]
        assert section_four == [2, 7, 10, 15], (name, section_four)
    # a header cell of two paragraphs is one cell; a cell of &nbsp; a blank one
    three = _tables("2023_zone-pingtan_gov.innertext-plain.txt")[1]
    assert [c.text for c in three.rows[2]] == [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    shanghai = _tables("2019_prov-shanghai-govoffice.innertext.txt")[1]
    granted = next(row for row in shanghai.rows if "（一）予以公开" in [c.text for c in row])
    assert [c.text for c in granted][-7:] == ["258", "12", "", "", "1", "1", ""]


def test_a_cell_is_found_at_its_line_and_column(engine: Engine) -> None:
    path = FIXTURES / "text" / "2023_zone-pingtan_gov.innertext-plain.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    (tx004,) = [f for f in engine.lint_path(path).findings if f.code == "TX004"]
    cell = tx004.related[0].anchor  # 行政规范性文件 现行有效 in the table
    assert lines[cell.line - 1][cell.column - 1 :].startswith("470")


def test_tab_indented_paragraphs_are_paragraphs_and_tika_cells_still_cells(
    engine: Engine, tmp_path: Path
) -> None:
    indented = tmp_path / "indented.txt"
    indented.write_text(
        "\t一、总体情况\n\n\t本机关2024年……\n\n\t二、主动公开政府信息情况\n", encoding="utf-8"
    )
    doc = TextReader().read(str(indented), indented.read_bytes(), Limits())
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph"] * 3
    assert doc.blocks[0].text == "一、总体情况" and doc.blocks[0].anchor.column == 2
    tika = FIXTURES / "text" / "2019_city-bureau-gongxin_tika.txt"
    assert len(_tables(tika.name)) >= 3


def test_text_after_a_pasted_table_is_not_taken_into_it(tmp_path: Path) -> None:
    # the last cell is a label, then a sentence and a heading one blank line apart
    path = tmp_path / "pasted.txt"
    path.write_text(
        "信息内容\n\n\t\n\n本年处理决定数量\n\n\n\n行政许可\n\n\t\n\n无\n\n"
        "本年度未收取费用。\n\n三、收到和处理政府信息公开申请情况\n",
        encoding="utf-8",
    )
    doc = TextReader().read(str(path), path.read_bytes(), Limits())
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert [[c.text for c in row] for row in table.rows] == [
        ["信息内容", "本年处理决定数量"],
        ["行政许可", "无"],
    ]
    assert doc.blocks[-1].text == "三、收到和处理政府信息公开申请情况"
