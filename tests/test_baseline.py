"""Baselines survive what happens to a checkout: another working folder, a renamed folder,
a moved file, an inserted paragraph — and still report exactly what is new."""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from linter.engine import Engine
from linter.plugins import load_plugins
from linter.project import find_project_root
from tests.conftest import FIXTURES, SAMPLE_2019, replace_line, sample_text
from tests.test_cli import run

PINGTAN_2022_HTML = FIXTURES / "html" / "2022_zone-pingtan_gov.html"
DOCX_NAME = "2024_city-huaian_gov.filled-template.docx"
PARAGRAPH = "本年度，我区继续推进政务公开标准化规范化建设，公开工作总体平稳。"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A checkout (``.git``) with two reports: one whose agency and year are read (an
    HTML page), one without an agency in its title (a Tika text dump); a baseline."""
    root = tmp_path / "checkout"
    (root / ".git").mkdir(parents=True)
    reports = root / "reports"
    reports.mkdir()
    shutil.copy(PINGTAN_2022_HTML, reports / "pingtan.html")
    shutil.copy(SAMPLE_2019, reports / "sample.txt")
    first = run(["check", "reports", "--output-format", "sarif", "-o", "base.sarif"], root)
    assert first.exit_code == 1
    return root


def new_findings(cwd: Path, *args: str) -> list[tuple[str, str | None]]:
    """(rule, sub-id) of each new finding of a run with the baseline, from its SARIF."""
    result = run(["check", *args, "--output-format", "sarif", "-o", str(cwd / "new.sarif")], cwd)
    log = json.loads((cwd / "new.sarif").read_text(encoding="utf-8"))
    new = [r for r in log["runs"][0]["results"] if r["baselineState"] == "new"]
    assert result.exit_code == (1 if new else 0)
    return [(r["ruleId"], r.get("properties", {}).get("subId")) for r in new]


def test_nothing_new_from_another_folder(project: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    base = str(project / "base.sarif")
    assert new_findings(elsewhere, "../checkout/reports", "--baseline", base) == []
    # The URIs are the same as from the checkout itself: relative to its root.
    log = json.loads((elsewhere / "new.sarif").read_text(encoding="utf-8"))
    uris = sorted(a["location"]["uri"] for a in log["runs"][0]["artifacts"])
    assert uris == ["reports/pingtan.html", "reports/sample.txt"]
    assert str(tmp_path) not in (elsewhere / "new.sarif").read_text(encoding="utf-8")


def test_nothing_new_after_renaming_the_folder(project: Path) -> None:
    (project / "reports").rename(project / "年度报告")
    assert new_findings(project, "年度报告", "--baseline", "base.sarif") == []


def test_nothing_new_after_moving_a_file(project: Path) -> None:
    (project / "reports" / "2022").mkdir()
    (project / "reports" / "pingtan.html").rename(project / "reports" / "2022" / "平潭.html")
    (project / "reports" / "sample.txt").rename(project / "sample.txt")
    assert new_findings(project, "reports", "sample.txt", "--baseline", "base.sarif") == []


def test_nothing_new_after_inserting_a_paragraph(project: Path) -> None:
    page = project / "reports" / "pingtan.html"
    html = page.read_text(encoding="utf-8")
    at = html.index("<p><span", html.index("一、总体情况"))
    page.write_text(html[:at] + f"<p>{PARAGRAPH}</p>\n" + html[at:], encoding="utf-8")
    text = project / "reports" / "sample.txt"
    lines = sample_text().split("\n")
    text.write_text("\n".join([*lines[:20], PARAGRAPH, "", *lines[20:]]), encoding="utf-8")
    assert new_findings(project, "reports", "--baseline", "base.sarif") == []


def test_one_changed_number_is_exactly_one_new_finding(project: Path) -> None:
    page = project / "reports" / "pingtan.html"
    engine = Engine(plugins=load_plugins())
    cell = engine.parse(page).review_litigation.rows["cases"].cells["litigation_direct.upheld"]
    assert cell.value == 1
    lines = page.read_text(encoding="utf-8").split("\n")
    first, last = cell.anchor.line - 1, cell.anchor.end_line
    cell_source = "\n".join(lines[first:last])
    assert cell_source.count(">1<") == 1
    lines[first:last] = cell_source.replace(">1<", ">2<").split("\n")
    page.write_text("\n".join(lines), encoding="utf-8")
    found = new_findings(project, "reports", "--baseline", "base.sarif")
    assert found == [("RL101", "litigation_direct")]


def test_one_changed_number_in_a_report_without_agency(project: Path) -> None:
    # The content hash changes with the number: the path fingerprint still matches.
    text = project / "reports" / "sample.txt"
    text.write_text(replace_line(sample_text(), 374, "\t2"), encoding="utf-8")
    assert new_findings(project, "reports", "--baseline", "base.sarif") == [("RL101", "review")]


RESIDUE = "（文字描述）"


def test_three_accepted_residues_do_not_hide_a_fourth(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    lines = sample_text().split("\n")
    lines[390:390] = [f"{RESIDUE}", "", f"{RESIDUE}", "", f"{RESIDUE}", ""]
    report = tmp_path / "report.txt"
    report.write_text("\n".join(lines), encoding="utf-8")
    args = ["report.txt", "--select", "ST006"]
    first = run(["check", *args, "--output-format", "sarif", "-o", "base.sarif"], tmp_path)
    log = json.loads((tmp_path / "base.sarif").read_text(encoding="utf-8"))
    results = log["runs"][0]["results"]
    assert first.exit_code == 1 and [r["ruleId"] for r in results] == ["ST006"] * 3
    # Three findings of one rule at one place: three fingerprints.
    assert len({r["partialFingerprints"]["gongkaiLint/v2"] for r in results}) == 3
    assert new_findings(tmp_path, *args, "--baseline", "base.sarif") == []
    lines[390:390] = [f"{RESIDUE}", ""]
    report.write_text("\n".join(lines), encoding="utf-8")
    assert new_findings(tmp_path, *args, "--baseline", "base.sarif") == [
        ("ST006", "text-description")
    ]


def test_an_old_baseline_is_still_read(tmp_path: Path) -> None:
    """A log written before fingerprints v2: ``gongkaiLint/v1`` = sha-256 of rule, sub-id,
    path and IR node, as the first releases wrote it."""
    shutil.copy(SAMPLE_2019, tmp_path / "a.txt")
    (tmp_path / "a.txt").write_text(replace_line(sample_text(), 374, "\t2"), encoding="utf-8")

    def v1(code: str, sub_id: str, logical: str) -> str:
        basis = "\x1f".join([code, sub_id, "a.txt", logical])
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]

    old = {
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "gongkai-lint"}},
                "results": [
                    {
                        "ruleId": "PI002",
                        "message": {"text": "…"},
                        "partialFingerprints": {"gongkaiLint/v1": v1("PI002", "", "section/5")},
                    }
                ],
            }
        ],
    }
    (tmp_path / "old.sarif").write_text(json.dumps(old), encoding="utf-8")
    args = ["a.txt", "--select", "PI002,RL101", "--baseline", "old.sarif"]
    assert new_findings(tmp_path, *args) == [("RL101", "review")]


def test_project_root_is_found_above_the_checked_paths(tmp_path: Path) -> None:
    (tmp_path / "repo" / "docs" / "reports").mkdir(parents=True)
    (tmp_path / "repo" / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "cwd").mkdir()
    reports = tmp_path / "repo" / "docs" / "reports"
    assert find_project_root([reports], cwd=tmp_path / "cwd") == (tmp_path / "repo").resolve()
    # No marker anywhere above: the current folder.
    assert find_project_root([], cwd=tmp_path / "cwd") == (tmp_path / "cwd").resolve()


def test_a_file_outside_the_root_gets_a_file_uri_and_a_note(tmp_path: Path) -> None:
    (tmp_path / "repo").mkdir()
    (tmp_path / "outside").mkdir()
    shutil.copy(SAMPLE_2019, tmp_path / "outside" / "a.txt")
    result = run(
        [
            "check",
            "../outside/a.txt",
            "--project-root",
            ".",
            "--output-format",
            "sarif",
            "-o",
            "out.sarif",
        ],
        tmp_path / "repo",
    )
    log = json.loads((tmp_path / "repo" / "out.sarif").read_text(encoding="utf-8"))
    (artifact,) = log["runs"][0]["artifacts"]
    assert artifact["location"] == {"uri": (tmp_path / "outside" / "a.txt").resolve().as_uri()}
    assert result.stderr.count("outside the project root") == 1


def test_the_html_page_and_the_docx_of_one_report_are_told_apart(tmp_path: Path) -> None:
    """One agency and year in two forms: two artifacts, so two sets of fingerprints (GitHub
    would otherwise take one alert for the other)."""
    from linter.fingerprint import fingerprints, report_identity

    engine = Engine(plugins=load_plugins(), root=tmp_path)
    docx = engine.lint_path(FIXTURES.parent.parent / "docs" / "examples" / DOCX_NAME)
    html_report = engine.parse(PINGTAN_2022_HTML)
    same_agency = replace(html_report, agency=docx.report.agency, year=docx.report.year)
    assert report_identity(same_agency) != report_identity(docx.report)
    assert report_identity(docx.report).startswith("agency:淮安市政府/2024/")
    prints = fingerprints(docx.findings, report_identity(docx.report))
    assert len(set(prints)) == len(prints)
