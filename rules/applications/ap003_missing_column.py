"""AP003: one of the seven applicant columns of section 三 is missing."""

from __future__ import annotations

from collections.abc import Iterator

from linter.document import Anchor
from linter.finding import Finding, Location
from linter.labels import APPLICATION_COLUMNS, ENGLISH, ColumnSpec
from linter.model import Report
from linter.rule import Rule, RuleContext


class MissingColumn(Rule):
    """检查内容：第三部分表格应有“申请人情况”的全部 7 列：自然人，法人或其他组织下的商业企业、科研机构、社会公益组织、法律服务机构、其他，以及总计。某列既不在表头中、各行也没有该列的数字时，每缺一列报告一次（错误）。表头读出了其他各列、唯独该列的标签不是格式用语（如“其他组织”“律师事务所”），而各行按格式的列顺序在该位置都有数字时，该列不算缺少，只提示列标签与格式不符（警告）。

    为何重要：缺少一列，该类申请人的申请就无处统计，“总计”列也无法与各类申请人之和核对。

    不合规示例：（示意，未见于语料中的真实报告）表头删去“法律服务机构”列（或把它改成“律师事务所”等格式中没有的列名），各行只剩 6 列数字。

    合规示例：淮安市人民政府 2024 年报告第三部分印有全部 7 列（自然人 3001、商业企业 53、科研机构 0、社会公益组织 0、法律服务机构 61、其他 4，总计 3119）。

    依据：年度报告格式第三部分的列结构（两版格式相同：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计，FORMATS.md §2.4、§3.4）。

    What it checks: the section-3 table has all 7 applicant columns: natural persons; under legal persons and other organisations, businesses, research institutions, public-interest organisations, legal service providers and other; and total. One finding per column that is neither in the header nor in any row's figures (an error). When the header names every other column but prints this one under a label the format does not have ("其他组织", "律师事务所") while every row has a figure in its place in the format's column order, the column is not missing: the finding is a warning that its label differs.

    Why it matters: without the column, that kind of applicant has nowhere to be counted, and the total column can no longer be checked against the applicant columns.

    Non-compliant example: (an illustration; not seen in the corpus's real reports) the header drops "法律服务机构" (or renames it to something the format does not have, such as "律师事务所"), and every row has six figures.

    Compliant example: 淮安市人民政府 2024 prints all 7 columns in section 3 (natural persons 3001, businesses 53, research 0, public-interest 0, legal services 61, other 4, total 3119).

    Basis: the columns of the section-3 table of the report format, the same in both editions (FORMATS.md §2.4, §3.4).
    """

    code = "AP003"
    name = "applications-missing-column"
    aliases = ("missing-column",)
    level = "error"
    grade = "B"
    summary_zh = "第三部分表格缺少申请人情况的某一列"
    summary_en = "Section 3: an applicant column is missing"
    basis_zh = "年度报告格式第三部分“申请人情况”的 7 列"
    basis_en = "The 7 applicant columns of the section-3 table of the report format"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        table = report.applications
        if not table.present:
            return
        all_labels = "、".join(c.label for c in APPLICATION_COLUMNS)
        section = report.section(3)
        anchor = table.anchor or (section.anchor if section else Anchor())
        for column in APPLICATION_COLUMNS:
            if column.id in table.columns:
                continue
            if any(column.id in row.cells for row in table.rows.values()):
                if len(table.columns) == len(APPLICATION_COLUMNS) - 1:
                    # The header named every column but this one: its figures are there,
                    # in the format's column order, under another label.
                    yield self._renamed(report, anchor, column)
                continue
            yield self.finding(
                report,
                _column_location(anchor, column),
                f"第三部分表格缺少“{column.label}”列：表头中没有该列，各行也没有该列的数字。"
                f"年度报告格式第三部分“申请人情况”共 7 列（{all_labels}）；"
                "请按格式补上该列并填写各行数字。",
                f"section 3: the column '{ENGLISH[column.id]}' ({column.label}) is missing: it is "
                "not in the header and no row has a figure for it. The section-3 table of the "
                "report format has 7 applicant columns (natural persons, businesses, research "
                "institutions, public-interest organisations, legal service providers, other, "
                "total); add the column and fill it in for every row.",
                sub_id=column.id,
            )

    def _renamed(self, report: Report, anchor: Anchor, column: ColumnSpec) -> Finding:
        return self.finding(
            report,
            _column_location(anchor, column),
            f"第三部分表头中没有“{column.label}”列的标签：该列印成了格式中没有的名称，"
            f"各行在该位置的数字已按格式的列顺序作为“{column.label}”读取。"
            f"请核对该列统计的是否就是“{column.label}”，并按格式更正列标签。",
            f"section 3: the header has no label '{column.label}' ({ENGLISH[column.id]}): the "
            "column is printed under a name the format does not have, and the figures in its "
            f"place were read as {ENGLISH[column.id]} in the format's column order. Check that "
            "the column counts that kind of applicant, and print the format's label.",
            sub_id=column.id,
            level="warning",
            kind="label-differs",
        )


def _column_location(anchor: Anchor, column: ColumnSpec) -> Location:
    """Where a section-三 column is reported: the table, and the column by name."""
    return Location(
        anchor,
        logical=f"三/*/{column.id}",
        label_zh=f"第三部分 {column.label}列",
        label_en=f"section 3, column {ENGLISH[column.id]}",
    )
