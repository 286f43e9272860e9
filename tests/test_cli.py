"""The command line as a user runs it: exit codes, formats, folders, selection."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import main
from linter.schema import validate_output_json, validate_report_json, validate_sarif
from tests.conftest import BASE_RULES, PINGTAN, SAMPLE_2019, sample_text


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder mixing a good report, flattened pages, broken and hostile files."""
    root = tmp_path / "报告 2019"
    (root / "sub").mkdir(parents=True)
    shutil.copy(SAMPLE_2019, root / "2019_sample.txt")
    shutil.copy(PINGTAN[0], root / "sub" / PINGTAN[0].name)
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (root / "gbk copy.txt").write_bytes(sample_text().encode("gb18030"))
    (root / "notes.ini").write_text("not a report", encoding="utf-8")  # not a report suffix
    return root


def run(args: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch | None = None):
    """Run the CLI in ``cwd`` as a user would (paths relative to it)."""
    import os

    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, args, catch_exceptions=False)
    finally:
        os.chdir(old)


def test_check_sample_concise(tmp_path: Path) -> None:
    shutil.copy(SAMPLE_2019, tmp_path / "sample.txt")
    result = run(["check", "sample.txt", "--select", BASE_RULES], tmp_path)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("sample.txt:392:1: PI002 第五部分")
    assert lines[-1] == "共检查 1 个文件，发现 1 个问题。"


def test_check_english(tmp_path: Path) -> None:
    shutil.copy(SAMPLE_2019, tmp_path / "sample.txt")
    result = run(["check", "sample.txt", "--lang", "en", "--select", BASE_RULES], tmp_path)
    assert "sample.txt:392:1: PI002 section 5" in result.output
    assert result.stdout.splitlines()[-1] == "Found 1 finding(s) in 1 file(s)."


def test_folder_with_bad_files_lints_every_file(folder: Path) -> None:
    result = run(["check", folder.name], folder.parent)
    assert result.exit_code == 1
    out = result.output
    name = folder.name
    assert f"{name}/empty.txt:1:1: XT001" in out
    assert f"{name}/binary.txt:1:1: XT001" in out
    assert f"{name}/gbk copy.txt:1:1: XT003 [note]" in out
    assert f"{name}/gbk copy.txt:392:1: PI002" in out
    assert f"{name}/2019_sample.txt:392:1: PI002" in out
    assert f"{name}/sub/{PINGTAN[0].name}" in out and "XT002 [warning]" in out
    assert "notes.ini" not in out
    assert "共检查 5 个文件" in out


def test_select_and_ignore(tmp_path: Path) -> None:
    shutil.copy(SAMPLE_2019, tmp_path / "sample.txt")
    assert (
        run(
            ["check", "sample.txt", "--select", "PI002,AP1", "--ignore", "PI002"], tmp_path
        ).exit_code
        == 0
    )
    assert run(["check", "sample.txt", "--select", "AP1,RL1"], tmp_path).exit_code == 0
    assert (
        run(
            ["check", "sample.txt", "--select", "PI", "--ignore", "no-improvement-measures"],
            tmp_path,
        ).exit_code
        == 0
    )
    assert (
        run(["check", "sample.txt", "--select", "PI002", "--ignore", "PI"], tmp_path).exit_code == 1
    )
    bad = run(["check", "sample.txt", "--select", "ZZ9"], tmp_path)
    assert bad.exit_code == 2 and "no rule matches ZZ9" in bad.output


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run(["check", "missing.txt"], tmp_path).exit_code == 2
    shutil.copy(SAMPLE_2019, tmp_path / "sample.txt")
    bad_format = run(["check", "sample.txt", "--output-format", "yaml"], tmp_path)
    assert bad_format.exit_code == 2 and "unknown output format" in bad_format.output
    (tmp_path / "empty_dir").mkdir()
    assert run(["check", "empty_dir"], tmp_path).exit_code == 2


def test_json_output(tmp_path: Path) -> None:
    shutil.copy(SAMPLE_2019, tmp_path / "sample.txt")
    result = run(
        [
            "check",
            "sample.txt",
            "--output-format",
            "json",
            "-o",
            "out.json",
            "--select",
            BASE_RULES,
        ],
        tmp_path,
    )
    assert result.exit_code == 1
    items = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["findings"]
    assert [(i["code"], i["location"]["anchor"]) for i in items] == [
        ("PI002", {"line": 392, "column": 1, "end_line": 392, "end_column": 15})
    ]
    assert items[0]["report"] == {"agency": None, "year": 2019, "edition": "2019"}
    document = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert validate_output_json(document) == []
    assert document["files"] == [
        {
            "path": "sample.txt",
            "form": "text/plain",
            "reader": "text",
            "readable": True,
            "checked": True,
            "agency": None,
            "year": 2019,
            "edition": "2019",
            "counts": {"error": 1, "warning": 0, "note": 0, "total": 1},
            "skipped": [
                {
                    "rule": "PB001",
                    "reason": "没有公开日期（网页的发布日期，或清单的 published 列）",
                }
            ],
        }
    ]


