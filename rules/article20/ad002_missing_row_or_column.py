"""AD002: a row or a column of a section-二 item is missing."""

from __future__ import annotations

from collections.abc import Iterator

from linter import editions
from linter.finding import Finding
from linter.model import Report
from linter.rule import Rule, RuleContext
from rules.applications.common import partly_read
from rules.article20.common import (
    COLUMN_EN,
    ITEM_EN,
    ROW_EN,
    column_location,
    item_specs,
    item_title_zh,
    present_items,
    printed_but_unreadable,
    row_location,
    tables_unreadable,
    unaligned_labels,
)


class MissingRowOrColumn(Rule):
    """检查内容：第二部分每一项表格应有本格式的全部行（规章、行政规范性文件/规范性文件、行政许可、[其他对外管理服务事项]、行政处罚、行政强制、行政事业性收费、[政府集中采购]）和全部列；缺少某一行或某一列时报告。某行印出了但单元格数与表头不符、无法读出时，由 XT002 报告，本规则不再报告缺行；第二部分表格只能部分识别（XT002）时，其他未找到的行或列可能随被拆散的行一起在转换中丢失，只给警告请核对原件并说明原因；第二部分表格整体无法识别（XT002）时不检查；某一项的表格印出了、却一个单元格也读不出（表头与数值无法对应，多见于转换后错位的文本）时，只给一条警告请核对原件，不说缺行缺列。某一项按另一版格式印制（如 2021 年度以后的报告沿用 2019 年格式的第（五）项）时，只有那一版才有的行或列（其他对外管理服务事项、上一年项目数量等）不按缺少报告。

    为何重要：少一行或一列，该项数据就没有报告，也无法与上一年比对。

    不合规示例：第二十条第（六）项只有“行政处罚”一行，没有“行政强制”。

    合规示例：平潭综合实验区 2023 年第二部分各项的行、列齐全。

    依据：年度报告格式第二部分表格的行列（FORMATS.md §2.3、§3.3）。

    What it checks: each item table of section 2 has every row of its edition (rules, normative documents, licensing, [other services], penalties, coercion, fees, [procurement]) and every column; a missing row or column is reported. A row that is printed but whose cells do not match the header is reported by XT002, not as missing; when section 2 was read only in part (XT002), any other row or column not found may have been lost with the rows the conversion broke, and gets a warning to check the original that says why; when section 2's tables cannot be read at all (XT002), nothing is checked. When an item's table is printed but not one of its cells can be read (header and figures cannot be matched, as in text misaligned by a conversion), one warning asks to check the original; no row or column is called missing. When an item is printed in the other edition's form (a 2021-or-later report keeping its 2019 item (5)), a row or column only that edition has (other services, items last year …) is not reported missing.

    Why it matters: a missing row or column leaves that figure unreported and impossible to compare with last year.

    Non-compliant example: article 20 item (6) has a row for administrative penalties but none for administrative coercion.

    Compliant example: 平潭综合实验区 2023 has every row and column of section 2.

    Basis: the rows and columns of the section-2 tables of the report format (FORMATS.md §2.3, §3.3).
    """

    code = "AD002"
    name = "missing-row-or-column"
    level = "error"
    grade = "B"
    summary_zh = "第二部分某项表格缺少行或列"
    summary_en = "A section-2 item table lacks a row or a column"
    basis_zh = "年度报告格式第二部分各项表格的行列"
    basis_en = "The rows and columns of the section-2 tables of the report format"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        if tables_unreadable(report):
            return
        # Rows printed with cells that could not be aligned: XT002 reports them, not missing.
        unaligned = unaligned_labels(report)
        # Section 二 read only in part (a partial XT002): a row or column not found may have
        # been lost with the rows the conversion broke, not left out of the report.
        partial = partly_read(report, 2)
        # What the report's own edition asks (its year's; the tables' when the year is
        # not known): rows and columns of the other edition's items are not asked of it.
        by_year = editions.get(report.edition.value)
        required = {s.id: s for s in (by_year.article20_items if by_year else item_specs(report))}
        for spec, table in present_items(report):
            where = table.anchor
            if not _anything_read(table):
                # A header and rows printed but no cell placed in a column (a header whose
                # labels run together, rows with more or fewer figures than columns): the
                # rows and columns are there, only unreadable — never "missing".
                yield self.finding(
                    report,
                    where,
                    f"第二部分“{item_title_zh(spec)}”的表格未能读出：表头或各行的数值无法与格式的列对应"
                    "（可能是转换时表格错位）。无法判断是否缺少行或列；请核对原件。",
                    f"the table of section 2, article 20 {ITEM_EN[spec.id]} could not be read: its "
                    "header or its rows' figures cannot be matched to the format's columns (perhaps "
                    "misaligned by a conversion). Whether a row or column is missing cannot be told; "
                    "check the original.",
                    sub_id=f"{spec.id}/unreadable",
                    level="warning",
                )
                continue
            # An item printed in the other edition's form (a 2021 report keeping its 2019
            # item (五)): a row or column only that edition has is not one the report
            # lacks (ST003 says which edition the tables should follow).
            own = required.get(spec.id, spec)
            own_rows = {r.id for r in own.rows}
            own_columns = {c.id for c in own.columns}
            for row in spec.rows:
                if row.id in table.rows or printed_but_unreadable(row, unaligned):
                    continue
                if row.id not in own_rows:
                    continue
                if partial:
                    yield self._partly_read(
                        report, row_location(where, spec, row.id), spec, row, True
                    )
                    continue
                if "" in table.extra_rows:
                    yield self._unlabelled(report, row_location(where, spec, row.id), spec, row)
                    continue
                yield self.finding(
                    report,
                    row_location(where, spec, row.id),
                    f"第二部分“{item_title_zh(spec)}”缺少“{row.label}”行；请按统一格式补充（没有发生的填 0）。",
                    f"section 2, article 20 {ITEM_EN[spec.id]} has no row for {ROW_EN[row.id]}; add "
                    "it in the unified format (write 0 where nothing happened).",
                    sub_id=f"{spec.id}/{row.id}",
                )
            for column in spec.columns:
                printed = column.id in table.columns or any(
                    column.id in r.cells for r in table.rows.values()
                )
                if printed or column.id not in own_columns:
                    continue
                if partial:
                    location = column_location(where, spec, column.id)
                    yield self._partly_read(report, location, spec, column, False)
                    continue
                yield self.finding(
                    report,
                    column_location(where, spec, column.id),
                    f"第二部分“{item_title_zh(spec)}”缺少“{column.label}”列；请按统一格式补充。",
                    f"section 2, article 20 {ITEM_EN[spec.id]} has no column '{COLUMN_EN[column.id]}' "
                    f"({column.label}); add it in the unified format.",
                    sub_id=f"{spec.id}/{column.id}",
                )

    def _partly_read(self, report, location, spec, part, is_row: bool) -> Finding:
        """A row or column not found in a section 二 that was read only in part."""
        what_zh = "行" if is_row else "列"
        name_en = f"row for {ROW_EN[part.id]}" if is_row else f"column '{COLUMN_EN[part.id]}'"
        return self.finding(
            report,
            location,
            f"第二部分“{item_title_zh(spec)}”中未找到“{part.label}”{what_zh}。第二部分表格只能部分"
            "识别（见 XT002），表格可能在转换（如 PDF 转文字）时被拆散，该"
            f"{what_zh}可能随之丢失；无法确认原件是否缺少该{what_zh}，请对照原件核对，"
            "如确实缺少，请按统一格式补充。",
            f"section 2, article 20 {ITEM_EN[spec.id]}: no {name_en} ({part.label}) was found. "
            "The section-2 tables were only partly read (see XT002): they were probably broken "
            f"up by a conversion (PDF to text) and the {'row' if is_row else 'column'} may have "
            "been lost with them. Whether the original lacks it cannot be told: check it in "
            "the original, and add it if it is missing.",
            sub_id=f"{spec.id}/{part.id}",
            level="warning",
            kind="unreadable",
        )

    def _unlabelled(self, report, location, spec, row) -> Finding:
        """A row not found in an item whose table holds a row of figures without a label
        (the label printed away from its figures by a conversion): it may be that row."""
        return self.finding(
            report,
            location,
            f"第二部分“{item_title_zh(spec)}”中未找到“{row.label}”行。该表中有一行数字没有行标签"
            "（标签可能在转换时与数字分开），该行可能就是它；无法确认原件是否缺少该行，请对照原件核对，"
            "如确实缺少，请按统一格式补充。",
            f"section 2, article 20 {ITEM_EN[spec.id]}: no row for {ROW_EN[row.id]} "
            f"({row.label}) was found. The item's table holds a row of figures without a label "
            "(the label separated from its figures by a conversion, perhaps): it may be this "
            "row. Whether the original lacks it cannot be told: check it in the original, and "
            "add it if it is missing.",
            sub_id=f"{spec.id}/{row.id}",
            level="warning",
            kind="unreadable",
        )


def _anything_read(table) -> bool:
    """Whether any column header or any cell of the item's table was read."""
    return bool(table.columns) or any(row.cells for row in table.rows.values())
