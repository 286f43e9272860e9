"""``csv`` and ``xlsx``: an inspector's spreadsheet, a row per report and a row per finding.

The reports table has one row per report: file, agency, year, edition, readable
(yes/no), the number of findings per level (error, warning, note), their total,
(with ``--baseline``) the number the baseline accepted, and the codes found (sorted,
space-separated). The findings table has one row per finding: file, code, sub-id,
rule name, level, line, column, table/row/cell (1-based, DOCX), logical location,
the place as printed, message, expected and reported values. Headers follow
``--lang``.

``xlsx`` writes both as sheets of one workbook and needs ``-o FILE.xlsx``; it uses
openpyxl's write-only mode, so findings go to disk as files complete. The workbook
also has a 规则 sheet (findings and reports affected per rule, with the share of the
reports), a 机关 sheet (one row per agency and year, findings per family, worst level)
and a 未能检查 sheet (files not read or not checked, rules that could not check a
report, and why); every sheet has a frozen header and an autofilter, counts are shaded,
and a finding links to its report's row and to its rule's page.

``csv`` writes the reports table to the output, as UTF-8 with a byte-order mark so
that Excel shows Chinese correctly. With ``-o out.csv`` the findings table goes to a
second file beside it, ``out.findings.csv`` (also UTF-8 with BOM), written as files
complete; on standard output only the reports table is written.

Report rows are written by ``finish``: batch findings (CY), which arrive after the last
file, count towards the reports they are about. Only per-report counts are kept.
Text that a spreadsheet would run as a formula (``=…``, ``+…``, ``-…``, ``@…``) is
kept as text: in CSV behind an apostrophe, in XLSX as a string cell.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, ClassVar

import click

from linter.engine import FileResult
from linter.finding import LEVELS, Finding
from linter.output import open_output, save_path, shown
from linter.reporters import Reporter
from linter.reporters.summary import NOT_CHECKED, ReportCounts, Tally, readable_text

REPORT_COLUMNS = {
    # key: (zh header, en header, xlsx width)
    "file": ("文件", "file", 40),
    "agency": ("机关", "agency", 28),
    "year": ("年度", "year", 7),
    "edition": ("版本", "edition", 8),
    "readable": ("可读", "readable", 9),
    "error": ("错误", "error", 8),
    "warning": ("警告", "warning", 8),
    "note": ("提示", "note", 8),
    "total": ("合计", "total", 8),
    "accepted": ("基线已接受", "accepted", 11),
    "codes": ("问题代码", "codes", 40),
    # Rules that could not check the report (a Skip: no publication date, …): never a pass.
    "skipped": ("未能检查的规则", "rules not checked", 18),
}

FINDING_COLUMNS = {
    "file": ("文件", "file", 40),
    "code": ("代码", "code", 8),
    "sub_id": ("子项", "sub-id", 16),
    "name": ("规则", "rule", 28),
    "level": ("级别", "level", 8),
    "line": ("行", "line", 7),
    "column": ("列", "column", 7),
    "table": ("表格", "table", 6),
    "row": ("表格行", "row", 7),
    "cell": ("表格列", "cell", 7),
    "logical": ("逻辑位置", "logical location", 24),
    "location": ("位置", "location", 36),
    "message": ("说明", "message", 100),
    "expected": ("应为", "expected", 9),
    "reported": ("填写", "reported", 9),
}

# A cell starting with these is a formula to Excel and LibreOffice (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def findings_path(output: Path) -> Path:
    """Where ``csv`` writes the findings table for ``-o output``: ``out.csv`` → ``out.findings.csv``."""
    return output.with_name(f"{output.stem}.findings{output.suffix or '.csv'}")


def _headers(columns: dict[str, tuple[str, str, int]], lang: str) -> list[str]:
    return [en if lang == "en" else zh for zh, en, _ in columns.values()]


def _one_based(index: int | None) -> int | None:
    return None if index is None else index + 1


class _Tables(Reporter):
    """The rows both formats write; subclasses put them somewhere."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.tally = Tally()
        self.baseline = self.options.baseline is not None
        self.report_columns = {
            k: v for k, v in REPORT_COLUMNS.items() if k != "accepted" or self.baseline
        }

    def report_row(self, c: ReportCounts) -> list[Any]:
        lang = self.options.lang
        row: list[Any] = [
            c.path,
            c.agency,
            c.year,
            c.edition,
            readable_text(c, lang),
            *(c.levels.get(level, 0) for level in LEVELS),
            c.total,
        ]
        if self.baseline:
            row.append(c.suppressed)
        row.append(" ".join(sorted(c.codes)))
        row.append(" ".join(sorted({code for code, _, _ in c.skipped})))
        return row

    def finding_row(self, f: Finding) -> list[Any]:
        lang = self.options.lang
        a = f.location.anchor
        return [
            f.path,
            f.code,
            f.sub_id,
            f.name,
            f.level,
            a.line,
            a.column,
            _one_based(a.table),
            _one_based(a.row),
            _one_based(a.cell),
            f.location.logical,
            f.location.label_en if lang == "en" else f.location.label_zh,
            f.message(lang),
            f.expected,
            f.reported,
        ]

    def file(self, result: FileResult) -> None:
        self.tally.file(result)
        self.write_findings(result.findings)

    def batch(self, findings, suppressed=None) -> None:
        self.tally.batch(findings, suppressed or ())
        self.write_findings(findings)

    def write_findings(self, findings: list[Finding]) -> None:  # pragma: no cover
        raise NotImplementedError


