"""The hooks a gongkai-lint plugin can implement.

A plugin is a module (or object) registered under the entry-point group
``gongkai_lint``; it implements any of these hooks with ``@linter.hookimpl``.
Every built-in package registers exactly the same way.
"""

from __future__ import annotations

import pluggy

PROJECT = "gongkai_lint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def gongkai_lint_rules() -> list[type]:
    """Return the rule classes this plugin provides.

    Called once when the plugins are loaded. Each item is a subclass of
    :class:`linter.rule.Rule`; its metadata was validated when the class was defined.
    A code already registered by another plugin is a registration error and the
    second rule is skipped.

    Example::

        from linter import hookimpl
        from mypkg.rules import LocalDeadline

        @hookimpl
        def gongkai_lint_rules():
            return [LocalDeadline]
    """


@hookspec
def gongkai_lint_readers() -> list[type]:
    """Return the reader classes this plugin provides (subclasses of
    :class:`linter.readers.Reader`), e.g. a PDF reader shipped as its own package.

    Called once when the plugins are loaded. For each file, the reader whose ``sniff``
    gives the highest confidence reads it.
    """


@hookspec
def gongkai_lint_reporters() -> dict[str, type]:
    """Return output formats this plugin provides, as ``{format name: reporter class}``;
    a value may be an import path instead (``"mypkg.sarif:MyReporter"``), imported only
    when that format is used, so that other runs start without it.

    A reporter class is constructed with the run's options and is fed each file's
    results as they complete (see :class:`linter.reporters.Reporter`). Names must not
    clash with built-in formats.
    """
