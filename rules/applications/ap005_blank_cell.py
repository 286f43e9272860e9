"""AP005: blank or placeholder cells in section 三, one finding per row."""

from __future__ import annotations

from collections.abc import Iterator

from linter.finding import Finding, Location
from linter.labels import APPLICATION_COLUMNS, ENGLISH, row_label_zh
from linter.model import Report
from linter.rule import Rule, RuleContext
from rules.applications.common import cell_shown, column_names, location


class BlankCell(Rule):
    """检查内容：第三部分表格的单元格是否留空，或只填了“-”“—”“/”“无”等占位符而没有数字。每一行报告一次，列出该行所有未填数字的列。配置 blank-cells = "ignore" 时不检查。

    为何重要：空白不等于 0——读者无法分辨是“没有发生”还是“漏填”；勾稽关系核对时只能把空白当作 0，漏填的数字也就发现不了。检查人员通常要求没有发生的填写 0。

    不合规示例：某市工业和信息化局 2019 年报告第三部分每一行的六类申请人列都是空白，只有总计列填了 0；上海市人民政府办公厅 2019 年报告的空单元格为空白（`&nbsp;`），连一个非零行的总计也是空白。

    合规示例：淮安市人民政府 2024 年报告第三部分所有单元格都填了数字，没有发生的填 0。

    依据：目前找到的全国统一格式文本本身并未规定“无数据填 0”（FORMATS.md §5：未找到全国性规定）；填 0 是检查实践（CHECKS.md T3-04），实践也不统一（上海 2019 年留空，武汉 2020 年填“-”，多数报告填 0）。因此本规则只作警告，并可在配置中关闭；地方另有规定的，以地方规定为准。

    What it checks: cells of the section-3 table that are blank or hold only a placeholder ("-", "—", "/", "无") instead of a number. One finding per row, listing all its unfilled columns. Off when the configuration says blank-cells = "ignore".

    Why it matters: blank is not 0: a reader cannot tell "none" from "not filled in"; identity checks can only count a blank as 0, so a figure left out goes unnoticed. Inspectors usually ask for 0 where nothing happened.

    Non-compliant example: the 2019 report of a city 工业和信息化局 leaves the six applicant columns blank in every row of section 3 and fills only the total column with 0; 上海市人民政府办公厅 2019 leaves its empty cells blank (`&nbsp;`), even a total of a non-zero row.

    Compliant example: 淮安市人民政府 2024 fills every cell of section 3, with 0 where nothing happened.

    Basis: the national format text found so far does not itself say "fill 0 where there is no data" (FORMATS.md §5: no national rule found); writing 0 is inspector practice (CHECKS.md T3-04), and practice varies (Shanghai 2019 left blanks, Wuhan 2020 wrote "-", most reports write 0). Hence a warning only, which the configuration can turn off; a local rule, where there is one, prevails.
    """

    code = "AP005"
    name = "blank-cell"
    level = "warning"
    grade = "C"
    summary_zh = "第三部分单元格空白或只有占位符（每行报告一次）"
    summary_en = "Section 3: blank or placeholder cells (one finding per row)"
    basis_zh = "检查实践：无数据填 0（全国统一格式文本本身未作此规定）"
    basis_en = (
        "Inspector practice: write 0 where there is no data (the national format text "
        "itself does not say so)"
    )

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        if context.blank_cells == "ignore":
            return
        table = report.applications
        if not table.present:
            return
        for row_id, row in table.rows.items():
            empty = [
                (c.id, row.cells[c.id])
                for c in APPLICATION_COLUMNS
                if c.id in row.cells and row.cells[c.id].is_empty
            ]
            if not empty:
                continue
            label = row_label_zh(row_id)
            listed_zh = "、".join(
                f"{column_names(c)[0]}（{cell_shown(cell, 'zh')}）" for c, cell in empty
            )
            listed_en = ", ".join(
                f"{column_names(c)[1]} ({cell_shown(cell, 'en')})" for c, cell in empty
            )
            first_column, first = empty[0]
            yield self.finding(
                report,
                Location(
                    first.anchor,
                    logical=f"三/{row_id}",
                    label_zh=f"第三部分 {label}",
                    label_en=f"section 3, {ENGLISH[row_id]}",
                ),
                f"第三部分“{label}”行有 {len(empty)} 个单元格没有填数字：{listed_zh}。"
                "空白或占位符不等于 0，读者无法分辨是没有发生还是漏填；"
                "请填入实际件数，没有发生的按检查实践填 0。",
                f"section 3, row '{ENGLISH[row_id]}': {len(empty)} cells hold no number: "
                f"{listed_en}. A blank or a placeholder is not 0: a reader cannot tell "
                "'none' from 'not filled in'. Enter the actual counts, and 0 where nothing "
                "happened, as inspectors expect.",
                sub_id=row_id,
                related=[location(cell, row_id, c) for c, cell in empty],
            )
