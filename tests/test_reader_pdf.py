"""The PDF reader on the three real PDFs (tests/fixtures/pdf/, exact bytes as published).

The expected grids below were written from the pages as printed (each page rendered to
an image and read by eye): ``^`` marks a cell that continues the one above (vmerge),
``<`` one that continues the one to its left (hmerge), ``^<`` both. Table 三 of every
report runs over a page break; the merged label cells cut by it (``三、本年度办理结果``,
``（四）无法提供`` — printed ``（四）无`` / ``法提供`` on 淮安市's two pages) are one cell.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linter.document import Paragraph, Table
from linter.engine import Engine, collect_files
from linter.plugins import load_plugins
from linter.readers import Limits
from linter.readers.pdf import PdfReader
from tests.conftest import kinds

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"
HONGZE_2023_PDF = FIXTURES / "2023_district-hongze_gov.pdf"
HONGZE_2024_PDF = FIXTURES / "2024_district-hongze_gov.pdf"
HUAIAN_2024_PDF = FIXTURES / "2024_city-huaian_gov.pdf"


def read(path: Path, limits: Limits | None = None):
    return PdfReader().read(path.name, path.read_bytes(), limits or Limits())


def grid(table: Table) -> str:
    rows = []
    for row in table.rows:
        rows.append(
            " | ".join(
                "^" * c.vmerge + "<" * c.hmerge if (c.hmerge or c.vmerge) else c.text for c in row
            )
        )
    return "\n" + "\n".join(rows) + "\n"


def tables(doc) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]


HONGZE_2023 = (
    """
第二十条第（一）项 | < | < | <
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
规章 | 0 | 0 | 0
行政规范性文件 | 0 | 5 | 5
第二十条第（五）项 | < | < | <
信息内容 | 本年处理决定数量 | < | <
行政许可 | 550 | < | <
第二十条第（六）项 | < | < | <
信息内容 | 本年处理决定数量 | < | <
行政处罚 | 4119 | < | <
行政强制 | 195 | < | <
第二十条第（八）项 | < | < | <
信息内容 | 本年收费金额（单位：万元） | < | <
行政事业性收费 | 7730.28 | < | <
""",
    """
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | < | < | 申请人情况 | < | < | < | < | < | <
^ | ^< | ^< | 自然人 | 法人或其他组织 | < | < | < | < | 总计
^ | ^< | ^< | ^ | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | ^
一、本年新收政府信息公开申请数量 | < | < | 21 | 0 | 0 | 0 | 0 | 0 | 21
二、上年结转政府信息公开申请数量 | < | < | 0 | 0 | 0 | 0 | 0 | 0 | 0
三、本年度办理结果 | （一）予以公开 | < | 0 | 0 | 0 | 0 | 0 | 0 | 0
^ | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | < | 4 | 0 | 0 | 0 | 0 | 0 | 4
^ | （三）不予公开 | 1.属于国家秘密 | 1 | 0 | 0 | 0 | 0 | 0 | 1
^ | ^ | 2.其他法律行政止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0
^ | ^ | 3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0
^ | ^ | 4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0
^ | ^ | 5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0
^ | ^ | 6.属于四类过程性信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1
^ | ^ | 7.属于行政执法案卷 | 1 | 0 | 0 | 0 | 0 | 0 | 1
^ | ^ | 8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0
^ | （四）无法提供 | 1.本机关不掌握相关政府信息 | 10 | 0 | 0 | 0 | 0 | 0 | 10
^ | ^ | 2.没有现成信息需要另行制作 | 3 | 0 | 0 | 0 | 0 | 0 | 3
^ | ^ | 3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0
^ | （五）不予处理 | 1.信访举报投诉类申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1
^ | ^ | 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
^ | ^ | 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0
^ | ^ | 4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
^ | ^ | 5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0
^ | （六）其他处理 | < | 0 | 0 | 0 | 0 | 0 | 0 | 0
^ | （七）总计 | < | 21 | 0 | 0 | 0 | 0 | 0 | 21
四、结转下年度继续办理 | < | < | 0 | 0 | 0 | 0 | 0 | 0 | 0
""",
    """
