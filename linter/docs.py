"""Rule documentation, generated from each rule's own metadata and docstring."""

from __future__ import annotations

import inspect

from linter.rule import Rule

LEVEL_ZH = {"error": "错误", "warning": "警告", "note": "提示"}
GRADE_NOTE_ZH = "本规则的依据未经核实（U 级），仅作提示，不代表统一格式的要求。"
GRADE_NOTE_EN = (
    "The basis of this rule is unverified (grade U): it is advice, not a requirement of the format."
)


def render_rule(rule: Rule, lang: str = "zh") -> str:
    """A rule's page: code, name, level, editions, basis, then its docstring."""
    editions = "、".join(rule.editions) if lang == "zh" else ", ".join(rule.editions)
    doc = inspect.cleandoc(type(rule).__doc__ or "")
    if lang == "en":
        lines = [
            f"{rule.code} {rule.name}",
            f"level: {rule.level}; editions: {editions}; basis grade: {rule.grade}",
            f"summary: {rule.summary_en}",
            f"basis: {rule.basis_en}",
        ]
        if rule.grade == "U":
            lines.append(GRADE_NOTE_EN)
        lines += ["", doc]
    else:
        lines = [
            f"{rule.code} {rule.name}",
            f"级别：{LEVEL_ZH[rule.level]}（{rule.level}）；适用格式：{editions}；依据等级：{rule.grade}",
            f"概要：{rule.summary_zh}",
            f"依据：{rule.basis_zh}",
        ]
        if rule.grade == "U":
            lines.append(GRADE_NOTE_ZH)
        lines += ["", doc]
    return "\n".join(lines)
