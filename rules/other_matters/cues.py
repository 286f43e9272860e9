"""Cue lists for section 六 and the 信息处理费, as data.

A statement about the fee counts whether it says an amount was collected or that none
was ("未收取", "无收取信息处理费情况", "未产生信息处理费"); a fee notice is reported
when the text speaks of 收费通知/缴费通知 or of notices and the fee together.
"""

from __future__ import annotations

import re

from linter.textnorm import compact

FEE_CUES = (
    "信息处理费",
    "处理费",
    "信息公开处理费",
    "收取费用",
    "收费情况",
    "未收费",
    "不收费",
    "未收取",
    "收取…费",
)
_FEE = re.compile(r"信息处理费|处理费|收取.{0,6}费用?|未收费|不收费|未产生.{0,6}费")

_NOTICE = re.compile(
    r"收费通知|缴费通知|缴纳通知|通知.{0,8}缴(?:纳|费)|发出.{0,10}(?:通知书?).{0,10}费|费.{0,10}通知"
)


def states_fee(text: str) -> bool:
    """The text says something about the 信息处理费 (an amount, or that none was collected)."""
    return bool(_FEE.search(compact(text)))


def mentions_fee_notice(text: str) -> bool:
    return bool(_NOTICE.search(compact(text)))
