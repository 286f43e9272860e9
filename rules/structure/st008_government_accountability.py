"""ST008: a 人民政府 report reports 工作考核、社会评议和责任追究结果情况."""

from __future__ import annotations

from collections.abc import Iterator

from linter.finding import Finding, Location
from linter.model import Report
from linter.rule import Rule, RuleContext
from rules.publication.issuer import is_people_government, issuer_kind
from rules.structure.cues import ACCOUNTABILITY_ITEMS, missing_topics
from rules.structure.locate import narrative_blocks
from rules.structure.title import title_agency


class GovernmentAccountability(Rule):
    """检查内容：各级人民政府的年度报告应当包括工作考核、社会评议和责任追究结果情况。本规则只检查人民政府的报告：发布主体类型取自配置（issuer-kind），未配置时仅当机关名称（取自标题）以“人民政府”结尾时推断为人民政府（乡镇人民政府也是）；政府办公厅（室）、政府部门及无法判断的报告不检查。报告任何部分都没有提到工作考核（考核、考评）、社会评议（评议、社会评价、第三方评估等）或责任追究（责任追究、问责、追责等）时，在一条警告中列出缺少的项目。

    为何重要：条例第五十条第（四）项对人民政府的年度报告提出了部门报告所没有的额外要求；2021 年格式将其列入总体情况的“监督保障”。缺少这些内容，公众无法了解本级政府对政府信息公开工作的考核、评议和追责结果。

    不合规示例：淮安市洪泽区人民政府 2023 年度报告全文没有提到考核、社会评议或责任追究；2024 年度报告只写了“将政府网站平台信息公开工作纳入全区高质量发展考核内容”，没有社会评议和责任追究结果。

    合规示例：“三是落实社会评议和责任追究制度。……积极主动接受社会评议，未发生相关责任人责任追究问题情况”，并写明年度考核情况（平潭综合实验区 2022 年度报告的写法）。

    依据：《中华人民共和国政府信息公开条例》第五十条第（四）项：“各级人民政府的政府信息公开工作年度报告还应当包括工作考核、社会评议和责任追究结果情况”；国办公开办函〔2021〕30号（一）总体情况：监督保障“含……各级人民政府‘工作考核、社会评议和责任追究结果情况’”。

    What it checks: the annual report of a people's government at any level must include the results of performance assessment, public evaluation and accountability. Only government reports are checked: the issuer kind comes from the configuration (issuer-kind), otherwise the issuer is taken to be a government only when the agency's name (from the title) ends in 人民政府 (a township's included); general offices of governments, departments and unknown issuers are not checked. When no part of the report mentions assessment (考核, 考评), public evaluation (评议, 社会评价, 第三方评估 …) or accountability (责任追究, 问责, 追责 …), one warning lists what is missing.

    Why it matters: article 50 item (4) asks more of a government's report than of a department's; the 2021 format places it under "supervision and safeguards" in the overview. Without it the public cannot see how the government assessed, had evaluated and held to account its disclosure work.

    Non-compliant example: 淮安市洪泽区人民政府's report on 2023 mentions neither assessment nor public evaluation nor accountability; its report on 2024 only says the disclosure work was included in the district's 高质量发展考核, with no evaluation or accountability results.

    Compliant example: "三是落实社会评议和责任追究制度。……积极主动接受社会评议，未发生相关责任人责任追究问题情况", with the year's assessment stated (as 平潭综合实验区's report on 2022 does).

    Basis: Regulations on Government Information Disclosure, art. 50 item (4): reports of people's governments at all levels also include the results of performance assessment, public evaluation and accountability; 国办公开办函〔2021〕30号, item (1) overview: supervision and safeguards include these results for governments.
    """

    code = "ST008"
    name = "government-accountability"
    level = "warning"
    precision = "medium"
    summary_zh = "人民政府的报告未报告工作考核、社会评议和责任追究结果情况"
    summary_en = "A government's report lacks the results of assessment, public evaluation and accountability"
    basis_zh = "《中华人民共和国政府信息公开条例》第五十条第（四）项"
    basis_en = "Regulations on Government Information Disclosure, art. 50 item (4)"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        agency = title_agency(report) or report.agency.value
        kind = issuer_kind(report, context.issuer_kind, agency or "")
        # 各级人民政府: a 乡/镇人民政府 (issuer kind township, as a 街道办事处 is) included
        government = kind == "government" or (kind == "township" and is_people_government(agency))
        if not government or not report.sections:
            return
        text = "\n".join(block.text for block in narrative_blocks(report))
        missing = missing_topics(text, ACCOUNTABILITY_ITEMS)
        if not missing:
            return
        overview = report.section(1)
        anchor = (overview or report.sections[0]).anchor
        number = (overview or report.sections[0]).number
        zh = "、".join(m[0] for m in missing)
        en = ", ".join(m[1] for m in missing)
        agency = agency or "本级人民政府"
        yield self.finding(
            report,
            Location(
                anchor, logical=f"section/{number}", label_zh="第一部分", label_en="section 1"
            ),
            f"“{agency}”是人民政府，其年度报告未报告{zh}的结果情况。条例第五十条第（四）项要求各级人民政府的年度报告"
            "包括工作考核、社会评议和责任追究结果情况；请在总体情况的“监督保障”中补充（没有发生的，也应写明）。",
            f"'{agency}' is a people's government, and its report does not state the results of "
            f"{en}. Article 50 item (4) requires a government's report to include the results of "
            "performance assessment, public evaluation and accountability: add them under "
            "'supervision and safeguards' in the overview (say so where there were none).",
            missing=[m[0] for m in missing],
        )
