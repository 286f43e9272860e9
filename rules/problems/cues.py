"""Cue lists for section 五, as data, and the functions that read them.

Problems are introduced as 一是/二是, （一）, “主要表现在”, “存在……不足/问题”; measures as
下一步/下步/今后/将/改进措施/整改, or clauses that start with an action verb (“加强……”,
“一是完善……”). The lists favour precision: a measure cue must look forward or command
an action, so a problem such as “有待进一步加强” is not mistaken for a measure.

Text is read with its whitespace removed first: PDF and PDF-to-markdown conversions
wrap lines in mid-word (“改进措\\n施”), so a line break is never taken as the start of a
clause; numbering (“一是”, “（二）”) and sentence punctuation are.

Every function here was run over section 五 of every real report in the corpus
(``tests/fixtures/corpus_sections``); ``tests/test_rules_problems.py`` pins the outcome
for each of them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

PROBLEM_CUES = (
    "存在的问题",
    "存在问题",
    "主要问题",
    "问题和不足",
    "问题与不足",
    "不足之处",
    "不足",
    "差距",
    "短板",
    "薄弱",
    "有待",
    "还待",
    "尚待",
    "不够",
    "欠缺",
    "不到位",
    "不及时",
    "不充分",
    "不完善",
    "不规范",
    "不平衡",
    "主要表现在",
    "主要表现为",
    "仍需",
    "尚需",
    "还需",
    "亟需",
    "提升空间",
)

MEASURE_HEADINGS = (
    "下一步",
    "下步",
    "下阶段",
    "下一阶段",
    "今后",
    "改进措施",
    "改进情况",
    "改进举措",
    "整改措施",
    "整改情况",
    "整改落实",
    "工作计划",
    "工作打算",
    "努力方向",
)

# 将/拟/计划 followed by an action: a forward-looking statement.
_FORWARD = re.compile(
    r"(?:将|拟|计划|要|准备|着力)(?:进一步|继续|持续|不断|全面|切实|认真|积极|重点)?"
    r"(?:加强|强化|完善|推进|推动|提升|提高|规范|健全|落实|深化|拓宽|拓展|丰富|做好|抓好|加大|优化|创新|坚持|严格|建立|开展|组织|围绕|聚焦|以|把|对|在)"
)

# A clause that starts with an action verb: after sentence punctuation or the start of
# the text, or right after numbering (一是, （一）, 1.), which itself opens a clause.
_ACTION_START = re.compile(
    r"(?:^|[。；;：:！!？?]|[一二三四五六七八九十]是|[（(][一二三四五六七八九十\d]+[）)]|(?<!\d)\d+[.、．])"
    r"(?:进一步|继续|持续|不断|切实|全面|着力|积极)?"
    r"(?:加强|强化|完善|推进|推动|提升|规范|健全|落实|深化|拓宽|拓展|丰富|做好|抓好|加大|优化|创新|坚持|严格|建立|畅通|加快|提高)"
)

# 将 with how or by what first, then the action after a comma: “我局将根据我区部署的具体要求，
# 进一步提高认识”, “将按照上级要求，加大工作力度”.
_FORWARD_AFTER = re.compile(
    r"(?:将|拟|计划|要)(?:继续|进一步|认真|严格)?"
    r"(?:根据|按照|依照|依据|结合|围绕|对照|紧扣|立足|针对|对标)[^。；;！!？?]{0,40}?[，,]"
    r"(?:进一步|继续|持续|不断|切实|全面|着力|积极|认真)?"
    r"(?:加强|强化|完善|推进|推动|提升|提高|规范|健全|落实|深化|拓宽|拓展|丰富|做好|抓好|加大|优化|创新|坚持|严格|建立|开展|查找|畅通|加快)"
)

# “明年，我局将……”, “2021 年，我局将……” in a 2020 report: what is planned for the next
# year. (The year itself only with the report's year.)
_NEXT_YEAR = r"明年|来年|新的一年|新一年"

# “不存在问题”, “未发现明显问题”, “没有突出问题”: the section denies having problems.
_DENIAL = re.compile(
    r"(?:不存在|未发现|没有发现|未出现|没有出现|并无|没有|无)(?:任何|明显|突出|重大|较大|什么)?的?"
    r"(?:问题|不足)"
)

# Answers that say there is nothing: “无。”, “暂无。”, “（无）” (compared without punctuation).
NONE_ANSWERS = frozenset({"无", "暂无", "没有", "无相关情况", "无相关内容", "不存在", "无问题"})

# Section 五 with fewer characters of content than this is as good as empty (PI001).
MIN_CONTENT_CHARS = 30

# --- last year's problems and how they were rectified (PI004) -----------------------

# Phrases that by themselves report on rectification.
RECTIFICATION_PHRASES = (
    "整改情况",
    "整改落实情况",
    "整改成效",
    "已整改",
    "已完成整改",
    "已全部整改",
    "均已整改",
    "完成整改",
    "整改完成",
    "整改完毕",
    "已得到解决",
    "已得到整改",
    "已基本解决",
    "问题的改进情况",
    "问题改进情况",
)

# A reference to last year.
_LAST_YEAR_WORDS = r"上年度|上一年度|上一年|上年|去年|前一年度|前一年|往年"

# Problems of last year: “上年度报告中指出的问题”, “针对2024年工作中存在的主要问题”.
_PROBLEM_WORDS = r"问题|不足|短板|差距|薄弱"


@lru_cache(maxsize=64)  # three rules ask about the same section text
def normalise(text: str) -> str:
    """The text with whitespace removed and full-width digits made ASCII."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", "", text)


