"""Reporters: each output format is a class fed one file's results at a time."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from linter.document import Anchor
from linter.engine import FileResult
from linter.finding import Finding, Location
from linter.rule import Rule


@dataclass
class ReportOptions:
    lang: str = "zh"
    # The folder display paths are relative to (the current folder).
    root: Path = field(default_factory=Path.cwd)
    # What SARIF URIs and baseline paths are relative to (None: found from ``root``,
    # see linter.project).
    project_root: Path | None = None
    # SARIF automationDetails category (--sarif-category): GitHub keeps one set per category.
    sarif_category: str | None = None
    # SARIF: list each result's related locations (--sarif-related-locations).
    sarif_related: bool = False
    # Colour levels and codes (a terminal, unless NO_COLOR or --no-color).
    color: bool = False
    rules: list[Rule] = field(default_factory=list)
    embed_text: bool = True
    plugin_problems: list[str] = field(default_factory=list)
    # Base URL of docs/rules/ for SARIF helpUri (None: the project's default).
    docs_url: str | None = None
    # The baseline SARIF file, when findings it holds are accepted (--baseline).
    baseline: Path | None = None
    # Where the output goes when it is a file (binary formats such as xlsx need it).
    output_path: Path | None = None
    # The run's output files, committed together when the run succeeds (linter.output);
    # a reporter writing a second file opens it with linter.output.open_output.
    staging: Any = None
    # Warnings about the run itself (an unlistable folder, a manifest row without a
    # file): printed on stderr, and notifications in SARIF.
    warnings: list[str] = field(default_factory=list)


class Reporter:
    """Receives results as files complete; ``finish`` writes whatever remains."""

    def __init__(self, out: TextIO, options: ReportOptions) -> None:
        self.out = out
        self.options = options

    def file(self, result: FileResult) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def batch(self, findings: list[Finding], suppressed: list[Finding] | None = None) -> None:
        """Findings of batch rules (about reports already passed to ``file``), once,
        after the last file and before ``finish``; ``suppressed`` are those a baseline
        accepted. Every reporter must show the findings."""
        raise NotImplementedError(f"{type(self).__name__} does not report batch findings")

    def finish(self) -> None:
        """Called once after the last file."""


_TABLE_SECTIONS = {"二": 2, "三": 3, "四": 4}
_SECTION_PREFIX = re.compile(r"^(?:第[一二三四五六]部分\s*|section \d+,?\s*)")


def logical_place(location: Location, lang: str = "zh") -> str | None:
    """``三/（一）予以公开/总计``: the table cell (or row, or table) a finding is about, as
    a person finds it in the printed report.

    For text and HTML, whose ``line:col`` is a spot in a file (in an HTML page, a column
    of a line of markup thousands of characters long); DOCX and PDF anchors already name
    table, row and column (``table2:row5:col3``), so they get None, as do places that are
    not in a table of section 二, 三 or 四.
    """
    a = location.anchor
    if a.line is None or a.table is not None or a.paragraph is not None or a.page is not None:
        return None
    head, *ids = (location.logical or "").split("/")
    # Table places are section / table ids (三/granted/total); a heading or a paragraph
    # of the section (四/标题, 二/文字) is not a cell.
    if head not in _TABLE_SECTIONS or not all(i.isascii() for i in ids):
        return None
    label = location.label_en if lang == "en" else location.label_zh
    section = str(_TABLE_SECTIONS[head]) if lang == "en" else head
    rest = _SECTION_PREFIX.sub("", label or "")
    parts = [p.strip() for p in rest.split(" / ") if p.strip()]
    return "/".join([section, *parts])


def where(finding: Finding) -> str:
    """``line:col`` for text and HTML; ``table2:row5:col3`` and ``para12`` for DOCX;
    the same behind the page for PDF (``p3:table2:row5:col3``, ``p2:para4``)."""
    a = finding.location.anchor
    if a.page is not None:
        if a.table is None and a.paragraph is None:
            return f"p{a.page}"
        return f"p{a.page}:" + where_in_page(a)
    return where_in_page(a)


def where_in_page(a: Anchor) -> str:
    if a.table is not None:
        parts = [f"table{a.table + 1}"]
        if a.row is not None:
            parts.append(f"row{a.row + 1}")
        if a.cell is not None:
            parts.append(f"col{a.cell + 1}")
        return ":".join(parts)
    if a.paragraph is not None:
        # A DOCX paragraph: its line in the extracted text would mean nothing to a reader.
        return f"para{a.paragraph + 1}"
    return f"{a.line or 1}:{a.column or 1}"


# Why a file could not be read (the ``cause`` of its XT001/XT005), for the counts.
UNREADABLE_CAUSES: dict[str, tuple[str, str]] = {
    "old-format": ("旧版或其他格式", "old or other format"),
    "other-format": ("非 Word 格式", "not a Word format"),
    "image": ("图片（需 OCR）", "image (OCR needed)"),
    "no-text-layer": ("无文字层（扫描件）", "no text layer (scan)"),
    "empty": ("空文件", "empty file"),
    "encrypted": ("加密", "encrypted"),
    "damaged": ("损坏或不完整", "damaged or truncated"),
    "wrong-extension": ("扩展名与内容不符", "wrong extension"),
    "too-large": ("超过上限", "over a limit"),
    "unknown-format": ("格式无法识别", "unknown format"),
    "unreadable": ("其他原因", "other"),
    "tool-failure": ("工具内部出错", "the tool failed"),
}


def unreadable_cause(report) -> str | None:
    """The cause key of an unreadable report (None when it was read)."""
    if report.readable:
        return None
    for d in report.diagnostics:
        if d.code in ("XT001", "XT005"):
            cause = dict(d.args).get("cause")
            if cause:
                return cause
            return "no-text-layer" if d.code == "XT005" else "unreadable"
    return "unreadable"


def cause_label(cause: str, lang: str) -> str:
    zh, en = UNREADABLE_CAUSES.get(cause, UNREADABLE_CAUSES["unreadable"])
    return en if lang == "en" else zh


class FileCounts:
    """Files found, read, and not readable by cause: the closing line of a run."""

    def __init__(self) -> None:
        self.found = 0
        self.read = 0
        self.causes: dict[str, int] = {}

    def add(self, result: FileResult) -> None:
        self.found += 1
        cause = unreadable_cause(result.report)
        if cause is None:
            self.read += 1
        else:
            self.causes[cause] = self.causes.get(cause, 0) + 1

    def causes_text(self, lang: str) -> str:
        sep = ", " if lang == "en" else "，"
        return sep.join(f"{cause_label(k, lang)} {n}" for k, n in sorted(self.causes.items()))

    def closing(self, findings: int, lang: str) -> str:
        unreadable = self.found - self.read
        if lang == "en":
            extra = (
                f" ({self.read} read; {unreadable} not readable: {self.causes_text(lang)})"
                if unreadable
                else ""
            )
            return f"Found {findings} finding(s) in {self.found} file(s){extra}.\n"
        extra = (
            f"（读取 {self.read} 个；无法读取 {unreadable} 个：{self.causes_text(lang)}）"
            if unreadable
            else ""
        )
        return f"共检查 {self.found} 个文件{extra}，发现 {findings} 个问题。\n"
