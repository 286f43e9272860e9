"""The JSON Schemas shipped with the package, and validation against them."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any


def schema_path(name: str) -> Path:
    """Path of a schema file: the installed copy, or ``schemas/`` in a source checkout."""
    installed = resources.files("linter") / "_schemas" / name
    if installed.is_file():
        return Path(str(installed))
    return Path(__file__).resolve().parent.parent / "schemas" / name


@cache
def load_schema(name: str) -> dict[str, Any]:
    return json.loads(schema_path(name).read_text(encoding="utf-8"))


def schema_errors(
    schema_name: str, instance: Any, draft: str = "2020-12", sep: str = "/"
) -> list[str]:
    """Problems of ``instance`` against one of the shipped schemas, as ``path: message``
    (``sep`` joins the path: ``levels.AP101`` for configuration keys, ``0/year`` for rows)."""
    import jsonschema

    cls = jsonschema.Draft4Validator if draft == "4" else jsonschema.Draft202012Validator
    # Formats (``date``) are checked: a manifest's 2020-13-45 is not a date.
    validator = cls(load_schema(schema_name), format_checker=cls.FORMAT_CHECKER)
    out = []
    for err in sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path)):
        where = sep.join(str(p) for p in err.absolute_path) or "(top level)"
        out.append(f"{where}: {err.message}")
    return out


def validate_report_json(instance: Any) -> list[str]:
    """Problems of an IR document against ``report.schema.json`` (empty when valid)."""
    return schema_errors("report.schema.json", instance)


def validate_sarif(instance: Any) -> list[str]:
    """Problems of a SARIF log against the official SARIF 2.1.0 schema (draft-04)."""
    return schema_errors("sarif-schema-2.1.0.json", instance, draft="4")


def validate_output_json(instance: Any) -> list[str]:
    """Problems of ``--output-format json`` output against ``output.schema.json``."""
    return schema_errors("output.schema.json", instance)
