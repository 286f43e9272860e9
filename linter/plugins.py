"""Loading plugins: every entry point of group ``gongkai_lint``, one by one.

A plugin that fails to import, or whose hook raises or returns something invalid, is
reported and skipped; the run goes on with the others (``strict=True`` makes any such
problem fatal, for CI set-ups that must not silently lose a rule package).

Identity is never left to chance: a rule code or a rule name (or alias) that two
packages define is a load error naming both, whatever order their entry points sort in.
A third-party rule replaces a built-in one only when it says so (``overrides = True`` on
the rule class), and ``gongkai-lint rules`` shows it. Rule metadata, the ten
documentation headings included, is checked at load time for every package.

Hooks are called through pluggy (``pm.hook.…()``), so ``tryfirst``/``trylast`` and
wrappers work; each implementation is guarded so that one that raises is reported under
its own plugin's name and the others still count.

``GONGKAI_LINT_PLUGINS`` (a comma-separated list of distribution names, e.g.
``gongkai-lint``) limits which installed packages are loaded: the project's own tests
set it so that a third-party plugin installed beside them does not change their results.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any

import pluggy

from linter import hookspecs
from linter.readers import Reader
from linter.rule import Rule

# The distribution of the built-in readers, reporters and rule packages.
BUILTIN = "gongkai-lint"
ENV_ONLY = "GONGKAI_LINT_PLUGINS"


@dataclass(frozen=True)
class PluginProblem:
    plugin: str
    message: str
    # A problem that no run may ignore (two packages claiming one rule code or name).
    fatal: bool = False


class PluginError(Exception):
    """A plugin problem when plugins are loaded strictly, or a fatal one."""


@dataclass(frozen=True)
class Family:
    """A group of rules sharing a code prefix (``AP``), as its package declares it."""

    prefix: str
    name_zh: str
    name_en: str
    order: int = 1000


@dataclass(frozen=True)
class Override:
    code: str
    package: str  # the package whose rule now runs
    replaced: str  # the package whose rule it replaced


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
    # rule code -> the package (distribution) that provides it.
    packages: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, Override] = field(default_factory=dict)
    families: dict[str, Family] = field(default_factory=dict)  # by prefix

    def rule_by_name(self, name: str) -> Rule | None:
        """The rule whose name (or one of whose aliases) is ``name``."""
        return next((r for r in self.rules.values() if name in (r.name, *r.aliases)), None)


def load_plugins(
    strict: bool = False,
    extra: list[tuple[str, Any]] | None = None,
    only: Iterable[str] | None = None,
) -> Plugins:
    """Load every ``gongkai_lint`` entry point (and ``extra`` (name, module) pairs).

    ``only``: distribution names to load (default: ``$GONGKAI_LINT_PLUGINS``, else all).
    Raises :class:`PluginError` on a fatal problem, or on any problem when ``strict``.
    """
    if only is None and os.environ.get(ENV_ONLY, "").strip():
        only = [p.strip() for p in os.environ[ENV_ONLY].split(",") if p.strip()]
    wanted = {_canonical(p) for p in only} if only is not None else None
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    out = Plugins()
    package_of: dict[str, str] = {}  # plugin name -> distribution
    # A distribution's name is read from its metadata file (an e-mail header parse):
    # once per distribution, not once per entry point (the built-in one has thirteen).
    dist_names: dict[int, str] = {}
    for ep in sorted(entry_points(group=hookspecs.PROJECT), key=lambda e: e.name):
        if ep.dist is None:
            dist = ep.value.split(":")[0]
        elif (dist := dist_names.get(id(ep.dist))) is None:
            dist = dist_names[id(ep.dist)] = ep.dist.name
        if wanted is not None and _canonical(dist) not in wanted:
            continue
        name = ep.name if _canonical(dist) == _canonical(BUILTIN) else f"{dist}:{ep.name}"
        try:
            module = ep.load()
            pm.register(module, name=name)
            out.origins[name] = ep.value
            package_of[name] = dist
        except Exception as exc:  # a broken plugin must not stop the others
            out.problems.append(PluginProblem(name, f"cannot load {ep.value}: {exc!r}"))
    for name, module in extra or []:
        try:
            pm.register(module, name=name)
            out.origins[name] = getattr(module, "__name__", name)
            package_of[name] = getattr(module, "__name__", name)
        except Exception as exc:
            out.problems.append(PluginProblem(name, f"cannot register: {exc!r}"))
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        out.problems.append(PluginProblem(pm.get_name(exc.plugin) or str(exc.plugin), str(exc)))

    _load_rules(pm, out, package_of)
    for plugin, reader_cls in _call_hook(pm, "gongkai_lint_readers", out.problems, list):
        if isinstance(reader_cls, type) and issubclass(reader_cls, Reader):
            out.readers.append(reader_cls())
        else:
            out.problems.append(PluginProblem(plugin, f"{reader_cls!r} is not a Reader"))
    reporters = _call_hook(pm, "gongkai_lint_reporters", out.problems, dict)
    # Built-in formats first: a plugin adds formats, it does not take over one.
    reporters.sort(key=lambda item: _canonical(package_of.get(item[0], "")) != BUILTIN)
    for plugin, result in reporters:
        fmt, reporter = result
        if fmt in out.reporters:
            out.problems.append(PluginProblem(plugin, f"output format {fmt!r} already exists"))
        else:
            out.reporters[fmt] = reporter
    for plugin, family in _call_hook(pm, "gongkai_lint_families", out.problems, list):
        if not isinstance(family, Family):
            out.problems.append(PluginProblem(plugin, f"{family!r} is not a Family"))
        elif family.prefix not in out.families:
            out.families[family.prefix] = family
    _FAMILIES.update(out.families)
    fatal = [p for p in out.problems if p.fatal]
    if fatal or (strict and out.problems):
        raise PluginError("; ".join(f"{p.plugin}: {p.message}" for p in fatal or out.problems))
    return out


# Every family the plugins loaded in this process declared (docs, summaries and the HTML
# audit name and order families through these two functions; the core knows none).
_FAMILIES: dict[str, Family] = {}


def family_names(prefix: str) -> tuple[str, str]:
    """A family's names in Chinese and English (the prefix itself when undeclared)."""
    family = _FAMILIES.get(prefix)
    return (family.name_zh, family.name_en) if family else (prefix, prefix)


