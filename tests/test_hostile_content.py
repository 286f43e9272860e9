"""Hostile content inside a report (issue 13): absurd numbers, mixed editions, deeply
nested IR JSON, a heading repeated thousands of times. Each is a finding or a specific
XT001 — never an internal error, never tens of thousands of findings."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from linter import arith
from linter.document import Anchor
from linter.engine import Engine
from linter.model import Cell
from linter.readers import Limits
from tests.conftest import SAMPLE_2019, SHANGHAI_2025_MD

FIXTURES = Path(__file__).parent / "fixtures" / "text"


def _codes(result) -> list[str]:
    return [f.code for f in result.findings]


def _no_tool_failure(result) -> None:
    failures = [f.message_en for f in result.findings if f.tool_failure]
    assert not failures, failures


def _shanghai_with(tmp_path: Path, old: str, new: str) -> Path:
    text = SHANGHAI_2025_MD.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "report.md"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_a_4300_digit_number_is_not_a_plausible_count(engine: Engine, tmp_path: Path) -> None:
    path = _shanghai_with(
        tmp_path, "| （一）予以公开 | 201 |", "| （一）予以公开 | " + "9" * 4400 + " |"
    )
    result = engine.lint_path(path)
    _no_tool_failure(result)
    assert result.report.readable
    ap006 = [f for f in result.findings if f.code == "AP006"]
    assert [f.sub_id for f in ap006] == ["granted/natural_person"]
    assert "more than 12 digits, which is not a plausible count" in ap006[0].message_en


def test_a_huge_count_beside_a_fraction_is_two_findings_not_a_crash(
    engine: Engine, tmp_path: Path
) -> None:
    # 10^400 next to 0.5 made AP102/AP103 fail with "int too large to convert to float".
    path = _shanghai_with(
        tmp_path,
        "| 一、本年新收政府信息公开申请数量 | 1259 | 36 |",
        "| 一、本年新收政府信息公开申请数量 | 1" + "0" * 400 + " | 0.5 |",
    )
    result = engine.lint_path(path)
    _no_tool_failure(result)
    problems = {f.sub_id: f.message_en for f in result.findings if f.code == "AP006"}
    assert "not a plausible count" in problems["new_received/natural_person"]
    assert "is a fraction" in problems["new_received/commercial"]
    # Within the digits read, a 20-digit count is read and still not plausible.
    path = _shanghai_with(
        tmp_path,
        "| 一、本年新收政府信息公开申请数量 | 1259 |",
        "| 一、本年新收政府信息公开申请数量 | 12345678901234567890 |",
    )
    result = engine.lint_path(path)
    _no_tool_failure(result)
    assert [f.sub_id for f in result.findings if f.code == "AP006"] == [
        "new_received/natural_person"
    ]
    assert not [f for f in result.findings if f.code in ("AP101", "AP103")]


def test_identities_add_exactly() -> None:
    def cell(value) -> Cell:
        return Cell(str(value), value, "number", Anchor())

    terms = [arith.Term(cell(0.1), "a", "a"), arith.Term(cell(0.2), "b", "b")]
    assert arith.total(terms) == Decimal("0.3") == arith.reported(cell(0.3))
    big = 10**11 + 1
    assert arith.total([arith.Term(cell(big), "a", "a"), arith.Term(cell(0.5), "b", "b")]) == (
        Decimal(big) + Decimal("0.5")
    )
    assert arith.fmt(Decimal("0.30")) == "0.3" and arith.fmt(Decimal("7.0")) == "7"


def _mixed_edition_ir(engine: Engine, tmp_path: Path) -> Path:
    """A 2021 report whose item 1 carries the 2019 columns, one blank and one text cell."""
    report = engine.parse(FIXTURES / "ad_2022_sample-with-pingtan-2022-tables.txt")
    data = report.to_json()
    item = data["article20"]["items"]["item1"]
    names = {"issued": "new_made", "repealed": "new_published", "in_force": "total_published"}
    item["edition"] = "2019"
    item["columns"] = {names[k]: v for k, v in item["columns"].items()}
    for row in item["rows"].values():
        row["cells"] = {names[k]: v for k, v in row["cells"].items()}
    item["rows"]["rules"]["cells"]["new_made"].update(text="", value=None, state="blank")
    item["rows"]["normative_documents"]["cells"]["new_made"].update(
        text="约88", value=None, state="text"
    )
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_an_item_in_the_other_editions_columns_is_checked_in_its_own(
    engine: Engine, tmp_path: Path
) -> None:
    # AD004/AD005 failed with "generator raised StopIteration" on this shape.
    result = engine.lint_path(_mixed_edition_ir(engine, tmp_path))
    _no_tool_failure(result)
    found = {(f.code, f.sub_id) for f in result.findings if f.code.startswith("AD")}
    assert ("AD005", "item1/normative_documents/new_made") in found
    assert any(code == "AD004" and "item1" in (sub or "") for code, sub in found)
    ad005 = next(f for f in result.findings if f.code == "AD005")
    assert "本年新制作数量" in ad005.message_zh


def test_deeply_nested_or_huge_ir_json_is_a_specific_xt001(engine: Engine, tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text('{"a": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    huge = tmp_path / "huge.json"
    huge.write_text('{"a": ' + "7" * 5000 + "}", encoding="utf-8")
    for path, what in ((deep, "nested deeper than the limit of 48 levels"), (huge, "5000 digits")):
        result = engine.lint_path(path)
        assert _codes(result) == ["XT001"]
        message = result.findings[0].message_en
        assert "outside the reading limits" in message and what in message
        assert "bug in the tool" not in message


def test_findings_are_capped_per_rule_and_file(plugins, tmp_path: Path) -> None:
    text = SAMPLE_2019.read_text(encoding="utf-8") + "\n一、总体情况\n" * 3000
    path = tmp_path / "many.txt"
    path.write_text(text, encoding="utf-8")
    result = Engine(plugins=plugins, root=tmp_path).lint_path(path)
    st002 = [f for f in result.findings if f.code == "ST002"]
    assert len(st002) == 51
    more = [f for f in st002 if f.sub_id == "more"]
    assert len(more) == 1 and more[0].properties == {"more": 2950}
    assert "2,950 more finding(s) of ST002" in more[0].message_en
    small = Engine(plugins=plugins, root=tmp_path, limits=Limits(max_findings_per_rule=5))
    assert len([f for f in small.lint_path(path).findings if f.code == "ST002"]) == 6


def test_a_heading_repeated_inline_is_not_thousands_of_sections(
    engine: Engine, tmp_path: Path
) -> None:
    line = "一、总体情况 二、主动公开政府信息情况 " * 30_000  # 1.7 MB on one line
    path = tmp_path / "inline.txt"
    path.write_text(SAMPLE_2019.read_text(encoding="utf-8") + "\n" + line + "\n", encoding="utf-8")
    result = engine.lint_path(path)
    assert len(result.findings) < 40
    assert len([f for f in result.findings if f.code == "ST002"]) <= 6


def test_a_4300_digit_figure_in_the_narrative_is_no_internal_error(
    engine: Engine, tmp_path: Path
) -> None:
    # Found by the fuzz campaign: TX001 failed printing a statement of 4,400 digits.
    path = _shanghai_with(
        tmp_path,
        "市政府共受理政府信息公开申请 1295 件",
        "市政府共受理政府信息公开申请 " + "9" * 4400 + " 件",
    )
    result = engine.lint_path(path)
    _no_tool_failure(result)
    assert result.report.readable


def test_a_numbers_row_without_a_label_before_its_wrapped_label() -> None:
    # Found by the long fuzz run (seed 2026, m01006: lines shuffled in a text report):
    # joining a wrapped label to a numbers row that has no label cell raised TypeError.
    from linter.document import Table as DocTable
    from linter.document import TableCell
    from linter.interpret import join_wrapped_labels

    def cell(text: str, column: int) -> TableCell:
        return TableCell(text, Anchor(line=1, column=column))

    numbers = tuple(cell(str(n), n + 1) for n in range(7))
    label = (cell("一、本年新收政府信息公开申请数量", 1),)
    joined = join_wrapped_labels(DocTable((numbers, label), Anchor(line=1, column=1)))
    assert [c.text for c in joined.rows[0]][:2] == ["一、本年新收政府信息公开申请数量", "0"]
    assert len(joined.rows) == 1


def test_a_damaged_lzma_member_in_a_docx_is_xt001(engine: Engine, tmp_path: Path) -> None:
    # Found by a long fuzz run (seed 7, m01348): LZMAError escaped the DOCX reader.
    import io
    import zipfile

    from tests.docx_fixtures import TEMPLATE

    with zipfile.ZipFile(TEMPLATE) as source:
        members = {i.filename: source.read(i) for i in source.infolist()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_LZMA) as target:
        for name, content in members.items():
            target.writestr(name, content)
    data = bytearray(buffer.getvalue())
    start = data.find(b"word/document.xml") + len("word/document.xml") + 40
    data[start : start + 64] = bytes(64)  # inside the compressed document
    path = tmp_path / "lzma.docx"
    path.write_bytes(bytes(data))
    result = engine.lint_path(path)
    assert _codes(result) == ["XT001"]
    assert "bug in the tool" not in result.findings[0].message_en
