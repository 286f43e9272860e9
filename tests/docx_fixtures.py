"""Build DOCX fixtures: fill the official 2021 template, or wrap hand-written body XML.

The template ``fixtures/docx/2021_format_template_blank.docx`` is a blank copy of the
2021-edition fill-in template (国办公开办函〔2021〕30号 附件) as a real Word file. Its body,
in order (``P n`` = index among all ``w:p`` children of ``w:body``, empty ones included):

- P1 title ``政府信息公开工作年度报告格式模板``; P3 ``一、总体情况``; P4 ``（文字描述）``;
  P6 ``二、主动公开政府信息情况``; table 0; P18 ``三、收到和处理政府信息公开申请情况``;
  table 1; P23 ``四、政府信息公开行政复议、行政诉讼情况``; table 2; P28
  ``五、存在的主要问题及改进情况``; P29 ``（文字描述）``; P30 ``六、其他需要报告的事项``;
  P31 ``（文字描述，收取信息处理费情况在此处报告。）``; the other paragraphs are empty.

Table geometry (grid rows × grid columns; "span" = ``w:gridSpan``, "vmerge" = ``w:vMerge``):

- **Table 0, section 二** — 14 rows × 4 columns. Rows 0, 4, 7, 11 are the block titles
  ``第二十条第（一）项`` … ``第二十条第（八）项``, each one cell spanning 4. Rows 1, 5, 8, 12 are
  headers (``信息内容`` + column labels). 第（一）项: rows 2 ``规章`` and 3 ``行政规范性文件``,
  values in columns 1–3 (``本年制发件数``, ``本年废止件数``, ``现行有效件数``). 第（五）（六）（八）项:
  the single value cell starts at column 1 and spans 3 (row 6 ``行政许可``, 9 ``行政处罚``,
  10 ``行政强制``, 13 ``行政事业性收费`` under ``本年收费金额（单位：万元）``). Some empty
  value cells hold U+3000, others nothing.
- **Table 1, section 三** — 28 rows × 10 columns: label columns 0–2, data columns 3–9 =
  自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计. Header rows 0–2: the
  勾稽关系 note spans columns 0–2 and is vmerged down rows 0–2; ``申请人情况`` spans 3–9 in
  row 0; in row 1 ``自然人`` (col 3) and ``总计`` (col 9) start vmerges down to row 2 and
  ``法人或其他组织`` spans 4–8; row 2 holds the five 法人 leaves (``商业``/``企业`` etc. are two
  paragraphs). Data rows 3–27 (:data:`APPLICATION_ROWS`): ``一、…`` (3), ``二、…`` (4) and
  ``四、…`` (27) span columns 0–2; ``三、本年度办理结果`` is in column 0 of row 5 and vmerged
  down to row 26; ``（一）`` (5), ``（二）`` (6) and ``（七）总计`` (26) span columns 1–2;
  ``（三）`` (7–14), ``（四）`` (15–17), ``（五）`` (18–22), ``（六）`` (23–25) are vmerged in
  column 1 with their numbered items in column 2. Data cells are empty paragraphs.
- **Table 2, section 四** — 4 rows × 15 columns: row 0 ``行政复议`` spans 0–4,
  ``行政诉讼`` spans 5–14; row 1: 结果维持/结果纠正/其他结果/尚未审结/总计 in 0–4 each vmerged
  down to row 2, ``未经复议直接起诉`` spans 5–9, ``复议后起诉`` spans 10–14; row 2 the ten
  litigation leaves; row 3 the 15 data cells. Several labels contain a line break
  (``结果``/``纠正``).

Value keys for :func:`fill_template` (see :func:`grid_position`):

- ``("二", row label, column label)`` e.g. ``("二", "规章", "本年制发件数")``,
  ``("二", "行政事业性收费", "本年收费金额")``;
- ``("三", row label, column label)`` — the row label as printed in the last label column
  (``"一、本年新收政府信息公开申请数量"``, ``"（二）部分公开…"``, ``"1.属于国家秘密"``, ``"3.其他"``)
  and one of :data:`APPLICATION_COLUMNS`;
- ``("四", group, leaf)`` — group in :data:`REVIEW_GROUPS`, leaf in :data:`REVIEW_LEAVES`;
- ``(table, row, column)`` — three ints, a grid position.

A label matches exactly or as the unique prefix of one label (``"（二）部分公开"``).
A value is a string or number (written as one run) or a sequence of strings (one run each,
like Word splitting ``3119`` into ``3`` + ``119``).
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import qn

TEMPLATE = Path(__file__).parent / "fixtures" / "docx" / "2021_format_template_blank.docx"

ACTIVE_TABLE = 0
APPLICATIONS_TABLE = 1
REVIEW_TABLE = 2

TEMPLATE_TITLE = "政府信息公开工作年度报告格式模板"
SECTION_HEADINGS = {
    "一": "一、总体情况",
    "二": "二、主动公开政府信息情况",
    "三": "三、收到和处理政府信息公开申请情况",
    "四": "四、政府信息公开行政复议、行政诉讼情况",
    "五": "五、存在的主要问题及改进情况",
    "六": "六、其他需要报告的事项",
}
PLACEHOLDER_PREFIX = "（文字描述"

# Section 二: (row label, column label) -> (grid row, grid column).
ACTIVE_CELLS: dict[tuple[str, str], tuple[int, int]] = {
    ("规章", "本年制发件数"): (2, 1),
    ("规章", "本年废止件数"): (2, 2),
    ("规章", "现行有效件数"): (2, 3),
    ("行政规范性文件", "本年制发件数"): (3, 1),
    ("行政规范性文件", "本年废止件数"): (3, 2),
    ("行政规范性文件", "现行有效件数"): (3, 3),
    ("行政许可", "本年处理决定数量"): (6, 1),
    ("行政处罚", "本年处理决定数量"): (9, 1),
    ("行政强制", "本年处理决定数量"): (10, 1),
    ("行政事业性收费", "本年收费金额（单位：万元）"): (13, 1),
}

# Section 三: the row labels of grid rows 3..27, as printed in the last label column.
APPLICATION_FIRST_ROW = 3
APPLICATION_ROWS = (
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.其他",
    "（七）总计",
    "四、结转下年度继续办理",
)
APPLICATION_FIRST_COLUMN = 3
APPLICATION_COLUMNS = (
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
)

# Section 四: one data row; column = 5 * group + leaf.
REVIEW_ROW = 3
REVIEW_GROUPS = ("行政复议", "未经复议直接起诉", "复议后起诉")
REVIEW_LEAVES = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")

Key = tuple[str, str, str] | tuple[int, int, int]
Value = str | int | float | Sequence[str]


def _match(label: str, labels: Sequence[str], what: str) -> int:
    if label in labels:
        return labels.index(label)
    found = [i for i, candidate in enumerate(labels) if candidate.startswith(label)]
    if len(found) != 1:
        raise KeyError(f"{what} {label!r}: {'ambiguous' if found else 'no such label'}")
    return found[0]


def grid_position(key: Key) -> tuple[int, int, int]:
    """``(table, row, grid column)`` in the template for a value key (see the module
    docstring). Tables are numbered in body order, as the DOCX reader numbers them."""
    part, row_label, column_label = key
    if isinstance(part, int):
        return key  # type: ignore[return-value]
    if part == "二":
        matches = [
            position
            for (row, column), position in ACTIVE_CELLS.items()
            if row == row_label and column.startswith(column_label)
        ]
        if len(matches) != 1:
            raise KeyError(f"section 二 has no cell {row_label!r} × {column_label!r}")
        return (ACTIVE_TABLE, *matches[0])
    if part == "三":
        row = _match(row_label, APPLICATION_ROWS, "section 三 row")
        column = _match(column_label, APPLICATION_COLUMNS, "section 三 column")
        return (
            APPLICATIONS_TABLE,
            APPLICATION_FIRST_ROW + row,
            APPLICATION_FIRST_COLUMN + column,
        )
    if part == "四":
        group = _match(row_label, REVIEW_GROUPS, "section 四 group")
        leaf = _match(column_label, REVIEW_LEAVES, "section 四 column")
        return (REVIEW_TABLE, REVIEW_ROW, 5 * group + leaf)
    raise KeyError(f"unknown table part {part!r}: use 二, 三, 四 or a table index")


def _cell_at(tbl, row: int, column: int):
    """The ``w:tc`` whose grid range starts at ``column`` in ``row``; refuses a position
    covered by a span or a vertical merge (that is not where Word keeps the text)."""
    tr = tbl.tr_lst[row]
    offset = tr.grid_before
    for tc in tr.tc_lst:
        if offset == column:
            v_merge = tc.tcPr.find(qn("w:vMerge")) if tc.tcPr is not None else None
            if v_merge is not None and v_merge.get(qn("w:val")) != "restart":
                raise ValueError(f"row {row} column {column} continues a vertical merge")
            return tc
        if offset < column < offset + tc.grid_span:
            raise ValueError(f"row {row} column {column} is inside a spanning cell")
        offset += tc.grid_span
    raise ValueError(f"row {row} has no cell at grid column {column}")


def _run_properties(p):
    """The formatting a new run in ``p`` should get: an existing run's, else the
    paragraph mark's."""
    for r in p.findall(qn("w:r")):
        if r.rPr is not None:
            return r.rPr
    ppr = p.pPr
    if ppr is not None:
        return ppr.find(qn("w:rPr"))
    return None


