"""Cue lists for section 五, as data.

Problems are introduced as 一是/二是, （一）, “主要表现在”, “存在……不足/问题”; measures as
下一步/下步/今后/将/改进措施/整改, or clauses that start with an action verb (“加强……”,
“一是完善……”). The lists favour precision: a measure cue must look forward or command
an action, so a problem such as “有待进一步加强” is not mistaken for a measure.
"""

from __future__ import annotations

import re

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

# A clause that starts with an action verb (after optional 一是/（一）/1. numbering).
_ACTION_START = re.compile(
    r"(?:^|[。；;：:\n])\s*(?:[一二三四五六七八九十]是|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])?\s*"
    r"(?:进一步|继续|持续|不断|切实|全面|着力|积极)?"
    r"(?:加强|强化|完善|推进|推动|提升|规范|健全|落实|深化|拓宽|拓展|丰富|做好|抓好|加大|优化|创新|坚持|严格|建立|畅通|加快|提高)"
)


def has_problem(text: str) -> bool:
    return any(cue in text for cue in PROBLEM_CUES)


def measure_evidence(text: str) -> str | None:
    """The first cue showing that measures are stated, or None."""
    for cue in MEASURE_HEADINGS:
        if cue in text:
            return cue
    if m := _FORWARD.search(text):
        return m.group(0)
    if m := _ACTION_START.search(text):
        return m.group(0).strip("。；;：:\n ")
    return None
