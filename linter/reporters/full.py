"""``full``: each finding with its place as printed, the cells involved and the legal basis.

::

    x.txt:378:2: RL101 [error] group-total
      第四部分“行政复议”：结果维持（2） + … = 2，但总计填写 0（…）；请核对该组各项。
      位置：第四部分 行政复议 / 总计 [四/review/total]
      相关位置：
        374:2  第四部分 行政复议 / 结果维持
        …
      应为：2；报告填写：0
      依据：…
      说明：https://…/RL101.md

Written as each file completes; the last line counts the files and findings.
"""

from __future__ import annotations

from dataclasses import replace

from linter.docs import DEFAULT_DOCS_URL
from linter.engine import FileResult
from linter.finding import Finding, Location
from linter.reporters import FileCounts, Reporter, logical_place, where
from linter.reporters.summary import terminal_safe

_WORDS = {
    "zh": {
        "at": "位置：",
        "related": "相关位置：",
        "expected": "应为：",
        "reported": "报告填写：",
        "sep": "；",
        "basis": "依据：",
        "docs": "说明：",
    },
    "en": {
        "at": "at: ",
        "related": "related:",
        "expected": "expected: ",
        "reported": "reported: ",
        "sep": "; ",
        "basis": "basis: ",
        "docs": "docs: ",
    },
}


def _number(value: float | int) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


class FullReporter(Reporter):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.rules = {r.code: r for r in self.options.rules}
        self.count = 0
        self.files = 0
        self.counts = FileCounts()

    def file(self, result: FileResult) -> None:
        self.files += 1
        self.counts.add(result)
        self._write(result.findings)

    def batch(self, findings, suppressed=None) -> None:
        self._write(findings)

    def _label(self, location: Location) -> str | None:
        return location.label_en if self.options.lang == "en" else location.label_zh

    def _write(self, findings: list[Finding]) -> None:
        for f in findings:
            self.count += 1
            self.out.write(self.render(f) + "\n")

    def render(self, f: Finding) -> str:
        """The lines of one finding, ending with an empty line."""
        lang = self.options.lang
        words = _WORDS["en" if lang == "en" else "zh"]
        cell = logical_place(f.location, lang)
        spot = f"{cell}:{where(f)}" if cell else where(f)
        lines = [terminal_safe(f"{f.path}:{spot}: {f.code} [{f.level}] {f.name}")]
        lines += ["  " + terminal_safe(line) for line in f.message(lang).splitlines()]
        label = self._label(f.location)
        if label or f.location.logical:
            place = " ".join(
                p for p in (label, f"[{f.location.logical}]" if f.location.logical else None) if p
            )
            lines.append(f"  {words['at']}{terminal_safe(place)}")
        if f.related:
            lines.append(f"  {words['related']}")
            for r in f.related:
                spot = where(replace(f, location=r))
                if r.path and r.path != f.path:
                    spot = f"{r.path}:{spot}"
                lines.append(
                    terminal_safe(f"    {spot}  {self._label(r) or r.logical or ''}".rstrip())
                )
        values = []
        if f.expected is not None:
            values.append(words["expected"] + _number(f.expected))
        if f.reported is not None:
            values.append(words["reported"] + _number(f.reported))
        if values:
            lines.append("  " + words["sep"].join(values))
        rule = self.rules.get(f.code)
        if rule is not None:
            lines.append(f"  {words['basis']}{rule.basis_en if lang == 'en' else rule.basis_zh}")
            base = (self.options.docs_url or DEFAULT_DOCS_URL).rstrip("/")
            lines.append(f"  {words['docs']}{base}/{f.code}.md")
        return "\n".join(lines) + "\n"

    def finish(self) -> None:
        self.out.write(self.counts.closing(self.count, self.options.lang))
