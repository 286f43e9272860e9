"""Every rule on a passing and a failing real example, asserting code, place and values."""

from __future__ import annotations

from pathlib import Path

from linter.engine import Engine, Selection
from tests.conftest import (
    PINGTAN,
    SAMPLE_2019,
    SHANGHAI_2025_MD,
    codes,
    replace_line,
    sample_text,
    write,
)

# Lines of the 2019 sample (tests/fixtures/text/2019_city-bureau-gongxin_tika.txt).
LINE_NEW_NATURAL = 102  # 一、本年新收 / 自然人 (NBSP)
LINE_OUTCOME_TOTAL = 333  # （七）总计 / 总计 ("0")
LINE_REVIEW_UPHELD = 374  # 四: 行政复议 / 结果维持 (empty)
LINE_SECTION6 = 395


def lint(engine: Engine, tmp_path: Path, text: str, name: str = "report.txt"):
    return engine.lint_path(write(tmp_path, name, text))


def test_sample_gives_what_the_corpus_readme_lists(engine: Engine) -> None:
    # ST004 (no agency in the title), one AP005 (blank cells in every row of 三), one RL003
    # (blank cells in 四; the blank 未经复议直接起诉 总计 has no cases, so no RL005), PI002 —
    # and no identity error. One finding per fact: it used to print 23 AP005 and 3 RL003.
    result = engine.lint_path(SAMPLE_2019)
    found = codes(result)
    assert sorted(set(found)) == ["AP005", "PI002", "PI004", "RL003", "ST004"] or sorted(
        set(found)
    ) == ["AP005", "PI002", "RL003", "ST004"]
    assert (found.count("AP005"), found.count("RL003")) == (1, 1)
    assert len(found) <= 5
    finding = next(f for f in result.findings if f.code == "PI002")
    assert (finding.location.anchor.line, finding.location.anchor.column) == (392, 1)
    assert "没有写改进措施" in finding.message_zh


def test_changed_total_gives_balance_and_outcome_total(engine: Engine, tmp_path: Path) -> None:
    text = replace_line(sample_text(), LINE_OUTCOME_TOTAL, "\t5")
    result = lint(engine, tmp_path, text)
    by_code = {f.code: f for f in result.findings if f.code.startswith("AP1")}
    # No AP103: the row's applicant columns are all blank (not filled in), so the
    # breakdown says nothing about its total (AP005 reports the blanks).
    assert sorted(by_code) == ["AP101", "AP102"]
    ap101 = by_code["AP101"]
    assert ap101.sub_id == "total"
    assert (ap101.location.anchor.line, ap101.location.anchor.column) == (LINE_OUTCOME_TOTAL, 2)
    assert (ap101.expected, ap101.reported) == (0, 5)
    assert "“总计”列" in ap101.message_zh and "（七）总计应为 0，报告填写 5" in ap101.message_zh
    assert "column 'total'" in ap101.message_en
    assert [r.anchor.line for r in ap101.related] == [108, 117, 342]
    ap102 = by_code["AP102"]
    assert (ap102.sub_id, ap102.expected, ap102.reported) == ("total", 0, 5)
    assert ap102.location.anchor.line == LINE_OUTCOME_TOTAL
    assert "空白或占位符单元格按 0 计算" not in ap101.message_zh  # every term was printed


def test_applicant_cell_changed_gives_applicant_total(engine: Engine, tmp_path: Path) -> None:
    text = replace_line(sample_text(), LINE_NEW_NATURAL, "\t3")
    result = lint(engine, tmp_path, text)
    ap103 = [f for f in result.findings if f.code == "AP103"]
    assert len(ap103) == 1
    assert (ap103[0].sub_id, ap103[0].expected, ap103[0].reported) == ("new_received", 3, 0)
    assert (ap103[0].location.anchor.line, ap103[0].location.anchor.column) == (108, 2)
    # （七）总计's natural-person cell is printed blank (not entered): AP101 cannot compare
    # that column, and AP005 reports the blank instead.
    assert [f for f in result.findings if f.code == "AP101"] == []
    assert "natural_person" not in [f.sub_id for f in result.findings if f.code == "AP101"]


