"""Every real fixture, cut short or with a piece cut out, reads without an internal error.

Published files are often truncated by a failed download or mangled by an editor; the
tool must then say what it could and could not read (XT findings), never crash or report
a bug of its own.
"""

from __future__ import annotations

import random
from pathlib import Path

from linter.engine import Engine
from tests.conftest import FIXTURES

SOURCES = sorted(
    p
    for p in FIXTURES.rglob("*")
    if p.is_file()
    and p.suffix in (".txt", ".md", ".html", ".mhtml", ".docx")
    and "corpus_sections" not in p.parts
)


def test_mutilated_fixtures_never_fail_internally(engine: Engine, tmp_path: Path) -> None:
    rng = random.Random(20261128)
    checked = 0
    for n, source in enumerate(SOURCES):
        data = source.read_bytes()
        for k in range(2):
            cut = rng.randint(0, len(data))
            variant = data[:cut] if k == 0 else data[:cut] + data[cut + rng.randint(1, 200) :]
            path = tmp_path / f"v{n}_{k}{source.suffix}"
            path.write_bytes(variant)
            result = engine.lint_path(path)
            internal = [
                f
                for f in result.findings
                if f.tool_failure and ("bug" in f.message_en or f.code != "XT001")
            ]
            assert internal == [], (source.name, k, cut, [f.message_en for f in internal])
            checked += 1
    assert checked == 2 * len(SOURCES) >= 24
