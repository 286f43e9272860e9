"""``junit``: JUnit XML for CI test panels, one test case per report.

::

    <testsuites name="gongkai-lint" tests="2" failures="1" errors="0">
      <testsuite name="gongkai-lint" tests="2" failures="1" errors="0" skipped="0">
        <testcase classname="a.txt" name="平潭综合实验区 2019"/>
        <testcase classname="x.txt" name="x.txt">
          <failure type="gongkai-lint" message="2 个问题">x.txt:378:2: RL101 [error] …</failure>
        </testcase>
      </testsuite>
    </testsuites>

``classname`` is the report's path; ``name`` its agency and year (the agency alone
when the year is unknown; the path when the agency is). A report with findings fails, its findings one per line in the failure. Test
cases are kept until ``finish`` (batch findings about a report arrive after the last
file): only the finding lines, not the findings.
"""

from __future__ import annotations

import re

from lxml import etree

from linter.engine import FileResult
from linter.finding import Finding
from linter.reporters import Reporter, where

# Characters XML 1.0 cannot carry (control characters from a hostile file).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


class JunitReporter(Reporter):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # path -> (test case name, [(sort key, finding line)]), in completion order.
        self.cases: dict[str, tuple[str, list[tuple[tuple, str]]]] = {}

    def file(self, result: FileResult) -> None:
        report = result.report
        agency, year = report.agency.value, report.year.value
        name = f"{agency} {year}" if agency and year else agency or result.path
        self.cases[result.path] = (name, [])
        self._add(result.findings)

    def batch(self, findings, suppressed=None) -> None:
        self._add(findings)

    def _add(self, findings: list[Finding]) -> None:
        lang = self.options.lang
        for f in findings:
            lines = self.cases.setdefault(f.path, (f.path, []))[1]
            line = f"{f.path}:{where(f)}: {f.code} [{f.level}] {f.message(lang)}"
            lines.append((f.sort_key(), line))

    def finish(self) -> None:
        en = self.options.lang == "en"
        failures = sum(1 for _, lines in self.cases.values() if lines)
        counts = {"tests": str(len(self.cases)), "failures": str(failures), "errors": "0"}
        root = etree.Element("testsuites", name="gongkai-lint", **counts)
        suite = etree.SubElement(root, "testsuite", name="gongkai-lint", **counts, skipped="0")
        for path, (name, lines) in self.cases.items():
            case = etree.SubElement(
                suite, "testcase", classname=xml_text(path), name=xml_text(name)
            )
            if lines:
                n = len(lines)
                failure = etree.SubElement(
                    case,
                    "failure",
                    type="gongkai-lint",
                    message=f"{n} finding(s)" if en else f"{n} 个问题",
                )
                # Batch findings came last: listed in the report's order, by position.
                failure.text = xml_text("\n".join(line for _, line in sorted(lines)))
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.out.write(etree.tostring(root, encoding="unicode", pretty_print=True))
