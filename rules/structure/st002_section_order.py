"""ST002: the six sections stand in the format's order, each once."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from linter.finding import Finding, Location
from linter.labels import SECTION_NUMERALS
from linter.model import Report, Section
from linter.rule import Rule, RuleContext


def _in_order(numbers: Sequence[int]) -> set[int]:
    """Positions of a longest increasing run of section numbers (the ones in place)."""
    # Patience sorting with back-pointers; ties keep the earliest-ending subsequence.
    tails: list[int] = []  # positions
    previous: list[int | None] = [None] * len(numbers)
    for pos, number in enumerate(numbers):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if numbers[tails[mid]] < number:
                lo = mid + 1
            else:
                hi = mid
        previous[pos] = tails[lo - 1] if lo else None
        if lo == len(tails):
            tails.append(pos)
        else:
            tails[lo] = pos
    keep: set[int] = set()
    at = tails[-1] if tails else None
    while at is not None:
        keep.add(at)
        at = previous[at]
    return keep


class SectionOrder(Rule):
    """检查内容：六个部分按统一格式的顺序排列（一、总体情况 … 六、其他需要报告的事项），且每个部分只出现一次。顺序错乱时，报告不在正确位置上的部分（与最长的正确顺序相比）；同一部分的标题再次出现时，报告重复的标题。

    为何重要：统一格式规定了六个部分及其顺序，检查人员和公众按这一顺序查找和比对各机关的报告；顺序颠倒或重复的部分说明报告由不同稿件拼接而成，内容可能遗漏或自相矛盾。

    不合规示例：“四、政府信息公开行政复议、行政诉讼情况”排在“五、存在的主要问题及改进情况”之后；或在第三部分表格之后再次出现“二、主动公开政府信息情况”。

    合规示例：平潭综合实验区 2021 年度报告：一、总体情况，二、主动公开政府信息情况，三、收到和处理政府信息公开申请情况，四、政府信息公开行政复议、行政诉讼情况，五、存在的主要问题及改进情况，六、其他需要报告的事项，依次各出现一次。

    依据：《中华人民共和国政府信息公开条例》第五十条（年度报告的内容及统一格式）；国办公开办函〔2021〕30号所附格式的六个部分及其顺序（统一格式附件；各部分标题在多份真实报告和模板中一致）。

    What it checks: the six sections stand in the order of the unified format (一 overview … 六 other matters), each once. When the order is broken, the sections out of place (against the longest run in the right order) are reported; when a section's heading is printed again, the repeated heading is reported.

    Why it matters: the unified format fixes the six sections and their order; inspectors and the public look for and compare reports in that order. Sections out of order or printed twice show a report pasted together from several drafts, which may leave things out or contradict itself.

    Non-compliant example: "四、政府信息公开行政复议、行政诉讼情况" after "五、存在的主要问题及改进情况"; or "二、主动公开政府信息情况" printed again after the section 三 table.

    Compliant example: 平潭综合实验区's 2021 report: sections 一 to 六 once each, in order.

    Basis: Regulations on Government Information Disclosure, art. 50 (contents of the report and its unified format); the six sections and their order in the format attached to 国办公开办函〔2021〕30号 (headings identical across templates and real reports).
    """

    code = "ST002"
    name = "section-order"
    level = "warning"
    grade = "B"
    summary_zh = "各部分顺序错乱或重复出现"
    summary_en = "Sections out of order or duplicated"
    basis_zh = "《中华人民共和国政府信息公开条例》第五十条；统一格式六个部分的顺序"
    basis_en = "Regulations on Government Information Disclosure, art. 50; the order of the six sections of the unified format"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        sections = list(report.sections)
        numbers = [s.number for s in sections]
        printed = "、".join(SECTION_NUMERALS[n - 1] for n in numbers)
        keep = _in_order(numbers)
        for pos, section in enumerate(sections):
            if pos in keep:
                continue
            yield self._out_of_place(report, section, sections, pos, printed)
        for block in report.repeated_headings:
            yield self.finding(
                report,
                Location(block.anchor, logical="heading", label_zh="部分标题", label_en="heading"),
                f"部分标题“{block.text}”重复出现：该部分已在前文开始。同一部分应只有一个标题；"
                "请删除重复的标题，并将其下的内容并入该部分（或改为正确的部分标题）。",
                f"the section heading '{block.text}' is printed again, though the section began "
                "earlier. Each section has one heading: remove the repeated one and move what "
                "follows it into that section (or give it the right heading).",
                sub_id="duplicate",
            )

    def _out_of_place(
        self, report: Report, section: Section, sections: list[Section], pos: int, printed: str
    ) -> Finding:
        numeral = SECTION_NUMERALS[section.number - 1]
        before = [s for s in sections[:pos] if s.number > section.number]
        after = [s for s in sections[pos + 1 :] if s.number < section.number]
        if before:
            other = before[-1]
            where_zh, where_en = f"排在“{other.heading}”之后", f"it stands after '{other.heading}'"
        else:
            other = after[0]
            where_zh, where_en = f"排在“{other.heading}”之前", f"it stands before '{other.heading}'"
        return self.finding(
            report,
            Location(
                section.anchor,
                logical=f"section/{section.number}",
                label_zh=f"第{numeral}部分",
                label_en=f"section {section.number}",
            ),
            f"第{numeral}部分“{section.heading}”位置不符合统一格式的顺序：{where_zh}。"
            f"报告中各部分的顺序为 {printed}，应为 一、二、三、四、五、六；请按统一格式调整顺序。",
            f"section {section.number} '{section.heading}' is out of the format's order: "
            f"{where_en}. The report's sections run {printed}; the format's order is "
            "一、二、三、四、五、六. Put the sections in that order.",
            sub_id="order",
            related=[Location(other.anchor, logical=f"section/{other.number}")],
        )
