"""Who issued a report: a 人民政府 (its own report, deadline 3月31日) or a 部门 (1月31日).

Inferred from the agency name only when the name says so plainly; otherwise unknown,
and rules that need it stay silent (configure ``issuer-kind`` for a whole batch).
Reporters group reports by it too (the HTML audit's heatmap, the 通报's scope).
"""

from __future__ import annotations

import re

from linter.textnorm import compact

# The office of a government publishes its own (department) report: 办公厅/办公室 first.
_DEPARTMENT = re.compile(
    r"(办公厅|办公室|局|委员会|委|厅|部|署|中心|办|院|所|馆|站|队|处|科|分局|街道办事处|集团|公司|银行)$"
)
_GOVERNMENT = re.compile(r"(人民政府|人民政府\(本级\))$")

ISSUER_KIND_NAMES = {
    "government": ("人民政府", "government"),
    "department": ("部门", "department"),
    "township": ("乡镇街道", "township"),
    "other": ("其他", "other"),
    None: ("未知", "unknown"),
}


# A zone's 管理委员会 (开发区, 高新区, 实验区 …): a government's 派出机构, neither a
# 县级以上人民政府部门 nor a 人民政府; its deadline is the locality's (CHECKS.md PUB-01).
_ZONE_COMMITTEE = re.compile(
    r"(开发区|高新区|新区|园区|实验区|试验区|保税区|合作区|示范区|经济区|自贸区|港区|度假区|旅游区)"
    r"(管理委员会|管委会)$"
)


def infer_issuer_kind(agency: str | None) -> str | None:
    if not agency:
        return None
    name = compact(agency)
    if _ZONE_COMMITTEE.search(name):
        return None
    if _DEPARTMENT.search(name):
        return "department"
    if _GOVERNMENT.search(name):
        return "government"
    return None
