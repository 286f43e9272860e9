"""PDF tables without ruling lines: read from where their characters stand.

The forms are made in the test from the real PDFs (洪泽区 2023/2024, 淮安市 2024), as a
report reaches us when its tables have no drawn borders or it is an OCR'd scan:

- no lines: every path object removed (the text stays where it was printed);
- OCR-like: no lines, every text object invisible (render mode 3, as OCR writes its
  text layer), and the page, rendered before, laid under the text as one image.

Each must give the ruled original's findings; a table whose columns cannot be trusted
(one column's figures moved onto or past the next) must not be read at all (XT002), never
read into sums that do not add up.
"""

from __future__ import annotations

import ctypes
import random
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest

from linter.document import Table
from linter.engine import Engine
from linter.plugins import load_plugins
from linter.readers import pdf, pdf_columns
from tests.conftest import kinds
from tests.pdf_fixtures import unruled
from tests.test_reader_pdf import (
    FIXTURES,
    HONGZE_2023_PDF,
    HONGZE_2024_PDF,
    HUAIAN_2024_PDF,
    read,
)


def _text_of(obj, textpage) -> str:
    buf = ctypes.create_string_buffer(64)
    n = pdfium_raw.FPDFTextObj_GetText(
        obj.raw, textpage.raw, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)), 32
    )
    return buf.raw[: max(0, n - 1) * 2].decode("utf-16-le").strip("\x00 ")


def reformed(src: Path, dst: Path, *, ocr: bool = False, move: Callable | None = None) -> Path:
    """``src`` without its ruling lines (and, ``ocr``, as an OCR'd scan); ``move(page
    number, object, text, bounds)`` may return an x offset for a text object."""
    doc = pdfium.PdfDocument(str(src))
    for number, page in enumerate(doc, start=1):
        picture = page.render(scale=0.25) if ocr else None
        textpage = page.get_textpage() if move else None
        for obj in list(page.get_objects()):
            if obj.type == pdfium_raw.FPDF_PAGEOBJ_PATH:
                page.remove_obj(obj)
            elif obj.type == pdfium_raw.FPDF_PAGEOBJ_TEXT:
                if ocr:
                    pdfium_raw.FPDFTextObj_SetTextRenderMode(
                        obj.raw, pdfium_raw.FPDF_TEXTRENDERMODE_INVISIBLE
                    )
                if move and (dx := move(number, _text_of(obj, textpage), obj.get_bounds())):
                    obj.transform(pdfium.PdfMatrix().translate(dx, 0))
        if picture is not None:
            image = pdfium.PdfImage.new(doc)
            image.set_bitmap(picture)
            width, height = page.get_size()
            image.set_matrix(pdfium.PdfMatrix().scale(width, height))
            page.insert_obj(image)
        page.gen_content()
    doc.save(str(dst))
    return dst


def broken(src: Path, dst: Path, index: int, cut: float) -> Path:
    """``src`` with a page break put across page ``index`` (0-based) at ``cut`` (points
    from the page's foot): that page keeps what stands above, and a new page after it
    what stands below, moved up to where the page's text began; the page number and
    anything else in the top and bottom 6% of the page stay on both pages."""
    doc = pdfium.PdfDocument(str(src))
    doc.import_pages(pdfium.PdfDocument(str(src)), [index], index + 1)
    above, below = doc[index], doc[index + 1]
    height = above.get_size()[1]
    band = 0.06 * height

    def middle(obj) -> float:
        _, bottom, _, top = obj.get_bounds()
        return (bottom + top) / 2

    body = [obj for obj in above.get_objects() if band < middle(obj) < height - band]
    shift = max(obj.get_bounds()[3] for obj in body) - cut
    for obj in body:
        if middle(obj) < cut:
            above.remove_obj(obj)
    for obj in list(below.get_objects()):
        if not band < middle(obj) < height - band:
            continue
        if middle(obj) > cut:
            below.remove_obj(obj)
        else:
            obj.transform(pdfium.PdfMatrix().translate(0, shift))
    above.gen_content()
    below.gen_content()
    doc.save(str(dst))
    return dst


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_plugins())


