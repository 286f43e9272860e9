"""``python -m linter``: the same command line as ``gongkai-lint``."""

from linter.cli import entry

if __name__ == "__main__":  # pragma: no cover - run as a module
    entry(prog_name="gongkai-lint")
