"""Loading plugins: every entry point of group ``gongkai_lint``, one by one.

A plugin that fails to import, or whose hook raises or returns something invalid, is
reported and skipped; the run goes on with the others (``strict=True`` makes any such
problem fatal, for CI set-ups that must not silently lose a rule package).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any

import pluggy

from linter import hookspecs
from linter.readers import Reader
from linter.rule import Rule


@dataclass(frozen=True)
class PluginProblem:
    plugin: str
    message: str


class PluginError(Exception):
    """A plugin problem when plugins are loaded strictly."""


class LazyClasses(dict):
    """Output formats by name; a value given as an import path (``"pkg.module:Class"``)
    is imported when that format is first used, so a run imports one reporter, not
    every one (openpyxl, Jinja2 and the DOCX writer stay unloaded for a SARIF run)."""

    def __getitem__(self, name: str) -> type:
        value = super().__getitem__(name)
        if isinstance(value, str):
            from importlib import import_module

            module, _, attr = value.partition(":")
            value = getattr(import_module(module), attr)
            super().__setitem__(name, value)
        return value

    def get(self, name: str, default: Any = None) -> Any:  # type: ignore[override]
        return self[name] if name in self else default

    def values(self):  # type: ignore[override]
        return [self[name] for name in self]

    def items(self):  # type: ignore[override]
        return [(name, self[name]) for name in self]


@dataclass
class Plugins:
    rules: dict[str, Rule] = field(default_factory=dict)  # by code
    readers: list[Reader] = field(default_factory=list)
    reporters: dict[str, type] = field(default_factory=LazyClasses)
    problems: list[PluginProblem] = field(default_factory=list)
    # plugin name -> distribution/module it came from, for `gongkai-lint rules`.
    origins: dict[str, str] = field(default_factory=dict)


def load_plugins(strict: bool = False, extra: list[tuple[str, Any]] | None = None) -> Plugins:
    """Load every ``gongkai_lint`` entry point (and ``extra`` (name, module) pairs)."""
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    out = Plugins()
    for ep in sorted(entry_points(group=hookspecs.PROJECT), key=lambda e: e.name):
        try:
            module = ep.load()
            pm.register(module, name=ep.name)
            out.origins[ep.name] = ep.value
        except Exception as exc:  # a broken plugin must not stop the others
            out.problems.append(PluginProblem(ep.name, f"cannot load {ep.value}: {exc!r}"))
    for name, module in extra or []:
        try:
            pm.register(module, name=name)
            out.origins[name] = getattr(module, "__name__", name)
        except Exception as exc:
            out.problems.append(PluginProblem(name, f"cannot register: {exc!r}"))
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        out.problems.append(PluginProblem(pm.get_name(exc.plugin) or str(exc.plugin), str(exc)))

    for impl in pm.hook.gongkai_lint_rules.get_hookimpls():
        for rule_cls in _call(impl, out.problems, list):
            if (
                not (isinstance(rule_cls, type) and issubclass(rule_cls, Rule))
                or rule_cls._abstract
            ):
                out.problems.append(PluginProblem(impl.plugin_name, f"{rule_cls!r} is not a Rule"))
                continue
            if rule_cls.code in out.rules:
                other = type(out.rules[rule_cls.code]).__module__
                out.problems.append(
                    PluginProblem(
                        impl.plugin_name,
                        f"rule code {rule_cls.code} is already registered by {other}; skipped",
                    )
                )
                continue
            try:
                out.rules[rule_cls.code] = rule_cls()
            except Exception as exc:
                out.problems.append(PluginProblem(impl.plugin_name, f"{rule_cls!r}: {exc!r}"))
    for impl in pm.hook.gongkai_lint_readers.get_hookimpls():
        for reader_cls in _call(impl, out.problems, list):
            if isinstance(reader_cls, type) and issubclass(reader_cls, Reader):
                out.readers.append(reader_cls())
            else:
                out.problems.append(
                    PluginProblem(impl.plugin_name, f"{reader_cls!r} is not a Reader")
                )
    for impl in pm.hook.gongkai_lint_reporters.get_hookimpls():
        for fmt, reporter in _call(impl, out.problems, dict).items():
            if fmt in out.reporters:
                out.problems.append(
                    PluginProblem(impl.plugin_name, f"output format {fmt!r} already exists")
                )
            else:
                out.reporters[fmt] = reporter
    out.rules = dict(sorted(out.rules.items()))
    if strict and out.problems:
        raise PluginError("; ".join(f"{p.plugin}: {p.message}" for p in out.problems))
    return out


def _call(impl: Any, problems: list[PluginProblem], kind: type) -> Any:
    try:
        result = impl.function()
    except Exception as exc:
        problems.append(PluginProblem(impl.plugin_name, f"hook raised {exc!r}"))
        return kind()
    if result is None:
        return kind()
    if kind is list and isinstance(result, (list, tuple)):
        return list(result)
    if kind is dict and isinstance(result, dict):
        return result
    problems.append(PluginProblem(impl.plugin_name, f"hook returned {type(result).__name__}"))
    return kind()
