"""``sarif``: a SARIF 2.1.0 log, one run per invocation, one artifact per report.

Locations: text and HTML regions are line/column in the file itself
(``columnKind: unicodeCodePoints``); DOCX regions point into the extracted text,
embedded as the artifact's ``contents`` unless ``--no-embed-text``. Every finding also
has a logical location (section / table / row / column). A file that cannot be read is
both an XT001 result and a ``toolExecutionNotification``.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

from linter import __version__
from linter.docs import DEFAULT_DOCS_URL, PROJECT_URL
from linter.document import Anchor
from linter.engine import FileResult
from linter.finding import Finding, Location
from linter.reporters import Reporter

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "gongkaiLint/v1"


def artifact_uri(path: str) -> str:
    """A relative, percent-encoded URI reference for a display path."""
    return quote(Path(path).as_posix(), safe="/")


def _region(anchor: Anchor) -> dict[str, int] | None:
    if anchor.line is None:
        return None
    region = {"startLine": anchor.line}
    if anchor.column is not None:
        region["startColumn"] = anchor.column
    if anchor.end_line is not None:
        region["endLine"] = anchor.end_line
    if anchor.end_column is not None:
        region["endColumn"] = anchor.end_column
    return region


def fingerprint(finding: Finding) -> str:
    """Stable across re-runs: the rule, its sub-id, the file and the IR node."""
    basis = "\x1f".join(
        [finding.code, finding.sub_id or "", finding.path, finding.location.logical or ""]
    )
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]


class SarifReporter(Reporter):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.rule_index = {r.code: i for i, r in enumerate(self.options.rules)}
        # Artifacts and results are spooled to temporary files as files complete, so
        # memory stays flat however large the batch (embedded DOCX text included).
        self._artifacts = _Spool()
        self._results = _Spool()
        self.index_of: dict[str, int] = {}
        self.notifications: list[dict[str, Any]] = []

    # --- building blocks ---------------------------------------------------------

    def _rule(self, rule) -> dict[str, Any]:
        lang = self.options.lang
        doc = (rule.__doc__ or "").strip()
        summary = rule.summary_en if lang == "en" else rule.summary_zh
        basis = rule.basis_en if lang == "en" else rule.basis_zh
        return {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": summary},
            "fullDescription": {
                "text": f"{summary}. {basis}" if lang == "en" else f"{summary}。依据：{basis}"
            },
            "help": {"text": doc},
            "helpUri": (self.options.docs_url or DEFAULT_DOCS_URL).rstrip("/") + f"/{rule.code}.md",
            "defaultConfiguration": {"level": rule.level},
            "properties": {
                "tags": [rule.family, *(f"edition-{e}" for e in rule.editions)],
                "basis": basis,
                "basisGrade": rule.grade,
            },
        }

    def _physical(self, location: Location, index: int, uri: str) -> dict[str, Any]:
        physical: dict[str, Any] = {
            "artifactLocation": {"uri": uri, "uriBaseId": "SRCROOT", "index": index}
        }
        if region := _region(location.anchor):
            physical["region"] = region
        return physical

    def _logical(self, location: Location) -> list[dict[str, Any]]:
        if not location.logical:
            return []
        lang = self.options.lang
        item: dict[str, Any] = {"fullyQualifiedName": location.logical, "kind": "element"}
        label = location.label_en if lang == "en" else location.label_zh
        if label:
            item["name"] = label
        a = location.anchor
        if a.table is not None:
            item["properties"] = {
                k: v for k, v in a.to_json().items() if k in ("table", "row", "cell")
            }
        return [item]

    def file(self, result: FileResult) -> None:
        report = result.report
        index = self._artifacts.count
        uri = artifact_uri(result.path)
        artifact: dict[str, Any] = {
            "location": {"uri": uri, "uriBaseId": "SRCROOT"},
            "length": report.source.size,
            "mimeType": report.source.media_type,
        }
        if report.source.sha256:
            artifact["hashes"] = {"sha-256": report.source.sha256}
        if report.source.encoding:
            artifact["encoding"] = report.source.encoding
        if report.extracted_text is not None and self.options.embed_text:
            artifact["contents"] = {"text": report.extracted_text}
        props: dict[str, Any] = {}
        for name, decided in (
            ("agency", report.agency),
            ("year", report.year),
            ("edition", report.edition),
        ):
            if decided.value is not None:
                props[name] = decided.value
        if props:
            artifact["properties"] = props
        self._artifacts.add(artifact)
        self.index_of[result.path] = index
        self._add_results(result.findings, result.suppressed, index, uri)

    def batch(self, findings: list[Finding], suppressed: list[Finding] | None = None) -> None:
        for f in findings:
            self._add_results([f], [], self.index_of.get(f.path, 0), artifact_uri(f.path))
        for f in suppressed or []:
            self._add_results([], [f], self.index_of.get(f.path, 0), artifact_uri(f.path))

    def _add_results(
        self, findings: list[Finding], suppressed_findings: list[Finding], index: int, uri: str
    ) -> None:
        lang = self.options.lang
        baseline = self.options.baseline is not None
        for f, suppressed in [(f, False) for f in findings] + [
            (f, True) for f in suppressed_findings
        ]:
            location: dict[str, Any] = {"physicalLocation": self._physical(f.location, index, uri)}
            if logical := self._logical(f.location):
                location["logicalLocations"] = logical
            res: dict[str, Any] = {
                "ruleId": f.code,
                "level": f.level,
                "message": {"text": f.message(lang)},
                "locations": [location],
                "partialFingerprints": {FINGERPRINT_KEY: fingerprint(f)},
            }
            if f.code in self.rule_index:
                res["ruleIndex"] = self.rule_index[f.code]
            if f.related:
                related = []
                for i, r in enumerate(f.related, start=1):
                    if r.path and r.path != f.path:
                        # In another report (cross-year rules): that report's artifact.
                        other = self._physical(
                            r, self.index_of.get(r.path, -1), artifact_uri(r.path)
                        )
                        if r.path not in self.index_of:
                            del other["artifactLocation"]["index"]
                    else:
                        other = self._physical(r, index, uri)
                    item: dict[str, Any] = {"id": i, "physicalLocation": other}
                    label = r.label_en if lang == "en" else r.label_zh
                    if label:
                        item["message"] = {"text": label}
                    if logical := self._logical(r):
                        item["logicalLocations"] = logical
                    related.append(item)
                res["relatedLocations"] = related
            properties: dict[str, Any] = {}
            if f.sub_id:
                properties["subId"] = f.sub_id
            if f.expected is not None:
                properties["expected"] = f.expected
            if f.reported is not None:
                properties["reported"] = f.reported
            if properties:
                res["properties"] = properties
            if baseline:
                res["baselineState"] = "unchanged" if suppressed else "new"
            if suppressed:
                res["suppressions"] = [
                    {
                        "kind": "external",
                        "status": "accepted",
                        "justification": "accepted in the baseline " + str(self.options.baseline),
                    }
                ]
            self._results.add(res)
            if f.tool_failure:
                self.notifications.append(
                    {
                        "level": "error",
                        "message": {"text": f.message(lang)},
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": {
                                        "uri": uri,
                                        "uriBaseId": "SRCROOT",
                                        "index": index,
                                    }
                                }
                            }
                        ],
                        "descriptor": {"id": f.code},
                        **(
                            {"associatedRule": {"id": f.code, "index": self.rule_index[f.code]}}
                            if f.code in self.rule_index
                            else {}
                        ),
                    }
                )

    def build(self) -> dict[str, Any]:
        root = self.options.root.resolve().as_uri().rstrip("/") + "/"
        invocation: dict[str, Any] = {"executionSuccessful": True}
        notifications = list(self.notifications)
        for problem in self.options.plugin_problems:
            notifications.append({"level": "warning", "message": {"text": problem}})
        if notifications:
            invocation["toolExecutionNotifications"] = notifications
        return {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "gongkai-lint",
                            "informationUri": PROJECT_URL,
                            "version": __version__,
                            "semanticVersion": __version__,
                            "language": "en-US" if self.options.lang == "en" else "zh-CN",
                            "rules": [self._rule(r) for r in self.options.rules],
                        }
                    },
                    "originalUriBaseIds": {"SRCROOT": {"uri": root}},
                    "invocations": [invocation],
                    "artifacts": _ARTIFACTS,
                    "results": _RESULTS,
                    "columnKind": "unicodeCodePoints",
                }
            ],
        }

    def finish(self) -> None:
        skeleton = json.dumps(self.build(), ensure_ascii=False, indent=2)
        head, rest = skeleton.split(json.dumps(_ARTIFACTS), 1)
        middle, tail = rest.split(json.dumps(_RESULTS), 1)
        self.out.write(head)
        self._artifacts.copy_array_to(self.out)
        self.out.write(middle)
        self._results.copy_array_to(self.out)
        self.out.write(tail)
        self.out.write("\n")


# Placeholders spliced with the spooled arrays when the log is written.
_ARTIFACTS = "\u0000gongkai-lint:artifacts\u0000"
_RESULTS = "\u0000gongkai-lint:results\u0000"


class _Spool:
    """A JSON array written item by item to a temporary file."""

    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile("w+", encoding="utf-8")
        self.count = 0

    def add(self, item: dict[str, Any]) -> None:
        if self.count:
            self.file.write(",")
        self.file.write(json.dumps(item, ensure_ascii=False))
        self.count += 1

    def copy_array_to(self, out) -> None:
        self.file.seek(0)
        out.write("[")
        while chunk := self.file.read(1 << 16):
            out.write(chunk)
        out.write("]")
        self.file.close()
