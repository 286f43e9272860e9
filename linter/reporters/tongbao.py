"""``docx``: a draft 通报 (inspection notice) for a person to edit (``-o 通报.docx``).

Written with python-docx: the first line says it is a draft generated from automatic
checks, not a verdict. Then the title and the scope (how many files, how many reports
of which issuer kinds and years), the overall result, and the problems grouped and
ordered as a 通报 orders them — data accuracy first, then completeness and conformity
to the format, then findability, then timeliness (粤办函〔2010〕249号 and 国办公开办函
〔2021〕30号) — each rule with the number and share of reports affected and the agencies
named (“……：××局、××办”). Annex 1 is a table with one row per agency and year; annex 2
lists the files that could not be read or checked, and why.

Only per-report counts are kept (:class:`~linter.reporters.summary.Tally`), so memory
grows with the number of reports, not of findings; the counts are the ``summary`` and
``statistics`` formats' own.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import click

from linter.engine import FileResult
from linter.issuer import ISSUER_KIND_NAMES
from linter.reporters import Reporter
from linter.reporters.statistics import share
from linter.reporters.summary import ReportCounts, Tally


@dataclass(frozen=True)
class Group:
    """A group of problems in the notice, and the rule codes (or code prefixes) in it."""

    key: str
    title_zh: str
    title_en: str
    codes: tuple[str, ...]


# In the order a 通报 lists problems. A code goes to the group its rule declares
# (``notice_group``), else to the group of its longest matching prefix here; a code no
# group names (a plugin's that declares none) goes to 其他问题.
GROUPS: tuple[Group, ...] = (
    Group(
        "accuracy",
        "数据准确性问题",
        "Accuracy of the figures",
        (
            "AP1",
            "RL1",
            "AP006",
            "AP007",
            "RL004",
            "RL005",
            "AD005",
            "AD006",
            "AD007",
            "AD008",
            "AD009",
            "TX",
            "CY001",
            "CY002",
            "CY005",
            "ST005",
            "ST003",
        ),
    ),  # fmt: skip
    Group(
        "completeness",
        "内容完整性和规范性问题",
        "Completeness and conformity to the format",
        ("ST", "AD", "AP", "RL", "PI", "OM", "WD", "CY003", "CY004"),
    ),
    Group(
        "findability",
        "可读取性问题",
        "Readability of the published report",
        ("XT002", "XT003", "XT005"),
    ),
    Group("timeliness", "时效性问题", "Timeliness", ("PB",)),
)
OTHER = Group("other", "其他问题", "Other problems", ())
# Files that are not reports to the tool (unreadable, or not an annual report): listed in
# annex 2, never counted as an agency's problem. (A report without a text layer, XT005,
# is a report the public cannot read either: it is named under 可读取性问题.)
NOT_CHECKED = ("XT001", "XT004", "XT006")
NUMERALS = "一二三四五六七八九十"
# Agencies named in one problem's paragraph; the rest are counted and left to annex 1
# (a national batch may have thousands with the same problem).
MAX_NAMED = 60


def group_of(code: str, rule: object | None = None) -> Group:
    """The group a rule's problems are listed under: the rule's own ``notice_group``
    (``accuracy``, ``completeness``, ``findability``, ``timeliness``) when its package
    declares one, else the built-in table above by code, else 其他问题."""
    declared = getattr(rule, "notice_group", None)
    for group in GROUPS:
        if group.key == declared:
            return group
    best, length = OTHER, 0
    for group in GROUPS:
        for prefix in group.codes:
            if code.startswith(prefix) and len(prefix) > length:
                best, length = group, len(prefix)
    return best


class DocxOutputRequired(click.ClickException):
    exit_code = 2


class TongbaoReporter(Reporter):
    # Writes its own file at options.output_path; the text stream it is given stays empty.
    binary: ClassVar[bool] = True

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        output = getattr(self.options, "output_path", None)
        if output is None:
            raise DocxOutputRequired(
                "the docx format writes a Word document (a draft 通报): name it with -o FILE.docx"
            )
        self.path = Path(output)
        self.en = self.options.lang == "en"
        self.tally = Tally()

    def t(self, zh: str, en: str) -> str:
        return en if self.en else zh

    def file(self, result: FileResult) -> None:
        self.tally.file(result)

    def batch(self, findings, suppressed=None) -> None:
        self.tally.batch(findings, suppressed or ())

    # --- what the notice says ---------------------------------------------------------

    def name(self, c: ReportCounts) -> str:
        return c.agency or self.t(f"（未识别机关：{c.path}）", f"(agency not identified: {c.path})")

    def kind(self, kind: str | None) -> str:
        zh, en = ISSUER_KIND_NAMES.get(kind, (kind or "", kind or ""))
        return self.t(zh, en)

    def checked(self) -> list[ReportCounts]:
        return [
            c
            for c in self.tally.reports.values()
            if c.readable is not None
            and (c.not_checked is None or c.not_checked[0] not in NOT_CHECKED)
        ]

    def agencies_with(self, code: str, reports: list[ReportCounts]) -> str:
        """The agencies with a finding of ``code``: each once, with its years when the
        batch holds several years of it."""
        years: dict[str, list[int]] = {}
        for c in reports:
            if code in c.codes:
                years.setdefault(self.name(c), [])
                if c.year is not None:
                    years[self.name(c)].append(c.year)
        several = len({c.year for c in reports}) > 1
        names = []
        for agency, ys in years.items():
            if several and ys:
                shown = "、".join(str(y) for y in sorted(set(ys)))
                names.append(agency + self.t(f"（{shown}年度）", f" ({shown})"))
            else:
                names.append(agency)
        if len(names) > MAX_NAMED:
            rest = len(names) - MAX_NAMED
            return self.t("、", "; ").join(names[:MAX_NAMED]) + self.t(
                f"等 {len(names)} 个单位（其余 {rest} 个见附件1）",
                f" and {rest} more (annex 1)",
            )
        return self.t("、", "; ").join(names)

    def finish(self) -> None:
        from docx import Document

        rules = {r.code: r for r in self.options.rules}
        everything = list(self.tally.reports.values())
        reports = self.checked()
        n = len(reports)
        doc = Document()
        _base_style(doc)

        draft = doc.add_paragraph()
        _run(
            draft,
            self.t(
                "【草稿】本文件由 gongkai-lint 根据自动检查结果生成，供起草通报参考，不是检查结论。"
                "所列问题和单位须逐一人工核实（可查看 HTML 检查报告或 xlsx 工作簿中的具体位置），"
                "删改后方可印发。",
                "[DRAFT] Generated by gongkai-lint from automatic checks to help draft a notice; "
                "it is not a verdict. Verify every problem and agency by hand (the HTML audit "
                "report and the xlsx workbook show each place) and edit before issuing.",
            ),
            bold=True,
            colour="C00000",
        )
        years = sorted({c.year for c in reports if c.year is not None})
        span = f"{years[0]}" if len(years) == 1 else f"{years[0]}—{years[-1]}" if years else ""
        title = doc.add_paragraph(style="Title")
        _run(
            title,
            self.t(
                f"关于{span}年度政府信息公开工作年度报告检查情况的通报（草稿）",
                f"Notice on the check of the {span} annual reports on government information "
                "disclosure (draft)",
            ),
        )

        # Scope.
        kinds = Counter(self.kind(c.issuer_kind) for c in reports)
        by_year = Counter(c.year for c in reports)
        not_checked = len(everything) - n
        kinds_text = self.t("、", ", ").join(
            self.t(f"{k} {v} 份", f"{k} {v}")
            for k, v in sorted(kinds.items(), key=lambda kv: -kv[1])
        )
        years_text = self.t("、", ", ").join(
            self.t(f"{y}年度 {v} 份", f"{y}: {v}")
            if y
            else self.t(f"年度不明 {v} 份", f"year unknown: {v}")
            for y, v in sorted(by_year.items(), key=lambda kv: kv[0] or 0)
        )
        with_problems = [c for c in reports if c.codes - set(NOT_CHECKED)]
        _heading(doc, self.t("一、检查范围和总体情况", "1. Scope and overall result"))
        images = sum(1 for c in reports if c.not_checked is not None)
        image_note = (
            self.t(
                f"，其中 {images} 份没有文字层（图片版），内容未能检查",
                f", {images} of them without a text layer (image only), their content unchecked",
            )
            if images
            else ""
        )
        doc.add_paragraph(
            self.t(
                f"本次共检查文件 {len(everything)} 个，其中年度报告 {n} 份"
                f"（按主体类型：{kinds_text}；按年度：{years_text}{image_note}）"
                + (
                    f"；另有 {not_checked} 个文件无法读取或不是年度报告，未作检查（见附件2）。"
                    if not_checked
                    else "。"
                ),
                f"{len(everything)} files were checked, {n} of them annual reports "
                f"(by issuer kind: {kinds_text}; by year: {years_text}{image_note})"
                + (
                    f"; {not_checked} files could not be read or are not reports and were "
                    "not checked (annex 2)."
                    if not_checked
                    else "."
                ),
            )
        )
        doc.add_paragraph(
            self.t(
                f"{n} 份报告中，{len(with_problems)} 份（{share(len(with_problems), n)}）"
                "存在至少一处问题。主要问题如下。",
                f"Of the {n} reports, {len(with_problems)} ({share(len(with_problems), n)}) "
                "have at least one problem. The main problems follow.",
            )
        )

        # Problems, grouped and ordered.
        _heading(doc, self.t("二、存在的主要问题", "2. Main problems"))
        per_code = Counter(code for c in reports for code in c.codes if code not in NOT_CHECKED)
        grouped: dict[str, list[str]] = {}
        for code in per_code:
            grouped.setdefault(group_of(code, rules.get(code)).key, []).append(code)
        number = 0
        for group in (*GROUPS, OTHER):
            codes = sorted(grouped.get(group.key, []), key=lambda c: (-per_code[c], c))
            if not codes:
                continue
            group_reports = sum(1 for c in reports if any(code in c.codes for code in codes))
            number += 1
            _heading(
                doc,
                self.t(
                    f"（{NUMERALS[number - 1]}）{group.title_zh}",
                    f"({number}) {group.title_en}",
                ),
                level=2,
            )
            doc.add_paragraph(
                self.t(
                    f"涉及报告 {group_reports} 份，占检查报告的 {share(group_reports, n)}。",
                    f"{group_reports} reports ({share(group_reports, n)} of those checked).",
                )
            )
            for i, code in enumerate(codes, start=1):
                rule = rules.get(code)
                summary = (rule.summary_en if self.en else rule.summary_zh) if rule else code
                level = rule.level if rule else ""
                caveat = ""
                if rule is not None and rule.grade == "U" and "未经核实" not in summary:
                    caveat = self.t(
                        "（依据未经核实，仅供参考）", " (basis unverified: advice only)"
                    )
                elif level == "note":
                    caveat = self.t("（提示）", " (note)")
                p = doc.add_paragraph()
                _run(p, f"{i}. ", bold=True)
                _run(p, summary + self.t("。", ". "), bold=True)
                # Both languages' strings are built: scan the reports for the agencies once.
                agencies = self.agencies_with(code, reports)
                pct = share(per_code[code], n)
                _run(
                    p,
                    self.t(
                        f"{per_code[code]} 份报告（{pct}）存在此问题{caveat}"
                        f"〔{code}〕。涉及单位：{agencies}。",
                        f"{per_code[code]} reports ({pct}){caveat} [{code}]. Agencies: {agencies}.",
                    ),
                )

        _heading(doc, self.t("三、下一步工作要求", "3. What is required next"))
        placeholder = doc.add_paragraph()
        _run(
            placeholder,
            self.t(
                "【请填写整改要求、整改时限和报送方式。】",
                "[Fill in the corrections required, the deadline and how to report back.]",
            ),
            colour="C00000",
        )

        # Annex 1: one row per agency and year.
        doc.add_page_break()
        _heading(doc, self.t("附件1  各单位问题情况", "Annex 1  Problems by agency"))
        groups = [g for g in (*GROUPS, OTHER) if g.key in grouped]
        header = [
            self.t("单位", "agency"),
            self.t("年度", "year"),
            self.t("主体类型", "issuer kind"),
            *(self.t(g.title_zh.removesuffix("问题"), g.title_en) for g in groups),
            self.t("问题合计", "total"),
            self.t("最高级别", "worst"),
        ]
        rows = []
        for c in sorted(reports, key=lambda c: (self.name(c), c.year or 0, c.path)):
            rows.append(
                [
                    self.name(c),
                    str(c.year or ""),
                    self.kind(c.issuer_kind),
                    *(
                        str(
                            sum(
                                1
                                for code in c.codes
                                if group_of(code, rules.get(code)).key == g.key
                            )
                        )
                        for g in groups
                    ),
                    str(c.total),
                    self.level_name(c.worst),
                ]
            )
        _table(doc, header, rows)
        doc.add_paragraph(
            self.t(
                "各类问题列为该单位报告涉及的规则条数；“问题合计”为具体问题处数。",
                "Each group column counts the rules the report breaks; total counts the findings.",
            )
        )

        # Annex 2: files not checked.
        unchecked = [c for c in everything if c not in reports]
        skipped = [(c, code, zh, en) for c in reports for code, zh, en in c.skipped]
        if unchecked or skipped:
            _heading(
                doc, self.t("附件2  未能检查的文件和项目", "Annex 2  What could not be checked")
            )
            rows = []
            for c in unchecked:
                code, zh, en = c.not_checked or ("", "", "")
                rows.append([c.path, code, self.t(zh, en)])
            for c, code, zh, en in skipped:
                rows.append([c.path, code, self.t(zh, en)])
            _table(
                doc,
                [self.t("文件", "file"), self.t("代码", "code"), self.t("原因", "reason")],
                rows,
            )
        doc.save(_save_path(self.options, self.path))

    def level_name(self, level: str | None) -> str:
        names = {
            "error": ("错误", "error"),
            "warning": ("警告", "warning"),
            "note": ("提示", "note"),
        }
        if level not in names:
            return ""
        zh, en = names[level]
        return self.t(zh, en)


def _save_path(options, path: Path) -> Path:
    try:
        from linter.output import save_path
    except ImportError:  # pragma: no cover - older core without staged output
        return path
    return save_path(options, path)


# --- python-docx helpers -------------------------------------------------------------

BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
TITLE_FONT = "方正小标宋简体"


def _east_asian(style_or_run, name: str) -> None:
    """Set the East Asian font too (python-docx's ``font.name`` sets only the Latin one)."""
    from docx.oxml.ns import qn

    element = style_or_run.element
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), name)


def _base_style(doc) -> None:
    from docx.shared import Pt

    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    _east_asian(normal, BODY_FONT)
    for name, font, size in (("Title", TITLE_FONT, 20), ("Heading 1", HEADING_FONT, 15),
                             ("Heading 2", "楷体_GB2312", 14)):  # fmt: skip
        style = doc.styles[name]
        style.font.size = Pt(size)
        style.font.color.rgb = None
        _east_asian(style, font)


def _run(paragraph, text: str, *, bold: bool = False, colour: str | None = None):
    from docx.shared import RGBColor

    run = paragraph.add_run(text)
    run.bold = bold or None
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour)
    return run


def _heading(doc, text: str, level: int = 1) -> None:
    doc.add_heading(text, level=level)


def _table(doc, header: list[str], rows: list[list[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        _run(cell.paragraphs[0], text, bold=True)
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = text


__all__ = ["GROUPS", "TongbaoReporter", "group_of"]
