"""Configuration: ``[tool.gongkai-lint]`` in pyproject.toml, or gongkai-lint.toml.

The file is found from the current folder upwards (``gongkai-lint.toml`` wins over
``pyproject.toml`` in the same folder), validated against ``schemas/config.schema.json``,
and command-line flags override it.
"""

from __future__ import annotations

import fnmatch
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from linter.readers import Limits

CONFIG_FILE = "gongkai-lint.toml"


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
                data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError):
                continue
            if "gongkai-lint" in data.get("tool", {}):
                return pyproject
    return None


def load_config(path: Path | None) -> Config:
    """Read and validate a configuration file; ``None`` gives the defaults."""
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the configuration: {exc.strerror}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    table: Any = (
        data.get("tool", {}).get("gongkai-lint", {}) if path.name == "pyproject.toml" else data
    )
    if path.name != "pyproject.toml" and "tool" in table and "gongkai-lint" in table["tool"]:
        table = table["tool"]["gongkai-lint"]
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
    from linter.schema import schema_errors

    return schema_errors("config.schema.json", table, sep=".")
