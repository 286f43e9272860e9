"""CY001: this year's 二、上年结转 = last year's 四、结转下年度继续办理, per column."""

from __future__ import annotations

from collections.abc import Iterator

from linter import arith
from linter.finding import Finding, Location
from linter.labels import APPLICATION_COLUMNS, ENGLISH, column_label_zh
from linter.model import Report
from linter.rule import BatchRule, ReportFacts, RuleContext
from rules.cross_year.facts import Number, ambiguity_note, pairs


class CarryOver(BatchRule):
    """检查内容：本年度第三部分“二、上年结转政府信息公开申请数量”的每一列，应等于同一机关上一年度报告“四、结转下年度继续办理”的同一列。

    为何重要：上年结转下来的申请就是本年结转进来的申请；两份报告对不上，说明其中一年的统计有误，或结转件被遗漏。

    不合规示例：上一年报告“四、结转下年度继续办理”总计 3 件，本年报告“二、上年结转”总计 0 件。

    合规示例：淮安市洪泽区人民政府 2023 年结转下年度 0 件，2024 年上年结转 0 件。

    依据：年度报告格式第三部分的行含义（二、上年结转 与 四、结转下年度继续办理），FORMATS.md §5 T3-XYEAR（按表格语义推得，机构改革、合并等情形可能合理不一致，故为警告）。

    What it checks: each column of this year's section-3 row "II. carried over from last year" equals the same column of "IV. carried forward to next year" in the same agency's report for the year before.

    Why it matters: what one year carries forward is what the next year carries over; when the two reports disagree, one year's figures are wrong or carried-over applications were lost.

    Non-compliant example: last year's report carries 3 applications forward; this year's report carries 0 over.

    Compliant example: 淮安市洪泽区人民政府: 0 carried forward in 2023, 0 carried over in 2024.

    Basis: the meaning of rows II and IV of the section-3 table (FORMATS.md §5 T3-XYEAR, derived; restated figures or mergers can legitimately differ, hence a warning).
    """

    code = "CY001"
    name = "carry-over-mismatch"
    level = "warning"
    precision = "very-high"
    grade = "D"
    summary_zh = "本年“上年结转”≠ 上年报告“结转下年度继续办理”"
    summary_en = "This year's carried-over applications ≠ last year's carried forward"
    basis_zh = "年度报告格式第三部分“二、上年结转”与上年“四、结转下年度继续办理”的对应关系（按表格语义推得）"
    basis_en = "Row II of the section-3 table corresponds to row IV of last year's report (derived)"

    def collect(self, report: Report, context: RuleContext) -> dict | None:
        table = report.applications
        if not table.present:
            return None
        return {
            "carried_over": {
                c.id: Number.of(table.cell("carried_over", c.id)) for c in APPLICATION_COLUMNS
            },
            "carried_forward": {
                c.id: Number.of(table.cell("carried_forward", c.id)) for c in APPLICATION_COLUMNS
            },
        }

    def check_batch(self, reports: list[ReportFacts], context: RuleContext) -> Iterator[Finding]:
        ambiguous: list = []
        yield from self._compare(pairs(reports, ambiguous))
        for this, others in ambiguous:
            yield ambiguity_note(self, this, others)

    def _compare(self, paired) -> Iterator[Finding]:
        for this, last in paired:
            for column in APPLICATION_COLUMNS:
                now = this.facts["carried_over"].get(column.id)
                before = last.facts["carried_forward"].get(column.id)
                if now is None or before is None or now.value is None or before.value is None:
                    continue
                if now.value == before.value:
                    continue
                name_zh, name_en = column_label_zh(column.id), ENGLISH[column.id]
                yield self.batch_finding(
                    this,
                    Location(
                        now.anchor,
                        logical=f"三/carried_over/{column.id}",
                        label_zh=f"第三部分 二、上年结转 / {name_zh}",
                        label_en=f"section 3, II. carried over / {name_en}",
                    ),
                    f"第三部分“{name_zh}”列：本年报告“二、上年结转”为 {arith.fmt(now.value)}，"
                    f"但同一机关 {last.year} 年报告（{last.path}）“四、结转下年度继续办理”为 {arith.fmt(before.value)}；"
                    "请核对两年的结转数字，如因机构调整等原因不一致，请在报告中说明。",
                    f"section 3, column '{name_en}': this report carries over {arith.fmt(now.value)}, "
                    f"but the same agency's {last.year} report ({last.path}) carried {arith.fmt(before.value)} "
                    "forward; check both years' figures, and explain a legitimate difference (e.g. a reorganisation) in the report.",
                    sub_id=column.id,
                    expected=before.value,
                    reported=now.value,
                    related=[
                        Location(
                            before.anchor,
                            logical=f"三/carried_forward/{column.id}",
                            label_zh=f"{last.year} 年报告 四、结转下年度继续办理 / {name_zh}",
                            label_en=f"{last.year} report, IV. carried forward / {name_en}",
                            path=last.path,
                        )
                    ],
                    previous_report=last.path,
                )
