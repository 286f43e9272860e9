"""An example gongkai-lint plugin: one local rule, registered through an entry point.

Some provinces ask every report to end with a contact line (联系电话 / 联系地址) so
that the public can ask about it. That is a local requirement, not national law, so it
ships as its own package rather than in gongkai-lint.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter import hookimpl
from linter.finding import Finding, Location
from linter.model import Report
from linter.rule import Rule, RuleContext

_CONTACT = re.compile(r"联系(电话|方式|地址)|电话[:：]?\s*[\d（(]")


class ContactInformation(Rule):
    """检查内容：报告中没有联系电话或联系地址，公众无法就报告内容咨询。

    为何重要：部分省份要求年度报告写明咨询渠道；没有联系方式，公众对报告的疑问无处反映。

    不合规示例：报告在第六部分之后结束，全文没有“联系电话”或“联系地址”。

    合规示例：平潭综合实验区 2020 年报告：“联系地址：平潭综合实验区北厝金井湾片区管委会大楼主楼14层；……电话/传真：0591-23165370”。

    依据：地方要求（示例插件，非全国性规定）。

    What it checks: the report gives no telephone number or address for questions about it.

    Why it matters: some provinces require a contact channel; without one, the public cannot ask about the report.

    Non-compliant example: a report that ends after section 6 with no 联系电话 or 联系地址 anywhere.

    Compliant example: 平潭综合实验区 2020: "联系地址：……电话/传真：0591-23165370".

    Basis: a local requirement (an example plugin; not national law).
    """

    code = "LC001"
    name = "contact-information"
    level = "note"
    grade = "C"
    summary_zh = "报告未提供联系电话或地址"
    summary_en = "The report gives no contact telephone or address"
    basis_zh = "地方要求（示例插件）"
    basis_en = "A local requirement (example plugin)"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        texts = [p.text for p in report.preamble] + [s.text for s in report.sections]
        if any(_CONTACT.search(t) for t in texts):
            return
        where = report.title.anchor if report.title is not None else None
        yield self.finding(
            report,
            Location(where) if where is not None else None,
            "报告中没有联系电话或联系地址；请在报告开头或结尾写明咨询渠道。",
            "the report gives no contact telephone or address; add one at its start or end.",
        )


@hookimpl
def gongkai_lint_rules() -> list[type]:
    return [ContactInformation]
