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


_DOC = """检查内容：示例。

    为何重要：示例。

    不合规示例：示例。

    合规示例：示例。

    依据：示例。

    What it checks: an example.

    Why it matters: an example.

    Non-compliant example: an example.

    Compliant example: an example.

    Basis: an example.
    """


def _rule(code: str, name: str, **attrs) -> type[Rule]:
    body = {
        "__doc__": _DOC,
        "code": code,
        "name": name,
        "level": "error",
        "summary_zh": "x",
        "summary_en": "x",
        "basis_zh": "x",
        "basis_en": "x",
        "check": lambda self, report, context: [],
        **attrs,
    }
    return type("Local", (Rule,), body)


def _rules_plugin(name: str, *classes: type[Rule]) -> tuple[str, types.ModuleType]:
    @hookimpl
    def gongkai_lint_rules():
        return list(classes)

    return (name, _module(name, gongkai_lint_rules=gongkai_lint_rules))


def test_a_duplicate_code_fails_the_load_naming_both_packages() -> None:
    with pytest.raises(PluginError) as caught:
        load_plugins(extra=[_rules_plugin("dup", _rule("AP101", "my-balance"))])
    message = str(caught.value)
    assert "rule code AP101 is defined by gongkai-lint (rules.applications.ap101_balance" in message
    assert "and dup (" in message and "overrides = True" in message


def test_a_declared_override_replaces_the_builtin_rule() -> None:
    plugins = load_plugins(
        extra=[_rules_plugin("local", _rule("AP101", "local-balance", overrides=True))]
    )
    assert type(plugins.rules["AP101"]).__name__ == "Local"
    override = plugins.overrides["AP101"]
    assert (override.package, override.replaced) == ("local", "gongkai-lint")
    assert plugins.packages["AP101"] == "local"


def test_two_third_party_overrides_of_one_code_fail() -> None:
    with pytest.raises(PluginError, match="AP101 is defined by"):
        load_plugins(
            extra=[
                _rules_plugin("one", _rule("AP101", "one-balance", overrides=True)),
                _rules_plugin("two", _rule("AP101", "two-balance", overrides=True)),
            ]
        )


def test_a_duplicate_name_or_alias_fails_the_load() -> None:
    with pytest.raises(PluginError, match="rule name 'balance' is used by gongkai-lint"):
        load_plugins(extra=[_rules_plugin("dup", _rule("ZZ001", "balance"))])
    with pytest.raises(PluginError, match="rule name 'blank-cell'"):
        load_plugins(
            extra=[_rules_plugin("dup", _rule("ZZ001", "zz-blank", aliases=("blank-cell",)))]
        )


def test_rule_names_are_unique_and_old_names_are_aliases(plugins) -> None:
    names = [r.name for r in plugins.rules.values()]
    assert len(names) == len(set(names))
    assert plugins.rules["AP005"].name == "applications-blank-cell"
    assert {r.code for r in plugins.rules.values() if "blank-cell" in r.aliases} == {
        "AD004",
        "AP005",
        "RL003",
    }


def test_the_old_shared_name_still_selects_every_rule_it_named(plugins) -> None:
    from linter.engine import Selection

    chosen = [r.code for r in plugins.rules.values() if Selection(("blank-cell",)).enabled(r)]
    assert chosen == ["AD004", "AP005", "RL003"]
    assert Selection(("ALL",), ("invalid-number",)).enabled(plugins.rules["AD005"]) is False


def test_a_rule_without_the_documentation_headings_is_skipped_with_a_reason() -> None:
    bare = _rule("ZZ003", "bare", __doc__="A rule with one line of documentation.")
    plugins = load_plugins(extra=[_rules_plugin("bare", bare)])
    assert "ZZ003" not in plugins.rules
    (problem,) = [p for p in plugins.problems if p.plugin == "bare"]
    assert "lacks the documentation headings 检查内容" in problem.message
    with pytest.raises(PluginError, match="documentation headings"):
        load_plugins(strict=True, extra=[_rules_plugin("bare", bare)])


def test_hooks_go_through_pluggy_so_wrappers_and_tryfirst_work() -> None:
    extra_rule = _rule("ZZ004", "extra-rule")

    @hookimpl(wrapper=True)
    def gongkai_lint_rules():
        results = yield
        # A wrapper sees every plugin's rules and may drop some: here, the AP1 identities.
        return [[c for c in r if not c.code.startswith("AP1")] for r in results]

    filtered = load_plugins(
        extra=[
            ("filter", _module("filter", gongkai_lint_rules=gongkai_lint_rules)),
            _rules_plugin("more", extra_rule),
        ]
    )
    assert "ZZ004" in filtered.rules and filtered.packages["ZZ004"] == "more"
    assert not any(code.startswith("AP1") for code in filtered.rules)

    @hookimpl(tryfirst=True)
    def gongkai_lint_families():
        from linter.plugins import Family

        return [Family("AP", "我的申请", "my applications", order=1)]

    first = load_plugins(
        extra=[("fam", _module("fam", gongkai_lint_families=gongkai_lint_families))]
    )
    assert first.families["AP"].name_en == "my applications"


def test_a_hook_that_raises_is_reported_under_its_plugin_and_the_others_count() -> None:
    @hookimpl
    def gongkai_lint_rules():
        raise RuntimeError("boom")

    plugins = load_plugins(extra=[("boom", _module("boom", gongkai_lint_rules=gongkai_lint_rules))])
    assert [p.plugin for p in plugins.problems] == ["boom"]
    assert "AP101" in plugins.rules


def test_families_come_from_the_packages(plugins) -> None:
    from linter.plugins import family_names, family_order

    assert family_names("AP") == ("依申请公开表", "applications")
    assert family_order(["PB", "ZZ", "XT", "AP"]) == ["XT", "AP", "PB", "ZZ"]


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
        ({"aliases": ("Old Name",)}, "aliases"),
        ({"needs": ("article20/item42",)}, "no registered edition"),
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
