"""The PDF reader on PDFs that LibreOffice Writer made of real report pages.

How the fixtures were made (LibreOffice 7.4.7.2, by the lead, session 4): the saved page of
the corpus (``tests/fixtures/html/X.html``) converted to DOCX with
``soffice --headless --infilter="HTML (StarWriter)" --convert-to docx X.html``, and that
DOCX to PDF with ``soffice --headless --convert-to pdf X.docx``: ``fixtures/pdf/X.lo.pdf``.
The site's menus come along (the HTML reader leaves site chrome out; a PDF cannot tell it
from the report), with 63 characters of the site's icon font (XT003, a note). The same
report in another form must give the findings of the page itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.document import Table
from linter.engine import Engine, FileResult
from linter.plugins import load_plugins
from linter.readers import Limits
from linter.readers.pdf import PdfReader
from tests.conftest import kinds
from tests.test_reader_pdf import grid

FIXTURES = Path(__file__).parent / "fixtures"
PINGTAN_2022 = "2022_zone-pingtan_gov"
PINGTAN_2023 = "2023_zone-pingtan_gov"
PINGTAN_CZJ_2025 = "2025_zonedept-pingtan-czj"


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_plugins())


@pytest.fixture(scope="module")
def czj(engine: Engine) -> FileResult:
    return engine.lint_path(FIXTURES / "pdf" / f"{PINGTAN_CZJ_2025}.lo.pdf")


@pytest.fixture(scope="module")
def pingtan_2022(engine: Engine) -> FileResult:
    return engine.lint_path(FIXTURES / "pdf" / f"{PINGTAN_2022}.lo.pdf")


def test_a_header_cell_ending_the_page_is_not_the_figure_under_it(czj: FileResult) -> None:
    """平潭财政金融局 2025: table 三's header (自然人 and 总计 spanning two header rows) ends
    page 4, row 一 starts page 5, lines drawn on both sides of the break. The tall header
    cells are no label cut by the break: row 一 reads 2 … 2 (before: “自然人2”, “总计2”,
    two AP006 errors on a correct table)."""
    report = czj.report
    assert report.applications.cell("new_received", "natural_person").value == 2
    assert report.applications.cell("new_received", "total").value == 2
    assert report.applications.cell("new_received", "natural_person").text == "2"


PAGE_FINDINGS = {
    PINGTAN_2022: [
        ("PI004", None, "note"),
        ("WD001", "政府信息公开行政复议、行政诉讼情况", "warning"),
    ],
    PINGTAN_2023: [
        ("PI004", None, "note"),
        ("TX004", "article20.normative_documents.in_force", "warning"),
        ("WD003", "三是", "warning"),
    ],
    PINGTAN_CZJ_2025: [
        ("PI004", None, "note"),
        ("TX006", "2024", "warning"),
        ("WD001", "不予公开", "warning"),
        ("WD002", "精神", "warning"),
    ],
}


@pytest.mark.parametrize(
    ("stem", "how"),
    [
        *((stem, "lo") for stem in sorted(PAGE_FINDINGS)),
        # The DOCX with its page height set to 800 pt (python-docx) before the PDF export:
        # the header row of 第二十条第（一）项 breaks over pages 2–3 (现行有效件 / 数).
        (PINGTAN_CZJ_2025, "lo800"),
    ],
)
def test_the_writer_pdf_lints_as_the_page(engine: Engine, stem: str, how: str) -> None:
    """The same findings as the page, and the icon font's characters as a note. The site's
    menus above the title (“登录 登录 注册 注册”) are no doubled word of the report (before:
    two WD002 each); the report's own “全会精神精神” still is."""
    converted = engine.lint_path(FIXTURES / "pdf" / f"{stem}.{how}.pdf")
    page = engine.lint_path(FIXTURES / "html" / f"{stem}.html")
    assert [f for f in kinds(converted) if f[0] != "XT003"] == kinds(page) == PAGE_FINDINGS[stem]
    (note,) = [f for f in converted.findings if f.code == "XT003"]
    assert note.level == "note" and "个字符属于私用区" in note.message_zh


def test_a_blank_cell_starting_the_next_page_stays_blank() -> None:
    """A header cell spanning two rows ends page 1; the next page starts a new row (its
    label starts anew) whose cell under the header is blank: blank, not the header's text
    copied into the data row."""
    from tests.pdf_fixtures import build_pdf, two_row_table

    xs = (100, 250, 400)
    first = two_row_table(xs, 120, [[b"h0", b"Head"], [b"h1", b""]], middle=(100, 250))  # page 1
    second = two_row_table(xs, 780, [[b"A", b""], [b"B", b"5"]])  # starts page 2
    doc = PdfReader().read("t.pdf", build_pdf([first, second]), Limits())
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert grid(table) == "\nh0 | Head\nh1 | ^\nA | \nB | 5\n"


