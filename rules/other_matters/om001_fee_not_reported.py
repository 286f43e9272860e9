"""OM001: section 六 does not state the 信息处理费 collected."""

from __future__ import annotations

from collections.abc import Iterator

from linter.finding import Finding, Location
from linter.model import Report
from linter.rule import Rule, RuleContext
from rules.other_matters.cues import states_fee


class FeeNotReported(Rule):
    """检查内容：2021 年格式第六部分“其他需要报告的事项”没有说明信息处理费的收取情况。明确写“未收取”“无收取信息处理费情况”也算已说明。

    为何重要：《政府信息公开信息处理费管理办法》实施后，信息处理费收取情况要纳入年度报告接受社会监督；只写“无。”读者无法知道是否收费。

    不合规示例：上海市人民政府办公厅 2019 年报告第六部分只写“无。”（2019 年适用试行格式，本规则不对其报告，仅作示例）；2021 年以后的报告第六部分只写人大建议办理情况、未提收费。

    合规示例：平潭综合实验区 2022 年：“2022年，无收取信息处理费情况。”；上海市人民政府办公厅 2025 年：“2025 年度本机关未收取信息公开处理费。”

    依据：国办函〔2020〕109号《政府信息公开信息处理费管理办法》；流传的 2021 年格式模板第六部分提示“（文字描述，收取信息处理费情况在此处报告。）”（C 级来源）；河南省通知：“信息处理费收取情况……纳入政府信息公开工作年度报告”。

    What it checks: in the 2021 edition, section 6 (other matters) does not state the information processing fee collected. An explicit "未收取" (none collected) counts as stated.

    Why it matters: since the fee rules took effect, fee collection is to be reported in the annual report for public scrutiny; a section 6 reading only "无。" does not tell whether fees were charged.

    Non-compliant example: a 2021+ report whose section 6 only reports suggestions handled and says nothing about the fee.

    Compliant example: 平潭综合实验区 2022: "2022年，无收取信息处理费情况。"; 上海市人民政府办公厅 2025: "2025 年度本机关未收取信息公开处理费。"

    Basis: 国办函〔2020〕109号 (the fee rules); the circulating 2021 template's prompt for section 6, "（文字描述，收取信息处理费情况在此处报告。）" (a grade-C source); the Henan provincial notice that fee collection is to be included in the annual report.
    """

    code = "OM001"
    name = "fee-not-reported"
    level = "warning"
    editions = ("2021",)
    grade = "C"
    summary_zh = "第六部分未说明信息处理费收取情况"
    summary_en = "Section 6 does not state the information processing fee collected"
    basis_zh = "国办函〔2020〕109号；2021 年格式模板第六部分提示（C 级来源）"
    basis_en = "国办函〔2020〕109号; the 2021 template's prompt for section 6 (grade C)"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        section = report.section(6)
        if section is None:
            return
        if states_fee(section.text):
            return
        yield self.finding(
            report,
            Location(
                section.anchor, logical="section/6", label_zh="第六部分", label_en="section 6"
            ),
            f"第六部分“{section.heading}”没有说明信息处理费的收取情况；请写明本年度收取信息处理费的情况，"
            "未收取的也应写明“未收取信息处理费”。",
            f"section 6 '{section.heading}' does not state the information processing fee collected; "
            "state this year's fee collection, or that none was collected.",
        )
