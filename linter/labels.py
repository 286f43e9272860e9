"""The format's own labels, per edition, as data (FORMATS.md §2–3).

Every label the interpreter recognises lives here, keyed by the canonical id used in
the intermediate form. Code elsewhere never spells a label of the format.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class SectionSpec:
    number: int
    key: str
    heading: str  # the format's heading, without the 一、 numbering
    # Normalised fragments that identify the heading (any one suffices), for variants.
    cues: tuple[str, ...]


SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec(1, "overview", "总体情况", ("总体情况",)),
    SectionSpec(
        2,
        "proactive",
        "主动公开政府信息情况",
        ("主动公开政府信息情况", "主动公开政府信息的情况", "主动公开政府信息"),
    ),
    SectionSpec(
        3,
        "applications",
        "收到和处理政府信息公开申请情况",
        (
            "收到和处理政府信息公开申请",
            "收到和处理政府信息公开申请的情况",
            "依申请公开政府信息情况",
        ),
    ),
    SectionSpec(
        4,
        "review_litigation",
        "政府信息公开行政复议、行政诉讼情况",
        ("政府信息公开行政", "因政府信息公开", "行政复议", "复议", "行政诉讼"),
    ),
    SectionSpec(
        5,
        "problems",
        "存在的主要问题及改进情况",
        (
            "存在的主要问题",
            "主要问题及改进",
            "主要问题和改进",
            "存在问题及改进",
            "存在问题和改进",
            "存在的问题及改进",
        ),
    ),
    SectionSpec(
        6, "other_matters", "其他需要报告的事项", ("其他需要报告的事项", "其他需要报告事项")
    ),
)

SECTION_NUMERALS = "一二三四五六"

# Other words printed for a row's label (matching keys), read as the row with its label
# altered (AP004): “（七）合计” for （七）总计.
ROW_LABEL_SYNONYMS: dict[str, tuple[str, ...]] = {"outcome_total": ("合计",)}

# Shorter wordings agencies print for a heading (“一、概述”, “六、其他事项”): too loose to
# pick a heading out of any paragraph, so they count only for a section whose heading is
# not found in the format's wording, and only as the whole short heading line.
SECTION_LOOSE_CUES: dict[int, tuple[str, ...]] = {
    1: ("概述", "概况", "总体概况", "基本情况", "工作概况", "总体工作情况", "工作综述", "综述"),
    2: ("主动公开情况", "主动公开", "主动公开工作情况"),
    3: ("依申请公开情况", "依申请公开", "依申请公开工作情况", "政府信息公开申请"),
    5: ("存在问题", "存在的问题", "主要问题", "问题及改进", "不足及改进", "存在的不足"),
    6: ("其他事项", "其他需要说明的事项", "其他需报告的事项", "其他需要报告事项", "其他情况"),
}

# The words a heading numbered for its section, in its place, keeps however else it is
# worded (“二、政府信息主动公开情况”, “三、政府信息公开申请办理情况”): such a line is the
# section's heading where the format's wording is not found (see interpret._find_headings).
# Section 一's heading may name the work itself (“一、2021政府信息公开情况”, a 2021 县林业局
# report's stored page; “一、政府信息公开工作情况”).
SECTION_KEY_WORDS: dict[int, tuple[str, ...]] = {
    1: ("总体", "概况", "概述", "基本情况", "信息公开情况", "信息公开工作情况", "政务公开工作情况"),
    2: ("主动公开",),
    3: ("依申请", "公开申请"),
    4: ("复议", "诉讼"),
    5: ("问题", "不足"),
    6: ("其他", "其它"),
}

# Wordings of a whole heading seen in real reports (FORMATS.md §2.2, §3.2) that are not
# misspellings of the format's heading, though one character away from it.
SECTION_HEADING_VARIANTS: dict[int, tuple[str, ...]] = {
    4: (
        "政府信息公开行政复议和行政诉讼情况",
        "政府信息公开行政复议及行政诉讼情况",
    ),
    5: ("存在的主要问题及改进举措", "存在的主要问题及改进措施", "存在的主要问题和改进情况"),
}


@dataclass(frozen=True)
class RowSpec:
    id: str
    label: str  # as printed in the format, without numbering
    numbering: str  # "一", "（三）", "1", … as printed before the label ("" if none)
    group: str | None = None  # the parent outcome row for numbered sub-items
    # English name for messages; the built-in rows have theirs in ENGLISH.
    english: str | None = None


@dataclass(frozen=True)
class ColumnSpec:
    id: str
    label: str


# --- Section 三: applications -------------------------------------------------------

APPLICATION_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("natural_person", "自然人"),
    ColumnSpec("commercial", "商业企业"),
    ColumnSpec("research", "科研机构"),
    ColumnSpec("public_interest", "社会公益组织"),
    ColumnSpec("legal_services", "法律服务机构"),
    ColumnSpec("other", "其他"),
    ColumnSpec("total", "总计"),
)
APPLICATION_COLUMN_IDS = tuple(c.id for c in APPLICATION_COLUMNS)
APPLICANT_COLUMN_IDS = APPLICATION_COLUMN_IDS[:-1]
_COLUMN_LABELS_ZH = {c.id: c.label for c in APPLICATION_COLUMNS}

APPLICATION_ROWS: tuple[RowSpec, ...] = (
    RowSpec("new_received", "本年新收政府信息公开申请数量", "一"),
    RowSpec("carried_over", "上年结转政府信息公开申请数量", "二"),
    RowSpec("granted", "予以公开", "（一）"),
    RowSpec("partially_granted", "部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）"),
    RowSpec("withheld.state_secret", "属于国家秘密", "1", group="withheld"),
    RowSpec("withheld.prohibited_by_law", "其他法律行政法规禁止公开", "2", group="withheld"),
    RowSpec("withheld.three_securities", "危及“三安全一稳定”", "3", group="withheld"),
    RowSpec("withheld.third_party", "保护第三方合法权益", "4", group="withheld"),
    RowSpec("withheld.internal_affairs", "属于三类内部事务信息", "5", group="withheld"),
    RowSpec("withheld.process_information", "属于四类过程性信息", "6", group="withheld"),
    RowSpec("withheld.enforcement_files", "属于行政执法案卷", "7", group="withheld"),
    RowSpec("withheld.query_matters", "属于行政查询事项", "8", group="withheld"),
    RowSpec("unavailable.not_held", "本机关不掌握相关政府信息", "1", group="unavailable"),
    RowSpec("unavailable.needs_creation", "没有现成信息需要另行制作", "2", group="unavailable"),
    RowSpec("unavailable.still_unclear", "补正后申请内容仍不明确", "3", group="unavailable"),
    RowSpec("not_processed.petition", "信访举报投诉类申请", "1", group="not_processed"),
    RowSpec("not_processed.repeated", "重复申请", "2", group="not_processed"),
    RowSpec("not_processed.publications", "要求提供公开出版物", "3", group="not_processed"),
    RowSpec("not_processed.excessive", "无正当理由大量反复申请", "4", group="not_processed"),
    RowSpec(
        "not_processed.confirmation",
        "要求行政机关确认或重新出具已获取信息",
        "5",
        group="not_processed",
    ),
    RowSpec("other_handling", "其他处理", "（六）"),
    RowSpec(
        "other_handling.no_correction",
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "1",
        group="other_handling",
    ),
    RowSpec(
        "other_handling.unpaid_fee",
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "2",
        group="other_handling",
    ),
    RowSpec("other_handling.other", "其他", "3", group="other_handling"),
    RowSpec("outcome_total", "总计", "（七）"),
    RowSpec("carried_forward", "结转下年度继续办理", "四"),
)

# Group rows: printed labels that head numbered sub-items but carry no numbers themselves
# (except （六）其他处理 in the 2019 edition, which is a data row).
APPLICATION_GROUPS: dict[str, tuple[str, str]] = {
    "outcomes": ("本年度办理结果", "三"),
    "withheld": ("不予公开", "（三）"),
    "unavailable": ("无法提供", "（四）"),
    "not_processed": ("不予处理", "（五）"),
    "other_handling": ("其他处理", "（六）"),
}

APPLICATION_HEADER_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

# Rows of section 三 that are not outcomes summed into （七）总计 (T3-TOT).
APPLICATION_NON_OUTCOMES = frozenset(
    {"new_received", "carried_over", "outcome_total", "carried_forward"}
)


def application_rows(edition: str) -> tuple[RowSpec, ...]:
    """The section-三 rows of ``edition`` (see :mod:`linter.editions`)."""
    from linter import editions

    found = editions.get(edition)
    return found.application_rows if found else ()


# --- Section 四: review and litigation -------------------------------------------------

REVIEW_GROUPS: tuple[ColumnSpec, ...] = (
    ColumnSpec("review", "行政复议"),
    ColumnSpec("litigation_direct", "未经复议直接起诉"),
    ColumnSpec("litigation_after_review", "复议后起诉"),
)
REVIEW_OUTCOMES: tuple[ColumnSpec, ...] = (
    ColumnSpec("upheld", "结果维持"),
    ColumnSpec("corrected", "结果纠正"),
    ColumnSpec("other", "其他结果"),
    ColumnSpec("pending", "尚未审结"),
    ColumnSpec("total", "总计"),
)
REVIEW_COLUMNS: tuple[ColumnSpec, ...] = tuple(
    ColumnSpec(f"{g.id}.{o.id}", f"{g.label}/{o.label}")
    for g in REVIEW_GROUPS
    for o in REVIEW_OUTCOMES
)
REVIEW_HEADER_LABELS = ("行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉") + tuple(
    o.label for o in REVIEW_OUTCOMES
)

# Captions printed above parts of the section-四 table (“### 行政复议”): never a section heading.
REVIEW_CAPTIONS = frozenset({"行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"})

# Words that open the content of section 五 when its heading was lost in a conversion
# (“（一）2024 年工作中存在问题的改进情况”), looked for at the start of a paragraph.
PROBLEMS_CONTENT_CUES = (
    "存在的主要问题",
    "存在的问题",
    "存在问题",
    "主要问题",
    "问题及改进",
    "改进情况",
    "改进措施",
    "整改情况",
)
# Weaker words of section 五's content, looked for in the first lines of a paragraph that
# follows 四's table when 五's heading was lost.
PROBLEMS_WEAK_CUES = ("问题", "不足", "差距", "短板", "薄弱")

# --- Section 二: 第二十条 tables -------------------------------------------------------


@dataclass(frozen=True)
class ItemSpec:
    id: str
    number: str  # 一, 五, 六, 八, 九
    rows: tuple[RowSpec, ...]
    columns: tuple[ColumnSpec, ...]


ARTICLE20_ITEM_TITLE = "第二十条第（{n}）项"
ARTICLE20_HEADER_FIRST = "信息内容"

# Cell texts that stand for "nothing entered" (placeholders), compared after normalising.
PLACEHOLDERS = frozenset(
    {"-", "--", "—", "——", "–", "/", "\\", "无", "空", "null", "n/a", "na", "×", "x"}
    # “no change”, as a 本年增/减 cell is written in words: nothing to add or take away
    | {"无变化", "没有变化", "无增减", "持平", "不变"}
)

# Units printed after numbers; kept in the cell's ``unit``.
UNITS = ("万元", "元", "件次", "人次", "件", "个", "项", "条", "次", "人", "宗", "起", "份")


class _English(dict):
    """English names by id; a row that an added edition defines brings its own."""

    def __missing__(self, row_id: str) -> str:
        from linter import editions

        spec = next((r for r in editions.application_rows() if r.id == row_id), None)
        if spec is None:
            raise KeyError(row_id)
        return spec.english or spec.label


# English names, for messages with --lang en.
ENGLISH: dict[str, str] = _English(
    {
        "new_received": "I. new applications received this year",
        "carried_over": "II. applications carried over from last year",
        "granted": "(1) disclosed",
        "partially_granted": "(2) partly disclosed",
        "withheld.state_secret": "(3)1 state secret",
        "withheld.prohibited_by_law": "(3)2 prohibited by other laws",
        "withheld.three_securities": "(3)3 endangers the 'three securities and one stability'",
        "withheld.third_party": "(3)4 protects third-party rights",
        "withheld.internal_affairs": "(3)5 internal affairs information",
        "withheld.process_information": "(3)6 process information",
        "withheld.enforcement_files": "(3)7 law-enforcement case files",
        "withheld.query_matters": "(3)8 administrative query matters",
        "unavailable.not_held": "(4)1 not held by this agency",
        "unavailable.needs_creation": "(4)2 would have to be created",
        "unavailable.still_unclear": "(4)3 still unclear after correction",
        "not_processed.petition": "(5)1 petitions and complaints",
        "not_processed.repeated": "(5)2 repeated applications",
        "not_processed.publications": "(5)3 requests for publications",
        "not_processed.excessive": "(5)4 excessive repeated applications",
        "not_processed.confirmation": "(5)5 requests to confirm or reissue information",
        "other_handling": "(6) other handling",
        "other_handling.no_correction": "(6)1 no correction in time",
        "other_handling.unpaid_fee": "(6)2 fee not paid in time",
        "other_handling.other": "(6)3 other",
        "outcome_total": "(7) total",
        "carried_forward": "IV. carried forward to next year",
        "natural_person": "natural persons",
        "commercial": "businesses",
        "research": "research institutions",
        "public_interest": "public-interest organisations",
        "legal_services": "legal service providers",
        "other": "other",
        "total": "total",
        "review": "administrative review",
        "litigation_direct": "litigation without prior review",
        "litigation_after_review": "litigation after review",
        "upheld": "upheld",
        "corrected": "corrected",
        "pending": "pending",
    }
)


def row_label_zh(row_id: str) -> str:
    """The format's printed label of a section-三 row, with its numbering."""
    # Asked for every row of every table of every report: worked out once per row and
    # registry version (the registry is looked up once: editions imports this module).
    return _row_label_zh(row_id, registry_version())


