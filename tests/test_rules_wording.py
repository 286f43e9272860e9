"""WD001–WD003 on real report text and minimal edits of it (one character changed).

The clean-corpus side (no finding on the unedited reports but the defects verified by hand)
is in tests/test_rules_narrative.py; here each rule's failing and passing cases side by side.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.engine import Engine
from linter.plugins import load_plugins
from rules.wording.matching import inner_edit, near_misses
from tests.conftest import FIXTURES, SHANGHAI_2025_MD, replace_line, write

HTML = FIXTURES / "html"
TEXT = FIXTURES / "text"


@pytest.fixture(scope="module")
def engine() -> Engine:
    plugins = load_plugins()
    assert not plugins.problems, plugins.problems
    return Engine(plugins=plugins, root=FIXTURES)


def wd(engine: Engine, path: Path, code: str) -> list[tuple]:
    return [
        (f.location.anchor.line, f.location.logical, f.properties["text"], f.sub_id)
        for f in engine.lint_path(path).findings
        if f.code == code
    ]


def _edited(tmp_path: Path, source: Path, old: str, new: str, name: str) -> Path:
    text = source.read_text(encoding="utf-8")
    assert old in text
    return write(tmp_path, name, text.replace(old, new, 1))


# --- WD001 -----------------------------------------------------------------------------------


def test_wd001_real_typo_and_its_correction(engine: Engine, tmp_path: Path) -> None:
    page = HTML / "2025_zonedept-pingtan-czj.html"
    assert wd(engine, page, "WD001") == [(355, "二/narrative", "不子公开", "不予公开")]
    fixed = _edited(tmp_path, page, "不子公开", "不予公开", "fixed.html")
    assert wd(engine, fixed, "WD001") == []


def test_wd001_heading_compared_whole(engine: Engine, tmp_path: Path) -> None:
    page = HTML / "2022_zone-pingtan_gov.html"
    [finding] = [f for f in engine.lint_path(page).findings if f.code == "WD001"]
    assert finding.location.logical == "四/heading"
    assert finding.sub_id == "政府信息公开行政复议、行政诉讼情况"
    assert "政府信息公开行政法复议、行政诉讼情况" in finding.message_zh
    fixed = _edited(tmp_path, page, "行政法复议", "行政复议", "fixed.html")
    assert wd(engine, fixed, "WD001") == []


def test_wd001_minimal_edit_of_shanghai(engine: Engine, tmp_path: Path) -> None:
    # 上海 2025 line 40: “不予公开 20 件” with 予 → 于.
    text = SHANGHAI_2025_MD.read_text(encoding="utf-8")
    edited = replace_line(text, 40, "分公开 208 件（17.46%），不于公开 20 件（1.68%），因本机关")
    path = write(tmp_path, "r.md", edited)
    assert wd(engine, path, "WD001") == [(40, "一/narrative", "不于公开", "不予公开")]
    assert wd(engine, SHANGHAI_2025_MD, "WD001") == []


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("本年度收取信息处里费0元", [("信息处里费", "信息处理费")]),
        # both terms match at the one edit; the rule keeps the longer
        (
            "严格执行行政规范行文件管理",
            [("行政规范行文件", "行政规范性文件"), ("规范行文件", "规范性文件")],
        ),
        ("依申请公开信息数246条，不于公开信息数168条", [("不于公开", "不予公开")]),
        # correct words within one edit of a term: never reported
        ("对依法不予以公开的信息", []),
        ("申请人重新申请的", []),
        ("严格依照行政法规办理", []),
        ("召开行政会议研究", []),
        ("依法予以公布", []),
        ("收到申请公开政府信息", []),
        ("行政诉讼的情况", []),
        ("上年度结转申请34件", []),
        ("政务信息公开平台", []),
        ("未经复议直接诉讼0件,复议后诉讼0件", []),
        ("通过琼海市政府网信息公开目录主动公开24件", []),
        ("未经复议直接诉0件", [("未经复议直接诉", "未经复议直接起诉")]),
        ("共收取行政事业性费用0元", []),
        ("本年行政事业性费0万元", [("行政事业性费", "行政事业性收费")]),
    ],
)
def test_wd001_lexicon(sentence: str, found: list) -> None:
    assert [(m.text, m.term) for m in near_misses(sentence)] == found


def test_inner_edit_kinds() -> None:
    assert inner_edit("信息处里费", "信息处理费") == 3  # substituted
    assert inner_edit("行政法复议", "行政复议") == 2  # inserted
    assert inner_edit("信处理费", "信息处理费") == 1  # dropped
    assert inner_edit("予以公布", "予以公开") is None  # the last character
    assert inner_edit("行政会议", "行政复议") is None  # 会 is not confused with 复


# --- WD002 -----------------------------------------------------------------------------------


def test_wd002_real_doubling_and_its_correction(engine: Engine, tmp_path: Path) -> None:
    report = TEXT / "2021_zone-pingtan_gov.txt"
    assert wd(engine, report, "WD002") == [(10, "一/narrative", "审核审核", "审核")]
    fixed = _edited(tmp_path, report, "审核审核", "审核", "fixed.txt")
    assert wd(engine, fixed, "WD002") == []


def test_wd002_doubling_added_to_shanghai(engine: Engine, tmp_path: Path) -> None:
    path = _edited(
        tmp_path, SHANGHAI_2025_MD, "均在法定期限内答复", "均在法定期限内答复答复", "r.md"
    )
    assert [t[2] for t in wd(engine, path, "WD002")] == ["答复答复"]


@pytest.mark.parametrize(
    "paragraph",
    [
        "请大家研究研究，再作决定。",  # a reduplication of the language
        "一步一步推进，常常检查。",
        "结果 结果，维持",  # a space between: layout, not a doubled word
        # a government's name, then a term beginning with its last word (a 2024 乡 report)
        "特向社会公布2024年连生乡人民政府政府信息公开工作情况报告。",
        "通过县政府政府网站公开。",
    ],
)
def test_wd002_not_a_doubling(engine: Engine, tmp_path: Path, paragraph: str) -> None:
    text = SHANGHAI_2025_MD.read_text(encoding="utf-8")
    path = write(tmp_path, "r.md", replace_line(text, 37, paragraph))
    assert wd(engine, path, "WD002") == []


def test_wd_rules_read_the_report_from_its_title_on(engine: Engine, tmp_path: Path) -> None:
    """A site's menu line kept above the title (a page printed, or converted to DOCX or PDF,
    with its site: “登录 登录 注册 注册”) is the site's, not the report's: no WD002. The same
    line below the title is in the report's opening and is reported."""
    lines = SHANGHAI_2025_MD.read_text(encoding="utf-8").splitlines(keepends=True)
    menu = "登录登录注册注册你好，注销\n"
    above = write(tmp_path, "above.md", "".join([menu, *lines]))
    assert wd(engine, above, "WD002") == []
    below = write(tmp_path, "below.md", "".join([*lines[:3], menu, *lines[3:]]))
    assert wd(engine, below, "WD002") == [
        (4, "preamble/text", "登录登录", "登录"),
        (4, "preamble/text", "注册注册", "注册"),
    ]


