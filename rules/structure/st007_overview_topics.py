"""ST007: 一、总体情况 touches each of the five topics the 2021 format names."""

from __future__ import annotations

from collections.abc import Iterator

from linter import editions
from linter.finding import Finding, Location
from linter.model import Report
from linter.rule import Rule, RuleContext
from rules.structure.cues import OVERVIEW_TOPICS, missing_topics


class OverviewTopics(Rule):
    """检查内容：2021 年格式要求第一部分“总体情况”主要包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面。本规则检查第一部分是否涉及每一个方面，并在一条提示中列出未涉及的方面。每个方面接受多种说法（如平台建设：政府网站、政务新媒体、门户网站、政府公报、公开专栏；监督保障：监督、考核、培训、评议、督查等），只要提到即视为涉及。

    为何重要：总体情况是对本机关贯彻落实条例情况的综述，五个方面缺一，读者就无法了解该方面的工作；检查人员通常按这五个方面逐项查看。

    不合规示例：某局的总体情况只写了“完善工作机制、加强制度建设、丰富公开内容”，没有提到主动公开的情况，也没有提到依申请公开。

    合规示例：淮安市洪泽区人民政府 2024 年度报告的总体情况依次为（一）主动公开情况、（二）依申请公开情况、（三）政府信息管理情况、（四）政府信息公开平台建设情况、（五）政府信息公开监督保障情况。

    依据：国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》一、报告内容（一）总体情况：“主要包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障……”。

    What it checks: the 2021 format says section 一 (overview) mainly covers five topics: proactive disclosure, disclosure on application, government information management, disclosure platforms, and supervision and safeguards. This rule checks that section 一 touches each of them and lists the missing ones in one note. Each topic accepts several wordings (platforms: 政府网站, 政务新媒体, 门户网站, 政府公报, 公开专栏; supervision: 监督, 考核, 培训, 评议, 督查 …); a mention counts.

    Why it matters: the overview summarises how the agency implemented the regulations; with a topic missing, readers learn nothing about that part of the work, and inspectors read the overview topic by topic.

    Non-compliant example: a bureau's overview covers only "完善工作机制、加强制度建设、丰富公开内容", with nothing on proactive disclosure and nothing on applications.

    Compliant example: 淮安市洪泽区人民政府's report on 2024: （一）主动公开情况、（二）依申请公开情况、（三）政府信息管理情况、（四）政府信息公开平台建设情况、（五）政府信息公开监督保障情况.

    Basis: 国办公开办函〔2021〕30号, the format's part 一 item （一） 总体情况: "主要包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障……".
    """

    code = "ST007"
    name = "overview-topics"
    level = "note"
    precision = "medium"
    needs = ("overview-topics",)
    summary_zh = "总体情况未涉及 2021 年格式列出的某些方面"
    summary_en = "The overview does not touch every topic the 2021 format lists"
    basis_zh = "国办公开办函〔2021〕30号 一、报告内容（一）总体情况"
    basis_en = "国办公开办函〔2021〕30号, part 一 item (1): the overview"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        if not editions.has(report.edition.value, self.needs):
            return
        overview = report.section(1)
        if overview is None or not overview.text.strip():
            return
        missing = missing_topics(overview.text, OVERVIEW_TOPICS)
        if not missing:
            return
        zh = "、".join(m[0] for m in missing)
        en = ", ".join(m[1] for m in missing)
        yield self.finding(
            report,
            Location(
                overview.anchor, logical="section/1", label_zh="第一部分", label_en="section 1"
            ),
            f"第一部分“{overview.heading}”未涉及：{zh}。2021 年格式要求总体情况主要包括主动公开、依申请公开、"
            "政府信息管理、政府信息公开平台建设、监督保障五个方面；请补充上述方面的情况。",
            f"section 1 '{overview.heading}' does not touch: {en}. The 2021 format says the "
            "overview mainly covers proactive disclosure, disclosure on application, government "
            "information management, disclosure platforms, and supervision and safeguards: add "
            "the missing topics.",
            missing=[m[0] for m in missing],
        )
