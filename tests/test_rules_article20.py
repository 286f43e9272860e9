"""AD rules (section 二, 第二十条 tables) on real reports and edited copies of them."""

from __future__ import annotations

from pathlib import Path

from docx_fixtures import HUAIAN_2024_SECTIONS, HUAIAN_2024_VALUES, huaian_2024_docx

from linter.engine import Engine
from linter.rule import RuleContext
from tests.conftest import FIXTURES, SAMPLE_2019, replace_line, sample_text, write

HTML = FIXTURES / "html"
PINGTAN_2022 = HTML / "2022_zone-pingtan_gov.html"
PINGTAN_2023 = HTML / "2023_zone-pingtan_gov.html"
SHANGHAI_2019 = HTML / "2019_prov-shanghai-govoffice.html"

# Lines of the 2019 sample's section 二 (tests/fixtures/text/2019_city-bureau-gongxin_tika.txt).
LINE_RULES_NEW_MADE = 18  # 规章 / 本年新制作数量 "　　0"
LINE_NEW_PUBLISHED_HEADER = 14  # 本年新公开数量
LINE_LICENSING_PREVIOUS, LINE_LICENSING_CHANGE = 35, 36  # 4, -3
LINE_PENALTY_LABEL = 51  # 行政处罚
LINE_COERCION = range(56, 61)  # 行政强制 row and the blank line after it
LINE_ITEM8 = range(61, 71)  # the 第二十条第（八）项 block
LINE_PROJECTS = 78  # 采购项目数量 1


def codes_of(engine: Engine, path: Path, prefix: str = "AD") -> list[tuple[str, str | None]]:
    return [
        (f.code, f.sub_id) for f in engine.lint_path(path).findings if f.code.startswith(prefix)
    ]


def without(text: str, lines: range) -> str:
    kept = text.split("\n")
    return "\n".join(line for i, line in enumerate(kept, start=1) if i not in lines)


def test_real_reports_pass_every_ad_rule(engine: Engine, tmp_path: Path) -> None:
    for path in (SAMPLE_2019, PINGTAN_2022, PINGTAN_2023, SHANGHAI_2019):
        assert codes_of(engine, path) == [], path.name
    docx = write(tmp_path, "huaian.docx", huaian_2024_docx())
    assert codes_of(engine, docx) == []


def test_missing_item(engine: Engine, tmp_path: Path) -> None:
    path = write(tmp_path, "r.txt", without(sample_text(), LINE_ITEM8))
    findings = [f for f in engine.lint_path(path).findings if f.code == "AD001"]
    assert [(f.sub_id, f.location.anchor.line) for f in findings] == [("item8", 10)]
    assert "第二十条第（八）项" in findings[0].message_zh


def test_missing_row_and_column(engine: Engine, tmp_path: Path) -> None:
    path = write(tmp_path, "r.txt", without(sample_text(), LINE_COERCION))
    assert codes_of(engine, path) == [("AD002", "item6/coercion")]
    # A header without 本年新公开数量: that column is missing (its cells go with it).
    text = sample_text().split("\n")
    del text[LINE_NEW_PUBLISHED_HEADER - 1]
    for line in (24, 19):  # the rows' second cells, bottom first
        del text[line - 1 - 1]
    path = write(tmp_path, "c.txt", "\n".join(text))
    assert ("AD002", "item1/new_published") in codes_of(engine, path)


def test_altered_labels(engine: Engine, tmp_path: Path) -> None:
    text = replace_line(sample_text(), LINE_NEW_PUBLISHED_HEADER, "\t本年新公开数")
    text = replace_line(text, LINE_PENALTY_LABEL, "\t行政处份")
    findings = [
        f for f in engine.lint_path(write(tmp_path, "r.txt", text)).findings if f.code == "AD003"
    ]
    assert [(f.sub_id, f.location.anchor.line) for f in findings] == [
        ("item1/new_published", LINE_NEW_PUBLISHED_HEADER),
        ("item6/penalty", LINE_PENALTY_LABEL),
    ]
    assert "“行政处份”，统一格式为“行政处罚”" in findings[1].message_zh


def test_blank_cells_one_finding_per_row_and_configurable(plugins, tmp_path: Path) -> None:
    text = replace_line(sample_text(), LINE_RULES_NEW_MADE, "\t\u3000")
    path = write(tmp_path, "r.txt", text)
    engine = Engine(plugins=plugins, root=tmp_path)
    findings = [f for f in engine.lint_path(path).findings if f.code == "AD004"]
    assert [(f.sub_id, f.location.anchor.line, f.level) for f in findings] == [
        ("item1/rules", LINE_RULES_NEW_MADE, "warning")
    ]
    quiet = Engine(plugins=plugins, root=tmp_path, context=RuleContext(blank_cells="ignore"))
    assert "AD004" not in [f.code for f in quiet.lint_path(path).findings]