def test_identities_hold_on_shanghai_2025(engine: Engine) -> None:
    # 1295 + 189 = 1191 + 293; every row's total is the sum of its applicants.
    result = engine.lint_path(SHANGHAI_2025_MD)
    assert not [f for f in result.findings if f.code in ("AP101", "AP102", "AP103", "RL101")]


def test_review_parts_not_adding_up_give_rl101(engine: Engine, tmp_path: Path) -> None:
    text = replace_line(sample_text(), LINE_REVIEW_UPHELD, "\t2")
    result = lint(engine, tmp_path, text)
    rl = [f for f in result.findings if f.code == "RL101"]
    assert len(rl) == 1
    assert (rl[0].sub_id, rl[0].expected, rl[0].reported) == ("review", 2, 0)
    assert (rl[0].location.anchor.line, rl[0].location.anchor.column) == (378, 2)
    assert "行政复议" in rl[0].message_zh and "结果维持（2）" in rl[0].message_zh
    assert [r.anchor.line for r in rl[0].related] == [374, 375, 376, 377]


def test_sample_with_measures_passes_pi002(engine: Engine, tmp_path: Path) -> None:
    text = sample_text().replace(
        "二是信息员工作水平还待提高。",
        "二是信息员工作水平还待提高。下一步，我局将加强业务培训，及时更新公开内容。",
    )
    assert "PI002" not in codes(lint(engine, tmp_path, text))


def test_pingtan_2021_measures_pass_pi002(engine: Engine) -> None:
    # "（二）改进措施：一是丰富政策解读形式……"
    assert "PI002" not in codes(engine.lint_path(PINGTAN[2]))


def test_missing_section_gives_st001(engine: Engine, tmp_path: Path) -> None:
    lines = sample_text().split("\n")
    text = "\n".join(lines[: LINE_SECTION6 - 1])  # drop 六 and what follows
    result = lint(engine, tmp_path, text)
    st = [f for f in result.findings if f.code == "ST001"]
    assert [(f.sub_id, f.location.anchor.line) for f in st] == [("section6", 392)]
    assert "六、其他需要报告的事项" in st[0].message_zh
    assert "ST001" not in codes(engine.lint_path(SAMPLE_2019))


def test_a_section_whose_table_is_there_without_its_heading(engine: Engine, tmp_path: Path) -> None:
    """A stored page that prints section 二's tables without the heading above them (桂花
    街道 2019): 'section 二 missing' was an error with its tables read. It is a warning that
    the heading was not found; with no heading at all but the tables read, every ST001 is
    a warning that says the headings may have been lost."""
    lines = sample_text().split("\n")
    assert lines[8] == "二、主动公开政府信息情况"
    result = lint(engine, tmp_path, "\n".join(lines[:8] + lines[9:]))
    st = [(f.sub_id, f.level) for f in result.findings if f.code == "ST001"]
    assert st == [("section2", "warning")]
    headings = {2, 8, 82, 345, 391, 394}  # (0-based: 一 … 六)
    bare = "\n".join(line for k, line in enumerate(lines) if k not in headings)
    result = lint(engine, tmp_path, bare, "bare.txt")
    st = [(f.sub_id, f.level) for f in result.findings if f.code == "ST001"]
    assert len(st) == 6 and {level for _, level in st} == {"warning"}


def test_a_heading_printed_as_its_numeral_alone(engine: Engine, tmp_path: Path) -> None:
    """A stored page (龙泉西街街道 2019) prints section 一's heading as “一、” alone on its
    line, the words lost, its text on the next: 'section 一 missing' was an error. The
    numeral alone, in the section's place, is the section's heading: one warning that its
    words are not printed. A numeral alone where the section's heading is printed in the
    format's words (a list inside section 五) is no heading."""
    lines = sample_text().split("\n")
    assert (lines[2], lines[391]) == ("一、总体情况", "五、存在的主要问题及改进情况")
    original = sorted((f.code, f.sub_id, f.level) for f in engine.lint_path(SAMPLE_2019).findings)
    bare = [*lines[:2], "一、", *lines[3:391], "第五部分", *lines[392:]]
    result = lint(engine, tmp_path, "\n".join(bare))
    st = [f for f in result.findings if f.code == "ST001"]
    assert [(f.sub_id, f.level, f.properties["kind"]) for f in st] == [
        ("section1", "warning", "heading-numeral-only"),
        ("section5", "warning", "heading-numeral-only"),
    ]
    assert "只印出编号“一、”" in st[0].message_zh and "“第五部分”" in st[1].message_zh
    others = sorted((f.code, f.sub_id, f.level) for f in result.findings if f.code != "ST001")
    assert others == original
    listed = [*lines[:393], "三、", *lines[393:]]
    result = lint(engine, tmp_path, "\n".join(listed), "listed.txt")
    assert sorted((f.code, f.sub_id, f.level) for f in result.findings) == original


