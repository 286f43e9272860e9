"""AP001–AP007 (section 三 table shape and cells) on real reports and edited copies of them.

Fixtures:

- ``2019_city-bureau-gongxin_tika.txt`` — the 2019 report this project started from (2019
  edition). Its section-三 applicant cells are blank in every row (only 总计 holds 0).
- ``2025_prov-shanghai-govoffice.md`` — 上海市人民政府办公厅 2025 (2021 edition), a third-party
  PDF-to-markdown conversion that broke four rows of table 三 apart from their labels.
- ``ap_2021_collapsed_six.txt`` — derived from the 2019 sample: title year 2023 (and the
  body's “2019年” → “2023年”), section 二 rewritten with the 2021-edition blocks and labels
  (本年制发件数 …, FORMATS.md §3.3), sections 三–六 byte for byte the sample's. Section 三
  thus keeps the single （六）其他处理 row of the 2019 layout inside otherwise-2021 tables,
  as 淮安市洪泽区人民政府 2023/2024 print it.
- 淮安市人民政府 2024 in the official 2021 DOCX template (``tests/docx_fixtures.py``): real
  numbers, every row, column and cell filled — the passing case for the 2021 edition.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import lxml.html

from linter.document import Diagnostic
from linter.engine import Engine
from linter.model import ABSENT
from linter.rule import RuleContext
from tests.conftest import (
    FIXTURES,
    SAMPLE_2019,
    SHANGHAI_2025_MD,
    TEXT,
    replace_line,
    sample_text,
    write,
)
from tests.docx_fixtures import HUAIAN_2024_VALUES, huaian_2024_docx

COLLAPSED_SIX = TEXT / "ap_2021_collapsed_six.txt"

# Lines of the 2019 sample: row labels (column 2) and cells.
LINE_SECTION3 = 83
LINE_TABLE3 = 84
LINE_NEW_RECEIVED = 101  # label; cells 102–108 (自然人 … 总计)
LINE_GRANTED = 120  # label; cells 121–127
LINE_PROHIBITED = 152  # "2.其他法律行政法规禁止公开"; cells 153–159
LINE_REPEATED = 273  # "2.重复申请"
LINES_PUBLICATIONS = (282, 292)  # "3.要求提供公开出版物": its printed row, blank line included
LINE_OTHER_HANDLING = 316
LINE_CARRIED_FORWARD_TOTAL = 342

SAMPLE_ROWS = [
    "new_received",
    "carried_over",
    "granted",
    "partially_granted",
    "withheld.state_secret",
    "withheld.prohibited_by_law",
    "withheld.three_securities",
    "withheld.third_party",
    "withheld.internal_affairs",
    "withheld.process_information",
    "withheld.enforcement_files",
    "withheld.query_matters",
    "unavailable.not_held",
    "unavailable.needs_creation",
    "unavailable.still_unclear",
    "not_processed.petition",
    "not_processed.repeated",
    "not_processed.publications",
    "not_processed.excessive",
    "not_processed.confirmation",
    "other_handling",
    "outcome_total",
    "carried_forward",
]


def lint(engine: Engine, tmp_path: Path, text: str, name: str = "report.txt"):
    return engine.lint_path(write(tmp_path, name, text))


def only(result, code: str) -> list:
    return [f for f in result.findings if f.code == code]


def at(finding) -> tuple[int | None, int | None]:
    return finding.location.anchor.line, finding.location.anchor.column


def without_lines(text: str, first: int, last: int) -> str:
    """``text`` without its 1-based lines ``first``…``last``."""
    lines = text.split("\n")
    return "\n".join(lines[: first - 1] + lines[last:])


def ir_file(engine: Engine, tmp_path: Path, report, name: str = "report.json") -> Path:
    """An intermediate-form JSON file (the form an OCR/PDF pipeline would hand over)."""
    return write(tmp_path, name, json.dumps(report.to_json(), ensure_ascii=False))


def no_xt002(report):
    return replace(report, diagnostics=tuple(d for d in report.diagnostics if d.code != "XT002"))


# --- AP001 missing-table ----------------------------------------------------------------------


def test_section3_without_table_gives_ap001(engine: Engine, tmp_path: Path) -> None:
    # The sample's IR with table 三 taken out and no XT002: what an extractor that found the
    # heading but no table would hand over.
    report = no_xt002(replace(engine.parse(SAMPLE_2019), applications=ABSENT))
    result = engine.lint_path(ir_file(engine, tmp_path, report))
    ap001 = only(result, "AP001")
    assert [(f.sub_id, at(f), f.level) for f in ap001] == [(None, (LINE_SECTION3, 1), "error")]
    assert ap001[0].location.logical == "三"
    assert "“三、收到和处理政府信息公开申请情况”中没有" in ap001[0].message_zh
    assert "section 3 (三、收到和处理政府信息公开申请情况) has no applications table" in (
        ap001[0].message_en
    )
    # Rules that need the table say nothing.
    assert not [f for f in result.findings if f.code.startswith("AP") and f.code != "AP001"]


def test_sample_has_its_table(engine: Engine) -> None:
    assert not only(engine.lint_path(SAMPLE_2019), "AP001")


def test_unreadable_table_is_xt002_not_ap001(engine: Engine, tmp_path: Path) -> None:
    # The same IR, but the interpreter said it could not read the table: XT002 covers it.
    report = engine.parse(SAMPLE_2019)
    said = Diagnostic(
        "XT002",
        "第三部分未能识别出政府信息公开申请情况表。",
        "could not recognise the applications table in section 3.",
        report.section(3).anchor,
        args=(("section", "3"),),
    )
    report = replace(report, applications=ABSENT, diagnostics=(*report.diagnostics, said))
    result = engine.lint_path(ir_file(engine, tmp_path, report))
    assert not only(result, "AP001")


def test_flattened_pingtan_is_xt002_not_ap001(engine: Engine) -> None:
    from tests.conftest import PINGTAN

    for path in PINGTAN:
        result = engine.lint_path(path)
        assert "section3" in [f.sub_id for f in only(result, "XT002")], path.name
        assert not only(result, "AP001"), path.name


def test_missing_section3_is_st001_not_ap001(engine: Engine, tmp_path: Path) -> None:
    report = engine.parse(SAMPLE_2019)
    report = no_xt002(
        replace(
            report,
            applications=ABSENT,
            sections=tuple(s for s in report.sections if s.number != 3),
        )
    )
    assert not only(engine.lint_path(ir_file(engine, tmp_path, report)), "AP001")


# --- AP002 missing-row ------------------------------------------------------------------------


def test_deleted_row_gives_ap002_at_the_row_before(engine: Engine, tmp_path: Path) -> None:
    text = without_lines(sample_text(), *LINES_PUBLICATIONS)
    result = lint(engine, tmp_path, text)
    ap002 = only(result, "AP002")
    assert [(f.sub_id, at(f), f.level) for f in ap002] == [
        ("not_processed.publications", (LINE_REPEATED, 2), "error")
    ]
    f = ap002[0]
    assert f.location.logical == "三/not_processed.publications"
    assert f.message_zh.startswith(
        "第三部分表格缺少“（五）3.要求提供公开出版物”行（应在“（五）2.重复申请”行之后）。"
        "本报告适用 2019 年试行格式（国办公开办函〔2019〕60号）"
    )
    assert "(5)3 requests for publications" in f.message_en
    assert f.properties["kind"] == "missing"


def test_complete_tables_give_no_ap002(engine: Engine, tmp_path: Path) -> None:
    assert not only(engine.lint_path(SAMPLE_2019), "AP002")  # 2019 edition, 23 rows
    huaian = engine.lint_path(write(tmp_path, "huaian.docx", huaian_2024_docx()))
    assert len(huaian.report.applications.rows) == 25
    assert not only(huaian, "AP002")  # 2021 edition, 25 rows


def test_collapsed_six_in_2021_report_gives_three_ap002(engine: Engine) -> None:
    result = engine.lint_path(COLLAPSED_SIX)
    assert (result.report.edition.value, result.report.article20.edition) == ("2021", "2021")
    ap002 = only(result, "AP002")
    line = 289  # "（六）其他处理" in the derived excerpt
    assert [(f.sub_id, at(f), f.level) for f in ap002] == [
        ("other_handling.no_correction", (line, 2), "error"),
        ("other_handling.other", (line, 2), "error"),
        ("other_handling.unpaid_fee", (line, 2), "error"),
    ]
    for f in ap002:
        assert (
            "“（六）其他处理”只印了一行（该行总计填写 0），这是 2019 年试行格式的写法"
            in f.message_zh
        )
        assert "the layout of the 2019 trial format" in f.message_en
        assert f.properties["kind"] == "collapsed"
    assert "缺少“（六）3.其他”行" in ap002[1].message_zh


def test_2019_tables_in_2023_report_are_st003_not_ap002(engine: Engine, tmp_path: Path) -> None:
    # The whole report uses the 2019 tables (section 二 too): an edition question for ST003;
    # against the edition it follows, no row is missing.
    text = sample_text().replace(
        "2019年度政府信息公开工作年度报告", "2023年度政府信息公开工作年度报告"
    )
    result = lint(engine, tmp_path, text)
    assert (result.report.edition.value, result.report.article20.edition) == ("2021", "2019")
    assert not only(result, "AP002")


def test_rows_listed_unreadable_by_xt002_are_not_missing(engine: Engine, tmp_path: Path) -> None:
    # One cell of "2.其他法律行政法规禁止公开" deleted: the row cannot be aligned (XT002, partial).
    text = without_lines(sample_text(), LINE_PROHIBITED + 1, LINE_PROHIBITED + 1)
    result = lint(engine, tmp_path, text)
    xt002 = only(result, "XT002")
    assert [(f.sub_id, "2.其他法律行政法规禁止公开" in f.message_zh) for f in xt002] == [
        ("section3", True)
    ]
    assert "withheld.prohibited_by_law" not in result.report.applications.rows
    # The IR says which row could not be read and why, as typed fields (no string channel),
    # and they survive the JSON form.
    from linter.model import Report, UnreadRow

    expected = (UnreadRow("2.其他法律行政法规禁止公开", "withheld.prohibited_by_law", "cells"),)
    assert result.report.applications.unread == expected
    assert Report.from_json(result.report.to_json()).applications.unread == expected
    assert not only(result, "AP002")


def test_a_row_missing_from_a_partly_read_table_is_a_warning(
    engine: Engine, tmp_path: Path
) -> None:
    # （七）总计 dropped whole, as a converter drops a row it cannot place: on a table read
    # in full, that is a missing row (error) ...
    dropped = without_lines(sample_text(), 325, 334)
    (missing,) = only(lint(engine, tmp_path, dropped), "AP002")
    assert (missing.sub_id, missing.level) == ("outcome_total", "error")
    # ... but when the interpreter itself read the table only in part (a cell of （三）2 lost
    # too: XT002, partial, which lists that row), the row may have been lost with the ones
    # the conversion broke: a warning that says why, not a claim that it is missing.
    text = without_lines(dropped, LINE_PROHIBITED + 1, LINE_PROHIBITED + 1)
    result = lint(engine, tmp_path, text)
    assert [f.sub_id for f in only(result, "XT002")] == ["section3"]
    (found,) = only(result, "AP002")
    assert (found.sub_id, found.level) == ("outcome_total", "warning")
    assert "该表只能部分识别（见 XT002）" in found.message_zh
    assert "only partly read (see XT002)" in found.message_en


def test_rows_beyond_the_five_named_in_xt002_are_still_unreadable(
    engine: Engine, tmp_path: Path
) -> None:
    # Six rows of （三） lose a cell; the XT002 message names five and says “等”, but its
    # ``rows`` argument lists all six, so none of them is claimed missing.
    text = sample_text()
    for line in (208, 197, 186, 175, 164, 153):
        text = without_lines(text, line, line)
    result = lint(engine, tmp_path, text)
    (xt002,) = only(result, "XT002")
    assert "等行的单元格数与表头不符" in xt002.message_zh
    diagnostic = next(d for d in result.report.diagnostics if d.code == "XT002")
    assert dict(diagnostic.args)["rows"].split("\n") == [
        "2.其他法律行政法规禁止公开",
        "3.危及“三安全一稳定”",
        "4.保护第三方合法权益",
        "5.属于三类内部事务信息",
        "6.属于四类过程性信息",
        "7.属于行政执法案卷",
    ]
    assert not only(result, "AP002")


def test_shanghai_2025_rows_broken_by_conversion_are_warned(engine: Engine) -> None:
    # The converter separated four labels of table 三 from their figures. （二）'s label,
    # wrapped over the two lines right before its figures, is joined back to them; the other
    # three are printed far from any figures, so AP002 asks to check the original instead
    # of claiming a gap.
    result = engine.lint_path(SHANGHAI_2025_MD)
    partly = result.report.applications.rows["partially_granted"]
    assert partly.label == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    assert (partly.anchor.line, partly.cells["total"].value) == (120, 2)
    ap002 = only(result, "AP002")
    assert [(f.sub_id, at(f), f.level) for f in ap002] == [
        ("not_processed.confirmation", (142, 1), "warning"),
        ("other_handling.no_correction", (144, 1), "warning"),
        ("other_handling.unpaid_fee", (160, 1), "warning"),
    ]
    assert {f.properties["kind"] for f in ap002} == {"unreadable"}
    assert (
        "该行标签印在第 142 行（“5.要求行政机关确认或重新出具”），但没有能与之对应的一行数字"
        in ap002[0].message_zh
    )
    assert "check it in the original" in ap002[0].message_en


# --- AP003 missing-column ---------------------------------------------------------------------


def test_renamed_column_gives_ap003_warning(engine: Engine, tmp_path: Path) -> None:
    # 淮安 2024 in the official template, with the header 法律服务机构 (grid column 7 of
    # table 三's third header row) replaced by a label the format does not have: the other
    # six labels agree with the format's order, so the figures under it are read as the
    # column's, and AP003 says only that its label differs.
    values = {**HUAIAN_2024_VALUES, (1, 2, 7): "律师事务所"}
    result = engine.lint_path(write(tmp_path, "huaian.docx", huaian_2024_docx(values=values)))
    ap003 = only(result, "AP003")
    assert [(f.sub_id, f.location.anchor.line, f.level) for f in ap003] == [
        ("legal_services", 82, "warning")
    ]
    assert ap003[0].location.logical == "三/*/legal_services"
    assert ap003[0].message_zh.startswith(
        "第三部分表头中没有“法律服务机构”列的标签：该列印成了格式中没有的名称，"
    )
    assert "legal service providers" in ap003[0].message_en
    new = result.report.applications.rows["new_received"]
    assert new.cells["legal_services"].value == 61


def test_dropped_column_gives_ap003(engine: Engine, tmp_path: Path) -> None:
    # 平潭 2023 with the 法律服务机构 column taken out of section 三 (its header and the
    # third cell from the end of every row of figures): six figures a row.
    page = lxml.html.fromstring((FIXTURES / "html" / "2023_zone-pingtan_gov.html").read_bytes())
    table = page.xpath("//table")[1]
    for td in table.xpath(".//td"):
        if td.text_content().strip() == "法律服务机构":
            td.drop_tree()
        elif td.text_content().strip() == "法人或其他组织":
            td.set("colspan", str(int(td.get("colspan")) - 1))
    for tr in table.xpath(".//tr"):
        cells = tr.xpath("./td")
        if sum(c.text_content().strip().isdigit() for c in cells) >= 7:
            cells[-3].drop_tree()
    result = engine.lint_path(write(tmp_path, "page.html", lxml.html.tostring(page)))
    ap003 = only(result, "AP003")
    assert [(f.sub_id, f.level) for f in ap003] == [("legal_services", "error")]
    assert ap003[0].message_zh.startswith(
        "第三部分表格缺少“法律服务机构”列：表头中没有该列，各行也没有该列的数字。"
    )
    # The identities that need the column cannot be decided: no invented AP103.
    assert not only(result, "AP103")


def test_all_columns_give_no_ap003(engine: Engine, tmp_path: Path) -> None:
    assert not only(engine.lint_path(SAMPLE_2019), "AP003")
    assert not only(engine.lint_path(write(tmp_path, "h.docx", huaian_2024_docx())), "AP003")
    # Shanghai 2025: no header was recognised, but every row has all seven figures.
    shanghai = engine.lint_path(SHANGHAI_2025_MD)
    assert shanghai.report.applications.columns == {}
    assert not only(shanghai, "AP003")


# --- AP004 altered-label ----------------------------------------------------------------------


def test_hongze_typo_gives_ap004(engine: Engine, tmp_path: Path) -> None:
    # 淮安市洪泽区 2023/2024 print "2.其他法律行政止公开" (法规禁 missing).
    text = sample_text().replace("2.其他法律行政法规禁止公开", "2.其他法律行政止公开")
    ap004 = only(lint(engine, tmp_path, text), "AP004")
    assert [(f.sub_id, at(f), f.level) for f in ap004] == [
        ("withheld.prohibited_by_law", (LINE_PROHIBITED, 2), "warning")
    ]
    assert ap004[0].message_zh.startswith(
        "第三部分行标签“2.其他法律行政止公开”与格式用语不符，格式的标签为“（三）2.其他法律行政法规禁止公开”"
    )
    assert '"2.其他法律行政止公开" differs' in ap004[0].message_en


def test_numbering_and_punctuation_variants_are_not_ap004(engine: Engine, tmp_path: Path) -> None:
    text = (
        sample_text()
        .replace("1.属于国家秘密", "1、属于国家秘密")
        .replace("（一）予以公开", "(一)予以公开")
        .replace("3.危及“三安全一稳定”", '3.危及"三安全一稳定"')
        .replace("区分处理的，只计这一情形，不计其他情形", "区分处理的、只计这一情形、不计其他情形")
    )
    result = lint(engine, tmp_path, text)
    rows = result.report.applications.rows
    assert rows["partially_granted"].label_match == "variant"
    assert rows["withheld.state_secret"].label == "1、属于国家秘密"
    assert not only(result, "AP004")
    assert not only(engine.lint_path(SAMPLE_2019), "AP004")


# --- AP005 blank-cell -------------------------------------------------------------------------


def test_sample_blank_applicant_cells_give_one_ap005_for_the_table(engine: Engine) -> None:
    # One fact ("the applicant columns of 三 were left blank"), one finding: it replaced the
    # 23 per-row AP005 lines the sample used to print.
    (ap005,) = only(engine.lint_path(SAMPLE_2019), "AP005")
    assert ap005.level == "warning" and ap005.sub_id is None
    assert at(ap005) == (LINE_NEW_RECEIVED + 1, 3)  # a blank cell points past its TAB and NBSP
    assert ap005.location.logical == "三"
    # Every blank cell is a related location, row by row: 23 rows × 6 applicant columns.
    assert len(ap005.related) == 23 * 6
    assert [r.anchor.line for r in ap005.related[:6]] == list(range(102, 108))
    assert ap005.related[0].logical == "三/new_received/natural_person"
    assert {r.logical.split("/")[1] for r in ap005.related} == set(SAMPLE_ROWS)
    assert ap005.message_zh.startswith(
        "第三部分表格有 138 个单元格没有填数字：一、二、（一）、（二）、（三）1–8、（四）1–3、"
        "（五）1–5、（六）、（七）、四 各行的自然人、商业企业、科研机构、社会公益组织、"
        "法律服务机构、其他（6 列）。"
    )
    assert "rows I, II, (1), (2), (3)1–8, (4)1–3, (5)1–5, (6), (7), IV:" in ap005.message_en
    assert "空白或占位符不等于 0" in ap005.message_zh
    assert "A blank or a placeholder is not 0" in ap005.message_en
    # Never a claim that the format requires 0.
    assert "format requires" not in ap005.message_en and "格式要求" not in ap005.message_zh


def test_placeholder_is_named_as_printed(engine: Engine, tmp_path: Path) -> None:
    text = sample_text()
    # Fill every blank cell with 0, then put one placeholder back.
    for line in _blank_cell_lines(engine):
        text = replace_line(text, line, "\t0")
    text = replace_line(text, LINE_GRANTED + 3, "\t-")  # （一）予以公开 / 科研机构
    (ap005,) = only(lint(engine, tmp_path, text), "AP005")
    assert at(ap005) == (LINE_GRANTED + 3, 2)
    assert "有 1 个单元格没有填数字：“（一）予以公开”行的科研机构（“-”）。" in ap005.message_zh
    assert [r.logical for r in ap005.related] == ["三/granted/research"]


def _blank_cell_lines(engine: Engine) -> list[int]:
    table = engine.parse(SAMPLE_2019).applications
    return [c.anchor.line for r in table.rows.values() for c in r.cells.values() if c.is_empty]


def test_placeholders_are_counted_among_blanks(engine: Engine, tmp_path: Path) -> None:
    text = replace_line(sample_text(), LINE_GRANTED + 3, "\t-")
    text = replace_line(text, LINE_GRANTED + 4, "\t/")
    (ap005,) = only(lint(engine, tmp_path, text), "AP005")
    assert "（其中 2 格填的是占位符“-”“/”）" in ap005.message_zh
    assert '(2 of them hold a placeholder: "-", "/")' in ap005.message_en


def test_blank_cells_ignored_by_configuration(plugins, tmp_path: Path) -> None:
    engine = Engine(plugins=plugins, root=tmp_path, context=RuleContext(blank_cells="ignore"))
    assert not only(engine.lint_path(SAMPLE_2019), "AP005")


def test_filled_table_gives_no_ap005(engine: Engine, tmp_path: Path) -> None:
    assert not only(engine.lint_path(write(tmp_path, "h.docx", huaian_2024_docx())), "AP005")
    assert not only(engine.lint_path(SHANGHAI_2025_MD), "AP005")


# --- AP006 invalid-number ---------------------------------------------------------------------


def test_text_negative_fraction_and_unit_give_ap006(engine: Engine, tmp_path: Path) -> None:
    text = sample_text()
    text = replace_line(text, LINE_GRANTED + 1, "\t约3")  # （一）予以公开 / 自然人
    text = replace_line(text, LINE_GRANTED + 2, "\t2.5")  # （一）予以公开 / 商业企业
    text = replace_line(text, LINE_NEW_RECEIVED + 1, "\t3件")  # 一、本年新收 / 自然人
    text = replace_line(text, LINE_CARRIED_FORWARD_TOTAL, "\t-1")  # 四、结转下年度 / 总计
    result = lint(engine, tmp_path, text)
    ap006 = only(result, "AP006")
    assert [(f.sub_id, at(f), f.reported) for f in ap006] == [
        ("new_received/natural_person", (LINE_NEW_RECEIVED + 1, 2), 3),
        ("granted/natural_person", (LINE_GRANTED + 1, 2), None),
        ("granted/commercial", (LINE_GRANTED + 2, 2), 2.5),
        ("carried_forward/total", (LINE_CARRIED_FORWARD_TOTAL, 2), -1),
    ]
    # A count with a unit is a valid count, the unit a departure: a warning.
    assert {f.sub_id: f.level for f in ap006} == {
        "new_received/natural_person": "warning",
        "granted/natural_person": "error",
        "granted/commercial": "error",
        "carried_forward/total": "error",
    }
    by_sub = {f.sub_id: f for f in ap006}
    assert by_sub["granted/natural_person"].message_zh.startswith(
        "第三部分“（一）予以公开”行“自然人”列填写“约3”，不是数字。"
    )
    assert "勾稽关系无法核对" in by_sub["granted/natural_person"].message_zh
    assert "是小数" in by_sub["granted/commercial"].message_zh
    assert "带有单位“件”" in by_sub["new_received/natural_person"].message_zh
    assert "是负数" in by_sub["carried_forward/total"].message_zh
    assert "is negative" in by_sub["carried_forward/total"].message_en
    assert by_sub["granted/natural_person"].location.logical == "三/granted/natural_person"


def test_counts_give_no_ap006(engine: Engine, tmp_path: Path) -> None:
    assert not only(engine.lint_path(SAMPLE_2019), "AP006")
    assert not only(engine.lint_path(SHANGHAI_2025_MD), "AP006")
    assert not only(engine.lint_path(write(tmp_path, "h.docx", huaian_2024_docx())), "AP006")


# --- AP007 blank-total ------------------------------------------------------------------------

SHANGHAI_2019_HTML = TEXT.parent / "html" / "2019_prov-shanghai-govoffice.html"


def test_shanghai_2019_blank_totals_give_ap007_per_row(engine: Engine) -> None:
    # 上海市人民政府办公厅 2019 leaves 总计 blank in every outcome row; each row with entries
    # is one error with the total it should have, and AP005 does not repeat those cells.
    result = engine.lint_path(SHANGHAI_2019_HTML)
    ap007 = only(result, "AP007")
    assert [(f.sub_id, f.expected, f.level) for f in ap007] == [
        ("granted", 272, "error"),
        ("partially_granted", 3, "error"),
        ("withheld.state_secret", 14, "error"),
        ("withheld.internal_affairs", 5, "error"),
        ("withheld.process_information", 4, "error"),
        ("withheld.query_matters", 12, "error"),
        ("unavailable.not_held", 265, "error"),
        ("unavailable.needs_creation", 47, "error"),
        ("unavailable.still_unclear", 25, "error"),
        ("not_processed.petition", 149, "error"),
        ("not_processed.repeated", 9, "error"),
    ]
    granted = ap007[0]
    assert granted.location.logical == "三/granted/total"
    assert granted.message_zh.startswith(
        "第三部分“（一）予以公开”行填了件数（自然人 258、商业企业 12、法律服务机构 1、其他 1，"
        "合计 272），但总计列空白，总计没有填写；"
    )
    assert [r.logical for r in granted.related] == [
        "三/granted/natural_person",
        "三/granted/commercial",
        "三/granted/legal_services",
        "三/granted/other",
    ]
    (ap005,) = only(result, "AP005")
    reported_by_ap007 = {f.location.logical for f in ap007}
    assert not reported_by_ap007 & {r.logical for r in ap005.related}
    # Rows without entries keep their blank total in AP005 (（三）2 has nothing at all).
    assert "三/withheld.prohibited_by_law/total" in {r.logical for r in ap005.related}
    assert not [f for f in result.findings if f.code in ("AP101", "AP102", "AP103")]


def test_blank_totals_are_worked_out_once_per_table(engine: Engine) -> None:
    # AP005, AP007, AP101 and AP102 all ask which totals are blank in rows with entries:
    # the same answer, found once for the table; each caller may change its own copy.
    from rules.applications.common import blank_totals

    table = engine.parse(SHANGHAI_2019_HTML).applications
    first, again = blank_totals(table), blank_totals(table)
    assert first == again and len(first) == 11 and first is not again
    assert all(first[k] is again[k] for k in first)
    first.clear()
    assert blank_totals(table) == again


def test_blank_total_is_not_also_an_identity_error(engine: Engine, tmp_path: Path) -> None:
    text = replace_line(sample_text(), LINE_NEW_RECEIVED + 1, "\t5")  # 一 / 自然人 5
    text = replace_line(text, LINE_NEW_RECEIVED + 7, "\t")  # 一 / 总计 blank
    text = replace_line(text, LINE_GRANTED + 1, "\t5")
    text = replace_line(text, LINE_GRANTED + 7, "\t5")
    text = replace_line(text, 333, "\t5")  # （七）总计 / 总计
    result = lint(engine, tmp_path, text)
    (ap007,) = only(result, "AP007")
    assert (ap007.sub_id, ap007.expected, at(ap007)) == (
        "new_received",
        5,
        (LINE_NEW_RECEIVED + 7, 2),
    )
    # Counted as 0, the blank would unbalance the total column (0 + 0 ≠ 5 + 0): AP007 says it
    # once, as the cause, instead of AP101 blaming the figures that are right.
    assert not [f for f in result.findings if f.code in ("AP101", "AP102", "AP103")]
    # The same table with the total filled in balances and gives no AP007.
    filled = replace_line(text, LINE_NEW_RECEIVED + 7, "\t5")
    result = lint(engine, tmp_path, filled, "filled.txt")
    assert not [f for f in result.findings if f.code in ("AP007", "AP101", "AP102", "AP103")]


def test_no_ap007_where_totals_are_filled_or_rows_empty(engine: Engine, tmp_path: Path) -> None:
    assert not only(engine.lint_path(SAMPLE_2019), "AP007")  # applicants blank, totals 0
    assert not only(engine.lint_path(SHANGHAI_2025_MD), "AP007")
    assert not only(engine.lint_path(write(tmp_path, "h.docx", huaian_2024_docx())), "AP007")


# --- XT002 says which rows were read and used ------------------------------------------------


def test_partial_xt002_names_unread_rows_and_every_used_row_is_checked(
    engine: Engine, tmp_path: Path
) -> None:
    # One cell of （三）2 deleted: that row is not read; the other 22 are, and are used.
    text = without_lines(sample_text(), LINE_PROHIBITED + 1, LINE_PROHIBITED + 1)
    result = lint(engine, tmp_path, text)
    (xt002,) = only(result, "XT002")
    assert "“2.其他法律行政法规禁止公开”行的单元格数与表头不符" in xt002.message_zh
    assert (
        "该行的数值未被使用；其余 22 行（一、二、（一）、（二）、（三）1、（三）3–8、（四）1–3、"
        "（五）1–5、（六）、（七）、四）已读出，其数值用于各项检查"
    ) in xt002.message_zh
    assert "this row was not used; the other 22 rows (I, II, (1), (2), (3)1, (3)3–8" in (
        xt002.message_en
    )
    used = result.report.applications.rows
    assert len(used) == 22 and "withheld.prohibited_by_law" not in used
    # Each row said to be used is used: 7 written into its blank 自然人 cell, AP103 finds the
    # row's printed total (0) wrong and points at that row.
    base = {(f.code, f.sub_id) for f in result.findings}
    for row_id, row in used.items():
        line = row.cells["natural_person"].anchor.line
        changed = replace_line(text, line, "\t7")
        found = lint(engine, tmp_path, changed, f"{row_id}.txt").findings
        moved = [f for f in found if (f.code, f.sub_id) not in base]
        assert [(f.code, f.sub_id, f.expected) for f in moved if f.code == "AP103"] == [
            ("AP103", row_id, 7)
        ], row_id


def test_a_row_read_once_is_not_called_unread_for_a_broken_repeat(
    engine: Engine, tmp_path: Path
) -> None:
    # A page-break repeat of （一）予以公开 with a cell lost: the row was read from its first
    # printing and its values are used, so XT002 must not say they were not.
    wrapped = (TEXT.parent / "forms" / "ap_2025_shanghai-govoffice_wrapped-labels.md").read_text(
        encoding="utf-8"
    )
    lines = wrapped.split("\n")
    at = next(i for i, x in enumerate(lines) if x.startswith("| （一）予以公开"))
    lines.insert(at + 1, "| （一）予以公开 | 201 | 5 | 0 | 0 | 206 |")
    result = lint(engine, tmp_path, "\n".join(lines), "repeat.md")
    assert not [f for f in only(result, "XT002") if "第三部分" in f.message_zh]
    assert result.report.applications.rows["granted"].cells["total"].value == 206
    # Changing the total of that row moves a finding onto it: its values are used.
    lines[at] = lines[at].replace("| 206 |", "| 207 |")
    changed = lint(engine, tmp_path, "\n".join(lines), "repeat2.md")
    assert ("AP103", "granted") in {(f.code, f.sub_id) for f in changed.findings}


def test_related_cells_are_made_when_an_output_reads_them(engine: Engine, tmp_path: Path) -> None:
    """An identity relates every cell it adds up (AP102: a column of outcome rows), yet
    SARIF lists them only with --sarif-related-locations: they are made when an output
    reads them, and then are what they were — read, compared and pickled as a tuple."""
    import pickle

    from linter.finding import Related

    text = replace_line(sample_text(), LINE_NEW_RECEIVED + 1, "\t5")  # 一 / 自然人 5 ≠ 总计
    (finding,) = only(lint(engine, tmp_path, text), "AP103")
    related = finding.related
    assert type(related) is Related and related._made is None
    assert len(related) == 6 and related and related._made is None  # counted, not made
    assert [r.logical for r in related][:2] == [
        "三/new_received/natural_person",
        "三/new_received/commercial",
    ]
    assert related[0].anchor.line == LINE_NEW_RECEIVED + 1
    made = tuple(related)
    assert related == made and made == related and finding == replace(finding, related=made)
    back = pickle.loads(pickle.dumps(finding))
    assert back == finding and type(back.related) is tuple


def test_labels_of_a_table_read_in_page_order_are_printed_not_missing(
    engine: Engine, tmp_path: Path
) -> None:
    """pdftotext without -layout reads a PDF's table in the page's order: a row's label
    wrapped with its first figure after the first piece (“5.要求行政机关确认或 0”), the
    pieces of a merged group cell before the lines of its rows (“（五）不 4.无正当理由大量
    反复”, “他处理 2.申请人逾期未按收费”), the other columns' figures after the table. The
    labels were not taken for the rows' (figures and group pieces around them): AP002
    'row missing' errors (22 here) on czj 2025 printed by Chromium (all 21 of its pdftotext
    extractions in bench/probe_extracts.py). A label so printed is printed: a warning to
    check; a row printed nowhere is still missing. So too with each row's first figure
    set against its label (“1.属于国家秘密0 0 0 …”: pdftotext -raw, 13 extractions)."""
    from tests import table_layouts

    page = table_layouts.HTML / "2025_zonedept-pingtan-czj.html"
    root = table_layouts.parse(page)
    text = tmp_path / "czj.txt"
    text.write_text(table_layouts.to_reading_order(root), encoding="utf-8")
    found = [f for f in engine.lint_path(text).findings if f.code == "AP002"]
    assert len(found) == 22 and all(f.level == "warning" for f in found)
    # pdftotext -raw sets the first figure against the label: “1.属于国家秘密0 0 0 …”
    text.write_text(table_layouts.to_reading_order(root, glued=True), encoding="utf-8")
    assert "1.属于国家秘密0" in text.read_text(encoding="utf-8")
    found = [f for f in engine.lint_path(text).findings if f.code == "AP002"]
    assert len(found) == 22 and all(f.level == "warning" for f in found)
    table = table_layouts.table_of(root, "三")
    row = next(tr for tr in table.iter("tr") if "重复申请" in tr.text_content())
    row.getparent().remove(row)
    text.write_text(table_layouts.to_reading_order(root), encoding="utf-8")
    errors = [f for f in engine.lint_path(text).findings if f.level == "error"]
    assert [(f.code, f.sub_id) for f in errors] == [("AP002", "not_processed.repeated")]


def test_two_columns_figures_run_together_are_not_one_number(
    engine: Engine, tmp_path: Path
) -> None:
    """markitdown on a PDF table without borders ran two columns' cells together: “821 35”
    (自然人 821, 商业企业 35) in one cell, the next left empty. The spaces were dropped and
    the cell read as 82135: AP103 'the row's sum is wrong', errors (7 markitdown extractions
    of bench/probe_extracts.py). Figures set apart otherwise than in thousands may be one
    number or two: not read as a number (AP006 says so, a warning). 上海 2019's page as
    markdown with the figures of section 三's rows so run together (fails before)."""
    from tests import table_layouts

    root = table_layouts.parse(table_layouts.HTML / "2019_prov-shanghai-govoffice.html")
    table = table_layouts.table_of(root, "三")
    for tr in table.iter("tr"):
        cells = tr.xpath("./td")
        figures = [td for td in cells if re.fullmatch(r"\d+", td.text_content().strip())]
        if len(figures) >= 2 and figures[0].getnext() is figures[1]:
            first, second = figures[0], figures[1]
            table_layouts.set_text(
                first, f"{first.text_content().strip()} {second.text_content().strip()}"
            )
            table_layouts.set_text(second, "")
    text = tmp_path / "shanghai.md"
    text.write_text(table_layouts.to_markdown(root), encoding="utf-8")
    assert "| 821 35 |" in text.read_text(encoding="utf-8")
    found = engine.lint_path(text).findings
    assert not [f for f in found if f.code == "AP103" and f.level == "error"]
    assert any(f.code == "AP006" and f.level == "warning" for f in found)