def denial_evidence(text: str) -> re.Match[str] | None:
    """The first phrase denying that there are problems (“不存在问题”), on ``text`` as is."""
    return _DENIAL.search(text)


def has_problem(text: str) -> bool:
    """Whether problems are stated (a denial such as “不存在问题” does not count)."""
    body = _DENIAL.sub("", normalise(text))
    return any(cue in body for cue in PROBLEM_CUES)


def measure_evidence(text: str, year: int | None = None) -> str | None:
    """The first cue showing that measures are stated, or None. With ``year`` (the
    report year), “{year+1}年，……将” is a plan for the next year too."""
    body = normalise(text)
    for cue in MEASURE_HEADINGS:
        if cue in body:
            return cue
    if m := _FORWARD.search(body):
        return m.group(0)
    if m := _ACTION_START.search(body):
        return m.group(0)
    if m := _FORWARD_AFTER.search(body):
        return m.group(0)
    nxt = _NEXT_YEAR if year is None else rf"{_NEXT_YEAR}|(?<!\d){year + 1}年度?"
    if m := re.search(rf"(?:{nxt})[，,]?[^。；;]{{0,12}}?(?:将|拟|计划)", body):
        return m.group(0)
    return None


@lru_cache(maxsize=64)
def content_length(text: str) -> int:
    """Characters of content: no whitespace, no punctuation."""
    return sum(
        1 for ch in normalise(text) if not unicodedata.category(ch).startswith(("P", "S", "Z", "C"))
    )


def is_none_answer(text: str) -> bool:
    """“无。”, “暂无”, “（无）” and the like: the section says there is nothing."""
    body = "".join(ch for ch in normalise(text) if not unicodedata.category(ch).startswith("P"))
    return body in NONE_ANSWERS


def rectification_evidence(text: str, year: int | None, *, strong_only: bool = False) -> str | None:
    """The first cue showing that last year's problems and their rectification are reported.

    With ``year`` (the report year), “{year-1}年……问题” counts as a reference to last year
    (上海 2025: “（一）2024 年工作中存在问题的改进情况”). ``strong_only`` keeps only that
    explicit past-year pattern, for text outside section 五 where “整改情况” usually means
    the follow-up of this year's inspections.
    """
    body = normalise(text)
    past = _LAST_YEAR_WORDS
    if year is not None:
        past = rf"{past}|(?<!\d){year - 1}年度?"
    if m := re.search(rf"(?:{past})[^。；;]{{0,30}}?(?:{_PROBLEM_WORDS})", body):
        return m.group(0)
    if strong_only:
        return None
    for phrase in RECTIFICATION_PHRASES:
        if phrase in body:
            return phrase
    return None
