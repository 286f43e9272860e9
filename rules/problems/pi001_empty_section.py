"""PI001: section 五 is empty, says only “无”, or is too short to state anything."""

from __future__ import annotations

from collections.abc import Iterator

from linter.finding import Finding, Location
from linter.model import Report
from linter.rule import Rule, RuleContext
from rules.problems.cues import MIN_CONTENT_CHARS, content_length, is_none_answer


class EmptySection(Rule):
    """检查内容：第五部分“存在的主要问题及改进情况”没有内容、只写“无”“暂无”，或正文（不计空白和标点）不足 30 个字。第五部分整体缺失的由 ST001 报告；第五部分内有表格的不检查。

    为何重要：条例第五十条第（四）项要求年度报告写明政府信息公开工作存在的主要问题及改进情况；空白、“无”或一句套话等于没有报告这一法定内容，是评估中常见的扣分项。

    不合规示例：“五、存在的主要问题及改进情况”之下只有“无。”；或只有模板提示“（文字描述）”。

    合规示例：淮安市人民政府 2024 年度报告第五部分写明两个主要问题（政策解读质量、政务公开队伍建设）和相应的改进措施。

    依据：《中华人民共和国政府信息公开条例》第五十条第（四）项：“政府信息公开工作存在的主要问题及改进情况”。

    What it checks: section 5 (main problems and improvement) is empty, says only "无" / "暂无", or has fewer than 30 characters of text (whitespace and punctuation not counted). A missing section 5 is ST001's business; a section 5 holding a table is not checked.

    Why it matters: article 50 item (4) requires the report to state the main problems of the disclosure work and their improvement; a blank, a "none" or one stock phrase reports nothing, and evaluators mark it down.

    Non-compliant example: "五、存在的主要问题及改进情况" followed only by "无。", or only by the template prompt "（文字描述）".

    Compliant example: 淮安市人民政府's report on 2024 names two main problems (quality of policy explanations, staffing) and the measures for each.

    Basis: Regulations on Government Information Disclosure, art. 50 item (4): "政府信息公开工作存在的主要问题及改进情况".
    """

    code = "PI001"
    name = "empty-section"
    level = "error"
    precision = "medium"
    summary_zh = "第五部分为空、只写“无”或内容过短"
    summary_en = "Section 5 is empty, says only 'none', or is too short"
    basis_zh = "《中华人民共和国政府信息公开条例》第五十条第（四）项：存在的主要问题及改进情况"
    basis_en = "Regulations on Government Information Disclosure, art. 50 item (4): main problems and their improvement"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        section = report.section(5)
        if section is None or section.has_table:
            return
        body = section.text
        length = content_length(body)
        if length >= MIN_CONTENT_CHARS:
            return
        printed = " ".join(body.split())
        if length == 0:
            sub_id = "empty"
            what_zh, what_en = "没有任何内容", "is empty"
        elif is_none_answer(body):
            sub_id = "none"
            what_zh, what_en = f"只写了“{printed}”", f"says only '{printed}'"
        else:
            sub_id = "short"
            what_zh = f"只有 {length} 个字（“{printed}”），不足 {MIN_CONTENT_CHARS} 个字"
            what_en = (
                f"has only {length} characters of text ('{printed}'), under {MIN_CONTENT_CHARS}"
            )
        where = section.paragraphs[0].anchor if section.paragraphs else section.anchor
        yield self.finding(
            report,
            Location(where, logical="section/5", label_zh="第五部分", label_en="section 5"),
            f"第五部分“{section.heading}”{what_zh}。条例第五十条第（四）项要求报告政府信息公开工作存在的主要问题"
            "及改进情况；请写明本年度工作中存在的主要问题和相应的改进措施。",
            f"section 5 '{section.heading}' {what_en}. Article 50 item (4) requires the main "
            "problems of the disclosure work and their improvement: state this year's main "
            "problems and the measures taken or planned for each.",
            sub_id=sub_id,
            reported=length,
        )
