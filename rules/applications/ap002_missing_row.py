"""AP002: a row of the edition's section-三 table is missing."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter import arith, editions
from linter.finding import Finding, Location
from linter.labels import ENGLISH, RowSpec, row_label_zh
from linter.model import Report, Row, TextBlock
from linter.rule import Rule, RuleContext
from rules.applications.common import (
    label_score,
    partly_read,
    unread_rows,
)

_FRAGMENT_MATCH = 0.99


class MissingRow(Rule):
    """检查内容：第三部分表格应有本报告所适用格式的每一行：一、本年新收，二、上年结转，（一）予以公开，（二）部分公开，（三）不予公开 8 个子项，（四）无法提供 3 个子项，（五）不予处理 5 个子项，（六）其他处理（2019 年试行格式为一行，2021 年格式为 3 个子项），（七）总计，四、结转下年度继续办理。每缺一行报告一次，指向该行本应所在位置的前一行。2021 年及以后的报告把（六）其他处理只印为一行（2019 年试行格式的写法）时，报告缺少的三个子项，并说明这是旧格式的写法。表格只能部分识别时（XT002 列出的行），这些行是“无法读取”而不是“缺少”，不报告；行标签印在第三部分却读不出对应数字时（表格在转换中被拆散），或表中另有标签无法与格式对应的数字行（该行可能就在其中）时，或解释器自己说该表只能部分识别（XT002）、该行可能随被拆散的行一起在转换中丢失时，以警告提示核对原件并说明原因，而不断言缺行。文本和 markdown 表格中跨两行印出的行标签（后半截在下一行、没有数字，或前半截在上一行）先拼接再识别。

    为何重要：删减表格行会使该类办理结果无处填报，公众无法了解，各行之和也无法与（七）总计核对；地方实施通知（如重庆市人民政府办公厅的通知）要求严格按照统一格式模板编制、严禁擅自删减报告事项。

    不合规示例：淮安市洪泽区人民政府 2023、2024 年报告适用 2021 年格式，但“（六）其他处理”只有一行，缺少“1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请”“2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”“3.其他”三个子项。

    合规示例：淮安市人民政府 2024 年报告第三部分印有 2021 年格式的全部 25 个数据行。

    依据：年度报告格式第三部分的行结构（2019 年试行格式 23 个数据行、2021 年格式 25 个数据行，FORMATS.md §2.4、§3.4、§3.6）。

    What it checks: the section-3 table has every row of the format edition the report follows: I. new, II. carried over, (1) disclosed, (2) partly disclosed, the 8 sub-items of (3) withheld, the 3 of (4) unavailable, the 5 of (5) not processed, (6) other handling (one row in the 2019 trial format, 3 sub-items in the 2021 format), (7) total and IV. carried forward. One finding per missing row, pointing at the row before the place where it belongs. A 2021-or-later report that prints (6) other handling as one row (the 2019 layout) gets one finding for each of the three missing sub-items, saying it is the old layout. Rows an XT002 lists as unreadable are not reported as missing; a row whose label is printed in section 3 but has no figures that could be matched to it (a table broken up by conversion) gets a warning to check the original, not a claim that it is missing, and so does any missing row when the table holds rows of figures whose labels match no row of the format (the row may be one of them), or when the interpreter itself read the table only in part (XT002: the row may have been lost with the rows the conversion broke); the warning says why. In text and markdown tables, a label printed over two rows (its second half on the next row with no figures, or its first half on the row before) is joined before it is matched.

    Why it matters: a row removed from the table leaves its handling outcome with nowhere to be reported, and the outcomes can no longer be checked against (7) total; local implementing notices (e.g. Chongqing's) forbid cutting items from the unified template.

    Non-compliant example: 淮安市洪泽区人民政府 2023 and 2024 follow the 2021 format but print "(6) other handling" as a single row, without its three sub-items "1. no correction in time", "2. fee not paid in time" and "3. other".

    Compliant example: 淮安市人民政府 2024 prints all 25 data rows of the 2021 format in section 3.

    Basis: the rows of the section-3 table of the report format (23 data rows in the 2019 trial format, 25 in the 2021 format; FORMATS.md §2.4, §3.4, §3.6).
    """

    code = "AP002"
    name = "missing-row"
    level = "error"
    grade = "B"
    summary_zh = "第三部分表格缺少所适用格式的某一行"
    summary_en = "Section 3: a row of the format edition is missing"
    basis_zh = "年度报告格式第三部分的行结构（2019 年试行格式 23 行，2021 年格式 25 行）"
    basis_en = "The rows of the section-3 table of the report format (23 in 2019, 25 in 2021)"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        table = report.applications
        if not table.present:
            return
        edition = editions.get(expected_edition(report)) or editions.current()
        specs = edition.application_rows
        # Sub-rows of this edition that another edition prints as one data row (2021's
        # three （六）其他处理 rows, 2019's one): printed as that one row, they are collapsed.
        split_groups = {
            s.group for s in specs if s.group and s.group not in edition.application_row_ids
        }
        collapsed = {
            g: table.rows[g]
            for g in split_groups
            if g in table.rows and not any(s.group == g and s.id in table.rows for s in specs)
        }
        unreadable, truncated = _listed_unreadable(report)
        partial = partly_read(report, 3)
        section = report.section(3)
        paragraphs = section.paragraphs if section else ()
        previous: Row | None = None
        for spec in specs:
            row = table.rows.get(spec.id)
            if row is not None:
                previous = row
                continue
            if spec.id in unreadable:
                continue
            if any(r.startswith(f"{spec.id}.") for r in table.rows):
                # A one-row group printed as another edition's sub-items (a 2019-edition
                # report with the 2021 （六）其他处理 rows): the figures are there, in the other
                # edition's layout (an edition question, ST003's).
                continue
            if spec.group in collapsed:
                yield self._collapsed(report, spec, collapsed[spec.group], edition)
                continue
            fragment = _printed_fragment(paragraphs, spec)
            if fragment is not None:
                yield self._unreadable(report, spec, fragment)
            elif truncated:
                yield self._maybe_unreadable(report, spec, previous, table.anchor)
            elif table.extra_rows:
                yield self._unmatched_rows(report, spec, previous, table)
            elif partial:
                yield self._partly_read(report, spec, previous, table.anchor)
            else:
                yield self._missing(report, spec, previous, table.anchor, edition)

    # --- the three kinds of finding -----------------------------------------------------

    def _missing(self, report, spec: RowSpec, previous: Row | None, table_anchor, edition):
        label = row_label_zh(spec.id)
        if previous is not None:
            where_zh = f"（应在“{row_label_zh(previous.id)}”行之后）"
            where_en = f" (it belongs after '{ENGLISH[previous.id]}')"
        else:
            where_zh, where_en = "（应为表头之后的第一行）", " (it belongs right under the header)"
        return self.finding(
            report,
            _location(previous.anchor if previous else table_anchor, spec.id),
            f"第三部分表格缺少“{label}”行{where_zh}。本报告适用 {edition.name_zh}，"
            "其第三部分有该行；请按格式补上该行并填写各列数字。",
            f"section 3: the row '{ENGLISH[spec.id]}' ({label}) is missing{where_en}. The "
            f"report follows {edition.name_en}, whose section 3 has this row; add it "
            "and fill in every column.",
            sub_id=spec.id,
            kind="missing",
        )

    def _collapsed(self, report, spec: RowSpec, collapsed: Row, edition):
        label = row_label_zh(spec.id)
        total = collapsed.cells.get("total")
        shown_zh = shown_en = ""
        if total is not None and total.is_number:
            shown_zh = f"（该行总计填写 {arith.fmt(total.value)}）"
            shown_en = f" (its total prints {arith.fmt(total.value)})"
        return self.finding(
            report,
            _location(collapsed.anchor, spec.id),
            f"第三部分“（六）其他处理”只印了一行{shown_zh}，这是 {_one_row_editions(spec.group, 'zh')}的写法；"
            f"本报告适用 {edition.name_zh}，其中（六）其他处理分为三个子项，因此缺少“{label}”行。"
            "请把（六）其他处理按三个子项分行填报。",
            f"section 3: '(6) other handling' is printed as a single row{shown_en}, the layout "
            f"of {_one_row_editions(spec.group, 'en')}; the report follows {edition.name_en}, where "
            f"(6) other handling has three sub-items, so the row '{ENGLISH[spec.id]}' ({label}) "
            "is missing. Report (6) other handling as its three sub-items, one row each.",
            sub_id=spec.id,
            kind="collapsed",
        )

    def _unreadable(self, report, spec: RowSpec, fragment: TextBlock):
        label = row_label_zh(spec.id)
        line = fragment.anchor.line
        at_zh = f"第 {line} 行" if line else "第三部分文字中"
        at_en = f"line {line}" if line else "the text of section 3"
        return self.finding(
            report,
            _location(fragment.anchor, spec.id),
            f"第三部分表格中未能读出“{label}”行：该行标签印在{at_zh}（“{fragment.text.strip()}”），"
            "但没有能与之对应的一行数字，表格可能在转换（如 PDF 转文字）时被拆散。"
            "无法确认该行是否已填报；请对照原件核对该行，如原件确实缺少该行，请按格式补上。",
            f"section 3: the row '{ENGLISH[spec.id]}' ({label}) could not be read: its label is "
            f'printed at {at_en} ("{fragment.text.strip()}"), but no row of figures could be '
            "matched to it; the table was probably broken up by a conversion (PDF to text). "
            "Whether the row was filled in cannot be told: check it in the original, and add "
            "it if the original lacks it.",
            sub_id=spec.id,
            level="warning",
            kind="unreadable",
        )

    def _unmatched_rows(self, report, spec: RowSpec, previous: Row | None, table):
        """Rows of figures whose labels match no row of the format are in the table: the
        row may be one of them (a label cut or garbled by a conversion)."""
        label = row_label_zh(spec.id)
        shown = table.extra_rows[:3]
        more_zh = "等" if len(table.extra_rows) > 3 else ""
        more_en = " …" if len(table.extra_rows) > 3 else ""
        return self.finding(
            report,
            _location(previous.anchor if previous else table.anchor, spec.id),
            f"第三部分表格中未能读出“{label}”行。表中另有 {len(table.extra_rows)} 行数字的标签"
            f"无法与格式对应（{'、'.join(f'“{x}”' if x else '无标签' for x in shown)}{more_zh}），"
            "该行可能就在其中，"
            "标签在转换中被拆开或改变；无法确认该行是否已填报，请对照原件核对，如确实缺少该行，请按格式补上。",
            f"section 3: the row '{ENGLISH[spec.id]}' ({label}) could not be read. The table has "
            f"{len(table.extra_rows)} rows of figures whose labels match no row of the format "
            f"({', '.join(x or 'no label' for x in shown)}{more_en}); this row may be one of "
            "them, its label split or "
            "changed by a conversion. Whether it was filled in cannot be told: check it in the "
            "original, and add it if it is missing.",
            sub_id=spec.id,
            level="warning",
            kind="unreadable",
        )

    def _maybe_unreadable(self, report, spec: RowSpec, previous: Row | None, table_anchor):
        label = row_label_zh(spec.id)
        return self.finding(
            report,
            _location(previous.anchor if previous else table_anchor, spec.id),
            f"第三部分表格中未能读出“{label}”行。该表只能部分识别（见 XT002：有若干行的单元格数与表头不符），"
            "该行可能就在无法读取的行中；请对照原件核对，如确实缺少该行，请按格式补上。",
            f"section 3: the row '{ENGLISH[spec.id]}' ({label}) was not found. The table is only "
            "partly readable (see XT002: some rows do not have the header's number of cells) and "
            "this row may be one of them; check it in the original, and add it if it is missing.",
            sub_id=spec.id,
            level="warning",
            kind="unreadable",
        )

    def _partly_read(self, report, spec: RowSpec, previous: Row | None, table_anchor):
        """The interpreter read the table only in part (XT002 lists the rows it could not
        read, and this is not one of them): a converter may have dropped the row with the
        ones it broke, so its absence is not a confident claim."""
        label = row_label_zh(spec.id)
        return self.finding(
            report,
            _location(previous.anchor if previous else table_anchor, spec.id),
            f"第三部分表格中未找到“{label}”行。该表只能部分识别（见 XT002），表格可能在转换"
            "（如 PDF 转文字）时被拆散，该行可能随之丢失；无法确认原件是否缺少该行，"
            "请对照原件核对，如确实缺少该行，请按格式补上。",
            f"section 3: the row '{ENGLISH[spec.id]}' ({label}) was not found. The table was "
            "only partly read (see XT002): it was probably broken up by a conversion (PDF to "
            "text) and this row may have been lost with it. Whether the original lacks it "
            "cannot be told: check it in the original, and add it if it is missing.",
            sub_id=spec.id,
            level="warning",
            kind="unreadable",
        )


def expected_edition(report: Report) -> str:
    """The edition whose rows section 三 must have.

    The report's edition (from its year); but when section 二 follows the other edition,
    the whole report uses that one (ST003 reports the mismatch) and its rows are expected.
    """
    edition = report.edition.value or report.applications.edition or editions.current().id
    article20 = report.article20.edition if report.article20.present else None
    if article20 and article20 != edition:
        return article20
    return edition


def _one_row_editions(group: str, lang: str) -> str:
    """The editions that print ``group`` as one data row, by name."""
    found = [e for e in editions.all_editions() if group in e.application_row_ids]
    if lang == "zh":
        return "、".join(e.short_zh for e in found) or "其他版本格式"
    return " and ".join(e.short_en for e in found) or "another edition"


def _listed_unreadable(report: Report) -> tuple[set[str], bool]:
    """Row ids the interpreter recognised but could not read (by its own row matching),
    and whether some unreadable rows are not listed."""
    unread, unlisted = unread_rows(report, 3)
    return {u.row_id for u in unread if u.row_id}, unlisted


# A table's line as a converter reading the page in its order prints it (pdftotext without
# -layout, markitdown): the row's figures after its label (“1.信访举报投诉类申请 0”), the
# merged group cell's pieces before it (“（五）不 4.无正当理由大量反复”, “他处理 2.申请人逾期
# 未按收费”): the label is read from a row's numbering on, without the figures.
# (the first figure may be set against the label: “1.属于国家秘密0 0 0 0 0 0 0”, pdftotext -raw)
_TRAILING_FIGURES = re.compile(r"(?:(?<=[^\d\s.．、])\d+)?(?:\s+\d+)*\s*$")
_SUB_ITEM = re.compile(r"(?<=\s)(?:\d{1,2}[.．、]|[（(][一二三四五六七][）)])")


def _printed_fragment(paragraphs: tuple[TextBlock, ...], spec: RowSpec) -> TextBlock | None:
    """A paragraph of section 三 that starts the row's label (its cells were lost)."""
    for p in paragraphs:
        if label_score(p.text, spec.label, spec.numbering) >= _FRAGMENT_MATCH:
            return p
    for p in paragraphs:
        text = _TRAILING_FIGURES.sub("", p.text)
        starts = [text] + [text[m.start() :] for m in _SUB_ITEM.finditer(text)]
        if any(label_score(t, spec.label, spec.numbering) >= _FRAGMENT_MATCH for t in starts):
            return p
    return None


def _location(anchor, row_id: str) -> Location:
    return Location(
        anchor,
        logical=f"三/{row_id}",
        label_zh=f"第三部分 {row_label_zh(row_id)}",
        label_en=f"section 3, {ENGLISH[row_id]}",
    )
