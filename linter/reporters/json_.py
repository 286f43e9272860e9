"""``json``: every finding as an object, with the report's identity beside it."""

from __future__ import annotations

import json

from linter.engine import FileResult
from linter.reporters import Reporter


class JsonReporter(Reporter):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.first = True
        self.out.write("[")

    def file(self, result: FileResult) -> None:
        lang = self.options.lang
        report = result.report
        for f in result.findings:
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
                    "agency": report.agency.value,
                    "year": report.year.value,
                    "edition": report.edition.value,
                },
            }
            self.out.write(
                ("\n  " if self.first else ",\n  ") + json.dumps(item, ensure_ascii=False)
            )
            self.first = False

    def finish(self) -> None:
        self.out.write("\n]\n" if not self.first else "]\n")
