"""AP004: a section-三 row label differs from the format's wording (a typo, a changed word)."""

from __future__ import annotations

from collections.abc import Iterator

from linter.finding import Finding, Location
from linter.labels import ENGLISH, row_label_zh
from linter.model import Report
from linter.rule import Rule, RuleContext


class AlteredLabel(Rule):
    """检查内容：第三部分表格的行标签应与格式用语一致。只有标点、空格、全半角或编号写法不同（如“1、”与“1.”、“(三)”与“（三）”）不算问题；标签文字本身有错字、漏字或改字，只能模糊对应到格式的某一行时，每行报告一次，并列出报告所印标签和格式标签。

    为何重要：行标签是统计口径的名称，改动或错字会让读者误解该行统计的是什么，也说明表格未按统一格式核对；这类错误往往逐年照抄。

    不合规示例：淮安市洪泽区人民政府 2023、2024 年报告把“2.其他法律行政法规禁止公开”印成“2.其他法律行政止公开”（漏“法规禁”三字），两年相同。

    合规示例：淮安市人民政府 2024 年报告子项编号写作“1、”而不是“1.”，标签文字与格式相同：只是编号写法不同，不报告。

    依据：年度报告格式第三部分的行标签（两版格式相同，（六）其他处理的子项除外，FORMATS.md §2.4、§3.4）。

    What it checks: the row labels of the section-3 table read as in the format. Differences of punctuation, spacing, full/half width or numbering style ("1、" for "1.", "(三)" for "（三）") are not findings; a label whose words differ (a typo, a missing or changed word), so that it matches a row of the format only fuzzily, gets one finding per row showing the printed label and the format's.

    Why it matters: a row label names what the row counts; a changed or misspelt label misleads the reader, shows the table was not checked against the format, and is usually copied year after year.

    Non-compliant example: 淮安市洪泽区人民政府 2023 and 2024 print "2.其他法律行政法规禁止公开" as "2.其他法律行政止公开" (法规禁 missing), the same in both years.

    Compliant example: 淮安市人民政府 2024 numbers the sub-items "1、" instead of "1." with the format's words: a numbering style, not reported.

    Basis: the row labels of the section-3 table of the report format, the same in both editions except the sub-items of (6) other handling (FORMATS.md §2.4, §3.4).
    """

    code = "AP004"
    name = "applications-altered-label"
    aliases = ("altered-label",)
    level = "warning"
    grade = "B"
    summary_zh = "第三部分行标签与格式用语不符（错字、漏字或改字）"
    summary_en = "Section 3: a row label differs from the format's wording"
    basis_zh = "年度报告格式第三部分的行标签"
    basis_en = "The row labels of the section-3 table of the report format"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        table = report.applications
        if not table.present:
            return
        for row in table.rows.values():
            if row.label_match != "altered":
                continue
            printed = row.label.strip()
            canonical = row_label_zh(row.id)
            yield self.finding(
                report,
                Location(
                    row.anchor,
                    logical=f"三/{row.id}",
                    label_zh=f"第三部分 {canonical}",
                    label_en=f"section 3, {ENGLISH[row.id]}",
                ),
                f"第三部分行标签“{printed}”与格式用语不符，格式的标签为“{canonical}”"
                "（不只是标点、空格或编号写法的差别）；请按格式更正该行标签。",
                f'section 3: the row label "{printed}" differs from the format\'s "{canonical}" '
                f"('{ENGLISH[row.id]}') by more than punctuation, spacing or numbering style; "
                "correct the label to the format's wording.",
                sub_id=row.id,
            )
