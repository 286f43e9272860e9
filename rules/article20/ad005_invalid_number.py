"""AD005: a section-二 cell that is not a valid number for its column."""

from __future__ import annotations

from collections.abc import Iterator

from linter import arith
from linter.finding import Finding
from linter.model import Cell, Report
from linter.rule import Rule, RuleContext
from linter.textnorm import UNREAD_FORMS, unread_form
from rules.applications.common import implausible_count, too_many_digits
from rules.article20.common import (
    COLUMN_EN,
    ITEM_EN,
    MONEY_COLUMNS,
    ROW_EN,
    SIGNED_COLUMNS,
    column_label,
    item_title_zh,
    location,
    present_items,
    row_label,
)


class InvalidNumber(Rule):
    """检查内容：第二部分表格的单元格填了文字而不是数字，或计数列出现负数（只有“本年增/减”可以为负），或计数列出现小数。金额列（本年收费金额、采购总金额）可以是小数。“减3”“负3”读作 -3。以“万”为单位（“1.2万”）或整个写在括号内（“(3)”，可能表示负数）的，数字未按准确数读取，报告为警告并说明原因。

    为何重要：文字或不合理的数字无法统计汇总，也说明填报有误。

    不合规示例：“行政许可”的“本年处理决定数量”填“约3000”；“上一年项目数量”填“-2”；“本年制发件数”填“2.5”。

    合规示例：某市工业和信息化局 2019 年“行政许可”本年增/减填“-3”（允许为负）；平潭综合实验区 2023 年收费金额 5949.088667（万元，可为小数）。

    依据：年度报告格式第二部分各列的含义（件数、数量为非负整数；本年增/减可为负，湖北省注释“减用负值表示”）（FORMATS.md §2.3、§5 T2v2-NUM，按表格语义推得）。

    What it checks: a section-2 cell holds text instead of a number, a negative count (only 'change this year' may be negative), or a fraction in a count column. Amount columns (fees, procurement total) may be decimals. "减3" and "负3" read as -3. A figure in units of 万 ("1.2万") or wholly in brackets ("(3)", perhaps a negative) is not read as an exact number: a warning says why.

    Why it matters: text or impossible numbers cannot be aggregated and show a filling error.

    Non-compliant example: licensing decisions written 约3000; items last year written -2; documents issued written 2.5.

    Compliant example: a city 工业和信息化局 2019 writes -3 as the licensing change this year (negative allowed); 平潭综合实验区 2023 writes a fee of 5949.088667 (万元, decimals allowed).

    Basis: the meaning of the section-2 columns (counts are non-negative integers; the change may be negative, Hubei's note "减用负值表示") (FORMATS.md §2.3, §5 T2v2-NUM, derived).
    """

    code = "AD005"
    name = "article20-invalid-number"
    aliases = ("invalid-number",)
    level = "error"
    grade = "D"
    summary_zh = "第二部分单元格不是有效数字"
    summary_en = "A section-2 cell is not a valid number"
    basis_zh = "年度报告格式第二部分各列的含义（按表格语义推得）"
    basis_en = "The meaning of the section-2 columns (derived)"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        for spec, table in present_items(report):
            for row_id, row in table.rows.items():
                for column_id, cell in row.cells.items():
                    problem = _problem(cell, column_id)
                    if problem is None:
                        continue
                    why_zh, why_en = problem
                    yield self.finding(
                        report,
                        location(cell, spec, row_id, column_id),
                        f"第二部分“{item_title_zh(spec)}”“{row_label(spec, row_id)}”行“{column_label(spec, column_id)}”列填写“{cell.text.strip()}”，{why_zh}；请更正。",
                        f"section 2, article 20 {ITEM_EN[spec.id]}, {ROW_EN[row_id]} / {COLUMN_EN[column_id]} "
                        f"reads '{cell.text.strip()}': {why_en}; correct it.",
                        sub_id=f"{spec.id}/{row_id}/{column_id}",
                        # “1.2万”, “(3)”: a figure the tool does not read, not one shown
                        # to be invalid (see textnorm.unread_form).
                        level="warning"
                        if cell.state == "text" and unread_form(cell.text)
                        else None,
                    )


def _problem(cell: Cell, column_id: str) -> tuple[str, str] | None:
    if (
        cell.state == "text"
        and too_many_digits(cell)
        or (cell.state == "number" and not arith.plausible(cell.value))
    ):
        if column_id in MONEY_COLUMNS:
            return (
                "位数超过 12 位，不是合理的金额（可能是录入错误）",
                "has more than 12 digits, which is not a plausible amount (a typing accident?)",
            )
        return implausible_count()
    if cell.state == "text":
        if form := unread_form(cell.text):
            if form == "wan" and column_id in MONEY_COLUMNS:
                # “5949.09万” under 本年收费金额（单位：万元）: 万 is the header's unit.
                return (
                    "带有“万”字，未按数字读取（表头已注明单位，单元格只填数字）",
                    "carries 万 and was not read as a number (the header states the unit: "
                    "write the figure alone)",
                )
            return UNREAD_FORMS[form]
        return (
            "不是数字（请只填阿拉伯数字，说明文字写在正文中）",
            "not a number (write digits only; put explanations in the text)",
        )
    if cell.state != "number" or cell.value is None:
        return None
    if cell.value < 0 and column_id not in SIGNED_COLUMNS:
        if column_id in MONEY_COLUMNS:
            return "金额不能为负数", "an amount cannot be negative"
        return "件数、数量不能为负数（只有“本年增/减”可以为负）", "a count cannot be negative"
    if (
        column_id not in MONEY_COLUMNS
        and isinstance(cell.value, float)
        and not cell.value.is_integer()
    ):
        return "件数、数量应为整数", "a count must be a whole number"
    return None
