"""AP001: section 三 is there, but its applications table is not."""

from __future__ import annotations

from collections.abc import Iterator

from linter.finding import Finding, Location
from linter.model import Report
from linter.rule import Rule, RuleContext
from rules.applications.common import table_unreadable


class MissingTable(Rule):
    """检查内容：第三部分“收到和处理政府信息公开申请情况”有标题，但其中没有依申请公开情况统计表（申请人情况 7 列 × 本年新收、上年结转、各项办理结果、结转下年度各行）。整个第三部分缺失时由 ST001 报告；该部分有表格但无法读取（如表格被展平为文字、转为图片）时由 XT002 报告，本规则均不重复报告。

    为何重要：第三部分表格是年度报告中依申请公开数据的唯一统一载体，只写文字、不附表格，公众和检查人员就无法按统一口径核对收到和处理申请的情况，也无法核验表格自身的勾稽关系。

    不合规示例：（示意，未见于语料中的真实报告）第三部分只写“本年度共收到政府信息公开申请 12 件，均已按时答复。”，没有统计表。

    合规示例：某市工业和信息化局 2019 年报告第三部分印有完整的依申请公开情况表（23 行 × 7 列）。

    依据：年度报告格式第三部分“收到和处理政府信息公开申请情况”为统一表格（2019 年试行格式与 2021 年格式相同，FORMATS.md §2.4、§3.4）；条例第五十条第（二）项要求报告收到和处理政府信息公开申请的情况。

    What it checks: section 3 "applications received and handled" has its heading, but no applications table (7 applicant columns × new, carried over, every handling outcome, carried forward). A missing section 3 is ST001; a table that is there but cannot be read (flattened into text, an image) is XT002; this rule repeats neither.

    Why it matters: the section-3 table is the one uniform record of how applications were handled; prose alone cannot be compared with other reports, and the table's own identities cannot be checked.

    Non-compliant example: (an illustration; not seen in the corpus's real reports) section 3 says only "本年度共收到政府信息公开申请 12 件，均已按时答复。" and has no table.

    Compliant example: the 2019 report of a city 工业和信息化局 prints the full applications table (23 rows × 7 columns) in section 3.

    Basis: section 3 of the report format is a fixed table, the same in the 2019 trial format and the 2021 format (FORMATS.md §2.4, §3.4); 条例第五十条第（二）项 requires reporting how applications were received and handled.
    """

    code = "AP001"
    name = "applications-missing-table"
    aliases = ("missing-table",)
    level = "error"
    grade = "B"
    summary_zh = "第三部分没有依申请公开情况表"
    summary_en = "Section 3 has no applications table"
    basis_zh = "年度报告格式第三部分的统一表格；条例第五十条第（二）项"
    basis_en = "The fixed section-3 table of the report format; 条例第五十条第（二）项"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        section = report.section(3)
        if section is None or report.applications.present or table_unreadable(report, 3):
            return
        yield self.finding(
            report,
            Location(
                section.anchor,
                logical="三",
                label_zh=f"第三部分 {section.heading}",
                label_en="section 3",
            ),
            f"第三部分“{section.heading}”中没有“收到和处理政府信息公开申请情况”统计表。"
            "年度报告格式第三部分是统一表格：申请人情况分自然人、五类法人或其他组织和总计 7 列，"
            "行为本年新收、上年结转、各项办理结果和结转下年度；请按格式补上该表并填写各项数字。",
            f"section 3 ({section.heading}) has no applications table. Section 3 of the report "
            "format is a fixed table: 7 applicant columns (natural persons, five kinds of "
            "organisation, total) by new, carried over, every handling outcome and carried "
            "forward; add the table and fill in every figure.",
        )
