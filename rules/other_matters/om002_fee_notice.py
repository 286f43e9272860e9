"""OM002: section 三 （六）2 > 0 but section 六 reports no fee notice."""

from __future__ import annotations

from collections.abc import Iterator

from linter import arith
from linter.finding import Finding
from linter.model import Report
from linter.rule import Rule, RuleContext
from rules.other_matters.common import section_location, unpaid_fee
from rules.other_matters.cues import fee_statement, notice_statement


class FeeNoticeInconsistent(Rule):
    """检查内容：2021 年格式第三部分“（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”大于 0（说明发出过收费通知），但第六部分没有报告收费通知：没有提到收费通知（只写了收取的金额，或完全没有提信息处理费），或者写明“未发出收费通知”，或者写出的收费通知件数少于（六）2 的件数。只写收取金额的，消息会引用那句话。

    为何重要：申请人因逾期未缴费而不再处理，说明行政机关向他发出过收费通知；信息处理费情况应完整报告，既有发出的通知，也有实际收取的金额。只写“收取 X 元”，读者看不出有多少申请因未缴费而终止。

    不合规示例：淮安市人民政府 2024 年：第三部分（六）2 为 6 件，第六部分只写“全年收取政府信息公开信息处理费 3940 元”，没有收费通知的件数和金额。

    合规示例：平潭综合实验区 2022 年：（六）2 为 0，第六部分写“2022年，无收取信息处理费情况。”；或（六）2 为 6 件，第六部分写“全年发出收费通知 6 件、金额 5200 元，实际收取信息处理费 3940 元”。

    依据：条例第四十二条与国办函〔2020〕109号（信息处理费与收费通知）；第三部分（六）2 的行标签本身说明发出过收费通知（FORMATS.md §5 X-FEE，按表格语义推得，D 级）。收费通知也可能是上一年度发出的（结转的申请），故只作警告。

    What it checks: in the 2021 edition, section 3 row (6)2 "the applicant did not pay the fee by the fee notice, the application is no longer processed" is above 0 (so fee notices were issued), but section 6 does not report fee notices: it does not mention them (it gives only the amount collected, or says nothing about the fee), or it says none were issued, or the number of notices it gives is below row (6)2. When only the amount collected is given, the message quotes that sentence.

    Why it matters: an application dropped because the fee was not paid means a fee notice was sent; the fee should be reported completely, notices issued as well as amounts collected. "X 元 collected" alone does not show how many applications ended unpaid.

    Non-compliant example: 淮安市人民政府 2024: row (6)2 is 6, but section 6 only says "全年收取政府信息公开信息处理费 3940 元", with no number or amount of fee notices.

    Compliant example: 平潭综合实验区 2022: row (6)2 is 0 and section 6 says "2022年，无收取信息处理费情况。"; or row (6)2 is 6 and section 6 says "全年发出收费通知 6 件、金额 5200 元，实际收取信息处理费 3940 元".

    Basis: article 42 of the Regulations and 国办函〔2020〕109号 (the fee and its notice); the label of row (6)2 itself says a fee notice was issued (FORMATS.md §5 X-FEE, derived from the table's meaning, grade D). A notice may have been issued the year before (an application carried over), hence a warning.
    """

    code = "OM002"
    name = "fee-notice-inconsistent"
    level = "warning"
    precision = "medium"
    needs = ("fee-reporting", "applications/other_handling.unpaid_fee")
    grade = "D"
    summary_zh = "第三部分有逾期未缴费的申请，第六部分未报告收费通知"
    summary_en = "Applications dropped for unpaid fees, but no fee notice reported in section 6"
    basis_zh = "条例第四十二条、国办函〔2020〕109号；第三部分（六）2 的行含义（按表格语义推得）"
    basis_en = "Art. 42 and 国办函〔2020〕109号; the meaning of row (6)2 of section 3 (derived)"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        section = report.section(6)
        dropped = unpaid_fee(report)
        if section is None or dropped is None or dropped.count <= 0:
            return
        n = arith.fmt(dropped.count)
        text = section.text
        notice = notice_statement(text)
        fee = fee_statement(text)
        lead_zh = (
            f"第三部分“（六）2.申请人逾期未按收费通知要求缴纳费用”为 {n} 件，说明发出过收费通知"
        )
        lead_en = f"section 3 row (6)2 (fee not paid by the fee notice) is {n}, so fee notices were issued"
        if notice is None:
            sub_id = "no-notice"
            if fee is not None:
                said_zh = f"第六部分只写了“{fee.sentence}”，没有报告收费通知的件数和金额"
                said_en = f"section 6 only says '{fee.sentence}', not the number and amount of fee notices"
            else:
                said_zh = "第六部分完全没有提到信息处理费或收费通知"
                said_en = "section 6 says nothing about the fee or fee notices"
        elif notice.denied:
            sub_id = "notice-denied"
            said_zh = f"第六部分却写“{notice.sentence}”"
            said_en = f"section 6 says '{notice.sentence}'"
        elif notice.count is not None and notice.count < dropped.count:
            sub_id = "count"
            said_zh = (
                f"第六部分写发出收费通知 {notice.count} 件（“{notice.sentence}”），少于 {n} 件"
                "（除非部分通知是上一年度发出的）"
            )
            said_en = (
                f"section 6 gives {notice.count} fee notices ('{notice.sentence}'), fewer than "
                f"{n} (unless some were issued the year before)"
            )
        else:
            return
        yield self.finding(
            report,
            section_location(section),
            f"{lead_zh}，而{said_zh}；请在第六部分写明本年度发出收费通知的件数、金额和实际收取的信息处理费，"
            "并与第三部分（六）2 核对。",
            f"{lead_en}, but {said_en}; state in section 6 the number and amount of fee notices "
            "issued and the fees collected this year, and check them against row (6)2.",
            sub_id=sub_id,
            related=[dropped.location],
            expected=dropped.count if sub_id == "count" else None,
            reported=notice.count if sub_id == "count" and notice else dropped.count,
        )
