"""CY002: 现行有效件数(Y) = 现行有效件数(Y−1) + 本年制发件数(Y) − 本年废止件数(Y)."""

from __future__ import annotations

from collections.abc import Iterator

from linter import arith, editions
from linter.finding import Finding, Location
from linter.model import Report
from linter.rule import BatchRule, ReportFacts, RuleContext
from rules.article20.common import ITEM1_COUNTS
from rules.cross_year.facts import Number, pairs

ROWS = {
    "rules": ("规章", "rules"),
    "normative_documents": ("行政规范性文件", "normative documents"),
}


class ValidDocumentsRollForward(BatchRule):
    """检查内容：第二部分第二十条第（一）项中，规章和行政规范性文件的“现行有效件数”应等于上一年报告的现行有效件数，加本年制发件数，减本年废止件数。仅比较两份 2021 年版格式的报告（不跨 2020→2021 的格式变化）。

    为何重要：现行有效件数是逐年滚动的存量；对不上说明某一年的制发、废止或现行有效数字有误。

    不合规示例：平潭综合实验区 2023 年：现行有效 470 件，而 698 + 77 − 132 = 643（其本年文字部分又写 393 件）。

    合规示例：淮安市洪泽区人民政府：2023 年行政规范性文件现行有效 5 件，2024 年制发 3 件、废止 0 件，现行有效 8 件。

    依据：FORMATS.md §5 T2v2-XYEAR（按表格语义推得；修改、到期失效、职能划转等可使其合理不一致，故为警告）。

    What it checks: in item (1) of article 20 (section 2), the number of rules and normative documents in force equals last year's number in force plus those issued this year minus those repealed this year. Only two 2021-edition reports are compared (never across the 2020→2021 format change).

    Why it matters: documents in force are a stock rolled forward every year; a break means one year's issued, repealed or in-force figure is wrong.

    Non-compliant example: 平潭综合实验区 2023: 470 in force, while 698 + 77 − 132 = 643 (and its own narrative says 393).

    Compliant example: 淮安市洪泽区人民政府: 5 normative documents in force in 2023, 3 issued and 0 repealed in 2024, 8 in force.

    Basis: FORMATS.md §5 T2v2-XYEAR (derived; amendments, expiry or transfers can legitimately break it, hence a warning).
    """

    code = "CY002"
    name = "valid-documents-roll-forward"
    level = "warning"
    precision = "very-high"
    needs = ITEM1_COUNTS
    grade = "D"
    summary_zh = "现行有效件数与上年结转推算不符"
    summary_en = "Documents in force do not roll forward from last year"
    basis_zh = (
        "第二十条第（一）项：现行有效件数 = 上年现行有效 + 本年制发 − 本年废止（按表格语义推得）"
    )
    basis_en = "Article 20 item (1): in force = last year's in force + issued − repealed (derived)"

    def collect(self, report: Report, context: RuleContext) -> dict | None:
        item = report.article20.items.get("item1")
        if item is None or not editions.has(item.edition, self.needs):
            return None
        out = {}
        for row in ROWS:
            cells = {c: Number.of(item.cell(row, c)) for c in ("issued", "repealed", "in_force")}
            if all(v is not None and v.value is not None for v in cells.values()):
                out[row] = cells
        return out or None

    def check_batch(self, reports: list[ReportFacts], context: RuleContext) -> Iterator[Finding]:
        for this, last in pairs(reports):
            if not (
                editions.has(this.edition, self.needs) and editions.has(last.edition, self.needs)
            ):
                continue
            for row, (zh, en) in ROWS.items():
                now, before = this.facts.get(row), last.facts.get(row)
                if not now or not before:
                    continue
                expected = before["in_force"].value + now["issued"].value - now["repealed"].value
                reported = now["in_force"].value
                if expected == reported:
                    continue
                formula = (
                    f"{arith.fmt(before['in_force'].value)} + {arith.fmt(now['issued'].value)} − "
                    f"{arith.fmt(now['repealed'].value)} = {arith.fmt(expected)}"
                )
                yield self.batch_finding(
                    this,
                    Location(
                        now["in_force"].anchor,
                        logical=f"二/item1/{row}/in_force",
                        label_zh=f"第二部分 第二十条第（一）项 {zh} / 现行有效件数",
                        label_en=f"section 2, article 20 item (1), {en} / in force",
                    ),
                    f"第二部分第二十条第（一）项“{zh}”：上年报告（{last.path}）现行有效 {arith.fmt(before['in_force'].value)} 件，"
                    f"本年制发 {arith.fmt(now['issued'].value)} 件、废止 {arith.fmt(now['repealed'].value)} 件，"
                    f"推算现行有效应为 {formula.split(' = ')[1]} 件（{formula}），报告填写 {arith.fmt(reported)} 件；"
                    "请核对，如有修改、到期失效等情况请说明。",
                    f"section 2, article 20 item (1), {en}: last year's report ({last.path}) had "
                    f"{arith.fmt(before['in_force'].value)} in force; with {arith.fmt(now['issued'].value)} issued and "
                    f"{arith.fmt(now['repealed'].value)} repealed this year, {formula}, but the report prints "
                    f"{arith.fmt(reported)}; check it, and explain amendments or expiries if any.",
                    sub_id=row,
                    expected=expected,
                    reported=reported,
                    related=[
                        Location(now["issued"].anchor, logical=f"二/item1/{row}/issued"),
                        Location(now["repealed"].anchor, logical=f"二/item1/{row}/repealed"),
                    ],
                    previous_report=last.path,
                )
