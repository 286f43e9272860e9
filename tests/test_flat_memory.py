"""What the parent process keeps per report until the end of a batch stays out of its
memory: SARIF notifications go to a spool, each file's artifact index and fingerprint
identities to a SpillDict (SQLite), batch findings to the fact store (sorted there). The
log must be what it was when the identities were held in dicts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linter import factstore
from linter.reporters import sarif
from tests.test_cli import run
from tests.test_rules_cross_year import CARRIED_FORWARD_TOTAL, year_copy


class _Dict(dict):
    """The plain dict SpillDict replaced (the reference)."""

    def __init__(self, pending: int | None = None) -> None:
        super().__init__()

    def close(self) -> None:
        pass


def _batch(tmp_path: Path) -> Path:
    """Six reports of one agency over six years (carry-over findings between them, and
    skip notifications: no publication date) and an unreadable file."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for year in range(2018, 2024):
        text = year_copy(year, {CARRIED_FORWARD_TOTAL: f"\t{year - 2015}"})
        (folder / f"{year}.txt").write_text(text, encoding="utf-8")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    return tmp_path


def _log(base: Path, name: str, jobs: int) -> str:
    result = run(
        ["check", "reports", "--output-format", "sarif", "-o", name, "--jobs", str(jobs)], base
    )
    assert result.exit_code == 1, result.output
    return (base / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_log_is_the_same_with_the_per_file_state_spilled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    base = _batch(tmp_path)
    monkeypatch.setattr(factstore, "SPILL_PENDING", 2)  # spill after every second file
    monkeypatch.setattr(factstore, "_BATCH", 3)  # batch findings too
    spilled = _log(base, "spilled.sarif", jobs)
    monkeypatch.setattr(sarif, "SpillDict", _Dict)
    held = _log(base, "held.sarif", jobs)
    assert spilled == held
    run_ = json.loads(spilled)["runs"][0]
    uris = [a["location"]["uri"] for a in run_["artifacts"]]
    carry = [r for r in run_["results"] if r["ruleId"] == "CY001"]
    # Each later year's report is compared with the year before: five findings, each in
    # its own report's artifact (found again in SQLite after it was spilled).
    assert len(carry) == 5
    for r in carry:
        where = r["locations"][0]["physicalLocation"]["artifactLocation"]
        assert uris[where["index"]] == where["uri"]
    notes = run_["invocations"][0]["toolExecutionNotifications"]
    named = [n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in notes]
    skipped = [n for n in notes if n.get("properties", {}).get("kind") == "rule-skipped"]
    assert len(skipped) >= 6 and named == sorted(named, key=uris.index)


def test_the_parent_reporter_spools_what_it_keeps_per_file(tmp_path: Path) -> None:
    """After each file, the parent's SARIF reporter has spooled its notifications and
    keeps the file's index and identities in SQLite."""
    import io

    from linter.engine import Engine
    from linter.plugins import load_plugins
    from linter.reporters import ReportOptions

    base = _batch(tmp_path)
    engine = Engine(plugins=load_plugins(), root=base)
    options = ReportOptions(root=base, project_root=base, rules=engine.rules)
    reporter = sarif.SarifReporter(io.StringIO(), options)
    assert isinstance(reporter.index_of, factstore.SpillDict)
    assert isinstance(reporter.identities, factstore.SpillDict)
    spooled = 0
    for path in sorted((base / "reports").iterdir()):
        result = engine.lint_path(path)
        reporter.file(result)
        assert not hasattr(reporter, "notifications")
        assert reporter._notifications.count > spooled
        spooled = reporter._notifications.count
