"""AD001: an item block of section 二 is missing."""

from __future__ import annotations

from collections.abc import Iterator

from linter import editions
from linter.finding import Finding
from linter.model import Report, TextBlock
from linter.rule import Rule, RuleContext
from linter.textnorm import key
from rules.article20.common import (
    ITEM_EN,
    item_location,
    item_specs,
    item_title_zh,
    tables_unreadable,
)


class MissingItem(Rule):
    """检查内容：第二部分应有条例第二十条第（一）（五）（六）（八）项各自的表格（2019 年试行格式还有第（九）项），缺少某一项时报告。表格沿用另一版格式（ST003 说明）时，只有那一版才有的项（如 2021 年度以后报告中的第（九）项）不按缺少报告。某项的表格未能读出、但其行标签（如“规章”“行政许可”）单独成行地印在第二部分时（转换后一格一行的表格），该项不是缺少而是未能读出，只给警告请核对原件。

    为何重要：这几项是条例第二十条要求主动公开、统一格式要求统计的内容；缺少一项，该项主动公开情况就没有报告。

    不合规示例：第二部分只有第二十条第（一）（五）（六）项，没有第（八）项“行政事业性收费”。

    合规示例：平潭综合实验区 2022 年报告第二部分依次列出第（一）（五）（六）（八）项。

    依据：《中华人民共和国政府信息公开条例》第二十条；年度报告格式第二部分的表格（2019 年试行格式五项，2021 年格式四项）。

    What it checks: section 2 has the table of each of items (1), (5), (6) and (8) of article 20 (plus item (9) in the 2019 trial edition); a missing item is reported. When the tables follow the other edition than the report's year (ST003 says so), an item only that edition has (item (9) in a 2021-or-later report) is not reported missing. When an item's table could not be read but its row labels (规章, 行政许可 …) stand on lines of their own in section 2 (a table converted a cell a line), the item is not missing but unread: a warning to check the original.

    Why it matters: these items must be disclosed proactively under article 20 and counted by the unified format; a missing item leaves that part of proactive disclosure unreported.

    Non-compliant example: section 2 has items (1), (5) and (6) of article 20 but no item (8) (administrative fees).

    Compliant example: 平潭综合实验区 2022 lists items (1), (5), (6) and (8) in section 2.

    Basis: Regulations on Government Information Disclosure, art. 20; the section-2 tables of the report format (five items in the 2019 trial edition, four in 2021).
    """

    code = "AD001"
    name = "missing-item"
    level = "error"
    grade = "B"
    summary_zh = "第二部分缺少第二十条某一项的表格"
    summary_en = "Section 2 lacks the table of an article-20 item"
    basis_zh = "《中华人民共和国政府信息公开条例》第二十条；年度报告格式第二部分"
    basis_en = (
        "Regulations on Government Information Disclosure, art. 20; section 2 of the report format"
    )

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        section = report.section(2)
        if section is None or not report.article20.present or tables_unreadable(report):
            return
        # Tables that follow the other edition than the report's year (ST003 says so):
        # an item only that edition has (2019's (九) in a 2023 report) is not one the
        # report lacks.
        by_year = editions.get(report.edition.value)
        for spec in item_specs(report):
            table = report.article20.items.get(spec.id)
            if table is not None and table.present:
                continue
            if by_year is not None and by_year.item(spec.id) is None:
                continue
            if printed := _printed_row(section, spec):
                yield self._not_read(report, spec, *printed)
                continue
            yield self.finding(
                report,
                item_location(report.article20.anchor or section.anchor, spec),
                f"第二部分缺少“{item_title_zh(spec)}”的表格；请按统一格式补充该项（没有发生的填 0）。",
                f"section 2 has no table for article 20 {ITEM_EN[spec.id]}; add it in the unified "
                "format (write 0 where nothing happened).",
                sub_id=spec.id,
            )

    def _not_read(self, report: Report, spec, printed: TextBlock, label: str) -> Finding:
        """The item's rows are printed in section 二 as lines of their own (a table the
        reader could not set out as one: a converter's cell lines), so its table is not
        missing, only unread: a warning to check the original."""
        return self.finding(
            report,
            item_location(printed.anchor, spec),
            f"第二部分印有“{label}”等“{item_title_zh(spec)}”的行，但未能读出该项的表格"
            "（可能是转换时表格错位）；无法确认是否缺少该项，请核对原件。",
            f"section 2 prints '{label}' and other rows of article 20 {ITEM_EN[spec.id]}, but "
            "its table could not be read (probably misaligned by a conversion): whether the "
            "item is missing cannot be told; check the original.",
            sub_id=spec.id,
            level="warning",
            kind="unreadable",
        )


# A line no longer than this (after its cell pipe) can be a row label standing alone.
_ROW_LINE = 12


def _printed_row(section, spec) -> tuple[TextBlock, str] | None:
    """The first paragraph of section 二 that is one of the item's row labels alone (with
    at most a cell's pipe): an unread table's row, not narrative; and its text."""
    labels = tuple(key(r.label) for r in spec.rows)
    for p in section.paragraphs:
        text = key(p.text.strip().rstrip("|"))
        if len(text) <= _ROW_LINE and text.endswith(labels):
            return p, text
    return None
