"""gongkai-lint: a rule-driven compliance linter for 政府信息公开工作年度报告."""

__version__ = "0.1.0"

from linter.hookspecs import hookimpl  # noqa: E402

__all__ = ["__version__", "hookimpl"]
