"""``summary``: an inspector's table, one row per report and one column per rule family.

::

    文件        机关            年度  版本  可读  XT  ST  AP  RL  PI  CY  PB  合计
    ----------  --------------  ----  ----  ----  --  --  --  --  --  --  --  ----
    a.txt       平潭综合实验区  2019  2019  是     3   0   0   0   0   0   0     3
    ...
    合计 2 份                               2/2   3   0   0   0   1   0   0     4
    涉及报告                                      1   0   0   0   1   0   0     2

The last line counts reports, not findings: how many reports have at least one finding
of the family (and, under 合计, at least one finding at all) — what a 通报 quotes as
"N of 500 reports".

Column widths count East Asian wide characters as two terminal columns, so the
columns line up with Chinese agency names. Only per-report counts are kept (never
the findings), so memory grows with the number of reports only; the table is written
by ``finish`` because batch findings (CY) arrive after the last file.

:class:`Tally` (the per-report counts) is shared with the ``csv`` and ``xlsx`` formats.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from linter.engine import FileResult
from linter.finding import LEVELS, Finding
from linter.issuer import issuer_kind
from linter.reporters import Reporter, cause_label, unreadable_cause

# Findings that say a file was not checked at all (its content), and what each means.
NOT_CHECKED: dict[str, tuple[str, str]] = {
    "XT001": ("无法读取", "unreadable"),
    "XT004": ("不是年度报告", "not a report"),
    "XT005": ("没有文字层（图片版）", "no text layer (image only)"),
    "XT006": ("2019 年度以前的报告（无统一格式）", "a report before 2019 (no national format)"),
}

# Rule families in the order of the report format; families of plugins follow, sorted.


@dataclass(slots=True)
class ReportCounts:
    """What is kept of one report: its identity and the number of findings by kind."""

    path: str
    agency: str | None = None
    year: int | None = None
    edition: str | None = None
    # None: a report known only from batch findings (never passed to ``file``).
    readable: bool | None = None
    levels: dict[str, int] = field(default_factory=dict)
    families: dict[str, int] = field(default_factory=dict)
    codes: set[str] = field(default_factory=set)
    # Findings a baseline accepted (not counted above).
    suppressed: int = 0
    # From the manifest (or the page): government, department, township, other.
    issuer_kind: str | None = None
    published: str | None = None
    url: str | None = None
    # Why the file could not be read: a key of linter.reporters.UNREADABLE_CAUSES.
    cause: str | None = None
    # Why the file was not read or not checked (an XT001/XT004/XT005 finding: code,
    # message zh, message en).
    not_checked: tuple[str, str, str] | None = None
    # Rules that could not check the report: (code, reason zh, reason en).
    skipped: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.levels.values())

    @property
    def worst(self) -> str | None:
        """The most severe level among the findings, None when there are none."""
        return next((lv for lv in LEVELS if self.levels.get(lv)), None)

    def add(self, finding: Finding) -> None:
        if finding.code in NOT_CHECKED and self.not_checked is None:
            self.not_checked = (finding.code, finding.message_zh, finding.message_en)
        self.levels[finding.level] = self.levels.get(finding.level, 0) + 1
        family = finding.code[:2]
        self.families[family] = self.families.get(family, 0) + 1
        self.codes.add(finding.code)


class Tally:
    """Per-report counts for a batch, in the order the reports completed."""

    def __init__(self) -> None:
        self.reports: dict[str, ReportCounts] = {}

    def file(self, result: FileResult) -> ReportCounts:
        report = result.report
        counts = ReportCounts(
            path=result.path,
            agency=report.agency.value,
            year=report.year.value,
            edition=report.edition.value,
            readable=report.readable,
            cause=unreadable_cause(report),
            issuer_kind=issuer_kind(report),
            published=report.metadata.get("published"),
            url=report.metadata.get("url"),
            skipped=list(result.skipped),
        )
        self.reports[result.path] = counts
        for f in result.findings:
            counts.add(f)
        counts.suppressed += len(result.suppressed)
        return counts

    def batch(self, findings: Iterable[Finding], suppressed: Iterable[Finding] = ()) -> None:
        for f in findings:
            self._for(f.path).add(f)
        for f in suppressed:
            self._for(f.path).suppressed += 1

    def _for(self, path: str) -> ReportCounts:
        if path not in self.reports:
            self.reports[path] = ReportCounts(path)
        return self.reports[path]

    def affected(self, key: str) -> int:
        """Reports with at least one finding of a code (``AP101``) or a family (``AP``)."""
        if len(key) == 2:
            return sum(1 for c in self.reports.values() if c.families.get(key))
        return sum(1 for c in self.reports.values() if key in c.codes)

    def families(self, rules: Iterable = ()) -> list[str]:
        """The enabled rules' families and any other family found, in format order."""
        found = {r.family for r in rules}
        for counts in self.reports.values():
            found.update(counts.families)
        from linter.plugins import family_order

        return family_order(found)


