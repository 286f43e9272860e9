"""ST002–ST008 on real reports and edited copies of them: exact code, sub_id and place.

Fixtures: the dev reports in ``tests/fixtures/text`` (see the corpus README); the three
real PDFs as ``pdftotext -layout`` output (``st_2023_district-hongze_gov.txt``,
``st_2024_city-huaian_gov.txt``, ``pi_2024_district-hongze_gov.txt``, unedited, made with
poppler's pdftotext from ``corpus/real/*.pdf``); the 淮安 2024 report in the official DOCX
template (``tests/docx_fixtures.py``); and the sections of every corpus report in
``tests/fixtures/corpus_sections`` for the cue lists.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.engine import Engine
from linter.finding import Finding
from linter.rule import RuleContext
from rules.structure.cues import (
    ACCOUNTABILITY_ITEMS,
    OVERVIEW_TOPICS,
    STATISTICS_PERIOD,
    TEMPLATE_RESIDUE,
    TEMPLATE_RESIDUE_TRIGGER,
    missing_topics,
)
from tests.conftest import (
    FIXTURES,
    PINGTAN,
    SAMPLE_2019,
    SHANGHAI_2025_MD,
    TEXT,
    sample_text,
    write,
)
from tests.docx_fixtures import HUAIAN_2024_SECTIONS, huaian_2024_docx

CORPUS_SECTIONS = FIXTURES / "corpus_sections"
CORPUS_REPORTS = sorted(p for p in CORPUS_SECTIONS.iterdir() if p.is_dir() and p.name != "tx")
HONGZE_2023 = TEXT / "st_2023_district-hongze_gov.txt"
HUAIAN_2024 = TEXT / "st_2024_city-huaian_gov.txt"
HONGZE_2024 = TEXT / "pi_2024_district-hongze_gov.txt"
REAL_TEXTS = [SAMPLE_2019, *PINGTAN, SHANGHAI_2025_MD, HONGZE_2023, HUAIAN_2024, HONGZE_2024]

SAMPLE_TITLE = "2019年度政府信息公开工作年度报告"
# Lines of the 2019 sample (tests/fixtures/text/2019_city-bureau-gongxin_tika.txt).
LINE_OVERVIEW = 3
LINE_FIRST_COLUMN = 13  # 第二十条第（一）项 / 本年新制作数量
LINE_SECTION5 = 392
LINE_SECTION6 = 395


def lint(engine: Engine, tmp_path: Path, content: str | bytes, name: str = "report.txt"):
    return engine.lint_path(write(tmp_path, name, content))


def only(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


def place(finding: Finding) -> tuple[int | None, int | None]:
    return finding.location.anchor.line, finding.location.anchor.column


def sample_lines() -> list[str]:
    return sample_text().split("\n")


def as_2021(text: str) -> str:
    """The 2019 sample retitled as a report on 2021 (so the 2021 format applies)."""
    return text.replace(SAMPLE_TITLE, "2021年度政府信息公开工作年度报告", 1)


# --- ST002 section-order ----------------------------------------------------------------


def test_st002_section_6_before_5(engine: Engine, tmp_path: Path) -> None:
    lines = sample_lines()
    five, six = lines[LINE_SECTION5 - 1 : LINE_SECTION5 + 1], lines[LINE_SECTION6 - 1 :]
    text = "\n".join(lines[: LINE_SECTION5 - 1] + six + [""] + five)
    st = only(lint(engine, tmp_path, text).findings, "ST002")
    assert [(f.sub_id, place(f)) for f in st] == [("order", (LINE_SECTION5, 1))]
    assert "第六部分“六、其他需要报告的事项”" in st[0].message_zh
    assert "排在“五、存在的主要问题及改进情况”之前" in st[0].message_zh
    assert "一、二、三、四、六、五" in st[0].message_zh
    assert [r.anchor.line for r in st[0].related] == [LINE_SECTION5 + 4]


def test_st002_repeated_heading(engine: Engine, tmp_path: Path) -> None:
    lines = sample_lines()
    text = "\n".join(lines[:344] + ["二、主动公开政府信息情况", ""] + lines[344:])
    st = only(lint(engine, tmp_path, text).findings, "ST002")
    assert [(f.sub_id, place(f), f.level) for f in st] == [("duplicate", (345, 1), "warning")]
    assert "“二、主动公开政府信息情况”重复出现" in st[0].message_zh


@pytest.mark.parametrize("path", REAL_TEXTS, ids=lambda p: p.name)
def test_st002_real_reports_in_order(engine: Engine, path: Path) -> None:
    assert not only(engine.lint_path(path).findings, "ST002")


# --- ST003 edition-mismatch -------------------------------------------------------------


def test_st003_2019_tables_in_a_2021_report(engine: Engine, tmp_path: Path) -> None:
    st = only(lint(engine, tmp_path, as_2021(sample_text())).findings, "ST003")
    assert [(f.sub_id, f.level, place(f)) for f in st] == [
        ("section2", "error", (LINE_FIRST_COLUMN, 2))
    ]
    message = st[0].message_zh
    assert "2019 年试行格式" in message and "（2021 年度）" in message
    assert "本年新制作数量" in message and "本年制发件数" in message
    assert "2019 trial format" in st[0].message_en


def test_st003_2021_tables_in_a_2020_report_docx(engine: Engine, tmp_path: Path) -> None:
    title = "淮安市人民政府2020年政府信息公开工作年度报告"
    data = huaian_2024_docx(title=title, core_title=title)
    st = only(lint(engine, tmp_path, data, "huaian.docx").findings, "ST003")
    assert [f.sub_id for f in st] == ["section2"]
    anchor = st[0].location.anchor
    # The 本年制发件数 header cell of table 0 (row 1, column 1).
    assert (anchor.table, anchor.row, anchor.cell, anchor.line, anchor.column) == (0, 1, 1, 17, 2)
    assert "2021 年格式" in st[0].message_zh and "本年新制作数量" in st[0].message_zh


def test_st003_inferred_edition_is_a_note(engine: Engine, tmp_path: Path) -> None:
    text = (
        sample_text()
        .replace(SAMPLE_TITLE, "政府信息公开工作年度报告", 1)
        .replace("2019年，在市政府", "本年度，在市政府")
        .replace("2019年，我局从实际出发", "本年度，我局从实际出发")
    )
    st = only(lint(engine, tmp_path, text).findings, "ST003")
    assert [(f.sub_id, f.level, place(f)) for f in st] == [
        ("inferred", "note", (LINE_FIRST_COLUMN, 2))
    ]
    assert "未能确定报告年度" in st[0].message_zh and "2019 年试行格式" in st[0].message_zh


def test_st003_lone_collapsed_row_is_left_to_ap002(engine: Engine, tmp_path: Path) -> None:
    # Section 二's tables removed: only section 三 is left, whose one 2019 mark is the
    # single （六）其他处理 row. That is AP002's business (missing sub-rows), not ST003's.
    lines = as_2021(sample_text()).split("\n")
    text = "\n".join(lines[:9] + lines[82:])
    assert not only(lint(engine, tmp_path, text).findings, "ST003")


def test_st003_right_editions_pass(engine: Engine, tmp_path: Path) -> None:
    assert not only(engine.lint_path(SAMPLE_2019).findings, "ST003")
    docx = lint(engine, tmp_path, huaian_2024_docx(), "huaian.docx")
    assert not only(docx.findings, "ST003")


# --- ST004 title-form -------------------------------------------------------------------


def test_st004_sample_title_has_no_agency(engine: Engine) -> None:
    st = only(engine.lint_path(SAMPLE_2019).findings, "ST004")
    assert [(f.sub_id, f.level, place(f)) for f in st] == [("agency", "warning", (1, 1))]
    assert "“2019年度政府信息公开工作年度报告”中没有发布机关的名称" in st[0].message_zh


def test_st004_no_title(engine: Engine, tmp_path: Path) -> None:
    text = "\n".join(sample_lines()[2:])  # the title line and the blank after it dropped
    st = only(lint(engine, tmp_path, text).findings, "ST004")
    assert [(f.sub_id, place(f)) for f in st] == [("missing", (1, 1))]


def test_st004_title_without_year(engine: Engine, tmp_path: Path) -> None:
    text = sample_text().replace(SAMPLE_TITLE, "某市工业和信息化局政府信息公开工作年度报告", 1)
    st = only(lint(engine, tmp_path, text).findings, "ST004")
    assert [(f.sub_id, place(f)) for f in st] == [("year", (1, 1))]


def test_st004_wrong_name(engine: Engine, tmp_path: Path) -> None:
    title = "某市工业和信息化局2019年度政务公开工作年度报告"
    text = sample_text().replace(SAMPLE_TITLE, title, 1)
    st = only(lint(engine, tmp_path, text).findings, "ST004")
    assert [(f.sub_id, place(f)) for f in st] == [("name", (1, 1))]
    assert f"标题“{title}”未使用“政府信息公开工作年度报告”这一名称" in st[0].message_zh


@pytest.mark.parametrize(
    "path",
    [*PINGTAN, SHANGHAI_2025_MD, HONGZE_2023, HUAIAN_2024, HONGZE_2024],
    ids=lambda p: p.name,
)
def test_st004_real_titles_pass(engine: Engine, path: Path) -> None:
    # 洪泽/淮安 print the agency on the line above "2024 年政府信息公开工作年度报告".
    assert not only(engine.lint_path(path).findings, "ST004")


# --- ST005 year-inconsistent --------------------------------------------------------------


def test_st005_period_ends_before_it_starts(engine: Engine, tmp_path: Path) -> None:
    # 洪泽 2023 wraps the period over two lines: “统计期限自 2023 年 1 月 1 日” / “起至 2023 年 12 月 31 日止”.
    text = HONGZE_2023.read_text(encoding="utf-8").replace(
        "起至 2023 年 12 月 31 日止", "起至 2022 年 12 月 31 日止", 1
    )
    st = only(lint(engine, tmp_path, text).findings, "ST005")
    assert [(f.sub_id, f.level, place(f)) for f in st] == [("period", "error", (6, 16))]
    assert "起 2023-01-01，止 2022-12-31" in st[0].message_zh


def test_st005_period_of_another_year(engine: Engine, tmp_path: Path) -> None:
    text = (
        PINGTAN[3]
        .read_text(encoding="utf-8")
        .replace(
            "统计时限为2022年1月1日至2022年12月31日", "统计时限为2021年1月1日至2021年12月31日", 1
        )
    )
    st = only(lint(engine, tmp_path, text).findings, "ST005")
    assert [(f.sub_id, place(f), f.expected, f.reported) for f in st] == [
        ("title-year", (10, 144), 2022, 2021)
    ]
    assert "为 2021 年，与标题中的 2022 年度不一致" in st[0].message_zh


def test_st005_year_misprinted_with_more_digits(engine: Engine, tmp_path: Path) -> None:
    """A 2020 镇人民政府 report's stored page states “统计期限自2020年1月1日起至202020年12月31日
    止”: no period was read, so nothing was said. 洪泽 2023 with its end year so misprinted."""
    text = HONGZE_2023.read_text(encoding="utf-8").replace(
        "起至 2023 年 12 月 31 日止", "起至 202023 年 12 月 31 日止", 1
    )
    st = only(lint(engine, tmp_path, text).findings, "ST005")
    assert [(f.sub_id, f.level, place(f)) for f in st] == [("period", "error", (6, 16))]
    assert "年份“202023”不是四位数的年份" in st[0].message_zh
    assert "'202023' for a year" in st[0].message_en


def test_st005_docx_points_into_the_paragraph(engine: Engine, tmp_path: Path) -> None:
    title = "淮安市人民政府2020年政府信息公开工作年度报告"
    data = huaian_2024_docx(title=title, core_title=title)
    st = only(lint(engine, tmp_path, data, "huaian.docx").findings, "ST005")
    assert [f.sub_id for f in st] == ["title-year"]
    anchor = st[0].location.anchor
    assert (anchor.paragraph, anchor.line, anchor.column, anchor.end_column) == (2, 2, 62, 88)


@pytest.mark.parametrize("path", REAL_TEXTS, ids=lambda p: p.name)
def test_st005_real_reports_pass(engine: Engine, path: Path) -> None:
    assert not only(engine.lint_path(path).findings, "ST005")


# The 统计期限 each real report states (start year, month, day, end year or None, month, day).
PERIODS = {
    "2019_city-bureau-gongxin_tika.txt": None,
    "2019_prov-shanghai-govoffice.html": ("2019", "1", "1", None, "12", "31"),
    "2019_zone-pingtan_gov.txt": ("2019", "1", "1", "2019", "12", "31"),
    "2020_zone-pingtan_gov.txt": ("2020", "1", "1", "2020", "12", "31"),
    "2021_zone-pingtan_gov.txt": ("2021", "1", "1", "2021", "12", "31"),
    "2022_zone-pingtan_gov.html": ("2022", "1", "1", "2022", "12", "31"),
    "2022_zone-pingtan_gov.txt": ("2022", "1", "1", "2022", "12", "31"),
    "2023_district-hongze_gov.pdf": ("2023", "1", "1", "2023", "12", "31"),
    "2023_zone-pingtan_gov.html": ("2023", "1", "1", "2023", "12", "31"),
    "2024_city-huaian_gov.pdf": ("2024", "1", "1", "2024", "12", "31"),
    "2024_district-hongze_gov.pdf": ("2024", "1", "1", "2024", "12", "31"),
    "2025_prov-shanghai-govoffice.md": ("2025", "1", "1", None, "12", "31"),
    "2025_zonedept-pingtan-czj.html": ("2025", "1", "1", "2025", "12", "31"),
}


def test_st005_period_found_in_every_corpus_report() -> None:
    assert sorted(PERIODS) == [p.name for p in CORPUS_REPORTS]
    for report in CORPUS_REPORTS:
        # Lines joined as the rule joins paragraphs (PDF lines wrap inside the period).
        preamble = "".join((report / "preamble.txt").read_text(encoding="utf-8").split("\n"))
        m = STATISTICS_PERIOD.search(preamble)
        assert (m.groups() if m else None) == PERIODS[report.name], report.name


# --- ST006 template-residue -------------------------------------------------------------


def test_st006_template_prompt_left_in_docx(engine: Engine, tmp_path: Path) -> None:
    sections = {k: v for k, v in HUAIAN_2024_SECTIONS.items() if k != "六"}
    data = huaian_2024_docx(sections=sections)
    st = only(lint(engine, tmp_path, data, "huaian.docx").findings, "ST006")
    assert [f.sub_id for f in st] == ["text-description"]
    anchor = st[0].location.anchor
    assert (anchor.paragraph, anchor.line, anchor.column, anchor.end_column) == (38, 472, 1, 23)
    assert st[0].properties["residue"] == "（文字描述，收取信息处理费情况在此处报告。）"


def test_st006_placeholder_inside_a_paragraph(engine: Engine, tmp_path: Path) -> None:
    text = sample_text().replace("我局以建设服务型政府", "XX局以建设服务型政府")
    st = only(lint(engine, tmp_path, text).findings, "ST006")
    assert [(f.sub_id, place(f), f.location.anchor.end_column) for f in st] == [
        ("placeholder-xx", (4, 31), 33)
    ]


def test_st006_writing_note(engine: Engine, tmp_path: Path) -> None:
    # The v1 编写说明 that 潜江市周矶街道办事处's 2020 report printed verbatim.
    note = "编写说明：可先适当综述。要注意数据间的逻辑关系：第一项加第二项之和，等于第三项加第四项之和。"
    lines = sample_lines()
    text = "\n".join(lines[:83] + [note] + lines[83:])
    st = only(lint(engine, tmp_path, text).findings, "ST006")
    assert [(f.sub_id, place(f)) for f in st] == [("writing-note", (84, 1))]


def test_st006_in_html_points_at_the_paragraph(engine: Engine, tmp_path: Path) -> None:
    # An HTML paragraph's text has lost its inline markup, so an offset in the text is not
    # a column in the file: the finding points at the paragraph's start tag.
    pytest.importorskip("linter.readers.html")
    page = (
        "<p>2019年上海市人民政府办公厅政府信息公开工作年度报告</p>\n"
        "<p>一、总体情况</p>\n"
        "<p><strong>2019年</strong>，XX局坚持以习近平新时代中国特色社会主义思想为指导。</p>\n"
    )
    st = only(lint(engine, tmp_path, page, "report.html").findings, "ST006")
    assert [(f.sub_id, place(f)) for f in st] == [("placeholder-xx", (3, 1))]


@pytest.mark.parametrize("path", REAL_TEXTS, ids=lambda p: p.name)
def test_st006_real_reports_pass(engine: Engine, path: Path) -> None:
    assert not only(engine.lint_path(path).findings, "ST006")


def test_st006_no_residue_anywhere_in_the_corpus() -> None:
    # Web addresses and e-mails (www.pingtan.gov.cn, pzxxgkb@163.com, xxgk) are not residue.
    for path in [*REAL_TEXTS, *(p for d in CORPUS_REPORTS for p in d.glob("*.txt"))]:
        text = path.read_text(encoding="utf-8")
        found = [m.group(0) for _, pattern, *_ in TEMPLATE_RESIDUE for m in pattern.finditer(text)]
        assert found == [], path


def test_st006_trigger_finds_every_residue() -> None:
    # The rule skips a paragraph its trigger finds nothing in: each residue must hold one.
    residues = [
        "（文字描述）",
        "(文字描述，收取信息处理费情况在此处报告。",
        "编写说明：",
        "（编写说明",
        "（具体网址）",
        "请在此处填写",
        "XX局",
        "共××件",
        "ＸＸ区",
        "20XX年",
        "“XXX”",
    ]
    for text in residues:
        found = [sub for sub, pattern, *_ in TEMPLATE_RESIDUE if pattern.search(text)]
        assert found, text  # a real residue, not a string no pattern knows
        assert TEMPLATE_RESIDUE_TRIGGER.search(text), text
    assert not TEMPLATE_RESIDUE_TRIGGER.search("本机关全年收到政府信息公开申请12件（xxgk）")


# --- ST007 overview-topics --------------------------------------------------------------


def test_st007_overview_without_two_topics(engine: Engine, tmp_path: Path) -> None:
    st = only(lint(engine, tmp_path, as_2021(sample_text())).findings, "ST007")
    assert [(f.sub_id, f.level, place(f)) for f in st] == [(None, "note", (LINE_OVERVIEW, 1))]
    assert st[0].properties["missing"] == ["主动公开", "依申请公开"]
    assert "未涉及：主动公开、依申请公开" in st[0].message_zh


def test_st007_only_for_the_2021_edition(engine: Engine) -> None:
    assert not only(engine.lint_path(SAMPLE_2019).findings, "ST007")


@pytest.mark.parametrize(
    "path",
    [PINGTAN[2], PINGTAN[3], SHANGHAI_2025_MD, HONGZE_2023, HUAIAN_2024, HONGZE_2024],
    ids=lambda p: p.name,
)
def test_st007_real_2021_reports_pass(engine: Engine, path: Path) -> None:
    assert not only(engine.lint_path(path).findings, "ST007")


# Topics each real overview does not touch (cue lists of rules/structure/cues.py).
OVERVIEW_MISSING = {
    "2019_city-bureau-gongxin_tika.txt": ["主动公开", "依申请公开"],
    "2019_zone-pingtan_gov.txt": ["依申请公开", "政府信息管理"],
}


def test_st007_topics_of_every_corpus_overview() -> None:
    for report in CORPUS_REPORTS:
        text = (report / "section1.txt").read_text(encoding="utf-8")
        missing = [zh for zh, _ in missing_topics(text, OVERVIEW_TOPICS)]
        assert missing == OVERVIEW_MISSING.get(report.name, []), report.name


# --- ST008 government-accountability ----------------------------------------------------


def test_st008_hongze_2023_reports_none_of_the_three(engine: Engine) -> None:
    st = only(engine.lint_path(HONGZE_2023).findings, "ST008")
    assert [(f.sub_id, f.level, place(f)) for f in st] == [(None, "warning", (11, 4))]
    assert st[0].properties["missing"] == ["工作考核", "社会评议", "责任追究"]
    assert "“洪泽区人民政府”是人民政府" in st[0].message_zh


def test_st008_hongze_2024_reports_assessment_only(engine: Engine) -> None:
    st = only(engine.lint_path(HONGZE_2024).findings, "ST008")
    assert [(place(f), f.properties["missing"]) for f in st] == [
        ((10, 3), ["社会评议", "责任追究"])
    ]


def test_st008_passes_when_all_three_are_reported(engine: Engine, tmp_path: Path) -> None:
    sections = dict(HUAIAN_2024_SECTIONS)
    # 平潭综合实验区's 2022 wording of the three results.
    sections["一"] = sections["一"] + (
        "结合工作考核机制进行抽查通报，并将通报结果纳入绩效考核。落实社会评议和责任追究制度，"
        "积极主动接受社会评议，未发生相关责任人责任追究问题情况。",
    )
    assert not only(
        lint(engine, tmp_path, huaian_2024_docx(sections=sections), "h.docx").findings, "ST008"
    )
    # The same report without that paragraph lacks all three.
    st = only(lint(engine, tmp_path, huaian_2024_docx(), "h2.docx").findings, "ST008")
    assert [f.properties["missing"] for f in st] == [["工作考核", "社会评议", "责任追究"]]


def test_st008_silent_unless_the_issuer_is_a_government(engine: Engine, tmp_path: Path) -> None:
    # A bureau (the sample, no agency in its title; or named), and 平潭综合实验区 (neither
    # 人民政府 nor a department by its name): not checked.
    assert not only(engine.lint_path(SAMPLE_2019).findings, "ST008")
    named = sample_text().replace(
        SAMPLE_TITLE, "某市工业和信息化局2019年度政府信息公开工作年度报告", 1
    )
    assert not only(lint(engine, tmp_path, named).findings, "ST008")
    assert not only(engine.lint_path(PINGTAN[2]).findings, "ST008")


def test_st008_township_governments_are_governments(engine: Engine, tmp_path: Path) -> None:
    # 条例第五十条第（四）项 speaks of 各级人民政府: a 镇人民政府 (issuer kind township, for its
    # publication deadline) is checked as 洪泽区人民政府 is; a 街道办事处 is no 人民政府.
    text = HONGZE_2023.read_text(encoding="utf-8")
    town = lint(engine, tmp_path, text.replace("洪泽区人民政府", "洪泽区岔河镇人民政府", 1))
    st = only(town.findings, "ST008")
    assert [(f.level, place(f)) for f in st] == [("warning", (11, 4))]
    assert "“洪泽区岔河镇人民政府”是人民政府" in st[0].message_zh
    # A 镇政府 is its 镇人民政府 named short (a township's site titles its report so).
    short = lint(engine, tmp_path, text.replace("洪泽区人民政府", "洪泽区岔河镇政府", 1), "t.txt")
    assert [(f.level, place(f)) for f in only(short.findings, "ST008")] == [("warning", (11, 4))]
    street = text.replace("洪泽区人民政府", "洪泽区高良涧街道办事处", 1)
    assert not only(lint(engine, tmp_path, street, "s.txt").findings, "ST008")


def test_st008_configured_issuer_kind(plugins, tmp_path: Path) -> None:
    engine = Engine(plugins=plugins, root=tmp_path, context=RuleContext(issuer_kind="government"))
    st = only(engine.lint_path(PINGTAN[2]).findings, "ST008")
    assert [(place(f), f.properties["missing"]) for f in st] == [((10, 503), ["责任追究"])]


# What each real report lacks of 考核 / 评议 / 责任追究, anywhere in its text.
ACCOUNTABILITY_MISSING = {
    "2019_city-bureau-gongxin_tika.txt": ["工作考核", "社会评议"],
    "2019_prov-shanghai-govoffice.html": ["责任追究"],
    "2019_zone-pingtan_gov.txt": ["社会评议", "责任追究"],
    "2020_zone-pingtan_gov.txt": ["社会评议", "责任追究"],
    "2021_zone-pingtan_gov.txt": ["责任追究"],
    "2022_zone-pingtan_gov.html": [],
    "2022_zone-pingtan_gov.txt": [],
    "2023_district-hongze_gov.pdf": ["工作考核", "社会评议", "责任追究"],
    "2023_zone-pingtan_gov.html": ["社会评议"],
    "2024_city-huaian_gov.pdf": ["工作考核", "社会评议", "责任追究"],
    "2024_district-hongze_gov.pdf": ["社会评议", "责任追究"],
    "2025_prov-shanghai-govoffice.md": ["社会评议", "责任追究"],
    "2025_zonedept-pingtan-czj.html": ["工作考核", "社会评议", "责任追究"],
}


def test_st008_cues_over_every_corpus_report() -> None:
    assert sorted(ACCOUNTABILITY_MISSING) == [p.name for p in CORPUS_REPORTS]
    for report in CORPUS_REPORTS:
        text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(report.glob("*.txt")))
        missing = [zh for zh, _ in missing_topics(text, ACCOUNTABILITY_ITEMS)]
        assert missing == ACCOUNTABILITY_MISSING[report.name], report.name
