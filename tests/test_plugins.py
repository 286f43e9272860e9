"""Plugin loading: built-ins through entry points, broken plugins skipped, metadata checked."""

from __future__ import annotations

import types

import pytest

from linter.hookspecs import hookimpl
from linter.plugins import PluginError, load_plugins
from linter.rule import Rule, RuleDefinitionError

BUILTIN_CODES = {
    "XT001",
    "XT002",
    "XT003",
    "XT004",
    "ST001",
    "AP101",
    "AP102",
    "AP103",
    "RL101",
    "PI002",
}


def test_builtins_load_through_entry_points() -> None:
    plugins = load_plugins()
    assert plugins.problems == []
    assert BUILTIN_CODES <= set(plugins.rules)
    assert {"concise", "json", "sarif"} <= set(plugins.reporters)
    assert "text" in {r.name for r in plugins.readers}
    assert plugins.origins["applications"] == "rules.applications"


def _module(name: str, **hooks) -> types.ModuleType:
    module = types.ModuleType(name)
    for key, value in hooks.items():
        setattr(module, key, value)
    return module


def test_a_broken_plugin_is_reported_and_skipped() -> None:
    @hookimpl
    def gongkai_lint_rules():
        raise RuntimeError("boom")

    plugins = load_plugins(
        extra=[("broken", _module("broken", gongkai_lint_rules=gongkai_lint_rules))]
    )
    assert [p.plugin for p in plugins.problems] == ["broken"]
    assert "boom" in plugins.problems[0].message
    assert BUILTIN_CODES <= set(plugins.rules)  # everything else still loaded
    with pytest.raises(PluginError, match="boom"):
        load_plugins(
            strict=True,
            extra=[("broken", _module("broken", gongkai_lint_rules=gongkai_lint_rules))],
        )


def test_duplicate_code_is_a_registration_error() -> None:
    class Copy(Rule):
        """A rule that reuses AP101."""

        code = "AP101"
        name = "copy"
        level = "error"
        summary_zh = summary_en = basis_zh = basis_en = "x"

        def check(self, report, context):
            return []

    @hookimpl
    def gongkai_lint_rules():
        return [Copy]

    plugins = load_plugins(extra=[("dup", _module("dup", gongkai_lint_rules=gongkai_lint_rules))])
    assert any("AP101 is already registered" in p.message for p in plugins.problems)
    assert type(plugins.rules["AP101"]).__module__ == "rules.applications.ap101_balance"


def test_unknown_hook_is_reported() -> None:
    @hookimpl
    def gongkai_lint_unknown():
        return []

    plugins = load_plugins(
        extra=[("odd", _module("odd", gongkai_lint_unknown=gongkai_lint_unknown))]
    )
    assert [p.plugin for p in plugins.problems] == ["odd"]


@pytest.mark.parametrize(
    ("attrs", "message"),
    [
        ({"code": "AP1"}, "two capitals and three digits"),
        ({"name": "Not Kebab"}, "kebab-case"),
        ({"level": "fatal"}, "level"),
        ({"editions": ("2020",)}, "editions"),
        ({"__doc__": None}, "docstring"),
    ],
)
def test_rule_metadata_is_validated_at_definition(attrs: dict, message: str) -> None:
    base = {
        "__doc__": "doc",
        "code": "ZZ001",
        "name": "a-rule",
        "level": "error",
        "summary_zh": "x",
        "summary_en": "x",
        "basis_zh": "x",
        "basis_en": "x",
    }
    base.update(attrs)
    with pytest.raises(RuleDefinitionError, match=message):
        type("Bad", (Rule,), base)


def test_a_rule_that_raises_becomes_an_internal_error_finding(plugins, tmp_path) -> None:
    from linter.engine import Engine
    from tests.conftest import SAMPLE_2019

    class Crashing(Rule):
        """Always fails."""

        code = "ZZ002"
        name = "crashing"
        level = "warning"
        summary_zh = summary_en = basis_zh = basis_en = "x"

        def check(self, report, context):
            raise ValueError("bad cell")

    rules = dict(plugins.rules)
    rules["ZZ002"] = Crashing()
    engine = Engine(
        plugins=type(plugins)(rules=rules, readers=plugins.readers, reporters=plugins.reporters),
        root=tmp_path,
    )
    result = engine.lint_path(SAMPLE_2019)
    crash = [f for f in result.findings if f.code == "ZZ002"]
    assert len(crash) == 1 and crash[0].tool_failure and "bad cell" in crash[0].message_en
    assert "PI002" in [f.code for f in result.findings]  # the other rules still ran