@pytest.mark.parametrize(
    ("src", "ocr"),
    [
        (HONGZE_2023_PDF, False),
        (HONGZE_2023_PDF, True),
        (HONGZE_2024_PDF, False),
        (HUAIAN_2024_PDF, False),
        (HUAIAN_2024_PDF, True),
    ],
    ids=["hongze2023", "hongze2023-ocr", "hongze2024", "huaian2024", "huaian2024-ocr"],
)
def test_without_lines_the_findings_are_the_ruled_originals(engine, tmp_path, src, ocr):
    """Before: three XT002 (sections 二–四 “no recognisable table”) and every table check
    skipped; the original's RL101 (洪泽 2023 行政复议 总计 0 against 10 + 1), AP002/AP004
    and OM002 (淮安 2024, from section 三's (六)2 row) were lost."""
    form = reformed(src, tmp_path / f"{src.stem}.pdf", ocr=ocr)
    assert kinds(engine.lint_path(form)) == kinds(engine.lint_path(src))


def test_a_borderless_tables_findings_point_to_its_page_and_cell(engine, tmp_path):
    form = reformed(HONGZE_2023_PDF, tmp_path / "hongze.pdf")
    result = engine.lint_path(form)
    rl101 = [f for f in result.findings if f.code == "RL101"]
    assert len(rl101) == 2
    doc = read(form)
    text = doc.extracted_text.split("\n")
    for finding in rl101:
        anchor = finding.location.anchor
        assert anchor.page == 4 and anchor.table is not None and anchor.bbox is not None
        x0, y0, x1, y1 = anchor.bbox
        assert 0 < x0 < x1 < 595 and 0 < y0 < y1 < 842
        assert text[anchor.line - 1] == "\t0"  # 总计 as printed
    ap004 = next(f for f in result.findings if f.code == "AP004")
    assert ap004.location.anchor.page == 3 and "其他法律行政止公开" in ap004.message_zh
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    section3 = next(t for t in tables if t.rows[0][0].text.startswith("一、本年新收"))
    first = section3.rows[0]
    assert [c.text for c in first] == [
        "一、本年新收政府信息公开申请数量",
        *"21 0 0 0 0 0 21".split(),
    ]
    assert {c.anchor.page for c in first} == {3} and all(c.anchor.bbox for c in first)
    # Each figure's box is its own, left to right along the row.
    lefts = [c.anchor.bbox[0] for c in first]
    assert lefts == sorted(lefts)


def _column_moved(dx: float):
    """淮安 2024's 商业企业 column, page 4 only (rows 一 to （四）1), moved by ``dx``."""

    def move(page: int, text: str, bounds) -> float:
        return dx if page == 4 and text.isdigit() and 296 <= bounds[0] <= 312 else 0.0

    return move


@pytest.mark.parametrize("dx", [45.0, 58.0], ids=["onto-next", "past-next"])
def test_a_column_moved_onto_or_past_the_next_is_not_read(engine, tmp_path, dx):
    """Moved past 科研机构 on page 4 only, the figures read in order would put 商业企业's in
    科研机构's place on that page and not on the next: AP101/AP102 errors on a correct
    report. The columns overlap, so section 三 is not read: XT002, no error."""
    form = reformed(HUAIAN_2024_PDF, tmp_path / "moved.pdf", move=_column_moved(dx))
    result = engine.lint_path(form)
    assert not [f for f in result.findings if f.level == "error"]
    assert any(f.code == "XT002" and "第三部分" in f.message_zh for f in result.findings)


# Geometry of 平潭 2022's section 三 as LibreOffice printed it (points): labels in a cell
# they fill, the 自然人 figure 3 pt after the label's last character.
_EM = 14.0
_COLUMNS = (275.8, 324.2, 359.8, 398.5, 436.0, 498.1, 532.8)


def _row(label: str, x: float, y: float, values: list[str], xs=_COLUMNS) -> list[pdf._Char]:
    chars = [pdf._Char(ch, x + 16 * k, y, x + 16 * k + _EM, y + 12.8) for k, ch in enumerate(label)]
    for value, vx in zip(values, xs, strict=True):
        chars += [
            pdf._Char(d, vx + 8.9 * k, y + 2, vx + 8.9 * (k + 1), y + 14.8)
            for k, d in enumerate(value)
        ]
    return chars


def _borderless(chars: list[pdf._Char]) -> list[pdf_columns.Borderless]:
    return pdf_columns.read([(1, pdf._group_lines(chars))])


