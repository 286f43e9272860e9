"""``sarif``: a SARIF 2.1.0 log, one run per invocation, one artifact per report.

Locations: text and HTML regions are line/column in the file itself
(``columnKind: unicodeCodePoints``); DOCX regions point into the extracted text,
embedded as the artifact's ``contents`` unless ``--no-embed-text``. Every finding also
has a logical location (section / table / row / column). A file that cannot be read is
both an XT001 result and a ``toolExecutionNotification``.

Size (a national batch is hundreds of thousands of reports): results, artifacts and
notifications are compact JSON; a region leaves out ``endLine`` when it is ``startLine``
(its default, SARIF 2.1.0 §3.30.7); each distinct logical location is written once, in
``run.logicalLocations``, and results refer to it by ``index`` (§3.33.3). Related
locations (the cells of a sum …) are listed only with ``--sarif-related-locations``:
GitHub code scanning and VS Code's SARIF viewer show a related location only where the
message links to it, which ours do not, and they were three quarters of a batch's log.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from collections.abc import MutableMapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from linter import __version__
from linter.docs import DEFAULT_DOCS_URL, PROJECT_URL, render_page
from linter.document import Anchor
from linter.engine import NOT_CHECKED_AS_REPORT, FileResult
from linter.factstore import SpillDict
from linter.finding import Finding, Location
from linter.fingerprint import (
    FINGERPRINT_KEY,
    PATH_FINGERPRINT_KEY,
    fingerprint_sets,
    path_identity,
    report_identity,
)
from linter.output import ERRORS, path_uri
from linter.project import Project, find_project_root
from linter.reporters import Reporter

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# The base of every artifact URI: the project root (GitHub: the repository root).
SRCROOT = "%SRCROOT%"
# Related locations listed per result (--sarif-related-locations); the rest are counted
# in the message. An identity over a whole table column relates every cell: a
# 500-report batch listed them all in 38 MB of a 50 MB log.
MAX_RELATED = 20
# Distinct logical locations kept in run.logicalLocations (a few hundred per layout of
# the tables); past that, a logical location is written out in the result instead, so
# memory stays bounded however varied a batch is.
MAX_LOGICAL = 1 << 15
# GitHub code scanning rejects a run with more results than this (and shows the first
# 5,000 by severity): https://docs.github.com/en/code-security/code-scanning/
# troubleshooting-sarif-uploads/results-exceed-limit
GITHUB_MAX_RESULTS = 25_000
# GitHub's severity words for results that are not security alerts.
PROBLEM_SEVERITY = {"error": "error", "warning": "warning", "note": "recommendation"}


def artifact_uri(path: str) -> str:
    """A relative, percent-encoded URI reference for a path relative to the root (byte
    by byte, so a file name that is not UTF-8 round-trips)."""
    return path_uri(Path(path).as_posix())


# One encoder for the run: json.dumps with options builds a new one for every call.
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def compact_json(item: Any) -> str:
    """JSON without the spaces after ``,`` and ``:`` (a tenth of a log)."""
    return _COMPACT.encode(item)


# A string as compact_json writes it (the encoder's own function, in C where it can be).
_text = json.encoder.encode_basestring


def _region(anchor: Anchor) -> dict[str, int]:
    """A region with a start and an end column; ``endLine`` only when the region ends on
    another line (absent, it is ``startLine``: SARIF 2.1.0 §3.30.7, as GitHub and the
    VS Code viewer read it). A whole-file finding points at line 1."""
    if anchor.line is None:
        return {"startLine": 1, "startColumn": 1, "endColumn": 1}
    column = anchor.column or 1
    region = {"startLine": anchor.line, "startColumn": column}
    if anchor.end_line is not None and anchor.end_column is not None:
        if anchor.end_line != anchor.line:
            region["endLine"] = anchor.end_line
        region["endColumn"] = anchor.end_column
    else:
        # A reader that knows only where the thing starts: one character, rather than
        # (the SARIF default) the rest of a line that may hold a whole HTML page.
        region["endColumn"] = column + 1
    return region


def _region_json(anchor: Anchor) -> str:
    """compact_json of :func:`_region` (every value an int), written directly: a result
    is written per finding."""
    line = anchor.line
    if line is None:
        return '{"startLine":1,"startColumn":1,"endColumn":1}'
    column = anchor.column or 1
    end_line, end_column = anchor.end_line, anchor.end_column
    if end_line is None or end_column is None:
        end_column = column + 1
    elif end_line != line:
        return (
            f'{{"startLine":{line},"startColumn":{column},'
            f'"endLine":{end_line},"endColumn":{end_column}}}'
        )
    return f'{{"startLine":{line},"startColumn":{column},"endColumn":{end_column}}}'


def _properties(f: Finding) -> dict[str, Any]:
    """A result's ``properties`` (empty: none)."""
    properties: dict[str, Any] = {}
    if f.sub_id:
        properties["subId"] = f.sub_id
    if f.expected is not None:
        properties["expected"] = f.expected
    if f.reported is not None:
        properties["reported"] = f.reported
    anchor = f.location.anchor
    if anchor.page is not None:
        # PDF: where on which page, so a viewer can highlight it (points, top left).
        properties["page"] = anchor.page
        if anchor.bbox is not None:
            properties["bbox"] = list(anchor.bbox)
    return properties


