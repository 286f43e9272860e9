"""TX006: a statement about the report year's own work names an earlier year."""

from __future__ import annotations

from collections.abc import Iterator

from linter.finding import Finding
from linter.model import Report
from linter.narrative import Narrative, of_report
from linter.rule import Rule, RuleContext
from linter.statements import COUNT_UNITS, figures_in
from rules.consistency import patterns as p
from rules.consistency.common import narrative_location, place_en, place_zh

_UNITS = (*COUNT_UNITS, "万元", "元")


class StaleYear(Rule):
    """检查内容：正文中说本年度工作的句子写的却是更早的年份，多为照搬上年报告时漏改：如 2025 年度报告中“2024年制作、获取政府信息总数467条”。只检查后面跟着一个件数、条数或金额（同一句中）的年份；年份之前或之后有比较、引用或时段的字眼（较、比、同比、上年、去年、以来、截至、整改、报告、计划、累计、自、于……）、写在书名号或引号中（《2024年政务公开工作要点》）、是日期（2024年12月）、年底（截至2024年底的存量）或起点（2024年以来、2024年起）的都不检查；晚于报告年度的年份（下一年的计划）也不检查。

    为何重要：照搬上年的句子、年份和数字都没改，读者会把上年的数据当成本年的；各地年报检查把“年份错误”“照搬往年内容”列为常见问题。

    不合规示例：平潭综合实验区财政金融局 2025 年：“2024年制作、获取政府信息总数467条，其中主动公开政府信息53条，依申请公开信息数246条，不子公开信息数168条。”

    合规示例：淮安市洪泽区人民政府 2024 年：“2024 年，我区在政府网站平台主动发布各类政府信息 2428 条”（年份即报告年度）；“截至2024年底”这类说存量的写法。

    依据：《中华人民共和国政府信息公开条例》第四十九、五十条：年度报告报告的是本年度的工作；年份应为报告年度是推导出的核对（D 级：措辞多样，故为警告）。

    What it checks: a sentence about the report year's own work names an earlier year, mostly a sentence copied from last year's report: in a 2025 report, "2024年制作、获取政府信息总数467条". Only a year followed, in the same sentence, by a count or an amount is looked at; a year with a comparison, reference or period word around it (较, 比, 同比, 上年, 去年, 以来, 截至, 整改, 报告, 计划, 累计, 自, 于 …), inside book-title or quotation marks (《2024年政务公开工作要点》), a date (2024年12月), a year's end (a stock 截至2024年底) or a start (2024年以来, 2024年起) is not; nor a year after the report year (next year's plans).

    Why it matters: a sentence copied with last year's year and figures makes readers take last year's data for this year's; reviews list wrong years and copied content among the common defects.

    Non-compliant example: 平潭综合实验区财政金融局 2025: "2024年制作、获取政府信息总数467条，其中主动公开政府信息53条，依申请公开信息数246条，不子公开信息数168条。"

    Compliant example: 淮安市洪泽区人民政府 2024: "2024 年，我区在政府网站平台主动发布各类政府信息 2428 条" (the report year); wordings such as "截至2024年底" that state a stock.

    Basis: Regulations on Government Information Disclosure, arts. 49 and 50: the annual report covers the year's work; that its years are the report year is a derived check (grade D: wordings vary, hence a warning).
    """

    code = "TX006"
    name = "stale-year"
    level = "warning"
    grade = "D"
    summary_zh = "说本年度工作的句子写的是更早的年份"
    summary_en = "A statement about the report year's work names an earlier year"
    basis_zh = "《中华人民共和国政府信息公开条例》第四十九、五十条（年度报告报告本年度工作）"
    basis_en = "Regulations on Government Information Disclosure, arts. 49–50 (the report covers the year's work)"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        year = report.year.value
        if not isinstance(year, int):
            return
        narrative = of_report(report)
        for start, end, stated, figure in _stale(narrative, year):
            anchor, where_ = narrative.anchor(start, end)
            where = narrative_location(anchor, where_)
            sentence = narrative.text[narrative.sentence_start(start) : narrative.clause_end(end)]
            yield self.finding(
                report,
                where,
                f"本报告是 {year} 年度报告，{place_zh(where)}却写“{stated}年”（“{sentence}”，"
                f"其后为 {figure}）；如是照搬上年报告的句子，请改为 {year} 年的情况，"
                "如确指往年，请写明比较或引用关系。",
                f"This is the {year} report, but {place_en(where)} names {stated} (“{sentence}”, "
                f"followed by {figure}); if the sentence was copied from last year's report, state "
                f"{year}'s figures, and if it means that year, say so (a comparison or a reference).",
                sub_id=str(stated),
                expected=year,
                reported=stated,
                text=f"{stated}年",
            )


def _stale(narrative: Narrative, year: int) -> Iterator[tuple[int, int, int, str]]:
    """(start, end, the year named, the figure after it) for each stale year."""
    text = narrative.text
    for m in p.YEAR_MENTION.finditer(text):
        stated = int(m.group("year"))
        if not 2000 <= stated < year:
            continue
        index, _ = narrative.origin(m.start())
        if not narrative.sources[index].where.startswith(("section", "preamble")):
            continue  # a heading
        sentence_start = narrative.sentence_start(m.start())
        head = text[sentence_start : m.start()]
        if head.count("《") > head.count("》") or head.count("“") > head.count("”"):
            continue  # inside a title or a quotation
        sentence_end = _sentence_end(narrative, m.end())
        rest = text[m.end() : sentence_end]
        figure = next((f for f in figures_in(rest) if f.unit in _UNITS), None)
        if figure is None:
            continue
        between = head + text[m.start() : m.end() + figure.start]
        if any(word in between for word in p.STALE_YEAR_EXEMPT):
            continue
        yield m.start(), m.end(), stated, f"{figure.text}{figure.unit}"


def _sentence_end(narrative: Narrative, pos: int) -> int:
    text = narrative.text
    for i in range(pos, min(len(text), pos + 200)):
        if text[i] in "。;!?\n\x1e":
            return i
    return min(len(text), pos + 200)
