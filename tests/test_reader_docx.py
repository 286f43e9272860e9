"""DocxReader: block order, table grids of the official template, text extraction from
Word's inline structures, anchors into the extracted text, and hostile archives."""

from __future__ import annotations

import io
import struct
import time
import zipfile

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx_fixtures import (
    APPLICATION_COLUMNS,
    APPLICATION_ROWS,
    APPLICATIONS_TABLE,
    HUAIAN_2024_VALUES,
    REVIEW_GROUPS,
    REVIEW_LEAVES,
    TEMPLATE,
    docx_from_body,
    fill_template,
    grid_position,
    huaian_2024_docx,
    replace_member,
)

from linter.document import Anchor, Paragraph, ReadError, Table
from linter.readers import Limits
from linter.readers import docx as docx_reader
from linter.readers.docx import DocxReader, _read_member

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
READER = DocxReader()
LIMITS = Limits()


def read(data: bytes, limits: Limits = LIMITS):
    return READER.read("report.docx", data, limits)


def tables(document) -> list[Table]:
    return [block for block in document.blocks if isinstance(block, Table)]


def paragraphs(document) -> list[Paragraph]:
    return [block for block in document.blocks if isinstance(block, Paragraph)]


def region(document, anchor: Anchor) -> str:
    """The text between an anchor's start and end in the extracted text."""
    lines = document.extracted_text.split("\n")
    start_line, start_column = anchor.line, anchor.column
    end_line, end_column = anchor.end_line, anchor.end_column
    if start_line == end_line:
        return lines[start_line - 1][start_column - 1 : end_column - 1]
    parts = [lines[start_line - 1][start_column - 1 :]]
    parts += lines[start_line : end_line - 1]
    parts.append(lines[end_line - 1][: end_column - 1])
    return "\n".join(parts)


def body_text(body_xml: str) -> list[str]:
    """Paragraph texts of a document made from hand-written body XML."""
    return [p.text for p in paragraphs(read(docx_from_body(body_xml)))]


def p(*runs: str) -> str:
    return "<w:p>" + "".join(f"<w:r><w:t>{run}</w:t></w:r>" for run in runs) + "</w:p>"


def tc(text: str, properties: str = "") -> str:
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{p(text) if text else '<w:p/>'}</w:tc>"


@pytest.fixture(scope="module")
def blank():
    return read(TEMPLATE.read_bytes())


@pytest.fixture(scope="module")
def huaian():
    return read(huaian_2024_docx())


# ------------------------------------------------------------------------------ sniff


@pytest.mark.parametrize(
    ("head", "suffix", "score"),
    [
        (b"PK\x03\x04rest", ".docx", 90),
        (b"PK\x03\x04rest", ".DOCX", 90),
        (b"PK\x03\x04rest", ".docm", 90),
        (b"PK\x03\x04rest", ".dotx", 90),
        (b"PK\x03\x04rest", "", 90),
        (b"PK\x03\x04rest", ".tmp", 90),
        (b"PK\x03\x04rest", ".xlsx", 60),
        (b"PK\x03\x04rest", ".zip", 60),
        (OLE_MAGIC + b"\x00" * 8, ".doc", 80),
        (OLE_MAGIC + b"\x00" * 8, ".docx", 80),
        (b"<html><body><table>", ".docx", 0),
        ("一、总体情况".encode(), ".docx", 0),
        (b"", ".docx", 0),
    ],
)
def test_sniff(head: bytes, suffix: str, score: int) -> None:
    assert READER.sniff(head, suffix) == score


# ---------------------------------------------------------------- the official template


def test_blank_template_blocks_in_body_order(blank) -> None:
    summary = [
        (block.text, block.anchor.paragraph)
        if isinstance(block, Paragraph)
        else (f"table {block.anchor.table}", len(block.rows), len(block.rows[0]))
        for block in blank.blocks
    ]
    assert summary == [
        ("政府信息公开工作年度报告格式模板", 1),
        ("一、总体情况", 3),
        ("（文字描述）", 4),
        ("二、主动公开政府信息情况", 6),
        ("table 0", 14, 4),
        ("三、收到和处理政府信息公开申请情况", 18),
        ("table 1", 28, 10),
        ("四、政府信息公开行政复议、行政诉讼情况", 23),
        ("table 2", 4, 15),
        ("五、存在的主要问题及改进情况", 28),
        ("（文字描述）", 29),
        ("六、其他需要报告的事项", 30),
        ("（文字描述，收取信息处理费情况在此处报告。）", 31),
    ]
    assert all(table.grid for table in tables(blank))
    assert blank.media_type == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert blank.metadata == {
        "author": "张幸瑾",  # the core properties' dc:creator (of the template file)
        "created": "2025-12-03",
        "modified": "2025-12-08",
        "written": "2025-12-08",
    }


