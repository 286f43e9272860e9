"""AD009: 采购项目数量 = 0 but 采购总金额 ≠ 0, or the reverse (2019 edition)."""

from __future__ import annotations

from collections.abc import Iterator

from linter import arith
from linter.finding import Finding
from linter.model import Report
from linter.rule import Rule, RuleContext
from rules.article20.common import location, present_items


class ProcurementConsistency(Rule):
    """检查内容：2019 年试行格式第二十条第（九）项“政府集中采购”中，采购项目数量为 0 而采购总金额不为 0，或者反过来。

    为何重要：没有采购项目就不会有采购金额，有项目也应有金额；两者矛盾说明漏填或错填。

    不合规示例：采购项目数量 0，采购总金额 180000元。

    合规示例：某市工业和信息化局 2019 年：采购项目数量 1，采购总金额 180000元。

    依据：FORMATS.md §5 T2v1-PROC（按表格语义推得）。

    What it checks: in item (9) of article 20 (government centralised procurement, 2019 trial edition), the number of projects is 0 while the total amount is not, or the reverse.

    Why it matters: no projects means no amount, and projects come with an amount; a contradiction shows a figure was left out or wrong.

    Non-compliant example: 0 procurement projects with a total of 180000元.

    Compliant example: a city 工业和信息化局 2019: 1 project, 180000元 in total.

    Basis: FORMATS.md §5 T2v1-PROC (derived).
    """

    code = "AD009"
    name = "procurement-consistency"
    level = "warning"
    needs = ("article20/item9/procurement/projects", "article20/item9/procurement/amount")
    grade = "D"
    summary_zh = "采购项目数量与采购总金额一为 0 一不为 0"
    summary_en = "Procurement projects and amount: one is 0, the other not"
    basis_zh = "第二十条第（九）项“采购项目数量”“采购总金额”的含义（按表格语义推得）"
    basis_en = "Article 20 item (9): projects and total amount (derived)"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        for spec, table in present_items(report):
            if spec.id != "item9":
                continue
            projects, amount = (
                table.cell("procurement", "projects"),
                table.cell("procurement", "amount"),
            )
            if (
                projects is None
                or amount is None
                or projects.state != "number"
                or amount.state != "number"
            ):
                continue
            if (projects.value == 0) == (amount.value == 0):
                continue
            yield self.finding(
                report,
                location(projects, spec, "procurement", "projects"),
                f"第二部分第二十条第（九）项“政府集中采购”：采购项目数量 {arith.fmt(projects.value)}，"
                f"采购总金额“{amount.text.strip()}”，一个为 0 而另一个不为 0；请核对。",
                f"section 2, article 20 item (9), government procurement: {arith.fmt(projects.value)} "
                f"projects but a total of '{amount.text.strip()}': one is 0 and the other is not; check both.",
                related=[location(amount, spec, "procurement", "amount")],
            )
