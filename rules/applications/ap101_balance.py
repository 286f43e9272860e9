"""AP101: 一 + 二 = （七）总计 + 四, per column."""

from __future__ import annotations

from collections.abc import Iterator

from linter import arith
from linter.finding import Finding
from linter.labels import APPLICATION_COLUMNS
from linter.model import Report
from linter.rule import Rule, RuleContext
from rules.applications.common import blank_totals, column_names, joined, location, term


class Balance(Rule):
    """检查内容：第三部分表格每一列都应满足表头注明的勾稽关系——“第一项加第二项之和，等于第三项加第四项之和”，
    即 一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理。空白单元格按 0 计算；但（七）总计本身空白时视为未填写，不做比对（由 AP005 报告空白），以免把一处漏填报成一串计算错误。

    为何重要：这是表格自身印出的勾稽关系，不成立说明数据填报有误（漏填、重复计算或结转错误），
    是检查人员最先核对的一项。

    不合规示例：新收 10 件、上年结转 0 件，办理结果总计 8 件、结转下年度 0 件（10 + 0 ≠ 8 + 0）。

    合规示例：淮安市人民政府 2024 年：3119 + 34 = 3050 + 103。

    依据：年度报告格式第三部分表头：“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”。

    What it checks: every column of the section-3 table satisfies the identity printed in its own header, "item I plus item II equals item III plus item IV": new applications + carried over = (7) total + carried forward. Blank cells count as 0, but a total left blank is taken as not entered and is not compared (AP005 reports the blank), so that one unfilled column does not become a string of arithmetic errors.

    Why it matters: this identity is printed in the table itself; when it fails, figures were left out, double counted or carried over wrongly. It is the first thing an inspector checks.

    Non-compliant example: 10 new, 0 carried over, but (7) total 8 and 0 carried forward (10 + 0 ≠ 8 + 0).

    Compliant example: 淮安市人民政府 2024: 3119 + 34 = 3050 + 103.

    Basis: the header note of the section-3 table of the report format: "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和".
    """

    code = "AP101"
    name = "balance"
    level = "error"
    precision = "very-high"
    grade = "B"
    summary_zh = "第三部分：一 + 二 ≠ （七）总计 + 四"
    summary_en = "Section 3: I + II ≠ (7) total + IV"
    basis_zh = (
        "年度报告格式第三部分表头注明的勾稽关系（第一项加第二项之和，等于第三项加第四项之和）"
    )
    basis_en = "The identity printed in the section-3 table header of the report format (I + II = III + IV)"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        table = report.applications
        if not table.present:
            return
        # A total left blank in a row with entries is AP007's finding, not an imbalance.
        unfilled = blank_totals(table)
        rows = ("new_received", "carried_over", "outcome_total", "carried_forward")
        # each row's cells by column, looked up once; terms are made for a finding only
        new_cells, carried_cells, total_cells, forward_cells = (
            row.cells if (row := table.rows.get(r)) is not None else {} for r in rows
        )
        for column in APPLICATION_COLUMNS:
            c = column.id
            if c == "total" and any(r in unfilled for r in rows):
                continue
            try:
                left = arith.value(new_cells.get(c)) + arith.value(carried_cells.get(c))
                right = arith.reported(total_cells.get(c)) + arith.value(forward_cells.get(c))
            except arith.Undecidable:
                continue
            if left == right:
                continue
            new, carried = term(table, "new_received", c), term(table, "carried_over", c)
            total, forward = term(table, "outcome_total", c), term(table, "carried_forward", c)
            terms = [new, carried, total, forward]
            note_zh = arith.BLANK_NOTE_ZH if arith.any_blank(terms) else ""
            note_en = arith.BLANK_NOTE_EN if arith.any_blank(terms) else ""
            name_zh, name_en = column_names(c)
            expected = left - arith.value(forward.cell)
            reported = arith.value(total.cell)
            yield self.finding(
                report,
                location(total.cell, "outcome_total", c),
                f"第三部分“{name_zh}”列勾稽关系不成立：{joined([new, carried], 'zh')} = {arith.fmt(left)}，"
                f"而{joined([total, forward], 'zh')} = {arith.fmt(right)}{note_zh}。"
                f"按第一项加第二项计算，（七）总计应为 {arith.fmt(expected)}，报告填写 {arith.fmt(reported)}；"
                "请核对这四个数字并更正。",
                f"section 3, column '{name_en}': {joined([new, carried], 'en')} = {arith.fmt(left)}, "
                f"but {joined([total, forward], 'en')} = {arith.fmt(right)}{note_en}. From I + II, "
                f"(7) total should be {arith.fmt(expected)}; the report prints {arith.fmt(reported)}. "
                "Check these four figures and correct them.",
                sub_id=c,
                related=[
                    location(t.cell, rid, c)
                    for t, rid in (
                        (new, "new_received"),
                        (carried, "carried_over"),
                        (forward, "carried_forward"),
                    )
                ],
                expected=expected,
                reported=reported,
            )
