"""AD007: 本年制发件数 > 现行有效件数 + 本年废止件数."""

from __future__ import annotations

from collections.abc import Iterator

from linter import arith, editions
from linter.finding import Finding
from linter.model import Report
from linter.rule import Rule, RuleContext
from rules.article20.common import ITEM1_COUNTS, ROW_EN, location, present_items, row_label


class DocumentCountPlausibility(Rule):
    """检查内容：2021 年格式第二十条第（一）项中，规章或行政规范性文件的“本年制发件数”大于“现行有效件数”与“本年废止件数”之和。

    为何重要：本年制发的文件，到年底要么仍然有效，要么已在本年废止；制发数超过两者之和，说明某个数字填错了（常见的是把现行有效件数填成了本年新增数）。

    不合规示例：行政规范性文件本年制发 12 件、本年废止 0 件、现行有效 8 件（12 > 8 + 0）。

    合规示例：平潭综合实验区 2022 年：行政规范性文件制发 88、废止 55、现行有效 698。

    依据：FORMATS.md §5 T2v2-MADE（按表格语义推得；文件被修订后以新文件计等情况可能造成合理例外，故为警告）。

    What it checks: in article 20 item (1) of the 2021 edition, the rules or normative documents issued this year exceed those in force plus those repealed this year.

    Why it matters: a document issued this year is, at year end, either still in force or repealed this year; more issued than both together means a figure is wrong (often the in-force count was filled with this year's new ones).

    Non-compliant example: 12 normative documents issued, 0 repealed, 8 in force (12 > 8 + 0).

    Compliant example: 平潭综合实验区 2022: 88 issued, 55 repealed, 698 in force.

    Basis: FORMATS.md §5 T2v2-MADE (derived; revisions counted as new documents can be legitimate exceptions, hence a warning).
    """

    code = "AD007"
    name = "document-count-plausibility"
    level = "warning"
    precision = "very-high"
    needs = ITEM1_COUNTS
    grade = "D"
    summary_zh = "本年制发件数大于现行有效件数与本年废止件数之和"
    summary_en = "More documents issued than in force plus repealed"
    basis_zh = "第二十条第（一）项各列的含义：本年制发的文件年底或有效或已废止（按表格语义推得）"
    basis_en = "Article 20 item (1): a document issued this year is in force or repealed at year end (derived)"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        for spec, table in present_items(report):
            if spec.id != "item1" or not editions.has(table.edition, self.needs):
                continue
            for row_id in ("rules", "normative_documents"):
                cells = {c: table.cell(row_id, c) for c in ("issued", "repealed", "in_force")}
                if any(c is None or c.state != "number" for c in cells.values()):
                    continue
                issued, repealed, in_force = (
                    cells[c].value for c in ("issued", "repealed", "in_force")
                )
                if issued <= in_force + repealed:
                    continue
                yield self.finding(
                    report,
                    location(cells["issued"], spec, row_id, "issued"),
                    f"第二部分第二十条第（一）项“{row_label(spec, row_id)}”：本年制发 {arith.fmt(issued)} 件，"
                    f"多于现行有效 {arith.fmt(in_force)} 件与本年废止 {arith.fmt(repealed)} 件之和（{arith.fmt(in_force + repealed)}）；"
                    "本年制发的文件年底应仍有效或已废止，请核对这三个数字。",
                    f"section 2, article 20 item (1), {ROW_EN[row_id]}: {arith.fmt(issued)} issued this year, "
                    f"more than {arith.fmt(in_force)} in force plus {arith.fmt(repealed)} repealed "
                    f"({arith.fmt(in_force + repealed)}); a document issued this year is in force or repealed "
                    "at year end: check the three figures.",
                    sub_id=row_id,
                    expected=in_force + repealed,
                    reported=issued,
                    related=[location(cells[c], spec, row_id, c) for c in ("repealed", "in_force")],
                )