def family_order(prefixes: Iterable[str]) -> list[str]:
    """``prefixes`` in the order the packages declare (undeclared ones last, sorted)."""
    return sorted(
        set(prefixes),
        key=lambda p: (_FAMILIES[p].order, p) if p in _FAMILIES else (10**9, p),
    )


def _missing_sections(rule_cls: type[Rule]) -> list[str]:
    from linter.docs import missing_sections

    return missing_sections(rule_cls)


def _canonical(dist: str) -> str:
    return dist.lower().replace("_", "-").replace(".", "-")


def _load_rules(pm: pluggy.PluginManager, out: Plugins, package_of: dict[str, str]) -> None:
    candidates: dict[str, list[tuple[type[Rule], str]]] = {}  # code -> (class, plugin)
    for plugin, rule_cls in _call_hook(pm, "gongkai_lint_rules", out.problems, list):
        if not (isinstance(rule_cls, type) and issubclass(rule_cls, Rule)) or rule_cls._abstract:
            out.problems.append(PluginProblem(plugin, f"{rule_cls!r} is not a Rule"))
            continue
        # The built-in rules' documentation is checked by the test suite
        # (tests/test_docs.py), not again at every start.
        missing = (
            []
            if _canonical(package_of.get(plugin, plugin)) == _canonical(BUILTIN)
            else _missing_sections(rule_cls)
        )
        if missing:
            out.problems.append(
                PluginProblem(
                    plugin,
                    f"rule {rule_cls.code} ({rule_cls.__module__}.{rule_cls.__qualname__}): its "
                    f"docstring lacks the documentation headings {', '.join(missing)} (each "
                    "heading starts a line and is followed by a colon; see docs/plugins.md); "
                    "skipped",
                )
            )
            continue
        candidates.setdefault(rule_cls.code, []).append((rule_cls, plugin))

    def package(plugin: str) -> str:
        return package_of.get(plugin, plugin)

    def builtin(plugin: str) -> bool:
        return _canonical(package(plugin)) == _canonical(BUILTIN)

    def where(cls: type[Rule], plugin: str) -> str:
        return f"{package(plugin)} ({cls.__module__}.{cls.__qualname__})"

    chosen: dict[str, tuple[type[Rule], str]] = {}
    for code, found in candidates.items():
        # Built-in first, then by package: the same message whatever the load order.
        found.sort(key=lambda item: (not builtin(item[1]), package(item[1])))
        if len(found) == 1:
            chosen[code] = found[0]
            continue
        overriding = [(c, p) for c, p in found if c.overrides and not builtin(p)]
        replaced = [(c, p) for c, p in found if (c, p) not in overriding]
        if len(overriding) == 1 and replaced and all(builtin(p) for _, p in replaced):
            chosen[code] = overriding[0]
            out.overrides[code] = Override(code, package(overriding[0][1]), package(replaced[0][1]))
            continue
        shown = " and ".join(where(c, p) for c, p in found)
        out.problems.append(
            PluginProblem(
                found[1][1],
                f"rule code {code} is defined by {shown}; a rule code must be unique. A "
                "plugin may replace a built-in rule only by saying so (overrides = True on "
                "its rule class); otherwise give the rule another code",
                fatal=True,
            )
        )
    # Names and aliases: one rule each (an alias may be shared by rules of one package,
    # e.g. an old name that covered several rules).
    names: dict[str, tuple[type[Rule], str]] = {}
    for _code, (cls, plugin) in sorted(chosen.items()):
        for name in (cls.name, *cls.aliases):
            other = names.get(name)
            if other is None:
                names[name] = (cls, plugin)
                continue
            other_cls, other_plugin = other
            if (
                name in cls.aliases
                and name in other_cls.aliases
                and package(plugin) == package(other_plugin)
            ):
                continue
            out.problems.append(
                PluginProblem(
                    plugin,
                    f"rule name {name!r} is used by {where(other_cls, other_plugin)} "
                    f"({other_cls.code}) and {where(cls, plugin)} ({cls.code}); rule names and "
                    "aliases must be unique so that --select and configuration mean one rule",
                    fatal=True,
                )
            )
    for code, (cls, plugin) in sorted(chosen.items()):
        try:
            out.rules[code] = cls()
            out.packages[code] = package(plugin)
        except Exception as exc:
            out.problems.append(PluginProblem(plugin, f"{cls!r}: {exc!r}"))


