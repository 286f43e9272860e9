"""Batch manifests: publication dates, issuer kinds and agencies given by the inspector."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from linter.manifest import ManifestError, load_manifest
from tests.conftest import PINGTAN
from tests.test_cli import run


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    # 平潭综合实验区 2020 report (its page says 发布时间 2021-03-05).
    shutil.copy(PINGTAN[1], folder / "dept.txt")
    shutil.copy(PINGTAN[1], folder / "gov.txt")
    return folder


def test_manifest_dates_and_issuer_kinds_decide_the_deadline(batch: Path, tmp_path: Path) -> None:
    (batch / "manifest.csv").write_text(
        "path,agency,issuer_kind,year,published,url\n"
        "dept.txt,平潭综合实验区经济发展局,部门,2020,2021-02-02,\n"
        "gov.txt,平潭综合实验区管委会,人民政府,2020,2021-03-31,https://www.pingtan.gov.cn/x\n",
        encoding="utf-8-sig",
    )
    result = run(
        [
            "check",
            "reports",
            "--manifest",
            "reports/manifest.csv",
            "--select",
            "PB",
            "--output-format",
            "json",
            "-o",
            "out.json",
            "--isolated",
        ],
        tmp_path,
    )
    items = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["findings"]
    assert [(i["path"], i["code"], i["sub_id"]) for i in items] == [
        ("reports/dept.txt", "PB001", "department")
    ]
    assert "2021-02-02" in items[0]["message"] and "逾期 2 天" in items[0]["message"]
    assert items[0]["report"]["agency"] == "平潭综合实验区经济发展局"
    assert result.stderr == ""  # both reports could be checked


def test_manifest_values_override_the_document(batch: Path, tmp_path: Path) -> None:
    from linter.batch import EngineSpec

    (batch / "m.json").write_text(
        json.dumps(
            {
                "reports": [
                    {
                        "path": "dept.txt",
                        "agency": "某部门",
                        "year": 2021,
                        "issuer_kind": "department",
                        "published": "2022-01-20",
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    engine = EngineSpec(root=tmp_path, manifest=load_manifest(batch / "m.json")).build()
    report = engine.parse(batch / "dept.txt")
    assert (report.agency.value, report.agency.decided_by) == ("某部门", "manifest")
    assert (report.year.value, report.edition.value, report.edition.decided_by) == (
        2021,
        "2021",
        "manifest",
    )
    assert (
        report.metadata["published"] == "2022-01-20"
        and report.metadata["issuer_kind"] == "department"
    )
    untouched = engine.parse(batch / "gov.txt")
    assert (untouched.agency.decided_by, untouched.metadata["published"]) == ("title", "2021-03-05")
    from linter.schema import validate_report_json

    assert validate_report_json(report.to_json()) == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("path,issuer_kind\ndept.txt,省政府\n", "issuer_kind"),
        ("path,published\ndept.txt,2021/02/02\n", "published"),
        ("agency\n某局\n", "needs a header row with a 'path' column"),
        ("path,year\ndept.txt,二〇二〇\n", "is not a year"),
        ("path\ndept.txt\ndept.txt\n", "listed twice"),
    ],
)
def test_invalid_manifests_are_clear_errors(
    batch: Path, tmp_path: Path, content: str, message: str
) -> None:
    path = batch / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ManifestError, match=message):
        load_manifest(path)
    result = run(["check", "reports/dept.txt", "--manifest", "reports/bad.csv"], tmp_path)
    assert (
        result.exit_code == 2 and "manifest error" in result.stderr and "bad.csv" in result.stderr
    )


def test_skipped_checks_are_counted(batch: Path, tmp_path: Path) -> None:
    result = run(["check", "reports", "--select", "PB", "--isolated"], tmp_path)
    assert result.exit_code == 0
    # The reports are named (the first few), never only counted.
    assert "PB001 未能检查 2 份报告（reports/" in result.stderr
    assert "）：发布主体类型不明" in result.stderr
    english = run(["check", "reports", "--select", "PB", "--isolated", "--lang", "en"], tmp_path)
    assert "PB001 could not check 2 report(s) (reports/" in english.stderr
    assert "): the issuer kind is unknown" in english.stderr
