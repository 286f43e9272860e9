"""RL005: a group's 总计 left blank in section 四 while the group has cases."""

from __future__ import annotations

from collections.abc import Iterator

from linter import arith
from linter.finding import Finding
from linter.labels import ENGLISH, REVIEW_GROUPS, REVIEW_OUTCOMES
from linter.model import Report
from linter.rule import Rule, RuleContext
from rules.applications.common import cell_shown
from rules.review_litigation.common import blank_group_totals, group_label_zh, leaf_location


class BlankTotal(Rule):
    """检查内容：第四部分行政复议、未经复议直接起诉、复议后起诉三组中，某组的结果维持、结果纠正、其他结果、尚未审结填了案件数，而该组“总计”空白或只填了占位符——总计没有填写。每组报告一次，并给出按各项计算应填的总计。其余空白单元格由 RL003 报告；RL101 不再就这一格重复报告。

    为何重要：各组总计是公众了解机关因政府信息公开被复议、被起诉多少件的直接数字；有案件却没有总计，等于漏报了案件总数，不能当作 0。

    不合规示例：（示意，据上海市人民政府办公厅 2019 年报告的写法改编）行政复议 结果维持 5、尚未审结 2，总计空白（应为 7）。

    合规示例：上海市人民政府办公厅 2019 年报告行政复议 5 + 2 = 7、未经复议直接起诉 8 + 1 = 9，总计都已填写；某市工业和信息化局 2019 年报告“未经复议直接起诉”整组空白，没有案件，不属本规则（由 RL003 作为空白报告）。

    依据：年度报告格式第四部分的列结构：每组“总计”为同组四种结果之和（FORMATS.md §5 T4-SUM，按表格语义推得）；条例第五十条第（三）项要求报告被申请行政复议、提起行政诉讼的情况。

    What it checks: in section 4, a group (administrative review, litigation without prior review, litigation after review) whose upheld, corrected, other or pending cells hold cases while its total is blank or a placeholder: the total was never filled in. One finding per group, giving the total its outcomes add up to. Other blank cells are RL003's; RL101 does not report this cell again.

    Why it matters: each group's total is the figure the public reads for how many reviews and lawsuits the agency faced over disclosure; cases without a total leave that count unreported, and it cannot be read as 0.

    Non-compliant example: (an illustration adapted from the layout of 上海市人民政府办公厅 2019) administrative review upheld 5, pending 2, total blank (it should be 7).

    Compliant example: 上海市人民政府办公厅 2019 fills review 5 + 2 = 7 and direct litigation 8 + 1 = 9; the 2019 report of a city 工业和信息化局 leaves the whole "litigation without prior review" group blank, with no cases: not this rule (RL003 reports the blanks).

    Basis: the column structure of the section-4 table: each group's total is the sum of its four outcomes (FORMATS.md §5 T4-SUM, derived from the table's meaning); Article 50(3) of the Regulations requires reporting reviews and lawsuits.
    """

    code = "RL005"
    name = "review-blank-total"
    aliases = ("blank-total",)
    level = "error"
    grade = "D"
    summary_zh = "第四部分：某组有案件数而总计空白"
    summary_en = "Section 4: a group has cases but its total is blank"
    basis_zh = "年度报告格式第四部分的列结构：每组总计为四种结果之和；条例第五十条第（三）项"
    basis_en = (
        "The columns of the section-4 table: each group's total is the sum of its four "
        "outcomes; Article 50(3) of the Regulations"
    )

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        table = report.review_litigation
        unfilled = blank_group_totals(table)
        if not unfilled:
            return
        row = table.rows["cases"]
        for group in REVIEW_GROUPS:
            if group.id not in unfilled:
                continue
            cell, entries = unfilled[group.id]
            parts = [
                (o, row.cells[f"{group.id}.{o.id}"])
                for o in REVIEW_OUTCOMES[:-1]
                if (c := row.cells.get(f"{group.id}.{o.id}")) is not None
                and c.is_number
                and c.value
            ]
            shown_zh = "、".join(f"{o.label} {arith.fmt(c.value)}" for o, c in parts)
            shown_en = ", ".join(f"{ENGLISH[o.id]} {arith.fmt(c.value)}" for o, c in parts)
            total_outcome = REVIEW_OUTCOMES[-1]
            yield self.finding(
                report,
                leaf_location(cell.anchor, group, total_outcome),
                f"第四部分“{group_label_zh(group)}”填了案件数（{shown_zh}），"
                f"但总计{cell_shown(cell, 'zh')}，总计没有填写；"
                f"请填入该组总计（按各项计算应为 {arith.fmt(entries)}）。",
                f"section 4, '{ENGLISH[group.id]}' has cases ({shown_en}) but its total is "
                f"{cell_shown(cell, 'en')}: the total was never filled in. Enter the group's "
                f"total (from its outcomes, {arith.fmt(entries)}).",
                sub_id=group.id,
                related=[leaf_location(c.anchor, group, o) for o, c in parts],
                expected=entries,
            )
