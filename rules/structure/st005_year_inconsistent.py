"""ST005: the 统计期限 is 1 January – 31 December of the title's year."""

from __future__ import annotations

from collections.abc import Iterator

from linter.finding import Finding, Location
from linter.model import Report
from linter.rule import Rule, RuleContext
from rules.structure.cues import STATISTICS_PERIOD
from rules.structure.locate import search_blocks


class YearInconsistent(Rule):
    """检查内容：报告写明的统计期限（“本报告所列数据的统计期限自……起至……止”“统计时限为……”，见于标题后的说明或总体情况）不是同一年的 1 月 1 日至 12 月 31 日，或其年度与标题中的年度不一致，或其年份不是四位数（“至202020年12月31日”这样的笔误）。未写统计期限的报告不检查。

    为何重要：年度报告报告的是“上一年度”的工作，统计期限与年度不一致说明数据口径错误或报告由往年报告改写而成，所有数字的可信度随之存疑。人力资源社会保障部 2010 年报就曾写成“自2010年1月1日起至2009年12月31日止”，被媒体公开报道。

    不合规示例：“本报告中所列数据统计期限自2010年1月1日起至2009年12月31日止”；标题为“……2024年政府信息公开工作年度报告”，统计期限却写“自2023年1月1日起至2023年12月31日止”。

    合规示例：淮安市洪泽区人民政府 2024 年度报告：“报告中所列数据统计期限自 2024 年 1 月 1 日起至 2024 年 12 月 31 日止。”

    依据：《中华人民共和国政府信息公开条例》第四十九条：各行政机关公布“本行政机关上一年度政府信息公开工作年度报告”；年度报告的统计时段为该年度 1 月 1 日至 12 月 31 日。

    What it checks: the statistics period the report states ("本报告所列数据的统计期限自……起至……止", "统计时限为……", in the preamble or the overview) is not 1 January – 31 December of one year, or its year differs from the year in the title, or a year of it is not four digits (a slip such as "至202020年12月31日"). Reports that state no period are not checked.

    Why it matters: the report covers the previous year's work; a period that disagrees with the year means the figures were counted over the wrong span or the report was rewritten from an old one, and every number becomes doubtful. The Ministry of Human Resources and Social Security's 2010 report stated "自2010年1月1日起至2009年12月31日止", and the press reported it.

    Non-compliant example: "本报告中所列数据统计期限自2010年1月1日起至2009年12月31日止"; a title "……2024年政府信息公开工作年度报告" with the period "自2023年1月1日起至2023年12月31日止".

    Compliant example: 淮安市洪泽区人民政府's report on 2024: "报告中所列数据统计期限自 2024 年 1 月 1 日起至 2024 年 12 月 31 日止。"

    Basis: Regulations on Government Information Disclosure, art. 49: each agency publishes its "report on the previous year"; the report covers 1 January – 31 December of that year.
    """

    code = "ST005"
    name = "year-inconsistent"
    level = "error"
    summary_zh = "统计期限与标题年度不一致，或不是同一年的 1 月 1 日至 12 月 31 日"
    summary_en = (
        "The statistics period disagrees with the title's year or is not 1 Jan – 31 Dec of one year"
    )
    basis_zh = "《中华人民共和国政府信息公开条例》第四十九条（上一年度的年度报告）"
    basis_en = "Regulations on Government Information Disclosure, art. 49 (the report on the previous year)"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        blocks = list(report.preamble)
        overview = report.section(1)
        if overview is not None:
            blocks += overview.paragraphs
        title_year = report.year.value if report.year.decided_by == "title" else None
        seen: set[tuple[int, ...]] = set()
        for hit in search_blocks(STATISTICS_PERIOD, blocks):
            y1, m1, d1, y2, m2, d2 = hit.match.groups()
            start = (int(y1), int(m1), int(d1))
            end = (int(y2) if y2 else int(y1), int(m2), int(d2))
            if start + end in seen:
                continue
            seen.add(start + end)
            printed = " ".join(hit.match.group(0).split())
            location = Location(
                hit.anchor(report),
                logical="statistics_period",
                label_zh="统计期限",
                label_en="statistics period",
            )
            misprinted = [y for y in (y1, y2) if y and len(y) != 4]
            whole_year = start[1:] == (1, 1) and end[1:] == (12, 31) and start[0] == end[0]
            if misprinted:
                year = misprinted[0]
                yield self.finding(
                    report,
                    location,
                    f"统计期限“{printed}”中的年份“{year}”不是四位数的年份，应为笔误。"
                    "年度报告应写明报告年度 1 月 1 日至 12 月 31 日；请改正统计期限。",
                    f"the statistics period '{printed}' has '{year}' for a year: not a year of "
                    "four digits, a slip. The report states 1 January – 31 December of its year: "
                    "correct the period.",
                    sub_id="period",
                )
            elif not whole_year:
                yield self.finding(
                    report,
                    location,
                    f"统计期限“{printed}”不是同一年度的 1 月 1 日至 12 月 31 日"
                    f"（起 {start[0]}-{start[1]:02d}-{start[2]:02d}，止 {end[0]}-{end[1]:02d}-{end[2]:02d}）。"
                    "年度报告应统计报告年度全年的数据；请核对统计期限及据此统计的数字。",
                    f"the statistics period '{printed}' is not 1 January – 31 December of one year "
                    f"(from {start[0]}-{start[1]:02d}-{start[2]:02d} to "
                    f"{end[0]}-{end[1]:02d}-{end[2]:02d}). The report covers the whole report year: "
                    "check the period and the figures counted over it.",
                    sub_id="period",
                )
            elif title_year is not None and start[0] != title_year:
                related = [Location(report.title.anchor, logical="title")] if report.title else []
                yield self.finding(
                    report,
                    location,
                    f"统计期限“{printed}”为 {start[0]} 年，与标题中的 {title_year} 年度不一致。"
                    "请核对报告所属年度，统一标题与统计期限，并检查数据是否为该年度的数据。",
                    f"the statistics period '{printed}' is the year {start[0]}, but the title says "
                    f"{title_year}. Check which year the report is about, make the title and the "
                    "period agree, and check the figures are that year's.",
                    sub_id="title-year",
                    related=related,
                    expected=title_year,
                    reported=start[0],
                )
