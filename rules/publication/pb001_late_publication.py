"""PB001: published after the statutory deadline of 条例第四十九条."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from linter.document import Anchor
from linter.finding import Finding, Location
from linter.model import Report
from linter.rule import Rule, RuleContext
from rules.publication.issuer import issuer_kind

KIND_ZH = {
    "department": "县级以上人民政府部门",
    "government": "本级人民政府",
    "township": "乡镇（街道）",
    "other": "该类主体",
}
KIND_EN = {
    "department": "a government department",
    "government": "a government's own report",
    "township": "a township or street office",
    "other": "this kind of issuer",
}


class LatePublication(Rule):
    """检查内容：报告的公开日期晚于法定期限：县级以上人民政府部门为次年 1 月 31 日，本级人民政府的年度报告为次年 3 月 31 日。公开日期取自网页的“发布日期/发布时间”等元数据；期限可按地方规定在配置中调整（deadlines），发布主体类型可配置（issuer-kind），未配置时仅在机关名称明确时推断（以“人民政府”结尾为政府，以局、委、办公厅等结尾为部门；乡镇人民政府、街道办事处的期限条例未作规定，由地方规定，须在配置中设置 deadlines.township 才检查；开发区等管理委员会类型不明），无法判断时不报告。

    为何重要：按时公开是条例的明确要求，也是评估机构和政务公开办通报的首要事项（“没有认真执行《条例》中关于年度报告公布时间的规定”）。

    不合规示例：某市某局 2023 年度报告的网页发布日期为 2024-02-20（晚于 1 月 31 日）。

    合规示例：上海市人民政府办公厅 2019 年度报告发布日期 2020-01-31。

    依据：《中华人民共和国政府信息公开条例》第四十九条：“县级以上人民政府部门应当在每年1月31日前……向社会公布”；“……应当在每年3月31日前向社会公布本级政府上一年度政府信息公开工作年度报告”。

    What it checks: the report was published after the statutory deadline: 31 January of the following year for departments of governments at county level and above, 31 March for a government's own report. The date comes from the page's 发布日期/发布时间 metadata; deadlines can be set per locality (deadlines) and the issuer kind configured (issuer-kind); otherwise it is inferred only when the agency name is plain (ending in 人民政府: a government; in 局, 委, 办公厅 …: a department; a township's government or a street office has no deadline in the statute — the local rule, checked only when deadlines.township is configured; a development zone's 管理委员会 is of unknown kind), and nothing is reported when it cannot be told.

    Why it matters: timely publication is an explicit statutory duty and the first thing evaluators and disclosure offices check and publicly name.

    Non-compliant example: a city bureau's 2023 report whose page shows 发布日期 2024-02-20 (after 31 January).

    Compliant example: 上海市人民政府办公厅's 2019 report, published 2020-01-31.

    Basis: Regulations on Government Information Disclosure, art. 49 (departments: by 31 January; a government's own report: by 31 March).
    """

    code = "PB001"
    name = "late-publication"
    level = "error"
    summary_zh = "公开日期晚于法定期限"
    summary_en = "Published after the statutory deadline"
    basis_zh = "《中华人民共和国政府信息公开条例》第四十九条（部门 1月31日前，本级政府 3月31日前）"
    basis_en = "Regulations on Government Information Disclosure, art. 49 (departments by 31 Jan, governments by 31 Mar)"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        published = report.metadata.get("published")
        year = report.year.value
        if not published:
            yield self.skip(
                "没有公开日期（网页的发布日期，或清单的 published 列）",
                "no publication date (the page's 发布日期, or the manifest's published column)",
            )
            return
        if not year:
            yield self.skip("报告年度不明", "the report year is unknown")
            return
        kind = issuer_kind(report, context.issuer_kind)
        if kind is None:
            yield self.skip(
                "发布主体类型不明（请在清单中填写 issuer_kind，或在配置中设置 issuer-kind）",
                "the issuer kind is unknown (give issuer_kind in the manifest or issuer-kind in the configuration)",
            )
            return
        if kind not in context.deadlines:
            yield self.skip(
                f"“{kind}”类主体没有法定期限，配置中也未设置（deadlines.{kind}）",
                f"no statutory deadline for issuer kind '{kind}' and none configured (deadlines.{kind})",
            )
            return
        try:
            date = dt.date.fromisoformat(published)
            month, day = (int(x) for x in context.deadlines[kind].split("-"))
            deadline = dt.date(year + 1, month, day)
        except ValueError:
            yield self.skip(
                f"公开日期“{published}”无法识别",
                f"the publication date '{published}' cannot be read",
            )
            return
        if date <= deadline:
            return
        late = (date - deadline).days
        anchor = report.title.anchor if report.title is not None else Anchor(line=1, column=1)
        yield self.finding(
            report,
            Location(anchor, logical="metadata/published"),
            f"报告于 {date.isoformat()} 公开，晚于{KIND_ZH[kind]}的公开期限 {deadline.isoformat()}（逾期 {late} 天）。"
            "条例第四十九条规定了年度报告的公开期限；今后请按期公开，如公开日期有误请更正网页元数据。",
            f"the report was published on {date.isoformat()}, {late} day(s) after the deadline "
            f"{deadline.isoformat()} for {KIND_EN[kind]} (art. 49); publish on time, or correct the "
            "page's date if it is wrong.",
            sub_id=kind,
            expected=None,
            published=date.isoformat(),
            deadline=deadline.isoformat(),
        )
