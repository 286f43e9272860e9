"""TX003: narrative counts of 行政复议 / 行政诉讼 differ from the section-四 totals."""

from __future__ import annotations

from collections.abc import Iterator

from linter.finding import Finding
from linter.model import Report
from linter.rule import Rule, RuleContext
from rules.consistency.common import (
    CASE_SECTIONS,
    narrative,
    place_en,
    place_zh,
    statement_location,
)
from rules.consistency.figures import count_mismatches, fmt, litigation_cases, review_cases
from rules.consistency.narrative import case_counts

_TERMS = {
    "review": ("行政复议", "administrative review"),
    "litigation": ("行政诉讼", "administrative litigation"),
}


class NarrativeReviewLitigationCount(Rule):
    """检查内容：正文（报告开头、第一部分、第三和第四部分的文字）写明了政府信息公开行政复议或行政诉讼的案件数（“行政复议 N 件”“行政诉讼案件 N 件”“行政复议、行政诉讼案件分别为 N 件、M 件”），而 N 不等于第四部分表格的总计：行政复议比“行政复议”的总计，行政诉讼比“未经复议直接起诉”与“复议后起诉”两个总计之和（某组总计与其各结果之和不一致时，两者都认可，不一致本身由 RL101 报告）。“复议后起诉”“其中”“纠错”“较上年”等部分或比较数字、“行政复议、行政诉讼案件 N 件”这类合计数不参与比较。

    为何重要：行政复议、行政诉讼情况是条例第五十条要求报告的内容，文字与表格给出不同的案件数，公众无法知道机关被复议、被起诉的真实情况。

    不合规示例：据平潭综合实验区 2023 年报改写：文字写“因政府信息公开引起的行政复议案件3件”，而第四部分“行政复议”总计为 2（原文写 2 件，与表格一致；语料中尚无真实的不一致例子）。

    合规示例：淮安市人民政府 2024 年：“政府信息公开行政复议 351 件……政府信息公开行政诉讼 46 件”，表格行政复议总计 351，直接起诉 26 加复议后起诉 20 为 46；上海市人民政府办公厅 2019 年：“信息公开类行政复议7件，诉讼9件”，表格 7 和 9 + 0。

    依据：《中华人民共和国政府信息公开条例》第五十条第（三）项要求年度报告包括“因政府信息公开工作被申请行政复议、提起行政诉讼的情况”；文字数字应等于表格数字是推导出的核对（FORMATS.md §5 X-TEXT，D 级，故为警告）。

    What it checks: the narrative (opening paragraphs, section 1, the text of sections 3 and 4) states how many administrative reviews or lawsuits about information disclosure there were ("行政复议 N 件", "行政诉讼案件 N 件", "行政复议、行政诉讼案件分别为 N 件、M 件"), and N is not the section-4 total: reviews against the review total, lawsuits against the totals of "without prior review" plus "after review" (when a group's total disagrees with its outcomes, both figures are accepted; the disagreement itself is RL101). Parts and comparisons ("复议后起诉", "其中", "纠错", "较上年") and combined counts ("行政复议、行政诉讼案件 N 件") are not compared.

    Why it matters: reviews and lawsuits are a required part of the report (art. 50); when text and table give different numbers, the public cannot tell how often the agency was challenged.

    Non-compliant example: adapted from 平潭综合实验区 2023: the text says "因政府信息公开引起的行政复议案件3件" while the review total in section 4 is 2 (the original says 2, as the table does; the corpus has no real disagreement yet).

    Compliant example: 淮安市人民政府 2024: "政府信息公开行政复议 351 件……政府信息公开行政诉讼 46 件", the table gives 351, and 26 + 20 = 46; 上海市人民政府办公厅 2019: "信息公开类行政复议7件，诉讼9件" against 7 and 9 + 0.

    Basis: Regulations on Government Information Disclosure, art. 50 item (3): the report covers "administrative reviews applied for and lawsuits filed over information disclosure"; that the text's figure equals the table's is a derived check (FORMATS.md §5 X-TEXT, grade D, hence a warning).
    """

    code = "TX003"
    name = "narrative-review-litigation-count"
    level = "warning"
    precision = "medium"
    grade = "D"
    summary_zh = "文字所述行政复议、行政诉讼案件数与第四部分表格不符"
    summary_en = "Review or litigation counts stated in the text differ from the section-4 table"
    basis_zh = "《中华人民共和国政府信息公开条例》第五十条第（三）项；文字与表格一致（FORMATS.md §5 X-TEXT，推导）"
    basis_en = "Regulations on Government Information Disclosure, art. 50 item (3); text agrees with the tables (FORMATS.md §5 X-TEXT, derived)"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        figures = {"review": review_cases(report), "litigation": litigation_cases(report)}
        if not any(figures.values()):
            return
        text = narrative(report, CASE_SECTIONS)
        statements = case_counts(text)
        for kind, figure in figures.items():
            if figure is None:
                continue
            term_zh, term_en = _TERMS[kind]
            mine = [s for s in statements if s.kind == kind]
            for statement in count_mismatches(mine, figure):
                where = statement_location(text, statement)
                n = statement.value
                yield self.finding(
                    report,
                    where,
                    f"{place_zh(where)}写明政府信息公开{term_zh} {n} 件（“{statement.quote}”），"
                    f"但第四部分表格{figure.shown_zh}，与 {n} 不符；请核对文字与表格，更正错误的一处。",
                    f"{place_en(where)} states {n} cases of {term_en} (“{statement.quote}”), but in "
                    f"the section-4 table {figure.shown_en}, not {n}; check the text and the table "
                    "and correct the wrong one.",
                    sub_id=kind,
                    related=figure.cells,
                    expected=figure.expected,
                    reported=n,
                    table_values=[fmt(v) for v in figure.accepted],
                )