行政复议 | < | < | < | < | 行政诉讼 | < | < | < | < | < | < | < | < | <
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | < | < | < | < | 复议后起诉 | < | < | < | <
^ | ^ | ^ | ^ | ^ | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计
10 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 5 | 0 | 0 | 0 | 0
""",
)

HONGZE_2024 = (
    """
第二十条第（一）项 | < | < | <
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
规章 | 0 | 0 | 0
行政规范性文件 | 3 | 0 | 8
第二十条第（五）项 | < | < | <
信息内容 | 本年处理决定数量 | < | <
行政许可 | 9487 | < | <
第二十条第（六）项 | < | < | <
信息内容 | 本年处理决定数量 | < | <
行政处罚 | 2776 | < | <
行政强制 | 84 | < | <
第二十条第（八）项 | < | < | <
信息内容 | 本年收费金额（单位：万元） | < | <
行政事业性收费 | 7545 | < | <
""",
    """
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | < | < | 申请人情况 | < | < | < | < | < | <
^ | ^< | ^< | 自然人 | 法人或其他组织 | < | < | < | < | 总计
^ | ^< | ^< | ^ | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | ^
一、本年新收政府信息公开申请数量 | < | < | 95 | 0 | 0 | 0 | 0 | 0 | 95
二、上年结转政府信息公开申请数量 | < | < | 0 | 0 | 0 | 0 | 0 | 0 | 0
三、本年度办理结果 | （一）予以公开 | < | 50 | 0 | 0 | 0 | 0 | 0 | 50
^ | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | < | 9 | 0 | 0 | 0 | 0 | 0 | 9
^ | （三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0
^ | ^ | 2.其他法律行政止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0
^ | ^ | 3.危及“三安全一稳定” | 1 | 0 | 0 | 0 | 0 | 0 | 1
^ | ^ | 4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0
^ | ^ | 5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0
^ | ^ | 6.属于四类过程性信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1
^ | ^ | 7.属于行政执法案卷 | 1 | 0 | 0 | 0 | 0 | 0 | 1
^ | ^ | 8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0
^ | （四）无法提供 | 1.本机关不掌握相关政府信息 | 31 | 0 | 0 | 0 | 0 | 0 | 31
^ | ^ | 2.没有现成信息需要另行制作 | 1 | 0 | 0 | 0 | 0 | 0 | 1
^ | ^ | 3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0
^ | （五）不予处理 | 1.信访举报投诉类申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1
^ | ^ | 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
^ | ^ | 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0
^ | ^ | 4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
^ | ^ | 5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0
^ | （六）其他处理 |  | 0 | 0 | 0 | 0 | 0 | 0 | 0
^ | （七）总计 |  | 95 | 0 | 0 | 0 | 0 | 0 | 95
四、结转下年度继续办理 | < | < | 0 | 0 | 0 | 0 | 0 | 0 | 0
""",
    """
行政复议 | < | < | < | < |  | < | < | 行政诉讼 | < | < | < | < | < | <
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | < | < | < | < | 复议后起诉 | < | < | < | <
^ | ^ | ^ | ^ | ^ | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计
1 | 1 | 0 | 0 | 2 | 1 | 0 | 0 | 0 | 1 | 2 | 0 | 1 | 0 | 3
""",
)

HUAIAN_2024 = (
    """