def test_prose_is_judged_where_a_rule_asks(engine: Engine, monkeypatch) -> None:
    """Which blocks are prose is worked out per block when a WD rule asks (only where it
    found something), and says what judging every block says."""
    from rules.wording import common

    report = engine.parse(SHANGHAI_2025_MD)
    eager = common._text(report, common.of_report(report)).prose
    eager_flags = [eager[k] for k in range(len(eager))]
    judged: list[str] = []
    judge = common._is_prose
    monkeypatch.setattr(common, "_is_prose", lambda text: judged.append(text) or judge(text))
    prose = common._text(report, common.of_report(report)).prose
    assert judged == []  # nothing judged until asked
    assert [prose[k] for k in range(len(prose))] == eager_flags
    assert True in eager_flags and False in eager_flags
    asked = len(judged)
    assert prose[len(prose) - 1] == eager_flags[-1] and len(judged) == asked  # judged once


# --- WD003 -----------------------------------------------------------------------------------


def test_wd003_real_skip_and_its_correction(engine: Engine, tmp_path: Path) -> None:
    page = HTML / "2023_zone-pingtan_gov.html"
    [finding] = [f for f in engine.lint_path(page).findings if f.code == "WD003"]
    assert finding.location.logical == "五/narrative"
    assert finding.properties["text"] == "三是"
    assert finding.properties["expected_text"] == "二是"
    fixed = _edited(tmp_path, page, "；三是开拓创新", "；二是开拓创新", "fixed.html")
    assert wd(engine, fixed, "WD003") == []


