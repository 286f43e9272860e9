"""A DOCX report filled from the official template, linted end to end."""

from __future__ import annotations

import json
from pathlib import Path

from docx_fixtures import HUAIAN_2024_VALUES, huaian_2024_docx

from linter.schema import validate_report_json, validate_sarif
from tests.conftest import kinds
from tests.test_cli import run


def _write(tmp_path: Path, name: str, **overrides) -> Path:
    path = tmp_path / name
    path.write_bytes(huaian_2024_docx(**overrides))
    return path


def test_huaian_2024_docx_is_clean_and_fully_read(engine, tmp_path: Path) -> None:
    report = engine.parse(_write(tmp_path, "huaian.docx"))
    assert validate_report_json(report.to_json()) == []
    assert (report.agency.value, report.year.value, report.edition.value) == (
        "淮安市人民政府",
        2024,
        "2021",
    )
    assert len(report.applications.rows) == 25 and report.applications.edition == "2021"
    assert report.applications.rows["new_received"].cells["total"].value == 3119
    assert report.applications.rows["carried_forward"].cells["total"].value == 103
    cell = report.applications.rows["new_received"].cells["total"]
    assert (cell.anchor.table, cell.anchor.row, cell.anchor.cell) == (1, 3, 9)
    assert report.review_litigation.rows["cases"].cells["litigation_direct.total"].value == 26
    identity = [f.code for f in engine.lint_path(tmp_path / "huaian.docx").findings]
    assert not [c for c in identity if c in ("AP101", "AP102", "AP103", "RL101")]


def test_docx_findings_point_at_table_row_column_and_embedded_text(tmp_path: Path) -> None:
    values = dict(HUAIAN_2024_VALUES)
    values[("四", "行政复议", "总计")] = 0  # 洪泽 2023 style: a 总计 left at 0
    _write(tmp_path, "changed.docx", values=values)
    concise = run(["check", "changed.docx", "--select", "RL101", "--isolated"], tmp_path)
    assert concise.output.startswith("changed.docx:table3:row4:col5: RL101")
    run(
        [
            "check",
            "changed.docx",
            "--select",
            "RL101",
            "--output-format",
            "sarif",
            "-o",
            "out.sarif",
            "--isolated",
        ],
        tmp_path,
    )
    log = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    assert validate_sarif(log) == []
    (result,) = log["runs"][0]["results"]
    (artifact,) = log["runs"][0]["artifacts"]
    text = artifact["contents"]["text"]
    region = result["locations"][0]["physicalLocation"]["region"]
    line = text.split("\n")[region["startLine"] - 1]
    assert line[region["startColumn"] - 1 :].startswith("0")
    # The logical location is written once in run.logicalLocations, referred to by index.
    (ref,) = result["locations"][0]["logicalLocations"]
    logical = log["runs"][0]["logicalLocations"][ref["index"]]
    assert logical["fullyQualifiedName"] == "四/review/total"
    assert logical["properties"] == {"table": 2, "row": 3, "cell": 4}
    run(
        [
            "check",
            "changed.docx",
            "--select",
            "RL101",
            "--output-format",
            "sarif",
            "-o",
            "bare.sarif",
            "--no-embed-text",
            "--isolated",
        ],
        tmp_path,
    )
    bare = json.loads((tmp_path / "bare.sarif").read_text(encoding="utf-8"))
    assert "contents" not in bare["runs"][0]["artifacts"][0]
    assert validate_sarif(bare) == []


def test_kangxi_radicals_in_a_word_file_read_as_the_ideographs(engine, tmp_path: Path) -> None:
    """Text copied out of a PDF into Word keeps the Kangxi radicals PDF extraction gives
    for some fonts' glyphs (“⼀、总体情况” with U+2F00 for 一, ⼈ for 人, ⼤ for 大 …): 淮安
    2024 in the template, each ideograph that has a radical written as the radical. Before:
    ST001 for sections 一 and 二 (headings not found, errors) and AP004 for four rows. Every
    reader's text is unified in one place: the findings of the file as typed."""
    import io
    import re
    import unicodedata
    import zipfile

    from docx_fixtures import replace_member

    radical = {unicodedata.normalize("NFKC", chr(cp)): chr(cp) for cp in range(0x2F00, 0x2FD6)}
    typed = _write(tmp_path, "typed.docx")
    data = typed.read_bytes()
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    pasted = re.sub(
        r"(<w:t(?: [^>]*)?>)([^<]*)",
        lambda m: m.group(1) + "".join(radical.get(ch, ch) for ch in m.group(2)),
        xml,
    )
    assert "⼀、总体情况" in pasted
    path = tmp_path / "pasted.docx"
    path.write_bytes(replace_member(data, "word/document.xml", pasted.encode("utf-8")))
    found = engine.lint_path(path)
    assert kinds(found) == kinds(engine.lint_path(typed))
    title = engine.parse(path).title
    assert title is not None and title.text == "淮安市人民政府2024年政府信息公开工作年度报告"
