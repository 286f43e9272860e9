"""The output formats beyond concise/json/sarif, on real reports and a mixed folder.

Every format is fed exactly as the CLI feeds it: each file's result as it completes,
then the batch findings (CY) once, then ``finish``. The spreadsheet formats are read
back (csv module, openpyxl) and their counts compared with the SARIF log of the same run.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

import pytest
from lxml import etree

from linter.document import Anchor
from linter.engine import Engine, FileResult, Selection, collect_files
from linter.finding import Finding, Location
from linter.model import Decided, Report, Source
from linter.plugins import Plugins
from linter.reporters import ReportOptions
from linter.reporters.full import FullReporter
from linter.reporters.github import GithubReporter, command, escape_data, escape_property
from linter.reporters.junit import JunitReporter
from linter.reporters.sarif import SarifReporter
from linter.reporters.statistics import Statistics, StatisticsReporter
from linter.reporters.summary import SummaryReporter, display_width, pad
from linter.reporters.tabular import (
    CsvReporter,
    OutputFileRequired,
    XlsxReporter,
    findings_path,
)
from tests.conftest import BASE_RULES, FIXTURES, PINGTAN, SAMPLE_2019, sample_text
from tests.test_cli import run
from tests.test_rules import LINE_NEW_NATURAL, LINE_REVIEW_UPHELD
from tests.test_rules_cross_year import CARRIED_FORWARD_TOTAL, CARRIED_OVER_TOTAL, year_copy

# The rule families of these tests: rules added to other families later do not change
# the expected tables.
FAMILIES = ("XT", "ST", "AP", "RL", "PI", "CY", "PB")
# The rules of those families these tests were written against: new rules added to the
# families later do not change the expected output either.
CODES = (
    "XT001",
    "XT002",
    "XT003",
    "XT004",
    "ST001",
    "AP101",
    "AP102",
    "AP103",
    "RL101",
    "PI002",
    "CY001",
    "CY002",
    "CY003",
    "CY004",
    "PB001",
)
DOCS = "https://github.com/gongkai-lint/gongkai-lint/blob/main/docs/rules"
FOLDER = "报告 2019"


@pytest.fixture
def engine(plugins: Plugins, tmp_path: Path) -> Engine:
    return Engine(plugins=plugins, root=tmp_path, selection=Selection(CODES))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A good report, a flattened one, an unreadable one, a GB18030 copy, and one agency's
    2019 report (its identities broken) with its 2020 copy (batch findings CY001, CY003)."""
    root = tmp_path / FOLDER
    (root / "sub").mkdir(parents=True)
    shutil.copy(SAMPLE_2019, root / "2019_sample.txt")
    shutil.copy(PINGTAN[0], root / "sub" / PINGTAN[0].name)
    (root / "empty.txt").write_bytes(b"")
    (root / "gbk copy.txt").write_bytes(sample_text().encode("gb18030"))
    # 四's 总计 3 (AP101, CY001 next year), 一's 自然人 1 (AP103), 复议 维持 2 (RL101).
    broken = year_copy(
        2019, {CARRIED_FORWARD_TOTAL: "\t3", LINE_NEW_NATURAL: "\t1", LINE_REVIEW_UPHELD: "\t2"}
    )
    (root / "2019.txt").write_text(broken, encoding="utf-8")
    (root / "2020.txt").write_text(year_copy(2020), encoding="utf-8")
    return root


def lint(engine: Engine, *paths: Path) -> tuple[list[FileResult], list[Finding]]:
    """Each file's result and the batch findings, as the CLI computes them."""
    files, missing = collect_files(paths)
    assert not missing
    results = [engine.lint_path(p) for p in files]
    facts: dict[str, list] = {}
    for result in results:
        for code, fact in result.facts.items():
            facts.setdefault(code, []).append(fact)
    return results, engine.check_batch(facts)


def options(engine: Engine, **kwargs) -> ReportOptions:
    return ReportOptions(root=engine.root, rules=engine.rules, **kwargs)


def render(cls, results, later, opts: ReportOptions) -> str:
    out = io.StringIO()
    reporter = cls(out, opts)
    for result in results:
        reporter.file(result)
    if later:
        reporter.batch(later, [])
    reporter.finish()
    return out.getvalue()