def test_empty_and_binary_files_give_xt001(engine: Engine, tmp_path: Path) -> None:
    empty = engine.lint_path(write(tmp_path, "empty.txt", b""))
    assert codes(empty) == ["XT001"] and "为空" in empty.findings[0].message_zh
    binary = engine.lint_path(write(tmp_path, "renamed.txt", bytes(range(256)) * 40))
    assert codes(binary) == ["XT001"] and "binary" in binary.findings[0].message_en
    assert binary.findings[0].tool_failure


def test_docx_renamed_txt_and_pdf_are_xt001(engine: Engine, tmp_path: Path) -> None:
    pdf = engine.lint_path(write(tmp_path, "report.txt", b"%PDF-1.7\n" + bytes(200)))
    assert codes(pdf) == ["XT001"] and "PDF" in pdf.findings[0].message_en


def test_oversized_file_is_refused(plugins, tmp_path: Path) -> None:
    from linter.readers import Limits

    engine = Engine(plugins=plugins, root=tmp_path, limits=Limits(max_file_bytes=1000))
    result = engine.lint_path(write(tmp_path, "big.txt", "一、总体情况\n" * 500))
    assert (
        codes(result) == ["XT001"]
        and "over the limit of 1,000 bytes" in result.findings[0].message_en
    )


def test_flattened_pingtan_gives_xt002_and_no_arithmetic(engine: Engine) -> None:
    for path in PINGTAN:
        result = engine.lint_path(path)
        xt002 = [f for f in result.findings if f.code == "XT002"]
        assert [f.sub_id for f in xt002] == ["section2", "section3", "section4"], path.name
        assert not [f for f in result.findings if f.code in ("AP101", "AP102", "AP103", "RL101")]


def test_gb18030_copy_gives_xt003_and_the_same_findings(engine: Engine, tmp_path: Path) -> None:
    result = engine.lint_path(write(tmp_path, "gbk.txt", sample_text().encode("gb18030")))
    utf8 = engine.lint_path(SAMPLE_2019)
    assert sorted(codes(result)) == sorted([*codes(utf8), "XT003"])
    xt003 = next(f for f in result.findings if f.code == "XT003")
    assert xt003.level == "note" and "GB18030" in xt003.message_zh


def test_a_report_on_a_year_before_the_formats_gives_xt006_only(
    engine: Engine, tmp_path: Path
) -> None:
    """平潭's 2019 report (an archiver's flattened text: no table can be read) as its 2017
    report would be titled: reports on 2018 and before followed the 2008 条例, with no
    national format, and were checked against the 2019 one (ST001/XT002 …). Now one
    warning says the file was not checked and why, whatever --select says."""
    text = PINGTAN[0].read_text("utf-8").replace("2019年", "2017年")
    old = lint(engine, tmp_path, text, "2017.txt")
    assert [(f.code, f.level) for f in old.findings] == [("XT006", "warning")]
    xt006 = old.findings[0]
    assert "2017 年度" in xt006.message_zh and "未检查本报告" in xt006.message_zh
    assert "2017" in xt006.message_en and "did not check" in xt006.message_en
    assert xt006.location.anchor == old.report.title.anchor  # (the archiver's 标题: line)
    assert "XT006" not in codes(engine.lint_path(PINGTAN[0]))
    selected = Engine(plugins=engine.plugins, root=tmp_path, selection=Selection(("AP",)))
    assert codes(selected.lint_path(tmp_path / "2017.txt")) == ["XT006"]


