"""PI004: nothing on how the problems named in last year's report were rectified."""

from __future__ import annotations

from collections.abc import Iterator

from linter import editions
from linter.finding import Finding, Location
from linter.model import Report
from linter.rule import Rule, RuleContext
from rules.problems.cues import MIN_CONTENT_CHARS, content_length, rectification_evidence


class NoRectificationReport(Rule):
    """检查内容：2021 年格式的报告中，第五部分没有说明上一年度报告所列问题的整改情况（如“上年度问题整改情况”“针对2024年工作中存在的问题……”“（一）2024 年工作中存在问题的改进情况”）。第五部分写了“整改情况”“已整改”等，或任何部分明确提到上一年度的问题，本规则即不报告；第五部分缺失或过短的由 ST001、PI001 报告。本规则的依据未经核实（U 级）：2021 年格式第（五）项的原文未能读到，“上年度问题整改情况”是评估机构和检查人员的常见要求，不能作为统一格式的要求引用，因此只作提示。

    为何重要：评估机构通常要求第五部分既写本年度的问题和改进措施，也写上一年度所列问题的整改结果，以判断问题是否真正得到解决、报告是否年年照抄；淮安市洪泽区人民政府 2023、2024 年度报告都没有这部分内容，2024 年的改进措施与 2023 年逐字相同。

    不合规示例：淮安市洪泽区人民政府 2024 年度报告第五部分只写“2024 年……仍存在一些不足……针对存在问题，2025 年我们将切实抓好以下工作……”，没有提到 2023 年度报告所列问题的整改情况。

    合规示例：上海市人民政府办公厅 2025 年度报告第五部分“（一）2024 年工作中存在问题的改进情况：针对 2024 年工作中存在的主要问题，重点采取如下改进措施……”。

    依据：未经核实（U 级）。常见说法为 2021 年格式一、报告内容（五）要求报告“上一年度问题的整改情况”，但在已读到的国办公开办函〔2021〕30号各转载本中均未找到该项原文；检查人员和第三方评估的做法见 CHECKS N5-02。

    What it checks: in a report in the 2021 format, section 5 says nothing on how the problems named in last year's report were rectified (e.g. "上年度问题整改情况", "针对2024年工作中存在的问题……", "（一）2024 年工作中存在问题的改进情况"). When section 5 mentions "整改情况", "已整改" or the like, or any section names last year's problems explicitly, the rule says nothing; a missing or too short section 5 is ST001's or PI001's business. The basis of this rule is unverified (grade U): the wording of item (5) of the 2021 format could not be read; "rectification of last year's problems" is a common demand of evaluators and inspectors, cannot be cited as part of the format, and is therefore only a note.

    Why it matters: evaluators commonly expect section 5 to report not only this year's problems and measures but also what became of the problems named last year, to see whether they were solved and whether the report is copied from year to year. 淮安市洪泽区人民政府's reports on 2023 and 2024 both lack it, and the 2024 measures repeat the 2023 ones word for word.

    Non-compliant example: 淮安市洪泽区人民政府's report on 2024, whose section 5 says only "2024 年……仍存在一些不足……针对存在问题，2025 年我们将切实抓好以下工作……", with nothing on the problems of the 2023 report.

    Compliant example: 上海市人民政府办公厅's report on 2025: "（一）2024 年工作中存在问题的改进情况：针对 2024 年工作中存在的主要问题，重点采取如下改进措施……".

    Basis: unverified (grade U). It is commonly said that item (5) of part 一 of the 2021 format asks for "the rectification of last year's problems", but no copy of 国办公开办函〔2021〕30号 read so far contains that wording; the practice of inspectors and third-party evaluators is described in CHECKS N5-02.
    """

    code = "PI004"
    name = "no-rectification-report"
    level = "note"
    precision = "medium"
    needs = ("problems-rectification",)
    grade = "U"
    summary_zh = "第五部分未说明上一年度问题的整改情况（依据未经核实）"
    summary_en = "Section 5 says nothing on rectifying last year's problems (unverified basis)"
    basis_zh = (
        "未经核实（U 级）：常见的“上年度问题整改情况”要求，未能在国办公开办函〔2021〕30号原文中读到"
    )
    basis_en = "unverified (grade U): the common demand for 'rectification of last year's problems', not found in the text of 国办公开办函〔2021〕30号"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        if not editions.has(report.edition.value, self.needs):
            return
        section = report.section(5)
        if section is None or section.has_table:
            return
        if content_length(section.text) < MIN_CONTENT_CHARS:
            return
        year = report.year.value if isinstance(report.year.value, int) else None
        if rectification_evidence(section.text, year):
            return
        elsewhere = [s for s in report.sections if s.number != 5]
        if any(rectification_evidence(s.text, year, strong_only=True) for s in elsewhere):
            return
        last = f"上一年度（{year - 1} 年度）" if year else "上一年度"
        last_en = f"the {year - 1} report" if year else "last year's report"
        yield self.finding(
            report,
            Location(
                section.anchor, logical="section/5", label_zh="第五部分", label_en="section 5"
            ),
            f"第五部分“{section.heading}”没有说明{last}报告所列问题的整改情况。评估机构和检查人员通常要求写明上一年度问题"
            "的整改结果（本规则的依据未经核实，仅作提示，不代表统一格式的要求）；可增加“上年度问题整改情况”一项。",
            f"section 5 '{section.heading}' says nothing on how the problems named in {last_en} "
            "were rectified. Evaluators and inspectors commonly expect it (the basis of this rule "
            "is unverified: it is advice, not a requirement of the format); consider adding the "
            "rectification of last year's problems.",
        )