def _csv_value(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


class CsvReporter(_Tables):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.findings_file = None
        self.findings_writer = None
        output = getattr(self.options, "output_path", None)
        if output is not None:
            self.findings_file = open_output(
                self.options, findings_path(Path(output)), "w", encoding="utf-8-sig", newline=""
            )
            self.findings_writer = csv.writer(self.findings_file)
            self.findings_writer.writerow(_headers(FINDING_COLUMNS, self.options.lang))

    def write_findings(self, findings: list[Finding]) -> None:
        if self.findings_writer is None:
            return
        for f in findings:
            self.findings_writer.writerow([_csv_value(v) for v in self.finding_row(f)])

    def finish(self) -> None:
        self.out.write("\ufeff")
        # A file (-o) is opened with newline="": RFC 4180 line ends. Standard output
        # translates "\n" itself (to CRLF on Windows), so it gets "\n".
        to_file = getattr(self.options, "output_path", None) is not None
        writer = csv.writer(self.out, lineterminator="\r\n" if to_file else "\n")
        writer.writerow(_headers(self.report_columns, self.options.lang))
        for counts in self.tally.reports.values():
            writer.writerow([_csv_value(v) for v in self.report_row(counts)])
        if self.findings_file is not None:
            self.findings_file.close()


class OutputFileRequired(click.ClickException):
    """A usage error (exit 2): the format writes a binary file and needs ``-o FILE``."""

    exit_code = 2


# The xlsx workbook's extra sheets (zh, en names) and columns.
RULE_COLUMNS = {
    "code": ("代码", "code", 8),
    "name": ("规则", "rule", 30),
    "family": ("类别", "family", 8),
    "level": ("级别", "level", 10),
    "findings": ("问题数", "findings", 9),
    "reports": ("涉及报告", "reports affected", 10),
    "share": ("占比", "share", 8),
    "summary": ("说明", "summary", 60),
}
AGENCY_COLUMNS = {
    "agency": ("机关", "agency", 28),
    "year": ("年度", "year", 7),
    "issuer_kind": ("主体类型", "issuer kind", 11),
    "reports": ("报告数", "reports", 8),
}
NOT_CHECKED_COLUMNS = {
    "file": ("文件", "file", 40),
    "code": ("代码", "code", 8),
    "what": ("情况", "what", 14),
    "reason": ("原因", "reason", 100),
}
SHEETS = {
    "reports": ("报告", "reports"),
    "findings": ("问题", "findings"),
    "rules": ("规则", "rules"),
    "agencies": ("机关", "agencies"),
    "not_checked": ("未能检查", "not checked"),
}
_NOT_CHECKED_WHAT = {**NOT_CHECKED, None: ("规则未能检查", "rule skipped")}


class XlsxReporter(_Tables):
    """The workbook: reports, findings, rules (reports affected per rule), agencies (one
    row per agency and year) and the files or rules that could not check.

    Every sheet has a frozen, bold header and an autofilter; counts are shaded by
    conditional formatting; a finding's file links to its report's row and its code to
    the rule's page. Findings past a sheet's 1,048,576 rows go on in “问题 (2)”, ….
    """

    # Writes its own file at options.output_path; the text stream it is given stays empty.
    binary: ClassVar[bool] = True
    # Rows in a worksheet, the header's included: Excel's limit (the file format's too).
    ROWS_PER_SHEET: ClassVar[int] = 1_048_576

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        output = getattr(self.options, "output_path", None)
        if output is None:
            raise OutputFileRequired(
                "the xlsx format writes a binary workbook: name the file with -o FILE.xlsx"
            )
        try:
            from openpyxl import Workbook
        except ImportError:  # pragma: no cover - openpyxl is a dependency
            raise OutputFileRequired(
                "the xlsx format needs openpyxl: pip install openpyxl"
            ) from None
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        from linter.reporters.statistics import Statistics

        self.path = Path(output)
        self._cell = WriteOnlyCell
        self._illegal = ILLEGAL_CHARACTERS_RE
        self.en = self.options.lang == "en"
        self.statistics = Statistics()
        # Report path -> its row in the reports sheet (reports are written in this order).
        self.report_row_number: dict[str, int] = {}
        # Write-only: each sheet streams its rows to a temporary file until ``save``.
        self.workbook = Workbook(write_only=True)
        self.reports = self._sheet("reports", self.report_columns)
        self.findings = self._sheet("findings", FINDING_COLUMNS)
        self.findings_sheets = 1
        self.findings_rows = 1  # rows in the findings sheet being written, its header's too

    def sheet_name(self, key: str) -> str:
        zh, en = SHEETS[key]
        return en if self.en else zh

    def _sheet(self, key: str, columns: dict[str, tuple[str, str, int]], part: int = 1):
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        title = self.sheet_name(key) + (f" ({part})" if part > 1 else "")
        sheet = self.workbook.create_sheet(title)
        # Widths and the frozen header must be set before the first row is written.
        for i, (_, _, width) in enumerate(columns.values(), start=1):
            sheet.column_dimensions[get_column_letter(i)].width = width
        sheet.freeze_panes = "A2"
        bold = Font(bold=True)
        header = []
        for text in _headers(columns, self.options.lang):
            cell = self._cell(sheet, value=text)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        return sheet

    def _text(self, sheet, value: str):
        # A string cell, never a formula; characters XML cannot carry removed.
        cell = self._cell(sheet, value=self._illegal.sub("\ufffd", shown(value))[:32767])
        cell.data_type = "s"
        return cell

    def _row(self, sheet, values: list[Any]) -> list[Any]:
        return [self._text(sheet, v) if isinstance(v, str) else v for v in values]

    def _link(self, sheet, value: str, *, url: str | None = None, location: str | None = None):
        from openpyxl.styles import Font
        from openpyxl.worksheet.hyperlink import Hyperlink

        cell = self._text(sheet, value)
        if url:
            cell.hyperlink = url
        else:
            cell.hyperlink = Hyperlink(ref="", location=location)
        cell.font = Font(color="0563C1", underline="single")
        return cell

    def rule_url(self, code: str) -> str:
        from linter.docs import DEFAULT_DOCS_URL

        return (self.options.docs_url or DEFAULT_DOCS_URL).rstrip("/") + f"/{code}.md"

    def file(self, result: FileResult) -> None:
        self.report_row_number[result.path] = len(self.report_row_number) + 2
        self.statistics.add(result.findings, report=True)
        super().file(result)

    def batch(self, findings, suppressed=None) -> None:
        self.statistics.add(findings)
        super().batch(findings, suppressed)

    def write_findings(self, findings: list[Finding]) -> None:
        reports = self.sheet_name("reports")
        for f in findings:
            if self.findings_rows == self.ROWS_PER_SHEET:
                self._continue_findings()
            row = self._row(self.findings, self.finding_row(f))
            number = self.report_row_number.get(f.path)
            if number is not None:
                row[0] = self._link(self.findings, f.path, location=f"'{reports}'!A{number}")
            row[1] = self._link(self.findings, f.code, url=self.rule_url(f.code))
            self.findings.append(row)
            self.findings_rows += 1

    def _continue_findings(self) -> None:
        """The findings sheet is full: the rest go on in “问题 (2)”, “问题 (3)”…, each
        with the header. A row past Excel's last is not refused by the writer: Excel
        “repairs” such a file by dropping the rows, and a national batch has millions of
        findings."""
        self._finish_sheet(self.findings, len(FINDING_COLUMNS), self.findings_rows)
        self.findings_sheets += 1
        self.findings = self._sheet("findings", FINDING_COLUMNS, part=self.findings_sheets)
        self.findings_rows = 1

    def finish(self) -> None:
        counts = list(self.tally.reports.values())
        for c in counts:
            row = self._row(self.reports, self.report_row(c))
            if c.url:
                row[0] = self._link(self.reports, c.path, url=c.url)
            self.reports.append(row)
        first_count = list(self.report_columns).index("error") + 1
        self._finish_sheet(
            self.reports,
            len(self.report_columns),
            len(counts) + 1,
            shade=(first_count, first_count + len(LEVELS)),
        )
        self._finish_sheet(self.findings, len(FINDING_COLUMNS), self.findings_rows)

        # 规则: reports affected per rule, most reports first.
        rules = self._sheet("rules", RULE_COLUMNS)
        found = {
            code: (name, level, n, affected)
            for code, name, level, n, affected in self.statistics.rows()
        }
        enabled = {r.code: r for r in self.options.rules}
        total = len(counts)
        codes = sorted(
            set(enabled) | set(found),
            key=lambda code: (-(found.get(code, (0, 0, 0, 0))[3]), code),
        )
        for code in codes:
            rule = enabled.get(code)
            name, level, n, affected = found.get(
                code, (rule.name if rule else "", rule.level if rule else "", 0, 0)
            )
            summary = "" if rule is None else (rule.summary_en if self.en else rule.summary_zh)
            share = self._cell(rules, value=affected / total if total else 0)
            share.number_format = "0%"
            rules.append(
                [
                    self._link(rules, code, url=self.rule_url(code)),
                    *self._row(rules, [name, code[:2], level, n, affected]),
                    share,
                    self._text(rules, summary),
                ]
            )
        self._finish_sheet(rules, len(RULE_COLUMNS), len(codes) + 1, bars=(5, 7))

        # 机关: one row per agency and year, findings per family.
        families = self.tally.families(self.options.rules)
        columns = {**AGENCY_COLUMNS}
        for family in families:
            columns[family] = (family, family, 6)
        columns["total"] = REPORT_COLUMNS["total"]
        columns["worst"] = ("最高级别", "worst level", 10)
        agencies = self._sheet("agencies", columns)
        groups: dict[tuple[str, int | None], list] = {}
        for c in counts:
            if c.readable is False:
                continue
            key = (c.agency or ("(not identified)" if self.en else "（未识别）"), c.year)
            groups.setdefault(key, []).append(c)
        from linter.issuer import ISSUER_KIND_NAMES

        for (agency, year), members in sorted(
            groups.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)
        ):
            kinds = sorted({m.issuer_kind or "" for m in members})
            kind_names = [
                ISSUER_KIND_NAMES.get(k or None, (k, k))[1 if self.en else 0] for k in kinds
            ]
            worst = next((lv for lv in LEVELS if any(m.levels.get(lv) for m in members)), None)
            agencies.append(
                self._row(
                    agencies,
                    [
                        agency,
                        year,
                        "、".join(kind_names),
                        len(members),
                        *(sum(m.families.get(f, 0) for m in members) for f in families),
                        sum(m.total for m in members),
                        worst or "",
                    ],
                )
            )
        self._finish_sheet(
            agencies,
            len(columns),
            len(groups) + 1,
            shade=(len(AGENCY_COLUMNS) + 1, len(AGENCY_COLUMNS) + len(families) + 1),
        )

        # 未能检查: files not read or not checked, and rules that could not check a report.
        unchecked = self._sheet("not_checked", NOT_CHECKED_COLUMNS)
        n = 0
        for c in counts:
            entries = []
            if c.not_checked is not None:
                code, zh, en = c.not_checked
                entries.append((code, _NOT_CHECKED_WHAT[code], en if self.en else zh))
            for code, zh, en in c.skipped:
                entries.append((code, _NOT_CHECKED_WHAT[None], en if self.en else zh))
            for code, (what_zh, what_en), reason in entries:
                unchecked.append(
                    self._row(unchecked, [c.path, code, what_en if self.en else what_zh, reason])
                )
                n += 1
        self._finish_sheet(unchecked, len(NOT_CHECKED_COLUMNS), n + 1)
        self.workbook.save(save_path(self.options, self.path))

    def _finish_sheet(
        self,
        sheet,
        width: int,
        height: int,
        shade: tuple[int, int] | None = None,
        bars: tuple[int, int] | None = None,
    ) -> None:
        """Autofilter over the header and rows; counts shaded white → red, or data bars."""
        from openpyxl.formatting.rule import ColorScaleRule, DataBarRule
        from openpyxl.utils import get_column_letter

        last = get_column_letter(width)
        sheet.auto_filter.ref = f"A1:{last}{max(height, 1)}"
        if height < 2:
            return
        if shade is not None:
            first, end = shade
            cells = f"{get_column_letter(first)}2:{get_column_letter(end)}{height}"
            sheet.conditional_formatting.add(
                cells,
                ColorScaleRule(
                    start_type="num",
                    start_value=0,
                    start_color="FFFFFF",
                    end_type="max",
                    end_color="F8696B",
                ),
            )
        if bars is not None:
            for column in range(bars[0], bars[1] + 1):
                letter = get_column_letter(column)
                sheet.conditional_formatting.add(
                    f"{letter}2:{letter}{height}",
                    DataBarRule(start_type="num", start_value=0, end_type="max", color="5B9BD5"),
                )