def test_a_2019_report_laid_out_as_before_the_formats_is_xt006(
    engine: Engine, tmp_path: Path
) -> None:
    """A report on 2019 in the layout of the reports before the formats (概述, 依申请公开
    政府信息和不予公开政府信息的情况, 收费及减免情况 …: 绥宁县人民政府 2019's stored page and
    others) got a 'missing section' error for each part so worded; 60号 only encouraged the
    unified format for 2019. The 2019 sample so laid out, its tables dropped, is XT006; on
    2020 it is checked; the sample as published, without its tables, is checked too."""
    lines = sample_text().split("\n")
    old = {
        2: "一、概述",
        8: "二、主动公开政府信息的情况",
        82: "三、依申请公开政府信息和不予公开政府信息的情况",
        345: "四、政府信息公开的收费及减免情况",
        391: "五、政府信息公开工作存在的主要问题及改进措施",
        394: "六、其他需要报告的事项",
    }
    laid_out = [old.get(k, line) for k, line in enumerate(lines) if not line.startswith("\t")]
    found = lint(engine, tmp_path, "\n".join(laid_out), "2019.txt")
    assert [(f.code, f.level) for f in found.findings] == [("XT006", "warning")]
    assert "2019 年度" in found.findings[0].message_zh and "60号" in found.findings[0].message_zh
    later = "\n".join(laid_out).replace("2019年", "2020年")
    assert "ST001" in codes(lint(engine, tmp_path, later, "2020.txt"))
    untabled = "\n".join(line for line in lines if not line.startswith("\t"))
    assert "XT006" not in codes(lint(engine, tmp_path, untabled, "tables.txt"))


def test_an_untitled_report_whose_text_names_only_years_before_the_formats_is_xt006(
    engine: Engine, tmp_path: Path
) -> None:
    """A page without its title and with no 统计期限 (上海 2009's stored page opens at
    “一、概述”, its text naming 2009 only) was checked against the 2019 format: a section
    'missing', PI002 … (errors). When every year its opening text names is before the
    formats, it is XT006; the 2019 sample so printed (its text naming 2019) is checked."""
    lines = [ln for ln in sample_text().split("\n")[1:] if not ln.startswith("\t") and ln.strip()]
    untitled = "\n".join(lines)
    old = untitled.replace("2019年", "2017年").replace("2020年", "2018年")
    found = lint(engine, tmp_path, old, "2017.txt")
    assert [(f.code, f.level) for f in found.findings] == [("XT006", "warning")]
    assert "（据正文）" in found.findings[0].message_zh
    assert "XT006" not in codes(lint(engine, tmp_path, untitled, "2019.txt"))


def test_a_report_comparing_with_a_year_before_the_formats_is_not_xt006(
    engine: Engine, tmp_path: Path
) -> None:
    """The 2019 sample untitled, read without its tables, its opening text naming no year
    but the one it compares with (“与2018年相比”): the text does not say the report is on
    2018. It was XT006 'a 2018 report (据正文)', and nothing was checked."""
    lines = [ln for ln in sample_text().split("\n")[1:] if not ln.startswith("\t") and ln.strip()]
    text = "\n".join(lines)
    at = text.index("二、")
    opening = text[:at].replace("2019年", "本年").replace("2020年", "次年")
    opening = opening.replace(
        "一、总体情况\n", "一、总体情况\n与2018年相比，本年主动公开信息有所增加。\n", 1
    )
    assert "XT006" not in codes(lint(engine, tmp_path, opening + text[at:], "2019.txt"))


def test_a_slip_in_the_year_of_a_report_in_the_format_is_not_xt006(
    engine: Engine, tmp_path: Path
) -> None:
    """The 2019 sample titled 2018: its tables follow the 2019 format, so the year is a
    slip (ST005's business), not a report from before the formats."""
    text = sample_text().replace(
        "2019年度政府信息公开工作年度报告", "2018年度政府信息公开工作年度报告", 1
    )
    found = codes(lint(engine, tmp_path, text, "slip.txt"))
    assert "XT006" not in found and "ST001" not in found


def _school_report(text: str) -> str:
    """The 2019 sample as a university's report under 《高等学校信息公开办法》 (as 2020
    高校 reports' pages print them, in the same 年报 columns): its title names no 政府, its
    preamble cites the school regulations and a school year."""
    title = "安徽某大学2020年度信息公开工作年度报告"
    preamble = (
        "按照《高等学校信息公开办法》和省教育厅关于做好2020年高校信息公开工作年度报告工作的"
        "通知要求,现将我校2020年度(2019年9月1日-2020年8月31日)信息公开工作总结如下:"
    )
    body = text.split("\n", 1)[1]
    return f"{title}\n{preamble}\n{body}"


