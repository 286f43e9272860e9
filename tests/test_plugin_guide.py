"""The plugin guide (docs/plugins.md) is exact: its hook table is the hookspecs'."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from linter import hookspecs

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "plugins.md"


def _specs() -> dict[str, str]:
    out = {}
    for name, function in inspect.getmembers(hookspecs, inspect.isfunction):
        if name.startswith(f"{hookspecs.PROJECT}_"):
            signature = str(inspect.signature(function)).replace("'", "")
            out[name] = f"{name}{signature}"
    return out


def test_every_hook_is_in_the_guide_with_its_signature() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    table = re.findall(r"^\| `(gongkai_lint_\w+\(.*?\)(?: -> [^`]+)?)` \|", text, re.M)
    documented = {row.split("(")[0]: row for row in table}
    assert documented == _specs(), "update the hook table of docs/plugins.md"


def test_every_hookspec_has_a_docstring_and_is_marked() -> None:
    for name in _specs():
        function = getattr(hookspecs, name)
        assert (function.__doc__ or "").strip(), name
        assert hasattr(function, f"{hookspecs.PROJECT}_spec"), name


def test_the_guide_example_rule_survives_a_report_without_a_title(tmp_path) -> None:
    """The rule shown in the guide, run as written, on a report with no title."""
    text = GUIDE.read_text(encoding="utf-8")
    code = re.search(r"## A rule\n\n```python\n(.*?)```", text, re.S).group(1)
    namespace: dict = {}
    exec(compile(code, str(GUIDE), "exec"), namespace)  # the guide's own code
    rule = namespace["ContactInformation"]()
    from linter.model import Report, Source

    report = Report(source=Source(path="x.txt", media_type="text/plain", sha256="", size=0))
    assert report.title is None
    (finding,) = list(rule.check(report, None))
    assert finding.code == "LC001" and finding.location.anchor.line is None
