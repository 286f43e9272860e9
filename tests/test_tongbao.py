"""The draft 通报 (``--output-format docx``), read back with python-docx.

Made from the real reports in tests/fixtures (the published HTML pages, the text and
markdown extractions, the PDFs) and the known batch; its counts are compared with the
``statistics`` and ``summary`` formats of the same run.
"""

from __future__ import annotations

import io
import shutil
from collections import Counter
from pathlib import Path

import pytest
from docx import Document

from linter.engine import Engine, FileResult, collect_files
from linter.finding import Finding
from linter.reporters import ReportOptions
from linter.reporters.statistics import Statistics
from linter.reporters.summary import Tally
from linter.reporters.tongbao import GROUPS, OTHER, TongbaoReporter, group_of
from tests.audit_batch import HOSTILE_FILE, known_batch
from tests.conftest import FIXTURES
from tests.test_cli import run

REAL = ("html", "text", "pdf")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, plugins) -> tuple[Path, list[FileResult], list[Finding], Engine]:
    root = tmp_path_factory.mktemp("corpus")
    for folder in REAL:
        shutil.copytree(FIXTURES / folder, root / "corpus" / folder)
    known_batch(root / "corpus" / "known")
    engine = Engine(plugins=plugins, root=root)
    files, _ = collect_files([root / "corpus"])
    results = [engine.lint_path(p) for p in files]
    facts: dict[str, list] = {}
    for result in results:
        for code, fact in result.facts.items():
            facts.setdefault(code, []).append(fact)
    return root, results, engine.check_batch(facts), engine


def draft(corpus, lang: str = "zh"):
    root, results, later, engine = corpus
    path = root / f"通报-{lang}.docx"
    opts = ReportOptions(root=root, rules=engine.rules, output_path=path, lang=lang)
    reporter = TongbaoReporter(io.StringIO(), opts)
    for result in results:
        reporter.file(result)
    reporter.batch(later, [])
    reporter.finish()
    return Document(str(path))


def problems(doc) -> dict[str, tuple[str, str]]:
    """Each rule's paragraph in section 二, with the group heading above it."""
    out = {}
    group = None
    started = False
    for p in doc.paragraphs:
        if p.style.name == "Heading 1":
            started = p.text.startswith("二、")
        elif started and p.style.name == "Heading 2":
            group = p.text
        elif started and "〔" in p.text:
            code = p.text.split("〔")[1].split("〕")[0]
            out[code] = (group, p.text)
    return out


def test_the_draft_says_it_is_a_draft_and_counts_as_statistics_does(corpus) -> None:
    _, results, later, _ = corpus
    doc = draft(corpus)
    assert (
        doc.paragraphs[0].text.startswith("【草稿】") and "不是检查结论" in doc.paragraphs[0].text
    )
    assert doc.paragraphs[1].style.name == "Title" and "通报（草稿）" in doc.paragraphs[1].text
    stats = Statistics()
    for result in results:
        stats.add(result.findings, report=True)
    stats.add(later)
    expected = {
        code: affected for code, _, _, _, affected in stats.rows() if code not in ("XT001", "XT004")
    }
    found = problems(doc)
    assert set(found) == set(expected)
    # Reports: every file but those unreadable (XT001) or not a report (XT004); a scan
    # without a text layer (XT005) is a report, named as a problem.
    checked = sum(1 for r in results if not {f.code for f in r.findings} & {"XT001", "XT004"})
    for code, (group, text) in found.items():
        assert f"{expected[code]} 份报告" in text, (code, text)
        # In its group, in the order a 通报 lists them.
        assert group.endswith(group_of(code).title_zh), (code, group)
    scope = doc.paragraphs[3].text
    assert f"本次共检查文件 {len(results)} 个，其中年度报告 {checked} 份" in scope
    assert "其中 1 份没有文字层（图片版），内容未能检查" in scope
    assert "image_only_scan.pdf" in found["XT005"][1] and found["XT005"][0] == "（三）可读取性问题"
    order = [h.text[3:] for h in doc.paragraphs if h.style.name == "Heading 2"]
    titles = [g.title_zh for g in (*GROUPS, OTHER)]
    assert order == sorted(order, key=titles.index)
    assert order[0] == "数据准确性问题"


