"""OM001: section 六 does not state the 信息处理费 collected."""

from __future__ import annotations

from collections.abc import Iterator

from linter.finding import Finding
from linter.labels import SECTION_NUMERALS
from linter.model import Report
from linter.rule import Rule, RuleContext
from rules.other_matters.common import section_location
from rules.other_matters.cues import fee_statement

# Section 六 is quoted whole in the message when it is this short (“无。”).
QUOTE_LIMIT = 40


class FeeNotReported(Rule):
    """检查内容：2021 年格式第六部分“其他需要报告的事项”没有说明本年度信息处理费的收取情况。写明收取金额（包括“0 元”），或明确写“未收取”“无收取信息处理费情况”“未产生信息处理费”，都算已说明；只提《政府信息公开信息处理费管理办法》的名称而不说收取情况，不算。

    为何重要：《政府信息公开信息处理费管理办法》自 2021 年起施行，机关可以收取信息处理费；流传的格式模板提示在第六部分报告收费情况，河南省的通知也要求把收取情况纳入年度报告、接受社会监督。第六部分只写“无。”，读者无法知道是否收过费。

    不合规示例：上海市人民政府办公厅 2019 年报告第六部分只写“无。”（2019 年适用试行格式，本规则不对其报告；同样的写法出现在 2021 年以后的报告中即报告）；某市工业和信息化局 2019 年报告第六部分只写承办人大代表建议、政协委员提案的情况，未提收费。

    合规示例：平潭综合实验区 2022 年：“2022年，无收取信息处理费情况。”；上海市人民政府办公厅 2025 年：“2025 年度本机关未收取信息公开处理费。”；淮安市洪泽区人民政府 2023 年：“全年收取政府信息公开信息处理费 0 元。”

    依据：国办函〔2020〕109号《政府信息公开信息处理费管理办法》；流传的 2021 年格式模板第六部分的提示“（文字描述，收取信息处理费情况在此处报告。）”；河南省通知：“信息处理费收取情况……纳入政府信息公开工作年度报告”。模板提示与省级通知都是单一的二手来源（C 级），2021 年格式正文中未读到这一要求，故只作警告。

    What it checks: in the 2021 edition, section 6 (other matters) does not say what information processing fee was collected this year. An amount (including "0 元") or an explicit "未收取" / "无收取信息处理费情况" / "未产生信息处理费" counts as stated; naming the fee rules (《政府信息公开信息处理费管理办法》) without saying what was collected does not.

    Why it matters: since the fee rules took effect in 2021 an agency may charge the fee; the circulating template asks for fee collection in section 6, and the Henan notice has it included in the annual report for public scrutiny. A section 6 reading only "无。" does not tell whether a fee was charged.

    Non-compliant example: 上海市人民政府办公厅 2019 writes only "无。" in section 6 (a 2019-edition report, so not checked; the same text in a 2021+ report is reported); a city 工业和信息化局 2019 reports only the deputies' suggestions and proposals it handled, nothing on the fee.

    Compliant example: 平潭综合实验区 2022: "2022年，无收取信息处理费情况。"; 上海市人民政府办公厅 2025: "2025 年度本机关未收取信息公开处理费。"; 淮安市洪泽区人民政府 2023: "全年收取政府信息公开信息处理费 0 元。"

    Basis: 国办函〔2020〕109号 (the fee rules); the circulating 2021 template's prompt for section 6, "（文字描述，收取信息处理费情况在此处报告。）"; the Henan provincial notice that fee collection is to be included in the annual report. The prompt and the notice are single secondary sources (grade C) and the requirement was not read in the 2021 format's own text, hence a warning.
    """

    code = "OM001"
    name = "fee-not-reported"
    level = "warning"
    precision = "medium"
    needs = ("fee-reporting",)
    grade = "C"
    summary_zh = "第六部分未说明信息处理费收取情况"
    summary_en = "Section 6 does not state the information processing fee collected"
    basis_zh = "国办函〔2020〕109号；2021 年格式模板第六部分提示（C 级来源）"
    basis_en = "国办函〔2020〕109号; the 2021 template's prompt for section 6 (grade C)"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        section = report.section(6)
        if section is None or fee_statement(section.text) is not None:
            return
        body = section.text.strip()
        if not body:
            said_zh, said_en = "没有内容", "is empty"
        elif len(body) <= QUOTE_LIMIT:
            said_zh, said_en = f"只写了“{body}”", f"reads only '{body}'"
        else:
            said_zh, said_en = "", ""
        # The fee stated in another section (some reports put it under 依申请公开).
        elsewhere = [
            (s, p)
            for s in report.sections
            if s.number != 6
            for p in s.paragraphs
            if (said := fee_statement(p.text)) is not None and "处理费" in said.sentence
        ]
        where_zh = where_en = ""
        if elsewhere:
            numbers = sorted({s.number for s, _ in elsewhere})
            where_zh = (
                "（"
                + "、".join(f"第{SECTION_NUMERALS[n - 1]}部分" for n in numbers)
                + "提到了信息处理费，格式模板提示在第六部分报告）"
            )
            where_en = (
                f" (section {', '.join(map(str, numbers))} mentions the fee; the template asks "
                "for it in section 6)"
            )
        yield self.finding(
            report,
            section_location(section),
            f"第六部分“{section.heading}”{said_zh}{'，' if said_zh else ''}没有说明本年度信息处理费的收取情况"
            f"{where_zh}；请写明收取的金额，未收取的也应写明“本年度未收取信息处理费”。",
            f"section 6 '{section.heading}' {said_en}{': it ' if said_en else ''}does not say what "
            f"information processing fee was collected this year{where_en}; state the amount "
            "collected, or that none was collected.",
            related=[section_location(s, p.anchor) for s, p in elsewhere[:3]],
        )