def _flat_object(item: dict[str, Any]) -> str:
    """compact_json of a dict whose keys are plain words and whose values are strings,
    numbers or lists of them, written without the encoder's walk."""
    parts = []
    for key, value in item.items():
        kind = type(value)
        if kind is str:
            parts.append(f'"{key}":{_text(value)}')
        elif kind is int:
            parts.append(f'"{key}":{int.__repr__(value)}')
        else:
            parts.append(f'"{key}":{_COMPACT.encode(value)}')
    return "{" + ",".join(parts) + "}"


def skip_notifications(
    result: FileResult,
    artifact_location: dict[str, Any],
    index: int,
    rule_index: dict[str, int],
    lang: str,
) -> list[dict[str, Any]]:
    """One ``toolExecutionNotification`` per rule that could not check this report (a
    Skip: no publication date, issuer kind unknown …), naming the report and the rule, so
    that a check not done never reads as a pass."""
    out = []
    skipped = list(result.skipped)
    for f in result.findings:
        if f.code in NOT_CHECKED_AS_REPORT:
            # Not a report, or one before the formats: no rule but this one looked at it.
            skipped.append((f.code, f.message_zh, f.message_en))
    for code, reason_zh, reason_en in skipped:
        text = (
            f"{code} could not check this report: {reason_en}"
            if lang == "en"
            else f"{code} 未能检查该报告：{reason_zh}"
        )
        rule: dict[str, Any] = {"id": code}
        if code in rule_index:
            rule["index"] = rule_index[code]
        out.append(
            {
                "level": "warning",
                "message": {"text": text},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {**artifact_location, "index": index},
                            # The whole report: its start, as whole-file results point.
                            "region": _region(Anchor()),
                        }
                    }
                ],
                "associatedRule": rule,
                "properties": {"kind": "rule-skipped"},
            }
        )
    return out


@dataclass
class Fragment:
    """One file's part of the log, rendered in the worker that linted it: JSON text,
    not objects, so what crosses to the parent is a few strings and the parent only
    splices them in input order. The artifact's index is a placeholder until then, and
    the results' logical locations are indexes into ``logical`` (this file's own table)
    until the parent maps them into the run's."""

    artifact: str
    results: str  # the file's results, comma-separated JSON objects
    count: int
    notifications: str  # the file's notifications, comma-separated JSON objects
    identities: tuple[str, str]
    outside_root: bool
    logical: list[str] = field(default_factory=list)  # JSON of each logical location
    notification_count: int = 0


# Stands for the artifact's index in a fragment until the parent knows it (no batch
# holds two billion files; negative would mean "no index" to _physical).
_INDEX_MARK = 1_999_999_999
_INDEX_MARK_TEXT = f'"index":{_INDEX_MARK}'
# A logical location by index, as compact_json writes it. Text a report supplies is
# always inside a JSON string, where every quote is escaped: this matches only the
# log's own structure.
_LOGICAL_REF = re.compile(r'"logicalLocations":\[\{"index":(\d+)\}\]')


