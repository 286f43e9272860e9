"""CY005: the 2019 edition's item counts roll forward from last year's report."""

from __future__ import annotations

from collections.abc import Iterator

from linter import arith, editions
from linter.finding import Finding, Location
from linter.model import Report
from linter.rule import BatchRule, ReportFacts, RuleContext
from rules.cross_year.facts import Number, pairs

# The 2019 edition's columns (FORMATS.md §2, T2v1-XYEAR), as the registry names them.
ITEM_COUNT_COLUMNS = ("previous_count", "change")
ITEM1_COLUMNS = ("new_published", "total_published")
NEEDS = (
    "article20/item5/*/previous_count",
    "article20/item5/*/change",
    "article20/item1/*/new_published",
    "article20/item1/*/total_published",
)

# item → its rows (with the item's numeral and the rows' names for messages).
ITEMS = {
    "item5": (
        "五",
        {
            "licensing": ("行政许可", "licensing"),
            "other_services": ("其他对外管理服务事项", "other services"),
        },
    ),
    "item6": ("六", {"penalty": ("行政处罚", "penalties"), "coercion": ("行政强制", "coercion")}),
}
ITEM1_ROWS = {
    "rules": ("规章", "rules"),
    "normative_documents": ("规范性文件", "normative documents"),
}


