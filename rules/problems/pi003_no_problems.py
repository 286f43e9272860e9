"""PI003: section 五 states no problem — only measures, or “不存在问题”."""

from __future__ import annotations

from collections.abc import Iterator

from linter.finding import Finding, Location
from linter.model import Report
from linter.rule import Rule, RuleContext
from rules.problems.cues import (
    MIN_CONTENT_CHARS,
    content_length,
    denial_evidence,
    has_problem,
    measure_evidence,
)
from rules.structure.locate import point_into


class NoProblemsStated(Rule):
    """检查内容：第五部分没有写出任何存在的问题：只写了改进措施或下一步打算，或声称“不存在问题”“未发现明显问题”。只要写出了问题（如“存在……不足”“有待提高”“不够到位”），本规则就不报告；内容过短的由 PI001 报告。

    为何重要：条例第五十条第（四）项要求报告“存在的主要问题及改进情况”，问题是改进的前提；只写措施不写问题，或笼统声称没有问题，检查人员会认为报告回避问题、敷衍了事。

    不合规示例：“下一步，我局将进一步加强政府信息公开工作，丰富公开内容，提升公开质量。”（没有任何问题）；或“本年度我局政府信息公开工作不存在问题。”

    合规示例：平潭综合实验区 2021 年度报告第五部分先写“（一）存在的主要问题：政策解读形式不够丰富……”，再写“（二）改进措施：一是丰富政策解读形式……”。

    依据：《中华人民共和国政府信息公开条例》第五十条第（四）项：“政府信息公开工作存在的主要问题及改进情况”。

    What it checks: section 5 states no problem at all: only measures or plans, or a claim that there are no problems ("不存在问题", "未发现明显问题"). As soon as a problem is stated ("存在……不足", "有待提高", "不够到位" …) the rule says nothing; a section too short to read is PI001's business.

    Why it matters: article 50 item (4) requires "the main problems and their improvement"; problems come before improvement. Measures with no problem, or a blanket claim of none, look to inspectors like evading the question.

    Non-compliant example: "下一步，我局将进一步加强政府信息公开工作，丰富公开内容，提升公开质量。" (no problem named); or "本年度我局政府信息公开工作不存在问题。"

    Compliant example: 平潭综合实验区's report on 2021: "（一）存在的主要问题：政策解读形式不够丰富……", then "（二）改进措施：一是丰富政策解读形式……".

    Basis: Regulations on Government Information Disclosure, art. 50 item (4): "政府信息公开工作存在的主要问题及改进情况".
    """

    code = "PI003"
    name = "no-problems-stated"
    level = "warning"
    precision = "medium"
    summary_zh = "第五部分没有写出存在的问题"
    summary_en = "Section 5 states no problem"
    basis_zh = "《中华人民共和国政府信息公开条例》第五十条第（四）项：存在的主要问题及改进情况"
    basis_en = "Regulations on Government Information Disclosure, art. 50 item (4): main problems and their improvement"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        section = report.section(5)
        if section is None or section.has_table:
            return
        body = section.text
        if content_length(body) < MIN_CONTENT_CHARS or has_problem(body):
            return
        heading = Location(
            section.anchor, logical="section/5", label_zh="第五部分", label_en="section 5"
        )
        for block in section.paragraphs:
            if denial := denial_evidence(block.text):
                phrase = denial.group(0)
                anchor = point_into(report, block, denial.start(), len(phrase))
                yield self.finding(
                    report,
                    Location(
                        anchor, logical="section/5", label_zh="第五部分", label_en="section 5"
                    ),
                    f"第五部分“{section.heading}”称“{phrase}”，没有写出任何存在的问题。条例第五十条第（四）项要求"
                    "报告存在的主要问题及改进情况；请如实写明本年度工作中的主要问题和不足。",
                    f"section 5 '{section.heading}' says '{phrase}' (no problems) and names none. "
                    "Article 50 item (4) requires the main problems and their improvement: state "
                    "this year's main problems and shortcomings.",
                    sub_id="denied",
                    related=[heading],
                )
                return
        if measure_evidence(body, report.year.value) is None:
            return  # neither problems nor measures recognised: not sure what it says
        yield self.finding(
            report,
            heading,
            f"第五部分“{section.heading}”只写了改进措施，没有写出存在的问题。条例第五十条第（四）项要求报告"
            "存在的主要问题及改进情况；请先写明本年度工作中的主要问题，再写针对这些问题的改进措施。",
            f"section 5 '{section.heading}' states measures but no problem. Article 50 item (4) "
            "requires the main problems and their improvement: name this year's main problems, "
            "then the measures against each.",
            sub_id="measures-only",
            related=[Location(p.anchor) for p in section.paragraphs[:3]],
        )