def test_a_figure_set_against_its_label_is_its_own_cell_when_it_stands_in_a_column():
    chars = _row("（一）予以公开", 131.3, 600, "21 0 0 0 0 0 21".split())
    chars += _row("处理的，只计这一情", 131.3, 630, "8 1 0 0 0 0 9".split())
    chars += _row("（三）不予公开", 131.3, 660, "0 0 0 0 0 0 0".split())
    chars += _row("（四）无法提供", 131.3, 690, "37 0 0 0 0 0 37".split())
    (found,) = _borderless(chars)
    rows = [[c.text for c in row] for row in found.table.rows]
    assert rows[1] == ["处理的，只计这一情", *"8 1 0 0 0 0 9".split()]


def test_flat_glyphs_boxed_by_their_ink_stay_in_their_line():
    """A Type 3 font (Chromium's print of a page) boxes a glyph by its ink: 一 is a box 1.2
    points high in the middle of its line, ，and 。 small ones at its foot. Before: each such
    band started a line of its own, and the label read “一（）予以公开” (AP004, AP002 on
    平潭 2023 and 财政金融局 2025 printed so with horizontal rules only or no borders)."""
    chars = _row("（一）予以公开", 131.3, 600, "21 0 0 0 0 0 21".split())
    chars += _row("处理的，只计这一情", 131.3, 630, "8 1 0 0 0 0 9".split())
    chars += _row("（三）不予公开", 131.3, 660, "0 0 0 0 0 0 0".split())
    chars += _row("（四）无法提供", 131.3, 690, "37 0 0 0 0 0 37".split())
    for c in chars:
        if c.ch == "一":
            c.y0, c.y1 = c.y0 + 5.6, c.y0 + 6.8
        elif c.ch == "，":
            c.y0, c.y1 = c.y0 + 9.5, c.y0 + 12.0
        c.cy = (c.y0 + c.y1) / 2
    (found,) = _borderless(chars)
    labels = [row[0].text for row in found.table.rows]
    assert labels == ["（一）予以公开", "处理的，只计这一情", "（三）不予公开", "（四）无法提供"]


def test_a_figure_read_into_its_label_leaves_the_table_unread():
    """The other rows' 自然人 figures stand further right: the one against the label is
    in no column, reads as part of the label, and its row is a value short — a reading by
    position would fill the row wrongly, so the table is not read."""
    moved = (290.0, *_COLUMNS[1:])
    chars = _row("（一）予以公开", 131.3, 600, "21 0 0 0 0 0 21".split(), moved)
    chars += _row("处理的，只计这一情", 131.3, 630, "8 1 0 0 0 0 9".split())
    chars += _row("（三）不予公开", 131.3, 660, "0 0 0 0 0 0 0".split(), moved)
    chars += _row("（四）无法提供", 131.3, 690, "0 0 0 0 0 0 0".split(), moved)
    assert _borderless(chars) == []


# LibreOffice's PDFs (Writer, and a browser's print of a page) are made borderless in their
# bytes (tests.pdf_fixtures.unruled): PDFium's content generation re-encodes some of their
# fonts' text.
CZJ_2025_PDF = FIXTURES / "2025_zonedept-pingtan-czj.lo.pdf"
PINGTAN_2022_PRINTED_PDF = FIXTURES / "2022_zone-pingtan_gov.printed.pdf"


@pytest.mark.parametrize("invisible", [False, True], ids=["no-lines", "ocr-like"])
def test_a_writer_pdf_without_lines_gives_the_ruled_originals_findings(engine, tmp_path, invisible):
    """平潭 财政金融局 2025, LibreOffice Writer: three columns of labels side by side in
    section 三 (三、本年度办理结果 / （四）无法提供 / 2.没有现成信息需要另行制作), set
    a cell's padding apart (0.7 em), narrower than a column gap between figures. Before:
    XT002 for sections 二–四."""
    form = tmp_path / "czj.pdf"
    form.write_bytes(unruled(CZJ_2025_PDF.read_bytes(), invisible=invisible))
    assert kinds(engine.lint_path(form)) == kinds(engine.lint_path(CZJ_2025_PDF))