class SarifReporter(Reporter):
    # Files' SARIF can be rendered in the workers (see Fragment and linter.batch).
    renders_in_workers = True

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.rule_index = {r.code: i for i, r in enumerate(self.options.rules)}
        # Artifacts and results are spooled to temporary files as files complete, so
        # memory stays flat however large the batch (embedded DOCX text included).
        # A worker rendering fragments collects one file's JSON in memory instead.
        fragments = self.out is None
        self._artifacts = _Collector() if fragments else _Spool()
        self._results = _Collector() if fragments else _Spool()
        # A notification per rule that could not check a report: most reports of a
        # batch without publication dates have one, so they are spooled too.
        self._notifications = _Collector() if fragments else _Spool()
        # Per file until the end of the run (batch findings point into any file): in
        # the parent, kept in SQLite (SpillDict), not in memory.
        self.index_of: MutableMapping[str, int] = {} if fragments else SpillDict()
        root = self.options.project_root or find_project_root(cwd=self.options.root)
        self.project = Project.at(root, self.options.root)
        # display path -> (report identity, path identity), for batch findings.
        self.identities: MutableMapping[str, tuple[str, str]] = {} if fragments else SpillDict()
        self.outside_root: list[str] = []
        # display path -> its artifactLocation (without the index).
        self._locations: dict[str, tuple[dict[str, Any], str]] = {}
        # run.logicalLocations: each distinct one's JSON -> its index (in a worker, the
        # file's own table, mapped into the run's by the parent).
        self._logical_index: dict[str, int] = {}
        self._logical_items: list[str] = []
        # (logical, label, table, row, cell) -> that logical location's JSON.
        self._logical_json: dict[tuple, str] = {}

    def _artifact_location(self, path: str) -> dict[str, Any]:
        """``uri`` relative to the project root with ``uriBaseId``; a ``file:`` URI for
        a file outside the root (said once on standard error)."""
        # Every result and related location names its file: work the URI out once.
        return dict(self._located(path)[0])

    def _located(self, path: str) -> tuple[dict[str, Any], str]:
        known = self._locations.get(path)
        if known is None:
            if len(self._locations) > 4096:  # results come file by file: memory stays flat
                self._locations.clear()
            known = self._locations[path] = self._locate(path)
        return known

    def _locate(self, path: str) -> tuple[dict[str, Any], str]:
        """The artifactLocation and the path relative to the root (absolute, POSIX,
        when outside it: what the path identity is made of)."""
        relative = self.project.relative(path)
        if relative is not None:
            return {"uri": artifact_uri(relative), "uriBaseId": SRCROOT}, relative
        if path not in self.outside_root:
            self.outside_root.append(path)
        absolute = self.project.absolute(path)
        return {"uri": absolute.as_uri()}, absolute.as_posix()

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
            # The rule's page (docs/rules/CODE.md): GitHub shows it beside each alert.
            "help": {"text": doc, "markdown": render_page(rule)},
            "helpUri": (self.options.docs_url or DEFAULT_DOCS_URL).rstrip("/") + f"/{rule.code}.md",
            "defaultConfiguration": {"level": rule.level},
            "properties": {
                "tags": [rule.family, *(f"edition-{e}" for e in rule.editions)],
                "precision": rule.precision,
                "problem.severity": PROBLEM_SEVERITY[rule.level],
                "basis": basis,
                "basisGrade": rule.grade,
            },
        }

    def _physical(self, location: Location, index: int, path: str) -> dict[str, Any]:
        artifact = self._artifact_location(path)
        if index >= 0:
            artifact["index"] = index
        return {"artifactLocation": artifact, "region": _region(location.anchor)}

    def _automation_id(self) -> str:
        """``gongkai-lint/<category>/``: GitHub keeps one set of alerts per category."""
        category = (self.options.sarif_category or "").strip("/")
        return f"gongkai-lint/{category}/" if category else "gongkai-lint/"

    def _baseline_name(self) -> str:
        """The baseline file relative to the project root (its name when outside)."""
        baseline = Path(self.options.baseline or "")
        relative = self.project.relative(str(baseline.resolve()))
        return relative if relative is not None else baseline.name

    def _logical(self, location: Location) -> list[dict[str, Any]]:
        """The location's logical location: a reference to its entry in
        ``run.logicalLocations`` (the same cells recur in every report)."""
        entry = self._logical_entry(location)
        if entry is None:
            return []
        text, index = entry
        return [json.loads(text) if index is None else {"index": index}]

    def _logical_text(self, location: Location) -> str:
        """:meth:`_logical`'s one item as compact JSON ("": none)."""
        entry = self._logical_entry(location)
        if entry is None:
            return ""
        text, index = entry
        return text if index is None else f'{{"index":{index}}}'

    def _logical_entry(self, location: Location) -> tuple[str, int | None] | None:
        """The location's logical location as compact JSON, and its index in
        ``run.logicalLocations`` (None: the table is full; None for no location)."""
        if not location.logical:
            return None
        lang = self.options.lang
        label = location.label_en if lang == "en" else location.label_zh
        a = location.anchor
        # The same few hundred places recur in every report: each one's JSON is made
        # once (kept across the files a worker renders), not once per finding.
        key = (location.logical, label, a.table, a.row, a.cell)
        text = self._logical_json.get(key)
        if text is None:
            item: dict[str, Any] = {"fullyQualifiedName": location.logical, "kind": "element"}
            if label:
                item["name"] = label
            if a.table is not None:
                item["properties"] = {
                    k: v for k, v in a.to_json().items() if k in ("table", "row", "cell")
                }
            text = compact_json(item)
            if len(self._logical_json) >= MAX_LOGICAL:
                self._logical_json.clear()
            self._logical_json[key] = text
        return text, self._logical_ref(text)

    def _logical_ref(self, text: str) -> int | None:
        """The index in run.logicalLocations of the logical location ``text`` (added if
        new); None when the table is full and the location is written out in place."""
        index = self._logical_index.get(text)
        if index is None:
            if len(self._logical_items) >= MAX_LOGICAL:
                return None
            index = self._logical_index[text] = len(self._logical_items)
            self._logical_items.append(text)
        return index

    @classmethod
    def worker_renderer(cls, options) -> SarifReporter:
        """What a worker renders fragments with (:meth:`fragment`): the same reporter,
        without an output stream or anything of the run's that cannot be pickled."""
        return cls(None, replace(options, staging=None, output_path=None))  # type: ignore[arg-type]

    def fragment(self, result: FileResult) -> Fragment:
        """This file's artifact and results as JSON text (in a worker)."""
        self._artifacts.reset()
        self._results.reset()
        self._notifications.reset()
        self.outside_root = []
        self.index_of = {}
        self._logical_index = {}
        self._logical_items = []
        self._file(result, _INDEX_MARK)  # file() puts the real index in
        return Fragment(
            self._artifacts.text(),
            self._results.text(),
            self._results.count,
            self._notifications.text(),
            self.identities.pop(result.path),
            bool(self.outside_root),
            self._logical_items,
            self._notifications.count,
        )

    def file(self, result: FileResult) -> None:
        fragment = getattr(result, "rendered", None)
        if isinstance(fragment, Fragment):
            index = self._artifacts.count
            mark, real = _INDEX_MARK_TEXT, f'"index":{index}'
            self._artifacts.add_text(fragment.artifact)
            self.index_of[result.path] = index
            self.identities[result.path] = fragment.identities
            if fragment.count:
                results = fragment.results.replace(mark, real)
                if fragment.logical:
                    results = self._map_logical(results, fragment.logical)
                self._results.add_text(results, fragment.count)
            if fragment.notification_count:
                notes = fragment.notifications.replace(mark, real)
                self._notifications.add_text(notes, fragment.notification_count)
            if fragment.outside_root and result.path not in self.outside_root:
                self.outside_root.append(result.path)
            return
        self._file(result, self._artifacts.count)

    def _map_logical(self, results: str, local: list[str]) -> str:
        """A fragment's results with its logical locations' indexes (into the file's own
        table, ``local``) turned into the run's."""
        run_index = [self._logical_ref(text) for text in local]

        def ref(match: re.Match) -> str:
            k = int(match.group(1))
            i = run_index[k]
            item = local[k] if i is None else f'{{"index":{i}}}'
            return f'"logicalLocations":[{item}]'

        return _LOGICAL_REF.sub(ref, results)

    def _file(self, result: FileResult, index: int) -> None:
        report = result.report
        artifact: dict[str, Any] = {
            "location": self._artifact_location(result.path),
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
        relative = self._located(result.path)[1]
        identities = (report_identity(report, relative), path_identity(relative))
        self.identities[result.path] = identities
        self._add_results(result.findings, result.suppressed, identities)
        for note in skip_notifications(
            result, self._artifact_location(result.path), index, self.rule_index, self.options.lang
        ):
            self._notifications.add(note)

    def batch(self, findings: list[Finding], suppressed: list[Finding] | None = None) -> None:
        # Grouped by report, as the baseline groups them (occurrence indexes).
        groups: dict[str, tuple[list[Finding], list[Finding]]] = {}
        for f in findings:
            groups.setdefault(f.path, ([], []))[0].append(f)
        for f in suppressed or []:
            groups.setdefault(f.path, ([], []))[1].append(f)
        for path, (new, accepted) in groups.items():
            fallback = path_identity(path)
            self._add_results(new, accepted, self.identities.get(path, (fallback, fallback)))

    def _add_results(
        self,
        findings: list[Finding],
        suppressed_findings: list[Finding],
        identities: tuple[str, str],
    ) -> None:
        lang = self.options.lang
        baseline = self.options.baseline is not None
        pairs = [(f, False) for f in findings] + [(f, True) for f in suppressed_findings]
        everything = [f for f, _ in pairs]
        prints = fingerprint_sets(everything, identities)
        listed = self.options.sarif_related
        artifacts: dict[str, str] = {}  # path -> its artifactLocation's JSON, in this call
        for (f, suppressed), (value, path_value) in zip(pairs, prints, strict=True):
            if not (suppressed or baseline or (listed and f.related) or f.tool_failure):
                # Most results: their JSON written straight from the finding.
                artifact = artifacts.get(f.path)
                if artifact is None:
                    artifact = artifacts[f.path] = compact_json(self._indexed_location(f.path))
                self._results.add_text(self._result_json(f, artifact, value, path_value, lang))
                continue
            self._results.add(self._result(f, suppressed, value, path_value, lang))
            if f.tool_failure:
                index = self.index_of.get(f.path, -1)
                self._notifications.add(
                    {
                        "level": "error",
                        "message": {"text": f.message(lang)},
                        "locations": [
                            {"physicalLocation": self._physical(f.location, index, f.path)}
                        ],
                        "descriptor": {"id": f.code},
                        **(
                            {"associatedRule": {"id": f.code, "index": self.rule_index[f.code]}}
                            if f.code in self.rule_index
                            else {}
                        ),
                    }
                )

    def _indexed_location(self, path: str) -> dict[str, Any]:
        """The file's artifactLocation with its index (as :meth:`_physical` writes it)."""
        artifact = self._artifact_location(path)
        index = self.index_of.get(path, -1)
        if index >= 0:
            artifact["index"] = index
        return artifact

    def _result(
        self, f: Finding, suppressed: bool, value: str, path_value: str, lang: str
    ) -> dict[str, Any]:
        """A result as a dict: every case (related locations listed, a baseline's
        suppressions and states); :meth:`_result_json` writes the usual ones faster."""
        baseline = self.options.baseline is not None
        index = self.index_of.get(f.path, -1)
        path = f.path
        location: dict[str, Any] = {"physicalLocation": self._physical(f.location, index, path)}
        if logical := self._logical(f.location):
            location["logicalLocations"] = logical
        res: dict[str, Any] = {
            "ruleId": f.code,
            "level": f.level,
            "message": {"text": f.message(lang)},
            "locations": [location],
            "partialFingerprints": {
                FINGERPRINT_KEY: value,
                PATH_FINGERPRINT_KEY: path_value,
            },
        }
        if f.code in self.rule_index:
            res["ruleIndex"] = self.rule_index[f.code]
        if f.related and self.options.sarif_related:
            related = []
            for i, r in enumerate(f.related[:MAX_RELATED], start=1):
                if r.path and r.path != f.path:
                    # In another report (cross-year rules): that report's artifact.
                    other = self._physical(r, self.index_of.get(r.path, -1), r.path)
                else:
                    other = self._physical(r, index, path)
                label = r.label_en if lang == "en" else r.label_zh
                # GitHub rejects a log with a related location without a message.
                item: dict[str, Any] = {
                    "id": i,
                    "physicalLocation": other,
                    "message": {"text": label or r.logical or ""},
                }
                if logical := self._logical(r):
                    item["logicalLocations"] = logical
                related.append(item)
            res["relatedLocations"] = related
            if len(f.related) > MAX_RELATED:
                more = len(f.related) - MAX_RELATED
                res["message"]["text"] += (
                    f" ({more} more related locations not listed)"
                    if lang == "en"
                    else f"（另有 {more} 处相关位置未列出）"
                )
        if properties := _properties(f):
            res["properties"] = properties
        if baseline:
            res["baselineState"] = "unchanged" if suppressed else "new"
        if suppressed:
            res["suppressions"] = [
                {
                    "kind": "external",
                    "status": "accepted",
                    "justification": "accepted in the baseline " + self._baseline_name(),
                }
            ]
        return res

    def _result_json(
        self, f: Finding, artifact: str, value: str, path_value: str, lang: str
    ) -> str:
        """A result's JSON, as compact_json writes the dict :meth:`_add_results` builds for
        a finding without related locations listed, suppression or baseline state (most
        of a log: written straight from the finding, no dict made and walked)."""
        text = _text
        # (one logical location: a reference into run.logicalLocations, or written out)
        logical = self._logical_text(f.location)
        logical_json = f',"logicalLocations":[{logical}]' if logical else ""
        tail = ""
        rule_index = self.rule_index.get(f.code)
        if rule_index is not None:
            tail = f',"ruleIndex":{rule_index}'
        if properties := _properties(f):
            tail += ',"properties":' + _flat_object(properties)
        return (
            f'{{"ruleId":{text(f.code)},"level":{text(f.level)},'
            f'"message":{{"text":{text(f.message(lang))}}},'
            f'"locations":[{{"physicalLocation":{{"artifactLocation":{artifact},'
            f'"region":{_region_json(f.location.anchor)}}}{logical_json}}}],'
            f'"partialFingerprints":{{"{FINGERPRINT_KEY}":"{value}",'
            f'"{PATH_FINGERPRINT_KEY}":"{path_value}"}}{tail}}}'
        )

    def build(self) -> dict[str, Any]:
        """The log with placeholders where :meth:`finish` splices the arrays."""
        invocation: dict[str, Any] = {"executionSuccessful": True}
        if self._notifications.count:
            invocation["toolExecutionNotifications"] = _NOTIFICATIONS
        run_logical = {"logicalLocations": _LOGICAL} if self._logical_items else {}
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
                    # No local absolute path: GitHub resolves from the repository root,
                    # editors from the open folder.
                    "originalUriBaseIds": {
                        SRCROOT: {
                            "description": {
                                "text": "The project root: the nearest folder holding .git, "
                                "pyproject.toml or gongkai-lint.toml (or --project-root)."
                            }
                        }
                    },
                    "automationDetails": {"id": self._automation_id()},
                    "invocations": [invocation],
                    "artifacts": _ARTIFACTS,
                    **run_logical,
                    "results": _RESULTS,
                    "columnKind": "unicodeCodePoints",
                }
            ],
        }

    def _too_many_for_github(self, count: int) -> str:
        if self.options.lang == "en":
            return (
                f"gongkai-lint: note: the SARIF log has {count:,} results; GitHub code scanning "
                f"rejects a run of more than {GITHUB_MAX_RESULTS:,} (and shows 5,000): to upload "
                "it, check the batch in parts, each with its own --sarif-category"
            )
        return (
            f"gongkai-lint: 提示：SARIF 日志共 {count:,} 条结果；GitHub 代码扫描拒收超过 "
            f"{GITHUB_MAX_RESULTS:,} 条结果的运行（且只显示 5,000 条）：如需上传，请分批检查，"
            "每批使用各自的 --sarif-category"
        )

    def finish(self) -> None:
        if self.outside_root:
            first = self.outside_root[0]
            more = len(self.outside_root) - 1
            print(
                f"gongkai-lint: note: {first}"
                + (f" and {more} other file(s) are" if more else " is")
                + f" outside the project root {self.project.root}: SARIF names "
                + ("them" if more else "it")
                + " by absolute file: URIs (set --project-root to avoid it)",
                file=sys.stderr,
            )
        if self._results.count > GITHUB_MAX_RESULTS:
            print(self._too_many_for_github(self._results.count), file=sys.stderr)
        for problem in [*self.options.plugin_problems, *getattr(self.options, "warnings", [])]:
            self._notifications.add({"level": "warning", "message": {"text": problem}})
        # The head (tool, rules) indented for a reader; the bulk compact, spliced in.
        parts = {
            _NOTIFICATIONS: lambda: self._notifications.copy_array_to(self.out),
            _ARTIFACTS: lambda: self._artifacts.copy_array_to(self.out),
            _LOGICAL: lambda: self.out.write("[" + ",".join(self._logical_items) + "]"),
            _RESULTS: lambda: self._results.copy_array_to(self.out),
        }
        rest = json.dumps(self.build(), ensure_ascii=False, indent=2)
        for placeholder, write in parts.items():  # in the order they appear
            head, found, tail = rest.partition(json.dumps(placeholder))
            if found:
                self.out.write(head)
                write()
                rest = tail
        self.out.write(rest)
        self.out.write("\n")
        for kept in (self.index_of, self.identities):
            if isinstance(kept, SpillDict):
                kept.close()