def test_wd003_paragraph_numbering(engine: Engine, tmp_path: Path) -> None:
    # 洪泽 2024 (pdftotext): （一）…（五） opening paragraphs of 一; （三） changed to （四）.
    report = TEXT / "pi_2024_district-hongze_gov.txt"
    assert wd(engine, report, "WD003") == []
    edited = _edited(tmp_path, report, "（三）政府信息管理情况", "（四）政府信息管理情况", "r.txt")
    assert [(t[0], t[2]) for t in wd(engine, edited, "WD003")] == [(27, "(四)")]


def test_wd003_not_on_the_row_labels_of_a_flattened_table(engine: Engine, tmp_path: Path) -> None:
    """洪泽 2024's PDF through plain ``pdftotext``: table 三 comes out one label per line in
    column order (1.属于国家秘密 … 5.…, then 1.本机关不掌握… 4.无正当理由… 2.没有现成信息…),
    cut (“5.要求行政机关确认或重 新出具”): row labels, not the report's enumerations (three
    WD003 warnings before). A numbered sentence of the text is still read."""
    report = TEXT / "2024_district-hongze_gov.pdftotext-raw.txt"
    assert wd(engine, report, "WD003") == []
    text = report.read_text(encoding="utf-8")
    cut = text.replace("2.其他法律行政止公开", "3.其他法律行政止公开")
    assert wd(engine, write(tmp_path, "cut.txt", cut), "WD003") == []
    sentences = text.replace(
        "2.其他法律行政止公开",
        "1.全年不予公开申请3件，均依法告知理由。\n3.属于国家秘密的申请2件，已依法答复。",
    )
    assert [t[2] for t in wd(engine, write(tmp_path, "s.txt", sentences), "WD003")] == ["3."]


def test_wd003_an_item_opening_with_a_year(engine: Engine, tmp_path: Path) -> None:
    """“1.街道以…” / “2.2020年,街道不断加强…” / “3.依申请公开情况…” (双塔区前进街道 2020's
    stored page): the item opening with a year was read as the number 2.2020, and 3. as a
    skip after 1. (a false warning). 2.5万元 is still a number."""
    report = TEXT / "2024_district-hongze_gov.pdftotext-raw.txt"
    text = report.read_text(encoding="utf-8")
    items = "1.全年不予公开申请3件。\n2.2024年，依法告知理由。\n3.属于国家秘密的申请2件。"
    numbered = text.replace("2.其他法律行政止公开", items)
    assert wd(engine, write(tmp_path, "year.txt", numbered), "WD003") == []
    skipped = text.replace("2.其他法律行政止公开", items.replace("2.2024", "3.2024"))
    assert [t[2] for t in wd(engine, write(tmp_path, "skip.txt", skipped), "WD003")] == ["3."]
    amount = text.replace("2.其他法律行政止公开", items.replace("2.2024年", "2.5万元"))
    assert [t[2] for t in wd(engine, write(tmp_path, "amount.txt", amount), "WD003")] == ["3."]


@pytest.mark.parametrize(
    ("paragraph", "found"),
    [
        ("措施：一是加强审核；二是规范发布；二是强化监督。", ["二是"]),
        ("措施：一是加强审核；三是规范发布。", ["三是"]),
        ("措施：一是加强审核；二是规范发布；三是强化监督。", []),
        ("要求统一是前提；二是规范发布。", []),  # 统一是 is no enumerator; a run starts at 一
    ],
)
def test_wd003_shi_runs(engine: Engine, tmp_path: Path, paragraph: str, found: list) -> None:
    text = SHANGHAI_2025_MD.read_text(encoding="utf-8")
    path = write(tmp_path, "r.md", replace_line(text, 37, paragraph))
    assert [t[2] for t in wd(engine, path, "WD003")] == found
