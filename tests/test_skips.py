"""Nothing unchecked in silence: a file that could not be read, a file that is not a
report and a report a rule could not check each leave a trace in every output — SARIF
(toolExecutionNotifications naming the file and the rule), JSON (every file, with the
rules that could not check it), csv/xlsx and the summary (a column), and standard error
(the files named)."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from linter.schema import validate_output_json, validate_sarif
from tests.conftest import FIXTURES, PINGTAN, SAMPLE_2019
from tests.test_cli import run
from tests.test_sarif import multitool_problems, needs_multitool

README = FIXTURES / "forms" / "xt_readme_gongkai-lint.md"


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """A folder with two reports PB001 cannot check (no publication date; no issuer kind),
    a Word file that is not one (unreadable) and a README (not a report)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SAMPLE_2019, folder / "a.txt")
    shutil.copy(PINGTAN[0], folder / "b.txt")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not a zip archive")
    shutil.copy(README, folder / "readme.md")
    return folder


def test_sarif_carries_a_notification_per_file_not_checked(batch: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.sarif"
    result = run(["check", "reports", "--output-format", "sarif", "-o", str(out)], tmp_path)
    assert result.exit_code == 1, result.output
    log = json.loads(out.read_text(encoding="utf-8"))
    assert validate_sarif(log) == []
    run_ = log["runs"][0]
    uris = [a["location"]["uri"] for a in run_["artifacts"]]
    notes = run_["invocations"][0]["toolExecutionNotifications"]
    by_file = sorted(
        (
            n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            n["associatedRule"]["id"],
            n["level"],
        )
        for n in notes
    )
    assert by_file == [
        ("reports/a.txt", "PB001", "warning"),
        ("reports/b.txt", "PB001", "warning"),
        ("reports/broken.docx", "XT001", "error"),
        ("reports/readme.md", "XT004", "warning"),
    ]
    rules = run_["tool"]["driver"]["rules"]
    for n in notes:
        where = n["locations"][0]["physicalLocation"]["artifactLocation"]
        assert uris[where["index"]] == where["uri"]  # the artifact it names
        rule = n["associatedRule"]
        assert rules[rule["index"]]["id"] == rule["id"]
    pb001 = next(n for n in notes if n["associatedRule"]["id"] == "PB001")
    assert pb001["message"]["text"].startswith("PB001 未能检查该报告：")


@needs_multitool
def test_sarif_with_notifications_passes_the_multitool(batch: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.sarif"
    run(["check", "reports", "--output-format", "sarif", "-o", str(out)], tmp_path)
    assert multitool_problems(out) == []


def test_json_lists_every_file_and_what_was_not_checked(batch: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = run(["check", "reports", "--output-format", "json", "-o", str(out)], tmp_path)
    assert result.exit_code == 1
    document = json.loads(out.read_text(encoding="utf-8"))
    assert validate_output_json(document) == []
    files = {f["path"]: f for f in document["files"]}
    assert sorted(files) == [
        "reports/a.txt",
        "reports/b.txt",
        "reports/broken.docx",
        "reports/readme.md",
    ]
    assert [(f["readable"], f["checked"]) for f in files.values()] == [
        (True, True),
        (True, True),
        (False, False),
        (True, False),
    ]
    assert [s["rule"] for s in files["reports/a.txt"]["skipped"]] == ["PB001"]
    assert "没有公开日期" in files["reports/a.txt"]["skipped"][0]["reason"]
    assert "发布主体类型不明" in files["reports/b.txt"]["skipped"][0]["reason"]
    assert files["reports/broken.docx"]["skipped"] == []
    # Counts agree with the findings.
    for path, entry in files.items():
        mine = [f for f in document["findings"] if f["path"] == path]
        assert entry["counts"]["total"] == len(mine)
    assert files["reports/readme.md"]["counts"] == {
        "error": 1,
        "warning": 0,
        "note": 0,
        "total": 1,
    }


def test_json_schema_refuses_a_bare_list() -> None:
    # The old form (a list of findings) is not the contract any more.
    assert validate_output_json([]) != []


def test_csv_and_summary_name_the_rules_that_could_not_check(batch: Path, tmp_path) -> None:
    out = tmp_path / "out.csv"
    run(["check", "reports", "--output-format", "csv", "-o", str(out), "--lang", "en"], tmp_path)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        header, *rows = list(csv.reader(fh))
    assert header[-1] == "rules not checked"
    assert {r[0]: r[-1] for r in rows} == {
        "reports/a.txt": "PB001",
        "reports/b.txt": "PB001",
        "reports/broken.docx": "",
        "reports/readme.md": "",
    }
    summary = run(["check", "reports", "--output-format", "summary"], tmp_path).stdout
    assert "未能检查" in summary.splitlines()[0]
    assert summary.splitlines()[2].endswith("PB001")


def test_stderr_names_the_reports_not_checked(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for name in ("a", "b", "c", "d", "e"):
        shutil.copy(SAMPLE_2019, folder / f"{name}.txt")
    result = run(["check", "many", "--select", "PB"], tmp_path)
    assert (
        "PB001 未能检查 5 份报告（many/a.txt、many/b.txt、many/c.txt…等 5 份）："
        "没有公开日期（网页的发布日期，或清单的 published 列）"
    ) in result.stderr
    english = run(["check", "many", "--select", "PB", "--lang", "en"], tmp_path)
    assert (
        "PB001 could not check 5 report(s) (many/a.txt, many/b.txt, many/c.txt, … 5 in all): "
        in (english.stderr)
    )
