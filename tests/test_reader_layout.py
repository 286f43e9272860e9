"""Column-aligned text from ``pdftotext -layout`` (poppler) reads like the PDF itself.

The text fixtures are ``pdftotext -layout`` (poppler-utils) of the PDFs in ``fixtures/pdf/``,
byte for byte (CI needs no poppler)::

    pdftotext -layout tests/fixtures/pdf/2023_district-hongze_gov.pdf \
        tests/fixtures/text/st_2023_district-hongze_gov.txt
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.document import Table
from linter.engine import Engine
from linter.plugins import load_plugins
from linter.readers import Limits
from linter.readers.text import TextReader
from tests.conftest import kinds

FIXTURES = Path(__file__).parent / "fixtures"
LAYOUT = {
    "2023_district-hongze_gov": "st_2023_district-hongze_gov.txt",
    "2024_city-huaian_gov": "st_2024_city-huaian_gov.txt",
    "2024_district-hongze_gov": "pi_2024_district-hongze_gov.txt",
}
NAMES = list(LAYOUT)


def _cells(table: dict) -> dict:
    return {
        (row_id, col): (cell["text"], cell.get("value"))
        for row_id, row in (table.get("rows") or {}).items()
        for col, cell in (row.get("cells") or {}).items()
    }


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_plugins())


@pytest.mark.parametrize("name", NAMES)
def test_layout_text_reads_to_the_pdf_tables_cell_by_cell(name, engine):
    from_pdf = engine.parse(FIXTURES / "pdf" / f"{name}.pdf").to_json()
    from_text = engine.parse(FIXTURES / "text" / LAYOUT[name]).to_json()
    for part in ("applications", "review_litigation"):
        assert from_text[part]["present"]
        assert _cells(from_text[part]) == _cells(from_pdf[part]), part
        assert not from_text[part].get("unread")
    assert len(_cells(from_text["applications"])) >= 161
    assert len(_cells(from_text["review_litigation"])) == 15
    assert from_text["applications"]["edition"] == from_pdf["applications"]["edition"]
    items_pdf = from_pdf["article20"]["items"]
    items_text = from_text["article20"]["items"]
    assert set(items_text) == set(items_pdf)
    for item, table in items_pdf.items():
        assert _cells(items_text[item]) == _cells(table), item
    assert not [d for d in from_text["diagnostics"] if d["code"] == "XT002"]


@pytest.mark.parametrize("name", NAMES)
def test_layout_text_gives_the_pdf_findings(name, engine):
    def findings(path: Path) -> list[tuple[str, str]]:
        return sorted((f.code, f.message_en) for f in engine.lint_path(path).findings)

    from_text = findings(FIXTURES / "text" / LAYOUT[name])
    assert from_text == findings(FIXTURES / "pdf" / f"{name}.pdf")
    codes = [code for code, _ in from_text]
    if name == "2023_district-hongze_gov":
        assert codes.count("RL101") == 2 and "AP004" in codes
    if name == "2024_city-huaian_gov":
        assert not [c for c in codes if c[:2] in ("AP", "RL", "AD")]


def _read(text: str):
    return TextReader().read("x.txt", text.encode(), Limits())


def test_wrapped_labels_are_put_together_by_indentation():
    # 淮安 2024: the group label is printed down the left, the row label over three lines.
    text = (FIXTURES / "text" / LAYOUT["2024_city-huaian_gov"]).read_text()
    rows = [[c.text for c in r] for b in _read(text).blocks if isinstance(b, Table) for r in b.rows]
    assert [
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "447",
        "7",
        "0",
        "0",
        "0",
        "0",
        "454",
    ] in rows
    assert [
        "1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "67", "3", "0", "0", "1", "0", "71",
    ] in rows  # fmt: skip
    assert ["（六）其他处理"] in rows  # the group heading, on a row of its own


ROW_6 = "                            6.属于四类过程性信息      1     0      0     0   0   0     1"


def _hongze_with(tmp_path: Path, row: str) -> dict:
    text = (FIXTURES / "text" / LAYOUT["2023_district-hongze_gov"]).read_text()
    assert ROW_6 in text
    path = tmp_path / "r.txt"
    path.write_text(text.replace(ROW_6, row))
    return Engine(load_plugins()).parse(path).to_json()


def test_a_blank_cell_is_placed_by_the_column_its_neighbours_stand_in(tmp_path):
    # The 商业企业 cell left blank: six values, each under one column of the full rows.
    blanked = (
        "                            6.属于四类过程性信息      1            0     0   0   0     1"
    )
    report = _hongze_with(tmp_path, blanked)
    row = report["applications"]["rows"]["withheld.process_information"]
    states = {col: (cell["state"], cell.get("value")) for col, cell in row["cells"].items()}
    assert states["natural_person"] == ("number", 1)
    assert states["commercial"] == ("blank", None)
    assert states["research"] == ("number", 0)
    assert states["total"] == ("number", 1)
    assert not report["applications"]["unread"]


def test_a_row_whose_values_stand_between_columns_is_left_unread(tmp_path):
    # Six values, one of them between two columns: its column is not guessed.
    moved = "                            6.属于四类过程性信息      1        0  0   0   0     1"
    report = _hongze_with(tmp_path, moved)
    apps = report["applications"]
    assert "withheld.process_information" not in apps["rows"]
    assert [u["row_id"] for u in apps["unread"]] == ["withheld.process_information"]
    partial = [d for d in report["diagnostics"] if d["code"] == "XT002"]
    assert len(partial) == 1 and "6.属于四类过程性信息" in str(partial[0])
    assert len(apps["rows"]) == 22  # every other row read


def test_running_text_with_spaced_numbers_is_not_a_table():
    doc = _read(
        "一、总体情况\n"
        "2023 年，本机关收到申请 21 件，办结 20 件。\n"
        "号 ， 邮 编 ： 223100 ， 电 话 ： 0517 87222589\n"
        "地址：洪泽湖大道 90\n"
        "                                           -1-\n"
    )
    assert not [b for b in doc.blocks if isinstance(b, Table)]


def test_a_flattened_table_is_not_read_as_a_numbered_list(engine):
    # ``pdftotext`` (without -layout) of 平潭 2023 printed to PDF by Chromium: table 三 comes out one
    # cell per line, its row numbers 1. 2. 3. on lines of their own, which WD003 read as a
    # list numbered “1.” then “3.”. Lines that are only a row number or only numbers are
    # not text; the real skipped numbering of section 五 (一是 … 三是) is still found.
    path = FIXTURES / "text" / "2023_zone-pingtan_gov.pdftotext-raw.txt"
    findings = [f for f in engine.lint_path(path).findings if f.code == "WD003"]
    where = [f.message_zh[:4] for f in findings]
    assert where == ["第五部分"], [f.message_zh for f in findings]
    assert "“三是”紧接在“一是”之后" in findings[0].message_zh


@pytest.mark.parametrize("how", ["pdftotext-layout", "printed-layout"])
def test_a_chromium_printed_page_reads_as_the_page(how, engine):
    # 平潭 2023 (the web page printed to PDF by Chromium, then pdftotext -layout): labels
    # and values glued by one space, values wrapped out of their columns. A row's first
    # value printed one space after its label's first line (“其他法律行政法规禁 0”), its
    # number set a line lower (“2.”), a group label's line beside the row label's (“无法提
    # 府信息”): every cell of the three tables reads as from the page (before: five rows
    # unread, XT002, and an AP002 for a row whose label was cut by its number).
    from_html = engine.parse(FIXTURES / "html" / "2023_zone-pingtan_gov.html").to_json()
    path = FIXTURES / "text" / f"2023_zone-pingtan_gov.{how}.txt"
    from_text = engine.parse(path).to_json()
    assert _cells(from_text["review_litigation"]) == _cells(from_html["review_litigation"])
    items = from_html["article20"]["items"]
    assert set(from_text["article20"]["items"]) == set(items)
    for item, table in items.items():
        assert _cells(from_text["article20"]["items"][item]) == _cells(table), item
    read, page = _cells(from_text["applications"]), _cells(from_html["applications"])
    assert not from_text["applications"]["unread"]
    codes = [(f.code, f.sub_id) for f in engine.lint_path(path).findings]
    assert "XT002" not in [c for c, _ in codes]
    if how == "printed-layout":
        assert read == page and "AP002" not in [c for c, _ in codes]
    else:
        # This print has the browser's page header and footer (file://…, the date) between
        # “补正后申请内容仍不 0” and the rest of its row: the row is said unread, no more.
        assert {k: v for k, v in page.items() if k in read} == read and len(read) == 168
        assert [c for c in codes if c[0] == "AP002"] == [("AP002", "unavailable.still_unclear")]
    assert not [c for c, _ in codes if c.startswith("AD")]
    assert "AP004" not in [c for c, _ in codes]  # labels put together right (“理结果 （二）…”)
    assert "TX004" in [c for c, _ in codes]  # the verified defect: 393 in the text, 470 in 二


def test_value_rows_and_text_lines_apart_whatever_the_spaces() -> None:
    """A line is asked for its last token before it is cut into tokens: text is turned down
    at once, and values set apart by ideographic, no-break or ASCII spaces (or a page
    break) are still read as cells, at their columns."""
    from linter.readers.text import _layout_row

    assert _layout_row("一、总体情况：本年度共收到申请 5 件。") is None
    assert _layout_row("第 3 条 5 款") is None
    assert _layout_row("合计  —   —  ") is None  # placeholders only, no number
    assert _layout_row("   ") is None
    labels, values = _layout_row("（一）予以公开          12      3   0   15")
    assert labels == [("（一）予以公开", 0)]
    assert values == [("12", 17), ("3", 25), ("0", 29), ("15", 33)]
    labels, values = _layout_row("予以公开\u3000\u3000\u300012\u3000\u30003\u3000\u30004")
    assert labels == [("予以公开", 0)] and values == [("12", 7), ("3", 11), ("4", 14)]
    assert _layout_row("12\u00a0\u00a0\u00a034") == ([], [("12", 0), ("34", 5)])
    assert _layout_row("名称  12\f  7  8") == ([("名称", 0)], [("12", 4), ("7", 9), ("8", 12)])


@pytest.mark.parametrize("year", ["2022", "2023"])
def test_every_row_of_a_section_two_item_is_read(year, engine):
    # 平潭 2022 and 2023 pages printed by Chromium (``chromium --headless --print-to-pdf``),
    # then ``pdftotext -layout``: item (六) has two rows, “行政强制” printed 5 or 7 spaces
    # from its one value, three blank lines under “行政处罚”. Only the row right under the
    # header was read: 2023 gave an error AD002 “行政强制 row missing”, 2022 an XT002.
    from_html = engine.parse(FIXTURES / "html" / f"{year}_zone-pingtan_gov.html").to_json()
    path = FIXTURES / "text" / f"{year}_zone-pingtan_gov.printed-layout.txt"
    from_text = engine.parse(path).to_json()
    items = from_html["article20"]["items"]
    assert set(from_text["article20"]["items"]) == set(items)
    for item, table in items.items():
        assert _cells(from_text["article20"]["items"][item]) == _cells(table), item
    assert _cells(from_text["article20"]["items"]["item6"])[("coercion", "decisions")][1] in (0, 54)
    codes = {(f.code, f.sub_id) for f in engine.lint_path(path).findings}
    assert not [c for c in codes if c[0] == "AD002" or c == ("XT002", "section2")]


def test_a_later_item_row_stands_in_the_column_of_the_row_above():
    # Under a section-二 header a second loose row (label, one space or more, one value) is
    # a row only when its value stands where the row above has its value: a line of text
    # ending in a number after the item is not taken into the table.
    doc = _read(
        "第二十条第（六）项\n"
        "信息内容       本年处理决定数量\n"
        "行政处罚       1330\n"
        "\n"
        "行政强制       54\n"
        "\n"
        "本年度共办理行政处罚和行政强制事项 12\n"
    )
    rows = [[c.text for c in r] for b in doc.blocks if isinstance(b, Table) for r in b.rows]
    assert ["行政处罚", "1330"] in rows and ["行政强制", "54"] in rows
    assert not [r for r in rows if r[0].startswith("本年度")]
    assert [b.text for b in doc.blocks if not isinstance(b, Table)][
        -1
    ] == "本年度共办理行政处罚和行政强制事项 12"


# --- one cell per line: LibreOffice's “Text” export of a Word file --------------------------
# ``soffice --headless --infilter="HTML (StarWriter)" --convert-to docx`` of the saved page,
# then ``soffice --headless --convert-to "txt:Text (encoded):UTF8"`` of that DOCX: every
# table cell on a line of its own, an empty or merged-over cell as an empty line, a cell
# left blank on the page (&nbsp;) as a no-break space, nothing between rows.


@pytest.mark.parametrize(
    "name", ["2023_zone-pingtan_gov", "2019_prov-shanghai-govoffice"], ids=lambda n: n[:4]
)
def test_a_table_saved_one_cell_per_line_reads_as_the_page(name, engine):
    from_html = engine.parse(FIXTURES / "html" / f"{name}.html").to_json()
    path = FIXTURES / "text" / f"{name}.lo.txt"
    from_text = engine.parse(path).to_json()
    for part in ("applications", "review_litigation"):
        assert _cells(from_text[part]) == _cells(from_html[part]), part
        assert not from_text[part].get("unread")
    codes = {(f.code, f.sub_id) for f in engine.lint_path(path).findings}
    # (上海 2019 prints its header cells on two lines, “本年新” / “制作数量”: they are read
    # as the format's labels they make joined; section 二 was not read, XT002)
    for item, table in from_html["article20"]["items"].items():
        assert _cells(from_text["article20"]["items"][item]) == _cells(table), item
    assert not [c for c in codes if c[0] == "XT002"]
    if name.startswith("2023"):
        assert ("TX004", "article20.normative_documents.in_force") in codes
    else:
        assert ("AP007", "granted") in codes  # the blank cells of the page, as from the page
        assert kinds(engine.lint_path(path)) == kinds(
            engine.lint_path(FIXTURES / "html" / f"{name}.html")
        )


def test_items_left_blank_after_a_filled_one_printed_one_cell_per_line(engine, tmp_path) -> None:
    """A 2020 市国资委 report's page (a mirror's 繁體 text, FORMATS.md [S14]) fills item
    (一) and leaves (五)-(九) blank: their rows are labels with no values. The table was
    refused whole (XT002 for section 二: (一)'s figures unread). 上海 2019's LibreOffice text
    so blanked: (一) is read as the page's, the blank items said unread (warnings), and no
    error the page lacks."""
    lines = (FIXTURES / "text" / "2019_prov-shanghai-govoffice.lo.txt").read_text("utf-8")
    lines = lines.split("\n")
    start = lines.index("第二十条第（五）项")
    end = lines.index("三、收到和处理政府信息公开申请情况")
    blanked = [
        line
        for k, line in enumerate(lines)
        if not (start < k < end and (_number(line) or line.endswith("元")))
    ]
    path = tmp_path / "blanked.txt"
    path.write_text("\n".join(blanked), encoding="utf-8")
    report = engine.parse(path)
    page = engine.parse(FIXTURES / "html" / "2019_prov-shanghai-govoffice.html").to_json()
    items = report.to_json()["article20"]["items"]
    assert _cells(items["item1"]) == _cells(page["article20"]["items"]["item1"])
    found = {(f.code, f.sub_id, f.level) for f in engine.lint_path(path).findings}
    page_found = {
        (f.code, f.sub_id, f.level)
        for f in engine.lint_path(FIXTURES / "html" / "2019_prov-shanghai-govoffice.html").findings
    }
    assert not [k for k in found - page_found if k[2] == "error"]
    assert ("XT002", "section2", "warning") not in found


def _number(line: str) -> bool:
    return line.strip().isdigit()


def _cell_rows(text: str) -> list[list[str]]:
    doc = _read(text)
    return [[c.text for c in r] for b in doc.blocks if isinstance(b, Table) for r in b.rows]


_ITEM_ONE = "第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n"


def test_cells_one_per_line_are_read_only_when_every_reading_agrees():
    rows = _cell_rows(_ITEM_ONE + "规章\n0\n0\n0\n行政规范性文件\n77\n132\n470\n")
    assert rows[1:] == [
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "0", "0"],
        ["行政规范性文件", "77", "132", "470"],
    ]
    # An empty line among the values: an empty cell or not, its column is unknown.
    assert _cell_rows(_ITEM_ONE + "规章\n0\n\n0\n行政规范性文件\n77\n132\n470\n") == []
    # A header of four lines over three values (a header cell of two lines): read when its
    # lines joined make the format's labels, not otherwise.
    two_lines = _ITEM_ONE.replace("本年制发件数", "本年\n制发件数") + "规章\n0\n0\n0\n"
    assert _cell_rows(two_lines)[1:] == [
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "0", "0"],
    ]
    assert _cell_rows(two_lines.replace("制发件数", "印发的件数")) == []
    # Values printed before their label (a PDF's text): the header has no column for them.
    assert (
        _cell_rows("第二十条第（一）项\n信息内容\n0\n0\n0\n规章\n77\n132\n470\n行政规范性文件\n")
        == []
    )
    # Values before their labels in a table without a header: the last label is left over.
    shifted = "其他\n总计\n" + "".join(
        f"{v}\n{v}\n{label}\n" for v, label in (("1", "（一）予以公开"), ("2", "（二）部分公开"))
    )
    assert _cell_rows(shifted) == []
    assert _cell_rows(shifted + "2\n2\n") != []  # each label with its values: read
    # The same cells in a PDF's text (pages set apart by form feeds) are not read so.
    assert _cell_rows(_ITEM_ONE + "规章\n0\n0\n0\n\f行政规范性文件\n77\n132\n470\n") == []


def test_a_number_beside_a_label_is_a_value_only_when_the_row_needs_it():
    full = "  一、本年新收政府信息公开申请数量       80   1   0   0   0   0   81\n"
    rows = full + full.replace("一、本年新收", "二、上年结转")
    glued = (
        "    其他法律行政法规禁 0\n    2.\n    止公开                     0   0   0   0   0   0\n"
    )
    table = _cell_rows(rows + glued)
    assert ["2.其他法律行政法规禁止公开", "0", "0", "0", "0", "0", "0", "0"] in table
    # Six values besides are already the row's seven: the number is left where printed.
    seven = glued.replace("止公开   ", "止公开 9 ")
    row = next(r for r in _cell_rows(rows + seven) if r[0].startswith("2."))
    assert row == ["2.其他法律行政法规禁 0止公开", "9", "0", "0", "0", "0", "0", "0"]


def test_a_label_cut_by_a_page_break_goes_on_after_the_page_number(engine):
    """洪泽区 2023 without its ruling lines, a page break put between the two lines of
    （二）部分公开's label (“（二）部分公开（区分处理的，只计这一情形，不” and its figures at
    the foot of page 3, the page number “-3-”, then “计其他情形）” at the top of page 4),
    as ``pdftotext -layout`` prints it. Before: the label's last line began a row of its
    own and （二） was read as “…只计这一情形，不” (AP004). Its reader reads on past the
    page number: the original's findings."""
    broken = FIXTURES / "text" / "2023_district-hongze_gov.label-across-pages.pdftotext-layout.txt"
    whole = FIXTURES / "text" / LAYOUT["2023_district-hongze_gov"]
    assert "-3-\n\f计其他情形）" in broken.read_text(encoding="utf-8").replace(" ", "")
    assert kinds(engine.lint_path(broken)) == kinds(engine.lint_path(whole))


def test_docx2txt_text_one_item_between_blank_lines_reads_as_the_word_file(engine, tmp_path):
    """淮安 2024 in the official template with 行政复议's 总计 left at 0, as ``docx2txt``
    (0.9) writes it: every paragraph and table cell on a line of its own with a blank line
    after it (an empty cell a blank line more, “结果” / “纠正” in a cell two lines). Before:
    XT002 for sections 二-四 and the RL101 missed. Read one item a line, it gives the Word
    file's findings, the RL101 pointing at the line of the file that prints the 0."""
    from docx_fixtures import HUAIAN_2024_VALUES, huaian_2024_docx

    path = FIXTURES / "text" / "2024_city-huaian_template.review-total-0.docx2txt.txt"
    values = dict(HUAIAN_2024_VALUES)
    values[("四", "行政复议", "总计")] = 0
    word = tmp_path / "huaian.docx"
    word.write_bytes(huaian_2024_docx(values=values))
    result = engine.lint_path(path)
    assert kinds(result) == kinds(engine.lint_path(word))
    (rl101,) = [f for f in result.findings if f.code == "RL101"]
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[rl101.location.anchor.line - 1] == "0"
    assert lines[rl101.location.anchor.line - 2] == ""  # a blank line before it
