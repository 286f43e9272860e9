"""The text reader on the real Tika dump, markdown conversion and flattened pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.document import Paragraph, ReadError, Table
from linter.readers import Limits
from linter.readers.text import TextReader
from tests.conftest import PINGTAN, SAMPLE_2019, SHANGHAI_2025_MD, kinds


def read(path: Path, data: bytes | None = None):
    data = path.read_bytes() if data is None else data
    return TextReader().read(str(path), data, Limits())


def tables(doc) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]


def test_tika_layout_rows_cells_and_anchors() -> None:
    doc = read(SAMPLE_2019)
    assert doc.encoding == "utf-8" and not doc.diagnostics
    section2, section3, section4 = tables(doc)
    # Section 三: two header rows plus 24 data rows (23 data rows of the 2019 edition + header 1).
    assert len(section3.rows) == 26
    header2 = [c.text for c in section3.rows[1]]
    assert header2 == ["", "自然人", "法人或其他组织", "总计"]  # merged cells as empty TAB lines
    row_new = section3.rows[3]
    assert row_new[0].text == "一、本年新收政府信息公开申请数量"
    assert [c.text for c in row_new[1:]] == [""] * 6 + ["0"]  # NBSP cells read as blank
    assert (row_new[-1].anchor.line, row_new[-1].anchor.column) == (108, 2)
    # Section 四: 15 cells in the data row.
    assert len(section4.rows[-1]) == 15
    # The [bookmark: _GoBack] artefact is dropped and the column moves past it.
    header8 = next(r for r in section2.rows if r and r[0].text == "信息内容" and len(r) == 3)
    assert header8[2].text == "本年增/减"
    assert header8[2].anchor == header8[2].anchor.__class__(65, 21, 65, 26)


def test_plain_paragraphs_keep_their_lines() -> None:
    doc = read(SAMPLE_2019)
    paragraphs = [b for b in doc.blocks if isinstance(b, Paragraph)]
    assert paragraphs[0].text == "2019年度政府信息公开工作年度报告"
    five = next(p for p in paragraphs if p.text.startswith("五、"))
    assert five.anchor.line == 392


def test_markdown_pipe_table_fragments() -> None:
    doc = read(SHANGHAI_2025_MD)
    assert doc.media_type == "text/markdown"
    rows = [r for t in tables(doc) for r in t.rows]
    new = next(r for r in rows if r[0].text.startswith("一、本年新收"))
    assert [c.text for c in new[1:]] == ["1259", "36", "0", "0", "0", "0", "1295"]
    # A converter's trailing empty cell beyond the fragment's width is dropped.
    secret = next(r for r in rows if r[0].text == "1.属于国家秘密")
    assert len(secret) == 8
    # Page footers such as "— 4 —" are not paragraphs.
    assert not any(isinstance(b, Paragraph) and b.text.startswith("—") for b in doc.blocks)


def test_rows_whose_cells_each_end_in_a_pipe() -> None:
    """Some web-page text extractors print a table a row a line, each cell followed by a
    pipe and none before the first (seen in real reports' stored pages); a place that a
    merged cell above covers is an empty cell, so the row starts with a pipe. The rows
    without a leading pipe were read as paragraphs, the others as a markdown table whose
    first pipe opened the row: section 三's first rows were “missing” (AP002 errors)."""
    text = (
        "二、主动公开政府信息情况\n"
        "第二十条第（一）项 |\n"
        "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
        "规章 | 0 | 0 | 0 |\n"
        "三、收到和处理政府信息公开申请情况\n"
        "一、本年新收政府信息公开申请数量 | 80 | 1 | 0 | 0 | 0 | 0 | 81 |\n"
        "三、本年度办理结果 | （一）予以公开 | 22 | | 0 | 0 | 0 | 0 | 22 |\n"
        "| | 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
        "本部分数据均为件数 | 另见附表\n"
    )
    doc = read(Path("pipes.txt"), text.encode())
    two, three = tables(doc)
    assert [[c.text for c in r] for r in two.rows] == [
        ["第二十条第（一）项"],
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "0", "0"],
    ]
    new, granted, banned = ([c.text for c in r] for r in three.rows)
    assert new == ["一、本年新收政府信息公开申请数量", "80", "1", "0", "0", "0", "0", "81"]
    assert granted[3] == ""  # a blank cell stays a cell
    assert banned[:3] == ["", "", "2.其他法律行政法规禁止公开"] and len(banned) == 10
    cell = three.rows[2][2]
    line = text.split("\n")[cell.anchor.line - 1]
    assert line[cell.anchor.column - 1 :].startswith("2.其他法律")
    # A line ending in no pipe ends the table; a narrative line with a pipe is a paragraph.
    assert isinstance(doc.blocks[-1], Paragraph) and doc.blocks[-1].text.startswith("本部分")