def test_underlined_labels_are_one_cell(pingtan_2022: FileResult) -> None:
    """平潭 2022: the labels of rows 5. of （五） and 1.–2. of （六） are underlined line by
    line (links in the page); LibreOffice draws each underline as a stroked line that
    nearly reaches the cell's borders. They are no rules: each label is one cell, its row
    one row (before: the labels cut into lines, three rows not read, three AP002)."""
    table = pingtan_2022.report.applications
    assert table.rows["not_processed.confirmation"].label == (
        "5. 要求行政机关确认或重新出具已获取信息"
    )
    assert table.rows["other_handling.no_correction"].label == (
        "1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    )
    assert table.cell("other_handling.no_correction", "natural_person").value == 2
    assert table.cell("other_handling.unpaid_fee", "total").value == 0


def _underlined_cell(underline_to: float) -> bytes:
    """A two-column table, one row: a cell of two text lines whose first line is
    underlined from its first letter to ``underline_to``, and a figure beside it."""
    ops = [b"0.8 w"]
    ops += [b"%d %d m %d %d l S" % (100, y, 300, y) for y in (700, 640)]
    ops += [b"%d %d m %d %d l S" % (x, 700, x, 640) for x in (100, 200, 300)]
    ops.append(b"BT /F1 9 Tf 101.5 688 Td (WWWWWWWWWWW) Tj ET")  # 101.5 to 194.9
    ops.append(b"BT /F1 9 Tf 101.5 676 Td (WWW) Tj ET")
    ops.append(b"BT /F1 9 Tf 203 688 Td (12) Tj ET")
    ops.append(b"101.5 686.5 m %.1f 686.5 l S" % underline_to)
    return b"\n".join(ops)


@pytest.mark.parametrize(
    ("underline_to", "expected"),
    [
        (198.5, "\nWWWWWWWWWWW WWW | 12\n"),  # under the text: an underline
        (300.0, "\nWWWWWWWWWWW | 12\nWWW | \n"),  # on to the next column: a rule
    ],
)
def test_an_underline_is_no_rule(underline_to: float, expected: str) -> None:
    from tests.pdf_fixtures import build_pdf

    doc = PdfReader().read("t.pdf", build_pdf([_underlined_cell(underline_to)]), Limits())
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert grid(table) == expected


def test_a_row_cut_by_the_page_break_is_one_row(engine: Engine) -> None:
    """平潭 2023 (and 2022): LibreOffice lets row 3.危及“三安全一稳定” break over pages 4–5,
    lines drawn on both sides; the label's last word wraps onto page 5 beside blank cells.
    One row, its label whole (before: “3.危及“三安全一稳” and a row “定”” of blanks, AP004;
    in 2022 the row was not read at all, AP002)."""
    report = engine.parse(FIXTURES / "pdf" / f"{PINGTAN_2023}.lo.pdf")
    row = report.applications.rows["withheld.three_securities"]
    assert row.label == "3.危及“三安全一稳定”"
    assert [c.value for c in row.cells.values()] == [0] * 7
    assert report.applications.cell("withheld.third_party", "total").value == 1


def _rows_over_a_break(label: bytes) -> list[bytes]:
    """Two pages: a table whose last row (``3. WWWWWWWWW``, 0) ends page 1, its label
    11.5 pt short of its cell's right border, and whose next page starts with a row
    labelled ``label`` beside a blank cell."""
    page_1 = [b"0.8 w"]
    page_1 += [b"%d %d m %d %d l S" % (100, y, 300, y) for y in (140, 120, 100)]
    page_1 += [b"%d %d m %d %d l S" % (x, 140, x, 100) for x in (100, 200, 300)]
    page_1.append(b"BT /F1 9 Tf 102 126 Td (2. x) Tj ET")
    page_1.append(b"BT /F1 9 Tf 102 106 Td (3. WWWWWWWWW) Tj ET")  # ends at 188.5
    page_1 += [b"BT /F1 9 Tf 203 %d Td (0) Tj ET" % y for y in (126, 106)]
    page_2 = [b"0.8 w"]
    page_2 += [b"%d %d m %d %d l S" % (100, y, 300, y) for y in (780, 760, 740)]
    page_2 += [b"%d %d m %d %d l S" % (x, 780, x, 740) for x in (100, 200, 300)]
    page_2.append(b"BT /F1 9 Tf 102 766 Td (%s) Tj ET" % label)
    page_2.append(b"BT /F1 9 Tf 102 746 Td (4. y) Tj ET")
    page_2.append(b"BT /F1 9 Tf 203 746 Td (1) Tj ET")
    return [b"\n".join(page_1), b"\n".join(page_2)]


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        # The label's last word, wrapped: the same row.
        (b"WWW", "2. x | 0\n3. WWWWWWWWW WWW | 0\n4. y | 1"),
        # A label that would have fit on the line above starts a row of its own.
        (b"ii", "2. x | 0\n3. WWWWWWWWW | 0\nii | \n4. y | 1"),
        # So does a numbered one.
        (b"4. WWW", "2. x | 0\n3. WWWWWWWWW | 0\n4. WWW | \n4. y | 1"),
    ],
)
def test_a_row_cut_by_the_page_break_is_told_by_its_wrapped_words(
    label: bytes, expected: str
) -> None:
    from tests.pdf_fixtures import build_pdf

    doc = PdfReader().read("t.pdf", build_pdf(_rows_over_a_break(label)), Limits())
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert grid(table) == "\n" + expected + "\n"


def test_a_table_running_off_the_page_is_said_to_be_cut(engine: Engine) -> None:
    """上海市政府办公厅 2019: LibreOffice sets table 三 wider than the page, its first column
    and its last three (法律服务机构, 其他, 总计) outside it, cut off on screen and in print
    (their characters are in the file, their lines are not). The table is not recognised
    (XT002 for section 三, as before) and the reader says why, once, at the first page
    concerned; no figure is made up (the page's AP005/AP007 on blank cells cannot be
    told from cells cut off)."""
    result = engine.lint_path(FIXTURES / "pdf" / "2019_prov-shanghai-govoffice.lo.pdf")
    assert kinds(result) == [
        ("RL003", None, "warning"),
        ("XT002", "off-page", "warning"),
        ("XT002", "section3", "warning"),
    ]
    (cut,) = [f for f in result.findings if f.sub_id == "off-page"]
    assert cut.location.anchor.page == 5
    assert "PDF 第 5、6 页有 43 个字符落在页面之外" in cut.message_zh
