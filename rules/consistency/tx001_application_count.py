"""TX001: the number of applications received stated in the narrative is not the table's."""

from __future__ import annotations

from collections.abc import Iterator

from linter.finding import Finding
from linter.model import Report
from linter.rule import Rule, RuleContext
from rules.consistency.common import (
    APPLICATION_SECTIONS,
    narrative,
    place_en,
    place_zh,
    statement_location,
)
from rules.consistency.figures import applications_received, count_mismatches, fmt
from rules.consistency.narrative import application_counts


class NarrativeApplicationCount(Rule):
    """检查内容：正文（报告开头、第一部分“总体情况”和第三部分的文字）写明了本年收到的政府信息公开申请数（“收到/新收/受理/接收……政府信息公开申请 N 件”“收到 N 件申请”），而 N 既不等于第三部分表格“一、本年新收政府信息公开申请数量”的总计，也不等于“一”与“二、上年结转政府信息公开申请数量”总计之和。只读取明确表示“收到”的说法：“办结”“答复”“予以公开”N 件不是收到数；“其中”、分渠道（网上、信函）、与上年比较的数字只用来认可一致，不会被报告；文字中只要有一处数字与表格一致，就不报告。

    为何重要：同一份报告对同一事实给出两个数字，公众无从判断哪个是真的；广东等地的年报检查把文字与表格“数据失准”列为常见问题。

    不合规示例：淮安市洪泽区人民政府 2024 年：“2024 年，区政府办代表区政府受理政府信息公开申请 17 件”，而第三部分表格“一、本年新收政府信息公开申请数量”总计为 95（上年结转 0）。

    合规示例：上海市人民政府办公厅 2025 年：“市政府共受理政府信息公开申请 1295 件”，表格新收总计 1295；平潭综合实验区 2022 年：“全区收到政府信息公开申请75件”，表格新收 74 加上年结转 1 为 75。

    依据：《中华人民共和国政府信息公开条例》第五十条第（二）项要求年度报告包括“收到和处理政府信息公开申请的情况”；文字数字应等于表格数字是推导出的核对（FORMATS.md §5 X-TEXT，D 级：文字措辞多样，故为警告）。

    What it checks: the narrative (the opening paragraphs, section 1 "overview" and the text of section 3) states how many applications were received ("收到/新收/受理/接收……政府信息公开申请 N 件", "收到 N 件申请"), and N is neither the total of row I "new applications received this year" of the section-3 table nor that total plus row II "carried over from last year". Only wordings that clearly mean "received" are read: 办结 (concluded), 答复 (answered) or 予以公开 (disclosed) N 件 are not; a part ("其中", one channel such as online or by letter) or a comparison with last year only ever confirms agreement and is never reported; when any figure in the text agrees with the table, nothing is reported.

    Why it matters: two figures for the same fact in one report leave the public unable to tell which is true; provincial reviews of annual reports list text and tables that disagree ("数据失准") among the common defects.

    Non-compliant example: 淮安市洪泽区人民政府 2024: "2024 年，区政府办代表区政府受理政府信息公开申请 17 件", while row I of the section-3 table totals 95 (0 carried over).

    Compliant example: 上海市人民政府办公厅 2025: "市政府共受理政府信息公开申请 1295 件" and row I totals 1295; 平潭综合实验区 2022: "全区收到政府信息公开申请75件", 74 new plus 1 carried over = 75.

    Basis: Regulations on Government Information Disclosure, art. 50 item (2): the report covers "applications for government information received and handled"; that the text's figure equals the table's is a derived check (FORMATS.md §5 X-TEXT, grade D: wordings vary, hence a warning).
    """

    code = "TX001"
    name = "narrative-application-count"
    level = "warning"
    precision = "medium"
    grade = "D"
    summary_zh = "文字所述收到申请数与第三部分表格不符"
    summary_en = (
        "The number of applications received stated in the text differs from the section-3 table"
    )
    basis_zh = "《中华人民共和国政府信息公开条例》第五十条第（二）项；文字与表格一致（FORMATS.md §5 X-TEXT，推导）"
    basis_en = "Regulations on Government Information Disclosure, art. 50 item (2); text agrees with the tables (FORMATS.md §5 X-TEXT, derived)"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        figure = applications_received(report)
        if figure is None:
            return
        text = narrative(report, APPLICATION_SECTIONS)
        for statement in count_mismatches(application_counts(text), figure):
            where = statement_location(text, statement)
            n = statement.value
            yield self.finding(
                report,
                where,
                f"{place_zh(where)}写明收到政府信息公开申请 {n} 件（“{statement.quote}”），"
                f"但第三部分表格{figure.shown_zh}{figure.also_zh}，与 {n} 不符。"
                "文字与表格说的是同一件事，必有一处有误；请核对后更正错误的一处。",
                f"{place_en(where)} states {n} applications received (“{statement.quote}”), "
                f"but in the section-3 table {figure.shown_en}{figure.also_en}, not {n}. Text and "
                "table describe the same thing, so one of them is wrong: check and correct it.",
                related=figure.cells,
                expected=figure.expected,
                reported=n,
                table_values=[fmt(v) for v in figure.accepted],
            )