def set_runs(p, runs: Sequence[str]) -> None:
    """Replace the runs of paragraph element ``p`` with one run per string."""
    rpr = _run_properties(p)
    rpr = copy.deepcopy(rpr) if rpr is not None else None
    for child in list(p):
        if child.tag != qn("w:pPr"):
            p.remove(child)
    for text in runs:
        r = p.add_r()
        if rpr is not None:
            r.insert(0, copy.deepcopy(rpr))
        r.text = text


def _runs(value: Value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (int, float)):
        return [str(value)]
    return [str(part) for part in value]


def _set_cell(tc, value: Value) -> None:
    paragraphs = tc.p_lst
    for p in paragraphs[1:]:
        tc.remove(p)
    set_runs(paragraphs[0], _runs(value))


def fill_template(
    values: Mapping[Key, Value] | None = None,
    *,
    title: str | None = None,
    preamble: Sequence[str] = (),
    sections: Mapping[str, str | Sequence[str]] | None = None,
    core_title: str | None = None,
    modified: dt.datetime | None = None,
) -> bytes:
    """The official 2021 template filled in with python-docx, as DOCX bytes.

    - ``values``: table cells, keyed as in the module docstring, e.g.
      ``{("三", "一、本年新收政府信息公开申请数量", "总计"): 3119, ("四", "行政复议", "总计"): "351"}``.
      Cells not given keep the template's content (empty, or U+3000).
    - ``title``: replaces the template title paragraph (``政府信息公开工作年度报告格式模板``).
    - ``preamble``: paragraphs inserted between the title and ``一、总体情况``.
    - ``sections``: paragraphs per section number ``"一"`` … ``"六"`` (a string is one
      paragraph), inserted right after the heading; the first one replaces the template's
      ``（文字描述…）`` placeholder where the section has one. Sections not given keep
      their placeholder (template residue, as in careless real reports).
    - ``core_title`` / ``modified``: the package properties (``docProps/core.xml``).

    Paragraphs inserted before a heading shift the body paragraph indices of everything
    after them (the template's indices are in the module docstring).
    """
    document = docx.Document(io.BytesIO(TEMPLATE.read_bytes()))
    tables = [table._tbl for table in document.tables]
    for key, value in (values or {}).items():
        table, row, column = grid_position(key)
        _set_cell(_cell_at(tables[table], row, column), value)

    body_paragraphs = [p._p for p in document.paragraphs]
    prototype = copy.deepcopy(
        next(p for p in body_paragraphs if _text(p).startswith(PLACEHOLDER_PREFIX))
    )

    def new_paragraph(text: str):
        p = copy.deepcopy(prototype)
        set_runs(p, [text])
        return p

    title_p = next(p for p in body_paragraphs if _text(p) == TEMPLATE_TITLE)
    if title is not None:
        set_runs(title_p, [title])
    anchor = title_p
    for text in preamble:
        p = new_paragraph(text)
        anchor.addnext(p)
        anchor = p

    for number, texts in (sections or {}).items():
        heading_text = SECTION_HEADINGS[number]
        heading = next(p for p in body_paragraphs if _text(p) == heading_text)
        texts = [texts] if isinstance(texts, str) else list(texts)
        following = heading.getnext()
        anchor = heading
        if texts and following is not None and _text(following).startswith(PLACEHOLDER_PREFIX):
            set_runs(following, [texts[0]])
            anchor, texts = following, texts[1:]
        for text in texts:
            p = new_paragraph(text)
            anchor.addnext(p)
            anchor = p

    if core_title is not None:
        document.core_properties.title = core_title
    if modified is not None:
        document.core_properties.modified = modified
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _text(p) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


