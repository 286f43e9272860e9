"""RL001–RL005 (section 四 table shape and cells) on real reports and edited copies of them.

Fixtures: the 2019 sample (``2019_city-bureau-gongxin_tika.txt``), whose section-四 cells are
blank except 行政复议/总计 and 复议后起诉/总计 (0); 上海市人民政府办公厅 2025 (markdown, every
cell filled); 淮安市人民政府 2024 in the official 2021 DOCX template (real numbers); and
intermediate-form JSON made from the sample's own IR, as an OCR/PDF pipeline would hand it over.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from linter.document import Diagnostic
from linter.engine import Engine
from linter.model import ABSENT
from linter.rule import RuleContext
from tests.conftest import PINGTAN, SAMPLE_2019, SHANGHAI_2025_MD, replace_line, sample_text, write
from tests.docx_fixtures import huaian_2024_docx

# Lines of the 2019 sample.
LINE_SECTION4 = 346
LINE_CASES = 374  # the data row: 行政复议 374–378, 直接起诉 379–383, 复议后起诉 384–388
LINE_REVIEW_UPHELD = 374
LINE_DIRECT_UPHELD = 379
LINE_AFTER_UPHELD = 384


def lint(engine: Engine, tmp_path: Path, text: str, name: str = "report.txt"):
    return engine.lint_path(write(tmp_path, name, text))


def only(result, code: str) -> list:
    return [f for f in result.findings if f.code == code]


def at(finding) -> tuple[int | None, int | None]:
    return finding.location.anchor.line, finding.location.anchor.column


def ir_file(tmp_path: Path, report, name: str = "report.json") -> Path:
    return write(tmp_path, name, json.dumps(report.to_json(), ensure_ascii=False))


def huaian(engine: Engine, tmp_path: Path):
    return engine.lint_path(write(tmp_path, "huaian.docx", huaian_2024_docx()))


# --- RL001 missing-table ----------------------------------------------------------------------


def test_section4_without_table_gives_rl001(engine: Engine, tmp_path: Path) -> None:
    report = replace(engine.parse(SAMPLE_2019), review_litigation=ABSENT)
    assert not [d for d in report.diagnostics if d.code == "XT002"]
    result = engine.lint_path(ir_file(tmp_path, report))
    rl001 = only(result, "RL001")
    assert [(f.sub_id, at(f), f.level) for f in rl001] == [(None, (LINE_SECTION4, 1), "error")]
    assert rl001[0].location.logical == "四"
    assert rl001[0].message_zh.startswith(
        "第四部分“四、政府信息公开行政复议、行政诉讼情况”中没有行政复议、行政诉讼情况表。"
    )
    assert "has no review and litigation table" in rl001[0].message_en
    assert not [f for f in result.findings if f.code.startswith("RL") and f.code != "RL001"]


def test_tables_present_give_no_rl001(engine: Engine, tmp_path: Path) -> None:
    assert not only(engine.lint_path(SAMPLE_2019), "RL001")
    assert not only(engine.lint_path(SHANGHAI_2025_MD), "RL001")
    assert not only(huaian(engine, tmp_path), "RL001")


def test_unreadable_table_is_xt002_not_rl001(engine: Engine, tmp_path: Path) -> None:
    report = engine.parse(SAMPLE_2019)
    said = Diagnostic(
        "XT002",
        "第四部分未能识别出行政复议、行政诉讼情况表。",
        "could not recognise the review and litigation table in section 4.",
        report.section(4).anchor,
        args=(("section", "4"),),
    )
    report = replace(report, review_litigation=ABSENT, diagnostics=(said,))
    assert not only(engine.lint_path(ir_file(tmp_path, report)), "RL001")
    for path in PINGTAN:  # flattened pages: XT002 for section 四, no RL001
        result = engine.lint_path(path)
        assert "section4" in [f.sub_id for f in only(result, "XT002")], path.name
        assert not only(result, "RL001"), path.name


# --- RL002 missing-column ---------------------------------------------------------------------


def test_missing_leaf_columns_give_rl002(engine: Engine, tmp_path: Path) -> None:
    # The sample's IR with two columns of 未经复议直接起诉 gone (尚未审结, 总计).
    report = engine.parse(SAMPLE_2019)
    table = report.review_litigation
    cases = table.rows["cases"]
    cells = {
        k: c
        for k, c in cases.cells.items()
        if k not in ("litigation_direct.pending", "litigation_direct.total")
    }
    table = replace(table, rows={"cases": replace(cases, cells=cells)})
    result = engine.lint_path(ir_file(tmp_path, replace(report, review_litigation=table)))
    rl002 = only(result, "RL002")
    assert [(f.sub_id, at(f), f.level) for f in rl002] == [
        ("litigation_direct.pending", (LINE_CASES, 2), "error"),
        ("litigation_direct.total", (LINE_CASES, 2), "error"),
    ]
    assert rl002[0].location.logical == "四/litigation_direct/pending"
    assert rl002[0].message_zh.startswith(
        "第四部分表格缺少“行政诉讼/未经复议直接起诉/尚未审结”列。"
    )
    assert "'litigation without prior review / pending'" in rl002[0].message_en
    # RL101 cannot decide that group without its total: no invented finding.
    assert "litigation_direct" not in [f.sub_id for f in only(result, "RL101")]


def test_all_fifteen_columns_give_no_rl002(engine: Engine, tmp_path: Path) -> None:
    assert not only(engine.lint_path(SAMPLE_2019), "RL002")
    assert not only(engine.lint_path(SHANGHAI_2025_MD), "RL002")
    assert not only(huaian(engine, tmp_path), "RL002")


# --- RL003 blank-cell -------------------------------------------------------------------------


def test_sample_blank_cells_give_one_rl003_for_the_table(engine: Engine) -> None:
    # One finding for the table (it replaced one per group: 3 lines for one fact).
    (rl003,) = only(engine.lint_path(SAMPLE_2019), "RL003")
    assert (rl003.sub_id, at(rl003), rl003.level, len(rl003.related)) == (
        None,
        (LINE_REVIEW_UPHELD, 2),
        "warning",
        13,
    )
    assert rl003.location.logical == "四"
    assert rl003.message_zh.startswith(
        "第四部分表格有 13 个单元格没有填数字：行政复议：结果维持、结果纠正、其他结果、尚未审结；"
        "行政诉讼/未经复议直接起诉：结果维持、结果纠正、其他结果、尚未审结、总计；"
        "行政诉讼/复议后起诉：结果维持、结果纠正、其他结果、尚未审结。"
    )
    assert "空白或占位符不等于 0" in rl003.message_zh
    assert "A blank or a placeholder is not 0" in rl003.message_en
    assert [r.anchor.line for r in rl003.related][4:9] == list(range(379, 384))
    assert rl003.related[8].logical == "四/litigation_direct/total"
    # 未经复议直接起诉 has a blank 总计 but no cases: a blank (RL003), not RL005.
    assert not only(engine.lint_path(SAMPLE_2019), "RL005")


def test_placeholder_in_section4_is_named(engine: Engine, tmp_path: Path) -> None:
    text = sample_text()
    for line in range(LINE_CASES, LINE_CASES + 15):
        text = replace_line(text, line, "\t0")
    text = replace_line(text, LINE_AFTER_UPHELD + 3, "\t/")  # 复议后起诉/尚未审结
    rl003 = only(lint(engine, tmp_path, text), "RL003")
    assert [(f.sub_id, at(f)) for f in rl003] == [(None, (LINE_AFTER_UPHELD + 3, 2))]
    assert "有 1 个单元格没有填数字：行政诉讼/复议后起诉：尚未审结（“/”）。" in rl003[0].message_zh


# --- RL005 blank-total ------------------------------------------------------------------------


def test_group_with_cases_and_blank_total_gives_rl005(engine: Engine, tmp_path: Path) -> None:
    text = replace_line(sample_text(), LINE_DIRECT_UPHELD, "\t2")  # 未经复议直接起诉 / 结果维持
    text = replace_line(text, LINE_DIRECT_UPHELD + 3, "\t1")  # / 尚未审结; 总计 stays blank
    result = lint(engine, tmp_path, text)
    (rl005,) = only(result, "RL005")
    assert (rl005.sub_id, rl005.level, rl005.expected, at(rl005)) == (
        "litigation_direct",
        "error",
        3,
        (LINE_DIRECT_UPHELD + 4, 2),
    )
    assert rl005.location.logical == "四/litigation_direct/total"
    assert rl005.message_zh.startswith(
        "第四部分“行政诉讼/未经复议直接起诉”填了案件数（结果维持 2、尚未审结 1），但总计空白，总计没有填写；"
    )
    assert [r.logical for r in rl005.related] == [
        "四/litigation_direct/upheld",
        "四/litigation_direct/pending",
    ]
    # Not repeated as a blank cell, nor as a wrong group total.
    (rl003,) = only(result, "RL003")
    assert "四/litigation_direct/total" not in {r.logical for r in rl003.related}
    assert not only(result, "RL101")


def test_filled_totals_give_no_rl005(engine: Engine, tmp_path: Path) -> None:
    assert not only(engine.lint_path(SHANGHAI_2025_MD), "RL005")
    assert not only(huaian(engine, tmp_path), "RL005")


def test_blank_cells_ignored_by_configuration(plugins, tmp_path: Path) -> None:
    engine = Engine(plugins=plugins, root=tmp_path, context=RuleContext(blank_cells="ignore"))
    assert not only(engine.lint_path(SAMPLE_2019), "RL003")


def test_filled_table_gives_no_rl003(engine: Engine, tmp_path: Path) -> None:
    assert not only(engine.lint_path(SHANGHAI_2025_MD), "RL003")
    assert not only(huaian(engine, tmp_path), "RL003")


# --- RL004 invalid-number ---------------------------------------------------------------------


def test_negative_fraction_and_unit_give_rl004(engine: Engine, tmp_path: Path) -> None:
    text = sample_text()
    text = replace_line(text, LINE_REVIEW_UPHELD + 1, "\t1.5")
    text = replace_line(text, LINE_DIRECT_UPHELD, "\t2件")
    text = replace_line(text, LINE_AFTER_UPHELD + 3, "\t-1")
    rl004 = only(lint(engine, tmp_path, text), "RL004")
    assert [(f.sub_id, at(f), f.reported, f.level) for f in rl004] == [
        ("review.corrected", (LINE_REVIEW_UPHELD + 1, 2), 1.5, "error"),
        # A count with a unit is a valid count, the unit a departure: a warning.
        ("litigation_direct.upheld", (LINE_DIRECT_UPHELD, 2), 2, "warning"),
        ("litigation_after_review.pending", (LINE_AFTER_UPHELD + 3, 2), -1, "error"),
    ]
    by_sub = {f.sub_id: f for f in rl004}
    assert by_sub["review.corrected"].message_zh.startswith(
        "第四部分“行政复议/结果纠正”填写“1.5”，是小数，件数只能是整数。"
    )
    assert "带有单位“件”" in by_sub["litigation_direct.upheld"].message_zh
    assert "是负数" in by_sub["litigation_after_review.pending"].message_zh
    assert "is negative" in by_sub["litigation_after_review.pending"].message_en
    assert by_sub["review.corrected"].location.logical == "四/review/corrected"
    # Numbers, however wrong, keep the group total decidable: no "cannot be checked".
    assert "无法核对" not in by_sub["review.corrected"].message_zh


def test_text_cell_gives_rl004(engine: Engine, tmp_path: Path) -> None:
    # The text reader does not recognise a section-四 row holding words (it reports XT002),
    # so the case comes as an IR from elsewhere: the sample's, with 行政复议/结果维持 "约2".
    report = engine.parse(SAMPLE_2019)
    table = report.review_litigation
    cases = table.rows["cases"]
    upheld = replace(cases.cells["review.upheld"], text="约2", value=None, state="text")
    cells = {**cases.cells, "review.upheld": upheld}
    table = replace(table, rows={"cases": replace(cases, cells=cells)})
    result = engine.lint_path(ir_file(tmp_path, replace(report, review_litigation=table)))
    rl004 = only(result, "RL004")
    assert [(f.sub_id, at(f), f.reported) for f in rl004] == [
        ("review.upheld", (LINE_REVIEW_UPHELD, 2), None)
    ]
    assert rl004[0].message_zh.startswith("第四部分“行政复议/结果维持”填写“约2”，不是数字。")
    assert "在更正之前，该组总计无法核对" in rl004[0].message_zh
    assert "the group's total cannot be checked" in rl004[0].message_en
    assert not only(result, "RL101")  # undecidable, not guessed


def test_case_counts_give_no_rl004(engine: Engine, tmp_path: Path) -> None:
    assert not only(engine.lint_path(SAMPLE_2019), "RL004")
    assert not only(engine.lint_path(SHANGHAI_2025_MD), "RL004")
    assert not only(huaian(engine, tmp_path), "RL004")
