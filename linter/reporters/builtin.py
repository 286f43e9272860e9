"""The built-in output formats, registered as a plugin like any other."""

from __future__ import annotations

from linter.hookspecs import hookimpl


@hookimpl
def gongkai_lint_reporters() -> dict[str, str]:
    # Import paths: each module is imported only when its format is used (start-up).
    return {
        "concise": "linter.reporters.concise:ConciseReporter",
        "full": "linter.reporters.full:FullReporter",
        "json": "linter.reporters.json_:JsonReporter",
        "sarif": "linter.reporters.sarif:SarifReporter",
        "github": "linter.reporters.github:GithubReporter",
        "junit": "linter.reporters.junit:JunitReporter",
        "summary": "linter.reporters.summary:SummaryReporter",
        "csv": "linter.reporters.tabular:CsvReporter",
        "xlsx": "linter.reporters.tabular:XlsxReporter",
        "statistics": "linter.reporters.statistics:StatisticsReporter",
        "html": "linter.reporters.html_audit:HtmlAuditReporter",
        "docx": "linter.reporters.tongbao:TongbaoReporter",
    }