第二十条第（一）项 | < | < | <
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
规章 | 1 | 0 | 11
行政规范性文件 | 8 | 26 | 66
第二十条第（五）项 | < | < | <
信息内容 | 本年处理决定数量 | < | <
行政许可 | 447228 | < | <
第二十条第（六）项 | < | < | <
信息内容 | 本年处理决定数量 | < | <
行政处罚 | 3985758 | < | <
行政强制 | 88283 | < | <
第二十条第（八）项 | < | < | <
信息内容 | 本年收费金额（单位：万元） | < | <
行政事业性收费 | 96171.6 | < | <
""",
    """
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | < | < | 申请人情况 | < | < | < | < | < | <
^ | ^< | ^< | 自然人 | 法人或其他组织 | < | < | < | < | 总计
^ | ^< | ^< | ^ | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | ^
一、本年新收政府信息公开申请数量 | < | < | 3001 | 53 | 0 | 0 | 61 | 4 | 3119
二、上年结转政府信息公开申请数量 | < | < | 34 | 0 | 0 | 0 | 0 | 0 | 34
三、本年度办理结果 | （一）予以公开 | < | 1288 | 21 | 0 | 0 | 50 | 3 | 1362
^ | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | < | 447 | 7 | 0 | 0 | 0 | 0 | 454
^ | （三）不予公开 | 1.属于国家秘密 | 2 | 0 | 0 | 0 | 0 | 0 | 2
^ | ^ | 2.其他法律行政法规禁止公开 | 30 | 1 | 0 | 0 | 0 | 0 | 31
^ | ^ | 3.危及“三安全一稳定” | 5 | 0 | 0 | 0 | 0 | 0 | 5
^ | ^ | 4.保护第三方合法权益 | 6 | 0 | 0 | 0 | 0 | 0 | 6
^ | ^ | 5.属于三类内部事务信息 | 7 | 1 | 0 | 0 | 0 | 0 | 8
^ | ^ | 6.属于四类过程性信息 | 12 | 0 | 0 | 0 | 0 | 0 | 12
^ | ^ | 7.属于行政执法案卷 | 9 | 0 | 0 | 0 | 0 | 0 | 9
^ | ^ | 8.属于行政查询事项 | 105 | 0 | 0 | 0 | 0 | 0 | 105
^ | （四）无法提供 | 1.本机关不掌握相关政府信息 | 746 | 12 | 0 | 0 | 10 | 1 | 769
^ | ^ | 2.没有现成信息需要另行制作 | 11 | 0 | 0 | 0 | 0 | 0 | 11
^ | ^ | 3.补正后申请内容仍不明确 | 1 | 0 | 0 | 0 | 0 | 0 | 1
^ | （五）不予处理 | 1.信访举报投诉类申请 | 56 | 6 | 0 | 0 | 0 | 0 | 62
^ | ^ | 2.重复申请 | 25 | 0 | 0 | 0 | 0 | 0 | 25
^ | ^ | 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0
^ | ^ | 4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
^ | ^ | 5.要求行政机关确认或重新出具已获取信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1
^ | （六）其他处理 | 1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 67 | 3 | 0 | 0 | 1 | 0 | 71
^ | ^ | 2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 6 | 0 | 0 | 0 | 0 | 0 | 6
^ | ^ | 3、其他 | 108 | 2 | 0 | 0 | 0 | 0 | 110
^ | （七）总计 | < | 2932 | 53 | 0 | 0 | 61 | 4 | 3050
四、结转下年度继续办理 | < | < | 103 | 0 | 0 | 0 | 0 | 0 | 103
""",
    """
