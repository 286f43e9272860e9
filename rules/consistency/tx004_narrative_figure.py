"""TX004: a figure the narrative states for one of the tables' own concepts differs from the table."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from linter.finding import Finding
from linter.model import Report, Statement
from linter.rule import Rule, RuleContext
from linter.statements import CONCEPT_BY_ID, named_statements
from rules.consistency.common import narrative_location, place_en, place_zh
from rules.consistency.figures import ConceptFigure, concept_figure, fmt


class NarrativeFigure(Rule):
    """检查内容：正文（报告开头和各部分的文字，不含表格、标题）写明了表格中某一项的数字，而该数字与表格不符。比较的项目是统一格式表格自己的项目：第三部分的予以公开、部分公开、不予公开、无法提供、不予处理、其他处理、办结（“（七）总计”）、结转下年度继续办理（“四”）、上年结转（“二”）；第二部分的规章、行政规范性文件本年制发、废止、现行有效件数（2021 年格式），行政许可、行政处罚、行政强制处理决定数量，行政事业性收费金额（万元，2021 年格式）；第四部分行政复议、行政诉讼的结果维持、结果纠正、尚未审结。一个数字同时写了几项（“予以公开及部分公开 208 件”）时与它们之和比较；文字点名某一子项（“因本机关不掌握等原因无法提供 265 件”）时，子项的数字也认可。只比较确切的数字：约数（约、近、余、以上）、比较（较上年增加 N 件、同比）、“分别”、写明另一年度的数字、“其中”下的办结或结转数都不比较；只认统一格式的原词（“政策性文件”不是“行政规范性文件”，“主动公开规章 13 件”不是制发数）。同一项在文字中只要有一处与表格一致，就不报告。收到申请数和复议、诉讼案件数由 TX001、TX003 检查。

    为何重要：同一份报告对同一事实给出两个数字，公众无从判断哪个是真的；各地年报检查把文字与表格“数据不一致”列为常见问题。

    不合规示例：据上海市人民政府办公厅 2025 年报改写：文字写“予以公开及部分公开218件”，而第三部分表格“（一）予以公开”与“（二）部分公开”总计之和为 208（原文写 208 件，与表格一致）。

    合规示例：上海市人民政府办公厅 2025 年：“办结1191件（含上年结转189件）……予以公开及部分公开208件……不予公开20件”，与表格（七）总计 1191、二 189、（一）+（二）208、（三）20 一致；平潭综合实验区 2022 年：“集中公开现行有效行政规范性文件698件”，表格现行有效 698。

    依据：《中华人民共和国政府信息公开条例》第五十条要求年度报告包括主动公开、收到和处理申请、行政复议和诉讼等情况；文字数字应等于表格数字是推导出的核对（FORMATS.md §5 X-TEXT，D 级：文字措辞多样，故为警告）。

    What it checks: the narrative (the opening paragraphs and the text of every section, not tables or headings) states a figure for one of the tables' own concepts and it differs from the table. The concepts are the format's own: in section 3 disclosed, partly disclosed, withheld, unavailable, not processed, other handling, concluded ((7) total), carried forward (IV) and carried over (II); in section 2 rules and normative documents issued, repealed and in force (2021 edition), licensing, penalty and coercion decisions, and the fees collected (10,000 yuan, 2021 edition); in section 4 the upheld, corrected and pending outcomes of reviews and lawsuits. A figure naming several concepts ("予以公开及部分公开 208 件") is compared with their sum; when the text names one sub-row ("因本机关不掌握等原因无法提供 265 件") that sub-row's figure is accepted too. Only exact figures are compared: estimates (约, 近, 余, 以上), changes (较上年增加 N 件, 同比), "分别", figures of another named year and concluded or carried-forward counts under 其中 are not; only the format's own words count ("政策性文件" is not "行政规范性文件", "主动公开规章 13 件" is not the number issued). When any figure for the same concept agrees with the table, nothing is reported. Applications received and review/litigation case counts are TX001 and TX003.

    Why it matters: two figures for the same fact in one report leave the public unable to tell which is true; provincial reviews list text and tables that disagree among the common defects.

    Non-compliant example: adapted from 上海市人民政府办公厅 2025: the text says "予以公开及部分公开218件" while rows (1) and (2) of the section-3 table total 208 (the original says 208, as the table does).

    Compliant example: 上海市人民政府办公厅 2025: "办结1191件（含上年结转189件）……予以公开及部分公开208件……不予公开20件", matching (7) 1191, II 189, (1)+(2) 208 and (3) 20; 平潭综合实验区 2022: "集中公开现行有效行政规范性文件698件", in force 698.

    Basis: Regulations on Government Information Disclosure, art. 50: the report covers proactive disclosure, applications and their handling, reviews and lawsuits; that the text's figure equals the table's is a derived check (FORMATS.md §5 X-TEXT, grade D: wordings vary, hence a warning).
    """

    code = "TX004"
    name = "narrative-figure"
    level = "warning"
    grade = "D"
    summary_zh = "文字所述某项数字与表格不符"
    summary_en = (
        "A figure stated in the text for one of the tables' concepts differs from the table"
    )
    basis_zh = (
        "《中华人民共和国政府信息公开条例》第五十条；文字与表格一致（FORMATS.md §5 X-TEXT，推导）"
    )
    basis_en = "Regulations on Government Information Disclosure, art. 50; text agrees with the tables (FORMATS.md §5 X-TEXT, derived)"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        by_concepts: dict[tuple[str, ...], list[tuple[Statement, ConceptFigure]]] = {}
        # (only a statement naming a concept is comparable: the others are not read)
        for statement in named_statements(report):
            if not _comparable(statement, report.year.value):
                continue
            figure = concept_figure(report, statement.concepts)
            if figure is not None:
                by_concepts.setdefault(statement.concepts, []).append((statement, figure))
        for concepts, stated in by_concepts.items():
            if any(_agrees(s, f) for s, f in stated):
                continue
            for statement, figure in stated:
                yield self._finding(report, concepts, statement, figure)

    def _finding(
        self, report: Report, concepts: tuple[str, ...], statement: Statement, figure: ConceptFigure
    ) -> Finding:
        where = narrative_location(statement.anchor, statement.where)
        names = [CONCEPT_BY_ID[c] for c in concepts]
        zh = "与".join(f"“{c.zh}”" for c in names)
        en = " plus ".join(f"“{c.en}”" for c in names)
        unit = statement.unit or ""
        table_unit = "万元" if unit in ("万元", "元") else ""
        both_zh = "之和" if len(names) > 1 else ""
        both_en = " together" if len(names) > 1 else ""
        return self.finding(
            report,
            where,
            f"{place_zh(where)}写明{zh}为 {statement.figure}{unit}（“{statement.text}”），"
            f"但表格中{zh}{both_zh}为 {fmt(figure.value)}{table_unit}，与文字不符。"
            "文字与表格说的是同一件事，必有一处有误；请核对后更正错误的一处。",
            f"{place_en(where)} states {statement.figure}{unit} for {en} (“{statement.text}”), "
            f"but the table gives {fmt(figure.value)}{' (10,000 yuan)' if table_unit else ''} "
            f"for {en}{both_en}. Text and table describe the same thing, so one of them is "
            "wrong: check and correct it.",
            sub_id=concepts[0] if len(concepts) == 1 else "+".join(concepts),
            related=figure.cells,
            expected=figure.value,
            reported=statement.value,
        )


def _comparable(statement: Statement, year: int | None) -> bool:
    """An exact figure of this year for concepts TX004 compares (not TX001's or TX003's)."""
    if not statement.concepts or statement.approximate or statement.comparison:
        return False
    if any(CONCEPT_BY_ID[c].compared_by != "TX004" for c in statement.concepts):
        return False
    if "分别" in statement.qualifiers or statement.unit == "%":
        return False
    if "其中" in statement.qualifiers and any(CONCEPT_BY_ID[c].total for c in statement.concepts):
        return False
    return statement.year is None or year is None or statement.year == year


def _agrees(statement: Statement, figure: ConceptFigure) -> bool:
    stated = Decimal(str(statement.value))
    if statement.unit == "元":
        stated /= 10_000  # the fee column is in 万元
    accepted = [figure.value]
    named = [v for cue, v in figure.parts.items() if cue in statement.text]
    if named:
        accepted += [*named, sum(named)]
    for value in accepted:
        table = Decimal(str(value))
        if stated == table:
            return True
        # “4166.21万元” for a printed 4166.214619: the text rounds the table's figure.
        exponent = stated.as_tuple().exponent
        if isinstance(exponent, int) and exponent < 0 and table.quantize(stated) == stated:
            return True
    return False