def test_a_table_not_trusted_is_not_read_in_part_after_a_page_break(engine, tmp_path):
    """平潭 2022 as a browser printed it: section 三's first figures stand against their
    labels and in no column (the label and “8” of （二）部分公开 touch), so the table is not
    read; its rows on the next page (（六）, （七）总计, 四、结转) read alone would be
    taken for the whole table and give an AP002 for each row missing from them (22). The
    rest of a table not trusted is not trusted: one XT002 for section 三, and sections 二
    and 四 read (before: XT002 for each of the three)."""
    form = tmp_path / "printed.pdf"
    form.write_bytes(unruled(PINGTAN_2022_PRINTED_PDF.read_bytes()))
    result = engine.lint_path(form)
    xt002 = [f for f in result.findings if f.code == "XT002"]
    assert len(xt002) == 1 and "第三部分" in xt002[0].message_zh
    assert not [f for f in result.findings if f.code.startswith(("AP", "RL"))]
    assert kinds(result) == sorted(
        [
            *kinds(engine.lint_path(PINGTAN_2022_PRINTED_PDF)),
            *((f.code, f.sub_id, f.level) for f in xt002),
        ]
    )


def test_labels_in_narrow_columns_side_by_side_read_apart(engine, tmp_path):
    """平潭 2022, LibreOffice Writer: the group labels' column is three characters wide and
    its lines run into the row labels' (“不予公” + “密”, “（五）” + “开出版物”, “其他处” +
    “当理由逾期不”), each character 2 pt from the next, as far as across the columns; the
    row labels begin on one edge (180 pt) in many lines, which sets them apart. And the
    first row's label begins on the line above its figures (“一、本年新收政府信息公开申请数”
    / figures / “量”). Before: AP004 for “（三）1.属于国家秘不予公密” and AP002 for (一),
    (五)3 and the first row. Left: the (六) rows, cut by the page break after “1.申请人无正”,
    say they were not read (warnings, no number claimed)."""
    src = FIXTURES / "2022_zone-pingtan_gov.lo.pdf"
    form = tmp_path / "pingtan.pdf"
    form.write_bytes(unruled(src.read_bytes()))
    result = engine.lint_path(form)
    extra = Counter(kinds(result)) - Counter(kinds(engine.lint_path(src)))
    assert set(extra) <= {
        ("AP002", "other_handling.no_correction", "warning"),
        ("AP002", "other_handling.unpaid_fee", "warning"),
    }


def test_figures_beside_a_group_labels_line_go_to_the_row_label_above_right(engine, tmp_path):
    """平潭 2023, LibreOffice Writer: (四)2's figures are printed level with the group
    label's second line (“2.没有现成信息需要另” / “（四）无法提  0 0 0 …” / “行制作”);
    read in order they went to “（四）无法提” and the row was a cell short (XT002 “only
    partly read”). The row label nearer the figures, begun on the line above, takes them:
    the original's findings, but for AD002 (section 二's 第（八）项, whose one figure
    stands between the two lines of its label, “行政事业性收” / 5949.088667 / “费”)."""
    src = FIXTURES / "2023_zone-pingtan_gov.lo.pdf"
    form = tmp_path / "pingtan.pdf"
    form.write_bytes(unruled(src.read_bytes()))
    result = engine.lint_path(form)
    extra = Counter(kinds(result)) - Counter(kinds(engine.lint_path(src)))
    assert set(extra) <= {("AD002", "item8/unreadable", "warning")}
    assert not [f for f in result.findings if f.code == "XT002"]


def test_figures_whose_order_is_unsure_leave_the_table_unread(engine, tmp_path):
    """An OCR'd figure's characters may stand over each other: 淮安 2024's “53” (商业企业,
    row 一) with its “5” moved 4.5 pt right, over its “3”, reads “35” in x order, and row
    一 no longer adds up (AP103 error on a correct report). Figures overlapping by half a
    figure leave the table unread: XT002, no error."""

    def move(page: int, text: str, bounds) -> float:
        row_one = abs(bounds[3] - 375.8) < 1.5
        return 4.5 if page == 4 and text == "5" and 299 <= bounds[0] <= 301 and row_one else 0.0

    form = reformed(HUAIAN_2024_PDF, tmp_path / "overlap.pdf", move=move)
    result = engine.lint_path(form)
    assert not [f for f in result.findings if f.level == "error"]
    assert any(f.code == "XT002" and "第三部分" in f.message_zh for f in result.findings)


def _jittered(monkeypatch, amplitude: float, seed: int) -> None:
    """Every character read a random distance across, up to ``amplitude`` points either
    way, as an OCR text layer places each character (the glyphs' widths kept)."""
    chars_of = pdf._Scanner._chars
    rng = random.Random(seed)

    def chars(self, text, m):
        out = chars_of(self, text, m)
        for c in out:
            dx = rng.uniform(-amplitude, amplitude)
            c.x0, c.x1, c.cx = c.x0 + dx, c.x1 + dx, c.cx + dx
        return out

    monkeypatch.setattr(pdf._Scanner, "_chars", chars)