# --- terminal text -----------------------------------------------------------------


def terminal_safe(text: str) -> str:
    """``text`` with control characters (an escape sequence in a file name) made visible."""
    return "".join("?" if unicodedata.category(ch) == "Cc" else ch for ch in text)


def display_width(text: str) -> int:
    """Terminal columns: wide and full-width characters take two, combining marks none."""
    width = 0
    for ch in text:
        if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def pad(text: str, width: int, right: bool = False) -> str:
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill


def readable_text(c: ReportCounts, lang: str) -> str:
    """是/否 for the 可读 column, with the cause when the file could not be read."""
    text = yes_no(c.readable, lang)
    if c.readable is False and c.cause:
        text += (
            f" ({cause_label(c.cause, lang)})"
            if lang == "en"
            else f"（{cause_label(c.cause, lang)}）"
        )
    return text


def yes_no(value: bool | None, lang: str) -> str:
    if value is None:
        return ""
    if lang == "en":
        return "yes" if value else "no"
    return "是" if value else "否"


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _unchecked_total(reports: list[ReportCounts], en: bool) -> str:
    """How many reports some rule could not check (blank when none)."""
    n = sum(1 for c in reports if c.skipped)
    if not n:
        return ""
    return f"{n} report(s)" if en else f"{n} 份"


class SummaryReporter(Reporter):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.tally = Tally()

    def file(self, result: FileResult) -> None:
        self.tally.file(result)

    def batch(self, findings, suppressed=None) -> None:
        self.tally.batch(findings, suppressed or ())

    def finish(self) -> None:
        lang = self.options.lang
        families = self.tally.families(self.options.rules)
        en = lang == "en"
        head = (
            ["file", "agency", "year", "edition", "readable"]
            if en
            else ["文件", "机关", "年度", "版本", "可读"]
        )
        head += [*families, "total" if en else "合计", "not checked" if en else "未能检查"]
        reports = list(self.tally.reports.values())
        rows = [
            [
                terminal_safe(c.path),
                terminal_safe(_text(c.agency)),
                _text(c.year),
                _text(c.edition),
                yes_no(c.readable, lang),
                *(str(c.families.get(f, 0)) for f in families),
                str(c.total),
                # Rules that could not check the report (a Skip), never a silent pass.
                " ".join(sorted({code for code, _, _ in c.skipped})),
            ]
            for c in reports
        ]
        linted = [c for c in reports if c.readable is not None]
        readable = sum(1 for c in linted if c.readable)
        totals = [
            f"total: {len(linted)} reports" if en else f"合计 {len(linted)} 份",
            "",
            "",
            "",
            f"{readable}/{len(linted)}",
            *(str(sum(c.families.get(f, 0) for c in reports)) for f in families),
            str(sum(c.total for c in reports)),
            _unchecked_total(reports, en),
        ]
        affected = [
            "reports affected" if en else "涉及报告",
            "",
            "",
            "",
            "",
            *(str(self.tally.affected(f)) for f in families),
            str(sum(1 for c in reports if c.total)),
            "",
        ]
        table = [head, *rows, totals, affected]
        widths = [max(display_width(r[i]) for r in table) for i in range(len(head))]
        # Text columns are left-aligned, the year and the counts right-aligned.
        right = [False, False, True, False, False] + [True] * (len(families) + 1) + [False]
        rule = ["-" * w for w in widths]
        for row in [head, rule, *rows, rule, totals, affected]:
            cells = [pad(text, w, r) for text, w, r in zip(row, widths, right, strict=True)]
            self.out.write("  ".join(cells).rstrip() + "\n")
        causes: dict[str, int] = {}
        for c in linted:
            if c.readable is False:
                key = c.cause or "unreadable"
                causes[key] = causes.get(key, 0) + 1
        if causes:
            sep = ", " if en else "，"
            listed = sep.join(f"{cause_label(k, lang)} {n}" for k, n in sorted(causes.items()))
            found = len(linted)
            unread = sum(causes.values())
            self.out.write(
                f"{found} file(s) found, {found - unread} read, {unread} not readable: {listed}\n"
                if en
                else f"共 {found} 个文件，读取 {found - unread} 个，无法读取 {unread} 个：{listed}\n"
            )
