"""gongkai-lint: a rule-driven compliance linter for 政府信息公开工作年度报告."""

__version__ = "0.1.0"

__all__ = ["__version__", "hookimpl"]


def __getattr__(name: str):
    # ``from linter import hookimpl`` imports pluggy then, not for ``--version``.
    if name == "hookimpl":
        from linter.hookspecs import hookimpl

        return hookimpl
    raise AttributeError(f"module 'linter' has no attribute {name!r}")
