"""``python -m linter``: the same command line as ``gongkai-lint``."""

from linter.cli import main

if __name__ == "__main__":  # pragma: no cover - run as a module
    main(prog_name="gongkai-lint")