@pytest.mark.parametrize(
    ("head", "published"),
    [
        ("发布日期: 2021-01-29  来源:大五里镇 字体:  打印", "2021-01-29"),
        ("来源:原创     发布时间:2023-01-31 13:24    浏览次数:次", "2023-01-31"),
        ("發布日期：2022年3月1日", "2022-03-01"),
        ("来源: 区人民政府办公室", None),
        # the bare labels (2022–2024 区县局 pages): 时间 / 日期 where no word runs into them
        ("来源:公安局 时间:2023-01-11 15:51", "2023-01-11"),
        ("日期:2023-01-17 15:39:00 字号:", "2023-01-17"),
        ("成文日期:2022-12-30", None),
        ("更新时间:2024-01-05", None),
        # the page's information table as cells without colons (a 2022 县政府办 page)
        ("成文日期 2023-01-17 发布日期 2023-01-18", "2023-01-18"),
    ],
)
def test_a_pages_date_above_the_report_is_its_publication_date(
    head: str, published: str | None
) -> None:
    """Text saved from a web page keeps the date the page shows above the report (seen in
    real reports' stored pages); the HTML reader takes the same label from the page, and
    PB001 could not check such text ("no publication date")."""
    sample = SAMPLE_2019.read_text("utf-8")
    doc = read(Path("page.txt"), f"{head}\n{sample}".encode())
    assert doc.metadata.get("published") == published


def test_a_date_in_the_report_is_not_the_pages() -> None:
    """Below section 一's heading, or on a line of narrative, a 发布日期 is the report's text."""
    sample = SAMPLE_2019.read_text("utf-8")
    after = sample.replace("一、总体情况", "一、总体情况\n发布日期: 2020-02-01", 1)
    assert "published" not in read(Path("a.txt"), after.encode()).metadata
    long = "本机关于2020年1月在网站发布指南，发布日期：2020-01-10，并同步在政务新媒体转载，" * 3
    assert "published" not in read(Path("b.txt"), f"{long}\n{sample}".encode()).metadata


def test_one_line_ending_in_a_pipe_is_not_a_table() -> None:
    doc = read(
        Path("one.txt"), "一、总体情况\n全年公开信息 | 详见附件 |\n本年度共收到申请3件。\n".encode()
    )
    assert not tables(doc)


@pytest.mark.parametrize("path", PINGTAN, ids=lambda p: p.name)
def test_flattened_page_is_cut_at_headings_and_has_no_table(path: Path) -> None:
    doc = read(path)
    assert doc.metadata["published"].startswith(str(int(path.name[:4]) + 1))
    assert "title" in doc.metadata
    assert tables(doc) == []
    starts = [b.text[:2] for b in doc.blocks if isinstance(b, Paragraph)]
    for numeral in "一二三四五六":
        assert f"{numeral}、" in starts


def test_utf8_bom_is_read_as_utf8() -> None:
    data = b"\xef\xbb\xbf" + SAMPLE_2019.read_bytes()
    doc = read(SAMPLE_2019, data)
    assert doc.encoding == "utf-8-sig" and not doc.diagnostics
    assert doc.blocks[0].text == "2019年度政府信息公开工作年度报告"


def test_gb18030_is_decoded_with_an_xt003_note() -> None:
    data = SAMPLE_2019.read_text(encoding="utf-8").encode("gb18030")
    doc = read(SAMPLE_2019, data)
    assert doc.encoding == "gb18030"
    assert [d.code for d in doc.diagnostics] == ["XT003"]
    assert doc.blocks[0].text == "2019年度政府信息公开工作年度报告"


def test_undecodable_bytes_use_replacement_and_say_how_many() -> None:
    data = "一、总体情况\n".encode() + b"\x81\x20\xff\xfe\n"
    doc = read(SAMPLE_2019, data)
    assert [d.code for d in doc.diagnostics] == ["XT003"]
    assert "replacement" in doc.diagnostics[0].detail_en


def test_empty_file_is_a_read_error() -> None:
    with pytest.raises(ReadError, match="empty"):
        read(SAMPLE_2019, b"  \n\n")


def test_binary_file_is_a_read_error() -> None:
    with pytest.raises(ReadError, match="binary"):
        read(SAMPLE_2019, bytes(range(256)) * 20)


