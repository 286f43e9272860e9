"""``concise``: one line per finding, ``path:line:col: CODE message`` (as Ruff).

A finding about a cell of a text or HTML table names the cell before its line and column,
``page.html:三/（一）予以公开/总计:1:11481: AP007 …``: in an HTML page the column is a spot
in a line of markup, and a person needs to know which cell.
"""

from __future__ import annotations

import click

from linter.engine import FileResult
from linter.reporters import FileCounts, Reporter, logical_place, where

# Levels as Ruff and SQLFluff colour them on a terminal.
LEVEL_COLORS = {"error": "red", "warning": "yellow", "note": "cyan"}


class ConciseReporter(Reporter):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.count = 0
        self.files = 0
        self.counts = FileCounts()

    def file(self, result: FileResult) -> None:
        self.files += 1
        self.counts.add(result)
        self._write(result.findings)

    def batch(self, findings, suppressed=None) -> None:
        self._write(findings)

    def _write(self, findings) -> None:
        lang = self.options.lang
        for f in findings:
            self.count += 1
            code = f"{f.code}" + (f" [{f.level}]" if f.level != "error" else "")
            # A cell of a text or HTML table is named (三/（一）予以公开/总计) before its
            # line:column, as DOCX cells are (table2:row5:col3).
            cell = logical_place(f.location, lang)
            place = f"{f.path}:{cell + ':' if cell else ''}{where(f)}:"
            if self.options.color:
                code = click.style(code, fg=LEVEL_COLORS.get(f.level, "red"), bold=True)
                place = click.style(place, bold=True)
            self.out.write(f"{place} {code} {f.message(lang)}\n")

    def finish(self) -> None:
        self.out.write(self.counts.closing(self.count, self.options.lang))
