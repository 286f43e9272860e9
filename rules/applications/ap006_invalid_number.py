"""AP006: a section-三 cell that is not a non-negative integer."""

from __future__ import annotations

from collections.abc import Iterator

from linter.finding import Finding
from linter.labels import APPLICATION_COLUMNS, ENGLISH, row_label_zh
from linter.model import Report
from linter.rule import Rule, RuleContext
from rules.applications.common import column_names, location, number_problem, readable_otherwise


class InvalidNumber(Rule):
    """检查内容：第三部分表格的每个单元格应是不小于 0 的整数（申请件数）：不能是文字（如“约3”“若干”），不能是负数、小数，也不能带单位（如“3件”）。每个不合格的单元格报告一次；只是带了单位、数字本身是非负整数的（“3件”）报告为警告，该数字照常用于勾稽核对；以“万”为单位（“1.2万”）或整个写在括号内（“(3)”）的，数字未按准确数读取，报告为警告，说明无法读取的原因，相关勾稽关系不作核对。空白和占位符由 AP005 报告，不在此列。

    为何重要：件数只能是非负整数；文字、负数或小数说明填报有误，该列的勾稽关系（AP101、AP102、AP103）也因此无法核对。

    不合规示例：（示意，未见于语料中的真实报告）“（一）予以公开 / 自然人”填“约3”；“四、结转下年度继续办理”填“-1”；某格填“2.5”或“3件”。

    合规示例：淮安市人民政府 2024 年报告第三部分 175 个单元格均为非负整数（如“一、本年新收 / 总计”3119）。

    依据：第三部分各单元格是申请件数，按表格语义应为非负整数（FORMATS.md §5 T3-INT，按表格语义推得）。

    What it checks: every cell of the section-3 table is a whole number of applications, 0 or more: not text ("约3", "若干"), not negative, not a fraction, and without a unit ("3件"). One finding per bad cell; a cell that only carries a unit, its number a valid count ("3件"), is a warning, and the number is used in the identities; a figure in units of 万 ("1.2万") or wholly in brackets ("(3)") is not read as an exact number: a warning says why, and the identities over it are not checked. Blank and placeholder cells are AP005's.

    Why it matters: a count is a non-negative whole number; text, a negative or a fraction is a filling error, and it makes the column's identities (AP101, AP102, AP103) undecidable.

    Non-compliant example: (an illustration; not seen in the corpus's real reports) "(1) disclosed / natural persons" holds "约3"; "IV. carried forward" holds "-1"; a cell holds "2.5" or "3件".

    Compliant example: 淮安市人民政府 2024: all 175 cells of section 3 are non-negative whole numbers (e.g. "I. new / total" 3119).

    Basis: the section-3 cells count applications, so by the table's meaning each is a non-negative whole number (FORMATS.md §5 T3-INT, derived from the table's meaning).
    """

    code = "AP006"
    name = "applications-invalid-number"
    aliases = ("invalid-number",)
    level = "error"
    grade = "D"
    summary_zh = "第三部分单元格不是非负整数"
    summary_en = "Section 3: a cell is not a non-negative whole number"
    basis_zh = "第三部分各单元格为申请件数，应为非负整数（按表格语义推得）"
    basis_en = "Section-3 cells count applications: non-negative whole numbers (derived)"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        table = report.applications
        if not table.present:
            return
        for row_id, row in table.rows.items():
            for column in APPLICATION_COLUMNS:
                cell = row.cells.get(column.id)
                if cell is None:
                    continue
                problem = number_problem(cell)
                if problem is None:
                    continue
                why_zh, why_en = problem
                name_zh, name_en = column_names(column.id)
                printed = cell.text.strip()
                undecidable = cell.state == "text"
                tail_zh = "在更正之前，该列、该行的勾稽关系无法核对。" if undecidable else ""
                tail_en = (
                    " Until then the identities of its row and column cannot be checked."
                    if undecidable
                    else ""
                )
                yield self.finding(
                    report,
                    location(cell, row_id, column.id),
                    f"第三部分“{row_label_zh(row_id)}”行“{name_zh}”列填写“{printed}”，{why_zh}。"
                    "该表各单元格是申请件数，应填不小于 0 的整数（不带单位，不加“约”等字样）；"
                    f"请改为准确的件数。{tail_zh}",
                    f"section 3, row '{ENGLISH[row_id]}', column '{name_en}' holds \"{printed}\", "
                    f"which {why_en}. The cells count applications: write a whole number of 0 "
                    f"or more (no unit, no 'about').{tail_en}",
                    sub_id=f"{row_id}/{column.id}",
                    reported=cell.value if cell.is_number else None,
                    level="warning" if readable_otherwise(cell) else None,
                )