def test_ideographic_space_cells_read_as_empty(blank) -> None:
    template = docx.Document(str(TEMPLATE))
    raw = template.tables[0]._tbl.tr_lst[2].tc_lst[1]
    assert "".join(t.text for t in raw.iter(f"{{{W_NS}}}t")) == "\u3000\u3000"
    active = tables(blank)[0]
    assert [cell.text for cell in active.rows[2]] == ["规章", "", "", ""]
    assert [cell.text for cell in active.rows[9]] == ["行政处罚", "", "", ""]
    assert [cell.hmerge for cell in active.rows[9]] == [False, False, True, True]


def _flags(cell) -> str:
    return {(False, False): "O", (True, False): "H", (False, True): "V", (True, True): "HV"}[
        (cell.hmerge, cell.vmerge)
    ]


def test_applications_table_geometry(huaian) -> None:
    grid = tables(huaian)[APPLICATIONS_TABLE]
    assert grid.anchor.table == APPLICATIONS_TABLE
    assert [len(row) for row in grid.rows] == [10] * 28
    label_flags = [" ".join(_flags(cell) for cell in row[:3]) for row in grid.rows]
    assert label_flags == (
        ["O H H", "V HV HV", "V HV HV", "O H H", "O H H", "O O H", "V O H", "V O O"]
        + ["V V O"] * 7
        + ["V O O", "V V O", "V V O", "V O O"]
        + ["V V O"] * 4
        + ["V O O", "V V O", "V V O", "V O H", "O H H"]
    )
    note = grid.rows[0][0].text
    assert note == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    assert {grid.rows[r][c].text for r in range(3) for c in range(3)} == {note}
    assert [cell.text for cell in grid.rows[0][3:]] == ["申请人情况"] * 7
    assert [_flags(cell) for cell in grid.rows[0][3:]] == ["O"] + ["H"] * 6
    assert [cell.text for cell in grid.rows[1][3:]] == ["自然人"] + ["法人或其他组织"] * 5 + [
        "总计"
    ]
    assert [cell.text for cell in grid.rows[2][3:]] == [
        "自然人",
        "商业\n企业",
        "科研\n机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ]
    assert [_flags(cell) for cell in grid.rows[2][3:]] == ["V", "O", "O", "O", "O", "O", "V"]
    # 三、本年度办理结果 starts in row 5 and is vmerged down to （七）总计.
    assert grid.rows[5][0].text == "三、本年度办理结果"
    assert {grid.rows[r][0].text for r in range(5, 27)} == {"三、本年度办理结果"}
    assert [grid.rows[r][1].text for r in (5, 6, 7, 14, 15, 18, 23, 25, 26)] == [
        "（一）予以公开",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "（三）不予公开",
        "（三）不予公开",
        "（四）无法提供",
        "（五）不予处理",
        "（六）其他处理",
        "（六）其他处理",
        "（七）总计",
    ]
    # The last label column holds every row label that fill_template keys on.
    assert [row[2].text for row in grid.rows[3:]] == list(APPLICATION_ROWS)
    data = [cell for row in grid.rows[3:] for cell in row[3:]]
    assert len(data) == 25 * 7 and not any(cell.hmerge or cell.vmerge for cell in data)


def test_review_table_geometry(huaian) -> None:
    review = tables(huaian)[2]
    assert [cell.text for cell in review.rows[0]] == ["行政复议"] * 5 + ["行政诉讼"] * 10
    assert [cell.text for cell in review.rows[1][5:]] == ["未经复议直接起诉"] * 5 + [
        "复议后起诉"
    ] * 5
    assert [_flags(cell) for cell in review.rows[2][:6]] == ["V"] * 5 + ["O"]
    assert review.rows[2][1].text == "结果\n纠正"
    assert [cell.text for cell in review.rows[3]] == [
        "72", "64", "178", "37", "351", "13", "4", "8", "1", "26", "12", "1", "1", "6", "20",
    ]  # fmt: skip


def test_filled_values_are_read_back(huaian) -> None:
    grids = tables(huaian)
    assert len(HUAIAN_2024_VALUES) == 10 + 25 * 7 + 15
    for key, value in HUAIAN_2024_VALUES.items():
        table, row, column = grid_position(key)
        assert grids[table].rows[row][column].text == str(value), key
    applications = grids[APPLICATIONS_TABLE]
    totals = [row[9].text for row in applications.rows]
    assert (totals[3], totals[4], totals[26], totals[27]) == ("3119", "34", "3050", "103")
    assert grids[0].rows[13][1].text == "96171.6"
    assert [cell.text for cell in grids[0].rows[13]] == ["行政事业性收费"] + ["96171.6"] * 3


def test_grid_position_keys() -> None:
    assert grid_position(("三", "一、本年新收政府信息公开申请数量", "总计")) == (1, 3, 9)
    assert grid_position(("三", "（二）部分公开", "自然人")) == (1, 6, 3)
    assert grid_position(("三", "3.其他", "其他")) == (1, 25, 8)
    assert grid_position(("四", "复议后起诉", "总计")) == (2, 3, 14)
    assert grid_position(("二", "行政事业性收费", "本年收费金额")) == (0, 13, 1)
    assert grid_position((1, 27, 3)) == (1, 27, 3)
    with pytest.raises(KeyError):
        grid_position(("三", "1.", "总计"))  # ambiguous
    assert (len(REVIEW_GROUPS), len(REVIEW_LEAVES), len(APPLICATION_COLUMNS)) == (3, 5, 7)


def test_unfilled_cells_are_empty() -> None:
    document = read(fill_template({("三", "一、本年新收政府信息公开申请数量", "总计"): 3119}))
    grid = tables(document)[APPLICATIONS_TABLE]
    filled = [(r, c) for r in range(3, 28) for c in range(3, 10) if grid.rows[r][c].text]
    assert filled == [(3, 9)]
    assert grid.rows[3][9].text == "3119"
    assert tables(document)[0].rows[3][1].text == ""


def test_writing_into_a_merged_cell_is_refused() -> None:
    with pytest.raises(ValueError, match="vertical merge"):
        fill_template({(1, 6, 0): "x"})
    with pytest.raises(ValueError, match="spanning"):
        fill_template({(0, 6, 2): "x"})


def test_title_preamble_and_sections(huaian) -> None:
    texts = [(b.anchor.paragraph, b.text[:8]) for b in paragraphs(huaian)]
    assert texts[:4] == [
        (1, "淮安市人民政府2"),
        (2, "本报告由淮安市人"),
        (4, "一、总体情况"),
        (5, "2024年，我市"),
    ]
    assert texts[-4:] == [
        (35, "对照上级新要求和"),
        (36, "针对存在问题，下"),
        (37, "六、其他需要报告"),
        (38, "2024年，市政"),
    ]
    assert not any(text.startswith("（文字描述") for _, text in texts)
    assert huaian.metadata["title"] == "淮安市人民政府2024年政府信息公开工作年度报告"


# --------------------------------------------------------------------------- anchors


def test_every_anchor_points_at_its_text(huaian) -> None:
    assert huaian.extracted_text.endswith("\n")
    checked = 0
    for block in huaian.blocks:
        if isinstance(block, Paragraph):
            assert region(huaian, block.anchor) == block.text
            checked += 1
            continue
        for r, row in enumerate(block.rows):
            for c, cell in enumerate(row):
                assert (cell.anchor.table, cell.anchor.row, cell.anchor.cell) == (
                    block.anchor.table,
                    r,
                    c,
                )
                assert region(huaian, cell.anchor) == cell.text
                checked += 1
    assert checked == 17 + 14 * 4 + 28 * 10 + 4 * 15


def test_extracted_text_layout(huaian) -> None:
    grid = tables(huaian)[APPLICATIONS_TABLE]
    cell = grid.rows[3][9]
    assert cell.anchor == Anchor(cell.anchor.line, 2, cell.anchor.line, 6, table=1, row=3, cell=9)
    lines = huaian.extracted_text.split("\n")
    first = grid.rows[3][0].anchor.line
    assert lines[first - 1 : first + 11] == [
        "\t一、本年新收政府信息公开申请数量",
        "\t",
        "\t",
        "\t3001",
        "\t53",
        "\t0",
        "\t0",
        "\t61",
        "\t4",
        "\t3119",
        "",
        "\t二、上年结转政府信息公开申请数量",
    ]
    assert lines[cell.anchor.line - 1] == "\t3119"
    # A merged copy is an empty line; its anchor points at the origin's text.
    copy = grid.rows[10][0]
    assert copy.vmerge and copy.anchor.line == grid.rows[5][0].anchor.line
    assert (copy.anchor.row, copy.anchor.cell) == (10, 0)
    heading = paragraphs(huaian)[-2]
    assert heading.anchor == Anchor(heading.anchor.line, 1, heading.anchor.line, 12, paragraph=37)
    assert tables(huaian)[1].anchor.column == 1
    assert lines[tables(huaian)[1].anchor.line - 1].startswith("\t（本列数据的勾稽关系为")


# ------------------------------------------------------------------- inline structures


def test_number_split_across_runs() -> None:
    data = fill_template({("三", "一、本年新收政府信息公开申请数量", "总计"): ("3", "119")})
    raw = docx.Document(io.BytesIO(data)).tables[1]._tbl.tr_lst[3].tc_lst[-1]
    assert [t.text for t in raw.iter(f"{{{W_NS}}}t")] == ["3", "119"]
    assert tables(read(data))[1].rows[3][9].text == "3119"


def test_hyperlink_smart_tag_and_content_controls() -> None:
    body = (
        '<w:p><w:r><w:t xml:space="preserve">详见 </w:t></w:r>'
        '<w:hyperlink w:anchor="guide"><w:r><w:t>政府信息公开指南</w:t></w:r></w:hyperlink>'
        '<w:smartTag w:uri="u" w:element="date"><w:r><w:t>2024年</w:t></w:r></w:smartTag>'
        "<w:sdt><w:sdtPr><w:alias w:val='年份'/></w:sdtPr><w:sdtContent>"
        "<w:r><w:t>（内容控件）</w:t></w:r></w:sdtContent></w:sdt></w:p>"
        "<w:sdt><w:sdtPr/><w:sdtContent>" + p("块级控件中的段落") + "</w:sdtContent></w:sdt>"
    )
    document = read(docx_from_body(body))
    assert [(b.text, b.anchor.paragraph) for b in paragraphs(document)] == [
        ("详见 政府信息公开指南2024年（内容控件）", 0),
        ("块级控件中的段落", 1),
    ]


def test_complex_and_simple_fields_read_their_result() -> None:
    def fld(kind: str) -> str:
        return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'

    body = (
        "<w:p><w:r><w:t>收到申请</w:t></w:r>"
        + fld("begin")
        + "<w:r><w:instrText xml:space='preserve'> =3000+119 </w:instrText></w:r>"
        + fld("separate")
        + "<w:r><w:t>3</w:t></w:r><w:r><w:t>119</w:t></w:r>"
        + fld("end")
        + "<w:r><w:t>件</w:t></w:r></w:p>"
        # A field without a result (PAGE before its first update) shows nothing.
        + "<w:p><w:r><w:t>第</w:t></w:r>"
        + fld("begin")
        + "<w:r><w:instrText>PAGE</w:instrText></w:r>"
        + fld("end")
        + "<w:r><w:t>页</w:t></w:r></w:p>"
        # A field nested in another field's instruction.
        + "<w:p>"
        + fld("begin")
        + "<w:r><w:instrText>IF </w:instrText></w:r>"
        + fld("begin")
        + "<w:r><w:instrText>DATE</w:instrText></w:r>"
        + fld("separate")
        + "<w:r><w:t>2025</w:t></w:r>"
        + fld("end")
        + "<w:r><w:instrText> = 2025 </w:instrText></w:r>"
        + fld("separate")
        + "<w:r><w:t>本年</w:t></w:r>"
        + fld("end")
        + "</w:p>"
        + '<w:p><w:fldSimple w:instr=" DOCPROPERTY Agency "><w:r><w:t>淮安市人民政府</w:t></w:r>'
        "</w:fldSimple></w:p>"
    )
    assert body_text(body) == ["收到申请3119件", "第页", "本年", "淮安市人民政府"]


def test_tracked_changes_read_as_accepted() -> None:
    body = (
        "<w:p><w:r><w:t>本年新收申请</w:t></w:r>"
        '<w:del w:id="1" w:author="a"><w:r><w:delText>3120</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="a"><w:r><w:t>3119</w:t></w:r></w:ins>'
        "<w:r><w:t>件</w:t></w:r>"
        '<w:moveFrom w:id="3" w:author="a"><w:r><w:t>（旧位置）</w:t></w:r></w:moveFrom>'
        '<w:moveTo w:id="4" w:author="a"><w:r><w:t>（新位置）</w:t></w:r></w:moveTo>'
        "</w:p>"
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
        "<w:tr>" + tc("保留") + tc("1") + "</w:tr>"
        '<w:tr><w:trPr><w:del w:id="5" w:author="a"/></w:trPr>'
        + tc("删除的行")
        + tc("2")
        + "</w:tr>"
        "<w:tr>" + tc("也保留") + tc("3") + "</w:tr></w:tbl>"
    )
    document = read(docx_from_body(body))
    assert [b.text for b in paragraphs(document)] == ["本年新收申请3119件（新位置）"]
    assert [[c.text for c in row] for row in tables(document)[0].rows] == [
        ["保留", "1"],
        ["也保留", "3"],
    ]


def test_tabs_breaks_and_special_characters() -> None:
    body = (
        "<w:p><w:r><w:t>电话：0517</w:t><w:noBreakHyphen/><w:t>83605210</w:t>"
        '<w:tab/><w:t>邮编</w:t><w:sym w:font="Wingdings" w:char="F0FC"/><w:softHyphen/>'
        "<w:br/><w:t>第二行</w:t><w:cr/><w:t>第三行</w:t></w:r></w:p>" + p("后一段")
    )
    document = read(docx_from_body(body))
    first, second = paragraphs(document)
    assert first.text == "电话：0517-83605210\t邮编\n第二行\n第三行"
    assert (first.anchor.line, first.anchor.end_line, first.anchor.end_column) == (1, 3, 4)
    assert region(document, first.anchor) == first.text
    assert second.anchor == Anchor(4, 1, 4, 4, paragraph=1)


def test_nested_table_text_goes_into_its_cell() -> None:
    inner = (
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
        "<w:tr>" + tc("内1") + tc("内2") + "</w:tr>"
        "<w:tr>" + tc("内3") + tc("内4") + "</w:tr></w:tbl>"
    )
    body = (
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>"
        + tc("左")
        + f"<w:tc><w:tcPr/>{p('外层')}{inner}<w:p/></w:tc>"
        + "</w:tr></w:tbl>"
        + p("之后")
        + "<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr>"
        + tc("第二个表")
        + "</w:tr></w:tbl>"
    )
    document = read(docx_from_body(body))
    first, second = tables(document)
    assert [c.text for c in first.rows[0]] == ["左", "外层\n内1 内2\n内3 内4"]
    assert second.anchor.table == 1 and second.rows[0][0].text == "第二个表"
    assert region(document, first.rows[0][1].anchor) == "外层\n内1 内2\n内3 内4"


def test_row_and_cell_level_content_controls_and_header_rows() -> None:
    body = (
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
        "<w:tr><w:trPr><w:tblHeader/></w:trPr>"
        + tc("信息内容")
        + tc("本年处理决定数量")
        + "</w:tr>"
        "<w:sdt><w:sdtPr/><w:sdtContent><w:tr>"
        + tc("行政许可")
        + "<w:sdt><w:sdtPr/><w:sdtContent>"
        + tc("447228")
        + "</w:sdtContent></w:sdt></w:tr></w:sdtContent></w:sdt></w:tbl>"
    )
    rows = tables(read(docx_from_body(body)))[0].rows
    assert [[c.text for c in row] for row in rows] == [
        ["信息内容", "本年处理决定数量"],
        ["行政许可", "447228"],
    ]


def test_grid_before_after_hmerge_and_vmerge_without_value() -> None:
    body = (
        "<w:tbl><w:tblGrid>" + "<w:gridCol/>" * 4 + "</w:tblGrid>"
        "<w:tr>"
        + tc("A", '<w:vMerge w:val="restart"/>')
        + tc("B", '<w:gridSpan w:val="2"/>')
        + tc("C")
        + "</w:tr>"
        "<w:tr>"
        + tc("", "<w:vMerge/>")
        + tc("D")
        + tc("E", '<w:hMerge w:val="restart"/>')
        + tc("", '<w:hMerge w:val="continue"/>')
        + "</w:tr>"
        '<w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>'
        + tc("F", '<w:gridSpan w:val="2"/>')
        + "</w:tr>"
        "<w:tr>" + tc("G") + "</w:tr></w:tbl>"
    )
    rows = tables(read(docx_from_body(body)))[0].rows
    assert [[(c.text, _flags(c)) for c in row] for row in rows] == [
        [("A", "O"), ("B", "O"), ("B", "H"), ("C", "O")],
        [("A", "V"), ("D", "O"), ("E", "O"), ("E", "H")],
        [("", "O"), ("F", "O"), ("F", "H"), ("", "O")],
        [("G", "O"), ("", "O"), ("", "O"), ("", "O")],
    ]


def test_text_box_is_read_once_after_its_host_paragraph() -> None:
    box = "<w:txbxContent>" + p("文本框内容") + "</w:txbxContent>"
    body = (
        "<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
        f"<wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r></w:p>" + p("下一段")
    )
    document = read(docx_from_body(body))
    assert [(b.text, b.anchor.paragraph, b.anchor.line) for b in paragraphs(document)] == [
        ("正文", 0, 1),
        ("文本框内容", 0, 2),
        ("下一段", 1, 3),
    ]


def test_hostile_grid_span_is_bounded() -> None:
    body = (
        "<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr>"
        + tc("x", '<w:gridSpan w:val="2000000000"/>')
        + "</w:tr></w:tbl>"
    )
    (table,) = tables(read(docx_from_body(body)))
    assert len(table.rows[0]) == 1000


def test_grid_cell_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    row = "<w:tr>" + tc("x", '<w:gridSpan w:val="1000"/>') + "</w:tr>"
    body = "<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>" + row * 20 + "</w:tbl>"
    data = docx_from_body(body)
    assert len(tables(read(data))[0].rows) == 20
    monkeypatch.setattr(docx_reader, "_MAX_GRID_CELLS", 10_000)
    with pytest.raises(ReadError) as caught:
        read(data)
    assert "单元格总数超过上限 10000" in caught.value.detail_zh


def test_strict_ooxml_namespace() -> None:
    data = docx_from_body(p("严格模式"))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml")
    strict = xml.replace(W_NS.encode(), b"http://purl.oclc.org/ooxml/wordprocessingml/main")
    document = read(replace_member(data, "word/document.xml", strict))
    assert [b.text for b in paragraphs(document)] == ["严格模式"]


def test_utf16_document_and_main_part_found_through_relationships() -> None:
    data = docx_from_body(p("十六位编码"))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
        rels = archive.read("_rels/.rels")
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    xml = xml.replace('encoding="UTF-8"', 'encoding="UTF-16"')
    members.pop("word/document.xml")
    members["word/main.xml"] = xml.encode("utf-16")
    members["_rels/.rels"] = rels.replace(b"word/document.xml", b"word/main.xml")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    assert [b.text for b in paragraphs(read(out.getvalue()))] == ["十六位编码"]


def test_core_title_is_metadata_only() -> None:
    document = read(docx_from_body(p("正文标题"), core_title="  模板标题 "))
    assert document.metadata["title"] == "模板标题"
    assert [b.text for b in paragraphs(document)] == ["正文标题"]


# ------------------------------------------------------------------------ hostile input


def _small_docx() -> bytes:
    return docx_from_body(p("正文"))


def _with_extra_members(data: bytes, members: dict[str, bytes]) -> bytes:
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def test_zip_bomb_member_is_refused_before_decompression() -> None:
    out = io.BytesIO(_small_docx())
    with zipfile.ZipFile(out, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("word/media/image1.png", "w", force_zip64=True) as member:
            zeros = bytes(1 << 20)
            for _ in range(200):
                member.write(zeros)
    data = out.getvalue()
    assert len(data) < 1_000_000
    start = time.perf_counter()
    with pytest.raises(ReadError) as caught:
        read(data)
    assert time.perf_counter() - start < 1
    assert "word/media/image1.png" in caught.value.detail_zh
    assert "压缩比" in caught.value.detail_zh and "压缩炸弹" in caught.value.detail_zh
    assert "zip bomb" in caught.value.detail_en
    assert "max_compression_ratio" in caught.value.detail_en


def test_total_uncompressed_size_limit() -> None:
    limits = Limits(max_uncompressed_bytes=20_000)
    with pytest.raises(ReadError) as caught:
        read(_small_docx(), limits)
    assert "解压后总大小" in caught.value.detail_zh
    assert "max_uncompressed_bytes" in caught.value.detail_en


def test_too_many_members() -> None:
    data = _with_extra_members(_small_docx(), {f"extra/item{i}.xml": b"<a/>" for i in range(60)})
    with pytest.raises(ReadError) as caught:
        read(data, Limits(max_archive_members=50))
    assert "个成员文件，超过上限 50" in caught.value.detail_zh
    assert "max_archive_members" in caught.value.detail_en
    assert len(read(data).blocks) == 1


def test_bounded_read_does_not_trust_declared_size() -> None:
    data = _small_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        size = archive.getinfo("word/document.xml").file_size
        assert len(_read_member(archive, "word/document.xml", size, LIMITS)) == size
        with pytest.raises(ReadError) as caught:
            _read_member(archive, "word/document.xml", size - 1, LIMITS)
    assert "解压后超过上限" in caught.value.detail_zh


BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE w:document [\n <!ENTITY lol "lol">\n'
    + b"".join(
        b' <!ENTITY lol%d "%s">\n'
        % (i, (b"&lol%s;" % (b"" if i == 1 else str(i - 1).encode())) * 10)
        for i in range(1, 10)
    )
    + b']>\n<w:document xmlns:w="'
    + W_NS.encode()
    + b'"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
)
EXTERNAL_ENTITY = (
    b'<?xml version="1.0"?>\n<!-- a comment first -->\n'
    b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    b'<w:document xmlns:w="' + W_NS.encode() + b'"><w:body><w:p><w:r><w:t>&xxe;</w:t>'
    b"</w:r></w:p></w:body></w:document>"
)


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion-laughs", "xxe"])
def test_doctype_and_entities_are_refused(xml: bytes) -> None:
    data = replace_member(_small_docx(), "word/document.xml", xml)
    start = time.perf_counter()
    with pytest.raises(ReadError) as caught:
        read(data)
    assert time.perf_counter() - start < 1
    assert "DOCTYPE" in caught.value.detail_zh and "另存为 .docx" in caught.value.detail_zh
    assert "DOCTYPE" in caught.value.detail_en


def test_malformed_xml() -> None:
    data = replace_member(_small_docx(), "word/document.xml", b"<w:document><w:body>")
    with pytest.raises(ReadError) as caught:
        read(data)
    assert "不是合法的 XML" in caught.value.detail_zh
    assert "not well-formed" in caught.value.detail_en


def test_truncated_zip() -> None:
    data = huaian_2024_docx()
    with pytest.raises(ReadError) as caught:
        read(data[: len(data) // 2])
    assert "已损坏或不完整" in caught.value.detail_zh and "重新下载" in caught.value.detail_zh
    assert "corrupt or truncated" in caught.value.detail_en


def test_crc_error() -> None:
    xml = b'<w:document xmlns:w="' + W_NS.encode() + b'"><w:body>' + p("3119").encode()
    xml += b"</w:body></w:document>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("word/document.xml", xml)
    data = out.getvalue().replace(b"3119", b"3118", 1)
    with pytest.raises(ReadError) as caught:
        read(data)
    assert "CRC" in caught.value.detail_en and "corrupt" in caught.value.detail_en


def test_old_binary_doc() -> None:
    # Directory entries of a .doc that embeds an Excel table.
    streams = ("WordDocument", "ObjectPool", "Workbook")
    data = OLE_MAGIC + bytes(504) + b"".join(s.encode("utf-16-le") + bytes(96) for s in streams)
    with pytest.raises(ReadError) as caught:
        read(data)
    assert (
        caught.value.detail_zh
        == "这是旧版 Word 二进制 .doc 文件，请用 Word/WPS 另存为 .docx 后再检查"
    )
    assert caught.value.detail_en == "an old binary Word .doc: save it as .docx and check again"


def test_old_binary_xls() -> None:
    data = OLE_MAGIC + bytes(504) + "Workbook".encode("utf-16-le") + bytes(1024)
    with pytest.raises(ReadError) as caught:
        read(data)
    assert "Excel" in caught.value.detail_zh and ".xls" in caught.value.detail_en


def test_encrypted_ole_package() -> None:
    data = (
        OLE_MAGIC
        + bytes(504)
        + "EncryptionInfo".encode("utf-16-le")
        + bytes(50)
        + "EncryptedPackage".encode("utf-16-le")
        + bytes(1024)
    )
    with pytest.raises(ReadError) as caught:
        read(data)
    assert "已加密" in caught.value.detail_zh and "取消密码" in caught.value.detail_zh
    assert "encrypted" in caught.value.detail_en and "password" in caught.value.detail_en


def test_zip_with_encrypted_member() -> None:
    data = bytearray(_small_docx())
    # Set the "encrypted" bit of every central directory entry's general purpose flags.
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) >= 0:
        (flags,) = struct.unpack_from("<H", data, start + 8)
        struct.pack_into("<H", data, start + 8, flags | 0x1)
        start += 4
    with pytest.raises(ReadError) as caught:
        read(bytes(data))
    assert "已加密" in caught.value.detail_zh


def test_xlsx_is_not_a_word_document() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", "<worksheet/>")
    with pytest.raises(ReadError) as caught:
        read(out.getvalue())
    assert "没有 word/document.xml" in caught.value.detail_zh and "Excel" in caught.value.detail_zh
    assert "Excel workbook" in caught.value.detail_en


def test_random_zip_is_not_a_word_document() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(ReadError) as caught:
        read(out.getvalue())
    assert "普通的 ZIP 压缩包" in caught.value.detail_zh
    assert "plain ZIP archive" in caught.value.detail_en


def test_html_named_docx() -> None:
    html = "<html><head><meta charset='utf-8'></head><body><p>一、总体情况</p></body></html>"
    data = html.encode()
    assert READER.sniff(data[:512], ".docx") == 0
    with pytest.raises(ReadError) as caught:
        read(data)
    assert "内容是 HTML" in caught.value.detail_zh
    assert "HTML" in caught.value.detail_en


def test_empty_and_oversized_files() -> None:
    with pytest.raises(ReadError) as caught:
        read(b"")
    assert "文件为空" in caught.value.detail_zh
    with pytest.raises(ReadError) as caught:
        read(_small_docx(), Limits(max_file_bytes=1000))
    assert "超过上限" in caught.value.detail_zh


def _framed(data: bytes) -> bytes:
    """The document with its whole body put in a one-cell table (a report laid out in a
    bordered frame), as Word writes such a table."""
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    content = [c for c in body if c.tag != qn("w:sectPr")]
    frame = OxmlElement("w:tbl")
    grid = OxmlElement("w:tblGrid")
    column = OxmlElement("w:gridCol")
    column.set(qn("w:w"), "9000")
    grid.append(column)
    frame.append(grid)
    row, cell = OxmlElement("w:tr"), OxmlElement("w:tc")
    for child in content:
        cell.append(child)
    cell.append(OxmlElement("w:p"))  # a cell ends with a paragraph
    row.append(cell)
    frame.append(row)
    body.insert(0, frame)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_report_in_a_one_cell_frame_reads_as_without_it(tmp_path) -> None:
    """淮安's 2024 report (the 2021 template, filled) inside a one-cell table: the frame is
    layout, its paragraphs and tables are the report's (before: one cell of flattened text,
    the report read as a title only). A one-column table of a few words stays a table."""
    from linter.engine import Engine
    from linter.plugins import load_plugins

    engine = Engine(load_plugins())
    plain, framed = tmp_path / "plain.docx", tmp_path / "framed.docx"
    plain.write_bytes(huaian_2024_docx())
    framed.write_bytes(_framed(plain.read_bytes()))

    def what(path) -> list[tuple[str, str | None, str]]:
        return sorted((f.code, f.sub_id, f.level) for f in engine.lint_path(path).findings)

    assert what(framed) == what(plain) and ("OM002", "no-notice", "warning") in what(plain)
    doc = read(framed.read_bytes())
    assert len([b for b in doc.blocks if isinstance(b, Table)]) == 3
    note = docx_from_body(
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>注：单位为件</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    )
    assert [type(b) for b in read(note).blocks] == [Table]


# ------------------------------------------------------------------------------ radicals


def test_a_document_without_radicals_says_so(huaian) -> None:
    # The engine's pass over every block and cell (unify_radicals_in) is then skipped.
    assert huaian.radicals_read


@pytest.mark.parametrize(
    "where",
    [
        {"values": {**HUAIAN_2024_VALUES, ("四", "行政复议", "总计"): "⼀"}},  # a cell
        {"sections": {"六": "⽆。"}},  # a paragraph (U+2F46 for 无)
        {"core_title": "淮安市⼈民政府2024年政府信息公开工作年度报告"},  # the metadata
    ],
)
def test_a_radical_anywhere_leaves_the_document_to_the_engines_pass(where) -> None:
    from linter.readers import unify_radicals_in

    doc = read(huaian_2024_docx(**where))
    assert not doc.radicals_read
    unified = unify_radicals_in(doc)
    texts = [*unified.metadata.values(), unified.extracted_text]
    for block in unified.blocks:
        if isinstance(block, Table):
            texts += [cell.text for row in block.rows for cell in row]
        else:
            texts.append(block.text)
    assert not any(ch in text for text in texts for ch in "⼀⽆⼈")