def test_invalid_numbers(engine: Engine, tmp_path: Path) -> None:
    text = replace_line(sample_text(), LINE_LICENSING_PREVIOUS, "\t约4")
    text = replace_line(text, 40, "\t-1")  # 其他对外管理服务事项 / 上一年项目数量
    text = replace_line(text, 52, "\t2.5")  # 行政处罚 / 上一年项目数量
    findings = [
        f for f in engine.lint_path(write(tmp_path, "r.txt", text)).findings if f.code == "AD005"
    ]
    assert [(f.sub_id, f.location.anchor.line) for f in findings] == [
        ("item5/licensing/previous_count", LINE_LICENSING_PREVIOUS),
        ("item5/other_services/previous_count", 40),
        ("item6/penalty/previous_count", 52),
    ]
    assert "不是数字" in findings[0].message_zh and "不能为负数" in findings[1].message_zh
    # 本年增/减 may be negative: the sample's -3 and -1 pass.
    assert codes_of(engine, SAMPLE_2019) == []


def test_fee_unit(engine: Engine, tmp_path: Path) -> None:
    values = dict(HUAIAN_2024_VALUES)
    values[("二", "行政事业性收费", "本年收费金额")] = "96171.6万元"
    unit = write(tmp_path, "unit.docx", huaian_2024_docx(values=values))
    assert codes_of(engine, unit) == [("AD006", "unit-in-cell")]
    # The narrative gives the same figure in 元: the table holds 元, not 万元.
    sections = dict(HUAIAN_2024_SECTIONS)
    sections["一"] = (*sections["一"], "全年行政事业性收费96171.6元，均按规定公开收费依据和标准。")
    yuan = write(tmp_path, "yuan.docx", huaian_2024_docx(sections=sections))
    (finding,) = [f for f in engine.lint_path(yuan).findings if f.code == "AD006"]
    assert finding.sub_id == "yuan-in-table" and "9.61716" in finding.message_zh


def test_document_counts(engine: Engine, tmp_path: Path) -> None:
    values = dict(HUAIAN_2024_VALUES)
    values[("二", "行政规范性文件", "本年制发件数")] = 93  # > 66 in force + 26 repealed
    path = write(tmp_path, "r.docx", huaian_2024_docx(values=values))
    (finding,) = [f for f in engine.lint_path(path).findings if f.code == "AD007"]
    assert (finding.sub_id, finding.expected, finding.reported) == ("normative_documents", 92, 93)
    assert (finding.location.anchor.table, finding.location.anchor.row) == (0, 3)


def test_item_counts_below_zero(engine: Engine, tmp_path: Path) -> None:
    text = replace_line(sample_text(), LINE_LICENSING_CHANGE, "\t\u3000-5")
    (finding,) = [
        f for f in engine.lint_path(write(tmp_path, "r.txt", text)).findings if f.code == "AD008"
    ]
    assert (finding.sub_id, finding.location.anchor.line) == (
        "item5/licensing",
        LINE_LICENSING_CHANGE,
    )
    assert "得 -1" in finding.message_zh


def test_procurement_consistency(engine: Engine, tmp_path: Path) -> None:
    text = replace_line(sample_text(), LINE_PROJECTS, "\t\u30000")
    (finding,) = [
        f for f in engine.lint_path(write(tmp_path, "r.txt", text)).findings if f.code == "AD009"
    ]
    assert finding.location.anchor.line == LINE_PROJECTS and "180000元" in finding.message_zh


def test_roll_forward_on_the_real_pingtan_pages(tmp_path: Path) -> None:
    """CY002 on a real pair: 平潭 2023 prints 470 in force where 698 + 77 − 132 = 643."""
    import json
    import shutil

    from tests.test_cli import run

    folder = tmp_path / "pingtan"
    folder.mkdir()
    shutil.copy(PINGTAN_2022, folder / PINGTAN_2022.name)
    shutil.copy(PINGTAN_2023, folder / PINGTAN_2023.name)
    run(
        [
            "check",
            "pingtan",
            "--select",
            "CY",
            "--output-format",
            "json",
            "-o",
            "out.json",
            "--isolated",
        ],
        tmp_path,
    )
    items = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [(i["code"], i["sub_id"], i["expected"], i["reported"]) for i in items] == [
        ("CY002", "normative_documents", 643, 470)
    ]
    assert items[0]["path"] == f"pingtan/{PINGTAN_2023.name}"