def test_parse_prints_a_valid_ir(tmp_path: Path) -> None:
    shutil.copy(SAMPLE_2019, tmp_path / "sample.txt")
    result = run(["parse", "sample.txt"], tmp_path)
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert validate_report_json(data) == []
    assert data["edition"] == {"value": "2019", "decided_by": "year", "detail": "tables: 2019"}
    assert len(data["applications"]["rows"]) == 23


def test_parse_says_in_one_line_when_the_tool_fails(tmp_path: Path, monkeypatch) -> None:
    """An interpreter bug on some file is one clear line and exit 2 for parse (check makes
    it that file's XT001), never a traceback."""
    import linter.engine

    def broken(doc, data):
        raise KeyError("row")

    monkeypatch.setattr(linter.engine, "interpret", broken)
    shutil.copy(SAMPLE_2019, tmp_path / "sample.txt")
    result = run(["parse", "sample.txt"], tmp_path)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "gongkai-lint: error: sample.txt: the tool failed while reading or interpreting the "
        "file: KeyError: 'row'. This is a bug in the tool, please report it."
    )
    assert "Traceback" not in result.output


def test_check_lints_an_ir_json_file(tmp_path: Path) -> None:
    shutil.copy(SAMPLE_2019, tmp_path / "sample.txt")
    run(["parse", "sample.txt", "-o", "sample.ir.json"], tmp_path)
    result = run(["check", "sample.ir.json"], tmp_path)
    assert result.exit_code == 1 and "sample.ir.json:392:1: PI002" in result.output
    (tmp_path / "broken.json").write_text('{"ir_version": "1.0"}', encoding="utf-8")
    broken = run(["check", "broken.json", "--lang", "en"], tmp_path)
    assert "XT001" in broken.output and "does not conform" in broken.output


def test_rules_lists_and_explains(tmp_path: Path) -> None:
    listing = run(["rules"], tmp_path)
    assert listing.exit_code == 0
    assert "AP  AP101  balance" in listing.output
    explained = run(["rules", "AP101"], tmp_path)
    assert "检查内容" in explained.output and "依据" in explained.output
    assert run(["rules", "balance", "--lang", "en"], tmp_path).output.startswith("AP101 balance")
    assert run(["rules", "XX999"], tmp_path).exit_code == 2


def test_sarif_of_a_folder_validates(folder: Path) -> None:
    result = run(
        ["check", folder.name, "--output-format", "sarif", "-o", "out.sarif"], folder.parent
    )
    assert result.exit_code == 1
    log = json.loads((folder.parent / "out.sarif").read_text(encoding="utf-8"))
    assert validate_sarif(log) == []
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(r["id"] for r in rules)
    assert {"AP101", "PI002", "XT001", "XT002"} <= {r["id"] for r in rules}
    uris = [a["location"]["uri"] for a in run_["artifacts"]]
    assert "%E6%8A%A5%E5%91%8A%202019/gbk%20copy.txt" in uris  # relative, percent-encoded
    assert all(not u.startswith(("/", "file:")) for u in uris)
    # No local absolute path anywhere in the log (GitHub resolves from the repository root).
    assert "uri" not in run_["originalUriBaseIds"]["%SRCROOT%"]
    assert str(folder.parent) not in json.dumps(log, ensure_ascii=False)
    results = run_["results"]
    for res in results:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        art = res["locations"][0]["physicalLocation"]["artifactLocation"]
        assert run_["artifacts"][art["index"]]["location"]["uri"] == art["uri"]
        assert res["partialFingerprints"]["gongkaiLint/v2"]
    pi002 = [r for r in results if r["ruleId"] == "PI002"]
    assert {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in pi002} == {392}
    xt001 = [r for r in results if r["ruleId"] == "XT001"]
    assert len(xt001) == 2
    notes = run_["invocations"][0]["toolExecutionNotifications"]
    unread = [n for n in notes if n.get("descriptor", {}).get("id") == "XT001"]
    assert len(unread) == 2
    # The other notifications: reports PB001 could not check (tests/test_skips.py).
    assert {n["associatedRule"]["id"] for n in notes if n not in unread} <= {"PB001"}


def test_sarif_identity_finding_has_related_cells_and_values(tmp_path: Path) -> None:
    from tests.conftest import replace_line

    (tmp_path / "changed.txt").write_text(replace_line(sample_text(), 333, "\t5"), encoding="utf-8")
    run(
        [
            "check",
            "changed.txt",
            "--output-format",
            "sarif",
            "-o",
            "out.sarif",
            "--select",
            "AP101",
            "--sarif-related-locations",
        ],
        tmp_path,
    )
    log = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    assert validate_sarif(log) == []
    (res,) = log["runs"][0]["results"]
    assert res["ruleId"] == "AP101" and res["level"] == "error"
    # endLine left out: it is startLine (SARIF's default).
    assert res["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 333,
        "startColumn": 2,
        "endColumn": 3,
    }
    (ref,) = res["locations"][0]["logicalLocations"]
    logical = log["runs"][0]["logicalLocations"][ref["index"]]
    assert logical["fullyQualifiedName"] == "三/outcome_total/total"
    assert [r["physicalLocation"]["region"]["startLine"] for r in res["relatedLocations"]] == [
        108,
        117,
        342,
    ]
    assert res["properties"] == {"subId": "total", "expected": 0, "reported": 5}
