"""``github``: GitHub Actions workflow commands, shown as annotations on the files.

::

    ::error file=x.txt,line=378,col=2,title=RL101 group-total::第四部分“行政复议”：…%0A位置：第四部分 行政复议 / 总计

Levels map to ``error``, ``warning`` and ``notice``. Text and HTML findings carry their
line and column; DOCX positions point into the extracted text, not into the file
GitHub shows, so those are file-level annotations with the cell (``table2:row5:col3``)
in the message, as are findings with no position (an unreadable file). Escaping follows
GitHub's toolkit: ``%``, CR and LF in the message; also ``:`` and ``,`` in properties.

GitHub shows 10 annotations of each level per step (50 per job); the rest are only in
the log. So that a batch's count is never read off the annotations, the run also writes
a job summary (Markdown, to the file ``$GITHUB_STEP_SUMMARY`` names, as an action does):
the files and findings by level, each rule's count and reports, and how many findings
are in the log only; the same note goes to standard error.
"""

from __future__ import annotations

import os
import sys
from collections import Counter

from linter.engine import FileResult
from linter.finding import Finding
from linter.reporters import Reporter, where
from linter.reporters.statistics import Statistics

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


# Annotations GitHub shows per level in one step (actions/toolkit, problem-matchers.md).
SHOWN_PER_LEVEL = 10
LEVEL_WORDS = {
    "error": ("错误", "errors"),
    "warning": ("警告", "warnings"),
    "note": ("提示", "notices"),
}


class GithubReporter(Reporter):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.levels: Counter[str] = Counter()
        # per rule: findings and reports affected, as --statistics counts them
        self.statistics = Statistics()

    def file(self, result: FileResult) -> None:
        self.statistics.add(result.findings, report=True)
        self._write(result.findings)

    def batch(self, findings, suppressed=None) -> None:
        self.statistics.add(findings)
        self._write(findings)

    def _write(self, findings: list[Finding]) -> None:
        for f in findings:
            self.out.write(command(f, self.options.lang) + "\n")
            self.levels[f.level] += 1

    def finish(self) -> None:
        hidden = sum(max(0, n - SHOWN_PER_LEVEL) for n in self.levels.values())
        en = self.options.lang == "en"
        if hidden:
            print(
                f"gongkai-lint: {hidden} findings are in this log only: GitHub shows "
                f"{SHOWN_PER_LEVEL} annotations of each level per step (upload the SARIF "
                "output to see every finding in code scanning)"
                if en
                else f"gongkai-lint: 另有 {hidden} 个问题只在日志中：GitHub 每个步骤每种级别只显示 "
                f"{SHOWN_PER_LEVEL} 条注释（上传 SARIF 输出可在代码扫描中查看全部问题）",
                file=sys.stderr,
            )
        target = os.environ.get("GITHUB_STEP_SUMMARY")
        if target:
            try:
                with open(target, "a", encoding="utf-8") as fh:
                    fh.write(self.summary(hidden, en))
            except OSError as exc:
                print(
                    f"gongkai-lint: cannot write the job summary {target}: {exc.strerror}",
                    file=sys.stderr,
                )

    def summary(self, hidden: int, en: bool) -> str:
        """The job summary: Markdown, a few kilobytes whatever the batch (GitHub takes up
        to 1 MiB per step)."""
        counts = " · ".join(
            f"{self.levels[lv]} {LEVEL_WORDS[lv][1 if en else 0]}" for lv in LEVEL_WORDS
        )
        files = self.statistics.reports
        checked = f"{files} files checked: " if en else f"检查 {files} 个文件："
        lines = ["### gongkai-lint", "", checked + counts, ""]
        if hidden:
            lines += [
                f"> {hidden} findings are not shown as annotations (GitHub shows "
                f"{SHOWN_PER_LEVEL} of each level per step): every finding is in the step's log "
                "and in the SARIF output."
                if en
                else f"> 另有 {hidden} 个问题未显示为注释（GitHub 每个步骤每种级别只显示 "
                f"{SHOWN_PER_LEVEL} 条）：全部问题见该步骤的日志和 SARIF 输出。",
                "",
            ]
        rows = self.statistics.rows()
        if rows:
            lines += [
                "| rule | level | findings | reports |"
                if en
                else "| 规则 | 级别 | 问题数 | 涉及报告 |",
                "|---|---|---:|---:|",
            ]
            for code, name, level, n, affected in rows:
                lines.append(f"| {code} {name} | {level} | {n} | {affected} |")
            lines.append("")
        return "\n".join(lines) + "\n"