行政复议 | < | < | < | < | 行政诉讼 | < | < | < | < | < | < | < | < | <
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | < | < | < | < | 复议后起诉 | < | < | < | <
^ | ^ | ^ | ^ | ^ | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计
72 | 64 | 178 | 37 | 351 | 13 | 4 | 8 | 1 | 26 | 12 | 1 | 1 | 6 | 20
""",
)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (HONGZE_2023_PDF, HONGZE_2023),
        (HONGZE_2024_PDF, HONGZE_2024),
        (HUAIAN_2024_PDF, HUAIAN_2024),
    ],
    ids=["hongze-2023", "hongze-2024", "huaian-2024"],
)
def test_tables_equal_the_printed_numbers_cell_by_cell(path, expected):
    doc = read(path)
    found = tables(doc)
    assert [grid(t) for t in found] == list(expected)
    assert all(t.grid for t in found)


def test_merged_copies_carry_the_origin_text_and_anchor():
    table = tables(read(HONGZE_2023_PDF))[1]
    label = table.rows[3][0]
    copy = table.rows[3][2]
    assert label.text == copy.text == "一、本年新收政府信息公开申请数量"
    assert copy.hmerge and not copy.vmerge
    assert copy.anchor.line == label.anchor.line
    # The cell continued on page 4 is the one of page 3.
    below = table.rows[17][1]
    assert below.vmerge and below.text == "（四）无法提供" and below.anchor.page == 3


def test_headings_and_paragraphs_in_reading_order_without_page_numbers():
    doc = read(HONGZE_2023_PDF)
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    headings = [t for t in texts if t[:2] in ("一、", "二、", "三、", "四、", "五、", "六、")]
    assert headings == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    # Page numbers ("- 4 -") never become paragraphs or cells.
    assert not any(t.strip("- ").isdigit() for t in texts)
    assert "- 4 -" not in (doc.extracted_text or "")
    # A paragraph wrapped over many lines reads as one, with no spaces between lines.
    assert any("2023年全区受理政府信息公开申请21件，均在法定期限答复。" in t for t in texts)


def test_a_paragraph_running_over_a_page_break_is_one_paragraph():
    doc = read(HUAIAN_2024_PDF)
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    # Page 1 ends inside （一）; page 2 goes on with "营商环境高质量推进产业发展…".
    first = next(t for t in texts if t.startswith("（一）主动公开情况"))
    assert "营商环境高质量推进产业发展" in first
    assert not any(t.startswith("营商环境") for t in texts)


def test_anchors_carry_page_and_box():
    doc = read(HONGZE_2023_PDF)
    section4 = tables(doc)[2]
    cell = section4.rows[3][4]
    assert cell.text == "0" and cell.anchor.page == 4
    x0, y0, x1, y1 = cell.anchor.bbox
    assert 0 < x0 < x1 < 595 and 0 < y0 < y1 < 842
    para = next(b for b in doc.blocks if isinstance(b, Paragraph))
    assert para.anchor.page == 1 and para.anchor.paragraph == 0
    # Anchors point into the extracted text, as for DOCX.
    lines = doc.extracted_text.split("\n")
    assert lines[cell.anchor.line - 1] == "\t0"


def test_real_pdfs_give_the_known_findings(tmp_path):
    engine = Engine(load_plugins())
    r2023 = engine.lint_path(HONGZE_2023_PDF)
    codes = [(f.code, f.location.logical) for f in r2023.findings]
    rl101 = [f for f in r2023.findings if f.code == "RL101"]
    assert len(rl101) == 2
    assert "行政复议" in rl101[0].message_zh and "总计填写 0" in rl101[0].message_zh
    assert "复议后起诉" in rl101[1].message_zh
    assert any(c == "AP002" for c, _ in codes) or any(c == "ST003" for c, _ in codes)
    assert any(f.code == "AP004" and "其他法律行政止公开" in f.message_zh for f in r2023.findings)
    # The label printed with quotes reads as printed: no AP004 for it.
    assert not any(f.code == "AP004" and "三安全一稳定" in f.message_zh for f in r2023.findings)

    r2024 = engine.lint_path(HONGZE_2024_PDF)
    tx001 = [f for f in r2024.findings if f.code == "TX001"]
    assert len(tx001) == 1 and "17" in tx001[0].message_zh and "95" in tx001[0].message_zh
    facts = {}
    for result in (r2023, r2024):
        for code, fact in result.facts.items():
            facts.setdefault(code, []).append(fact)
    assert any(f.code == "CY003" for f in engine.check_batch(facts))

    huaian = engine.lint_path(HUAIAN_2024_PDF)
    found = {f.code for f in huaian.findings}
    assert "OM002" in found
    assert not {c for c in found if c.startswith(("RL", "AP", "XT"))}


def test_concise_and_sarif_show_page_and_place(tmp_path):
    from click.testing import CliRunner

    from linter.cli import main

    runner = CliRunner()
    result = runner.invoke(main, ["check", str(HONGZE_2023_PDF), "--output-format", "concise"])
    assert "2023_district-hongze_gov.pdf:p4:table3:row4:col5: RL101" in result.output
    assert ":p1:para" in result.output or ":p2:para" in result.output
    out = tmp_path / "out.sarif"
    runner.invoke(main, ["check", str(HONGZE_2023_PDF), "--output-format", "sarif", "-o", str(out)])
    sarif = json.loads(out.read_text(encoding="utf-8"))
    run = sarif["runs"][0]
    assert "三、收到和处理政府信息公开申请情况" in run["artifacts"][0]["contents"]["text"]
    rl = next(r for r in run["results"] if r["ruleId"] == "RL101")
    assert rl["properties"]["page"] == 4 and len(rl["properties"]["bbox"]) == 4
    region = rl["locations"][0]["physicalLocation"]["region"]
    text_lines = run["artifacts"][0]["contents"]["text"].split("\n")
    assert text_lines[region["startLine"] - 1] == "\t0"


def test_a_folder_walk_finds_pdfs(tmp_path):
    (tmp_path / "a.pdf").write_bytes(HONGZE_2023_PDF.read_bytes())
    files, _ = collect_files([tmp_path])
    assert [f.name for f in files] == ["a.pdf"]


# --- the grid builder on tables drawn the ways PDF producers draw them ------------------

XS = (100, 200, 300, 400)
YS = (700, 680, 660, 640)  # PDF user space: y grows upwards


def _cell_text_ops(merged: bool = False) -> list[bytes]:
    ops = []
    for r in range(3):
        for c in range(3):
            if merged and r == 0 and c == 1:
                continue
            ops.append(
                b"BT /F1 10 Tf %d %d Td (%s) Tj ET"
                % (XS[c] + 5, YS[r + 1] + 6, b"ABC"[c : c + 1] + b"%d" % (r + 1))
            )
    return ops


def _grid_pdf(style: str, merged: bool = False) -> bytes:
    from tests.pdf_fixtures import build_pdf

    ops = [b"0 0 0 RG 0 0 0 rg 0.5 w"]
    if style == "background":
        # A white cell background under the table is not a border.
        ops.insert(0, b"1 1 1 rg 50 600 400 150 re f 0 0 0 rg")
    for y in YS:
        if style == "thin-rects":
            ops.append(b"%d %.2f 300 0.6 re f" % (XS[0], y - 0.3))
        elif style in ("lines", "background", "open-sides"):
            ops.append(b"%d %d m %d %d l S" % (XS[0], y, XS[-1], y))
    for c, x in enumerate(XS):
        if style == "open-sides" and c in (0, 3):
            continue
        segments = [(YS[0], YS[-1])]
        if merged and c == 1:
            segments = [(YS[1], YS[-1])]  # no line between A1 and B1
        for top, bottom in segments:
            if style == "thin-rects":
                ops.append(b"%.2f %d 0.6 %d re f" % (x - 0.3, bottom, top - bottom))
            elif style in ("lines", "background", "open-sides"):
                ops.append(b"%d %d m %d %d l S" % (x, top, x, bottom))
    if style == "cell-rects":
        for r in range(3):
            for c in range(3):
                ops.append(b"%d %d 100 20 re S" % (XS[c], YS[r + 1]))
    return build_pdf([b"\n".join(ops + _cell_text_ops(merged))])


@pytest.mark.parametrize("style", ["lines", "thin-rects", "cell-rects", "background", "open-sides"])
def test_grids_from_each_way_of_drawing_a_table(style):
    from linter.readers.pdf import PdfReader

    doc = PdfReader().read("t.pdf", _grid_pdf(style), Limits())
    (table,) = tables(doc)
    assert [[c.text for c in row] for row in table.rows] == [
        ["A1", "B1", "C1"],
        ["A2", "B2", "C2"],
        ["A3", "B3", "C3"],
    ]
    assert not any(c.hmerge or c.vmerge for row in table.rows for c in row)


def test_a_missing_inner_line_is_a_merged_cell():
    doc = PdfReader().read("t.pdf", _grid_pdf("lines", merged=True), Limits())
    (table,) = tables(doc)
    assert grid(table) == "\nA1 | < | C1\nA2 | B2 | C2\nA3 | B3 | C3\n"


def test_lines_that_are_not_a_table_stay_paragraphs():
    from tests.pdf_fixtures import build_pdf, text_page

    # An underline and a frame around one line: no table.
    content = text_page("Signed and dated") + b"\n72 750 m 300 750 l S\n70 700 200 30 re S"
    doc = PdfReader().read("t.pdf", build_pdf([content]), Limits())
    assert tables(doc) == []
    assert [b.text for b in doc.blocks] == ["Signed and dated"]


def test_a_different_table_at_the_top_of_the_next_page_is_not_joined():
    from tests.pdf_fixtures import build_pdf

    def table(xs: tuple[int, ...], top: int, label: bytes) -> bytes:
        ys = (top, top - 20, top - 40)
        ops = [b"%d %d m %d %d l S" % (xs[0], y, xs[-1], y) for y in ys]
        ops += [b"%d %d m %d %d l S" % (x, ys[0], x, ys[-1]) for x in xs]
        for r in range(2):
            for c in range(len(xs) - 1):
                ops.append(
                    b"BT /F1 9 Tf %d %d Td (%s%d%d) Tj ET" % (xs[c] + 3, ys[r + 1] + 6, label, r, c)
                )
        return b"\n".join(ops)

    first = table((100, 250, 400), 120, b"a")  # ends page 1
    second = table((100, 150, 200, 250, 300, 350, 400), 780, b"b")  # starts page 2
    doc = PdfReader().read("t.pdf", build_pdf([first, second]), Limits())
    assert [len(t.rows[0]) for t in tables(doc)] == [2, 6]


def test_a_continuation_without_the_left_column_joins_and_the_left_cell_spans_it():
    """A browser printing a table whose first column holds one tall cell (三、本年度办理结果)
    draws the continuation on the next page without that column: it is the same table, and
    the tall cell spans the continued rows."""
    from tests.pdf_fixtures import build_pdf, two_row_table

    texts = [[b"L", b"a0", b"1"], [b"", b"a1", b"2"]]
    first = two_row_table((100, 150, 250, 400), 120, texts, middle=(150, 400))  # L spans rows
    second = two_row_table((150, 250, 400), 780, [[b"b0", b"3"], [b"b1", b"4"]])
    (table,) = tables(PdfReader().read("t.pdf", build_pdf([first, second]), Limits()))
    assert grid(table) == "\nL | a0 | 1\n^ | a1 | 2\n^ | b0 | 3\n^ | b1 | 4\n"


@pytest.mark.parametrize("gap", [3, 4])
def test_a_double_border_is_the_tables_border(gap):
    """A double outer border (Word's 双线, CSS ``border-style: double``, 平潭 2022/2023 and
    财政金融局 2025 printed so by Chromium): two frames ``gap`` points apart, the inner
    lines run out to the outer one. Before: a row and a column of blank slivers round the
    table (section 二 not recognised, XT002). The table is its cells."""
    from tests.pdf_fixtures import build_pdf

    o = gap
    ops = [
        b"%d %d m %d %d l %d %d l %d %d l h S"
        % (100 - o, 700 + o, 400 + o, 700 + o, 400 + o, 600 - o, 100 - o, 600 - o),
        b"100 700 m 400 700 l 400 600 l 100 600 l h S",
        b"250 %d m 250 %d l S" % (700 + o, 600 - o),  # the column line, out to the outer frame
        b"%d 650 m %d 650 l S" % (100 - o, 400 + o),  # the row line
        b"BT /F1 9 Tf 110 670 Td (a) Tj ET",
        b"BT /F1 9 Tf 260 670 Td (1) Tj ET",
        b"BT /F1 9 Tf 110 620 Td (b) Tj ET",
        b"BT /F1 9 Tf 260 620 Td (2) Tj ET",
    ]
    (table,) = tables(PdfReader().read("t.pdf", build_pdf([b"\n".join(ops)]), Limits()))
    assert grid(table) == "\na | 1\nb | 2\n"


def test_a_region_that_is_no_rectangle_is_read_not_a_crash():
    """Lines that stop short can leave a region of lattice cells that is no rectangle (a
    box drawn in a cell's corner, the inner lines of a table run out to a second border
    drawn round two tables): its box's top left is another cell's. Before: KeyError, and
    the whole report XT001 'cannot be read'."""
    from tests.pdf_fixtures import build_pdf

    ops = [
        b"100 700 m 400 700 l 400 600 l 100 600 l h S",  # the frame
        b"250 700 m 250 650 l S",  # a short column line, top half only
        b"100 650 m 250 650 l S",  # a short row line, left half only
        b"BT /F1 9 Tf 110 670 Td (corner) Tj ET",
        b"BT /F1 9 Tf 300 620 Td (rest) Tj ET",
    ]
    (table,) = tables(PdfReader().read("t.pdf", build_pdf([b"\n".join(ops)]), Limits()))
    assert "corner" in grid(table) and "rest" in grid(table)


def test_a_continuation_that_draws_the_left_column_again_joins_too():
    """Chromium printing 平潭 2022's table 三 (bench/probe_producers.py, plain A4): page 6
    leaves out the column of 三、本年度办理结果, which runs on, and page 7, where that cell
    ends, draws it again, empty, left of a row cut by the break (``…逾期未按收费通知要`` /
    ``求缴纳费用…``). Page 7's part is wider than page 6's: still the same table, not a
    new one whose first row has a label and no figures (AP004, AP005 on the print)."""
    from tests.pdf_fixtures import build_pdf, two_row_table

    texts = [[b"L", b"a0", b"1"], [b"", b"a1", b"2"]]
    first = two_row_table((100, 150, 250, 400), 120, texts, middle=(150, 400))  # L spans rows
    second = two_row_table((150, 250, 400), 780, [[b"b0", b"3"], [b"b1", b"4"]])
    third = two_row_table(
        (100, 150, 250, 400), 780, [[b"", b"c0", b"5"], [b"", b"c1", b"6"]], middle=(150, 400)
    )
    (table,) = tables(PdfReader().read("t.pdf", build_pdf([first, second, third]), Limits()))
    assert grid(table) == (
        "\nL | a0 | 1\n^ | a1 | 2\n^ | b0 | 3\n^ | b1 | 4\n^ | c0 | 5\n^ | c1 | 6\n"
    )


def test_a_page_printed_by_a_browser_reads_as_the_page(tmp_path):
    """平潭综合实验区's 2022 report page (tests/fixtures/html/) printed to PDF by Chromium
    (``--print-to-pdf``), site menus and all: the title is found after the menus, table 三
    runs over pages 4–5 without its left column on page 5, and a row label (（二）部分公开…)
    is cut by the page break. The lint gives what the page's own lint gives."""
    pytest.importorskip("linter.readers.html")
    page = Path(__file__).parent / "fixtures" / "html" / "2022_zone-pingtan_gov.html"
    engine = Engine(load_plugins())
    printed = engine.lint_path(FIXTURES / "2022_zone-pingtan_gov.printed.pdf")
    report = printed.report
    assert (
        report.title is not None
        and report.title.text == "平潭综合实验区2022年度政府信息公开工作年度报告"
    )
    assert (report.agency.value, report.year.value) == ("平潭综合实验区", 2022)
    label = report.applications.rows["partially_granted"].label
    assert label == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"

    def what(result) -> list[tuple[str, str | None, str]]:
        return [(f.code, f.sub_id, f.level) for f in result.findings if f.code != "PB001"]

    assert (
        what(printed)
        == what(engine.lint_path(page))
        == [
            ("WD001", "政府信息公开行政复议、行政诉讼情况", "warning"),  # 行政法复议
            ("PI004", None, "note"),
        ]
    )