def test_a_school_report_is_not_checked_as_a_government_report(
    engine: Engine, tmp_path: Path
) -> None:
    """A university's report (安徽农业大学 2020, 中山大学 2019-2020学年: their own sections,
    no national tables) was checked as a government report: ST001 'section missing' x4,
    errors. With no table of the national formats it is one XT004 warning saying what it
    is; the same report with the format's tables (a school that fills them in) is checked."""
    sample = sample_text()
    tables_gone = "\n".join(
        line for line in sample.split("\n") if not line.startswith("\t") and line.strip()
    )
    result = lint(engine, tmp_path, _school_report(tables_gone), "school.txt")
    assert [(f.code, f.level) for f in result.findings] == [("XT004", "warning")]
    assert "高等学校信息公开办法" in result.findings[0].message_zh
    assert "XT004" not in codes(lint(engine, tmp_path, _school_report(sample), "tables.txt"))


def test_a_government_report_naming_schools_or_a_school_year_is_checked(
    engine: Engine, tmp_path: Path
) -> None:
    """A government report whose title names no 政府 (“…信息公开工作年度报告”) and whose
    text, read without its tables, speaks of schools (an education bureau's: 学校信息公开,
    2019-2020学年度) is checked as the report it is: only a school's report cites the
    school regulations or counts a school year (9月1日 to 8月31日), or names a 学年 in its
    title. It was XT004 'a school's report' and not checked at all."""
    sample = sample_text()
    tables_gone = "\n".join(
        line for line in sample.split("\n") if not line.startswith("\t") and line.strip()
    )
    title, body = tables_gone.replace("政府信息公开工作年度报告", "信息公开工作年度报告", 1).split(
        "\n", 1
    )
    words = "2019-2020学年度，督促指导辖区内各级各类学校做好学校信息公开工作。"
    head, rest = body.split("一、总体情况", 1)
    text = f"{title}\n{head}一、总体情况\n{words}{rest}"
    found = lint(engine, tmp_path, text, "bureau.txt")
    assert "XT004" not in codes(found)
    assert "ST001" in codes(found) or "XT002" in codes(found)


def test_an_interpretation_of_a_report_is_not_the_report(engine: Engine, tmp_path: Path) -> None:
    """Sites publish a 文字解读 (图解, 一图读懂 …) of their report beside it, in the same 年报
    column (a 2022 街道办事处's stored page: 文字解读:…年度报告, then 编制背景, 编制依据, 编制目的,
    主要内容 and 第一部分:总体情况,…… to 第六部分 describing each part). Checked as the report,
    its 第N部分 lines were the six sections: PI001 'section 五 under 30 characters' (an error),
    OM001 and XT002 x3. It is XT004: not the report. A report so titled that prints the
    format's tables is still checked."""
    sample = sample_text()
    title = sample.split("\n", 1)[0].strip()
    headings = [line.strip() for line in sample.split("\n") if line.strip()[:2] in HEADS]
    parts = [
        f"第{n}部分:{h[2:]},介绍了本年度该部分的情况。"
        for n, h in zip("一二三四五六", headings, strict=False)
    ]
    body = "一、编制背景\n根据《条例》要求编写本报告。\n二、主要内容\n" + "\n".join(parts)
    for titled in (f"文字解读:{title}", f"《{title}》解读", f"一图读懂{title}"):
        result = lint(engine, tmp_path, f"{titled}\n{body}\n", "interpretation.txt")
        assert [(f.code, f.level) for f in result.findings] == [("XT004", "error")], titled
        assert "解读" in result.findings[0].message_zh
    with_tables = sample.replace(title, f"文字解读:{title}", 1)
    assert "XT004" not in codes(lint(engine, tmp_path, with_tables, "tables.txt"))


HEADS = ("一、", "二、", "三、", "四、", "五、", "六、")


def test_not_a_report_gives_xt004_only(engine: Engine, tmp_path: Path) -> None:
    text = "关于做好2024年防汛工作的通知\n各单位：\n请认真做好汛期值班值守工作。\n"
    result = lint(engine, tmp_path, text, "notice.txt")
    assert codes(result) == ["XT004"]
    assert "XT004" not in codes(engine.lint_path(SAMPLE_2019))
