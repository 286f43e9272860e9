"""Rule documentation, generated from each rule's own metadata and docstring.

A rule's docstring has ten sections, each starting on its own line with its heading:
the Chinese ones first (检查内容 / 为何重要 / 不合规示例 / 合规示例 / 依据), then the
English ones (What it checks / Why it matters / Non-compliant example / Compliant
example / Basis). ``docs/rules/`` is generated from them (``python -m linter.docs``) and
a test fails when a page is missing or stale; ``gongkai-lint rules CODE`` prints the same
text.
"""

from __future__ import annotations

import inspect
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from linter.rule import Rule

SECTIONS_ZH = ("检查内容", "为何重要", "不合规示例", "合规示例", "依据")
SECTIONS_EN = (
    "What it checks",
    "Why it matters",
    "Non-compliant example",
    "Compliant example",
    "Basis",
)
ALL_SECTIONS = SECTIONS_ZH + SECTIONS_EN
_HEADING = re.compile(r"^(" + "|".join(map(re.escape, ALL_SECTIONS)) + r")\s*[:：]\s*", re.M)

LEVEL_ZH = {"error": "错误", "warning": "警告", "note": "提示"}
# How often a finding of the rule is right (SARIF precision; GitHub orders alerts by it).
PRECISION_ZH = {"very-high": "很高", "high": "高", "medium": "中", "low": "低"}
GRADE_NOTE_ZH = "本规则的依据未经核实（U 级），仅作提示，不代表统一格式的要求。"
GRADE_NOTE_EN = (
    "The basis of this rule is unverified (grade U): it is advice, not a requirement of the format."
)
# The project's home; the rule pages live under docs/rules/ there (``docs-url`` overrides).
PROJECT_URL = "https://github.com/gongkai-lint/gongkai-lint"
DEFAULT_DOCS_URL = f"{PROJECT_URL}/blob/main/docs/rules/"


def doc_sections(rule: type[Rule] | Rule) -> dict[str, str]:
    """The docstring's sections by heading; missing ones are absent from the dict."""
    doc = inspect.cleandoc((rule if isinstance(rule, type) else type(rule)).__doc__ or "")
    parts = _HEADING.split(doc)
    out: dict[str, str] = {}
    for heading, body in zip(parts[1::2], parts[2::2], strict=False):
        out[heading] = " ".join(line.strip() for line in body.strip().splitlines())
    return out


def missing_sections(rule: type[Rule] | Rule) -> list[str]:
    found = doc_sections(rule)
    return [s for s in ALL_SECTIONS if not found.get(s)]


def _editions(rule: Rule) -> str:
    return ", ".join(rule.editions)


def render_rule(rule: Rule, lang: str = "zh") -> str:
    """The text ``gongkai-lint rules CODE`` prints (the page without markdown tables)."""
    sections = doc_sections(rule)
    names = SECTIONS_EN if lang == "en" else SECTIONS_ZH
    if lang == "en":
        head = [
            f"{rule.code} {rule.name} — {rule.summary_en}",
            f"level: {rule.level}; editions: {_editions(rule)}; basis grade: {rule.grade}",
        ]
        if rule.grade == "U":
            head.append(GRADE_NOTE_EN)
    else:
        head = [
            f"{rule.code} {rule.name} — {rule.summary_zh}",
            f"级别：{LEVEL_ZH[rule.level]}（{rule.level}）；适用格式：{_editions(rule)}；依据等级：{rule.grade}",
        ]
        if rule.grade == "U":
            head.append(GRADE_NOTE_ZH)
    body = [
        f"\n{name}：\n  {sections.get(name, '')}"
        if lang != "en"
        else f"\n{name}:\n  {sections.get(name, '')}"
        for name in names
    ]
    return "\n".join(head + body)


def render_page(rule: Rule) -> str:
    """The markdown page ``docs/rules/CODE.md``."""
    s = doc_sections(rule)
    lines = [
        f"# {rule.code} {rule.name}",
        "",
        f"**{rule.summary_zh}** — {rule.summary_en}",
        "",
        "| | |",
        "|---|---|",
        f"| 级别 / level | {LEVEL_ZH[rule.level]} / {rule.level} |",
        f"| 适用格式 / editions | {_editions(rule)} |",
        f"| 依据 / basis | {rule.basis_zh} |",
        f"| 依据等级 / basis grade | {rule.grade} |",
        f"| 精确度 / precision | {PRECISION_ZH[rule.precision]} / {rule.precision} |",
        *([f"| 曾用名 / former names | {', '.join(rule.aliases)} |"] if rule.aliases else []),
        "",
    ]
    if rule.grade == "U":
        lines += [f"> {GRADE_NOTE_ZH}", f"> {GRADE_NOTE_EN}", ""]
    for name in SECTIONS_ZH:
        lines += [f"## {name}", "", s.get(name, ""), ""]
    lines += ["---", ""]
    for name in SECTIONS_EN:
        lines += [f"## {name}", "", s.get(name, ""), ""]
    return "\n".join(lines).rstrip() + "\n"


def render_index(rules: Iterable[Rule]) -> str:
    lines = [
        "# 规则一览 / Rule index",
        "",
        "Generated from the rules' own metadata by `python -m linter.docs`; do not edit by hand.",
        "",
    ]
    by_family: dict[str, list[Rule]] = {}
    for rule in rules:
        by_family.setdefault(rule.family, []).append(rule)
    from linter.plugins import family_names, family_order

    for family in family_order(by_family):
        zh, en = family_names(family)
        lines += [
            f"## {family} — {zh} / {en}",
            "",
            "| code | name | level | editions | summary |",
            "|---|---|---|---|---|",
        ]
        for rule in sorted(by_family[family], key=lambda r: r.code):
            lines.append(
                f"| [{rule.code}]({rule.code}.md) | {rule.name} | {rule.level} | {_editions(rule)} | {rule.summary_zh} |"
            )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def expected_pages(rules: Iterable[Rule]) -> dict[str, str]:
    rules = list(rules)
    pages = {f"{r.code}.md": render_page(r) for r in rules}
    pages["README.md"] = render_index(rules)
    return pages


def write_pages(folder: Path, rules: Iterable[Rule]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    pages = expected_pages(rules)
    for name, text in pages.items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(name)
    for stale in folder.glob("*.md"):
        if stale.name not in pages:
            stale.unlink()
            written.append(f"-{stale.name}")
    return written


if __name__ == "__main__":  # python -m linter.docs [folder]
    from linter.plugins import load_plugins

    target = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(__file__).resolve().parent.parent / "docs" / "rules"
    )
    changed = write_pages(target, load_plugins(strict=True).rules.values())
    print(f"{len(changed)} page(s) updated in {target}")
