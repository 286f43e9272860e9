"""AD003: a section-二 row or column label differs from the format's wording."""

from __future__ import annotations

from collections.abc import Iterator

from linter import editions
from linter.finding import Finding
from linter.model import Report
from linter.rule import Rule, RuleContext
from linter.textnorm import key
from rules.article20.common import (
    ITEM_EN,
    column_label,
    column_location,
    item_title_zh,
    present_items,
    row_label,
    row_location,
)


class AlteredLabel(Rule):
    """检查内容：第二部分表格的行、列标签与统一格式的措辞不同（不是标点、空格或换行的差别，而是错字、改字），消息同时列出两者。

    为何重要：改动格式标签会使读者和汇总系统误读数据，常常也说明表格不是从统一模板填写的。

    不合规示例：武汉东湖风景区城乡工作办事处 2025 年报告把列标签“现行有效件数”印成“现行有效件”（截断，FORMATS.md §6）；行标签印成“行政规范文件”（漏字）。

    合规示例：“本年收费金额(单位:万元)”只是半角标点，与格式相同，不报告。

    依据：年度报告格式第二部分表格的标签（FORMATS.md §2.3、§3.3）。

    What it checks: a row or column label of a section-2 table differs from the unified format's wording beyond punctuation, spacing or line breaks (a typo, a changed word); the message shows both.

    Why it matters: altered labels mislead readers and aggregation systems, and often show the table was not filled in from the official template.

    Non-compliant example: 武汉东湖风景区城乡工作办事处 2025 prints the column 现行有效件数 as 现行有效件 (truncated, FORMATS.md §6); a row printed 行政规范文件 (a character dropped).

    Compliant example: 本年收费金额(单位:万元) differs only in half-width punctuation and is not reported.

    Basis: the labels of the section-2 tables of the report format (FORMATS.md §2.3, §3.3).
    """

    code = "AD003"
    name = "article20-altered-label"
    aliases = ("altered-label",)
    level = "warning"
    grade = "B"
    summary_zh = "第二部分表格标签与格式措辞不同"
    summary_en = "A section-2 label differs from the format's wording"
    basis_zh = "年度报告格式第二部分表格的标签"
    basis_en = "The labels of the section-2 tables of the report format"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        # The edition the report follows (by its year): a 2019-form item of a 2021
        # report printing the 2021 row label (行政规范性文件) prints its report's label.
        own = editions.get(report.edition.value)
        for spec, table in present_items(report):
            own_spec = own.item(spec.id) if own is not None else None
            for row_id, row in table.rows.items():
                if row.label_match != "altered":
                    continue
                if own_spec is not None and any(
                    r.id == row_id and key(r.label) == key(row.label) for r in own_spec.rows
                ):
                    continue
                expected = row_label(spec, row_id)
                yield self.finding(
                    report,
                    row_location(row.anchor, spec, row_id),
                    f"第二部分“{item_title_zh(spec)}”的行标签印为“{row.label}”，统一格式为“{expected}”；请改为格式的措辞。",
                    f"section 2, article 20 {ITEM_EN[spec.id]}: the row label reads '{row.label}', the "
                    f"format's is '{expected}'; use the format's wording.",
                    sub_id=f"{spec.id}/{row_id}",
                )
            for column_id, column in table.columns.items():
                if column.label_match != "altered":
                    continue
                expected = column_label(spec, column_id)
                yield self.finding(
                    report,
                    column_location(column.anchor or table.anchor, spec, column_id),
                    f"第二部分“{item_title_zh(spec)}”的列标签印为“{column.label}”，统一格式为“{expected}”；请改为格式的措辞。",
                    f"section 2, article 20 {ITEM_EN[spec.id]}: the column label reads '{column.label}', "
                    f"the format's is '{expected}'; use the format's wording.",
                    sub_id=f"{spec.id}/{column_id}",
                )
