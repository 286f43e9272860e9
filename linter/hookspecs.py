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
    :class:`linter.rule.Rule`; its metadata was validated when the class was defined,
    and its docstring's ten documentation headings are checked at load time (a rule
    without them is reported and skipped). A rule code, name or alias that another
    package also defines is a load error naming both packages — unless the rule class
    sets ``overrides = True`` to replace the built-in rule of its code on purpose
    (``gongkai-lint rules`` then shows the override).

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


@hookspec
def gongkai_lint_families() -> list:
    """Return the rule families this plugin provides, as :class:`linter.plugins.Family`
    objects: a code prefix (``AP``), its name in Chinese and English, and a number that
    orders the families in documentation and summaries.

    Called once when the plugins are loaded; the first declaration of a prefix counts.
    A family nobody declares is shown by its prefix, after the declared ones.

    Example::

        from linter import hookimpl
        from linter.plugins import Family

        @hookimpl
        def gongkai_lint_families():
            return [Family("LC", "地方要求", "local requirements", order=900)]
    """
