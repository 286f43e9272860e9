"""Page furniture of PDFs as other producers publish them (bench/probe_producers.py prints
the real HTML pages with it through Chromium and LibreOffice; these tests make it on the
real PDFs in tests/fixtures/pdf, so they need no browser).

- A watermark laid diagonally across every page (a download stamp with the date, the
  agency's name, ``仅供参考``): its characters are on no line of the page.
- Two pages printed side by side on each landscape sheet (“2 pages per sheet”): each is
  read as a page of its own, its findings pointing at the sheet and the box on it.
"""

from __future__ import annotations

import ctypes
import math
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest

from linter.engine import Engine
from linter.plugins import load_plugins
from tests.conftest import kinds
from tests.test_reader_pdf import FIXTURES, HONGZE_2023_PDF, HUAIAN_2024_PDF, read


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_plugins())


def watermarked(src: Path, dst: Path, text: str, degrees: float, shear: float = 0.0) -> Path:
    """``src`` with ``text`` (Helvetica, 28 pt, light grey) turned ``degrees`` (its glyphs
    slanted by ``shear`` degrees, as a fake italic) and laid over each page in a 3 × 4
    tiling, as a site's download stamp is."""
    doc = pdfium.PdfDocument(str(src))
    turn = math.radians(degrees)
    cos, sin = math.cos(turn), math.sin(turn)
    slant = math.tan(math.radians(shear))
    wide = (ctypes.c_ushort * (len(text) + 1))(*[ord(c) for c in text], 0)
    for page in doc:
        width, height = page.get_size()
        for col in range(3):
            for row in range(4):
                obj = pdfium_raw.FPDFPageObj_NewTextObj(doc.raw, b"Helvetica", 28.0)
                pdfium_raw.FPDFText_SetText(obj, wide)
                pdfium_raw.FPDFPageObj_SetFillColor(obj, 190, 190, 190, 255)
                x, y = width * (0.05 + 0.3 * col), height * (0.1 + 0.22 * row)
                pdfium_raw.FPDFPageObj_Transform(obj, 1, 0, slant, 1, 0, 0)
                pdfium_raw.FPDFPageObj_Transform(obj, cos, sin, -sin, cos, x, y)
                pdfium_raw.FPDFPage_InsertObject(page.raw, obj)
        page.gen_content()
    doc.save(str(dst))
    return dst


@pytest.mark.parametrize("src", [HUAIAN_2024_PDF, HONGZE_2023_PDF], ids=["huaian", "hongze"])
@pytest.mark.parametrize("degrees", [35, -45])
def test_a_diagonal_watermark_is_not_read_into_the_report(engine, tmp_path, src, degrees):
    """Before: the stamp's digits went into table cells and paragraphs (``0供``, ``仅88``
    on 平潭 2022 printed by Chromium with ``仅供参考``): AD005/AP006/RL004 “not a number”,
    a section heading broken (ST001)."""
    form = watermarked(src, tmp_path / "stamped.pdf", "2025-01-20 10:32 GOV", degrees)
    assert "2025-01-20" not in read(form).extracted_text
    assert kinds(engine.lint_path(form)) == kinds(engine.lint_path(src))


@pytest.mark.parametrize(
    ("degrees", "shear"),
    [(2, 0), (0, 15), (0, -15)],
    ids=["skew", "italic", "backslant"],
)
def test_a_level_line_at_a_scans_skew_or_in_italics_is_still_read(engine, tmp_path, degrees, shear):
    """The cut-off is the line's slant, not any turn or the glyphs' slant: text set two
    degrees off level (a scan's text layer follows the page's skew) is read, and so is a
    level line whose glyphs are slanted 15° (LibreOffice's italic for a CJK font without
    one: PDFium gives such characters an angle of 15°; before, they were dropped)."""
    form = watermarked(HUAIAN_2024_PDF, tmp_path / "level.pdf", "LEVEL 2025", degrees, shear)
    assert "LEVEL 2025" in read(form).extracted_text


