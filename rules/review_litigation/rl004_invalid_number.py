"""RL004: a section-四 cell that is not a non-negative integer."""

from __future__ import annotations

from collections.abc import Iterator

from linter.finding import Finding
from linter.model import Report
from linter.rule import Rule, RuleContext
from rules.applications.common import number_problem, readable_otherwise
from rules.review_litigation.common import leaf_label_en, leaf_label_zh, leaf_location, leaves


class InvalidNumber(Rule):
    """检查内容：第四部分表格的 15 个单元格应是不小于 0 的整数（案件数）：不能是文字（如“约2”），不能是负数、小数，也不能带单位（如“2件”）。每个不合格的单元格报告一次；只是带了单位、数字本身是非负整数的（“2件”）报告为警告，该数字照常用于总计核对；以“万”为单位（“1.2万”）或整个写在括号内（“(2)”）的，数字未按准确数读取，报告为警告，总计不作核对。空白和占位符由 RL003 报告。

    为何重要：案件数只能是非负整数；文字、负数或小数说明填报有误，该组总计也因此无法核对（RL101）。

    不合规示例：（示意，未见于语料中的真实报告）“行政复议/结果维持”填“约2”；“复议后起诉/尚未审结”填“-1”；某格填“1.5”或“2件”。

    合规示例：淮安市人民政府 2024 年报告第四部分 15 格均为非负整数（如行政复议总计 351）。

    依据：第四部分各单元格是案件数，按表格语义应为非负整数（FORMATS.md §5 T4-INT，按表格语义推得）。

    What it checks: each of the 15 cells of the section-4 table is a whole number of cases, 0 or more: not text ("约2"), not negative, not a fraction, and without a unit ("2件"). One finding per bad cell; a cell that only carries a unit, its number a valid count ("2件"), is a warning, and the number is used for the total; a figure in units of 万 ("1.2万") or wholly in brackets ("(2)") is not read as an exact number: a warning says why, and the total is not checked. Blank and placeholder cells are RL003's.

    Why it matters: a case count is a non-negative whole number; text, a negative or a fraction is a filling error, and it makes the group's total undecidable (RL101).

    Non-compliant example: (an illustration; not seen in the corpus's real reports) "administrative review / upheld" holds "约2"; "litigation after review / pending" holds "-1"; a cell holds "1.5" or "2件".

    Compliant example: 淮安市人民政府 2024: all 15 cells of section 4 are non-negative whole numbers (e.g. review total 351).

    Basis: the section-4 cells count cases, so by the table's meaning each is a non-negative whole number (FORMATS.md §5 T4-INT, derived from the table's meaning).
    """

    code = "RL004"
    name = "review-invalid-number"
    aliases = ("invalid-number",)
    level = "error"
    grade = "D"
    summary_zh = "第四部分单元格不是非负整数"
    summary_en = "Section 4: a cell is not a non-negative whole number"
    basis_zh = "第四部分各单元格为案件数，应为非负整数（按表格语义推得）"
    basis_en = "Section-4 cells count cases: non-negative whole numbers (derived)"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        table = report.review_litigation
        row = table.rows.get("cases") if table.present else None
        if row is None:
            return
        for group, outcome in leaves():
            cell = row.cells.get(f"{group.id}.{outcome.id}")
            if cell is None:
                continue
            problem = number_problem(cell)
            if problem is None:
                continue
            why_zh, why_en = problem
            printed = cell.text.strip()
            undecidable = cell.state == "text"
            tail_zh = "在更正之前，该组总计无法核对。" if undecidable else ""
            tail_en = " Until then the group's total cannot be checked." if undecidable else ""
            yield self.finding(
                report,
                leaf_location(cell.anchor, group, outcome),
                f"第四部分“{leaf_label_zh(group, outcome)}”填写“{printed}”，{why_zh}。"
                "该表各单元格是案件数，应填不小于 0 的整数（不带单位，不加“约”等字样）；"
                f"请改为准确的案件数。{tail_zh}",
                f"section 4, '{leaf_label_en(group, outcome)}' holds \"{printed}\", which "
                f"{why_en}. The cells count cases: write a whole number of 0 or more (no unit, "
                f"no 'about').{tail_en}",
                sub_id=f"{group.id}.{outcome.id}",
                reported=cell.value if cell.is_number else None,
                level="warning" if readable_otherwise(cell) else None,
            )
