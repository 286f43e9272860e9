"""Who issued a report: a 人民政府 (its own report, deadline 3月31日), a 部门 (1月31日), or a
乡镇/街道 or 派出机构 (no deadline in the statute: the local rule, given as configuration).

Inferred from the agency name only when the name says so plainly; otherwise unknown,
and rules that need it stay silent (configure ``issuer-kind`` for a whole batch).
Reporters group reports by it too (the HTML audit's heatmap, the 通报's scope).

条例第四十九条 sets deadlines for 县级以上人民政府部门 and for the 本级政府 report of 县级以上地方
人民政府 only. A 乡/镇人民政府 or a 街道办事处 is neither (CHECKS.md PUB-01: they follow the local
rule): it is ``township``, for which no deadline is assumed. A zone's 管理委员会 (a 派出机构)
publishes as a department in one place and as its area's government in another (平潭综合实验区
管委会 publishes the area's own report): unknown.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from linter.textnorm import compact

if TYPE_CHECKING:
    from linter.model import Report

# The office of a government publishes its own (department) report: 办公厅/办公室 first.
_DEPARTMENT = re.compile(
    r"(办公厅|办公室|局|委员会|委|厅|部|署|中心|办|院|所|馆|站|队|处|科|分局|集团|公司|银行)$"
)
_GOVERNMENT = re.compile(r"(人民政府|(?:乡|镇|苏木)政府)(?:\(本级\))?$")
# A township's government (乡, 民族乡, 镇, 苏木 — Inner Mongolia's township) or a street office.
_TOWNSHIP = re.compile(r"((?:乡|镇|苏木)(?:人民)?政府|街道(?:办事处|办)?)(?:\(本级\))?$")

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
    if _TOWNSHIP.search(name):
        return "township"
    if _ZONE_COMMITTEE.search(name):
        return None
    if _DEPARTMENT.search(name):
        return "department"
    if _GOVERNMENT.search(name):
        return "government"
    return None


def issuer_kind(
    report: Report, configured: str | None = None, agency: str | None = None
) -> str | None:
    """The kind of the report's issuer: the manifest's, else the configured one (the
    ``issuer-kind`` of a whole batch), else inferred from the agency's name (the report's
    own, or ``agency`` when a rule has read a better one, e.g. from the title)."""
    return (
        report.metadata.get("issuer_kind")
        or configured
        or infer_issuer_kind(report.agency.value if agency is None else agency)
    )


def is_people_government(agency: str | None) -> bool:
    """The agency is a 人民政府 at any level (条例第五十条第（四）项's 各级人民政府), 乡镇 included
    (a 镇政府 is its 镇人民政府 named short)."""
    return bool(agency) and _GOVERNMENT.search(compact(agency or "")) is not None
