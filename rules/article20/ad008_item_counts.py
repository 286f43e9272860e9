"""AD008: 上一年项目数量 + 本年增/减 < 0 (2019 edition)."""

from __future__ import annotations

from collections.abc import Iterator

from linter import arith
from linter.finding import Finding
from linter.model import Report
from linter.rule import Rule, RuleContext
from rules.article20.common import (
    ITEM_EN,
    ROW_EN,
    item_title_zh,
    location,
    present_items,
    row_label,
)


class ItemCountPlausibility(Rule):
    """检查内容：2019 年试行格式第二十条第（五）（六）（八）项中，“上一年项目数量”加“本年增/减”小于 0。

    为何重要：项目数量减少后不可能少于零；出现负数说明上一年数量或增减数填错（例如把减少数填成了正数的相反数）。

    不合规示例：行政许可上一年项目数量 4，本年增/减 -5（4 − 5 < 0）。

    合规示例：某市工业和信息化局 2019 年：行政许可 4、本年增/减 -3；其他对外管理服务事项 1、本年增/减 -1。

    依据：FORMATS.md §5 T2v1-ITEMS（按表格语义推得；本年增/减的正负号写法见湖北省注释“减用负值表示”）。

    What it checks: in items (5), (6) and (8) of article 20 in the 2019 trial edition, items last year plus this year's change is below 0.

    Why it matters: a number of items cannot fall below zero; a negative result means last year's count or the change is wrong.

    Non-compliant example: licensing 4 items last year, change -5 (4 − 5 < 0).

    Compliant example: a city 工业和信息化局 2019: licensing 4 with change -3; other services 1 with change -1.

    Basis: FORMATS.md §5 T2v1-ITEMS (derived; the sign convention of the change follows Hubei's note "减用负值表示").
    """

    code = "AD008"
    name = "item-count-plausibility"
    level = "warning"
    precision = "very-high"
    needs = ("article20/item5/*/previous_count", "article20/item5/*/change")
    grade = "D"
    summary_zh = "上一年项目数量加本年增/减小于 0"
    summary_en = "Items last year plus this year's change is below 0"
    basis_zh = "第二十条第（五）（六）（八）项“上一年项目数量”“本年增/减”的含义（按表格语义推得）"
    basis_en = "Article 20 items (5), (6), (8): items last year and the change (derived)"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        for spec, table in present_items(report):
            if spec.id not in ("item5", "item6", "item8"):
                continue
            for row_id in table.rows:
                before, change = table.cell(row_id, "previous_count"), table.cell(row_id, "change")
                if (
                    before is None
                    or change is None
                    or before.state != "number"
                    or change.state != "number"
                ):
                    continue
                if before.value + change.value >= 0:
                    continue
                result = before.value + change.value
                yield self.finding(
                    report,
                    location(change, spec, row_id, "change"),
                    f"第二部分“{item_title_zh(spec)}”“{row_label(spec, row_id)}”：上一年项目数量 {arith.fmt(before.value)}"
                    f"加本年增/减 {arith.fmt(change.value)} 得 {arith.fmt(result)}，项目数量不能少于 0；请核对这两个数字。",
                    f"section 2, article 20 {ITEM_EN[spec.id]}, {ROW_EN[row_id]}: {arith.fmt(before.value)} "
                    f"items last year plus a change of {arith.fmt(change.value)} gives {arith.fmt(result)}; "
                    "a number of items cannot be below 0: check both figures.",
                    sub_id=f"{spec.id}/{row_id}",
                    related=[location(before, spec, row_id, "previous_count")],
                )
