"""PI001–PI004 and the section-五 cue lists, on every real report of the corpus.

The cue functions (``rules/problems/cues.py``) run over section 五 of every corpus report
(``tests/fixtures/corpus_sections/<report>/section5.txt``: pdftotext, lxml and IR
extractions, see the README there) and the outcome is pinned per report. The rules run on
the real reports in ``tests/fixtures/text`` (the 洪泽 2024 PDF as ``pdftotext -layout``
output: ``pi_2024_district-hongze_gov.txt``), on edited copies of the 2019 sample, and on
the 淮安 2024 report in the official DOCX template.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.docs import GRADE_NOTE_ZH, render_page, render_rule
from linter.engine import Engine
from linter.finding import Finding
from rules.problems.cues import (
    content_length,
    denial_evidence,
    has_problem,
    is_none_answer,
    measure_evidence,
    rectification_evidence,
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

LINE_SECTION5 = 392  # 五、存在的主要问题及改进情况 in the 2019 sample; its text is line 393


def lint(engine: Engine, tmp_path: Path, content: str | bytes, name: str = "report.txt"):
    return engine.lint_path(write(tmp_path, name, content))


def only(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


def place(finding: Finding) -> tuple[int | None, int | None]:
    return finding.location.anchor.line, finding.location.anchor.column


def sample_with_section5(text: str) -> str:
    lines = sample_text().split("\n")
    lines[LINE_SECTION5] = text
    return "\n".join(lines)


def shanghai_2025_with_heading() -> str:
    """上海 2025 with its heading 五 restored (the markdown conversion lost it)."""
    lines = SHANGHAI_2025_MD.read_text(encoding="utf-8").split("\n")
    return "\n".join(lines[:182] + ["五、存在的主要问题及改进情况"] + lines[182:])


# --- the cue lists over every real section 五 --------------------------------------------

# report: (problems stated, first measure cue, first rectification cue).
SECTION5_OUTCOMES = {
    # Two problems and no measures: the report this project started from (PI002).
    "2019_city-bureau-gongxin_tika.txt": (True, None, None),
    "2019_prov-shanghai-govoffice.html": (True, "改进措施", None),
    "2019_zone-pingtan_gov.txt": (True, "(一)继续强化", None),
    "2020_zone-pingtan_gov.txt": (True, "改进措施", None),
    "2021_zone-pingtan_gov.txt": (True, "改进措施", None),
    "2022_zone-pingtan_gov.html": (True, "一是丰富", None),
    "2022_zone-pingtan_gov.txt": (True, "一是丰富", None),
    # 洪泽: problems and measures, but neither year reports on last year's problems.
    "2023_district-hongze_gov.pdf": (True, "下一步", None),
    "2023_zone-pingtan_gov.html": (True, "一是加大", None),
    "2024_city-huaian_gov.pdf": (True, "下一步", None),
    "2024_district-hongze_gov.pdf": (True, "将切实抓好", None),
    # “（一）2024 年工作中存在问题的改进情况 / 针对 2024 年工作中存在的主要问题……”
    "2025_prov-shanghai-govoffice.md": (True, "改进措施", "2024年工作中存在问题"),
    "2025_zonedept-pingtan-czj.html": (True, "改进措施", None),
}


def test_cues_over_every_corpus_section5() -> None:
    assert sorted(SECTION5_OUTCOMES) == [p.name for p in CORPUS_REPORTS]
    for report in CORPUS_REPORTS:
        text = (report / "section5.txt").read_text(encoding="utf-8")
        year = int(report.name[:4])
        outcome = (has_problem(text), measure_evidence(text), rectification_evidence(text, year))
        assert outcome == SECTION5_OUTCOMES[report.name], report.name
        # No real section 五 is empty, a bare “无”, or denies having problems.
        assert content_length(text) >= 100, report.name
        assert not is_none_answer(text) and denial_evidence(text) is None, report.name


def test_strong_rectification_cues_outside_section5() -> None:
    # Only 上海 2019 names last year's problems outside 五 (in 一: “上一年度考核评估中发现的问题”).
    found = {}
    for report in CORPUS_REPORTS:
        year = int(report.name[:4])
        for name in ("section1.txt", "section6.txt"):
            text = (report / name).read_text(encoding="utf-8")
            if cue := rectification_evidence(text, year, strong_only=True):
                found[(report.name, name)] = cue
    assert found == {
        ("2019_prov-shanghai-govoffice.html", "section1.txt"): "上一年度考核评估中发现的问题"
    }


def test_inspections_follow_up_is_not_last_years_rectification() -> None:
    # 平潭 2023 一: “同时实时跟进各单位整改情况” — this year's inspections, not last year's report.
    overview = (CORPUS_SECTIONS / "2023_zone-pingtan_gov.html" / "section1.txt").read_text(
        encoding="utf-8"
    )
    assert rectification_evidence(overview, 2023) == "整改情况"
    assert rectification_evidence(overview, 2023, strong_only=True) is None
    # 平潭 2020 五: “对于问题比较突出的部门，主动帮助整改落实” is a measure, not a report.
    five = (CORPUS_SECTIONS / "2020_zone-pingtan_gov.txt" / "section5.txt").read_text(
        encoding="utf-8"
    )
    assert "整改落实" in five and rectification_evidence(five, 2020) is None


def test_denials_do_not_count_as_problems() -> None:
    text = "本年度我局政府信息公开工作不存在问题，未发现明显不足。下一步将继续加强。"
    assert not has_problem(text)
    assert denial_evidence(text).group(0) == "不存在问题"
    assert has_problem("尚存在一定的差距。")


def test_wrapped_pdf_lines_are_not_clause_starts() -> None:
    # pdftotext breaks “还有待提高、……队伍建设” / “有待加强” anywhere; a line that happens
    # to start with a verb is not a measure.
    text = "对照上级要求，仍存在一定差距，如依申请公开工作规范性还有待提\n高、政务公开队伍建设\n加强不够等。"
    assert has_problem(text)
    assert measure_evidence(text) is None


# --- PI001 empty-section ----------------------------------------------------------------


def test_pi001_says_only_none(engine: Engine, tmp_path: Path) -> None:
    pi = only(lint(engine, tmp_path, sample_with_section5("无。")).findings, "PI001")
    assert [(f.sub_id, f.level, place(f), f.reported) for f in pi] == [
        ("none", "error", (LINE_SECTION5 + 1, 1), 1)
    ]
    assert "只写了“无。”" in pi[0].message_zh


def test_pi001_empty(engine: Engine, tmp_path: Path) -> None:
    pi = only(lint(engine, tmp_path, sample_with_section5("")).findings, "PI001")
    assert [(f.sub_id, place(f), f.reported) for f in pi] == [("empty", (LINE_SECTION5, 1), 0)]


def test_pi001_too_short(engine: Engine, tmp_path: Path) -> None:
    text = sample_with_section5("存在一些不足，下一步将改进。")
    pi = only(lint(engine, tmp_path, text).findings, "PI001")
    assert [(f.sub_id, place(f), f.reported) for f in pi] == [("short", (LINE_SECTION5 + 1, 1), 12)]
    assert "只有 12 个字" in pi[0].message_zh
    # PI003/PI002 leave a section too short to read to PI001.
    assert not only(lint(engine, tmp_path, text).findings, "PI003")


def test_pi001_template_prompt_only_docx(engine: Engine, tmp_path: Path) -> None:
    sections = {k: v for k, v in HUAIAN_2024_SECTIONS.items() if k != "五"}
    findings = lint(engine, tmp_path, huaian_2024_docx(sections=sections), "h.docx").findings
    pi = only(findings, "PI001")
    assert [(f.sub_id, f.location.anchor.paragraph, f.reported) for f in pi] == [("short", 35, 4)]
    assert "（文字描述）" in pi[0].message_zh


@pytest.mark.parametrize("path", REAL_TEXTS, ids=lambda p: p.name)
def test_pi001_real_reports_pass(engine: Engine, path: Path) -> None:
    assert not only(engine.lint_path(path).findings, "PI001")


# --- PI002 on the whole corpus -----------------------------------------------------------


@pytest.mark.parametrize("path", REAL_TEXTS, ids=lambda p: p.name)
def test_pi002_only_the_sample_lacks_measures(engine: Engine, path: Path) -> None:
    pi = only(engine.lint_path(path).findings, "PI002")
    assert [place(f) for f in pi] == ([(LINE_SECTION5, 1)] if path == SAMPLE_2019 else [])


@pytest.mark.parametrize(
    "plan",
    [
        # a 2020 区审计局 report's section 五 (seen in a real stored page), wrapped as pdftotext
        # wraps it: “将根据…要求，进一步提高认识”
        "2020 年，我局将根据我区部署的政务公开工作具体要求，进\n一步提高认识，加\n大工作力度。",
        "明年，我局将紧扣群众需求和上级要求开展工作。",
    ],
    ids=["next-year-with-its-year", "next-year-in-words"],
)
def test_pi002_a_plan_for_next_year_is_a_measure(engine: Engine, tmp_path: Path, plan: str) -> None:
    """“{next year}年，我局将根据……，进一步……”: a measure though 将 is not followed by the
    action at once; the sample (a 2019 report whose 五 lists two problems and nothing
    else) then passes."""
    lines = sample_text().split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("六、"))
    text = "\n".join(lines[:at] + plan.split("\n") + lines[at:])
    assert not only(lint(engine, tmp_path, text).findings, "PI002")
    assert only(engine.lint_path(SAMPLE_2019).findings, "PI002")


def test_a_problem_about_next_year_is_not_a_measure() -> None:
    assert measure_evidence("信息公开工作仍有不足，明年的工作任务较重。", 2019) is None
    assert measure_evidence("2020年工作中存在的问题：公开不及时。", 2019) is None


# --- PI003 no-problems-stated -------------------------------------------------------------


def test_pi003_denies_problems(engine: Engine, tmp_path: Path) -> None:
    text = sample_with_section5(
        "本年度我局政府信息公开工作不存在问题。下一步，我局将继续加强政府信息公开工作，及时更新公开内容。"
    )
    pi = only(lint(engine, tmp_path, text).findings, "PI003")
    assert [(f.sub_id, f.level, place(f), f.location.anchor.end_column) for f in pi] == [
        ("denied", "warning", (LINE_SECTION5 + 1, 14), 19)
    ]
    assert "称“不存在问题”" in pi[0].message_zh


def test_pi003_measures_only(engine: Engine, tmp_path: Path) -> None:
    text = sample_with_section5(
        "下一步，我局将进一步加强政府信息公开工作，丰富公开内容，提升公开质量，做好政策解读。"
    )
    findings = lint(engine, tmp_path, text).findings
    pi = only(findings, "PI003")
    assert [(f.sub_id, place(f)) for f in pi] == [("measures-only", (LINE_SECTION5, 1))]
    assert not only(findings, "PI002")


@pytest.mark.parametrize("path", REAL_TEXTS, ids=lambda p: p.name)
def test_pi003_real_reports_pass(engine: Engine, path: Path) -> None:
    assert not only(engine.lint_path(path).findings, "PI003")


# --- PI004 no-rectification-report --------------------------------------------------------


def test_pi004_hongze_2024(engine: Engine) -> None:
    pi = only(engine.lint_path(HONGZE_2024).findings, "PI004")
    assert [(f.sub_id, f.level, place(f)) for f in pi] == [(None, "note", (147, 6))]
    message = pi[0].message_zh
    assert "上一年度（2023 年度）报告所列问题的整改情况" in message
    assert "依据未经核实，仅作提示，不代表统一格式的要求" in message
    assert "basis of this rule is unverified" in pi[0].message_en


@pytest.mark.parametrize(
    ("path", "where"),
    [
        (HONGZE_2023, (151, 6)),
        (HUAIAN_2024, (225, 8)),
        (PINGTAN[2], (10, 3009)),
        (PINGTAN[3], (10, 3306)),
    ],
    ids=lambda v: v.name if isinstance(v, Path) else str(v),
)
def test_pi004_real_2021_edition_reports(engine: Engine, path: Path, where) -> None:
    assert [place(f) for f in only(engine.lint_path(path).findings, "PI004")] == [where]


def test_pi004_shanghai_2025_reports_rectification(engine: Engine, tmp_path: Path) -> None:
    findings = lint(engine, tmp_path, shanghai_2025_with_heading(), "shanghai.md").findings
    assert not [f for f in findings if f.code.startswith("PI") or f.code == "ST001"]


def test_pi004_only_for_the_2021_edition(engine: Engine) -> None:
    for path in (SAMPLE_2019, PINGTAN[0], PINGTAN[1]):
        assert not only(engine.lint_path(path).findings, "PI004"), path.name


def test_pi004_rectification_in_section5_or_named_elsewhere(engine: Engine, tmp_path: Path) -> None:
    sections = dict(HUAIAN_2024_SECTIONS)
    base = lint(engine, tmp_path, huaian_2024_docx(), "base.docx").findings
    assert [f.location.anchor.paragraph for f in only(base, "PI004")] == [34]

    fixed = dict(sections)
    fixed["五"] = (
        "（一）2023年度问题整改情况。针对2023年度报告所列政策解读形式单一的问题，全年制作图解、"
        "短视频解读21个。",
        *sections["五"],
    )
    findings = lint(engine, tmp_path, huaian_2024_docx(sections=fixed), "fixed.docx").findings
    assert not only(findings, "PI004")

    # “整改情况” in 一 is this year's inspections: PI004 still fires …
    inspections = dict(sections)
    inspections["一"] = (*sections["一"], "同时实时跟进各单位整改情况，定期进行提醒、督促。")
    findings = lint(engine, tmp_path, huaian_2024_docx(sections=inspections), "i.docx").findings
    assert len(only(findings, "PI004")) == 1
    # … but last year's problems named outright anywhere silence it.
    named = dict(sections)
    named["一"] = (*sections["一"], "针对上年度报告中指出的问题，均已逐项整改到位。")
    findings = lint(engine, tmp_path, huaian_2024_docx(sections=named), "n.docx").findings
    assert not only(findings, "PI004")


def test_pi004_documentation_says_its_basis_is_unverified(plugins) -> None:
    rule = plugins.rules["PI004"]
    assert (rule.grade, rule.level, rule.editions) == ("U", "note", ("2021",))
    text = render_rule(rule, "zh")
    assert GRADE_NOTE_ZH in text
    page = render_page(rule)
    assert "未经核实" in page and "unverified" in page
    assert "format requires" not in page.lower() and "格式要求" not in page
