"""The built-in output formats, registered as a plugin like any other."""

from __future__ import annotations

from linter.hookspecs import hookimpl


@hookimpl
def gongkai_lint_reporters() -> dict[str, type]:
    from linter.reporters.concise import ConciseReporter
    from linter.reporters.json_ import JsonReporter
    from linter.reporters.sarif import SarifReporter

    return {"concise": ConciseReporter, "json": JsonReporter, "sarif": SarifReporter}
