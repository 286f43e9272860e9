"""``statistics``: the number of findings per rule, most frequent first (as Ruff's).

::

          5  XT002  table-not-recognised             warning
          1  PI002  no-improvement-measures          error

Used as an output format (``--output-format statistics``) and by ``check
--statistics``, which prints the same lines after the main output (:class:`Statistics`).
Findings a baseline accepted are not counted.
"""

from __future__ import annotations

from collections.abc import Iterable

from linter.engine import FileResult
from linter.finding import LEVELS, Finding
from linter.reporters import Reporter


class Statistics:
    """Counts of findings per code, with the rule's name and the levels seen."""

    def __init__(self) -> None:
        # code -> [name, levels seen, count]
        self._counts: dict[str, tuple[str, set[str], list[int]]] = {}

    def add(self, findings: Iterable[Finding]) -> None:
        for f in findings:
            entry = self._counts.get(f.code)
            if entry is None:
                entry = self._counts[f.code] = (f.name, set(), [0])
            entry[1].add(f.level)
            entry[2][0] += 1

    def rows(self) -> list[tuple[str, str, str, int]]:
        """``(code, name, level, count)``, by count descending then code.

        A rule whose findings have different levels (set per code in the configuration,
        or per finding by the rule) shows them all, most severe first: ``error,warning``.
        """
        rows = [
            (code, name, ",".join(lv for lv in LEVELS if lv in levels), count[0])
            for code, (name, levels, count) in self._counts.items()
        ]
        return sorted(rows, key=lambda r: (-r[3], r[0]))

    def render(self) -> str:
        """One line per code (empty when there are no findings)."""
        return "".join(
            f"{count:>7}  {code}  {name:<32} {level}\n" for code, name, level, count in self.rows()
        )


class StatisticsReporter(Reporter):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.statistics = Statistics()

    def file(self, result: FileResult) -> None:
        self.statistics.add(result.findings)

    def batch(self, findings, suppressed=None) -> None:
        self.statistics.add(findings)

    def finish(self) -> None:
        self.out.write(self.statistics.render())
