"""``json``: every finding as an object, with the report's identity beside it."""

from __future__ import annotations

import json

from linter.engine import FileResult
from linter.reporters import Reporter


class JsonReporter(Reporter):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.first = True
        # path -> the report's identity, small, for batch findings that come later.
        self.identity: dict[str, dict] = {}
        self.out.write("[")

    def file(self, result: FileResult) -> None:
        report = result.report
        self.identity[result.path] = {
            "agency": report.agency.value,
            "year": report.year.value,
            "edition": report.edition.value,
        }
        self._write(result.findings)

    def batch(self, findings, suppressed=None) -> None:
        self._write(findings)

    def _write(self, findings) -> None:
        lang = self.options.lang
        for f in findings:
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
                "report": self.identity.get(f.path, {}),
            }
            self.out.write(
                ("\n  " if self.first else ",\n  ") + json.dumps(item, ensure_ascii=False)
            )
            self.first = False

    def finish(self) -> None:
        self.out.write("\n]\n" if not self.first else "]\n")