def two_up(src: Path, dst: Path) -> Path:
    """``src`` two pages a landscape sheet, side by side (PDFium's N-up import: what
    printing “2 pages per sheet” to a PDF makes)."""
    doc = pdfium.PdfDocument(str(src))
    width, height = doc[0].get_size()
    sheet = pdfium_raw.FPDF_ImportNPagesToOne(doc.raw, 2 * width, height, 2, 1)
    pdfium.PdfDocument(sheet).save(str(dst))
    return dst


@pytest.mark.parametrize(
    "src",
    [
        HUAIAN_2024_PDF,
        HONGZE_2023_PDF,
        FIXTURES / "2023_zone-pingtan_gov.lo.pdf",
        FIXTURES / "2022_zone-pingtan_gov.printed.pdf",
    ],
    ids=["huaian", "hongze", "pingtan-lo", "pingtan-chromium"],
)
def test_two_pages_a_sheet_read_as_the_pages(engine, tmp_path, src):
    """Before: the lines of the two pages were read as one page's, side by side (淮安 2024:
    the title missed, section 三's heading lost, PI001; 平潭 2023: AP002 on table 三). A
    table running from the left page to the right one is one table with its columns
    (洪泽 2023's section 二). Each finding points at the sheet, and at the box where the
    original's stands on it: on a right-hand page, moved by the page's width. Chromium's
    print (its fonts are Type 3): PDFium boxes a glyph met first on the sheet's other
    page where it stood there (``一``, ``文`` of the right page read into the left one:
    AP006, RL004, ST001 errors) — the character's matrix places it."""
    sheet = two_up(src, tmp_path / "2up.pdf")
    original, printed = engine.lint_path(src), engine.lint_path(sheet)
    assert kinds(printed) == kinds(original)
    width = pdfium.PdfDocument(str(src))[0].get_size()[0]

    def places(result, two: bool) -> list:
        out = []
        for f in result.findings:
            a = f.location.anchor
            if a is None or a.page is None or a.bbox is None:
                continue
            page, box = a.page, a.bbox
            if two:  # back to the page it was printed as
                right = box[0] >= width - 1
                page = 2 * page - (0 if right else 1)
                box = (box[0] - width, box[1], box[2] - width, box[3]) if right else box
            out.append((f.code, f.sub_id, page, tuple(round(v) for v in box)))
        return sorted(out)

    assert places(original, False)
    assert places(printed, True) == places(original, False)


# Chromium's print of the real 平潭 2022 page with section 三's and 四's tables on landscape A4
# pages of their own (CSS ``@page wide { size: A4 landscape }``) and no cell borders: the
# second page of section 三's table, from (三)8 to (六)2, alone.
LANDSCAPE_UNRULED = FIXTURES / "2022_zone-pingtan_gov.landscape-unruled-p7.pdf"


def test_a_landscape_page_of_its_own_is_not_two_pages_a_sheet():
    """A table printed without ruling lines on a landscape page of its own has gaps between
    its columns, one of which may stand in the page's middle fifth, clear of every
    character (here 27 pt, between 商业企业 and 科研机构, right of the middle): it was taken
    for the gutter between two pages a sheet, the page cut there, each row's label and
    first two figures read as one table and its other five figures as another table with
    no labels (the full report: XT002, AP002 on section 三, the rows' checks lost). The two
    pages of a sheet each stand in their own half, so their gutter holds the sheet's
    middle; this gap does not."""
    tables = [b for b in read(LANDSCAPE_UNRULED).blocks if getattr(b, "rows", None)]
    assert len(tables) == 1
    rows = [[c.text for c in row] for row in tables[0].rows]
    assert ["2.重复申请", "0", "0", "0", "0", "0", "0", "0"] in rows
    assert all(len(row) == 8 for row in rows if len(row) > 1)
