"""CY (against last year's report, batch) and PB (publication deadline) rules."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from linter.config import Config
from linter.engine import Engine
from linter.plugins import load_plugins
from linter.rule import RuleContext
from rules.cross_year.facts import copied_share, sentence_hashes
from tests.conftest import PINGTAN, replace_line, sample_text
from tests.test_cli import run

# Lines of the 2019 sample (tests/fixtures/text/2019_city-bureau-gongxin_tika.txt).
TITLE, NEW_NATURAL, NEW_TOTAL, CARRIED_OVER_TOTAL, CARRIED_FORWARD_TOTAL = 1, 102, 108, 117, 342
OVERVIEW_LINES = (4, 5, 6, 7)


def year_copy(year: int, edits: dict[int, str] | None = None, text: str | None = None) -> str:
    """The real 2019 sample as if the same (named) agency had filed it for ``year``."""
    text = text or sample_text()
    text = replace_line(text, TITLE, f"某市工业和信息化局{year}年度政府信息公开工作年度报告")
    for line, new in (edits or {}).items():
        text = replace_line(text, line, new)
    return text


def batch(tmp_path: Path, files: dict[str, str], *args: str):
    folder = tmp_path / "reports"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    result = run(["check", "reports", "--output-format", "json", "-o", "out.json", *args], tmp_path)
    assert result.exit_code in (0, 1), result.output
    return json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["findings"]


def of(items, code):
    return [i for i in items if i["code"] == code]


def test_carry_over_mismatch_and_match(tmp_path: Path) -> None:
    items = batch(
        tmp_path,
        {
            "2019.txt": year_copy(2019, {CARRIED_FORWARD_TOTAL: "\t3"}),
            "2020.txt": year_copy(2020),
        },
        "--select",
        "CY001",
    )
    (finding,) = of(items, "CY001")
    assert finding["path"] == "reports/2020.txt" and finding["sub_id"] == "total"
    assert finding["location"]["anchor"] == {
        "line": CARRIED_OVER_TOTAL,
        "column": 2,
        "end_line": CARRIED_OVER_TOTAL,
        "end_column": 3,
    }
    assert (finding["expected"], finding["reported"]) == (3, 0)
    assert "reports/2019.txt" in finding["message"]
    items = batch(
        tmp_path,
        {"2020.txt": year_copy(2020, {CARRIED_OVER_TOTAL: "\t3"})},
        "--select",
        "CY001",
    )
    assert of(items, "CY001") == []


def test_reports_of_other_agencies_are_not_paired(tmp_path: Path) -> None:
    other = year_copy(2020).replace("某市工业和信息化局", "某市商务局", 1)
    items = batch(
        tmp_path,
        {"2019.txt": year_copy(2019, {CARRIED_FORWARD_TOTAL: "\t3"}), "2020.txt": other},
        "--select",
        "CY",
    )
    assert items == []


def test_copied_section5_and_copied_narrative(tmp_path: Path) -> None:
    items = batch(
        tmp_path, {"2019.txt": year_copy(2019), "2020.txt": year_copy(2020)}, "--select", "CY003"
    )
    assert [(i["path"], i["sub_id"]) for i in of(items, "CY003")] == [
        ("reports/2020.txt", "narrative")
    ]
    # Rewrite section 一 but keep section 五 word for word (洪泽 2023→2024 style).
    new_overview = {
        line: f"\t\t2020年我局第{line}项工作情况说明，围绕年度重点任务推进政务公开，细化分工并加强督促检查。"
        for line in OVERVIEW_LINES
    }
    edits = {line: text.strip() for line, text in new_overview.items()}
    rewritten = year_copy(2020, edits)
    items = batch(
        tmp_path, {"2019.txt": year_copy(2019), "2020.txt": rewritten}, "--select", "CY003"
    )
    (finding,) = of(items, "CY003")
    assert (finding["sub_id"], finding["location"]["anchor"]) == (
        "section5",
        {"line": 392, "column": 1, "end_line": 392, "end_column": 15},
    )
    assert "100%" in finding["message"]


def test_copied_share_counts_characters_of_repeated_sentences() -> None:
    last = sentence_hashes(
        "一是扎实推进依申请公开工作，全面梳理和优化工作流程。二是加强培训，提高工作人员业务水平。"
    )
    this = sentence_hashes(
        "一是扎实推进依申请公开工作，全面梳理和优化工作流程。二是完善平台建设，提升网站检索便捷性。"
    )
    assert 0.4 < copied_share(this, last) < 0.6
    assert copied_share(last, last) == 1.0


def test_copied_tables_only_with_non_zero_values(tmp_path: Path) -> None:
    # The sample's tables are all zero: identical zeros are not copying.
    items = batch(
        tmp_path, {"2019.txt": year_copy(2019), "2020.txt": year_copy(2020)}, "--select", "CY004"
    )
    assert items == []
    edits = {NEW_NATURAL: "\t2", NEW_TOTAL: "\t2"}
    items = batch(
        tmp_path,
        {"2019.txt": year_copy(2019, edits), "2020.txt": year_copy(2020, edits)},
        "--select",
        "CY004",
    )
    (finding,) = of(items, "CY004")
    assert finding["path"] == "reports/2020.txt"


def test_batch_findings_in_sarif_point_at_last_years_file(tmp_path: Path) -> None:
    from linter.schema import validate_sarif

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "2019.txt").write_text(
        year_copy(2019, {CARRIED_FORWARD_TOTAL: "\t3"}), encoding="utf-8"
    )
    (folder / "2020.txt").write_text(year_copy(2020), encoding="utf-8")
    run(
        [
            "check",
            "reports",
            "--select",
            "CY001",
            "--output-format",
            "sarif",
            "-o",
            "out.sarif",
            "--sarif-related-locations",  # related locations are listed only when asked
        ],
        tmp_path,
    )
    log = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    assert validate_sarif(log) == []
    (res,) = log["runs"][0]["results"]
    artifacts = log["runs"][0]["artifacts"]
    loc = res["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifacts[loc["index"]]["location"]["uri"] == "reports/2020.txt"
    related = res["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == "reports/2019.txt"
    assert artifacts[related["artifactLocation"]["index"]]["location"]["uri"] == "reports/2019.txt"
    assert related["region"]["startLine"] == CARRIED_FORWARD_TOTAL


def test_publication_deadline_on_the_real_pingtan_dates(tmp_path: Path) -> None:
    # 平潭综合实验区 2020 report, archived metadata "发布时间: 2021-03-05 08:58".
    path = PINGTAN[1]
    plugins = load_plugins()
    as_department = Engine(
        plugins=plugins, root=tmp_path, context=RuleContext(issuer_kind="department")
    )
    (finding,) = [f for f in as_department.lint_path(path).findings if f.code == "PB001"]
    assert finding.properties == {"published": "2021-03-05", "deadline": "2021-01-31"}
    assert "逾期 33 天" in finding.message_zh
    as_government = Engine(
        plugins=plugins, root=tmp_path, context=RuleContext(issuer_kind="government")
    )
    assert "PB001" not in [f.code for f in as_government.lint_path(path).findings]
    # The agency name alone (平潭综合实验区) does not tell: nothing is claimed.
    default = Engine(plugins=plugins, root=tmp_path)
    assert "PB001" not in [f.code for f in default.lint_path(path).findings]


def test_townships_and_zone_committees_have_no_statutory_deadline(tmp_path: Path) -> None:
    """条例第四十九条 sets deadlines for 县级以上 departments (1月31日) and governments (3月31日)
    only: a 街道办事处's or a 乡镇人民政府's report follows the local rule (CHECKS.md PUB-01),
    and a 开发区 管理委员会 is a 派出机构 that publishes as a department in one place and as its
    area's government in another. The 平潭 2020 page (published 2021-03-05) under each name:
    a street office and a zone committee were 'departments', 33 days late (an error)."""
    text = PINGTAN[1].read_text(encoding="utf-8")
    plugins = load_plugins()

    def pb001(agency: str, context: RuleContext | None = None):
        renamed = text.replace("平潭综合实验区2020", f"{agency}2020", 1)
        (tmp_path / "r.txt").write_text(renamed, encoding="utf-8")
        engine = Engine(plugins=plugins, root=tmp_path, context=context or RuleContext())
        skipped: list[tuple[str, str, str]] = []
        findings = engine.check_report(engine.parse(tmp_path / "r.txt"), skipped)
        return [f for f in findings if f.code == "PB001"], [s for s in skipped if s[0] == "PB001"]

    for agency in ("福州市鼓楼区东街街道办事处", "平潭县澳前镇人民政府", "某某县某某乡人民政府"):
        found, skipped = pb001(agency)
        assert not found, agency
        assert "deadlines.township" in skipped[0][1], agency
    found, skipped = pb001("平潭综合实验区管理委员会")
    assert not found and "issuer_kind" in skipped[0][1]
    # where the local rule is configured, it is checked
    found, _ = pb001(
        "平潭县澳前镇人民政府",
        RuleContext(deadlines={"department": "01-31", "government": "03-31", "township": "02-28"}),
    )
    assert [(f.properties["deadline"], f.sub_id) for f in found] == [("2021-02-28", "township")]
    # a department's name still tells
    found, _ = pb001("平潭综合实验区财政金融局")
    assert [(f.properties["deadline"], f.level) for f in found] == [("2021-01-31", "error")]


def test_local_deadline_from_configuration(tmp_path: Path) -> None:
    shutil.copy(PINGTAN[1], tmp_path / "r.txt")
    (tmp_path / "gongkai-lint.toml").write_text(
        'issuer-kind = "government"\n\n[deadlines]\ngovernment = "02-20"\n', encoding="utf-8"
    )
    result = run(["check", "r.txt", "--select", "PB"], tmp_path)
    assert result.exit_code == 1 and "PB001" in result.output and "2021-02-20" in result.output
    from linter.config import load_config

    assert load_config(tmp_path / "gongkai-lint.toml").deadlines == {"government": "02-20"}
    assert Config().deadlines == {}


def test_full_and_short_agency_names_are_paired(tmp_path: Path) -> None:
    full = year_copy(2019, {CARRIED_FORWARD_TOTAL: "\t3"}).replace(
        "某市工业和信息化局", "江苏省某市工业和信息化局", 1
    )
    items = batch(tmp_path, {"2019.txt": full, "2020.txt": year_copy(2020)}, "--select", "CY001")
    assert [(i["path"], i["sub_id"]) for i in items] == [("reports/2020.txt", "total")]


def test_ambiguous_pairing_is_a_note_not_a_comparison(tmp_path: Path) -> None:
    items = batch(
        tmp_path,
        {
            "2019a.txt": year_copy(2019, {CARRIED_FORWARD_TOTAL: "\t3"}),
            "2019b.txt": year_copy(2019),
            "2020.txt": year_copy(2020),
        },
        "--select",
        "CY",
    )
    assert [(i["path"], i["code"], i["sub_id"], i["level"]) for i in items] == [
        ("reports/2020.txt", "CY001", "ambiguous-pairing", "note")
    ]
    assert "reports/2019a.txt、reports/2019b.txt" in items[0]["message"]


def test_pingtan_2019_to_2022_are_paired_year_by_year(tmp_path: Path) -> None:
    """The four consecutive 平潭综合实验区 reports pair 2020→2019, 2021→2020, 2022→2021.

    Their tables are flattened (XT002), so only CY003 has facts to compare; none of their
    sections 五 is copied, so the pairing itself is what is checked here.
    """
    from rules.cross_year.facts import pairs

    engine = Engine(plugins=load_plugins(), root=tmp_path)
    facts = [engine.lint_path(path).facts["CY003"] for path in PINGTAN]
    paired = [(this.year, last.year) for this, last in pairs(facts)]
    assert paired == [(2020, 2019), (2021, 2020), (2022, 2021)]
    assert not [f for f in engine.check_batch({"CY003": facts}) if f.code == "CY003"]


# --- CY005: the 2019 edition's item counts --------------------------------------------------

# Lines of the 2019 sample's section 二: 第（五）项 行政许可 上一年项目数量 4 / 本年增/减 −3,
# 其他对外管理服务事项 1 / −1; 第（一）项 规范性文件 本年新公开数量 0 / 对外公开总数量 0.
LICENSING_PREVIOUS, OTHER_SERVICES_PREVIOUS = 35, 40
NORMATIVE_NEW_PUBLISHED = 24


def test_item_counts_copied_unchanged_from_last_year(tmp_path: Path) -> None:
    # The 2019 sample filed again for 2020, section 二 unchanged: the typical copy.
    items = batch(
        tmp_path,
        {"2019.txt": year_copy(2019), "2020.txt": year_copy(2020)},
        "--select",
        "CY005",
    )
    found = [
        (i["path"], i["sub_id"], i["location"]["anchor"]["line"], i["expected"], i["reported"])
        for i in of(items, "CY005")
    ]
    assert found == [
        ("reports/2020.txt", "item5/licensing", LICENSING_PREVIOUS, 1, 4),
        ("reports/2020.txt", "item5/other_services", OTHER_SERVICES_PREVIOUS, 0, 1),
    ]
    assert "疑为照抄" in of(items, "CY005")[0]["message"]


def test_item_counts_rolled_forward(tmp_path: Path) -> None:
    rolled = {LICENSING_PREVIOUS: "\t\u30001", OTHER_SERVICES_PREVIOUS: "\t\u30000"}
    items = batch(
        tmp_path,
        {"2019.txt": year_copy(2019), "2020.txt": year_copy(2020, rolled)},
        "--select",
        "CY005",
    )
    assert of(items, "CY005") == []


def test_total_published_rolls_forward(tmp_path: Path) -> None:
    rolled = {LICENSING_PREVIOUS: "\t\u30001", OTHER_SERVICES_PREVIOUS: "\t\u30000"}
    edits = {**rolled, NORMATIVE_NEW_PUBLISHED: "\t 5"}  # 5 newly published, total still 0
    items = batch(
        tmp_path,
        {"2019.txt": year_copy(2019), "2020.txt": year_copy(2020, edits)},
        "--select",
        "CY005",
    )
    assert [(i["sub_id"], i["expected"], i["reported"]) for i in of(items, "CY005")] == [
        ("item1/normative_documents", 5, 0)
    ]


def test_item_counts_not_compared_across_the_2021_edition(tmp_path: Path) -> None:
    # A 2021 report has no 上一年项目数量: the 2020 → 2021 pair is not compared.
    items = batch(
        tmp_path,
        {"2020.txt": year_copy(2020), "2021.txt": year_copy(2021)},
        "--select",
        "CY005",
    )
    assert of(items, "CY005") == []


def test_ambiguous_pairing_of_reports_whose_tables_were_not_read(tmp_path: Path) -> None:
    """平潭 2020 with two 2019 reports of the same name, their tables flattened (XT002,
    so CY001 has nothing of them and says nothing): CY003, which compares their text,
    says why it did not (a note), instead of nothing."""
    other_2019 = PINGTAN[2].read_text(encoding="utf-8").replace("2021年", "2019年")
    items = batch(
        tmp_path,
        {
            "2019.txt": PINGTAN[0].read_text(encoding="utf-8"),
            "2019b.txt": other_2019,
            "2020.txt": PINGTAN[1].read_text(encoding="utf-8"),
        },
        "--select",
        "CY",
    )
    assert [(i["path"], i["code"], i["sub_id"], i["level"]) for i in items] == [
        ("reports/2020.txt", "CY003", "ambiguous-pairing", "note")
    ]
    assert "reports/2019.txt、reports/2019b.txt" in items[0]["message"]


def test_section_five_and_the_narrative_sketch_hash_each_clause_once() -> None:
    # CY003 keeps section 五's clause hashes and a sketch of sections 一–六: the sections'
    # texts are joined by line breaks, which end clauses, so hashing each section's
    # clauses once gives both — the same facts as hashing the two texts apart.
    from rules.cross_year.facts import narrative_facts, report_sections, sketch
    from tests.conftest import FIXTURES, SAMPLE_2019, SHANGHAI_2025_MD

    engine = Engine.from_config(load_plugins(), Config())
    paths = [SAMPLE_2019, SHANGHAI_2025_MD, *PINGTAN, *sorted((FIXTURES / "html").glob("*.html"))]
    for path in paths:
        report = engine.parse(path)
        five = report.section(5)
        separately = (
            sentence_hashes(five.text if five else ""),
            sketch(report_sections(report, range(1, 7))),
        )
        assert narrative_facts(report, 5) == separately, path.name
        assert separately[0].lengths or five is None or not five.text.strip()
