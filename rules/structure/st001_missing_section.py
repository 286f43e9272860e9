"""ST001: each of the six sections of the unified format is present."""

from __future__ import annotations

from collections.abc import Iterator

from linter.document import Anchor
from linter.finding import Finding, Location
from linter.interpret import is_bare_heading
from linter.labels import SECTION_NUMERALS, SECTIONS
from linter.model import Report, Section
from linter.rule import Rule, RuleContext

_ENGLISH = {
    1: "overview",
    2: "proactive disclosure",
    3: "applications received and handled",
    4: "administrative review and litigation",
    5: "main problems and improvements",
    6: "other matters to report",
}


class MissingSection(Rule):
    """检查内容：报告应包含统一格式的六个部分：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；
    四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。接受格式说明中列出的措辞变体和各种编号写法（“一、”“一.”“第一部分”“1.”“（一）”“(1)”“1)”，以报告中标出部分最多的一种为准），也接受被转换工具粘连在上一行末尾或压成一行的标题。第五部分的标题在转换中丢失、但其内容明显在位（第四部分表格之后、第六部分之前，以“存在的问题”“改进情况”等措辞开头）时，不报告缺少该部分，只以提示说明标题没有印出。第二、三、四部分的表格已识别、只是找不到其标题时，以警告说明标题没有找到（可能在转换中丢失）；报告中一个部分标题也没有找到、但有报告的表格时，各部分“缺少”也只作警告。标题只印出编号（“一、”单独一行，文字丢失）而位于该部分的位置时，以警告说明标题文字没有印出。

    为何重要：条例第五十条规定了年度报告必须包括的内容，格式要求“不能遗漏”；缺少某一部分即缺少法定内容。

    不合规示例：报告在第四部分之后直接结束，没有“五、存在的主要问题及改进情况”。

    合规示例：六个部分齐全，标题可为“五、政府信息公开工作存在的主要问题及改进情况”等变体。

    依据：《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号：“年度报告内容，要严格按照……第五十条的规定确定，不能遗漏”。

    What it checks: the report has the six parts of the unified format: 1 overview; 2 proactive disclosure; 3 applications received and handled; 4 administrative review and litigation; 5 main problems and improvement; 6 other matters. The wording variants listed in the format notes are accepted, and so is any numbering of the headings ("一、", "一.", "第一部分", "1.", "（一）", "(1)", "1)"; the one that numbers most parts is the report's), and a heading a converter glued to the end of the line before it or flattened into one line. When a conversion lost the heading of section 5 but its content is plainly there (after section 4's table, before section 6, opening with the problems/improvements wording), the section is not missing: a note says the heading is not printed as such. When the table of section 2, 3 or 4 is read but its heading is not found, a warning says the heading was not found (a conversion may have lost it); when no section heading at all is found but the report's tables are there, each "missing" section is a warning too. A heading printed as its numeral alone ("一、" on its own line, the words lost), in the section's place, gets a warning that its words are not printed.

    Why it matters: article 50 lists what the report must contain, and the format says nothing may be left out; a missing part is missing statutory content.

    Non-compliant example: a report that ends after section 4, with no "五、存在的主要问题及改进情况".

    Compliant example: all six parts present; a heading such as "五、政府信息公开工作存在的主要问题及改进情况" is accepted.

    Basis: Regulations on Government Information Disclosure, art. 50; 国办公开办函〔2021〕30号: the contents "不能遗漏" (must not be left out).
    """

    code = "ST001"
    name = "missing-section"
    level = "error"
    summary_zh = "缺少统一格式规定的某一部分"
    summary_en = "One of the six parts of the unified format is missing"
    basis_zh = "《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号“不能遗漏”"
    basis_en = "Regulations on Government Information Disclosure, art. 50; 国办公开办函〔2021〕30号 ('nothing may be left out')"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        present = {s.number: s for s in report.sections}
        tables = {2: report.article20, 3: report.applications, 4: report.review_litigation}
        for spec in SECTIONS:
            if spec.number in present:
                if not present[spec.number].heading_printed:
                    yield self._not_printed(report, present[spec.number])
                elif is_bare_heading(present[spec.number].heading):
                    yield self._numeral_only(report, present[spec.number])
                continue
            table = tables.get(spec.number)
            if table is not None and table.present:
                # Its table is there: the section's content is, its heading is not found (a
                # page whose headings an extractor lost, 桂花街道 2019's stored page).
                yield self._table_without_heading(report, spec.number, table.anchor)
                continue
            numeral = SECTION_NUMERALS[spec.number - 1]
            # Point where the section should be: before the next section that is present.
            following = [s for n, s in sorted(present.items()) if n > spec.number]
            preceding = [s for n, s in sorted(present.items()) if n < spec.number]
            if following:
                anchor, where_zh, where_en = (
                    following[0].anchor,
                    f"应位于“{following[0].heading}”之前",
                    f"it belongs before '{following[0].heading}'",
                )
            elif preceding:
                anchor, where_zh, where_en = (
                    preceding[-1].anchor,
                    f"应位于“{preceding[-1].heading}”之后",
                    f"it belongs after '{preceding[-1].heading}'",
                )
            else:
                anchor, where_zh, where_en = (
                    Anchor(line=1, column=1),
                    "报告中未找到任何部分标题",
                    "no section heading was found at all",
                )
                if any(t.present for t in tables.values()):
                    # No heading at all but the report's tables: the headings were more
                    # likely lost in a conversion than all left out (a warning that says so).
                    where_zh += "，但报告的表格在，标题可能在文件转换时丢失，请对照原件核对"
                    where_en += ", but the report's tables are there: a conversion may have lost the headings; check the original"
            yield self.finding(
                report,
                Location(anchor, logical=f"section/{spec.number}"),
                f"缺少第{numeral}部分“{numeral}、{spec.heading}”（{where_zh}）。条例第五十条要求年度报告包括该项内容；"
                "请按统一格式补充该部分，如确无内容也应保留标题并说明。",
                f"section {spec.number} '{numeral}、{spec.heading}' ({_ENGLISH[spec.number]}) is missing "
                f"({where_en}). Article 50 requires this content in the report: add the section in the "
                "unified format; if there is nothing to report, keep the heading and say so.",
                sub_id=f"section{spec.number}",
                level="warning"
                if not present and any(t.present for t in tables.values())
                else None,
            )

    def _table_without_heading(self, report: Report, number: int, anchor: Anchor | None) -> Finding:
        """The section's table is read but its heading is not found."""
        numeral = SECTION_NUMERALS[number - 1]
        heading = next(s.heading for s in SECTIONS if s.number == number)
        return self.finding(
            report,
            Location(anchor or Anchor(line=1, column=1), logical=f"section/{number}"),
            f"第{numeral}部分的表格在报告中，但没有找到“{numeral}、{heading}”这一标题，"
            "可能是文件转换时丢失。请对照原件核对；如原件也没有该标题，请按统一格式补上。",
            f"the table of section {number} is in the report, but its heading "
            f"'{numeral}、{heading}' was not found; a conversion may have lost it. Check the "
            "original, and add the heading if the original lacks it too.",
            sub_id=f"section{number}",
            level="warning",
            kind="heading-not-found",
        )

    def _numeral_only(self, report: Report, section: Section) -> Finding:
        """The section is there, in its place, under its numeral alone (“一、”)."""
        numeral = SECTION_NUMERALS[section.number - 1]
        heading = next(s.heading for s in SECTIONS if s.number == section.number)
        printed = section.heading.strip()
        return self.finding(
            report,
            Location(section.anchor, logical=f"section/{section.number}"),
            f"第{numeral}部分的标题只印出编号“{printed}”，没有“{heading}”等字样"
            "（可能是文件转换时丢失）。请对照原件核对；如原件也是这样，请按统一格式补全标题。",
            f"the heading of section {section.number} is printed as its numeral alone "
            f"(\"{printed}\"), without the words '{heading}' (a conversion may have lost "
            "them). Check the original, and complete the heading as the format prints it if "
            "the original lacks them too.",
            sub_id=f"section{section.number}",
            level="warning",
            kind="heading-numeral-only",
        )

    def _not_printed(self, report: Report, section: Section) -> Finding:
        """The section is there (its content, in its place) but its heading is not."""
        numeral = SECTION_NUMERALS[section.number - 1]
        first = section.paragraphs[0].text.strip() if section.paragraphs else ""
        shown = first[:30] + ("…" if len(first) > 30 else "")
        return self.finding(
            report,
            Location(section.anchor, logical=f"section/{section.number}"),
            f"第{numeral}部分的内容在报告中（从“{shown}”起，位于第四部分之后、第六部分之前），"
            f"但没有印出“{section.heading}”这一标题，可能是文件转换时丢失。"
            "请对照原件核对；如原件也没有该标题，请按统一格式补上。",
            f'the content of section {section.number} is in the report (from "{shown}", '
            f"after section 4 and before section 6), but its heading '{section.heading}' is "
            "not printed as such; a conversion may have lost it. Check the original, and add "
            "the heading if the original lacks it too.",
            sub_id=f"section{section.number}",
            level="note",
            kind="heading-not-printed",
        )
