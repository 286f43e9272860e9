"""The plugin guide's example package works as a third-party plugin."""

from __future__ import annotations

import sys
from pathlib import Path

from linter.engine import Engine
from linter.plugins import load_plugins
from tests.conftest import PINGTAN, SAMPLE_2019

EXAMPLE = Path(__file__).resolve().parent.parent / "docs" / "examples" / "plugin"


def test_example_plugin_registers_and_runs(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.syspath_prepend(str(EXAMPLE))
    sys.modules.pop("gongkai_lint_example", None)
    import gongkai_lint_example

    plugins = load_plugins(strict=True, extra=[("example", gongkai_lint_example)])
    assert "LC001" in plugins.rules
    engine = Engine(plugins=plugins, root=tmp_path)
    # The 2019 sample names no contact; 平潭 2020 does ("电话/传真：0591-23165370").
    assert [f.code for f in engine.lint_path(SAMPLE_2019).findings if f.code == "LC001"] == [
        "LC001"
    ]
    assert "LC001" not in [f.code for f in engine.lint_path(PINGTAN[1]).findings]
    entry = (EXAMPLE / "pyproject.toml").read_text(encoding="utf-8")
    assert '[project.entry-points.gongkai_lint]\nexample = "gongkai_lint_example"' in entry
