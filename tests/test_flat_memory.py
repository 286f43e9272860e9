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


def test_a_batch_rule_failing_half_way_leaves_only_its_internal_error(tmp_path: Path) -> None:
    """Batch findings are streamed to the store as the rules make them; a rule that
    raises after some findings gives none of them, only its internal error — in a
    batch run as in Engine.check_batch."""
    import io

    from linter.batch import EngineSpec, run_batch
    from linter.engine import Engine
    from linter.factstore import FactStore
    from linter.plugins import load_plugins
    from linter.reporters import ReportOptions
    from linter.reporters.json_ import JsonReporter
    from linter.rule import BatchRule

    class HalfWay(BatchRule):
        """Fails after two findings."""

        code = "ZZ009"
        name = "half-way"
        level = "warning"
        summary_zh = summary_en = basis_zh = basis_en = "x"

        def collect(self, report, context):
            return {"n": 1}

        def check_batch(self, reports, context):
            for facts in list(reports)[:2]:
                yield self.batch_finding(facts, None, "中途", "half-way")
            raise ValueError("broke after two")

    base = _batch(tmp_path)
    plugins = load_plugins()
    rules = {**plugins.rules, "ZZ009": HalfWay()}
    plugins = type(plugins)(rules=rules, readers=plugins.readers, reporters=plugins.reporters)
    engine = Engine(plugins=plugins, root=base)
    files = sorted(str(p) for p in (base / "reports").glob("*.txt"))
    results = [engine.lint_path(Path(f)) for f in files]
    facts = {"ZZ009": [r.facts["ZZ009"] for r in results]}
    (failed,) = [f for f in engine.check_batch(facts) if f.code == "ZZ009"]
    assert failed.tool_failure and "broke after two" in failed.message_en

    out = io.StringIO()
    reporter = JsonReporter(out, ReportOptions(root=base, project_root=base, rules=engine.rules))
    store = FactStore(None)
    try:
        run_batch(engine, EngineSpec(root=base), files, 1, reporter, store)
    finally:
        store.close()
    reporter.finish()
    found = [f for f in json.loads(out.getvalue())["findings"] if f["code"] == "ZZ009"]
    assert len(found) == 1 and "broke after two" in found[0]["message"]


def test_no_rule_memo_keeps_a_report_once_the_engine_is_done_with_it() -> None:
    """Rules share work on the report being checked (its narratives, figures, the items
    present): none of it outlives the check. A memo of the last narratives kept earlier
    reports alive — their parsed pages and anchors — until a later report freed them; so
    did the report's whole narrative that the statements and the WD rules share."""
    import gc

    from linter.engine import Engine
    from linter.narrative import Narrative
    from linter.plugins import load_plugins
    from linter.rule import ReportMemo
    from tests.conftest import FIXTURES

    engine = Engine(load_plugins())
    report = engine.parse(FIXTURES / "html" / "2019_prov-shanghai-govoffice.html")
    assert engine.check_report(report)
    blocks = [*report.preamble, *(p for s in report.sections for p in s.paragraphs)]
    anchors = {id(b.anchor) for b in blocks}
    del report  # (its statements keep the narrative they were read from: the report's own)
    gc.collect()
    kept = [
        o
        for o in gc.get_objects()
        if isinstance(o, Narrative) and any(id(s.anchor) in anchors for s in o.sources)
    ]
    assert kept == []
    assert all(memo.owner is None and not memo.made for memo in ReportMemo._every)
