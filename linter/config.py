"""Configuration: ``[tool.gongkai-lint]`` in pyproject.toml, or gongkai-lint.toml.

The file is found from the current folder upwards (``gongkai-lint.toml`` wins over
``pyproject.toml`` in the same folder), validated against ``schemas/config.schema.json``,
and command-line flags override it.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linter.readers import Limits


def _toml():
    """The TOML parser, imported when there is a file to read (not at start-up)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    return tomllib


CONFIG_FILE = "gongkai-lint.toml"
_OUR_TABLE = re.compile(r"^\s*\[\s*tool\s*\.\s*[\"']?gongkai-lint", re.MULTILINE)


class ConfigError(Exception):
    """A configuration file that cannot be read or does not conform to its schema."""


@dataclass(frozen=True)
class Config:
    path: Path | None = None  # where it was read from (None: defaults)
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    levels: dict[str, str] = field(default_factory=dict)
    edition: str = "auto"
    issuer_kind: str = "auto"
    blank_cells: str = "warn"
    docs_url: str | None = None
    limits: Limits = Limits()
    deadlines: dict[str, str] = field(default_factory=dict)
    options: dict[str, object] = field(default_factory=dict)

    @property
    def base(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def ignored_for(self, display_path: str, root: Path) -> tuple[str, ...]:
        """Rule patterns ignored for one report (``per-file-ignores``)."""
        if not self.per_file_ignores:
            return ()  # the usual case: no path resolving per report and finding
        try:
            rel = Path(display_path)
            if not rel.is_absolute():
                rel = (root / rel).resolve()
            rel_text = rel.relative_to(self.base.resolve()).as_posix()
        except ValueError:
            rel_text = Path(display_path).as_posix()
        out: list[str] = []
        for pattern, codes in self.per_file_ignores:
            if fnmatch.fnmatch(rel_text, pattern) or fnmatch.fnmatch(Path(rel_text).name, pattern):
                out.extend(codes)
        return tuple(out)


def find_config(start: Path) -> Path | None:
    """The nearest gongkai-lint.toml, or pyproject.toml with a [tool.gongkai-lint] table."""
    for folder in [start.resolve(), *start.resolve().parents]:
        own = folder / CONFIG_FILE
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                text = pyproject.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            tomllib = _toml()

            try:
                data = tomllib.loads(text)
            except tomllib.TOMLDecodeError as exc:
                # Someone else's broken pyproject.toml is not ours to judge; one that
                # holds our table would silently lose its settings.
                if _OUR_TABLE.search(text):
                    raise ConfigError(
                        f"{pyproject}: not valid TOML, so its [tool.gongkai-lint] settings "
                        f"cannot be read: {exc}"
                    ) from exc
                continue
            tool = data.get("tool")
            if isinstance(tool, dict) and "gongkai-lint" in tool:
                return pyproject
    return None


def load_config(path: Path | None) -> Config:
    """Read and validate a configuration file; ``None`` gives the defaults."""
    if path is None:
        return Config()
    tomllib = _toml()

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the configuration: {exc.strerror}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    tool = data.get("tool")
    ours = tool.get("gongkai-lint") if isinstance(tool, dict) else None
    table: Any = data
    if path.name == "pyproject.toml":
        table = ours if ours is not None else {}
    elif ours is not None:
        table = ours
    errors = validate_config(table)
    if errors:
        raise ConfigError(f"{path}: " + "; ".join(errors[:5]))
    limits = table.get("limits", {})
    return Config(
        path=path,
        select=tuple(table.get("select", ())),
        extend_select=tuple(table.get("extend-select", ())),
        ignore=tuple(table.get("ignore", ())),
        per_file_ignores=tuple((k, tuple(v)) for k, v in table.get("per-file-ignores", {}).items()),
        levels=dict(table.get("levels", {})),
        edition=table.get("edition", "auto"),
        issuer_kind=table.get("issuer-kind", "auto"),
        blank_cells=table.get("blank-cells", "warn"),
        docs_url=table.get("docs-url"),
        deadlines=dict(table.get("deadlines", {})),
        options=dict(table.get("options", {})),
        limits=Limits(**{name.replace("-", "_"): value for name, value in limits.items()}),
    )


def validate_config(table: Any) -> list[str]:
    """Problems of a configuration table: its schema, then what a schema cannot say
    (NaN passes every bound; 02-30 matches the MM-DD pattern)."""
    from linter.schema import schema_errors

    errors = schema_errors("config.schema.json", table, sep=".")
    if errors or not isinstance(table, dict):
        return errors
    for key, value in _leaves(table):
        if isinstance(value, float) and math.isnan(value):
            errors.append(f"{key}: nan is not a number")
    for kind, text in (table.get("deadlines") or {}).items():
        month, day = (int(x) for x in text.split("-"))
        try:
            dt.date(2001, month, day)  # not a leap year: a deadline must exist every year
        except ValueError:
            errors.append(f"deadlines.{kind}: '{text}' is not a date of every year")
    return errors


def _leaves(table: dict, prefix: str = "") -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.extend(_leaves(value, name + "."))
        else:
            out.append((name, value))
    return out
