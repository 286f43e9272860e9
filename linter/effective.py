"""``gongkai-lint config``: the effective configuration, and where each value came from.

Printed as TOML that can be pasted under ``[tool.gongkai-lint]``; each line ends with
its origin: the file it was read from, or ``default``.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from linter.config import Config
from linter.readers import Limits
from linter.rule import RuleContext


def _file_table(config: Config) -> dict[str, Any]:
    """The keys the configuration file set (already validated by load_config)."""
    if config.path is None:
        return {}
    data = tomllib.loads(config.path.read_text(encoding="utf-8"))
    tool = data.get("tool")
    ours = tool.get("gongkai-lint") if isinstance(tool, dict) else None
    if config.path.name == "pyproject.toml":
        return ours or {}
    return ours if ours is not None else data


def toml_value(value: Any) -> str:
    """A TOML literal for a configuration value (strings, numbers, lists, tables)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        items = ", ".join(
            f"{json.dumps(str(k), ensure_ascii=False)} = {toml_value(v)}" for k, v in value.items()
        )
        return "{ " + items + " }" if items else "{}"
    return json.dumps(str(value), ensure_ascii=False)


def effective(config: Config) -> list[tuple[str, Any, bool]]:
    """(key, effective value, set in the file) for every setting, limits as ``limits.*``."""
    table = _file_table(config)
    limits_table = table.get("limits", {}) if isinstance(table.get("limits"), dict) else {}
    rows: list[tuple[str, Any, bool]] = [
        ("select", list(config.select) or ["ALL"], "select" in table),
        ("extend-select", list(config.extend_select), "extend-select" in table),
        ("ignore", list(config.ignore), "ignore" in table),
        (
            "per-file-ignores",
            {k: list(v) for k, v in config.per_file_ignores},
            "per-file-ignores" in table,
        ),
        ("levels", dict(config.levels), "levels" in table),
        ("edition", config.edition, "edition" in table),
        ("issuer-kind", config.issuer_kind, "issuer-kind" in table),
        ("blank-cells", config.blank_cells, "blank-cells" in table),
        ("deadlines", {**RuleContext().deadlines, **config.deadlines}, "deadlines" in table),
        ("options", dict(config.options), "options" in table),
    ]
    if config.docs_url is not None:
        rows.append(("docs-url", config.docs_url, "docs-url" in table))
    from linter.schema import load_schema

    # The limits a configuration file may set (schemas/config.schema.json).
    settable = load_schema("config.schema.json")["properties"]["limits"]["properties"]
    for f in dataclasses.fields(Limits):
        name = f.name.replace("_", "-")
        if name in settable:
            rows.append((f"limits.{name}", getattr(config.limits, f.name), name in limits_table))
    return rows


def render(config: Config, cwd: Path | None = None) -> str:
    """The effective configuration as commented TOML."""
    if config.path is None:
        origin = None
        lines = ["# No configuration file found: every value is the default."]
    else:
        try:
            relative = os.path.relpath(config.path.resolve(), (cwd or Path.cwd()).resolve())
            origin = Path(relative).as_posix()
        except ValueError:  # another drive on Windows
            origin = str(config.path)
        lines = [f"# Configuration read from {origin}; command-line flags override it."]
    lines.append("[tool.gongkai-lint]")
    in_limits = False
    for key, value, from_file in effective(config):
        if key.startswith("limits.") and not in_limits:
            lines += ["", "[tool.gongkai-lint.limits]"]
            in_limits = True
        name = key.removeprefix("limits.")
        source = origin if from_file else "default"
        lines.append(f"{name} = {toml_value(value)}  # {source}")
    return "\n".join(lines) + "\n"