def test_narrative_places_keep_the_page_of_their_paragraph() -> None:
    """A finding on a phrase inside a PDF paragraph (TX004–TX006, WD) keeps the page of the
    paragraph it stands in: concise output prints file.pdf:p2:para37, never a bare para37."""
    from linter.narrative import of_report

    report = Engine(load_plugins()).parse(HONGZE_2024_PDF)
    narrative = of_report(report)
    start = narrative.text.index("受理政府信息公开申请")
    anchor, _ = narrative.anchor(start, start + 10)
    assert anchor.page is not None and anchor.paragraph is not None
    assert anchor.page >= 1 and anchor.line is not None


def test_a_pdf_printed_again_through_cairo_reads_as_printed_first() -> None:
    """淮安市 2024 re-printed through cairo (``pdftocairo -pdf``, poppler 22; what GTK's
    print to file does): its bold run-in headings (“（一）主动公开情况。”, bold faked by
    stroking the text) become the text plus each glyph's stroked outline, and outlines
    such as ``一`` (a small rectangle) and the bars of ``主`` or ``开`` lined up into little
    tables that swallowed the heading's characters: sections 二–四 read as missing (three
    ST001 errors). A path lying on one character is its glyph, not a table: the same
    findings as the PDF as published."""
    engine = Engine(load_plugins())
    again = engine.lint_path(FIXTURES / "2024_city-huaian_gov.cairo.pdf")
    published = engine.lint_path(HUAIAN_2024_PDF)
    assert kinds(again) == kinds(published)
    doc = read(FIXTURES / "2024_city-huaian_gov.cairo.pdf")
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert any(t.startswith("（一）主动公开情况。2024年，市政府网站") for t in texts)
    assert [len(t.rows) for t in tables(doc)] == [
        len(t.rows) for t in tables(read(HUAIAN_2024_PDF))
    ]
