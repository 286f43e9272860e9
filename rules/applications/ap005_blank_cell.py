"""AP005: blank or placeholder cells in section 三, one finding per table."""

from __future__ import annotations

from collections.abc import Iterator

from linter.finding import Finding, Location
from linter.labels import APPLICATION_COLUMNS, ENGLISH, compact_rows, row_label_zh
from linter.model import Cell, Report
from linter.rule import Rule, RuleContext
from rules.applications.common import (
    blank_totals,
    cell_shown,
    column_names,
    locations,
    placeholders_note,
)


class BlankCell(Rule):
    """检查内容：第三部分表格的单元格是否留空，或只填了“-”“—”“/”“无”等占位符而没有数字。整张表只报告一次，按行列出未填数字的列（各行空白的列相同时合并写出，如“（三）1–8、（四）1–3 各行的……（6 列）”），每个空白单元格都作为相关位置给出。行有数字而总计空白的，由 AP007 作为错误报告，本规则不重复。配置 blank-cells = "ignore" 时不检查。

    为何重要：空白不等于 0——读者无法分辨是“没有发生”还是“漏填”；勾稽关系核对时只能把空白当作 0，漏填的数字也就发现不了。检查人员通常要求没有发生的填写 0。

    不合规示例：某市工业和信息化局 2019 年报告第三部分每一行的六类申请人列都是空白，只有总计列填了 0；上海市人民政府办公厅 2019 年报告的空单元格为空白（`&nbsp;`），连一个非零行的总计也是空白。

    合规示例：淮安市人民政府 2024 年报告第三部分所有单元格都填了数字，没有发生的填 0。

    依据：目前找到的全国统一格式文本本身并未规定“无数据填 0”（FORMATS.md §5：未找到全国性规定）；填 0 是检查实践（CHECKS.md T3-04），实践也不统一（上海 2019 年留空，武汉 2020 年填“-”，多数报告填 0）。因此本规则只作警告，并可在配置中关闭；地方另有规定的，以地方规定为准。

    What it checks: cells of the section-3 table that are blank or hold only a placeholder ("-", "—", "/", "无") instead of a number. One finding per table, listing the rows and their unfilled columns (rows with the same blank columns together, e.g. "(3)1–8, (4)1–3: … (6 columns)"), with every blank cell as a related location. A blank total in a row that has entries is AP007 (an error) and is not repeated here. Off when the configuration says blank-cells = "ignore".

    Why it matters: blank is not 0: a reader cannot tell "none" from "not filled in"; identity checks can only count a blank as 0, so a figure left out goes unnoticed. Inspectors usually ask for 0 where nothing happened.

    Non-compliant example: the 2019 report of a city 工业和信息化局 leaves the six applicant columns blank in every row of section 3 and fills only the total column with 0; 上海市人民政府办公厅 2019 leaves its empty cells blank (`&nbsp;`), even a total of a non-zero row.

    Compliant example: 淮安市人民政府 2024 fills every cell of section 3, with 0 where nothing happened.

    Basis: the national format text found so far does not itself say "fill 0 where there is no data" (FORMATS.md §5: no national rule found); writing 0 is inspector practice (CHECKS.md T3-04), and practice varies (Shanghai 2019 left blanks, Wuhan 2020 wrote "-", most reports write 0). Hence a warning only, which the configuration can turn off; a local rule, where there is one, prevails.
    """

    code = "AP005"
    name = "applications-blank-cell"
    aliases = ("blank-cell",)
    level = "warning"
    grade = "C"
    summary_zh = "第三部分单元格空白或只有占位符（每张表报告一次）"
    summary_en = "Section 3: blank or placeholder cells (one finding per table)"
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
        # A blank 总计 in a row with entries is AP007's (an error), not repeated here.
        skip = blank_totals(table)
        columns = _COLUMN_IDS
        empty = []
        for row_id, row in table.rows.items():
            cells = row.cells
            for c in columns:
                cell = cells.get(c)
                if (
                    cell is not None
                    and cell.state in _EMPTY  # Cell.is_empty, without a call per cell
                    and not (c == "total" and row_id in skip)
                ):
                    empty.append((row_id, c, cell))
        if not empty:
            return
        by_row: dict[str, list[tuple[str, Cell]]] = {}
        for row_id, column_id, cell in empty:
            by_row.setdefault(row_id, []).append((column_id, cell))
        listed_zh = _listed(by_row, "zh")
        listed_en = _listed(by_row, "en")
        first_row, first_column, first = empty[0]
        yield self.finding(
            report,
            Location(
                first.anchor,
                logical="三",
                label_zh=f"第三部分 {row_label_zh(first_row)} / {column_names(first_column)[0]}",
                label_en=f"section 3, {ENGLISH[first_row]} / {ENGLISH[first_column]}",
            ),
            f"第三部分表格有 {len(empty)} 个单元格没有填数字：{listed_zh}"
            f"{placeholders_note([c for _, _, c in empty], 'zh')}。"
            "空白或占位符不等于 0，读者无法分辨是没有发生还是漏填；"
            "请填入实际件数，没有发生的按检查实践填 0。",
            f"section 3: {len(empty)} cells hold no number: {listed_en}"
            f"{placeholders_note([c for _, _, c in empty], 'en')}. A blank or a placeholder "
            "is not 0: a reader cannot tell 'none' from 'not filled in'. Enter the actual "
            "counts, and 0 where nothing happened, as inspectors expect.",
            related=locations((cell, row_id, c) for row_id, c, cell in empty),
            cells=len(empty),
            rows=len(by_row),
        )


_EMPTY = ("blank", "placeholder")
_COLUMN_IDS = tuple(c.id for c in APPLICATION_COLUMNS)


def _listed(by_row: dict[str, list[tuple[str, Cell]]], lang: str) -> str:
    """Rows with the same blank columns together: ``（三）1–8、（四）1–3 各行的自然人、…（6 列）``."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for row_id, cells in by_row.items():
        groups.setdefault(tuple(c for c, _ in cells), []).append(row_id)
    single = len(by_row) == 1
    parts = []
    for columns, rows in groups.items():
        if lang == "en":
            names = ", ".join(ENGLISH[c] for c in columns)
            where = ENGLISH[rows[0]] if single else f"rows {compact_rows(rows, 'en')}"
            count = f" ({len(columns)} columns)" if len(columns) > 1 and len(rows) > 1 else ""
            parts.append(f"{where}: {names}{count}")
        else:
            names = "、".join(column_names(c)[0] for c in columns)
            if single:
                where = f"“{row_label_zh(rows[0])}”行的"
            else:
                each = "各" if len(rows) > 1 else ""
                where = f"{compact_rows(rows, 'zh')} {each}行的"
            count = f"（{len(columns)} 列）" if len(columns) > 1 and len(rows) > 1 else ""
            parts.append(f"{where}{names}{count}")
    if len(by_row) == 1 and len(next(iter(by_row.values()))) == 1:
        # One cell: say what it holds (空白, or the placeholder as printed).
        (row_id, [(column_id, cell)]) = next(iter(by_row.items()))
        shown = cell_shown(cell, lang)
        return f"{parts[0]} ({shown})" if lang == "en" else f"{parts[0]}（{shown}）"
    return ("; " if lang == "en" else "；").join(parts)
