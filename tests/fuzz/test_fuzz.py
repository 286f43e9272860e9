"""The fuzz campaign in the normal test run: a few hundred seeded mutants of the real
fixtures, every one held to the promise (see :mod:`tests.fuzz.campaign`)."""

from __future__ import annotations

from pathlib import Path

from .campaign import run

# Enough mutants to reach every reader and operator, few enough for under a minute.
COUNT = 240


def test_mutants_of_every_form_keep_the_promise(tmp_path: Path) -> None:
    outcome = run(tmp_path, COUNT, seed=13, jobs=2, time_limit=120)
    assert outcome.ok, outcome.summary() + "\n" + "\n".join(map(str, outcome.problems[:20]))
    assert outcome.mutants == COUNT and outcome.lost_files == 0
    assert set(outcome.by_form) == {"text", "html", "docx", "json", "pdf"}
    # The mutants do reach the readers' error paths (not all are silently fine).
    assert 0 < outcome.unreadable < COUNT
    assert outcome.peak_memory_mib < 1024
