"""Real pages through the markdown converters that pipelines use: html2text (Python's
long-standing HTML-to-markdown tool) and Microsoft's markitdown (HTML via markdownify).

The fixtures were made with ``html2text --ignore-links PAGE utf-8`` (2025.4.15) and
``markitdown PAGE`` (0.1.9) from the real pages in tests/fixtures/html:
- both write a bold line for each heading (``**一、总体情况**``): the headings were not
  found — six ST001 "missing section" errors on a complete report;
- html2text writes tables without the outer pipes (``规章| 0| 0| 0``, ``---|---``), one-cell
  rows without any, and a blank last cell as a row ending ``1|``: every table was XT002;
- markdownify writes an empty cell for each column a label spans and drops the cells of a
  label that spans rows, so a row may have a blank cell at both ends one too many: reading
  the wrong end made the 2019 page's table 三 add up wrong (AP102 ×3, AP103 errors).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.document import Table
from linter.engine import Engine
from linter.readers import Limits
from linter.readers.text import TextReader
from tests.conftest import FIXTURES, kinds

TEXT = FIXTURES / "text"
PAGE_2023 = FIXTURES / "html" / "2023_zone-pingtan_gov.html"
PAGE_2019 = FIXTURES / "html" / "2019_prov-shanghai-govoffice.html"


@pytest.mark.parametrize("converter", ["html2text", "markitdown"])
def test_the_2023_page_converted_reads_as_the_page(engine: Engine, converter: str) -> None:
    converted = engine.lint_path(TEXT / f"2023_zone-pingtan_gov.{converter}.md")
    assert kinds(converted) == kinds(engine.lint_path(PAGE_2023))


def test_bold_headings_are_headings_at_their_text(engine: Engine) -> None:
    path = TEXT / "2023_zone-pingtan_gov.markitdown.md"
    report = engine.lint_path(path).report
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    lines = path.read_text(encoding="utf-8").split("\n")
    one = report.sections[0].anchor
    assert lines[one.line - 1] == "**一、总体情况**" and one.column == 3


def test_html2text_tables_keep_their_rows_and_blank_last_cells() -> None:
    path = TEXT / "2019_prov-shanghai-govoffice.html2text.md"
    doc = TextReader().read(str(path), path.read_bytes(), Limits())
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    three = next(t for t in tables if "一、本年新收政府信息公开申请数量" in str(t.rows))
    granted = next(r for r in three.rows if r[1].text == "（一）予以公开")
    assert [c.text for c in granted] == [
        "三、本年度办理结果",
        "（一）予以公开",
        *["258", "12", "", "", "1", "1", ""],  # the blank 总计 of the page
    ]


def test_the_2019_page_keeps_its_blank_totals_and_invents_no_sums(engine: Engine) -> None:
    page = kinds(engine.lint_path(PAGE_2019))
    for converter in ("html2text", "markitdown"):
        found = kinds(engine.lint_path(TEXT / f"2019_prov-shanghai-govoffice.{converter}.md"))
        errors = [k for k in found if k[2] == "error"]
        assert set(errors) <= set(page), (converter, errors)  # nothing wrong claimed
    html2text = kinds(engine.lint_path(TEXT / "2019_prov-shanghai-govoffice.html2text.md"))
    assert [k for k in html2text if k[0] == "AP007"] == [k for k in page if k[0] == "AP007"]


def test_a_row_blank_at_both_ends_that_both_readings_fit_is_unread_not_guessed(
    engine: Engine,
) -> None:
    # markitdown's （二）部分公开 row: "| （二）… | | 3 |  |  |  |  |  |  |" — 3 could be 自然人
    # (a filler after the label) or 商业企业 (a blank cell past the end); its 总计 is blank, so
    # both readings fit: the row is said to be unreadable (a warning), nothing is guessed
    found = engine.lint_path(TEXT / "2019_prov-shanghai-govoffice.markitdown.md")
    unread = [f for f in found.findings if f.code == "XT002" and f.sub_id == "section3"]
    assert len(unread) == 1 and "（二）部分公开" in unread[0].message_zh
    assert not [f for f in found.findings if f.code in ("AP102", "AP103")]


# Microsoft's markitdown of the real PDFs (pdfminer's text, tables as pipe-table pieces):
# ``markitdown 2023_district-hongze_gov.pdf`` and ``markitdown 2024_city-huaian_gov.pdf``.
HONGZE_2023 = FIXTURES / "pdf" / "2023_district-hongze_gov.pdf"
HUAIAN_2024 = FIXTURES / "pdf" / "2024_city-huaian_gov.pdf"


@pytest.mark.parametrize(
    ("converted", "original", "fee"),
    [
        ("2023_district-hongze_gov.markitdown.md", HONGZE_2023, 7730.28),
        ("2024_city-huaian_gov.markitdown.md", HUAIAN_2024, 96171.6),
    ],
)
def test_markitdowns_pdf_text_claims_no_error_the_pdf_does_not_have(
    engine: Engine, converted: str, original: Path, fee: float
) -> None:
    result = engine.lint_path(TEXT / converted)
    errors = {k for k in kinds(result) if k[2] == "error"}
    assert errors <= set(kinds(engine.lint_path(original))), errors
    # 第二十条第（八）项: its header printed as a line of text (hongze) or its title over
    # two cells ("| 第二十条 | 第（八）项 |", huaian); the fee is the 2021 edition's 本年收费金额,
    # not a 2019 上一年项目数量 (AD005 "not a whole number") nor a missing item (AD001)
    fees = result.report.article20.items["item8"]
    assert fees.edition == "2021"
    assert fees.rows["fees"].cells["amount"].value == fee


# PyMuPDF's markdown (pymupdf4llm 2.0, ``pymupdf4llm.to_markdown(PDF)``) of Chromium's print
# of the 2022 page and of LibreOffice's PDF of the 2023 page.
PRINTED_2022 = FIXTURES / "pdf" / "2022_zone-pingtan_gov.printed.pdf"
WRITER_2023 = FIXTURES / "pdf" / "2023_zone-pingtan_gov.lo.pdf"


@pytest.mark.parametrize(
    ("converted", "original"),
    [
        ("2022_zone-pingtan_gov.printed.pymupdf4llm.md", PRINTED_2022),
        ("2023_zone-pingtan_gov.lo.pymupdf4llm.md", WRITER_2023),
    ],
)
def test_pymupdfs_markdown_claims_no_error_the_pdf_does_not_have(
    engine: Engine, converted: str, original: Path
) -> None:
    result = engine.lint_path(TEXT / converted)
    errors = {k for k in kinds(result) if k[2] == "error"}
    assert errors <= set(kinds(engine.lint_path(original))), errors
    assert "ST004" not in {f.code for f in result.findings}  # its title is found


def test_kangxi_radicals_read_as_the_ideographs_they_look_like(
    engine: Engine, tmp_path: Path
) -> None:
    # PyMuPDF gives "⼀、总体情况" with U+2F00 KANGXI RADICAL ONE for many PDF fonts (six
    # ST001 errors: no heading 一 … 六 was found); text pasted from such a PDF into a page
    # keeps them
    converted = TEXT / "2022_zone-pingtan_gov.printed.pymupdf4llm.md"
    assert "\u2f00、总体情况" in converted.read_text(encoding="utf-8")
    report = engine.lint_path(converted).report
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert report.sections[0].heading.startswith("一、")
    page = (FIXTURES / "html" / "2023_zone-pingtan_gov.html").read_text(encoding="utf-8")
    pasted = tmp_path / "pasted.html"
    pasted.write_text(page.replace("一、总体情况", "\u2f00、总体情况"), encoding="utf-8")
    assert kinds(engine.lint_path(pasted)) == kinds(engine.lint_path(PAGE_2023))


def test_a_radical_written_as_a_character_reference_is_read_too(
    engine: Engine, tmp_path: Path
) -> None:
    """The text and HTML readers unify radicals in the source before reading it, so the
    engine's pass over every cell is skipped for them (``radicals_read``); a radical the
    page writes as a character reference appears only in the parsed text: the pass runs."""
    from linter.readers.html import HtmlReader
    from linter.readers.text import TextReader

    page = (FIXTURES / "html" / "2023_zone-pingtan_gov.html").read_text(encoding="utf-8")
    limits = engine.limits
    plain = HtmlReader().read("p.html", page.encode("utf-8"), limits)
    assert plain.radicals_read
    assert TextReader().read("t.md", "⼀、总体情况\n".encode(), limits).radicals_read
    referenced = tmp_path / "referenced.html"
    referenced.write_text(page.replace("一、总体情况", "&#x2F00;、总体情况"), encoding="utf-8")
    doc = HtmlReader().read("r.html", referenced.read_bytes(), limits)
    assert not doc.radicals_read
    assert any("\u2f00、总体情况" in getattr(b, "text", "") for b in doc.blocks)
    assert kinds(engine.lint_path(referenced)) == kinds(engine.lint_path(PAGE_2023))


def test_inline_markup_in_a_markdown_cell_is_not_its_text(engine: Engine) -> None:
    # "|度办<br>理结<br>果<br>（二）部分公开…|<sup>19</sup>|1|0|0|0|0|20|": an AP006 error
    # ("<sup>19</sup>" is not a number) before
    result = engine.lint_path(TEXT / "2023_zone-pingtan_gov.lo.pymupdf4llm.md")
    assert "<sup>19</sup>" in (TEXT / "2023_zone-pingtan_gov.lo.pymupdf4llm.md").read_text(
        encoding="utf-8"
    )
    cell = result.report.applications.cell("partially_granted", "natural_person")
    assert cell is not None and cell.value == 19
    assert "AP006" not in {f.code for f in result.findings}


def test_a_row_label_under_the_group_columns_pieces_is_read_from_its_numbered_line(
    engine: Engine,
) -> None:
    # PyMuPDF prints the merged group column's pieces into the first cell above the row's
    # label ("三、<br>本年<br>（一）予以公开", "开<br>2.其他法律行政法规禁<br>止公开"): the
    # label is read from its last numbered line, not called altered (four AP004 before)
    converted = TEXT / "2023_zone-pingtan_gov.lo.pymupdf4llm.md"
    assert "|三、<br>本年<br>（一）予以公开|22|" in converted.read_text(encoding="utf-8")
    result = engine.lint_path(converted)
    rows = result.report.applications.rows
    assert rows["granted"].label == "（一）予以公开"
    assert rows["granted"].cells["total"].value == 22
    altered = [f.sub_id for f in result.findings if f.code == "AP004"]
    assert altered == ["withheld.three_securities"]  # printed cut short: "3.危及“三安全一稳"


def test_the_rest_of_table_three_cut_off_is_read_when_the_headings_are_lost(
    engine: Engine, tmp_path: Path
) -> None:
    """PyMuPDF prints the last two rows of 平潭 2023's table 三 (“（七）总计”, “四、结转下年度
    继续办理”) as a table of their own after the page break. Under section 三's heading that
    table is the section's: the rows are read (their cells do not fit: XT002, partly
    read). With the report's headings lost (a converter's or the page's: the tables are
    found by their labels alone) the piece was left out, and AP002 said both rows were
    missing — errors, with the rows printed. A table right after section 三's, a row of
    the format's in it, is its rest."""
    original = TEXT / "2023_zone-pingtan_gov.lo.pymupdf4llm.md"
    lines = original.read_text(encoding="utf-8").splitlines(keepends=True)
    headings = [x for x in lines if x.lstrip("# ").startswith(("**一、", "**二、", "**三、"))]
    assert len(headings) >= 3
    lost = tmp_path / "no-headings.md"
    lost.write_text(
        "".join(
            x
            for x in lines
            if not x.lstrip("# ").startswith(tuple(f"**{n}、" for n in "一二三四五六"))
        ),
        encoding="utf-8",
    )
    result = engine.lint_path(lost)
    assert not [f for f in result.findings if f.code == "AP002" and f.level == "error"]
    unread = {u.row_id for u in result.report.applications.unread}
    assert unread == {"outcome_total", "carried_forward"}
    assert unread == {u.row_id for u in engine.lint_path(original).report.applications.unread}