@pytest.mark.parametrize(
    ("src", "amplitude", "seed"),
    [
        (HONGZE_2024_PDF, 2.0, 1),
        (FIXTURES / "2023_zone-pingtan_gov.lo.pdf", 0.5, 1),
        (FIXTURES / "2023_zone-pingtan_gov.lo.pdf", 2.0, 1),
        (FIXTURES / "2022_zone-pingtan_gov.lo.pdf", 3.0, 4),
        (FIXTURES / "2022_zone-pingtan_gov.lo.pdf", 3.0, 5),
    ],
    ids=[
        "hongze2024",
        "pingtan2023-title",
        "pingtan2023-headings",
        "pingtan2022-3pt-label",
        "pingtan2022-3pt-title",
    ],
)
def test_characters_each_a_point_or_two_off_give_no_error_the_original_does_not(
    engine, tmp_path, monkeypatch, src, amplitude, seed
):
    """Borderless forms of the real PDFs with each character moved at random across by
    up to ``amplitude`` points. Before: a character that strayed from the one before
    onto a label column's edge passed for a cell of its own (洪泽 2024's section-二 (六)
    header: AD002 'column missing', errors; 平潭 2023's “第二十条第（六” / “）项”: AD001
    'item missing'), and 平潭 2023's three headings of (一), a cell's padding apart, read
    as one heading over three columns of figures (AD002 for two of them). Now a gap is a
    cell's only when wider than the characters stray, and a heading over two columns of
    figures leaves the table unread (XT002): no error the ruled original does not give.
    At 3 points a word's characters stood a space apart (“第二 十条第（六）项”, “行政 处罚”:
    the item's title not known, its rows read into a label, AD001/AD002 errors): a gap
    between two characters of text narrower than a cell's and within their stray is no
    space (never between figures: two figures a space apart are two values)."""
    if src.name.endswith(".lo.pdf"):
        form = tmp_path / "form.pdf"
        form.write_bytes(unruled(src.read_bytes()))
    else:
        form = reformed(src, tmp_path / "form.pdf")
    original = {k for k in kinds(engine.lint_path(src)) if k[2] == "error"}
    _jittered(monkeypatch, amplitude, seed)
    errors = {k for k in kinds(engine.lint_path(form)) if k[2] == "error"}
    assert errors <= original


def test_a_label_cut_by_a_page_break_goes_on_after_the_page_number(engine, tmp_path):
    """洪泽区 2023 without its ruling lines, a page break put between the two lines of
    （二）部分公开's label (its first line and figures at the foot of page 3 over the page
    number, “计其他情形）” at the top of page 4). Before: the label's last line began a
    row of its own, read with the pieces of the group label printed down the side
    (“计其他情形）三、本年度办”), and （二） was read as “…只计这一情形，不” (AP004). Its
    reader reads on past the page break: the findings of the PDF without the break."""
    form = reformed(HONGZE_2023_PDF, tmp_path / "form.pdf")
    cut = broken(form, tmp_path / "broken.pdf", 2, 279.9)
    lines = read(cut).extracted_text.split("\n")
    assert "\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）" in lines
    assert kinds(engine.lint_path(cut)) == kinds(engine.lint_path(form))


@pytest.mark.parametrize(
    ("src", "seed"),
    [(HUAIAN_2024_PDF, 0), (FIXTURES / "2023_zone-pingtan_gov.lo.pdf", 2)],
    ids=["huaian2024", "pingtan2023"],
)
def test_ruled_tables_read_figures_set_a_few_points_off_their_place(engine, monkeypatch, src, seed):
    """The ruled originals, each character moved at random across by up to 3 points
    (more than half of 淮安's 5-point digits). Before: two digits of one figure that came
    to overlap were read in the order of their positions (“1362” as “3162”: AP101-AP103
    errors throughout section 三), and a digit whose middle crossed the column line went
    to the next cell (平潭 2023's “81” read “8” under 其他 and “1” under 总计). Now the
    page's content order decides between overlapping characters, and a figure across a
    column line goes with the figure it stands against: the original's errors only."""
    original = {k for k in kinds(engine.lint_path(src)) if k[2] == "error"}
    _jittered(monkeypatch, 3.0, seed)
    assert {k for k in kinds(engine.lint_path(src)) if k[2] == "error"} <= original
