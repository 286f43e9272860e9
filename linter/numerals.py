"""Numbers as reports write them: Arabic (``1295``, ``3,119``, ``1.2万``) and Chinese numerals
(``一千二百九十九``, ``两千零五``, ``十二``), read exactly.

Why not ``cn2an`` (PyPI): its strict mode rejects 两 (两千零五), its normal mode accepts
abbreviated and digit-by-digit forms whose value is ambiguous (一万二 → 12000, 一二三 → 123),
and importing it costs ~95 ms in every worker. Reports write figures in full; a form that is
not a complete, unambiguous numeral is refused (None), never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from linter.textnorm import MAX_NUMBER_DIGITS  # as for table cells

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNITS = {"万": 10_000, "亿": 100_000_000}

# A run of Chinese numeral characters (the caller decides whether it stands as a figure).
CHINESE_RUN = "[零〇一二两三四五六七八九十百千万亿]+"
# An Arabic figure: thousands separators, an optional decimal part, an optional 万/亿.
ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# Either, as one regex source (no groups).
NUMBER_SOURCE = rf"(?:(?:{ARABIC})[万亿]?|{CHINESE_RUN})"


def chinese_to_int(text: str) -> int | None:
    """The value of a complete Chinese numeral, or None when it is not one.

    Accepted: 零, 十二 (a leading 十), 一千二百九十九, 两千零五, 一千零五十, 三万四千,
    一万零五百, 两亿. Refused: abbreviations (一万二, 一千五), digit strings (一二三),
    a skipped place without 零 (一千五十), 两 before 十 or as the last digit of a longer
    number (两十, 十两), doubled units (一百百).
    """
    if text in ("零", "〇"):
        return 0
    return _grouped(
        text,
        "亿",
        _LARGE_UNITS["亿"],
        lambda part, leading: _grouped(part, "万", 10_000, _below_10000, leading),
        True,
    )


def _grouped(
    text: str,
    unit_char: str,
    unit: int,
    below_unit: Callable[[str, bool], int | None],
    leading: bool,
) -> int | None:
    """``head`` 万/亿 ``rest``: each part read by ``below_unit``; a rest under a tenth of the
    unit needs its 零 (一万零五百) and a 零 needs such a rest, so 一万二 and 一万五百 are refused."""
    if text.count(unit_char) > 1:
        return None
    if unit_char not in text:
        return below_unit(text, leading) if text else None
    head, rest = text.split(unit_char, 1)
    value = below_unit(head, leading)
    if not value:
        return None
    if not rest:
        return value * unit
    zero = rest[0] in "零〇"
    below = below_unit(rest[1:] if zero else rest, False)
    if below is None or zero != (below < unit // 10):
        return None
    return value * unit + below


def _below_10000(text: str, leading: bool) -> int | None:
    """A numeral under 10000 written in full: 一千零五, 二百一十, 十二 (only when ``leading``)."""
    items: list[tuple[int, int, bool]] = []  # (digit, place, 零 before it)
    i, zero = 0, False
    if leading and text.startswith("十"):
        items.append((1, 10, False))
        i = 1
    while i < len(text):
        ch = text[i]
        if ch in "零〇":
            if zero or not items:
                return None
            zero, i = True, i + 1
            continue
        digit = DIGITS.get(ch)
        if not digit:
            return None
        unit = text[i + 1] if i + 1 < len(text) else ""
        if unit in _SMALL_UNITS:
            place, i = _SMALL_UNITS[unit], i + 2
        elif unit == "":
            place, i = 1, i + 1
        else:
            return None  # 一二三: digits without places
        if ch == "两" and (place == 10 or (place == 1 and items)):
            return None
        items.append((digit, place, zero))
        zero = False
    if zero or not items:
        return None
    for (_, before, _), (_, place, zeroed) in zip(items, items[1:], strict=False):
        if place >= before or zeroed != (place < before // 10):
            return None  # out of order; a skipped place needs 零, 零 needs a skipped place
    return sum(digit * place for digit, place, _ in items)


_ARABIC_FULL = re.compile(rf"^(?:{ARABIC})$")


def parse_number(text: str) -> int | Decimal | None:
    """A figure as printed: ``1295``, ``3,119``, ``1.2万`` (12000), ``4166.214619``,
    ``一千二百九十九``. An integer when the value is whole, else a Decimal; None when the text
    is not a complete figure (``两千余`` is for the caller: 余 is not part of the number)."""
    if not text:
        return None
    multiplier = 1
    body = text
    if body[-1] in _LARGE_UNITS and _ARABIC_FULL.match(body[:-1] or "x"):
        multiplier = _LARGE_UNITS[body[-1]]
        body = body[:-1]
    if _ARABIC_FULL.match(body):
        if sum(ch.isdigit() for ch in body) > MAX_NUMBER_DIGITS:
            return None  # not a figure: its digits cannot even be printed back (int limit)
        try:
            value = Decimal(body.replace(",", "")) * multiplier
        except InvalidOperation:
            return None
        return int(value) if value == value.to_integral_value() else value
    return chinese_to_int(text)
