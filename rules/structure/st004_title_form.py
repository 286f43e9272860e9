"""ST004: the title reads “{机关名称}{YYYY}年(度)政府信息公开工作年度报告”."""

from __future__ import annotations

from collections.abc import Iterator

from linter.document import Anchor
from linter.finding import Finding, Location
from linter.model import Report
from linter.rule import Rule, RuleContext
from linter.textnorm import compact
from rules.structure.cues import REPORT_NAME
from rules.structure.title import title_agency


class TitleForm(Rule):
    """检查内容：报告标题应为“{机关名称}{YYYY}年(度)政府信息公开工作年度报告”。分别报告：没有标题；标题中没有机关名称；标题中没有年度；标题未使用“政府信息公开工作年度报告”这一名称（如“政务公开工作年度报告”“信息公开年报”）。机关名称写在年度之后（如“2019年上海市人民政府办公厅政府信息公开工作年度报告”），或单独印在标题上一行（如“淮安市洪泽区人民政府 / 2024 年政府信息公开工作年度报告”），视为符合。

    为何重要：标题是公众、检查人员和汇总系统识别报告属于哪个机关、哪一年度的依据；缺少机关名称或年度的报告无法归档、无法与上一年度比对，也无法核对是否按期公开。“政府信息公开工作年度报告”是条例使用的法定名称。

    不合规示例：某市工业和信息化局 2019 年度报告的标题为“2019年度政府信息公开工作年度报告”，没有机关名称。

    合规示例：“淮安市人民政府2024年政府信息公开工作年度报告”；“平潭综合实验区2022年度政府信息公开工作年度报告”。

    依据：《中华人民共和国政府信息公开条例》第四十九条、第五十条使用“政府信息公开工作年度报告”这一名称，并要求各行政机关公布本机关上一年度的年度报告；标题格式为检查人员的通行要求（单一来源，C 级）。

    What it checks: the title reads "{agency}{YYYY}年(度)政府信息公开工作年度报告". Reported separately: no title; no agency in the title; no year in the title; the title does not use the name 政府信息公开工作年度报告 (e.g. 政务公开工作年度报告, 信息公开年报). An agency named after the year ("2019年上海市人民政府办公厅政府信息公开工作年度报告"), or printed on its own line above the title ("淮安市洪泽区人民政府" / "2024 年政府信息公开工作年度报告"), is accepted.

    Why it matters: the title is how the public, inspectors and collection systems tell which agency and which year a report is about; a report without agency or year cannot be filed, compared with the previous year or checked for timely publication. 政府信息公开工作年度报告 is the statutory name.

    Non-compliant example: a city 工业和信息化局's 2019 report titled "2019年度政府信息公开工作年度报告", with no agency name.

    Compliant example: "淮安市人民政府2024年政府信息公开工作年度报告"; "平潭综合实验区2022年度政府信息公开工作年度报告".

    Basis: Regulations on Government Information Disclosure, arts. 49 and 50 (the name 政府信息公开工作年度报告; each agency publishes its report on the previous year); the title form is inspectors' common practice (a single source, grade C).
    """

    code = "ST004"
    name = "title-form"
    level = "warning"
    grade = "C"
    summary_zh = "标题缺少机关名称或年度，或未用法定名称"
    summary_en = "The title lacks the agency or the year, or the statutory name"
    basis_zh = "《中华人民共和国政府信息公开条例》第四十九条、第五十条（政府信息公开工作年度报告）"
    basis_en = (
        "Regulations on Government Information Disclosure, arts. 49–50 (政府信息公开工作年度报告)"
    )

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        title = report.title
        if title is None:
            if report.preamble:
                first = report.preamble[0].anchor
            elif report.sections:
                first = report.sections[0].anchor
            else:
                first = Anchor(line=1, column=1)
            yield self.finding(
                report,
                Location(first, logical="title", label_zh="标题", label_en="title"),
                "未找到报告标题。标题应为“{机关名称}{YYYY}年度政府信息公开工作年度报告”，"
                "写明发布机关和报告年度；请在正文前加上标题。",
                "no report title was found. The title should read '{agency}{YYYY}年度"
                "政府信息公开工作年度报告', naming the agency and the year: add it before the text.",
                sub_id="missing",
            )
            return
        location = Location(title.anchor, logical="title", label_zh="标题", label_en="title")
        printed = title.text.strip()
        if title_agency(report) is None:
            yield self.finding(
                report,
                location,
                f"标题“{printed}”中没有发布机关的名称。标题应为“{{机关名称}}{{YYYY}}年度政府信息公开工作年度报告”；"
                "请在标题中写明机关全称，以便识别、归档和与上一年度报告比对。",
                f"the title '{printed}' does not name the agency. It should read "
                "'{agency}{YYYY}年度政府信息公开工作年度报告': add the agency's full name so the "
                "report can be identified, filed and compared with last year's.",
                sub_id="agency",
            )
        if report.year.decided_by != "title":
            yield self.finding(
                report,
                location,
                f"标题“{printed}”中没有报告年度。标题应为“{{机关名称}}{{YYYY}}年度政府信息公开工作年度报告”；"
                "请在标题中写明报告所属年度。",
                f"the title '{printed}' does not state the year. It should read "
                "'{agency}{YYYY}年度政府信息公开工作年度报告': add the year the report covers.",
                sub_id="year",
            )
        if REPORT_NAME not in compact(printed):
            yield self.finding(
                report,
                location,
                f"标题“{printed}”未使用“{REPORT_NAME}”这一名称。条例第四十九条、第五十条称之为"
                f"“{REPORT_NAME}”；请将标题改为“{{机关名称}}{{YYYY}}年度{REPORT_NAME}”。",
                f"the title '{printed}' does not use the name '{REPORT_NAME}' that articles 49 and "
                f"50 give the report; rename it '{{agency}}{{YYYY}}年度{REPORT_NAME}'.",
                sub_id="name",
            )
