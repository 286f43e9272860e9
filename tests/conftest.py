"""Shared fixtures: real reports from the corpus (copied into tests/fixtures) and helpers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from linter.engine import Engine, FileResult
from linter.plugins import Plugins, load_plugins

# The project's own plugins only: a third-party package installed beside the tests (its
# rules, readers, formats) must not change what they check (see linter.plugins).
os.environ["GONGKAI_LINT_PLUGINS"] = "gongkai-lint"

FIXTURES = Path(__file__).parent / "fixtures"
TEXT = FIXTURES / "text"
SAMPLE_2019 = TEXT / "2019_city-bureau-gongxin_tika.txt"
PINGTAN = sorted(TEXT.glob("20*_zone-pingtan_gov.txt"))
SHANGHAI_2025_MD = TEXT / "2025_prov-shanghai-govoffice.md"


@pytest.fixture(scope="session")
def plugins() -> Plugins:
    loaded = load_plugins()
    assert not loaded.problems, loaded.problems
    return loaded


@pytest.fixture
def engine(plugins: Plugins, tmp_path: Path) -> Engine:
    return Engine(plugins=plugins, root=tmp_path)


# The rules the CLI/reporting tests were written against (their output mechanics, not the
# rules, are under test there): rules added later do not change those tests' output.
BASE_RULES = "XT,ST001,AP101,AP102,AP103,RL101,PI002,CY,PB"


def sample_text() -> str:
    return SAMPLE_2019.read_text(encoding="utf-8")


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def replace_line(text: str, line_no: int, new: str) -> str:
    """Replace the 1-based line ``line_no`` of ``text`` (keeping the line structure)."""
    lines = text.split("\n")
    lines[line_no - 1] = new
    return "\n".join(lines)


def codes(result: FileResult) -> list[str]:
    return [f.code for f in result.findings]


def kinds(result: FileResult) -> list[tuple[str, str | None, str]]:
    """(code, sub-id, level) of each finding, sorted, leaving out PB001 (publication
    metadata, which only some forms of a report carry): what two forms of one report
    must share."""
    return sorted((f.code, f.sub_id, f.level) for f in result.findings if f.code != "PB001")
