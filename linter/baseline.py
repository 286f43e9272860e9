"""Baselines: accept the findings of an earlier run's SARIF log, report only new ones.

Findings are matched by their ``partialFingerprints`` (rule, sub-id, file, IR node —
not the values or the wording, so a re-run after a correction elsewhere still matches).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from linter.engine import FileResult
from linter.finding import Finding
from linter.reporters.sarif import FINGERPRINT_KEY, fingerprint


class BaselineError(Exception):
    pass


@dataclass(frozen=True)
class Baseline:
    path: Path
    fingerprints: frozenset[str]

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            log = json.loads(path.read_text(encoding="utf-8-sig"))
        except OSError as exc:
            raise BaselineError(f"{path}: cannot read the baseline: {exc.strerror}") from exc
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise BaselineError(f"{path}: the baseline is not a JSON SARIF log: {exc}") from exc
        if not isinstance(log, dict) or log.get("version") != "2.1.0" or "runs" not in log:
            raise BaselineError(f"{path}: the baseline is not a SARIF 2.1.0 log")
        prints = set()
        for run in log.get("runs") or []:
            for result in run.get("results") or []:
                value = (result.get("partialFingerprints") or {}).get(FINGERPRINT_KEY)
                if value and result.get("baselineState") != "absent":
                    prints.add(value)
        return cls(path, frozenset(prints))

    def split(self, findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
        """(new findings, findings accepted by the baseline)."""
        new, accepted = [], []
        for f in findings:
            (accepted if fingerprint(f) in self.fingerprints else new).append(f)
        return new, accepted

    def apply(self, result: FileResult) -> FileResult:
        new, accepted = self.split(result.findings)
        return FileResult(result.path, result.report, new, accepted, result.facts, result.skipped)