def test_full_width_digits_in_tika_cells() -> None:
    text = SAMPLE_2019.read_text(encoding="utf-8").replace("\t\u300029\n", "\t２９\n")
    doc = read(SAMPLE_2019, text.encode())
    cells = [c.text for t in tables(doc) for r in t.rows for c in r]
    assert "２９" in cells


def test_a_year_printed_on_a_line_of_its_own_goes_back_before_its_year_sign(tmp_path) -> None:
    # Chromium's print of 平潭财政金融局 2025, through pdftotext with and without -layout:
    # “2024” is set on a line of its own under (or after) the line going on “年制作…”; the
    # sentence is read whole (TX006 finds the 2024 of a 2025 report, as on the page).
    for how in ("printed-layout", "printed-raw"):
        path = Path(__file__).parent / "fixtures" / "text" / f"2025_zonedept-pingtan-czj.{how}.txt"
        texts = [b.text for b in read(path).blocks if isinstance(b, Paragraph)]
        assert any(t.startswith("2024年制作、获取政府信息总数467条") for t in texts), how
        assert "2024" not in texts, how
    # Not joined: a year after a blank line, and a line not beginning with 年.
    doc = read(tmp_path / "x.txt", "年度工作\n\n2024\n制作信息\n2023\n".encode())
    assert [b.text for b in doc.blocks] == ["年度工作", "2024", "制作信息", "2023"]


def test_a_run_of_chinese_words_is_no_value_cell() -> None:
    """A line's last token made of Chinese characters and their punctuation, nine or more,
    is turned down as a value cell without parse_cell (the text reader asks of every line
    whether it ends in a value): no character of the class is a digit in any form (NFKC),
    and no placeholder is that long, so parse_cell could only say text. Shorter runs, a
    digit in any form, or another character are asked as before."""
    import unicodedata

    from linter.labels import PLACEHOLDERS
    from linter.readers.text import _WORDS_ONLY
    from linter.textnorm import parse_cell

    assert max(map(len, PLACEHOLDERS)) < 9
    punctuation = "、。，；：！？“”‘’《》（）"
    assert all(_WORDS_ONLY("政府信息公开工作" + p) for p in punctuation)
    chars = [chr(c) for c in range(0x4E00, 0xA000)] + list(punctuation)
    assert all(_WORDS_ONLY(c * 9) for c in chars)
    assert not any(d.isdigit() for c in chars for d in unicodedata.normalize("NFKC", c))
    for token in (
        "市政府办公厅行政规范性文件",
        "件（含上年结转），均在法定期限内",
        "第二十条第（一）项",
    ):
        assert _WORDS_ONLY(token) and parse_cell(token).state == "text"
    for token in (
        "０１２３４５６７８９",
        "无变化",
        "一千二百九十五件",
        "22（其中修订十六件）",
        "共计⑫件政府信息公开申请",
    ):
        assert not _WORDS_ONLY(token)


def test_pymupdf_names_of_empty_header_cells_are_empty(engine, tmp_path) -> None:
    """PyMuPDF's markdown (pymupdf4llm, newer than the fixture's) names each empty cell of
    a table's header line by its column, “Col3”, and a table fragment begun on a new page
    has its first row for that line: “|收政府信息公开申请数量|Col2|Col3|821|35|…”. The
    names were read as the cells' text: AP006 'not a number', errors (上海 2019 printed by
    LibreOffice, 4 pymupdf4llm extractions in bench/probe_extracts.py). A header line's
    ``Col<N>`` is an empty cell: 平潭 2023's pymupdf4llm fixture, a fragment of section
    三 begun at a row with a blank cell, gives the same findings with the blank cells
    named so as with them empty (fails before)."""
    real = Path(__file__).parent / "fixtures" / "text" / "2023_zone-pingtan_gov.lo.pymupdf4llm.md"
    text = real.read_text(encoding="utf-8")
    row = "||4.保护第三方合法权益|1|0|0|0|0|0|1|\n"
    assert row in text
    separator = "|---|---|---|---|---|---|---|---|---|\n"
    forms = {}
    for name, empty in (("empty", ""), ("named", "Col")):
        cells = ["", "4.保护第三方合法权益", "1", "", "0", "0", "0", "0", "1"]
        cells = [c or (f"{empty}{n + 1}" if empty else "") for n, c in enumerate(cells)]
        fragment = "\n\n|" + "|".join(cells) + "|\n" + separator
        path = tmp_path / f"pingtan.{name}.md"
        path.write_text(text.replace(row, fragment), encoding="utf-8")
        forms[name] = kinds(engine.lint_path(path))
    assert forms["named"] == forms["empty"]
    assert not [k for k in forms["named"] if k[0] == "AP006"]
