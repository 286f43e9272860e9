"""The fast paths give the same output as the plain ones, on the corpus and a bench batch.

SARIF rendered in the workers (fragments spliced by the parent) is compared byte for
byte with SARIF rendered by the parent from whole results, with one job and with two;
the fact store and the pairing index are compared with the pairing scan in
tests/test_fact_store.py. The batch is every real report among the fixtures plus a small
batch built by bench/bench_batch.py's generator (numbers varied, sentences shuffled,
hostile files), so cross-year pairs, ambiguous pairings and XT001 are all in it.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from linter.reporters.sarif import SarifReporter
from tests.conftest import FIXTURES
from tests.test_cli import run

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("speed")
    folder = base / "reports"
    folder.mkdir()
    for sub in ("text", "html", "docx", "corpus_sections", "forms", "pdf"):
        if (FIXTURES / sub).is_dir():
            shutil.copytree(FIXTURES / sub, folder / "corpus" / sub)
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from bench_batch import build_batch  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(ROOT / "bench"))
    (folder / "bench").mkdir()
    build_batch(folder / "bench", 40)
    (base / "gongkai-lint.toml").write_text("", encoding="utf-8")  # the project root
    return base


def _sarif(base: Path, name: str, jobs: int, *extra: str) -> str:
    result = run(
        ["check", "reports", "--output-format", "sarif", "-o", name, "--jobs", str(jobs), *extra],
        base,
    )
    assert result.exit_code == 1, result.output
    return (base / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("related", [(), ("--sarif-related-locations",)])
def test_sarif_rendered_in_the_workers_is_the_same_as_rendered_by_the_parent(
    batch: Path, monkeypatch: pytest.MonkeyPatch, related: tuple[str, ...]
) -> None:
    fragments_1 = _sarif(batch, "f1.sarif", 1, *related)
    fragments_2 = _sarif(batch, "f2.sarif", 2, *related)
    monkeypatch.setattr(SarifReporter, "renders_in_workers", False)
    parent = _sarif(batch, "p.sarif", 2, *related)
    assert fragments_1 == parent
    assert fragments_2 == parent
    run_ = json.loads(parent)["runs"][0]
    results = run_["results"]
    codes = {r["ruleId"] for r in results}
    # The batch exercises what the fast paths touch.
    assert {"XT001", "AP101", "CY001"} <= codes
    # Logical locations by index into the run's table (the workers' own tables mapped).
    assert len(run_["logicalLocations"]) > 20
    assert any(r.get("relatedLocations") for r in results) == bool(related)
    assert any("contents" in a for a in run_["artifacts"])  # DOCX text embedded
    assert any(
        r["locations"][0]["physicalLocation"]["artifactLocation"].get("index", 0) > 100
        for r in results
    )


def test_the_parent_still_renders_what_a_worker_did_not(
    batch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker whose renderer fails sends the whole result; the log is the same."""
    expected = _sarif(batch, "whole.sarif", 2, "--select", "XT,AP1")

    def broken(self, result):
        raise RuntimeError("renderer bug")

    monkeypatch.setattr(SarifReporter, "fragment", broken)
    assert _sarif(batch, "fallback.sarif", 2, "--select", "XT,AP1") == expected
