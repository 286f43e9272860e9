"""AP103: the 总计 column = the sum of the six applicant columns, per row."""

from __future__ import annotations

from collections.abc import Iterator

from linter import arith
from linter.finding import Finding
from linter.labels import APPLICANT_COLUMN_IDS, ENGLISH, row_label_zh
from linter.model import Report
from linter.rule import Rule, RuleContext
from rules.applications.common import location, locations, row_terms


class ApplicantTotal(Rule):
    """检查内容：第三部分每一行的“总计”列应等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、
    其他六列之和。空白单元格按 0 计算；但总计列本身空白、或各分项全部空白时视为未填写，不做比对（由 AP005 报告空白），以免把一处漏填报成一串计算错误。

    为何重要：总计列与各类申请人之和不符，说明分类统计或合计有误。

    不合规示例：某行自然人 5、商业企业 2，其余为 0，总计却填 8。

    合规示例：上海市人民政府办公厅 2025 年“一、本年新收”：1259 + 36 + 0 + 0 + 0 + 0 = 1295。

    依据：年度报告格式第三部分的列结构：“总计”为“申请人情况”各列之和（FORMATS.md §5 T3-ROW，按表格语义推得）。

    What it checks: in every row of section 3, the total column equals the sum of the six applicant columns (natural persons, businesses, research institutions, public-interest organisations, legal service providers, other). Blank cells count as 0, but a total left blank, or a breakdown left entirely blank, is taken as not entered and is not compared (AP005 reports the blank), so that one unfilled column does not become a string of arithmetic errors.

    Why it matters: a total that differs from the applicant columns means the breakdown or the total is wrong.

    Non-compliant example: natural persons 5, businesses 2, the rest 0, total 8.

    Compliant example: 上海市人民政府办公厅 2025, "I. new applications": 1259 + 36 + 0 + 0 + 0 + 0 = 1295.

    Basis: the column structure of the section-3 table: total is the sum of the applicant columns (FORMATS.md §5 T3-ROW, derived from the table's meaning).
    """

    code = "AP103"
    name = "applicant-total"
    level = "error"
    precision = "very-high"
    grade = "D"
    summary_zh = "第三部分：总计列 ≠ 六类申请人之和"
    summary_en = "Section 3: the total column ≠ the sum of the six applicant columns"
    basis_zh = "年度报告格式第三部分“申请人情况”的列结构：总计为自然人与五类法人或其他组织之和"
    basis_en = (
        "The applicant columns of the section-3 table: total is the sum of the six applicant types"
    )

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        table = report.applications
        if not table.present:
            return
        for row_id, row in table.rows.items():
            cells = row.cells
            try:  # most rows add up: decided on the cells, before any term is made
                if arith.reported(cells.get("total")) == sum(
                    arith.value(cells.get(c)) for c in APPLICANT_COLUMN_IDS
                ):
                    continue
            except arith.Undecidable:
                continue
            try:
                total, *parts = row_terms(table, row_id, _COLUMNS)
                expected = arith.total(parts)
                reported = arith.reported(total.cell)
            except arith.Undecidable:
                continue
            if expected == reported or arith.none_entered(parts):
                continue
            blank = arith.any_blank([total, *parts])
            note_zh = arith.BLANK_NOTE_ZH if blank else ""
            note_en = arith.BLANK_NOTE_EN if blank else ""
            shown = [arith.fmt(p.cell.value) if p.cell.state == "number" else None for p in parts]
            shown_zh = " + ".join("空白" if v is None else v for v in shown)
            shown_en = " + ".join("blank" if v is None else v for v in shown)
            yield self.finding(
                report,
                location(total.cell, row_id, "total"),
                f"第三部分“{row_label_zh(row_id)}”行：六类申请人之和 {shown_zh} = {arith.fmt(expected)}，"
                f"但总计列填写 {arith.fmt(reported)}{note_zh}；请核对该行各列。",
                f"section 3, row '{ENGLISH[row_id]}': the six applicant columns {shown_en} = "
                f"{arith.fmt(expected)}, but the total column prints {arith.fmt(reported)}{note_en}; "
                "check the row.",
                sub_id=row_id,
                related=locations(
                    (p.cell, row_id, c) for p, c in zip(parts, APPLICANT_COLUMN_IDS, strict=True)
                ),
                expected=expected,
                reported=reported,
            )


_COLUMNS = ("total", *APPLICANT_COLUMN_IDS)
