"""CY003: section 五 (or the whole narrative) near-identical to last year's."""

from __future__ import annotations

import zlib
from collections.abc import Iterator

from linter.finding import Finding, Location
from linter.model import Report
from linter.rule import BatchRule, ReportFacts, RuleContext
from rules.cross_year.facts import (
    ambiguity_note,
    copied_share,
    longest_shared_passage,
    narrative_facts,
    pack_anchor,
    pairs,
    sketch_similarity,
    unpack_anchor,
)

SECTION5_THRESHOLD = 0.8
NARRATIVE_THRESHOLD = 0.9
# A run of consecutive clauses copied word for word, this long (characters), is copying
# even when the rest of section 五 is new (洪泽区 2024 repeats two of 2023's measures).
MIN_PASSAGE = 50
QUOTE_CHARS = 90


class CopiedText(BatchRule):
    """检查内容：第五部分“存在的主要问题及改进情况”照搬同一机关上一年度报告的第五部分：本年第五部分八成以上的文字逐句（按分句）与上年相同，或其中有一段连续 50 字以上与上年逐字相同（例如照抄上年的改进措施）；或整篇报告九成以上与上年相同（按分句集合的相似度估计）。消息引用最长的照搬段落。阈值可在配置中调整（options: cy003-section5-threshold, cy003-min-passage, cy003-narrative-threshold）。无法确定哪一份上年报告属于本机关（多份报告同名）时，不作比对，以提示说明原因（第三部分表格已读取的报告由 CY001 说明；CY001 未启用时由本规则说明）。

    为何重要：年度报告应反映当年的问题和改进；逐年照抄说明问题没有真正查找、改进没有落实。格式要求对“内容雷同、敷衍塞责”等问题追究责任，评估机构也把与上年重复率作为扣分项。

    不合规示例：淮安市洪泽区人民政府 2024 年报告第五部分的改进措施与 2023 年逐字相同（“一是扎实推进依申请公开工作，全面梳理和优化工作流程……”）。

    合规示例：上海市人民政府办公厅 2025 年第五部分先写 2024 年问题的改进情况，再写 2025 年的新问题。

    依据：国办公开办函〔2021〕30号：“出现……发布内容不准确不全面或者内容雷同、敷衍塞责等问题并造成不良后果的……严肃追究”；相似度阈值为本工具的经验值。

    What it checks: section 5 (problems and improvement) copies the same agency's section 5 of the year before: over 80% of this year's text repeats last year's clauses verbatim, or a run of 50 or more characters is copied word for word (e.g. last year's improvement measures); or the whole narrative is over 90% the same as last year's (similarity of their clause sets, estimated). The message quotes the longest copied passage. The thresholds are configurable (options cy003-section5-threshold, cy003-min-passage, cy003-narrative-threshold). When it cannot tell which report of the year before is the agency's (several share its name), it says so in a note instead of comparing (CY001 says it for reports whose section-3 table was read, when CY001 runs).

    Why it matters: the report should show this year's problems and improvements; copying year after year shows the problems were not looked for and the measures not carried out. The format holds officials accountable for reports that are "雷同、敷衍塞责" (copied, perfunctory), and evaluators deduct points for repetition.

    Non-compliant example: 淮安市洪泽区人民政府 2024 repeats the 2023 improvement measures word for word ("一是扎实推进依申请公开工作，全面梳理和优化工作流程……").

    Compliant example: 上海市人民政府办公厅 2025 first reports how the 2024 problems were addressed, then this year's new problems.

    Basis: 国办公开办函〔2021〕30号 (accountability for reports whose content is "雷同、敷衍塞责"); the similarity thresholds are this tool's.
    """

    code = "CY003"
    name = "copied-text"
    level = "warning"
    precision = "medium"
    grade = "A"
    summary_zh = "第五部分或全文与上年报告几乎相同"
    summary_en = "Section 5 or the whole narrative is nearly the same as last year's"
    basis_zh = "国办公开办函〔2021〕30号：对“内容雷同、敷衍塞责”的年度报告追究责任"
    basis_en = "国办公开办函〔2021〕30号: accountability for copied, perfunctory reports"

    def collect(self, report: Report, context: RuleContext) -> dict | None:
        five = report.section(5)
        text = five.text if five else ""
        section5, whole = narrative_facts(report, 5)
        return {
            "section5": section5,
            # Kept compressed (~0.6 KB) only to quote the shared passage at the end.
            "section5_text": zlib.compress(text.encode("utf-8")),
            "section5_anchor": pack_anchor(five.anchor) if five else None,
            "narrative": whole,
            # CY001 (which says when a report cannot be paired) sees only reports whose
            # section-三 table was read: for the others, this rule says it.
            "applications": report.applications.present,
        }

    def check_batch(self, reports: list[ReportFacts], context: RuleContext) -> Iterator[Finding]:
        limit5 = float(context.options.get("cy003-section5-threshold", SECTION5_THRESHOLD))
        min_passage = int(context.options.get("cy003-min-passage", MIN_PASSAGE))
        limit_all = float(context.options.get("cy003-narrative-threshold", NARRATIVE_THRESHOLD))
        ambiguous: list = []
        yield from self._compare(pairs(reports, ambiguous), limit5, min_passage, limit_all)
        # CY001 says it for the reports whose section-三 table was read, when it runs.
        carry_over = context.enabled is None or "CY001" in context.enabled
        for this, others in ambiguous:
            if not carry_over or (
                this.facts is not None and not this.facts.get("applications", True)
            ):
                yield ambiguity_note(self, this, others)

    def _compare(self, paired, limit5: float, min_passage: int, limit_all: float):
        for this, last in paired:
            anchor = unpack_anchor(this.facts["section5_anchor"])
            whole = sketch_similarity(this.facts["narrative"], last.facts["narrative"])
            if whole >= limit_all:
                yield self.batch_finding(
                    this,
                    Location(anchor or _start(), logical="narrative"),
                    f"全文约 {whole:.0%} 与同一机关 {last.year} 年报告（{last.path}）逐句相同（阈值 {limit_all:.0%}）；"
                    "年度报告应反映当年的工作，请据实重写。",
                    f"about {whole:.0%} of the text repeats the same agency's {last.year} report ({last.path}) "
                    f"sentence for sentence (threshold {limit_all:.0%}); the report should describe this year's work: rewrite it.",
                    sub_id="narrative",
                    previous_report=last.path,
                    share=round(whole, 3),
                )
                continue
            share = copied_share(this.facts["section5"], last.facts["section5"])
            text = zlib.decompress(this.facts["section5_text"]).decode("utf-8")
            passage = longest_shared_passage(text, last.facts["section5"])
            if anchor is None:
                continue
            if share < limit5 and len(passage) < min_passage:
                continue
            quote = passage if len(passage) <= QUOTE_CHARS else passage[:QUOTE_CHARS] + "……"
            yield self.batch_finding(
                this,
                Location(
                    anchor,
                    logical="section/5",
                    label_zh="第五部分",
                    label_en="section 5",
                ),
                f"第五部分 {share:.0%} 的文字与同一机关 {last.year} 年报告（{last.path}）第五部分逐句相同，"
                f"最长的照搬段落为：“{quote}”。请写明本年度实际存在的问题和针对性的改进措施，以及上年问题的整改情况。",
                f"{share:.0%} of section 5 repeats section 5 of the same agency's {last.year} report "
                f"({last.path}) clause for clause; the longest passage copied word for word is "
                f"“{quote}”. State this year's actual problems, specific measures, and how last "
                "year's problems were addressed.",
                sub_id="section5",
                previous_report=last.path,
                share=round(share, 3),
                passage=passage,
            )


def _start():
    from linter.document import Anchor

    return Anchor(line=1, column=1)
