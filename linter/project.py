"""The project root: what SARIF artifact URIs and baseline paths are relative to.

GitHub code scanning resolves a SARIF result's URI from the repository root, and VS Code's
SARIF viewer from the folder that is open; both work when URIs are relative to the
project root, whatever folder the linter ran in. The root is ``--project-root``, or the
nearest folder upwards (from the checked paths, then from the current folder) holding
``.git``, ``pyproject.toml`` or ``gongkai-lint.toml``, or else the current folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT_MARKERS = (".git", "pyproject.toml", "gongkai-lint.toml")


def find_project_root(paths: Iterable[Path] = (), cwd: Path | None = None) -> Path:
    """The nearest folder holding a root marker, above the checked paths or the cwd."""
    cwd = (cwd or Path.cwd()).resolve()
    starts: list[Path] = []
    resolved = [(p if p.is_absolute() else cwd / p) for p in paths]
    existing = [p.resolve() for p in resolved if p.exists()]
    if existing:
        folders = [p if p.is_dir() else p.parent for p in existing]
        try:
            starts.append(Path(os.path.commonpath([str(f) for f in folders])))
        except ValueError:  # different drives on Windows
            starts.append(folders[0])
    starts.append(cwd)
    for start in starts:
        for folder in (start, *start.parents):
            if any((folder / marker).exists() for marker in ROOT_MARKERS):
                return folder
    return cwd


@dataclass(frozen=True)
class Project:
    """Maps display paths (relative to ``cwd``, as findings carry them) to paths
    relative to ``root``."""

    root: Path
    cwd: Path

    @classmethod
    def at(cls, root: Path, cwd: Path | None = None) -> Project:
        return cls(root.resolve(), (cwd or Path.cwd()).resolve())

    def absolute(self, display_path: str) -> Path:
        return Path(os.path.normpath(self.cwd / display_path))

    def relative(self, display_path: str) -> str | None:
        """The path relative to the root (POSIX), or None when the file is outside it."""
        absolute = self.absolute(display_path)
        try:
            return absolute.relative_to(self.root).as_posix()
        except ValueError:
            return None
