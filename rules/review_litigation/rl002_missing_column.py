"""RL002: one of the 15 leaf columns of section 四 is missing."""

from __future__ import annotations

from collections.abc import Iterator

from linter.document import Anchor
from linter.finding import Finding
from linter.model import Report
from linter.rule import Rule, RuleContext
from rules.review_litigation.common import leaf_label_en, leaf_label_zh, leaf_location, leaves


class MissingColumn(Rule):
    """检查内容：第四部分表格应有全部 15 个末级列：行政复议、行政诉讼/未经复议直接起诉、行政诉讼/复议后起诉三组，每组结果维持、结果纠正、其他结果、尚未审结、总计。每缺一列报告一次。

    为何重要：缺少一列，该类结果的案件数就无处填报，该组总计也无法与四种结果之和核对（RL101）。

    不合规示例：（示意，未见于语料中的真实报告）只印“行政复议”“行政诉讼”两组，行政诉讼不分未经复议直接起诉和复议后起诉；或某组删去“尚未审结”列。

    合规示例：淮安市人民政府 2024 年报告第四部分 15 列齐全（行政复议 72、64、178、37，总计 351）。

    依据：年度报告格式第四部分的列结构（两版格式相同，3 组 × 5 列，FORMATS.md §2.5、§3.5）。

    What it checks: the section-4 table has all 15 leaf columns: administrative review, litigation without prior review and litigation after review, each with upheld, corrected, other, pending and total. One finding per missing column.

    Why it matters: without the column, that outcome's cases have nowhere to be reported, and the group's total can no longer be checked against its outcomes (RL101).

    Non-compliant example: (an illustration; not seen in the corpus's real reports) only two groups, "行政复议" and "行政诉讼", with litigation not split into without and after prior review; or a group without its "尚未审结" column.

    Compliant example: 淮安市人民政府 2024 has all 15 columns in section 4 (review 72, 64, 178, 37, total 351).

    Basis: the columns of the section-4 table of the report format, the same in both editions (3 groups × 5 columns; FORMATS.md §2.5, §3.5).
    """

    code = "RL002"
    name = "review-missing-column"
    aliases = ("missing-column",)
    level = "error"
    grade = "B"
    summary_zh = "第四部分表格缺少某一列"
    summary_en = "Section 4: a column is missing"
    basis_zh = (
        "年度报告格式第四部分的 15 个末级列（3 组 × 结果维持、结果纠正、其他结果、尚未审结、总计）"
    )
    basis_en = "The 15 leaf columns of the section-4 table (3 groups × upheld, corrected, other, pending, total)"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        table = report.review_litigation
        if not table.present:
            return
        row = table.rows.get("cases")
        cells = row.cells if row is not None else {}
        anchor = (row.anchor if row is not None else None) or table.anchor or Anchor()
        for group, outcome in leaves():
            if f"{group.id}.{outcome.id}" in cells:
                continue
            label = leaf_label_zh(group, outcome)
            yield self.finding(
                report,
                leaf_location(anchor, group, outcome),
                f"第四部分表格缺少“{label}”列。年度报告格式第四部分分行政复议、未经复议直接起诉、"
                "复议后起诉三组，每组有结果维持、结果纠正、其他结果、尚未审结、总计 5 列，共 15 列；"
                "请按格式补上该列并填写案件数。",
                f"section 4: the column '{leaf_label_en(group, outcome)}' ({label}) is missing. "
                "Section 4 of the report format has three groups (administrative review, "
                "litigation without prior review, litigation after review), each with upheld, "
                "corrected, other, pending and total: 15 columns; add the column and fill it in.",
                sub_id=f"{group.id}.{outcome.id}",
            )
