"""``statistics``: the number of findings per rule, most frequent first (as Ruff's), and
how many reports they are in.

::

          5  XT002  table-not-recognised             warning        2/6 份报告（33%）
          1  PI002  no-improvement-measures          error          1/6 份报告（17%）

"46 AP005" may come from 2 reports; an inspector's 通报 says "2 of 500 reports", so each
line also gives the reports affected and their share of the reports checked.

Used as an output format (``--output-format statistics``) and by ``check
--statistics``, which prints the same lines after the main output (:class:`Statistics`).
Findings a baseline accepted are not counted.
"""

from __future__ import annotations

from collections.abc import Iterable

from linter.engine import FileResult
from linter.finding import LEVELS, Finding
from linter.reporters import Reporter


def share(part: int, whole: int) -> str:
    """``part`` of ``whole`` as a whole percentage (``33%``; ``<1%`` rather than a
    misleading ``0%`` for a few); ``-`` when ``whole`` is 0."""
    if not whole:
        return "-"
    pct = round(100 * part / whole)
    return "<1%" if part and not pct else f"{pct}%"


class Statistics:
    """Counts of findings per code, with the rule's name, the levels seen and the number
    of reports with at least one finding of the code."""

    def __init__(self) -> None:
        # code -> [name, levels seen, [findings, reports affected]]
        self._counts: dict[str, tuple[str, set[str], list[int]]] = {}
        # Reports counted (see ``add``): the denominator of the shares.
        self.reports = 0

    def add(self, findings: Iterable[Finding], *, report: bool = False) -> None:
        """Count one call's findings: one report's (``report=True`` counts the report
        itself) or the batch rules' (about reports counted before). A report is counted
        once per code however many findings of that code it has."""
        seen: set[tuple[str, str]] = set()
        for f in findings:
            entry = self._counts.get(f.code)
            if entry is None:
                entry = self._counts[f.code] = (f.name, set(), [0, 0])
            entry[1].add(f.level)
            entry[2][0] += 1
            if (f.code, f.path) not in seen:
                seen.add((f.code, f.path))
                entry[2][1] += 1
        if report:
            self.reports += 1

    def rows(self) -> list[tuple[str, str, str, int, int]]:
        """``(code, name, level, findings, reports affected)``, by findings descending
        then code.

        A rule whose findings have different levels (set per code in the configuration,
        or per finding by the rule) shows them all, most severe first: ``error,warning``.
        """
        rows = [
            (code, name, ",".join(lv for lv in LEVELS if lv in levels), count[0], count[1])
            for code, (name, levels, count) in self._counts.items()
        ]
        return sorted(rows, key=lambda r: (-r[3], r[0]))

    def render(self, lang: str = "zh") -> str:
        """One line per code (empty when there are no findings)."""
        lines = []
        for code, name, level, count, affected in self.rows():
            line = f"{count:>7}  {code}  {name:<32} {level}"
            if self.reports:
                pct = share(affected, self.reports)
                reports = (
                    f"{affected}/{self.reports} reports ({pct})"
                    if lang == "en"
                    else f"{affected}/{self.reports} 份报告（{pct}）"
                )
                line = f"{line:<64} {reports}"
            lines.append(line + "\n")
        return "".join(lines)


class StatisticsReporter(Reporter):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.statistics = Statistics()

    def file(self, result: FileResult) -> None:
        self.statistics.add(result.findings, report=True)

    def batch(self, findings, suppressed=None) -> None:
        self.statistics.add(findings)

    def finish(self) -> None:
        self.out.write(self.statistics.render(self.options.lang))
