"""TX002: the narrative says “none” where the tables have some, or the reverse."""

from __future__ import annotations

from collections.abc import Iterator

from linter.finding import Finding
from linter.model import Report
from linter.rule import Rule, RuleContext
from rules.consistency.common import (
    APPLICATION_SECTIONS,
    CASE_SECTIONS,
    FEE_SECTIONS,
    narrative,
    place_en,
    place_zh,
    statement_location,
)
from rules.consistency.figures import (
    Contradiction,
    Figure,
    applications_received,
    contradictions,
    litigation_cases,
    review_cases,
    unpaid_fee_applications,
)
from rules.consistency.narrative import (
    Narrative,
    Statement,
    application_counts,
    application_none,
    case_counts,
    case_none,
    fee_notice_none,
)

# Per kind: what the table shows when it is not zero; what a stated count counts; the section.
_WHAT = {
    "received": ("收到申请", "applications", "收到政府信息公开申请", "applications received"),
    "review": ("行政复议案件", "reviews", "政府信息公开行政复议", "reviews"),
    "litigation": ("行政诉讼案件", "lawsuits", "政府信息公开行政诉讼", "lawsuits"),
    "fee_notice": (
        "因逾期未缴费而不再处理的申请，说明发出过收费通知",
        "applications dropped for an unpaid fee, so fee notices were issued",
        "",
        "",
    ),
}
_SECTION = {
    "received": ("第三部分", "section-3"),
    "fee_notice": ("第三部分", "section-3"),
    "review": ("第四部分", "section-4"),
    "litigation": ("第四部分", "section-4"),
}


