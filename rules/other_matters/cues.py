"""Cues for section 六 and the 信息处理费, as data, and the functions that read them.

What counts (OM001): a sentence states the fee collected when it names the fee
(信息处理费, 处理费, 收费, 收取……费用, or 免费/免收 said of applications or information) and either gives an amount (“3940 元”,
“0 元”) or says none was collected (“未收取”, “无收取信息处理费情况”, “未产生信息处理费”,
“不涉及收费”). Naming the fee rules alone (“严格落实《政府信息公开信息处理费管理办法》”)
says nothing about what was collected, so titles in 《》 are removed before matching, and
so is 行政事业性收费 (section 二's item (8), another fee).

What counts as reporting fee notices (OM002): 收费通知 / 缴费通知 / 缴纳通知 / 收取通知 (书),
or 通知 … 缴纳/缴费. A notice sentence that denies notices (“未发出收费通知”) is kept apart,
and a count is read when it is printed beside the notice (“发出收费通知 6 件”, “发出 6 份
缴费通知书”).

Text is read with its whitespace removed (PDF extractions wrap lines mid-word, “管理办\\n法》”);
sentences end at 。；;！？. Every function here was run over section 六 of every real report in
the corpus; ``tests/test_rules_other_matters.py`` pins the outcome for each of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from linter.textnorm import compact

# Removed before matching: titles of documents, and the other fee of the report.
IGNORED = (r"《[^》]*》", r"〈[^〉]*〉", r"行政事业性收费")

# Words that name the fee (or charging at all).
FEE_TERMS = (
    r"信息处理费",
    r"处理费",
    r"收费",
    r"收取[^。，,]{0,8}费用",
    # Free of charge, said of applications or information (not “公报免费发放”).
    r"(?:申请|信息)[^。，,]{0,10}免(?:费|收)",
)

# “None was collected”: a negation before collecting/arising, or before the fee itself.
NONE_COLLECTED = (
    r"(?:未|无|没有|不|零)(?:收取|收费|征收|产生|发生|涉及)",
    r"(?:未|无|没有)[^。，,]{0,4}(?:信息处理费|处理费)",
    r"(?:信息处理费|处理费|收费)[^。]{0,10}(?:为零|为0(?![\d.])|[:：]无)",
    r"免费|免收",
)

# An amount in 元 or 万元.
AMOUNT = r"(?<![\d.])(\d[\d,]*(?:\.\d+)?)(万元|元)"

NOTICE_TERMS = (
    r"(?:收费|缴费|缴纳|收取|交费|付费)[^。，,]{0,2}(?:通知|告知)",
    r"通知[^。，,]{0,8}(?:缴纳|缴费|交费|付费)",
)
# “No notice was issued” — the negation bound to an issuing verb or to the notice itself, so
# that the row label's “逾期未按收费通知要求缴纳费用” is not read as a denial.
NOTICE_DENIED = (
    r"(?:未|没有|无)(?:向[^。，,]{0,6})?(?:发出|下发|送达|出具|制发|开具|发送)?(?:任何)?"
    r"(?:信息处理费)?(?:收费|缴费|缴纳|交费|付费)(?:通知|告知)",
)
NOTICE_COUNT = (
    r"(?:通知|告知)书?[^。，,\d]{0,6}(\d+)(?:件|份|次|个)",
    r"(?:发出|下发|送达|出具|制发)[^。，,\d]{0,4}(\d+)(?:件|份|次|个)[^。，,]{0,8}(?:通知|告知)",
)

_IGNORED = re.compile("|".join(IGNORED))
_SPACE = re.compile(r"[\s\u3000\u00a0\ufeff\u200b]+")
_SENTENCE = re.compile(r"[^。；;！!？?]+[。；;！!？?]?")
_FEE = re.compile("|".join(FEE_TERMS))
_NONE = re.compile("|".join(NONE_COLLECTED))
_AMOUNT = re.compile(AMOUNT)
_NOTICE = re.compile("|".join(NOTICE_TERMS))
_NOTICE_DENIED = re.compile("|".join(NOTICE_DENIED))
_NOTICE_COUNT = re.compile("|".join(NOTICE_COUNT))


@dataclass(frozen=True)
class FeeStatement:
    """The sentence that states the fee: ``none`` collected, or an ``amount`` (as printed)."""

    sentence: str
    kind: str  # "none" or "amount"
    amount: str | None = None  # "3940元", "0元"


@dataclass(frozen=True)
class NoticeStatement:
    """The sentence that reports fee notices; ``denied`` when it says none were issued."""

    sentence: str
    denied: bool = False
    count: int | None = None


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` as printed, whitespace removed (to quote in messages)."""
    return [s for s in _SENTENCE.findall(_SPACE.sub("", text)) if s.strip("。；;！!？?")]


def _bare(sentence: str) -> str:
    """The sentence as matched: widths unified, titles and 行政事业性收费 removed."""
    return _IGNORED.sub("", compact(sentence))


def fee_statement(text: str) -> FeeStatement | None:
    """The first sentence that says what 信息处理费 was collected (an amount, or none)."""
    for sentence in sentences(text):
        bare = _bare(sentence)
        if not _FEE.search(bare):
            continue
        if _NONE.search(bare):
            return FeeStatement(sentence, "none")
        if m := _AMOUNT.search(bare):
            return FeeStatement(sentence, "amount", m.group(0))
    return None


def notice_statement(text: str) -> NoticeStatement | None:
    """The first sentence that reports fee notices (收费通知 …), denied or not, with a count."""
    for sentence in sentences(text):
        bare = _bare(sentence)
        if _NOTICE_DENIED.search(bare):
            return NoticeStatement(sentence, denied=True)
        if not _NOTICE.search(bare):
            continue
        m = _NOTICE_COUNT.search(bare)
        count = int(next(g for g in m.groups() if g)) if m else None
        return NoticeStatement(sentence, count=count)
    return None