def registry_version() -> int:
    """The editions registry's version: what label caches are keyed by."""
    return (_REGISTRY or _registry()).version


_REGISTRY = None


def _registry():
    global _REGISTRY
    from linter.editions import REGISTRY

    _REGISTRY = REGISTRY
    return REGISTRY


@cache
def _row_label_zh(row_id: str, version: int) -> str:
    from linter import editions

    spec = next(r for r in editions.application_rows() if r.id == row_id)
    numbering = spec.numbering
    if numbering.isdigit():
        return (
            f"{APPLICATION_GROUPS[spec.group][1]}{numbering}.{spec.label}"
            if spec.group
            else spec.label
        )
    if numbering in SECTION_NUMERALS:
        return f"{numbering}、{spec.label}"
    return f"{numbering}{spec.label}"


_ROMAN = {"一": "I", "二": "II", "三": "III", "四": "IV"}


def _rows_by_id() -> dict[str, RowSpec]:
    from linter import editions

    return {r.id: r for r in editions.application_rows()}


def row_short(row_id: str, lang: str) -> str:
    """A row's numbering alone: ``一``, ``（一）``, ``（三）1``; in English ``I``, ``(1)``, ``(3)1``."""
    spec = _rows_by_id()[row_id]
    if spec.group:
        parent = APPLICATION_GROUPS[spec.group][1]
        return f"{_paren(parent, lang)}{spec.numbering}"
    return _paren(spec.numbering, lang)


