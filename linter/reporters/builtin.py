"""The built-in output formats, registered as a plugin like any other."""

from __future__ import annotations

from linter.hookspecs import hookimpl


@hookimpl
def gongkai_lint_reporters() -> dict[str, type]:
    from linter.reporters.concise import ConciseReporter
    from linter.reporters.full import FullReporter
    from linter.reporters.github import GithubReporter
    from linter.reporters.html_audit import HtmlAuditReporter
    from linter.reporters.json_ import JsonReporter
    from linter.reporters.junit import JunitReporter
    from linter.reporters.sarif import SarifReporter
    from linter.reporters.statistics import StatisticsReporter
    from linter.reporters.summary import SummaryReporter
    from linter.reporters.tabular import CsvReporter, XlsxReporter
    from linter.reporters.tongbao import TongbaoReporter

    return {
        "concise": ConciseReporter,
        "full": FullReporter,
        "json": JsonReporter,
        "sarif": SarifReporter,
        "github": GithubReporter,
        "junit": JunitReporter,
        "summary": SummaryReporter,
        "csv": CsvReporter,
        "xlsx": XlsxReporter,
        "statistics": StatisticsReporter,
        "html": HtmlAuditReporter,
        "docx": TongbaoReporter,
    }
