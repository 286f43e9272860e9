"""PI002: problems are stated but no improvement measures."""

from __future__ import annotations

from collections.abc import Iterator

from linter.finding import Finding, Location
from linter.model import Report
from linter.rule import Rule, RuleContext
from rules.problems.cues import has_problem, measure_evidence


class NoImprovementMeasures(Rule):
    """检查内容：第五部分写明了存在的问题，却没有写任何改进措施或改进情况。

    为何重要：条例第五十条第（四）项要求报告“政府信息公开工作存在的主要问题及改进情况”，只列问题不写改进，
    法定内容只完成了一半。

    不合规示例：“……主要表现在：一是信息公开的内容还不够全面……二是信息员工作水平还待提高。”（到此结束）

    合规示例：在列出问题之后写明“下一步，我局将……”或“（二）改进措施：一是加强……”。

    依据：《中华人民共和国政府信息公开条例》第五十条第（四）项：“政府信息公开工作存在的主要问题及改进情况”。

    What it checks: section 5 states problems but no improvement measures or improvement taken.

    Why it matters: article 50 item (4) requires "the main problems of the work and their improvement"; listing problems without improvement fulfils only half of it.

    Non-compliant example: "...主要表现在：一是信息公开的内容还不够全面……二是信息员工作水平还待提高。" (and nothing more).

    Compliant example: after the problems, "下一步，我局将……" or "（二）改进措施：一是加强……".

    Basis: Regulations on Government Information Disclosure, art. 50 item (4): "政府信息公开工作存在的主要问题及改进情况".
    """

    code = "PI002"
    name = "no-improvement-measures"
    level = "error"
    precision = "medium"
    summary_zh = "第五部分只写问题、未写改进措施"
    summary_en = "Section 5 states problems but no improvement measures"
    basis_zh = "《中华人民共和国政府信息公开条例》第五十条第（四）项：存在的主要问题及改进情况"
    basis_en = "Regulations on Government Information Disclosure, art. 50 item (4): main problems and their improvement"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        section = report.section(5)
        if section is None:
            return
        body = section.text
        if not body.strip() or not has_problem(body):
            return
        if measure_evidence(body, report.year.value) is not None:
            return
        yield self.finding(
            report,
            Location(
                section.anchor, logical="section/5", label_zh="第五部分", label_en="section 5"
            ),
            f"第五部分“{section.heading}”列出了存在的问题，但没有写改进措施或改进情况。"
            "条例第五十条第（四）项要求报告“存在的主要问题及改进情况”；请针对所列每个问题写明已采取或将采取的改进措施。",
            f"section 5 '{section.heading}' states problems but no improvement measures. Article 50 "
            "item (4) requires 'the main problems and their improvement': for each problem listed, "
            "state the measures taken or planned.",
            related=[Location(p.anchor) for p in section.paragraphs[:3]],
        )