# ------------------------------------------------------------- hand-written body XML

NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def docx_from_body(body_xml: str, *, core_title: str | None = None) -> bytes:
    """A DOCX made by python-docx whose body is ``body_xml`` (block elements, ``w:``
    and the :data:`NAMESPACES` prefixes usable without declaring them)."""
    document = docx.Document()
    body = document.element.body
    fragment = parse_xml(f"<w:body {NAMESPACES}>{body_xml}</w:body>")
    sect_pr = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not sect_pr:
            body.remove(child)
    for child in list(fragment):
        if sect_pr is not None:
            sect_pr.addprevious(child)
        else:
            body.append(child)
    if core_title is not None:
        document.core_properties.title = core_title
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def replace_member(data: bytes, name: str, content: bytes) -> bytes:
    """A copy of the archive ``data`` with member ``name`` replaced (or added)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info, source.read(info))
        target.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


# ------------------------------------------------- 淮安市人民政府 2024 (real numbers)

HUAIAN_2024_TITLE = "淮安市人民政府2024年政府信息公开工作年度报告"

_HUAIAN_2024_ACTIVE = {
    ("二", "规章", "本年制发件数"): 1,
    ("二", "规章", "本年废止件数"): 0,
    ("二", "规章", "现行有效件数"): 11,
    ("二", "行政规范性文件", "本年制发件数"): 8,
    ("二", "行政规范性文件", "本年废止件数"): 26,
    ("二", "行政规范性文件", "现行有效件数"): 66,
    ("二", "行政许可", "本年处理决定数量"): 447228,
    ("二", "行政处罚", "本年处理决定数量"): 3985758,
    ("二", "行政强制", "本年处理决定数量"): 88283,
    ("二", "行政事业性收费", "本年收费金额"): "96171.6",
}

# Rows in APPLICATION_ROWS order; columns in APPLICATION_COLUMNS order.
_HUAIAN_2024_APPLICATIONS = (
    (3001, 53, 0, 0, 61, 4, 3119),
    (34, 0, 0, 0, 0, 0, 34),
    (1288, 21, 0, 0, 50, 3, 1362),
    (447, 7, 0, 0, 0, 0, 454),
    (2, 0, 0, 0, 0, 0, 2),
    (30, 1, 0, 0, 0, 0, 31),
    (5, 0, 0, 0, 0, 0, 5),
    (6, 0, 0, 0, 0, 0, 6),
    (7, 1, 0, 0, 0, 0, 8),
    (12, 0, 0, 0, 0, 0, 12),
    (9, 0, 0, 0, 0, 0, 9),
    (105, 0, 0, 0, 0, 0, 105),
    (746, 12, 0, 0, 10, 1, 769),
    (11, 0, 0, 0, 0, 0, 11),
    (1, 0, 0, 0, 0, 0, 1),
    (56, 6, 0, 0, 0, 0, 62),
    (25, 0, 0, 0, 0, 0, 25),
    (0, 0, 0, 0, 0, 0, 0),
    (0, 0, 0, 0, 0, 0, 0),
    (1, 0, 0, 0, 0, 0, 1),
    (67, 3, 0, 0, 1, 0, 71),
    (6, 0, 0, 0, 0, 0, 6),
    (108, 2, 0, 0, 0, 0, 110),
    (2932, 53, 0, 0, 61, 4, 3050),
    (103, 0, 0, 0, 0, 0, 103),
)

_HUAIAN_2024_REVIEW = (
    (72, 64, 178, 37, 351),
    (13, 4, 8, 1, 26),
    (12, 1, 1, 6, 20),
)

#: Every cell of tables 二, 三 and 四 of 淮安市人民政府 2024 (all identities hold:
#: 3001 + 34 … per column, 3119 + 34 = 3050 + 103).
HUAIAN_2024_VALUES: dict[Key, Value] = {
    **_HUAIAN_2024_ACTIVE,
    **{
        ("三", row, column): value
        for row, numbers in zip(APPLICATION_ROWS, _HUAIAN_2024_APPLICATIONS, strict=True)
        for column, value in zip(APPLICATION_COLUMNS, numbers, strict=True)
    },
    **{
        ("四", group, leaf): value
        for group, numbers in zip(REVIEW_GROUPS, _HUAIAN_2024_REVIEW, strict=True)
        for leaf, value in zip(REVIEW_LEAVES, numbers, strict=True)
    },
}

HUAIAN_2024_PREAMBLE = (
    "本报告由淮安市人民政府办公室根据《中华人民共和国政府信息公开条例》（国令第711号）"
    "（以下简称《条例》）规定编制。报告所列统计期限自2024年1月1日至2024年12月31日。"
    "如对本报告有疑问，请与淮安市人民政府办公室联系（地址：淮安市翔宇南道1号，邮编：223001，"
    "电话：0517-83605210，电子邮箱：hazwgkc@163.com）。",
)

HUAIAN_2024_SECTIONS: dict[str, tuple[str, ...]] = {
    "一": (
        "2024年，我市坚持以习近平新时代中国特色社会主义思想为指导，认真学习宣传贯彻党的二十大和"
        "二十届二中、三中全会精神，按照党中央国务院、省委省政府决策部署和市委工作要求，严格落实"
        "《中华人民共和国政府信息公开条例》各项规定，圆满完成了各项任务。",
        "（一）主动公开情况。2024年，市政府网站主动公开各类政府信息5500余条，全年新增公开市政府"
        "规章1件、市政府及市政府办政策性文件11件，通过文字、图片等形式制作政策解读21个，制作"
        "《淮安市人民政府公报》6期。",
        "（二）依申请公开情况。2024年，全市共受理政府信息公开申请3119件，答复3050件（含上年度"
        "结转申请34件，另有103件顺延到下年度答复），均在法定期限内予以答复。政府信息公开行政复议"
        "351件，其中结果维持72件，结果纠正64件，其他结果178件，尚未审结37件；政府信息公开行政诉讼"
        "46件，其中结果维持25件，结果纠正5件，其他结果9件，尚未审结7件。",
        "（三）政府信息管理情况。在政府网站、政务新媒体、政府公报等公开平台发布信息时，坚持"
        "“先审查、后公开”“一事一审”工作原则，规范审查程序。",
        "（四）政府信息公开平台建设情况。截至目前，全市在运维政务新媒体共计95个，在省办2024年"
        "四个季度政务新媒体检查抽查中，合格率均为100%。",
        "（五）政府信息公开监督保障情况。根据省政务公开年度和季度监测指标，全年组织4次政府信息"
        "公开栏目全覆盖检查，并出具各县区、各部门政务公开评估分报告。",
    ),
    "五": (
        "对照上级新要求和公众新期待，还有一些需要加强和改进的地方。主要表现在：一是政策解读质量"
        "仍需提升，个别单位政策解读内容简单、形式单一；二是政务公开队伍建设还需进一步加强，个别"
        "单位存在人员配备不足、兼职多、流动性过快的问题。",
        "针对存在问题，下一步，我市将着力加强政策解读质效，重点提升解读的针对性和通俗化；建立健全"
        "“传帮带”机制，定期组织业务培训，全面提升政务公开工作队伍水平。",
    ),
    "六": (
        "2024年，市政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息"
        "处理费3940元。",
    ),
}


def huaian_2024_docx(**overrides) -> bytes:
    """The 淮安市人民政府 2024 report (real numbers, excerpts of its text) in the official
    template. Keyword arguments override those of :func:`fill_template`."""
    arguments = {
        "values": HUAIAN_2024_VALUES,
        "title": HUAIAN_2024_TITLE,
        "preamble": HUAIAN_2024_PREAMBLE,
        "sections": HUAIAN_2024_SECTIONS,
        "core_title": HUAIAN_2024_TITLE,
    }
    arguments.update(overrides)
    return fill_template(**arguments)


def benchmark_documents() -> list[bytes]:
    """DOCX reports for bench/bench_batch.py: 淮安 2024 as filled in, and a variant."""
    varied = dict(HUAIAN_2024_VALUES)
    varied[("四", "行政复议", "总计")] = 0  # 洪泽 2023 style: a 总计 left at 0
    return [huaian_2024_docx(), huaian_2024_docx(values=varied)]
