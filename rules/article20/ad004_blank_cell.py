"""AD004: blank or placeholder cells in section 二, one finding per item block."""

from __future__ import annotations

from collections.abc import Iterator

from linter.finding import Finding, Location
from linter.model import Cell, Report
from linter.rule import Rule, RuleContext
from rules.article20.common import (
    COLUMN_EN,
    ITEM_EN,
    ROW_EN,
    column_label,
    item_title_zh,
    location,
    present_items,
    row_label,
)


class BlankCell(Rule):
    """检查内容：第二部分表格的数据单元格留空，或只填了“-”“—”“/”“无”等占位符而没有数字。每个事项表（第二十条第（一）（五）（六）（八）［（九）］项）报告一次，按行列出未填数字的列，每个空白单元格都作为相关位置给出。配置 blank-cells = "ignore" 时不检查。

    为何重要：空白不等于 0，读者无法分辨“没有”与“漏填”，逐年比对也无从进行。检查人员通常要求没有发生的填 0。

    不合规示例：“行政事业性收费”一行的“本年收费金额”留空，或填“—”“/”（上海市人民政府办公厅 2019 年在第三、四部分的表格中把 0 留空，第二部分同样的写法即报告）。

    合规示例：平潭综合实验区 2022 年第二部分所有单元格都填了数字，规章为 0。

    依据：全国统一格式文本本身未规定“无数据填 0”（FORMATS.md §5：未找到全国性规定）；填 0 是检查实践（CHECKS.md T2-01）。因此只作警告，可在配置中关闭。

    What it checks: data cells of a section-2 table left blank or holding only a placeholder ("-", "—", "/", "无"). One finding per item block (article 20 items (1), (5), (6), (8) [and (9)]), listing the unfilled columns of each row, with every blank cell as a related location. Off when the configuration says blank-cells = "ignore".

    Why it matters: blank is not 0: a reader cannot tell "none" from "not filled in", and year-on-year comparison is impossible. Inspectors usually ask for 0 where nothing happened.

    Non-compliant example: the fee amount left blank, or written — or / (上海市人民政府办公厅 2019 leaves zeros blank in the tables of sections 3 and 4; the same in section 2 is reported).

    Compliant example: 平潭综合实验区 2022 fills every cell of section 2, with 0 for rules.

    Basis: the national format text itself does not say "fill 0 where there is no data" (FORMATS.md §5: no national rule found); writing 0 is inspector practice (CHECKS.md T2-01). Hence a warning, which the configuration can turn off.
    """

    code = "AD004"
    name = "article20-blank-cell"
    aliases = ("blank-cell",)
    level = "warning"
    grade = "C"
    summary_zh = "第二部分单元格空白或只有占位符（每个事项表报告一次）"
    summary_en = "Section 2: blank or placeholder cells (one finding per item block)"
    basis_zh = "检查实践：无数据填 0（全国统一格式文本本身未作此规定）"
    basis_en = "Inspector practice: write 0 where there is no data (the national format text itself does not say so)"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        if context.blank_cells == "ignore":
            return
        for spec, table in present_items(report):
            by_row = [
                (row_id, [(cid, cell) for cid, cell in row.cells.items() if cell.is_empty])
                for row_id, row in table.rows.items()
            ]
            by_row = [(row_id, empty) for row_id, empty in by_row if empty]
            if not by_row:
                continue
            listed_zh = "；".join(
                f"“{row_label(spec, row_id)}”行的"
                + "、".join(f"“{column_label(spec, cid)}”（{_shown_zh(c)}）" for cid, c in empty)
                for row_id, empty in by_row
            )
            listed_en = "; ".join(
                f"{ROW_EN[row_id]}: "
                + ", ".join(f"{COLUMN_EN[cid]} ({_shown_en(c)})" for cid, c in empty)
                for row_id, empty in by_row
            )
            cells = [location(c, spec, row_id, cid) for row_id, empty in by_row for cid, c in empty]
            first = cells[0]
            yield self.finding(
                report,
                Location(first.anchor, f"二/{spec.id}", first.label_zh, first.label_en),
                f"第二部分“{item_title_zh(spec)}”有 {len(cells)} 个单元格未填数字：{listed_zh}。"
                "没有发生的请填 0。",
                f"section 2, article 20 {ITEM_EN[spec.id]}: {len(cells)} cells hold no number: "
                f"{listed_en}; write 0 where nothing happened.",
                sub_id=spec.id,
                related=cells,
            )


def _shown_zh(cell: Cell) -> str:
    return "空白" if cell.state == "blank" else f"填“{cell.text.strip()}”"


def _shown_en(cell: Cell) -> str:
    return "blank" if cell.state == "blank" else f"'{cell.text.strip()}'"
