"""CY004: sections 三 and 四 identical to last year's, with some non-zero value."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from linter.document import Anchor
from linter.finding import Finding, Location
from linter.model import Report, Table
from linter.rule import BatchRule, ReportFacts, RuleContext
from rules.cross_year.facts import pack_anchor, pairs, unpack_anchor


def _digest(tables: tuple[Table, ...]) -> tuple[str, bool]:
    parts: list[str] = []
    nonzero = False
    for table in tables:
        for row_id in sorted(table.rows):
            for col_id, cell in sorted(table.rows[row_id].cells.items()):
                parts.append(f"{row_id}/{col_id}={cell.state}:{cell.value}\x1f")
                nonzero = nonzero or bool(cell.state == "number" and cell.value)
    # hashed in one update: the same digest as one update per cell, in one C call
    return hashlib.blake2b("".join(parts).encode(), digest_size=16).hexdigest(), nonzero


class CopiedTables(BatchRule):
    """检查内容：第三部分和第四部分的表格与同一机关上一年度报告完全相同，且其中有非零数字。

    为何重要：依申请公开和复议诉讼的数字逐年完全一样几乎不可能，说明数据是照抄上年的（东莞市统计局“连续三年的信息公开工作报告所用数据完全一样”）。全为 0 的表格不在此列。

    不合规示例：某局 2023 年与 2022 年第三、四部分每个单元格都相同，新收申请均为 12 件。

    合规示例：两年的数字有变化，或两年均为全 0。

    依据：国办公开办函〔2021〕30号对“发布内容不准确……内容雷同”的年度报告追究责任；CHECKS.md XY-04（新闻报道的真实案例）。

    What it checks: the section-3 and section-4 tables are identical to the same agency's report of the year before, and hold some non-zero value.

    Why it matters: application and case figures that repeat exactly year after year are almost impossible and show the data were copied (东莞市统计局 used "exactly the same data three years running"). All-zero tables are not flagged.

    Non-compliant example: an agency's 2023 tables 3 and 4 equal its 2022 ones cell for cell, with 12 new applications both years.

    Compliant example: the figures change between the years, or both years are all zero.

    Basis: 国办公开办函〔2021〕30号 (accountability for inaccurate or copied reports); CHECKS.md XY-04 (real cases reported in the press).
    """

    code = "CY004"
    name = "copied-tables"
    level = "warning"
    precision = "very-high"
    grade = "A"
    summary_zh = "第三、四部分表格与上年完全相同（含非零数字）"
    summary_en = "Tables 3 and 4 are identical to last year's (with non-zero values)"
    basis_zh = "国办公开办函〔2021〕30号：对“内容雷同”的年度报告追究责任"
    basis_en = "国办公开办函〔2021〕30号: accountability for copied reports"

    def collect(self, report: Report, context: RuleContext) -> dict | None:
        if not (report.applications.present and report.review_litigation.present):
            return None
        digest, nonzero = _digest((report.applications, report.review_litigation))
        return {
            "digest": digest,
            "nonzero": nonzero,
            "anchor": pack_anchor(report.applications.anchor),
        }

    def check_batch(self, reports: list[ReportFacts], context: RuleContext) -> Iterator[Finding]:
        for this, last in pairs(reports):
            if this.facts["nonzero"] and this.facts["digest"] == last.facts["digest"]:
                yield self.batch_finding(
                    this,
                    Location(unpack_anchor(this.facts["anchor"]) or Anchor(), logical="三"),
                    f"第三部分和第四部分的表格与同一机关 {last.year} 年报告（{last.path}）每个单元格都相同，且含非零数字；"
                    "请核实本年度数据是否照抄上年。",
                    f"the section-3 and section-4 tables equal those of the same agency's {last.year} report "
                    f"({last.path}) cell for cell, with non-zero values; check whether this year's data were copied.",
                    previous_report=last.path,
                )
