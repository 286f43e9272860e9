"""RL101: each group's 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结."""

from __future__ import annotations

from collections.abc import Iterator

from linter import arith
from linter.arith import Term
from linter.finding import Finding, Location
from linter.labels import ENGLISH, REVIEW_GROUPS, REVIEW_OUTCOMES
from linter.model import Report, Table
from linter.rule import Rule, RuleContext


class GroupTotal(Rule):
    """检查内容：第四部分“行政复议”“未经复议直接起诉”“复议后起诉”三组中，每组的“总计”应等于
    结果维持 + 结果纠正 + 其他结果 + 尚未审结。空白单元格按 0 计算；但总计本身空白、或各分项全部空白时视为未填写，不做比对（由 RL003 报告空白），以免把一处漏填报成一串计算错误。

    为何重要：复议、诉讼总计与分项不符，说明案件数填报有误，公众据此无法了解被复议、被起诉的真实情况。

    不合规示例：淮安市洪泽区人民政府 2023 年：行政复议 结果维持 10、结果纠正 1，总计却填 0。

    合规示例：淮安市人民政府 2024 年：各组分项之和均等于总计。

    依据：年度报告格式第四部分的列结构：“总计”为同组四种结果之和（FORMATS.md §5 T4-SUM，按表格语义推得）。

    What it checks: in section 4, for each of administrative review, litigation without prior review and litigation after review, the total equals upheld + corrected + other + pending. Blank cells count as 0, but a total left blank, or a breakdown left entirely blank, is taken as not entered and is not compared (RL003 reports the blank), so that one unfilled column does not become a string of arithmetic errors.

    Why it matters: a total that differs from its parts misreports the cases brought against the agency.

    Non-compliant example: 淮安市洪泽区人民政府 2023: administrative review upheld 10, corrected 1, total 0.

    Compliant example: 淮安市人民政府 2024: every group's parts add up to its total.

    Basis: the column structure of the section-4 table: each group's total is the sum of its four outcomes (FORMATS.md §5 T4-SUM, derived from the table's meaning).
    """

    code = "RL101"
    name = "group-total"
    level = "error"
    precision = "very-high"
    grade = "D"
    summary_zh = "第四部分：某组总计 ≠ 维持 + 纠正 + 其他 + 尚未审结"
    summary_en = "Section 4: a group's total ≠ upheld + corrected + other + pending"
    basis_zh = (
        "年度报告格式第四部分的列结构：每组“总计”为结果维持、结果纠正、其他结果、尚未审结之和"
    )
    basis_en = (
        "The columns of the section-4 table: each group's total is the sum of its four outcomes"
    )

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        table = report.review_litigation
        if not table.present:
            return
        for group in REVIEW_GROUPS:
            try:
                total = _term(table, group.id, "total", group.label)
                parts = [_term(table, group.id, o.id, group.label) for o in REVIEW_OUTCOMES[:-1]]
                expected = arith.total(parts)
                reported = arith.reported(total.cell)
            except arith.Undecidable:
                continue
            if expected == reported or arith.none_entered(parts):
                continue
            blank = arith.any_blank([total, *parts])
            note_zh = arith.BLANK_NOTE_ZH if blank else ""
            note_en = arith.BLANK_NOTE_EN if blank else ""
            shown_zh = " + ".join(arith.show(p, "zh") for p in parts)
            shown_en = " + ".join(arith.show(p, "en") for p in parts)
            yield self.finding(
                report,
                _location(total.cell, group.id, "total", group.label),
                f"第四部分“{group.label}”：{shown_zh} = {arith.fmt(expected)}，"
                f"但总计填写 {arith.fmt(reported)}{note_zh}；请核对该组各项。",
                f"section 4, '{ENGLISH[group.id]}': {shown_en} = {arith.fmt(expected)}, "
                f"but the total prints {arith.fmt(reported)}{note_en}; check the group.",
                sub_id=group.id,
                related=[
                    _location(p.cell, group.id, o.id, group.label)
                    for p, o in zip(parts, REVIEW_OUTCOMES[:-1], strict=True)
                ],
                expected=expected,
                reported=reported,
            )


def _term(table: Table, group: str, outcome: str, group_label: str) -> Term:
    cell = table.cell("cases", f"{group}.{outcome}")
    if cell is None:
        raise arith.Undecidable
    label = next(o.label for o in REVIEW_OUTCOMES if o.id == outcome)
    return Term(cell, label, ENGLISH[outcome])


def _location(cell, group: str, outcome: str, group_label: str) -> Location:
    label = next(o.label for o in REVIEW_OUTCOMES if o.id == outcome)
    return Location(
        cell.anchor,
        logical=f"四/{group}/{outcome}",
        label_zh=f"第四部分 {group_label} / {label}",
        label_en=f"section 4, {ENGLISH[group]} / {ENGLISH[outcome]}",
    )
