"""AD006: 本年收费金额 is not a plain number in 万元."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter import arith
from linter.finding import Finding, Location
from linter.model import Report, TextBlock
from linter.rule import Rule, RuleContext
from linter.textnorm import nfkc
from rules.article20.common import location, present_items

# "行政事业性收费……12345.6元" in the narrative (元, not 万元).
_NARRATIVE_YUAN = re.compile(r"行政事业性收费[^。；;]{0,40}?(\d[\d,]*(?:\.\d+)?)\s*(万?)元")


class FeeUnit(Rule):
    """检查内容：2021 年格式第二部分第二十条第（八）项“本年收费金额（单位：万元）”应填以万元为单位的数字：单元格里带了“元”或“万元”等单位，或者正文给出的同一笔收费金额（以元计）与表中数字相同（表中实际填的是元），都报告。

    为何重要：表头已注明单位为万元；填成元会使金额放大一万倍，汇总时严重失真。

    不合规示例：上海市人民政府办公厅 2019 年在第二部分数字单元格中填“251000元”（试行格式的“采购总金额”）——同样的写法出现在 2021 年格式的“本年收费金额”中即报告；或正文写“行政事业性收费 96171.6 元”，表中也填 96171.6。

    合规示例：平潭综合实验区 2022 年表中填 9116.36（万元），单元格不带单位。

    依据：年度报告格式第二部分第（八）项的列标签“本年收费金额（单位：万元）”（FORMATS.md §3.3、§5 T2v2-NUM）。

    What it checks: in the 2021 edition, article 20 item (8) 'fees this year (unit: 万元)' must be a plain number in 万元: a cell that carries a unit (元, 万元), or a figure equal to the same fee stated in 元 in the narrative (so the table holds 元), is reported.

    Why it matters: the header fixes the unit as 万元 (10,000 yuan); a figure in 元 overstates the amount ten thousand times when aggregated.

    Non-compliant example: 上海市人民政府办公厅 2019 writes 251000元 in a section-2 number cell (the trial edition's procurement total); the same in the 2021 edition's fee cell is reported; or the narrative says 行政事业性收费 96171.6 元 and the table also prints 96171.6.

    Compliant example: 平潭综合实验区 2022 prints 9116.36 (万元) with no unit in the cell.

    Basis: the column label of item (8) in the report format, "本年收费金额（单位：万元）" (FORMATS.md §3.3, §5 T2v2-NUM).
    """

    code = "AD006"
    name = "fee-unit"
    level = "warning"
    needs = ("article20/item8/fees/amount",)
    grade = "B"
    summary_zh = "本年收费金额不是以万元为单位的纯数字"
    summary_en = "The fee amount is not a plain number in 万元"
    basis_zh = "年度报告格式第二部分第（八）项列标签“本年收费金额（单位：万元）”"
    basis_en = "The item-(8) column label of the report format: fees this year (unit: 万元)"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        for spec, table in present_items(report):
            if spec.id != "item8":
                continue
            cell = table.cell("fees", "amount")
            if cell is None or cell.state != "number":
                continue
            where = location(cell, spec, "fees", "amount")
            if cell.unit:
                zh, en = _what_to_write(cell.value, cell.unit)
                yield self.finding(
                    report,
                    where,
                    f"第二部分第二十条第（八）项“本年收费金额（单位：万元）”填写“{cell.text.strip()}”，单元格带有单位“{cell.unit}”；"
                    f"表头已注明单位为万元，请只填以万元计的数字{zh}。",
                    f"section 2, article 20 item (8): the fee amount reads '{cell.text.strip()}' with the unit "
                    f"'{cell.unit}' in the cell; the header fixes the unit as 万元: write the number in "
                    f"万元 only{en}.",
                    sub_id="unit-in-cell",
                )
                continue
            if cell.value is None or cell.value < 100:
                continue  # the narrative's amount must equal it and be 100 元 or more
            narrative = _narrative_yuan(report)
            if narrative is None:
                continue
            amount, block = narrative
            if amount == cell.value and amount >= 100:
                yield self.finding(
                    report,
                    where,
                    f"第二部分第二十条第（八）项“本年收费金额（单位：万元）”填写 {arith.fmt(cell.value)}，"
                    f"与正文中以元计的收费金额（{arith.fmt(amount)} 元）相同，表中填的可能是元而不是万元；"
                    f"以万元计应为 {arith.fmt(round(amount / 10000, 6))}，请核对。",
                    f"section 2, article 20 item (8): the fee amount {arith.fmt(cell.value)} equals the "
                    f"fee the narrative gives in 元 ({arith.fmt(amount)} 元), so the table probably holds 元, "
                    f"not 万元; in 万元 it would be {arith.fmt(round(amount / 10000, 6))}: check it.",
                    sub_id="yuan-in-table",
                    related=[Location(block.anchor, logical="narrative")],
                )


def _what_to_write(value: float | int | None, unit: str) -> tuple[str, str]:
    """The figure to print instead: the same number without its unit, or 元 in 万元."""
    if value is None:
        return "", ""
    if unit == "元":
        yuan, wan = arith.fmt(value), arith.fmt(round(value / 10000, 6))
        return f"（{yuan} 元即 {wan} 万元）", f" ({yuan} 元 is {wan} 万元)"
    return f"（即 {arith.fmt(value)}）", f" ({arith.fmt(value)})"


def _narrative_yuan(report: Report) -> tuple[float, TextBlock] | None:
    for section in report.sections:
        if section.number == 2:
            continue  # the table's own section: its cells are not narrative
        for block in section.paragraphs:
            # (no other character normalises to 费 or 元: a paragraph without them has
            # no match, and is not normalised)
            if "元" not in block.text or "费" not in block.text:
                continue
            m = _NARRATIVE_YUAN.search(nfkc(block.text))
            if m and not m.group(2):
                return float(m.group(1).replace(",", "")), block
    return None
