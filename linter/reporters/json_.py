"""``json``: every file and every finding, as one object (``schemas/output.schema.json``).

::

    {
      "tool": {"name": "gongkai-lint", "version": "…"},
      "files": [
        {"path": "a.txt", "form": "text/plain", "reader": "text", "readable": true,
         "checked": true, "agency": null, "year": 2019, "edition": "…",
         "counts": {"error": 1, "warning": 3, "note": 0, "total": 4},
         "skipped": [{"rule": "PB001", "reason": "没有公开日期…"}]},
        …
      ],
      "findings": [{"code": "PI002", "path": "a.txt", "level": "error", …}, …]
    }

Every file the run looked at is in ``files`` — read, unreadable (``readable: false``, with
its XT001 among the findings), not a report (``checked: false``, XT004) — with the rules
that could not check it (``skipped``), so a file never passes without a trace. Findings
are spooled to a temporary file as files complete; only each file's small entry is kept.
"""

from __future__ import annotations

import json
import tempfile

from linter import __version__
from linter.engine import FileResult, checked_as_report
from linter.finding import LEVELS
from linter.output import ERRORS
from linter.reporters import Reporter


class JsonReporter(Reporter):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.files: dict[str, dict] = {}
        self._findings = tempfile.TemporaryFile("w+", encoding="utf-8", errors=ERRORS)
        self._count = 0

    def file(self, result: FileResult) -> None:
        report = result.report
        lang = self.options.lang
        entry = {
            "path": result.path,
            "form": report.source.media_type,
            "reader": report.source.reader,
            "readable": report.readable,
            "checked": checked_as_report(report),
            "agency": report.agency.value,
            "year": report.year.value,
            "edition": report.edition.value,
            "counts": {**{level: 0 for level in LEVELS}, "total": 0},
            "skipped": [
                {"rule": code, "reason": en if lang == "en" else zh}
                for code, zh, en in result.skipped
            ],
        }
        if result.suppressed:
            entry["accepted"] = len(result.suppressed)
        self.files[result.path] = entry
        self._write(result.findings)

    def batch(self, findings, suppressed=None) -> None:
        self._write(findings)
        for f in suppressed or ():
            if f.path in self.files:
                self.files[f.path]["accepted"] = self.files[f.path].get("accepted", 0) + 1

    def _write(self, findings) -> None:
        lang = self.options.lang
        for f in findings:
            identity = self.files.get(f.path)
            if identity is not None:
                identity["counts"][f.level] += 1
                identity["counts"]["total"] += 1
            item = {
                "code": f.code,
                "sub_id": f.sub_id,
                "name": f.name,
                "level": f.level,
                "path": f.path,
                "message": f.message(lang),
                "location": {
                    "anchor": f.location.anchor.to_json(),
                    "logical": f.location.logical,
                    "label": f.location.label_en if lang == "en" else f.location.label_zh,
                },
                "related": [
                    {"anchor": r.anchor.to_json(), "logical": r.logical} for r in f.related
                ],
                "expected": f.expected,
                "reported": f.reported,
                "report": {
                    k: identity[k] if identity else None for k in ("agency", "year", "edition")
                },
            }
            self._findings.write(
                ("\n    " if not self._count else ",\n    ") + json.dumps(item, ensure_ascii=False)
            )
            self._count += 1

    def finish(self) -> None:
        out = self.out
        tool = {"name": "gongkai-lint", "version": __version__}
        out.write('{\n  "tool": ' + json.dumps(tool) + ',\n  "files": [')
        for i, entry in enumerate(self.files.values()):
            out.write(("\n    " if not i else ",\n    ") + json.dumps(entry, ensure_ascii=False))
        out.write("\n  ],\n" if self.files else "],\n")
        out.write('  "findings": [')
        self._findings.seek(0)
        while chunk := self._findings.read(1 << 16):
            out.write(chunk)
        self._findings.close()
        out.write("\n  ]\n}\n" if self._count else "]\n}\n")