# Placeholders spliced with the spooled arrays when the log is written.
_NOTIFICATIONS = "\u0000gongkai-lint:notifications\u0000"
_ARTIFACTS = "\u0000gongkai-lint:artifacts\u0000"
_LOGICAL = "\u0000gongkai-lint:logicalLocations\u0000"
_RESULTS = "\u0000gongkai-lint:results\u0000"


class _Spool:
    """A JSON array written item by item to a temporary file."""

    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile("w+", encoding="utf-8", errors=ERRORS)
        self.count = 0

    def add(self, item: dict[str, Any]) -> None:
        self.add_text(compact_json(item))

    def add_text(self, text: str, count: int = 1) -> None:
        """Items already rendered (``count`` of them, comma-separated)."""
        if self.count:
            self.file.write(",")
        self.file.write(text)
        self.count += count

    def copy_array_to(self, out) -> None:
        self.file.seek(0)
        out.write("[")
        while chunk := self.file.read(1 << 16):
            out.write(chunk)
        out.write("]")
        self.file.close()


class _Collector:
    """A worker's :class:`_Spool` for one file: the items' JSON in memory."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.items: list[dict[str, Any] | str] = []  # an item, or its JSON
        self.count = 0

    def add(self, item: dict[str, Any]) -> None:
        self.items.append(item)  # encoded with the file's others, in one call
        self.count += 1

    def add_text(self, text: str, count: int = 1) -> None:
        self.items.append(text)
        self.count += count

    def text(self) -> str:
        items = self.items
        if not items:
            return ""
        if all(type(item) is str for item in items):
            return ",".join(items)  # type: ignore[arg-type]
        return ",".join(i if type(i) is str else compact_json(i) for i in items)
