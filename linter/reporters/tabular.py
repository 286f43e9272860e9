"""``csv`` and ``xlsx``: an inspector's spreadsheet, a row per report and a row per finding.

The reports table has one row per report: file, agency, year, edition, readable
(yes/no), the number of findings per level (error, warning, note), their total,
(with ``--baseline``) the number the baseline accepted, and the codes found (sorted,
space-separated). The findings table has one row per finding: file, code, sub-id,
rule name, level, line, column, table/row/cell (1-based, DOCX), logical location,
the place as printed, message, expected and reported values. Headers follow
``--lang``.

``xlsx`` writes both as sheets of one workbook and needs ``-o FILE.xlsx``; it uses
openpyxl's write-only mode, so findings go to disk as files complete.

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
from linter.reporters import Reporter
from linter.reporters.summary import ReportCounts, Tally, yes_no

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
            yes_no(c.readable, lang),
            *(c.levels.get(level, 0) for level in LEVELS),
            c.total,
        ]
        if self.baseline:
            row.append(c.suppressed)
        row.append(" ".join(sorted(c.codes)))
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
            self.findings_file = findings_path(Path(output)).open(
                "w", encoding="utf-8-sig", newline=""
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


class XlsxReporter(_Tables):
    # Writes its own file at options.output_path; the text stream it is given stays empty.
    binary: ClassVar[bool] = True

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
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        self.path = Path(output)
        self._cell = WriteOnlyCell
        self._illegal = ILLEGAL_CHARACTERS_RE
        en = self.options.lang == "en"
        # Write-only: each sheet streams its rows to a temporary file until ``save``.
        self.workbook = Workbook(write_only=True)
        self.reports = self.workbook.create_sheet("reports" if en else "报告")
        self.findings = self.workbook.create_sheet("findings" if en else "问题")
        bold = Font(bold=True)
        for sheet, columns in (
            (self.reports, self.report_columns),
            (self.findings, FINDING_COLUMNS),
        ):
            # Widths and the frozen header must be set before the first row is written.
            for i, (_, _, width) in enumerate(columns.values(), start=1):
                sheet.column_dimensions[get_column_letter(i)].width = width
            sheet.freeze_panes = "A2"
            header = []
            for text in _headers(columns, self.options.lang):
                cell = WriteOnlyCell(sheet, value=text)
                cell.font = bold
                header.append(cell)
            sheet.append(header)

    def _row(self, sheet, values: list[Any]) -> list[Any]:
        row: list[Any] = []
        for value in values:
            if isinstance(value, str):
                # A string cell, never a formula; characters XML cannot carry removed.
                cell = self._cell(sheet, value=self._illegal.sub("\ufffd", value)[:32767])
                cell.data_type = "s"
                row.append(cell)
            else:
                row.append(value)
        return row

    def write_findings(self, findings: list[Finding]) -> None:
        for f in findings:
            self.findings.append(self._row(self.findings, self.finding_row(f)))

    def finish(self) -> None:
        for counts in self.tally.reports.values():
            self.reports.append(self._row(self.reports, self.report_row(counts)))
        self.workbook.save(self.path)
