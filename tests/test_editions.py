"""The editions of the format as data (linter.editions): one registry that the interpreter,
the year→edition mapping, the rules, the docs and the schema enums all come from."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from linter import editions
from linter.engine import Engine
from linter.interpret import interpret
from linter.labels import RowSpec
from linter.readers import Limits
from linter.readers.text import TextReader
from tests.conftest import SAMPLE_2019

ROOT = Path(__file__).resolve().parent.parent

# A fictitious third edition, from data alone: the 2019 trial format's tables with one
# more outcome row, for report years 2090 on.
EXTRA_ROW = RowSpec("transferred", "移送其他机关办理", "（八）", english="(8) transferred")
TRIAL = editions.get("2019")
THIRD = dataclasses.replace(
    TRIAL,
    id="2090",
    first_year=2090,
    last_year=None,
    name_zh="2090 年假想格式",
    name_en="the fictitious 2090 format",
    short_zh="2090 年假想格式",
    short_en="the fictitious 2090 format",
    long_zh="2090 年假想格式（适用于 2090 年度及以后）",
    long_en="the fictitious 2090 format (report years 2090 on)",
    application_row_ids=tuple(
        r for r in TRIAL.application_row_ids if r not in ("outcome_total", "carried_forward")
    )
    + ("transferred", "outcome_total", "carried_forward"),
    extra_rows=(EXTRA_ROW,),
)


def _row(label: str, natural: str, total: str) -> str:
    blank = "\t\xa0\n"
    return f"\t\n\t{label}\n\t{natural}\n" + blank * 5 + f"\t{total}\n\n"


def _report_2091(extra: str | None = "3", outcome_total: str = "3") -> str:
    """The 2019 sample as a report on 2091: 3 applications received, all transferred."""
    text = SAMPLE_2019.read_text(encoding="utf-8").replace(
        "2019年度政府信息公开工作年度报告", "2091年度政府信息公开工作年度报告", 1
    )
    received = "\t一、本年新收政府信息公开申请数量\n" + "\t\xa0\n" * 6 + "\t0\n"
    assert received in text
    text = text.replace(
        received, "\t一、本年新收政府信息公开申请数量\n\t3\n" + "\t\xa0\n" * 5 + "\t3\n", 1
    )
    total = "\t\n\t（七）总计\n" + "\t\xa0\n" * 6 + "\t0\n\n"
    assert total in text
    rows = _row("（八）移送其他机关办理", extra, extra) if extra is not None else ""
    return text.replace(total, rows + _row("（七）总计", outcome_total, outcome_total), 1)


def _lint(engine: Engine, tmp_path: Path, text: str):
    path = tmp_path / "2091_report.txt"
    path.write_text(text, encoding="utf-8")
    return engine.lint_path(path)


def test_a_third_edition_from_data_alone_is_read_and_checked(engine, tmp_path):
    with editions.registered(THIRD):
        assert editions.for_year(2091).id == "2090"
        assert editions.for_year(2089).id == "2021"
        result = _lint(engine, tmp_path, _report_2091())
        report = result.report
        assert report.edition.value == "2090"
        assert report.applications.edition == "2090"
        assert report.applications.rows["transferred"].cells["total"].value == 3
        codes = {f.code for f in result.findings}
        assert not any(f.tool_failure for f in result.findings), result.findings
        # The identity rules use the edition's rows: （七）总计 = 3 = the new row.
        assert not codes & {"AP101", "AP102", "AP002", "ST003"}, codes

        # The new row counts in the outcome total: a wrong total is found …
        wrong = _lint(engine, tmp_path, _report_2091(extra="2"))
        assert "AP102" in {f.code for f in wrong.findings}
        # … and its absence is a missing row of that edition.
        missing = _lint(engine, tmp_path, _report_2091(extra=None, outcome_total="0"))
        ap002 = [f for f in missing.findings if f.code == "AP002"]
        assert [f.sub_id for f in ap002] == ["transferred"]
        assert "2090 年假想格式" in ap002[0].message_zh
        # The rules that need the 2019 tables run on it (AD008 needs items' counts).
        assert "2090" in engine.plugins.rules["AD008"].editions
        assert "2090" not in engine.plugins.rules["AD007"].editions
    # Gone again: the same report is a 2021 report whose table lacks the 2021 rows.
    assert editions.get("2090") is None
    again = _lint(engine, tmp_path, _report_2091())
    assert again.report.edition.value == "2021"


def test_without_the_third_edition_the_extra_row_is_not_a_row():
    doc = TextReader().read("x.txt", _report_2091().encode(), Limits())
    report = interpret(doc, b"")
    assert "transferred" not in report.applications.rows
    assert report.applications.edition == "2019"


def test_year_to_edition():
    assert [editions.for_year(y).id for y in (2008, 2019, 2020, 2021, 2030)] == [
        "2019",
        "2019",
        "2019",
        "2021",
        "2021",
    ]


def test_rules_declare_needs_and_editions_follow():
    from linter.plugins import load_plugins

    rules = load_plugins().rules
    assert rules["AD009"].editions == ("2019",)
    assert rules["OM001"].editions == ("2021",)
    assert rules["AP101"].editions == ("2019", "2021")


def test_schema_enums_are_generated_from_the_registry():
    stale = [
        str(p)
        for p, (text, wanted) in editions.schema_texts(ROOT / "schemas").items()
        if text != wanted
    ]
    assert not stale, f"run `python -m linter.editions`: {stale}"


def test_schema_enums_follow_a_new_edition():
    import json

    text = (ROOT / "schemas" / "config.schema.json").read_text(encoding="utf-8")
    with editions.registered(THIRD):
        schema = json.loads(editions.schema_text_with_enums(text))
    assert schema["properties"]["edition"]["enum"] == ["auto", "2019", "2021", "2090"]
    assert "2090 on → 2090" in schema["properties"]["edition"]["description"]


_LITERAL = re.compile(r"""["'](19|20)\d\d["']""")


@pytest.mark.parametrize("folder", ["linter", "rules"])
def test_no_edition_id_outside_the_registry(folder):
    """`grep -rn '"2019"\\|"2021"' linter rules` finds the registry only."""
    ids = set(editions.ids())
    found = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        if path.name == "editions.py":
            continue
        for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for m in _LITERAL.finditer(line):
                if m.group(0)[1:-1] in ids:
                    found.append(f"{path.relative_to(ROOT)}:{no}: {line.strip()}")
    assert not found, "\n".join(found)


def test_an_edition_with_an_unknown_row_is_refused():
    bad = dataclasses.replace(THIRD, id="bad", extra_rows=())
    with pytest.raises(editions.EditionError, match="transferred"):
        editions.register(bad)
    with pytest.raises(editions.EditionError, match="already registered"):
        editions.register(TRIAL)
