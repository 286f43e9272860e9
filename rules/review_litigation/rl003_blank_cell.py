"""RL003: blank or placeholder cells in section 四, one finding per table."""

from __future__ import annotations

from collections.abc import Iterator

from linter.finding import Finding, Location
from linter.labels import ENGLISH, REVIEW_GROUPS, REVIEW_OUTCOMES, ColumnSpec
from linter.model import Cell, Report
from linter.rule import Rule, RuleContext
from rules.applications.common import cell_shown, placeholders_note
from rules.review_litigation.common import blank_group_totals, group_label_zh, leaf_location


class BlankCell(Rule):
    """检查内容：第四部分表格的单元格是否留空，或只填了“-”“—”“/”“无”等占位符而没有数字。整张表只报告一次，按行政复议、未经复议直接起诉、复议后起诉三组列出未填数字的列，每个空白单元格都作为相关位置给出。某组有案件数而总计空白的，由 RL005 作为错误报告，本规则不重复。配置 blank-cells = "ignore" 时不检查。

    为何重要：空白不等于 0——读者无法分辨是“没有发生复议、诉讼”还是“漏填”；核对各组总计时只能把空白当作 0。检查人员通常要求没有发生的填写 0。

    不合规示例：某市工业和信息化局 2019 年报告第四部分只有行政复议总计和复议后起诉总计填了 0，其余 13 格（包括未经复议直接起诉的总计）都是空白。

    合规示例：淮安市人民政府 2024 年报告第四部分 15 格都填了数字。

    依据：目前找到的全国统一格式文本本身并未规定“无数据填 0”（FORMATS.md §5：未找到全国性规定）；填 0 是检查实践（CHECKS.md T4-02），实践也不统一。因此本规则只作警告，并可在配置中关闭；地方另有规定的，以地方规定为准。

    What it checks: cells of the section-4 table that are blank or hold only a placeholder ("-", "—", "/", "无") instead of a number. One finding per table, listing the unfilled columns of each group (administrative review, litigation without prior review, litigation after review), with every blank cell as a related location. A blank total in a group that has cases is RL005 (an error) and is not repeated here. Off when the configuration says blank-cells = "ignore".

    Why it matters: blank is not 0: a reader cannot tell "no review or lawsuit" from "not filled in", and group totals can only be checked by counting a blank as 0. Inspectors usually ask for 0 where nothing happened.

    Non-compliant example: the 2019 report of a city 工业和信息化局 fills only the review total and the after-review litigation total with 0 in section 4; the other 13 cells, the total of litigation without prior review among them, are blank.

    Compliant example: 淮安市人民政府 2024 fills all 15 cells of section 4.

    Basis: the national format text found so far does not itself say "fill 0 where there is no data" (FORMATS.md §5: no national rule found); writing 0 is inspector practice (CHECKS.md T4-02), and practice varies. Hence a warning only, which the configuration can turn off; a local rule, where there is one, prevails.
    """

    code = "RL003"
    name = "review-blank-cell"
    aliases = ("blank-cell",)
    level = "warning"
    grade = "C"
    summary_zh = "第四部分单元格空白或只有占位符（每张表报告一次）"
    summary_en = "Section 4: blank or placeholder cells (one finding per table)"
    basis_zh = "检查实践：无数据填 0（全国统一格式文本本身未作此规定）"
    basis_en = (
        "Inspector practice: write 0 where there is no data (the national format text "
        "itself does not say so)"
    )

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        if context.blank_cells == "ignore":
            return
        table = report.review_litigation
        row = table.rows.get("cases") if table.present else None
        if row is None:
            return
        # A blank 总计 in a group with entries is RL005's (an error), not repeated here.
        skip = blank_group_totals(table)
        by_group: list[tuple[ColumnSpec, list[tuple[ColumnSpec, Cell]]]] = []
        for group in REVIEW_GROUPS:
            empty = [
                (o, row.cells[f"{group.id}.{o.id}"])
                for o in REVIEW_OUTCOMES
                if f"{group.id}.{o.id}" in row.cells
                and row.cells[f"{group.id}.{o.id}"].is_empty
                and not (o.id == "total" and group.id in skip)
            ]
            if empty:
                by_group.append((group, empty))
        if not by_group:
            return
        cells = [c for _, empty in by_group for _, c in empty]
        listed_zh = "；".join(
            f"{group_label_zh(g)}："
            + "、".join(o.label for o, _ in empty)
            + (f"（{cell_shown(empty[0][1], 'zh')}）" if len(cells) == 1 else "")
            for g, empty in by_group
        )
        listed_en = "; ".join(
            f"{ENGLISH[g.id]}: "
            + ", ".join(ENGLISH[o.id] for o, _ in empty)
            + (f" ({cell_shown(empty[0][1], 'en')})" if len(cells) == 1 else "")
            for g, empty in by_group
        )
        first_group, first_empty = by_group[0]
        first_outcome, first = first_empty[0]
        where = leaf_location(first.anchor, first_group, first_outcome)
        yield self.finding(
            report,
            Location(where.anchor, "四", where.label_zh, where.label_en),
            f"第四部分表格有 {len(cells)} 个单元格没有填数字：{listed_zh}"
            f"{placeholders_note(cells, 'zh')}。"
            "空白或占位符不等于 0，读者无法分辨是没有发生还是漏填；"
            "请填入实际案件数，没有发生的按检查实践填 0。",
            f"section 4: {len(cells)} cells hold no number: {listed_en}"
            f"{placeholders_note(cells, 'en')}. A blank or a placeholder is not 0: a reader "
            "cannot tell 'none' from 'not filled in'. Enter the actual counts, and 0 where "
            "nothing happened, as inspectors expect.",
            related=[leaf_location(c.anchor, g, o) for g, empty in by_group for o, c in empty],
            cells=len(cells),
        )