def _call_hook(
    pm: pluggy.PluginManager, hook_name: str, problems: list[PluginProblem], kind: type
) -> list[tuple[str, Any]]:
    """Call a hook through pluggy and return its items, each with the plugin it came from.

    Items come in pluggy's call order (``tryfirst`` implementations first, then the
    last registered first). Every (non-wrapper) implementation is guarded: one that raises or returns the wrong
    type is reported and counts as returning nothing. Wrappers see and may change the
    combined result; an item a wrapper adds is attributed to the hook itself.
    """
    hook = getattr(pm.hook, hook_name)
    origin: dict[int, str] = {}
    saved = []
    for impl in hook.get_hookimpls():
        if impl.hookwrapper or impl.wrapper:
            continue
        saved.append((impl, impl.function))
        impl.function = _guarded(impl.function, impl.plugin_name, problems, kind, origin)
    try:
        results = hook()
    except Exception as exc:
        problems.append(PluginProblem(hook_name, f"hook call failed: {exc!r}"))
        results = []
    finally:
        for impl, function in saved:
            impl.function = function
    items: list[tuple[str, Any]] = []
    for result in results:
        if not isinstance(result, (list, tuple, dict)):
            continue
        for item in result.items() if isinstance(result, dict) else result:
            key = id(item[1]) if isinstance(result, dict) else id(item)
            items.append((origin.get(key, origin.get(id(result), hook_name)), item))
    return items


def _guarded(function, plugin: str, problems: list[PluginProblem], kind: type, origin: dict):
    def call(*args, **kwargs):
        try:
            result = function(*args, **kwargs)
        except Exception as exc:
            problems.append(PluginProblem(plugin, f"hook raised {exc!r}"))
            return None
        if result is None:
            return None
        if kind is list and isinstance(result, (list, tuple)):
            result = list(result)
            for item in result:
                origin.setdefault(id(item), plugin)
            return result
        if kind is dict and isinstance(result, dict):
            for value in result.values():
                origin.setdefault(id(value), plugin)
            return result
        problems.append(PluginProblem(plugin, f"hook returned {type(result).__name__}"))
        return None

    return call
