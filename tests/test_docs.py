"""Rule documentation: generated from the rules, complete and current."""

from __future__ import annotations

from pathlib import Path

from linter.docs import ALL_SECTIONS, doc_sections, expected_pages, missing_sections, render_rule

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules"


def test_every_rule_docstring_has_all_sections(plugins) -> None:
    incomplete = {
        code: missing_sections(rule)
        for code, rule in plugins.rules.items()
        if missing_sections(rule)
    }
    assert incomplete == {}


def test_pages_are_present_and_current(plugins) -> None:
    """Fails when docs/rules is stale: regenerate with `python -m linter.docs`."""
    expected = expected_pages(plugins.rules.values())
    present = {p.name for p in DOCS.glob("*.md")}
    assert present == set(expected), "docs/rules is out of date: run `python -m linter.docs`"
    stale = [
        name for name, text in expected.items() if (DOCS / name).read_text(encoding="utf-8") != text
    ]
    assert stale == [], "stale pages (run `python -m linter.docs`): " + ", ".join(stale)


def test_rules_command_prints_the_same_sections(plugins) -> None:
    rule = plugins.rules["AP101"]
    text = render_rule(rule, "zh")
    for heading in ALL_SECTIONS[:5]:
        assert f"{heading}：\n  {doc_sections(rule)[heading]}" in text
    english = render_rule(rule, "en")
    assert english.startswith("AP101 balance — Section 3: I + II ≠ (7) total + IV")
    assert "Why it matters:" in english


def test_unverified_basis_is_said_so(plugins) -> None:
    for rule in plugins.rules.values():
        page = (DOCS / f"{rule.code}.md").read_text(encoding="utf-8")
        if rule.grade == "U":
            assert "未经核实" in page and "unverified" in page
            assert rule.level == "note"
            assert "format requires" not in page.lower()