def _paren(numbering: str, lang: str) -> str:
    if lang != "en":
        return numbering
    if numbering in _ROMAN:
        return _ROMAN[numbering]
    inner = numbering.strip("（）")
    return f"({'一二三四五六七八九十'.index(inner) + 1})" if inner else numbering


def compact_rows(row_ids: Sequence[str], lang: str) -> str:
    """Rows named compactly, in the format's order: ``一、二、（三）1–8、（四）1–3``.

    Consecutive sub-items of one group are given as a range.
    """
    from linter import editions

    rows = editions.application_rows()
    by_id = {r.id: r for r in rows}
    order = {r.id: i for i, r in enumerate(rows)}
    ids = sorted(set(row_ids), key=lambda r: order[r])
    parts: list[str] = []
    i = 0
    while i < len(ids):
        spec = by_id[ids[i]]
        j = i
        if spec.group and spec.numbering.isdigit():
            while (
                j + 1 < len(ids)
                and by_id[ids[j + 1]].group == spec.group
                and order[ids[j + 1]] == order[ids[j]] + 1
            ):
                j += 1
        if j > i:
            last = by_id[ids[j]].numbering
            parts.append(f"{row_short(ids[i], lang)}–{last}")
        else:
            parts.append(row_short(ids[i], lang))
        i = j + 1
    return ("、" if lang != "en" else ", ").join(parts)


@cache
def column_label_zh(column_id: str) -> str:
    return _COLUMN_LABELS_ZH[column_id]