def test_every_agency_with_a_finding_is_named_in_its_group(corpus) -> None:
    _, results, later, _ = corpus
    doc = draft(corpus)
    found = problems(doc)
    agency = {r.path: r.report.agency.value for r in results}
    named = 0
    for f in [x for r in results for x in r.findings] + later:
        if f.code in ("XT001", "XT004"):
            continue
        name = agency.get(f.path) or f"（未识别机关：{f.path}）"
        assert name in found[f.code][1], (f.code, name)
        named += 1
    assert named > 100
    # The known AP101 (2019 report, 某市工业和信息化局) is named under data accuracy.
    group, text = found["AP101"]
    assert group == "（一）数据准确性问题" and "某市工业和信息化局（2019年度）" in text
    # Copied text (CY003) is a completeness and conformity problem, named with its year.
    group, text = found["CY003"]
    assert group.endswith("内容完整性和规范性问题") and "某市工业和信息化局（2020年度）" in text


def test_the_annex_has_a_row_per_report_with_the_summarys_totals(corpus) -> None:
    _, results, later, _ = corpus
    doc = draft(corpus)
    annex = doc.tables[0]
    header = [c.text for c in annex.rows[0].cells]
    assert header[:3] == ["单位", "年度", "主体类型"] and header[-2:] == ["问题合计", "最高级别"]
    tally = Tally()
    for result in results:
        tally.file(result)
    tally.batch(later)
    checked = [
        c
        for c in tally.reports.values()
        if not (c.not_checked and c.not_checked[0] in ("XT001", "XT004"))
    ]
    rows = [[c.text for c in row.cells] for row in annex.rows[1:]]
    assert Counter((r[0], r[1], int(r[-2])) for r in rows) == Counter(
        (c.agency or f"（未识别机关：{c.path}）", str(c.year or ""), c.total) for c in checked
    )
    # Annex 2: the files not checked and the rules that could not check a report.
    unchecked = [[c.text for c in row.cells] for row in doc.tables[1].rows[1:]]
    not_read = [c.path for c in tally.reports.values() if c not in checked]
    assert [r[0] for r in unchecked if r[1] in ("XT001", "XT004")] == not_read
    assert any(r[1] == "PB001" and r[2].startswith("没有公开日期") for r in unchecked)


def test_english_and_the_command_line(tmp_path: Path) -> None:
    known_batch(tmp_path / "reports")
    result = run(["check", "reports", "--output-format", "docx", "--lang", "en"], tmp_path)
    assert result.exit_code == 2 and "-o FILE.docx" in result.output
    result = run(
        ["check", "reports", "--output-format", "docx", "--lang", "en", "-o", "notice.docx"],
        tmp_path,
    )
    assert result.exit_code == 1, result.output
    doc = Document(str(tmp_path / "notice.docx"))
    assert doc.paragraphs[0].text.startswith("[DRAFT]")
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert headings[0] == "(1) Accuracy of the figures"
    # Report text is only ever text in a Word file: the markup is kept as typed.
    assert any(HOSTILE_FILE in p.text for p in doc.paragraphs)


def test_a_problem_of_many_agencies_names_the_first_and_counts_the_rest(tmp_path: Path) -> None:
    from linter.reporters.summary import ReportCounts
    from linter.reporters.tongbao import MAX_NAMED

    opts = ReportOptions(root=tmp_path, output_path=tmp_path / "x.docx")
    reporter = TongbaoReporter(io.StringIO(), opts)
    reports = [
        ReportCounts(f"r{i}.txt", agency=f"第{i}局", year=2024, readable=True, codes={"AP101"})
        for i in range(MAX_NAMED + 5)
    ]
    text = reporter.agencies_with("AP101", reports)
    assert text.startswith("第0局、第1局、")
    assert f"、第{MAX_NAMED - 1}局等 {MAX_NAMED + 5} 个单位（其余 5 个见附件1）" in text
    assert f"第{MAX_NAMED}局" not in text


def test_a_plugin_rule_declares_its_group() -> None:
    class Declared:
        notice_group = "timeliness"

    assert group_of("ZZ001", Declared()).key == "timeliness"
    assert group_of("ZZ001").key == "other"
    assert group_of("AP101").key == "accuracy" and group_of("AP005").key == "completeness"
    assert group_of("PB001").key == "timeliness" and group_of("XT005").key == "findability"