class ItemCountRollForward(BatchRule):
    """检查内容：两份相邻年度、都用 2019 年试行格式的报告（2019 → 2020 年度）之间，第二部分的数字应当接得上：第（五）（六）项各行本年的“上一年项目数量”应等于上年报告的“上一年项目数量”加上年报告的“本年增/减”；第（一）项规章、规范性文件本年的“对外公开总数量”应等于上年报告的“对外公开总数量”加本年的“本年新公开数量”。典型的错误是把上年的“上一年项目数量”一栏原样照抄，而上年的“本年增/减”并不为 0。

    为何重要：这几栏是逐年滚动的存量，接不上说明某一年的数字有误，或者表格是照抄上年的。

    不合规示例：据某市工业和信息化局 2019 年报（行政许可 上一年项目数量 4、本年增/减 −3）改写的 2020 年报告，行政许可“上一年项目数量”仍填 4，按上年应为 4 + (−3) = 1。

    合规示例：同一份 2020 年报告，行政许可“上一年项目数量”填 1，其他对外管理服务事项填 0（1 + (−1)）。

    依据：FORMATS.md §5 T2v1-XYEAR：上一年项目数量(Y) = 上一年项目数量(Y−1) + 本年增/减(Y−1)，对外公开总数量的滚动同理，均由各栏的含义推得（D 级），故为警告。

    What it checks: between two consecutive reports of one agency that both follow the 2019 trial format (report years 2019 → 2020), section 2 must roll forward: in items (5) and (6), each row's "previous year's count" this year equals last year's "previous year's count" plus last year's "change this year"; in item (1), the "total published" of rules and normative documents this year equals last year's total plus this year's "newly published". The typical case is the previous-count column copied unchanged from last year while last year's change was not 0.

    Why it matters: these columns are stocks rolled forward every year; a break means one year's figure is wrong, or the table was copied from last year.

    Non-compliant example: a 2020 report adapted from 某市工业和信息化局 2019 (licensing: previous count 4, change −3) that still prints 4 as licensing's previous count, where 4 + (−3) = 1.

    Compliant example: the same 2020 report printing 1 for licensing and 0 (1 + (−1)) for other services.

    Basis: FORMATS.md §5 T2v1-XYEAR: previous count(Y) = previous count(Y−1) + change(Y−1), and the same roll-forward for the total published, both inferred from the columns' meanings (grade D), hence a warning.
    """

    code = "CY005"
    name = "item-count-roll-forward"
    level = "warning"
    precision = "high"
    needs = NEEDS
    grade = "D"
    summary_zh = "2019 年格式第二部分的项目数量、对外公开总数量与上年报告接不上"
    summary_en = "Section 2 item counts of the 2019 format do not roll forward from last year"
    basis_zh = "FORMATS.md §5 T2v1-XYEAR：上一年项目数量(Y) = 上一年项目数量(Y−1) + 本年增/减(Y−1)（按各栏含义推得）"
    basis_en = "FORMATS.md §5 T2v1-XYEAR: previous count(Y) = previous count(Y−1) + change(Y−1) (derived from the columns' meanings)"

    def collect(self, report: Report, context: RuleContext) -> dict | None:
        out: dict = {}
        for item_id, columns, rows in (
            *((i, ITEM_COUNT_COLUMNS, r) for i, (_, r) in ITEMS.items()),
            ("item1", ITEM1_COLUMNS, ITEM1_ROWS),
        ):
            item = report.article20.items.get(item_id)
            if item is None or not editions.has(item.edition, self.needs):
                continue
            for row in rows:
                cells = {c: Number.of(item.cell(row, c)) for c in columns}
                if all(v is not None and v.value is not None for v in cells.values()):
                    out[f"{item_id}/{row}"] = cells
        return out or None

    def check_batch(self, reports: list[ReportFacts], context: RuleContext) -> Iterator[Finding]:
        for this, last in pairs(reports):
            if not (
                editions.has(this.edition, self.needs) and editions.has(last.edition, self.needs)
            ):
                continue
            for item_id, (numeral, rows) in ITEMS.items():
                for row, names in rows.items():
                    now, before = (
                        this.facts.get(f"{item_id}/{row}"),
                        last.facts.get(f"{item_id}/{row}"),
                    )
                    if now and before:
                        yield from self._counts(
                            this, last, item_id, numeral, row, names, now, before
                        )
            for row, names in ITEM1_ROWS.items():
                now, before = this.facts.get(f"item1/{row}"), last.facts.get(f"item1/{row}")
                if now and before:
                    yield from self._published(this, last, row, names, now, before)

    def _counts(
        self,
        this: ReportFacts,
        last: ReportFacts,
        item_id: str,
        numeral: str,
        row: str,
        names: tuple[str, str],
        now: dict[str, Number],
        before: dict[str, Number],
    ) -> Iterator[Finding]:
        zh, en = names
        expected = before["previous_count"].value + before["change"].value
        reported = now["previous_count"].value
        if expected == reported:
            return
        formula = f"{arith.fmt(before['previous_count'].value)} + ({arith.fmt(before['change'].value)}) = {arith.fmt(expected)}"
        copied = reported == before["previous_count"].value
        yield self.batch_finding(
            this,
            Location(
                now["previous_count"].anchor,
                logical=f"二/{item_id}/{row}/previous_count",
                label_zh=f"第二部分 第二十条第（{numeral}）项 {zh} / 上一年项目数量",
                label_en=f"section 2, article 20 item ({item_id[4:]}), {en} / previous year's count",
            ),
            f"第二部分第二十条第（{numeral}）项“{zh}”：上年报告（{last.path}）上一年项目数量 "
            f"{arith.fmt(before['previous_count'].value)}、本年增/减 {arith.fmt(before['change'].value)}，"
            f"本年的上一年项目数量应为 {formula}，报告填写 {arith.fmt(reported)}"
            + ("（与上年所填相同，疑为照抄）" if copied else "")
            + "；请核对。",
            f"section 2, article 20 item ({item_id[4:]}), {en}: last year's report ({last.path}) had a "
            f"previous count of {arith.fmt(before['previous_count'].value)} and a change of "
            f"{arith.fmt(before['change'].value)}, so this year's previous count should be {formula}, "
            f"but the report prints {arith.fmt(reported)}"
            + (" (the same as last year's: copied?)" if copied else "")
            + "; check it.",
            sub_id=f"{item_id}/{row}",
            expected=expected,
            reported=reported,
            previous_report=last.path,
        )

    def _published(
        self,
        this: ReportFacts,
        last: ReportFacts,
        row: str,
        names: tuple[str, str],
        now: dict[str, Number],
        before: dict[str, Number],
    ) -> Iterator[Finding]:
        zh, en = names
        expected = before["total_published"].value + now["new_published"].value
        reported = now["total_published"].value
        if expected == reported:
            return
        formula = f"{arith.fmt(before['total_published'].value)} + {arith.fmt(now['new_published'].value)} = {arith.fmt(expected)}"
        yield self.batch_finding(
            this,
            Location(
                now["total_published"].anchor,
                logical=f"二/item1/{row}/total_published",
                label_zh=f"第二部分 第二十条第（一）项 {zh} / 对外公开总数量",
                label_en=f"section 2, article 20 item (1), {en} / total published",
            ),
            f"第二部分第二十条第（一）项“{zh}”：上年报告（{last.path}）对外公开总数量 "
            f"{arith.fmt(before['total_published'].value)}，本年新公开 {arith.fmt(now['new_published'].value)}，"
            f"推算对外公开总数量应为 {formula}，报告填写 {arith.fmt(reported)}；请核对。",
            f"section 2, article 20 item (1), {en}: last year's report ({last.path}) had "
            f"{arith.fmt(before['total_published'].value)} published in all; with "
            f"{arith.fmt(now['new_published'].value)} newly published, {formula}, but the report prints "
            f"{arith.fmt(reported)}; check it.",
            sub_id=f"item1/{row}",
            expected=expected,
            reported=reported,
            related=[
                Location(now["new_published"].anchor, logical=f"二/item1/{row}/new_published")
            ],
            previous_report=last.path,
        )