class NarrativeContradiction(Rule):
    """检查内容：正文说“没有”，表格却有：“未收到政府信息公开申请”“无依申请公开事项”“收到申请 0 件”而第三部分“一、本年新收政府信息公开申请数量”不为 0；“未发生因政府信息公开被申请行政复议、提起行政诉讼的情况”“行政复议、行政诉讼均为 0”而第四部分相应各组有非零数；“未向申请人发出收费通知”而第三部分“（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用……”不为 0（该行只计发出过收费通知的申请）。或者反过来：正文写明收到申请、复议或诉讼 N 件（N > 0），表格相应各格却全部为 0。只比较措辞确定的说法：“未发生因依申请公开被行政复议纠错或行政诉讼败诉情形”说的是纠错和败诉，不是没有案件，不报告；“未收取信息处理费”与表格并不矛盾（未缴费本来就收不到费），留给第六部分的规则；正文另有一处写明了非零的数，则“没有”的说法视为针对其中一部分，不报告。

    为何重要：文字和表格对“有没有”给出相反的回答，至少一处必然是错的；这是检查人员最先发现、也最损害报告可信度的错误。

    不合规示例：据洪泽区 2024 年报改写：文字写“本年度未收到政府信息公开申请”，而第三部分表格“一、本年新收政府信息公开申请数量”总计 95（原文写受理 17 件，见 TX001；语料中尚无真实的“没有”矛盾）。

    合规示例：上海市人民政府办公厅 2025 年：“全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形”，第四部分有复议、诉讼案件——说的是没有纠错、败诉，与表格不矛盾；同一报告第六部分“本机关未收取信息公开处理费”也不与任何表格数字矛盾。

    依据：《中华人民共和国政府信息公开条例》第五十条第（二）（三）项要求报告收到和处理申请的情况、行政复议和行政诉讼的情况；文字与表格不能相反是推导出的核对（FORMATS.md §5 X-TEXT，D 级），因两者不可能同时为真，按 RULES.md 定为错误。

    What it checks: the text says "none" while the table has some: "未收到政府信息公开申请" (no applications received), "无依申请公开事项", "收到申请 0 件" while row I "new applications received this year" of the section-3 table is not 0; "未发生因政府信息公开被申请行政复议、提起行政诉讼的情况" (no reviews or lawsuits), "行政复议、行政诉讼均为 0" while the corresponding section-4 groups hold non-zero figures; "未向申请人发出收费通知" (no fee notice issued) while section-3 row (6)2 "fee not paid in time" is not 0 (that row counts only applications that received a fee notice). Or the reverse: the text states N > 0 applications, reviews or lawsuits and every corresponding table cell is 0. Only unambiguous wordings are compared: "未发生因依申请公开被行政复议纠错或行政诉讼败诉情形" is about corrected decisions and lost cases, not about cases, and is not reported; "未收取信息处理费" (no fee collected) does not contradict the tables (an unpaid fee is not collected) and is left to the section-6 rules; when the text also states a non-zero count, its "none" is taken to be about a part and is not reported.

    Why it matters: text and table give opposite answers to "were there any?", so at least one is wrong; inspectors spot it first and it does the most harm to the report's credibility.

    Non-compliant example: adapted from 洪泽区 2024: the text says "本年度未收到政府信息公开申请" while row I of the section-3 table totals 95 (the original says 17 received, see TX001; the corpus has no real "none" contradiction yet).

    Compliant example: 上海市人民政府办公厅 2025: "全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形" with reviews and lawsuits in section 4 — it says no decision was corrected and no case lost, which the table does not contradict; its section 6, "本机关未收取信息公开处理费" (no fee collected), contradicts no table figure either.

    Basis: Regulations on Government Information Disclosure, art. 50 items (2) and (3): the report covers applications received and handled, and reviews and lawsuits; that text and tables must not say opposite things is a derived check (FORMATS.md §5 X-TEXT, grade D), an error per RULES.md because both cannot be true.
    """

    code = "TX002"
    name = "narrative-contradiction"
    level = "error"
    precision = "medium"
    grade = "D"
    summary_zh = "文字说“没有”而表格不为 0，或反之"
    summary_en = "The text says there were none while the table has some, or the reverse"
    basis_zh = "《中华人民共和国政府信息公开条例》第五十条第（二）（三）项；文字与表格一致（FORMATS.md §5 X-TEXT，推导）"
    basis_en = "Regulations on Government Information Disclosure, art. 50 items (2) and (3); text agrees with the tables (FORMATS.md §5 X-TEXT, derived)"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        received = applications_received(report)
        if received is not None:
            text = narrative(report, APPLICATION_SECTIONS)
            found = contradictions(application_none(text), application_counts(text), received)
            yield from self._report(report, text, "received", received, found)
        cases = {"review": review_cases(report), "litigation": litigation_cases(report)}
        if any(cases.values()):
            text = narrative(report, CASE_SECTIONS)
            counts = case_counts(text)
            nones = case_none(text)
            for kind, figure in cases.items():
                if figure is None:
                    continue
                found = contradictions(
                    [n for n in nones if kind in n.kinds],
                    [s for s in counts if s.kind == kind],
                    figure,
                )
                yield from self._report(report, text, kind, figure, found)
        unpaid = unpaid_fee_applications(report)
        if unpaid is not None:
            text = narrative(report, FEE_SECTIONS)
            found = contradictions(fee_notice_none(text), [], unpaid)
            yield from self._report(report, text, "fee_notice", unpaid, found)

    def _report(
        self,
        report: Report,
        text: Narrative,
        kind: str,
        figure: Figure,
        found: list[Contradiction],
    ) -> Iterator[Finding]:
        shows_zh, shows_en, counts_zh, counts_en = _WHAT[kind]
        section_zh, section_en = _SECTION[kind]
        for item in found:
            where = statement_location(text, item.statement)
            quote = item.statement.quote
            if item.reverse:
                assert isinstance(item.statement, Statement)
                n = item.statement.value
                zh = (
                    f"{place_zh(where)}写明{counts_zh} {n} 件（“{quote}”），但{section_zh}表格"
                    f"{figure.shown_zh}{figure.also_zh}，相应各格全部为 0 或空白；"
                    "文字与表格必有一处有误，请核对后更正。"
                )
                en = (
                    f"{place_en(where)} states {n} {counts_en} (“{quote}”), but in the "
                    f"{section_en} table {figure.shown_en}{figure.also_en} and every "
                    "corresponding cell is 0 or blank; one of them is wrong: check and correct it."
                )
                reported = n
            else:
                zh = (
                    f"{place_zh(where)}称“{quote}”，但{section_zh}表格{figure.shown_zh}，"
                    f"即有{shows_zh}；文字与表格相反，必有一处有误，请核对后更正。"
                )
                en = (
                    f"{place_en(where)} says “{quote}”, but in the {section_en} table "
                    f"{figure.shown_en}: there were {shows_en}. Text and table say opposite "
                    "things, so one is wrong: check and correct it."
                )
                reported = 0
            yield self.finding(
                report,
                where,
                zh,
                en,
                sub_id=kind,
                related=figure.cells,
                expected=figure.expected,
                reported=reported,
            )