def sarif_counts(results, later, opts: ReportOptions) -> dict[str, Counter]:
    """Per file: the SARIF results of the same run, counted by level."""
    log = json.loads(render(SarifReporter, results, later, opts))
    counts: dict[str, Counter] = {}
    for res in log["runs"][0]["results"]:
        uri = unquote(res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
        counts.setdefault(uri, Counter())[res["level"]] += 1
    return counts


@pytest.fixture
def sample(engine: Engine, tmp_path: Path) -> tuple[list[FileResult], list[Finding]]:
    shutil.copy(SAMPLE_2019, tmp_path / "sample.txt")
    return lint(engine, tmp_path / "sample.txt")


def test_formats_are_registered(plugins: Plugins) -> None:
    assert {"full", "github", "junit", "summary", "csv", "xlsx", "statistics"} <= set(
        plugins.reporters
    )
    assert plugins.reporters["xlsx"] is XlsxReporter


# --- full --------------------------------------------------------------------------


def test_full_on_the_2019_sample(engine: Engine, sample) -> None:
    results, later = sample
    (finding,) = results[0].findings
    text = render(FullReporter, results, later, options(engine))
    assert text == (
        "sample.txt:392:1: PI002 [error] no-improvement-measures\n"
        f"  {finding.message_zh}\n"
        "  位置：第五部分 [section/5]\n"
        "  相关位置：\n"
        "    393:1\n"
        "  依据：《中华人民共和国政府信息公开条例》第五十条第（四）项：存在的主要问题及改进情况\n"
        f"  说明：{DOCS}/PI002.md\n"
        "\n"
        "共检查 1 个文件，发现 1 个问题。\n"
    )


def test_full_shows_cells_values_basis_and_last_years_file(engine: Engine, folder: Path) -> None:
    results, later = lint(engine, folder)
    text = render(FullReporter, results, later, options(engine, lang="en"))
    blocks = text.split("\n\n")
    rl101 = next(b for b in blocks if " RL101 " in b)
    assert rl101.splitlines() == [
        # The cell of a text table is named before its line:column (as DOCX cells are).
        f"{FOLDER}/2019.txt:4/administrative review/total:378:2: RL101 [error] group-total",
        "  section 4, 'administrative review': upheld (2) + corrected (blank) + other (blank)"
        " + pending (blank) = 2, but the total prints 0 (blank or placeholder cells counted"
        " as 0); check the group.",
        "  at: section 4, administrative review / total [四/review/total]",
        "  related:",
        "    374:2  section 4, administrative review / upheld",
        "    375:2  section 4, administrative review / corrected",
        "    376:2  section 4, administrative review / other",
        "    377:2  section 4, administrative review / pending",
        "  expected: 2; reported: 0",
        "  basis: The columns of the section-4 table: each group's total is the sum of its"
        " four outcomes",
        f"  docs: {DOCS}/RL101.md",
    ]
    # A batch finding: its related cell is in last year's report, named with its path.
    cy001 = next(b for b in blocks if " CY001 " in b).splitlines()
    assert (
        cy001[0]
        == f"{FOLDER}/2020.txt:3/II. carried over/total:{CARRIED_OVER_TOTAL}:2: CY001 [warning] "
        "carry-over-mismatch"
    )
    assert f"    {FOLDER}/2019.txt:{CARRIED_FORWARD_TOTAL}:2" in "\n".join(cy001)
    assert "  expected: 3; reported: 0" in cy001
    assert f"{FOLDER}/empty.txt:1:1: XT001 [error] unreadable-document" in text
    assert text.endswith(
        "Found 14 finding(s) in 6 file(s) (5 read; 1 not readable: empty file 1).\n"
    )


# --- github ------------------------------------------------------------------------


def test_github_on_the_2019_sample(engine: Engine, sample) -> None:
    results, later = sample
    (finding,) = results[0].findings
    text = render(GithubReporter, results, later, options(engine))
    assert text == (
        "::error file=sample.txt,line=392,col=1,endLine=392,endColumn=15,title=PI002 no-improvement-measures::"
        f"{finding.message_zh}%0A位置：第五部分\n"
    )


def test_github_levels_and_files_without_a_line(engine: Engine, folder: Path) -> None:
    results, later = lint(engine, folder)
    lines = render(GithubReporter, results, later, options(engine, lang="en")).splitlines()
    assert len(lines) == 14
    assert Counter(line.split(" ", 1)[0] for line in lines) == {
        "::error": 8,
        "::warning": 5,
        "::notice": 1,
    }
    # The unreadable file: a file-level annotation (no line).
    (empty,) = [line for line in lines if "empty.txt" in line]
    assert empty.startswith(
        f"::error file={FOLDER}/empty.txt,title=XT001 unreadable-document::cannot read the file: "
    )
    (note,) = [line for line in lines if line.startswith("::notice")]
    assert note.startswith(
        f"::notice file={FOLDER}/gbk copy.txt,title=XT003 encoding-fallback::the file is not UTF-8"
    )


def test_github_job_summary_counts_what_the_annotations_cannot_show(
    engine: Engine, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """GitHub shows 10 annotations of each level per step: a batch's totals are written to
    the job summary (and the overflow to stderr) so nobody counts the annotations."""
    results, later = lint(engine, folder)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    render(GithubReporter, results, later, options(engine))  # 8 errors, 5 warnings, 1 notice
    assert capsys.readouterr().err == ""  # every finding shown
    first = summary.read_text(encoding="utf-8")
    assert "检查 6 个文件：8 错误 · 5 警告 · 1 提示" in first
    assert "未显示为注释" not in first
    copy = shutil.copytree(folder, tmp_path / "copy")  # the same reports again, as other files
    again, _ = lint(engine, copy)
    lines = render(GithubReporter, results + again, later, options(engine, lang="en")).splitlines()
    kinds = Counter(line.split(" ", 1)[0] for line in lines)
    assert kinds == {"::error": 16, "::warning": 8, "::notice": 2}  # all still in the log
    assert "6 findings are in this log only" in capsys.readouterr().err  # 16-10 errors
    text = summary.read_text(encoding="utf-8")[len(first) :]  # appended, as steps do
    assert "12 files checked: 16 errors · 8 warnings · 2 notices" in text
    assert "> 6 findings are not shown as annotations" in text
    rows = [r.split("|") for r in text.splitlines() if r.startswith("| ") and "rule" not in r]
    assert sum(int(r[3]) for r in rows) == len(lines)
    xt001 = next(r for r in rows if r[1].strip().startswith("XT001"))
    # two findings, in two files (the empty one of each folder)
    assert xt001[1:5] == [" XT001 unreadable-document ", " error ", " 2 ", " 2 "]
    monkeypatch.delenv("GITHUB_STEP_SUMMARY")
    render(GithubReporter, results, later, options(engine))
    assert summary.read_text(encoding="utf-8") == first + text  # no summary outside Actions


def test_github_escapes_messages_and_properties() -> None:
    assert escape_data("a:b, 100%\r\nnext") == "a:b, 100%25%0D%0Anext"
    assert escape_property("a:b, 100%\nc") == "a%3Ab%2C 100%25%0Ac"
    finding = Finding(
        code="AP101",
        name="balance",
        level="warning",
        path="dir,1/a:b%.txt",
        message_zh="总计：3, 应为 100%\n请核对",
        message_en="total: 3, expected 100%\ncheck",
        location=Location(Anchor(line=7, column=2, end_line=7, end_column=5), label_en="a, b"),
    )
    assert command(finding, "en") == (
        "::warning file=dir%2C1/a%3Ab%25.txt,line=7,col=2,endLine=7,endColumn=5,"
        "title=AP101 balance::total: 3, expected 100%25%0Acheck%0Aat: a, b"
    )
    # A DOCX cell has no line in the file GitHub shows: a file-level annotation naming it.
    docx = Finding(
        code="AP101",
        name="balance",
        level="note",
        path="r.docx",
        message_zh="总计不符",
        message_en="the total does not add up",
        location=Location(Anchor(line=40, column=1, table=1, row=4, cell=2)),
    )
    assert (
        command(docx, "zh")
        == "::notice file=r.docx,title=AP101 balance::总计不符 (table2:row5:col3)"
    )


# --- junit -------------------------------------------------------------------------


def test_junit_on_the_2019_sample(engine: Engine, sample) -> None:
    results, later = sample
    (finding,) = results[0].findings
    text = render(JunitReporter, results, later, options(engine))
    root = etree.fromstring(text.encode("utf-8"))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("1", "1", "0")
    (suite,) = root
    (case,) = suite
    # The sample names no agency: the test case is named by its path.
    assert (case.get("classname"), case.get("name")) == ("sample.txt", "sample.txt")
    (failure,) = case
    assert failure.get("message") == "1 个问题"
    assert failure.text == f"sample.txt:392:1: PI002 [error] {finding.message_zh}"


def test_junit_on_a_folder_parses_back(engine: Engine, folder: Path) -> None:
    results, later = lint(engine, folder)
    root = etree.fromstring(render(JunitReporter, results, later, options(engine)).encode())
    (suite,) = root
    assert (suite.get("tests"), suite.get("failures")) == ("6", "6")
    cases = {c.get("classname"): c for c in suite.iter("testcase")}
    assert [(k, c.get("name")) for k, c in cases.items()] == [
        (f"{FOLDER}/2019.txt", "某市工业和信息化局 2019"),
        (f"{FOLDER}/2019_sample.txt", f"{FOLDER}/2019_sample.txt"),
        (f"{FOLDER}/2020.txt", "某市工业和信息化局 2020"),
        (f"{FOLDER}/empty.txt", f"{FOLDER}/empty.txt"),
        (f"{FOLDER}/gbk copy.txt", f"{FOLDER}/gbk copy.txt"),
        (f"{FOLDER}/sub/{PINGTAN[0].name}", "平潭综合实验区 2019"),
    ]
    # Batch findings join their report's failure, in the report's order.
    lines = cases[f"{FOLDER}/2020.txt"].find("failure").text.splitlines()
    assert [line.split(": ")[1].split(" [")[0] for line in lines] == ["CY001", "CY003", "PI002"]
    assert lines[0].startswith(f"{FOLDER}/2020.txt:117:2: CY001 [warning] ")


def test_junit_escapes_markup_and_control_characters(engine: Engine, tmp_path: Path) -> None:
    report = Report(
        source=Source(path="<a&b>.txt", media_type="text/plain", sha256="", size=1),
        agency=Decided('某局"<&>'),
        year=Decided(2020),
    )
    finding = Finding(
        code="XT001",
        name="unreadable-document",
        level="error",
        path="<a&b>.txt",
        message_zh="坏字符\x00\x1b]]>结束",
        message_en="bad",
        location=Location(Anchor()),
    )
    text = render(JunitReporter, [FileResult("<a&b>.txt", report, [finding])], [], options(engine))
    case = etree.fromstring(text.encode("utf-8")).find("testsuite/testcase")
    assert (case.get("classname"), case.get("name")) == ("<a&b>.txt", '某局"<&> 2020')
    assert case.find("failure").text == "<a&b>.txt:1:1: XT001 [error] 坏字符\ufffd\ufffd]]>结束"


# --- summary -----------------------------------------------------------------------


def test_display_width_counts_wide_characters_twice() -> None:
    assert display_width("平潭综合实验区") == 14
    assert display_width("ａ1") == 3  # full-width Latin letter
    assert display_width("e\u0301") == 1  # a combining accent takes no column
    assert pad("平潭", 6) == "平潭  " and pad("12", 4, right=True) == "  12"


def test_summary_table_lines_up_with_chinese_names(engine: Engine, folder: Path) -> None:
    results, later = lint(engine, folder)
    text = render(SummaryReporter, results, later, options(engine))
    assert text.splitlines() == [
        "文件                                     机关                年度  版本  可读  XT  ST  AP  RL  PI  CY  PB  合计  未能检查",
        "---------------------------------------  ------------------  ----  ----  ----  --  --  --  --  --  --  --  ----  --------",
        "报告 2019/2019.txt                       某市工业和信息化局  2019  2019  是     0   0   2   1   1   0   0     4  PB001",
        "报告 2019/2019_sample.txt                                    2019  2019  是     0   0   0   0   1   0   0     1  PB001",
        "报告 2019/2020.txt                       某市工业和信息化局  2020  2019  是     0   0   0   0   1   2   0     3  PB001",
        "报告 2019/empty.txt                                                      否     1   0   0   0   0   0   0     1",
        "报告 2019/gbk copy.txt                                       2019  2019  是     1   0   0   0   1   0   0     2  PB001",
        "报告 2019/sub/2019_zone-pingtan_gov.txt  平潭综合实验区      2019  2019  是     3   0   0   0   0   0   0     3  PB001",
        "---------------------------------------  ------------------  ----  ----  ----  --  --  --  --  --  --  --  ----  --------",
        "合计 6 份                                                                5/6    5   0   2   1   4   2   0    14  5 份",
        "涉及报告                                                                        3   0   1   1   4   1   0     6",
        "共 6 个文件，读取 5 个，无法读取 1 个：空文件 1",
    ]  # fmt: skip
    # Every row's columns start at the same terminal column.
    lines = text.splitlines()
    year_column = display_width(lines[0][: lines[0].index("年度")])
    for line in lines[2:5]:
        assert display_width(line[: line.index("  20") + 2]) == year_column


def test_summary_in_english_with_only_counts_kept(engine: Engine, sample) -> None:
    results, later = sample
    reporter = SummaryReporter(io.StringIO(), options(engine, lang="en"))
    reporter.file(results[0])
    (counts,) = reporter.tally.reports.values()
    # Counts, never the findings.
    assert (counts.levels, counts.families, counts.codes) == ({"error": 1}, {"PI": 1}, {"PI002"})
    reporter.finish()
    assert reporter.out.getvalue().splitlines()[0].split() == [
        "file",
        "agency",
        "year",
        "edition",
        "readable",
        *FAMILIES,
        "total",
        "not",
        "checked",
    ]


# --- csv and xlsx ------------------------------------------------------------------

REPORT_HEADER_EN = [
    "file",
    "agency",
    "year",
    "edition",
    "readable",
    "error",
    "warning",
    "note",
    "total",
    "codes",
    "rules not checked",
]
FINDING_HEADER_EN = [
    "file",
    "code",
    "sub-id",
    "rule",
    "level",
    "line",
    "column",
    "table",
    "row",
    "cell",
    "logical location",
    "location",
    "message",
    "expected",
    "reported",
]


def test_csv_of_a_folder_matches_sarif(engine: Engine, folder: Path, tmp_path: Path) -> None:
    results, later = lint(engine, folder)
    out_path = tmp_path / "out.csv"
    opts = options(engine, lang="en", output_path=out_path)
    with out_path.open("w", encoding="utf-8", newline="") as out:  # as the CLI opens it
        reporter = CsvReporter(out, opts)
        for result in results:
            reporter.file(result)
        reporter.batch(later, [])
        reporter.finish()
    # UTF-8 with a byte-order mark, for Excel.
    assert out_path.read_bytes().startswith(b"\xef\xbb\xbffile,agency,")
    assert findings_path(out_path) == tmp_path / "out.findings.csv"
    assert findings_path(tmp_path / "out").name == "out.findings.csv"
    with out_path.open(encoding="utf-8-sig", newline="") as fh:
        header, *rows = list(csv.reader(fh))
    assert header == REPORT_HEADER_EN
    # The last column: the rules that could not check the report (PB001 has no
    # publication date or issuer kind for any of them; none for the unreadable file).
    assert rows == [
        [f"{FOLDER}/2019.txt", "某市工业和信息化局", "2019", "2019", "yes", "4", "0", "0", "4",
         "AP101 AP103 PI002 RL101", "PB001"],
        [f"{FOLDER}/2019_sample.txt", "", "2019", "2019", "yes", "1", "0", "0", "1", "PI002",
         "PB001"],
        [f"{FOLDER}/2020.txt", "某市工业和信息化局", "2020", "2019", "yes", "1", "2", "0", "3",
         "CY001 CY003 PI002", "PB001"],
        [f"{FOLDER}/empty.txt", "", "", "", "no (empty file)", "1", "0", "0", "1", "XT001", ""],
        [f"{FOLDER}/gbk copy.txt", "", "2019", "2019", "yes", "1", "0", "1", "2", "PI002 XT003",
         "PB001"],
        [f"{FOLDER}/sub/{PINGTAN[0].name}", "平潭综合实验区", "2019", "2019", "yes", "0", "3",
         "0", "3", "XT002", "PB001"],
    ]  # fmt: skip
    sarif = sarif_counts(results, later, opts)
    for row in rows:
        by_level = sarif.get(row[0], Counter())
        assert [int(n) for n in row[5:9]] == [
            by_level["error"],
            by_level["warning"],
            by_level["note"],
            by_level.total(),
        ]
    assert set(sarif) == {row[0] for row in rows}

    with findings_path(out_path).open(encoding="utf-8-sig", newline="") as fh:
        header, *found = list(csv.reader(fh))
    assert header == FINDING_HEADER_EN
    assert Counter(r[0] for r in found) == {k: v.total() for k, v in sarif.items()}
    rl101 = next(r for r in found if r[1] == "RL101")
    assert rl101[:12] == [
        f"{FOLDER}/2019.txt",
        "RL101",
        "review",
        "group-total",
        "error",
        "378",
        "2",
        "",
        "",
        "",
        "四/review/total",
        "section 4, administrative review / total",
    ]
    assert rl101[13:] == ["2", "0"]
    # Batch findings come last, about the report they concern.
    assert [r[1] for r in found[-2:]] == ["CY001", "CY003"]
    assert found[-2][0] == f"{FOLDER}/2020.txt"


def test_csv_on_standard_output_is_the_reports_table(engine: Engine, sample) -> None:
    results, later = sample
    text = render(CsvReporter, results, later, options(engine))
    assert text == (
        "\ufeff文件,机关,年度,版本,可读,错误,警告,提示,合计,问题代码,未能检查的规则\n"
        "sample.txt,,2019,2019,是,1,0,0,1,PI002,PB001\n"
    )


def test_csv_keeps_formulas_as_text(engine: Engine, tmp_path: Path) -> None:
    (tmp_path / "=SUM(1,2).txt").write_bytes(b"")
    results, later = lint(engine, tmp_path / "=SUM(1,2).txt")
    text = render(CsvReporter, results, later, options(engine))
    assert text.splitlines()[1] == '"\'=SUM(1,2).txt",,,,否（空文件）,1,0,0,1,XT001,'


def test_xlsx_of_a_folder_matches_sarif(engine: Engine, folder: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    results, later = lint(engine, folder)
    (folder / "=1+1.txt").write_bytes(b"")  # a name Excel would take for a formula
    more, _ = lint(engine, folder / "=1+1.txt")
    results += more
    out_path = tmp_path / "out.xlsx"
    opts = options(engine, lang="en", output_path=out_path)
    assert render(XlsxReporter, results, later, opts) == ""  # the text stream stays empty
    book = load_workbook(out_path)
    assert book.sheetnames == ["reports", "findings", "rules", "agencies", "not checked"]
    reports, findings = book["reports"], book["findings"]
    for sheet in book:
        # A frozen header and a filter over every row of every sheet.
        assert sheet.freeze_panes == "A2"
        assert (
            sheet.auto_filter.ref
            == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
        )
    assert reports.column_dimensions["A"].width == 40
    assert findings.column_dimensions["M"].width == 100
    header, *rows = list(reports.iter_rows(values_only=True))
    assert list(header) == REPORT_HEADER_EN
    assert reports["A1"].font.bold
    assert rows[0] == (
        f"{FOLDER}/2019.txt",
        "某市工业和信息化局",
        2019,
        "2019",
        "yes",
        4,
        0,
        0,
        4,
        "AP101 AP103 PI002 RL101",
        "PB001",
    )
    assert rows[3] == (
        f"{FOLDER}/empty.txt",
        None,
        None,
        None,
        "no (empty file)",
        1,
        0,
        0,
        1,
        "XT001",
        None,
    )
    assert rows[-1][0] == f"{FOLDER}/=1+1.txt"
    assert reports.cell(row=len(rows) + 1, column=1).data_type == "s"  # text, not a formula
    sarif = sarif_counts(results, later, opts)
    assert {r[0]: [r[5], r[6], r[7], r[8]] for r in rows} == {
        path: [c["error"], c["warning"], c["note"], c.total()] for path, c in sarif.items()
    }
    header, *found = list(findings.iter_rows(values_only=True))
    assert list(header) == FINDING_HEADER_EN
    assert Counter(r[0] for r in found) == {k: v.total() for k, v in sarif.items()}
    ap101 = next(r for r in found if r[1] == "AP101")
    assert ap101[:7] == (f"{FOLDER}/2019.txt", "AP101", "total", "balance", "error", 333, 2)
    assert ap101[13:] == (-3, 0)
    # Each finding's file links to its report's row, its code to the rule's page.
    for number in range(2, findings.max_row + 1):
        path, code = findings.cell(number, 1), findings.cell(number, 2)
        target = path.hyperlink.location
        assert target.startswith("'reports'!A")
        assert reports[target.split("!")[1]].value == path.value
        assert code.hyperlink.target == f"{DOCS}/{code.value}.md"
    # 规则: findings and reports affected per rule equal the SARIF's.
    log = json.loads(render(SarifReporter, results, later, opts))
    per_rule: dict[str, list] = {}
    for res in log["runs"][0]["results"]:
        uri = res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        per_rule.setdefault(res["ruleId"].split("/")[0], []).append(uri)
    header, *rule_rows = list(book["rules"].iter_rows(values_only=True))
    assert header[:7] == (
        "code",
        "rule",
        "family",
        "level",
        "findings",
        "reports affected",
        "share",
    )
    by_code = {r[0]: r for r in rule_rows}
    assert set(by_code) == set(CODES)  # every enabled rule, with or without findings
    for code, uris in per_rule.items():
        assert by_code[code][4:7] == (len(uris), len(set(uris)), pytest.approx(len(set(uris)) / 7))
    assert by_code["XT002"][4:6] == (3, 1) and by_code["AP102"][4:6] == (0, 0)
    assert [r[5] for r in rule_rows] == sorted((r[5] for r in rule_rows), reverse=True)
    assert book["rules"]["G2"].number_format == "0%"
    assert book["rules"].conditional_formatting
    # 机关: one row per agency and year, its findings per family.
    header, *agency_rows = list(book["agencies"].iter_rows(values_only=True))
    assert header == ("agency", "year", "issuer kind", "reports", *FAMILIES, "total", "worst level")
    assert [r[:4] + r[-2:] for r in agency_rows] == [
        ("(not identified)", 2019, "unknown", 2, 3, "error"),
        ("平潭综合实验区", 2019, "unknown", 1, 3, "warning"),
        ("某市工业和信息化局", 2019, "department", 1, 4, "error"),
        ("某市工业和信息化局", 2020, "department", 1, 3, "error"),
    ]
    assert sum(r[-2] for r in agency_rows) == sum(c.total() for c in sarif.values()) - 2
    assert book["agencies"].conditional_formatting
    # 未能检查: the files that could not be read, and why.
    header, *unchecked = list(book["not checked"].iter_rows(values_only=True))
    assert [r[:3] for r in unchecked] == [
        (f"{FOLDER}/2019.txt", "PB001", "rule skipped"),
        (f"{FOLDER}/2019_sample.txt", "PB001", "rule skipped"),
        (f"{FOLDER}/2020.txt", "PB001", "rule skipped"),
        (f"{FOLDER}/empty.txt", "XT001", "unreadable"),
        (f"{FOLDER}/gbk copy.txt", "PB001", "rule skipped"),
        (f"{FOLDER}/sub/{PINGTAN[0].name}", "PB001", "rule skipped"),
        (f"{FOLDER}/=1+1.txt", "XT001", "unreadable"),
    ]
    assert unchecked[3][3].startswith("cannot read the file: the file is empty")
    assert unchecked[0][3].startswith("no publication date")


def test_xlsx_findings_past_a_sheets_rows_go_on_in_the_next(
    engine: Engine, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Excel's sheet holds 1,048,576 rows and the writer does not refuse more (Excel then
    drops them on opening): the findings go on in a continuation sheet, each with its
    header and filter, none lost. (Four rows a sheet here: the mechanism, not the size.)"""
    from openpyxl import load_workbook

    results, later = lint(engine, folder)
    monkeypatch.setattr(XlsxReporter, "ROWS_PER_SHEET", 4)
    out_path = tmp_path / "out.xlsx"
    render(XlsxReporter, results, later, options(engine, lang="en", output_path=out_path))
    book = load_workbook(out_path)
    parts = [n for n in book.sheetnames if n.startswith("findings")]
    total = sum(len(r.findings) for r in results) + len(later)
    assert parts == ["findings"] + [f"findings ({i})" for i in range(2, len(parts) + 1)]
    assert len(parts) == -(-total // 3) > 1  # three findings under each header
    rows = []
    for name in parts:
        header, *found = list(book[name].iter_rows(values_only=True))
        assert list(header) == FINDING_HEADER_EN
        assert 1 <= len(found) <= 3
        assert (
            book[name].auto_filter.ref
            == f"A1:{book[name].cell(1, len(header)).column_letter}{len(found) + 1}"
        )
        rows += found
    assert len(rows) == total
    assert book.sheetnames[len(parts) + 1 :] == ["rules", "agencies", "not checked"]


def test_xlsx_keeps_text_xml_cannot_carry_readable(engine: Engine, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    report = Report(source=Source(path="a.txt", media_type="text/plain", sha256="", size=1))
    finding = Finding(
        code="XT001",
        name="unreadable-document",
        level="error",
        path="a.txt",
        message_zh="坏字符\x00\x1b结束",
        message_en="bad",
        location=Location(Anchor()),
    )
    out_path = tmp_path / "out.xlsx"
    results = [FileResult("a.txt", report, [finding])]
    render(XlsxReporter, results, [], options(engine, output_path=out_path))
    rows = list(load_workbook(out_path)["问题"].iter_rows(values_only=True))
    assert rows[1][12] == "坏字符\ufffd\ufffd结束"


def test_xlsx_needs_an_output_file(engine: Engine) -> None:
    with pytest.raises(OutputFileRequired, match="-o FILE.xlsx") as info:
        XlsxReporter(io.StringIO(), options(engine))
    assert info.value.exit_code == 2


def test_xlsx_and_csv_from_the_command_line(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    shutil.copy(SAMPLE_2019, tmp_path / "sample.txt")
    result = run(
        [
            "check",
            "sample.txt",
            "--output-format",
            "xlsx",
            "-o",
            "out.xlsx",
            "--select",
            BASE_RULES,
        ],
        tmp_path,
    )
    assert result.exit_code == 1
    rows = list(load_workbook(tmp_path / "out.xlsx")["报告"].iter_rows(values_only=True))
    assert rows[1][:9] == ("sample.txt", None, 2019, "2019", "是", 1, 0, 0, 1)
    result = run(
        ["check", "sample.txt", "--output-format", "csv", "-o", "out.csv", "--select", BASE_RULES],
        tmp_path,
    )
    assert result.exit_code == 1
    assert (tmp_path / "out.findings.csv").read_text(encoding="utf-8-sig").count("PI002") == 1
    result = run(["check", "sample.txt", "--output-format", "xlsx"], tmp_path)
    assert result.exit_code == 2 and "-o FILE.xlsx" in result.output


def test_baseline_accepted_findings_have_their_own_column(engine: Engine, sample) -> None:
    results, later = sample
    accepted = FileResult(results[0].path, results[0].report, [], results[0].findings)
    text = render(CsvReporter, [accepted], later, options(engine, baseline=Path("base.sarif")))
    assert text.splitlines() == [
        "\ufeff文件,机关,年度,版本,可读,错误,警告,提示,合计,基线已接受,问题代码,未能检查的规则",
        "sample.txt,,2019,2019,是,0,0,0,0,1,,",
    ]


# --- statistics --------------------------------------------------------------------


def test_statistics_of_a_folder(engine: Engine, folder: Path) -> None:
    results, later = lint(engine, folder)
    text = render(StatisticsReporter, results, later, options(engine))
    # Findings, then the reports they are in: XT002's 3 findings are all in one report.
    assert text.splitlines() == [
        "      4  PI002  no-improvement-measures          error           4/6 份报告（67%）",
        "      3  XT002  table-not-recognised             warning         1/6 份报告（17%）",
        "      1  AP101  balance                          error           1/6 份报告（17%）",
        "      1  AP103  applicant-total                  error           1/6 份报告（17%）",
        "      1  CY001  carry-over-mismatch              warning         1/6 份报告（17%）",
        "      1  CY003  copied-text                      warning         1/6 份报告（17%）",
        "      1  RL101  group-total                      error           1/6 份报告（17%）",
        "      1  XT001  unreadable-document              error           1/6 份报告（17%）",
        "      1  XT003  encoding-fallback                note            1/6 份报告（17%）",
    ]
    english = render(StatisticsReporter, results, later, options(engine, lang="en"))
    assert english.splitlines()[1].endswith("warning         1/6 reports (17%)")


def test_statistics_rows_and_mixed_levels(sample) -> None:
    results, _ = sample
    (finding,) = results[0].findings
    stats = Statistics()
    assert stats.render() == ""
    stats.add([finding, finding, Finding(**{**_fields(finding), "level": "warning"})], report=True)
    # Three findings, all in the one report.
    assert stats.rows() == [("PI002", "no-improvement-measures", "error,warning", 3, 1)]
    assert stats.reports == 1


def _fields(finding: Finding) -> dict:
    return {name: getattr(finding, name) for name in finding.__slots__}


# --- logical places in concise and full output -------------------------------------------


def test_concise_names_the_cell_of_an_html_table(tmp_path: Path) -> None:
    # An HTML page's line:column is a spot in a line of markup (上海 2019: one line of
    # 25,000 characters); the finding names the row and column first.
    shutil.copy(FIXTURES / "html" / "2019_prov-shanghai-govoffice.html", tmp_path / "page.html")
    result = run(["check", "page.html", "--select", "AP007,RL003", "--isolated"], tmp_path)
    lines = result.output.splitlines()
    assert lines[0].startswith("page.html:三/（一）予以公开/总计:1:")
    assert ": AP007 第三部分“（一）予以公开”行填了件数" in lines[0]
    assert lines[-2].startswith("page.html:四/行政复议/结果纠正:1:")
    english = run(["check", "page.html", "--select", "AP007", "--lang", "en"], tmp_path)
    assert english.output.startswith("page.html:3/(1) disclosed/total:1:")
    # A finding that is not about a table cell keeps path:line:col.
    text = run(["check", "page.html", "--select", "ST", "--isolated"], tmp_path)
    assert all(":三/" not in x and ":四/" not in x for x in text.output.splitlines())


def test_only_table_places_are_named_before_the_line(engine: Engine) -> None:
    from linter.document import Anchor
    from linter.finding import Location
    from linter.reporters import logical_place

    cell = Location(Anchor(line=1, column=9), "三/granted/total", "第三部分 （一）予以公开 / 总计")
    assert logical_place(cell) == "三/（一）予以公开/总计"
    heading = Location(Anchor(line=10, column=3177), "四/标题", "第四部分 标题")
    assert logical_place(heading) is None
    docx = Location(Anchor(line=5, column=1, table=1, row=4, cell=6), "三/granted/total", "x")
    assert logical_place(docx) is None  # table2:row5:col7 already names it
