"""Baselines: accept the findings of an earlier run's SARIF log, report only new ones.

Findings are matched by their ``partialFingerprints`` (see :mod:`linter.fingerprint`:
the report's identity, the rule, the logical place and an occurrence index — not the
path, the working folder, line numbers, values or wording), and counted: each
result of the log accepts one finding, so three accepted findings do not hide a fourth. Logs
written before fingerprints v2 (``gongkaiLint/v1``: rule, sub-id, path, IR node) are
still read and matched the old way.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from linter.engine import FileResult
from linter.finding import Finding
from linter.fingerprint import (
    FINGERPRINT_KEY,
    LEGACY_FINGERPRINT_KEY,
    PATH_FINGERPRINT_KEY,
    fingerprint_sets,
    legacy_fingerprint,
    path_identity,
    report_identity,
)
from linter.project import Project


class BaselineError(Exception):
    pass


# A baseline is an earlier run's SARIF log: large for big batches, never gigabytes.
MAX_BASELINE_BYTES = 1 << 30
MAX_DEPTH = 64


class Baseline:
    """The results of a SARIF log, each accepting one finding, used up as findings match.

    A finding matches a result with its fingerprint (report identity), else one with its
    path fingerprint (same place in the file at the same project-relative path), else —
    logs written before v2 — one with its legacy fingerprint.
    """

    def __init__(self, path: Path, entries: list[dict[str, str]], project: Project | None = None):
        self.path = path
        self.project = project
        self.count = len(entries)
        self._used = [False] * len(entries)
        self._by: dict[str, dict[str, list[int]]] = {
            key: {} for key in (FINGERPRINT_KEY, PATH_FINGERPRINT_KEY, LEGACY_FINGERPRINT_KEY)
        }
        for i, entry in enumerate(entries):
            for key, index in self._by.items():
                if (value := entry.get(key)) is not None:
                    index.setdefault(value, []).append(i)
        # display path -> (identity, path identity), recorded as files are applied.
        self.identities: dict[str, tuple[str, str]] = {}

    @classmethod
    def load(cls, path: Path, project: Project | None = None) -> Baseline:
        from linter.safejson import JsonLimitError, loads
        from linter.schema import schema_errors

        try:
            size = path.stat().st_size
            if size > MAX_BASELINE_BYTES:
                raise BaselineError(
                    f"{path}: the baseline is {size:,} bytes, over the limit of "
                    f"{MAX_BASELINE_BYTES:,} bytes"
                )
            log = loads(path.read_bytes(), max_depth=MAX_DEPTH)
        except OSError as exc:
            raise BaselineError(f"{path}: cannot read the baseline: {exc.strerror}") from exc
        except JsonLimitError as exc:
            raise BaselineError(f"{path}: the baseline is not a usable SARIF log: {exc}") from exc
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise BaselineError(f"{path}: the baseline is not a JSON SARIF log: {exc}") from exc
        if not isinstance(log, dict) or log.get("version") != "2.1.0" or "runs" not in log:
            raise BaselineError(f"{path}: the baseline is not a SARIF 2.1.0 log")
        errors = schema_errors("baseline.schema.json", log)
        if errors:
            more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
            raise BaselineError(
                f"{path}: the baseline is not a usable SARIF log: {errors[0]}{more}"
            )
        entries: list[dict[str, str]] = []
        for run in log.get("runs") or []:
            for result in (run or {}).get("results") or []:
                if not isinstance(result, dict) or result.get("baselineState") == "absent":
                    continue
                prints = result.get("partialFingerprints") or {}
                if isinstance(prints, dict):
                    entry = {k: v for k, v in prints.items() if isinstance(v, str)}
                    if entry:
                        entries.append(entry)
        return cls(path, entries, project)

    def _take(self, key: str, value: str) -> bool:
        for i in self._by[key].get(value, ()):
            if not self._used[i]:
                self._used[i] = True
                return True
        return False

    def _identities(self, result: FileResult) -> tuple[str, str]:
        relative = self.project.relative(result.path) if self.project else None
        if relative is None:
            relative = Path(result.path).as_posix()
        return report_identity(result.report, relative), path_identity(relative)

    def split(
        self, findings: Iterable[Finding], identities: tuple[str, str] | None = None
    ) -> tuple[list[Finding], list[Finding]]:
        """(new findings, findings accepted by the baseline). Without ``identities`` the
        findings are grouped by report, with the identities of the files applied so far
        (batch findings)."""
        items = list(findings)
        if identities is None:
            groups: dict[str, list[Finding]] = {}
            for f in items:
                groups.setdefault(f.path, []).append(f)
            new: list[Finding] = []
            accepted: list[Finding] = []
            for path, group in groups.items():
                fallback = path_identity(path)
                n, a = self.split(group, self.identities.get(path, (fallback, fallback)))
                new += n
                accepted += a
            return new, accepted
        new, accepted = [], []
        prints = fingerprint_sets(items, identities)
        for f, (value, path_value) in zip(items, prints, strict=True):
            if (
                self._take(FINGERPRINT_KEY, value)
                or self._take(PATH_FINGERPRINT_KEY, path_value)
                or self._take(LEGACY_FINGERPRINT_KEY, legacy_fingerprint(f))
            ):
                accepted.append(f)
            else:
                new.append(f)
        return new, accepted

    def apply(self, result: FileResult) -> FileResult:
        identities = self._identities(result)
        self.identities[result.path] = identities
        new, accepted = self.split(result.findings, identities)
        return FileResult(result.path, result.report, new, accepted, result.facts, result.skipped)
