"""The terms the WD rules know, as data: the format's own labels (:mod:`linter.labels`) and
the statute's terms, and the real words that must never be taken for a misspelt term.

A term is matched by edit distance one (WD001) on term-sized windows. Precision first:
terms shorter than four characters are not matched (two- and three-character words differ
by one character from too many real words), and the edit must be inside the term — not its
first or last character, whose change usually makes another real phrase (予以公开 →
予以公布, 依申请公开 → 申请公开). A four-character term differs by one inner character
from real words too (行政复议 → 行政会议, 行政强制 → 行政体制): it is matched only with a
character inserted (行政法复议) or with one of the characters commonly confused with its
own (:data:`CONFUSABLE`: 不予公开 → 不于公开, 不子公开).
"""

from __future__ import annotations

import re

from linter import editions
from linter import labels as L

MIN_TERM = 4
MAX_TERM = 12

# 《中华人民共和国政府信息公开条例》 (2019) and the format's wording beyond its labels.
STATUTE_TERMS = (
    "政府信息公开",
    "政府信息公开工作年度报告",
    "依申请公开",
    "主动公开",
    "政府信息公开申请",
    "行政规范性文件",
    "信息处理费",
    "行政执法案卷",
    "过程性信息",
    "内部事务信息",
    "政府门户网站",
    "政务公开",
    "保密审查",
    "国家秘密",
    "商业秘密",
    "个人隐私",
    "行政复议",
    "行政诉讼",
    "予以公开",
    "部分公开",
    "不予公开",
    "无法提供",
    "不予处理",
    "其他处理",
    "结转下年度继续办理",
    "上年结转",
    "行政事业性收费",
    "政府集中采购",
)

# Characters mistyped for one another (same sound or similar shape), for four-character terms.
CONFUSABLE = {
    "予": "于子矛与",
    "议": "义仪意",
    "讼": "松颂送",
    "复": "夏覆服",
    "诉": "拆斥",
    "理": "里礼",
    "开": "升并",
    "秘": "必泌",
    "密": "蜜",
    "以": "已",
    "提": "题",
    "供": "共",
    "结": "接节",
    "转": "传",
    "审": "申",
    "维": "唯",
    "纠": "究",
    "政": "正证",
    "息": "习",
    "务": "物",
}

# Characters whose insertion makes a phrase, not a misspelling (行政诉讼的情况, 上年度结转).
FUNCTION_CHARS = frozenset("的地得之和与及或等类度年了中内各其在对向为被所")

# Real words and phrases within one edit of a term: never reported. Grown from the corpus.
REAL_WORDS = (
    "行政法规",
    "公开栏",
    "复议机关",
    "行政复议机关",
    "政务公开",
    "政府公开",
    "信息公开",
    "予以公布",
    "不予公布",
    "依法公开",
    "依规公开",
    "主动公布",
    "政府信息公告",
    "部分公示",
    "行政规范",
    "行政复核",
    "行政诉求",
    "政府网站",
    "政府门户",
    "政府公告",
    "国家机密",
    "商业机密",
    "不予以公开",
    "予以以公开",
    "重新申请",
    "过程中信息",
    "政务信息",
    # “未经复议直接诉讼0件，复议后诉讼0件” (a 2020 市人社局 report): 诉讼, not 起诉 misspelt
    "直接诉讼",
    "后诉讼",
    # “通过琼海市政府网信息公开目录主动公开” (a 2019 镇's report): the government's web site
    # (政府网), then 信息公开, not 政府信息公开 misspelt
    "政府网",
    # “共收取行政事业性费用0元” (a 2024 乡 report): the fees themselves, not 收费 misspelt
    "行政事业性费用",
)

_PIECES = re.compile(r"[\u4e00-\u9fff]+")

# The format's own labels that are terms (not phrases) and are written in running text: the
# outcome rows of section 三 and the items of section 二. The section headings are compared
# whole (:data:`HEADINGS`).
LABEL_TERMS = tuple(
    label
    for label in (
        *(name for name, _ in L.APPLICATION_GROUPS.values()),
        *(r.label for r in L.APPLICATION_ROWS if r.id in ("granted", "carried_over")),
        "部分公开",
        "结转下年度继续办理",
        *(c.label for c in L.REVIEW_GROUPS),
        *(
            r.label
            for e in editions.all_editions()
            for item in e.article20_items
            for r in item.rows
        ),
    )
    if MIN_TERM <= len(label) <= MAX_TERM and _PIECES.fullmatch(label)
)

# The section headings of the format, without their numbering: a heading is compared whole.
HEADINGS = {s.number: s.heading for s in L.SECTIONS}


# Labels that are phrases, or too long to be written in running text.
NOT_TERMS = ("本年度办理结果", "其他处理", "其他对外管理服务事项")


def _terms() -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for t in (*LABEL_TERMS, *STATUTE_TERMS) if t not in NOT_TERMS))


TERMS: tuple[str, ...] = _terms()
