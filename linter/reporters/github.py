"""``github``: GitHub Actions workflow commands, shown as annotations on the files.

::

    ::error file=x.txt,line=378,col=2,title=RL101 group-total::第四部分“行政复议”：…%0A位置：第四部分 行政复议 / 总计

Levels map to ``error``, ``warning`` and ``notice``. Text and HTML findings carry their
line and column; DOCX positions point into the extracted text, not into the file
GitHub shows, so those are file-level annotations with the cell (``table2:row5:col3``)
in the message, as are findings with no position (an unreadable file). Escaping follows
GitHub's toolkit: ``%``, CR and LF in the message; also ``:`` and ``,`` in properties.
"""

from __future__ import annotations

from linter.engine import FileResult
from linter.finding import Finding
from linter.reporters import Reporter, where

COMMANDS = {"error": "error", "warning": "warning", "note": "notice"}


def escape_data(text: str) -> str:
    """A command's message (actions/toolkit ``escapeData``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command's property value (actions/toolkit ``escapeProperty``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(finding: Finding, lang: str) -> str:
    """The workflow command for one finding."""
    a = finding.location.anchor
    props = [("file", finding.path)]
    message = finding.message(lang)
    if a.line is not None and a.table is None and a.paragraph is None:
        props.append(("line", str(a.line)))
        if a.column is not None:
            props.append(("col", str(a.column)))
        if a.end_line is not None:
            props.append(("endLine", str(a.end_line)))
            if a.end_column is not None:
                props.append(("endColumn", str(a.end_column)))
    elif a.table is not None or a.paragraph is not None:
        message += f" ({where(finding)})"
    label = finding.location.label_en if lang == "en" else finding.location.label_zh
    if label:
        message += ("\nat: " if lang == "en" else "\n位置：") + label
    props.append(("title", f"{finding.code} {finding.name}"))
    joined = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{COMMANDS.get(finding.level, 'error')} {joined}::{escape_data(message)}"


class GithubReporter(Reporter):
    def file(self, result: FileResult) -> None:
        self._write(result.findings)

    def batch(self, findings, suppressed=None) -> None:
        self._write(findings)

    def _write(self, findings: list[Finding]) -> None:
        for f in findings:
            self.out.write(command(f, self.options.lang) + "\n")
