"""OM002: section 三 （六）2 > 0 but section 六 reports no fee notice."""

from __future__ import annotations

from collections.abc import Iterator

from linter import arith
from linter.finding import Finding, Location
from linter.model import Report
from linter.rule import Rule, RuleContext
from rules.other_matters.cues import mentions_fee_notice, states_fee


class FeeNoticeInconsistent(Rule):
    """检查内容：2021 年格式第三部分“（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”大于 0（说明本年发出过收费通知），但第六部分没有报告发出收费通知的情况（件数、金额）。第六部分完全没有提信息处理费时，消息会一并指出。

    为何重要：有申请人因逾期未缴费而不再处理，就一定发出过收费通知；信息处理费情况应完整报告，包括发出通知和实际收取两方面。

    不合规示例：淮安市人民政府 2024 年：第三部分（六）2 为 6 件，第六部分只写“全年收取……信息处理费 3940 元”，没有收费通知的件数和金额。

    合规示例：第三部分（六）2 为 0，第六部分写“本年度未收取信息处理费”；或写明“发出收费通知 N 件、金额 X 元，实际收取 Y 元”。

    依据：条例第四十二条与国办函〔2020〕109号（信息处理费及收费通知）；第三部分（六）2 的行含义（FORMATS.md §5 X-FEE，按表格语义推得）。

    What it checks: in the 2021 edition, section 3 row (6)2 "the applicant did not pay by the fee notice, processing stopped" is above 0 (so fee notices were issued this year), but section 6 reports no fee notice (count, amount). When section 6 says nothing about the fee at all, the message says that too.

    Why it matters: applications dropped for an unpaid fee mean fee notices were issued; the fee should be reported completely: notices issued and amounts collected.

    Non-compliant example: 淮安市人民政府 2024: row (6)2 is 6, but section 6 only says "全年收取……信息处理费 3940 元", with no number or amount of fee notices.

    Compliant example: row (6)2 is 0 and section 6 says no fee was collected; or section 6 gives "发出收费通知 N 件、金额 X 元，实际收取 Y 元".

    Basis: article 42 and 国办函〔2020〕109号 (the fee and its notice); the meaning of row (6)2 of section 3 (FORMATS.md §5 X-FEE, derived).
    """

    code = "OM002"
    name = "fee-notice-inconsistent"
    level = "warning"
    editions = ("2021",)
    grade = "D"
    summary_zh = "第三部分有逾期未缴费的申请，第六部分未报告收费通知"
    summary_en = "Applications dropped for unpaid fees, but no fee notice reported in section 6"
    basis_zh = "条例第四十二条、国办函〔2020〕109号；第三部分（六）2 的行含义（按表格语义推得）"
    basis_en = "Art. 42 and 国办函〔2020〕109号; the meaning of row (6)2 of section 3 (derived)"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        section = report.section(6)
        cell = report.applications.cell("other_handling.unpaid_fee", "total")
        if section is None or cell is None or cell.state != "number" or not cell.value:
            return
        text = section.text
        if mentions_fee_notice(text):
            return
        count = arith.fmt(cell.value)
        if states_fee(text):
            zh = "第六部分虽提到了信息处理费，却没有报告发出收费通知的件数和金额"
            en = "section 6 mentions the fee but not the number and amount of fee notices issued"
        else:
            zh = "第六部分完全没有提到信息处理费或收费通知"
            en = "section 6 says nothing about the fee or fee notices"
        yield self.finding(
            report,
            Location(
                section.anchor, logical="section/6", label_zh="第六部分", label_en="section 6"
            ),
            f"第三部分“（六）2.申请人逾期未按收费通知要求缴纳费用”为 {count} 件，说明本年发出过收费通知，"
            f"而{zh}；请在第六部分补充收费通知的件数、金额和实际收取情况。",
            f"section 3 row (6)2 (fee not paid by the notice) is {count}, so fee notices were issued this "
            f"year, but {en}; report the number and amount of notices and the fees collected in section 6.",
            related=[Location(cell.anchor, logical="三/other_handling.unpaid_fee/total")],
            reported=cell.value,
        )
