"""Cue lists of the structure rules, as data.

Every list was run over the real reports of the corpus (``tests/fixtures/corpus_sections``
and ``tests/fixtures/text``); ``tests/test_rules_structure.py`` pins the outcome for each.
The lists are tolerant on purpose: a rule that says a topic is missing must be sure, so any
plausible wording of the topic counts as touching it.
"""

from __future__ import annotations

import re

# --- ST004: the report's name ---------------------------------------------------------

# The statutory name (条例第四十九条、第五十条), compared after removing whitespace.
REPORT_NAME = "政府信息公开工作年度报告"

# --- ST005: 统计期限 ------------------------------------------------------------------

# A year is read as printed, digits that are too many included (“至202020年12月31日”, a
# 2020 镇人民政府 report's slip): the rule says a year that is not four digits is misprinted.
_DATE = r"(\d{4,8})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
STATISTICS_PERIOD = re.compile(
    r"统\s*计\s*(?:期\s*限|时\s*限|期\s*间|时\s*段|区\s*间|时\s*间\s*段|时\s*间|周\s*期)"
    r"[^。；;\d]{0,12}?"
    + _DATE
    + r"[^。；;\d]{0,6}?(?:至|到|—|－|-|～|~)\s*(?:(\d{4,8})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日"
)

# --- ST006: template residue ------------------------------------------------------------

# (sub_id, pattern, what it is): instructions of the fill-in templates left in the report.
TEMPLATE_RESIDUE: tuple[tuple[str, re.Pattern[str], str, str], ...] = (
    (
        "text-description",
        re.compile(r"[（(]\s*文字描述[^）)]{0,60}[）)]?"),
        "模板提示“（文字描述）”",
        "the template prompt '（文字描述）' (text description)",
    ),
    (
        "writing-note",
        re.compile(r"编写说明\s*[:：]|[（(]\s*编写说明"),
        "模板的“编写说明”",
        "the template's 编写说明 (writing note)",
    ),
    (
        "url-placeholder",
        re.compile(r"[（(]\s*具体网址\s*[）)]"),
        "占位符“（具体网址）”",
        "the placeholder '（具体网址）' (the actual web address)",
    ),
    (
        "fill-here",
        re.compile(r"此处填写"),
        "模板提示“此处填写”",
        "the template prompt '此处填写' (fill in here)",
    ),
    (
        "placeholder-xx",
        # XX / ×× / ＸＸ standing for a name or a number (“XX局”, “共XX件”, “20XX年”),
        # not Latin text (“XXL”, “xxgk” in a web address).
        re.compile(
            r"(?<=[\u4e00-\u9fff（(“：:])(?:X{2,}|×{2,}|Ｘ{2,})(?![A-Za-z])"
            r"|(?<![A-Za-z0-9Ａ-Ｚａ-ｚ])(?:X{2,}|×{2,}|Ｘ{2,})(?=\s*[\u4e00-\u9fff])"
            r"|(?<!\d)\d{2}(?:X{2}|×{2}|Ｘ{2})(?=\s*年)"
        ),
        "占位符“XX/××”",
        "the placeholder 'XX/××'",
    ),
)
# Every residue above contains one of these: a text without any holds none (one search
# per paragraph instead of one per pattern).
TEMPLATE_RESIDUE_TRIGGER = re.compile(r"文字描述|编写说明|具体网址|此处填写|XX|××|ＸＸ")

# --- ST007: the five topics of 一、总体情况 (30号: 主动公开、依申请公开、政府信息管理、
# 政府信息公开平台建设、监督保障) --------------------------------------------------------

OVERVIEW_TOPICS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("主动公开", "proactive disclosure", ("主动公开", "主动发布")),
    (
        "依申请公开",
        "disclosure on application",
        ("依申请", "信息公开申请", "公开申请", "申请公开"),
    ),
    (
        "政府信息管理",
        "government information management",
        (
            "信息管理",
            "公开属性",
            "保密审查",
            "发布审查",
            "审核发布",
            "发布审核",
            "先审后发",
            "三审三校",
            "源头认定",
            "文件清理",
            "规范性文件库",
            "公开目录",
            "公开指南",
        ),
    ),
    (
        "政府信息公开平台建设",
        "disclosure platforms",
        (
            "平台建设",
            "公开平台",
            "政府网站",
            "门户网站",
            "政务新媒体",
            "新媒体",
            "政府公报",
            "公开专栏",
            "公开专区",
            "网站",
        ),
    ),
    (
        "监督保障",
        "supervision and safeguards",
        (
            "监督",
            "考核",
            "培训",
            "保障",
            "评议",
            "督查",
            "督导",
            "问责",
            "责任追究",
            "追究",
            "检查",
            "评估",
        ),
    ),
)

# --- ST008: 工作考核、社会评议和责任追究结果情况 (条例第五十条第（四）项) -------------------

ACCOUNTABILITY_ITEMS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("工作考核", "performance assessment", ("考核", "考评")),
    (
        "社会评议",
        "public evaluation",
        (
            "评议",
            "社会评价",
            "公众评价",
            "群众评价",
            "社会评估",
            "第三方评估",
            "满意度测评",
            "满意度调查",
        ),
    ),
    ("责任追究", "accountability", ("责任追究", "追究责任", "追责", "问责", "追究")),
)


def missing_topics(
    text: str, topics: tuple[tuple[str, str, tuple[str, ...]], ...]
) -> list[tuple[str, str]]:
    """The (Chinese, English) names of the topics none of whose cues occurs in ``text``."""
    body = re.sub(r"\s+", "", text)
    return [(zh, en) for zh, en, cues in topics if not any(cue in body for cue in cues)]
