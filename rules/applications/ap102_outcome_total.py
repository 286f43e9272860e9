"""AP102: （七）总计 = the sum of every handling outcome, per column."""

from __future__ import annotations

from collections.abc import Iterator

from linter import arith, editions
from linter.finding import Finding
from linter.labels import APPLICATION_COLUMNS
from linter.model import Report, Table
from linter.rule import Rule, RuleContext
from rules.applications.common import blank_totals, column_names, location, locations, term


class OutcomeTotal(Rule):
    """检查内容：第三部分每一列的“（七）总计”应等于（一）予以公开、（二）部分公开，以及（三）不予公开、
    （四）无法提供、（五）不予处理、（六）其他处理各子项之和。空白单元格按 0 计算；但（七）总计本身空白、或各分项全部空白时视为未填写，不做比对（由 AP005 报告空白），以免把一处漏填报成一串计算错误。

    为何重要：总计与分项不符说明有分项漏填、重复计算，或总计是另行估算的，办理结果数据不可信。

    不合规示例：平潭综合实验区 2020 年报告各办理结果相加为 27，但（七）总计填 21。

    合规示例：上海市人民政府办公厅 2025 年：各分项之和 = 1191 = （七）总计。

    依据：年度报告格式第三部分“三、本年度办理结果”的行结构，“总计”即各办理结果之和（FORMATS.md §5 T3-TOT，按表格语义推得）。

    What it checks: in every column of section 3, (7) total equals (1) disclosed + (2) partly disclosed + every sub-item of (3) withheld, (4) unavailable, (5) not processed and (6) other handling. Blank cells count as 0, but a total left blank, or a breakdown left entirely blank, is taken as not entered and is not compared (AP005 reports the blank), so that one unfilled column does not become a string of arithmetic errors.

    Why it matters: a total that differs from its parts means an outcome was left out, counted twice, or the total was estimated separately.

    Non-compliant example: 平潭综合实验区 2020: the outcome rows add up to 27, but (7) total prints 21.

    Compliant example: 上海市人民政府办公厅 2025: the outcomes add up to 1191 = (7) total.

    Basis: the row structure of "outcomes this year" in the section-3 table: (7) total is the sum of the outcomes (FORMATS.md §5 T3-TOT, derived from the table's meaning).
    """

    code = "AP102"
    name = "outcome-total"
    level = "error"
    precision = "very-high"
    grade = "D"
    summary_zh = "第三部分：（七）总计 ≠ 各办理结果之和"
    summary_en = "Section 3: (7) total ≠ the sum of the handling outcomes"
    basis_zh = "年度报告格式第三部分“本年度办理结果”的行结构：（七）总计为（一）至（六）各项之和"
    basis_en = (
        "The rows of 'outcomes this year' in the section-3 table: (7) total is the sum of (1)–(6)"
    )

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        table = report.applications
        if not table.present:
            return
        edition = editions.get(table.edition or report.edition.value) or editions.current()
        row_ids = edition.outcome_row_ids()
        # A total left blank in a row with entries is AP007's finding, not a wrong sum.
        unfilled = blank_totals(table)
        # each column's cells, from rows looked up once (not once per column)
        total_cells = _cells(table, "outcome_total")
        outcome_cells = [_cells(table, rid) for rid in row_ids]
        for column in APPLICATION_COLUMNS:
            c = column.id
            if c == "total" and any(r in unfilled for r in (*row_ids, "outcome_total")):
                continue
            try:  # most columns add up: decided on the cells, before any term is made
                if arith.reported(total_cells.get(c)) == sum(
                    arith.value(cells.get(c)) for cells in outcome_cells
                ):
                    continue
            except arith.Undecidable:
                continue
            try:
                total = term(table, "outcome_total", c)
                parts = [term(table, rid, c) for rid in row_ids]
                expected = arith.total(parts)
                reported = arith.reported(total.cell)
            except arith.Undecidable:
                continue
            if expected == reported or arith.none_entered(parts):
                continue
            blank = arith.any_blank([total, *parts])
            note_zh = arith.BLANK_NOTE_ZH if blank else ""
            note_en = arith.BLANK_NOTE_EN if blank else ""
            nonzero = [
                (p, rid) for p, rid in zip(parts, row_ids, strict=True) if arith.value(p.cell)
            ]
            listed_zh = "、".join(arith.show(p, "zh") for p, _ in nonzero) or "各项均为 0"
            listed_en = "; ".join(arith.show(p, "en") for p, _ in nonzero) or "all outcomes are 0"
            name_zh, name_en = column_names(c)
            yield self.finding(
                report,
                location(total.cell, "outcome_total", c),
                f"第三部分“{name_zh}”列：各办理结果之和为 {arith.fmt(expected)}（非零项：{listed_zh}），"
                f"但（七）总计填写 {arith.fmt(reported)}{note_zh}；请核对分项与总计。",
                f"section 3, column '{name_en}': the handling outcomes add up to {arith.fmt(expected)} "
                f"(non-zero: {listed_en}), but (7) total prints {arith.fmt(reported)}{note_en}; "
                "check the outcomes and the total.",
                sub_id=c,
                related=locations((p.cell, rid, c) for p, rid in zip(parts, row_ids, strict=True)),
                expected=expected,
                reported=reported,
            )


def _cells(table: Table, row_id: str) -> dict:
    """A row's cells by column id ({} when the row is not in the table)."""
    row = table.rows.get(row_id)
    return row.cells if row is not None else {}
