"""``concise``: one line per finding, ``path:line:col: CODE message`` (as Ruff)."""

from __future__ import annotations

import click

from linter.engine import FileResult
from linter.reporters import FileCounts, Reporter, where

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
            place = f"{f.path}:{where(f)}:"
            if self.options.color:
                code = click.style(code, fg=LEVEL_COLORS.get(f.level, "red"), bold=True)
                place = click.style(place, bold=True)
            self.out.write(f"{place} {code} {f.message(lang)}\n")

    def finish(self) -> None:
        self.out.write(self.counts.closing(self.count, self.options.lang))
