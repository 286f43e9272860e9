"""AP007: a 总计 left blank in a section-三 row that has entries."""

from __future__ import annotations

from collections.abc import Iterator

from linter import arith
from linter.finding import Finding
from linter.labels import APPLICANT_COLUMN_IDS, ENGLISH, column_label_zh, row_label_zh
from linter.model import Report
from linter.rule import Rule, RuleContext
from rules.applications.common import blank_totals, cell_shown, location, locations


class BlankTotal(Rule):
    """检查内容：第三部分某一行的六类申请人列填了件数，而该行的“总计”列空白或只填了占位符——总计没有填写。每行报告一次，并给出按各列计算应填的总计。其余空白单元格由 AP005 报告；勾稽关系规则（AP101–AP103）不再就这一格重复报告。

    为何重要：总计是读者、评估机构和上级汇总时直接引用的数字；一行有申请却没有总计，等于漏报了这一类办理结果的件数，与“没有发生时留空”的情形不同，不能当作 0。

    不合规示例：上海市人民政府办公厅 2019 年报告“（一）予以公开”行填了自然人 258、商业企业 12、法律服务机构 1、其他 1，总计却空白（应为 272）；其他有件数的办理结果行的总计也都空白。

    合规示例：上海市人民政府办公厅 2025 年报告每一行都填了总计，如“一、本年新收”1259 + 36 = 1295。

    依据：年度报告格式第三部分的列结构：“总计”为“申请人情况”各列之和（FORMATS.md §5 T3-ROW，按表格语义推得）；条例第五十条第（二）项要求报告收到和处理政府信息公开申请的情况。

    What it checks: a row of the section-3 table whose applicant columns hold counts while its total column is blank or a placeholder: the total was never filled in. One finding per row, giving the total the row's columns add up to. Other blank cells are AP005's; the identity rules (AP101–AP103) do not report this cell again.

    Why it matters: the total is the figure readers, evaluators and higher-level compilations quote; a row with applications but no total leaves the count of that outcome unreported. Unlike a blank where nothing happened, it cannot be read as 0.

    Non-compliant example: 上海市人民政府办公厅 2019, row "(1) disclosed": natural persons 258, businesses 12, legal service providers 1, other 1, and the total blank (it should be 272); the other outcome rows with counts also leave their totals blank.

    Compliant example: 上海市人民政府办公厅 2025 fills every row's total, e.g. "I. new applications" 1259 + 36 = 1295.

    Basis: the column structure of the section-3 table: the total is the sum of the applicant columns (FORMATS.md §5 T3-ROW, derived from the table's meaning); Article 50(2) of the Regulations requires reporting the applications received and handled.
    """

    code = "AP007"
    name = "applications-blank-total"
    aliases = ("blank-total",)
    level = "error"
    grade = "D"
    summary_zh = "第三部分：某行有件数而总计空白"
    summary_en = "Section 3: a row has entries but its total is blank"
    basis_zh = "年度报告格式第三部分的列结构：总计为六类申请人之和；条例第五十条第（二）项"
    basis_en = (
        "The applicant columns of the section-3 table: total is the sum of the six applicant "
        "types; Article 50(2) of the Regulations"
    )

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        table = report.applications
        for row_id, (cell, entries) in blank_totals(table).items():
            row = table.rows[row_id]
            parts = [
                (c, row.cells[c])
                for c in APPLICANT_COLUMN_IDS
                if c in row.cells and row.cells[c].is_number and row.cells[c].value
            ]
            shown_zh = "、".join(f"{column_label_zh(c)} {arith.fmt(x.value)}" for c, x in parts)
            shown_en = ", ".join(f"{ENGLISH[c]} {arith.fmt(x.value)}" for c, x in parts)
            if len(parts) > 1:
                shown_zh += f"，合计 {arith.fmt(entries)}"
                shown_en += f"; together {arith.fmt(entries)}"
            label = row_label_zh(row_id)
            yield self.finding(
                report,
                location(cell, row_id, "total"),
                f"第三部分“{label}”行填了件数（{shown_zh}），"
                f"但总计列{cell_shown(cell, 'zh')}，总计没有填写；"
                f"请填入该行总计（按各列计算应为 {arith.fmt(entries)}），并核对各列件数。",
                f"section 3, row '{ENGLISH[row_id]}' has entries ({shown_en}) but its total is {cell_shown(cell, 'en')}: the total "
                f"was never filled in. Enter the row's total (from its columns, "
                f"{arith.fmt(entries)}) and check the columns.",
                sub_id=row_id,
                related=locations((x, row_id, c) for c, x in parts),
                expected=entries,
            )
