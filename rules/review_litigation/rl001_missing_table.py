"""RL001: section 四 is there, but its review/litigation table is not."""

from __future__ import annotations

from collections.abc import Iterator

from linter.finding import Finding, Location
from linter.model import Report
from linter.rule import Rule, RuleContext
from rules.applications.common import table_unreadable


class MissingTable(Rule):
    """检查内容：第四部分“政府信息公开行政复议、行政诉讼情况”有标题，但其中没有行政复议、行政诉讼情况表（行政复议、未经复议直接起诉、复议后起诉三组，每组结果维持、结果纠正、其他结果、尚未审结、总计，共 15 个单元格）。整个第四部分缺失时由 ST001 报告；该部分有表格但无法读取时由 XT002 报告，本规则均不重复报告。

    为何重要：第四部分表格是因政府信息公开被申请行政复议、提起行政诉讼情况的统一载体；只写“未发生”或一段文字，无法按统一口径核对复议、诉讼的结果。

    不合规示例：（示意，未见于语料中的真实报告）第四部分只写“本年度未发生政府信息公开行政复议、行政诉讼案件。”，没有统计表。

    合规示例：淮安市人民政府 2024 年报告第四部分印有完整的 15 格表格（行政复议总计 351，未经复议直接起诉总计 26，复议后起诉总计 20）。

    依据：年度报告格式第四部分“政府信息公开行政复议、行政诉讼情况”为统一表格（两版格式相同，FORMATS.md §2.5、§3.5）；条例第五十条第（三）项要求报告因政府信息公开工作被申请行政复议、提起行政诉讼的情况。

    What it checks: section 4 "administrative review and litigation" has its heading, but no review/litigation table (three groups — administrative review, litigation without prior review, litigation after review — each with upheld, corrected, other, pending and total: 15 cells). A missing section 4 is ST001; a table that is there but cannot be read is XT002; this rule repeats neither.

    Why it matters: the section-4 table is the uniform record of the reviews and lawsuits the agency faced over information disclosure; a sentence such as "none occurred" cannot be checked against the outcomes.

    Non-compliant example: (an illustration; not seen in the corpus's real reports) section 4 says only "本年度未发生政府信息公开行政复议、行政诉讼案件。" and has no table.

    Compliant example: 淮安市人民政府 2024 prints the full 15-cell table in section 4 (review total 351, direct litigation total 26, litigation after review total 20).

    Basis: section 4 of the report format is a fixed table, the same in both editions (FORMATS.md §2.5, §3.5); 条例第五十条第（三）项 requires reporting the administrative reviews and lawsuits brought over information disclosure.
    """

    code = "RL001"
    name = "review-missing-table"
    aliases = ("missing-table",)
    level = "error"
    grade = "B"
    summary_zh = "第四部分没有行政复议、行政诉讼情况表"
    summary_en = "Section 4 has no review and litigation table"
    basis_zh = "年度报告格式第四部分的统一表格；条例第五十条第（三）项"
    basis_en = "The fixed section-4 table of the report format; 条例第五十条第（三）项"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        section = report.section(4)
        if section is None or report.review_litigation.present or table_unreadable(report, 4):
            return
        yield self.finding(
            report,
            Location(
                section.anchor,
                logical="四",
                label_zh=f"第四部分 {section.heading}",
                label_en="section 4",
            ),
            f"第四部分“{section.heading}”中没有行政复议、行政诉讼情况表。年度报告格式第四部分是统一表格："
            "行政复议、未经复议直接起诉、复议后起诉三组，每组分结果维持、结果纠正、其他结果、尚未审结、总计，"
            "共 15 个单元格；请按格式补上该表（没有发生复议、诉讼时也请填报该表）。",
            f"section 4 ({section.heading}) has no review and litigation table. Section 4 of the "
            "report format is a fixed table: administrative review, litigation without prior "
            "review and litigation after review, each with upheld, corrected, other, pending and "
            "total (15 cells); add the table (also when no review or lawsuit occurred).",
        )
