"""Normalising printed labels and numbers (FORMATS.md §6: reader notes)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from linter.labels import PLACEHOLDERS, UNITS
from linter.traditional import SIMPLIFIED, TRADITIONAL

_SPACE = re.compile(r"[\s\u3000\u00a0\ufeff\u200b]+")
# Quotes removed, traditional characters read as simplified (linter.traditional).
_QUOTES = str.maketrans(TRADITIONAL, SIMPLIFIED, "“”‘’\"'「」『』〝〞")
_NUMBERING = re.compile(
    r"^\s*(?:"
    r"(?P<cn>[一二三四五六七八九十]{1,3})\s*[、.．,，:：]"
    r"|[（(]\s*(?P<pcn>[一二三四五六七八九十]{1,3})\s*[）)]\s*[、.．]?"
    r"|[（(]\s*(?P<pnum>\d{1,2})\s*[）)]\s*[、.．]?"
    r"|(?P<num>\d{1,2})\s*(?:[、.．,，:：)）]|\s(?=\D))"
    r")\s*"
)


# Kangxi radicals (U+2F00–U+2FD5) look exactly like the ideographs they stand for and are
# what PDF text extraction gives for many fonts' glyphs (PyMuPDF: "⼀、总体情况" with U+2F00);
# text copied from such a PDF into a page or a document keeps them. Read as the ideographs.
RADICAL = re.compile("[\u2f00-\u2fd5]")
_RADICALS = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)}


def unify_radicals(text: str) -> str:
    """``text`` with each Kangxi radical as its ideograph (one character for one: offsets
    into the text stay right)."""
    return text.translate(_RADICALS) if RADICAL.search(text) else text


def nfkc(text: str) -> str:
    """Full-width letters, digits and punctuation to their ASCII forms."""
    return unicodedata.normalize("NFKC", text)


@lru_cache(maxsize=4096)
def compact(text: str) -> str:
    """Whitespace (incl. line breaks inside labels), quotes removed; widths unified;
    traditional characters as simplified (“總體情況” is “总体情况”)."""
    return _SPACE.sub("", nfkc(text)).translate(_QUOTES)


class _Punctuation(dict):
    """Code point → None for a punctuation character (Unicode category P*), → itself for
    any other, for ``str.translate``: filled as characters are met (one C pass over a text
    instead of a category lookup per character in Python)."""

    def __missing__(self, code: int) -> int | None:
        kept = self[code] = None if unicodedata.category(chr(code)).startswith("P") else code
        return kept


_PUNCTUATION = _Punctuation()


def strip_punctuation(text: str) -> str:
    return text.translate(_PUNCTUATION)


@lru_cache(maxsize=4096)
def key(text: str) -> str:
    """The matching key of a label: no spaces, quotes, punctuation; half-width."""
    return strip_punctuation(compact(text))


@dataclass(frozen=True)
class Numbered:
    numbering: str  # normalised: "一", "（三）", "1", or ""
    body: str  # the label without its numbering


@lru_cache(maxsize=4096)
def split_numbering(text: str) -> Numbered:
    """Split ``（三）不予公开`` / ``1.属于国家秘密`` / ``1、…`` / ``一、…`` into numbering and body."""
    m = _NUMBERING.match(text)
    if not m:
        return Numbered("", text.strip())
    if m.group("cn"):
        numbering = m.group("cn")
    elif m.group("pcn"):
        numbering = f"（{m.group('pcn')}）"
    else:
        numbering = str(int(m.group("pnum") or m.group("num")))
    return Numbered(numbering, text[m.end() :].strip())


@lru_cache(maxsize=16384)
def similarity(a: str, b: str) -> float:
    """How alike two labels are (0–1). Cached: a batch compares the same printed labels
    with the format's in every report (8,000 comparisons per 300 reports, most repeats)."""
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


# --- numbers ---------------------------------------------------------------------------

# Minus signs as typed: the minus, full-width hyphen, hyphens, and the en and em dashes
# (“–3”, “—3” in a 本年增/减 column). A dash alone is a placeholder either way.
_MINUS = str.maketrans({"−": "-", "－": "-", "﹣": "-", "‐": "-", "‑": "-", "–": "-", "—": "-"})
_NOTE = re.compile(r"[（(][^（）()]*[）)]")
_UNIT_RE = "|".join(map(re.escape, UNITS))
# An amount may carry a currency sign (“￥180000”; NFKC makes “￥” “¥”), which says
# nothing of its unit.
_NUMBER = re.compile(
    r"^(?P<sign>[+-])?\s*¥?\s*(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?\s*"
    rf"(?P<unit>{_UNIT_RE})?$"
)


# A sign written as a word before the number (“减3”, “减少3”, “负3”, “增加3” in a
# 本年增/减 column): the number is read with its sign, the word kept as the cell's note.
_WORDED_SIGN = re.compile(r"^(?P<word>减少|减|负|增加|新增|增)\s*(?=[\d¥])")
_NEGATIVE_WORDS = ("减少", "减", "负")

# Figures printed in a form that holds a number the tool does not read as one (the rules
# say so at warning level, not “not a number”): in units of 万 (“1.2万”, a rounded figure
# as often as not), or wholly in brackets (“(3)”: an accountant's negative, or a number
# merely bracketed: which, the cell does not say).
_IN_WAN = re.compile(r"^[+-]?\d+(?:\.\d+)?万(?:件次|人次|件|个|项|条|次|人|宗|起|份)?$")
_BRACKETED = re.compile(r"^[（(][+-]?\d[\d,]*(?:\.\d+)?[）)]$")
# Figures apart in one cell (“821 35”: a converter that ran two columns' cells together,
# markitdown on a table without borders), not a number grouped in thousands (“1 234”):
# one number or two, the cell does not say.
_FIGURES_APART = re.compile(r"^\d+(?:\s+\d+)+$")
_THOUSANDS_APART = re.compile(r"^\d{1,3}(?:\s\d{3})+$")
UNREAD_FORMS = {
    "apart": (
        "格内有以空格隔开的几组数字，是一个数还是几格的数字被合在一格（如转换时两列合并）无法确定，未按数字读取",
        "holds figures apart (one number, or two columns' figures run together by a "
        "conversion: which, the cell does not say), so it was not read as a number",
    ),
    "wan": (
        "以“万”为单位书写，是约数还是准确数无法确定，未按准确数字读取",
        "is written in units of 万 (ten thousand): whether it is rounded cannot be told, "
        "so it was not read as an exact figure",
    ),
    "bracketed": (
        "数字写在括号内，是表示负数还是仅加了括号无法确定，未按数字读取",
        "is a number in brackets: whether that means a negative or only brackets cannot be "
        "told, so it was not read as a number",
    ),
}


def unread_form(text: str) -> str | None:
    """The key in :data:`UNREAD_FORMS` of a figure printed in a form that is read as text
    though it holds a number (“1.2万”, “(3)”), else None."""
    spaced = _SPACE.sub(" ", nfkc(text)).strip()
    if _FIGURES_APART.match(spaced) and not _THOUSANDS_APART.match(spaced):
        return "apart"
    t = _SPACE.sub("", nfkc(text).translate(_MINUS)).replace("，", ",")
    if _IN_WAN.match(t):
        return "wan"
    if _BRACKETED.match(t):
        return "bracketed"
    return None


@dataclass(frozen=True)
class ParsedCell:
    state: str  # number, blank, placeholder, text
    value: int | float | None = None
    unit: str | None = None
    note: str | None = None


# Digits a printed number may have and still be read as one.
MAX_NUMBER_DIGITS = 30


@lru_cache(maxsize=4096)
def parse_cell(text: str) -> ParsedCell:
    """Read a printed cell: ``0``, ``１２``, ``-3``, ``减3``, ``1,234``, ``180000元``,
    ``22（其中修订16件）``."""
    t = _SPACE.sub(" ", nfkc(text).translate(_MINUS)).strip()
    if not t:
        return ParsedCell("blank")
    if t.lower() in PLACEHOLDERS:
        return ParsedCell("placeholder")
    note = None
    notes = _NOTE.findall(t)
    if notes:
        rest = _NOTE.sub("", t).strip()
        if rest:
            note = " ".join(notes)
            t = rest
    if _FIGURES_APART.match(t) and not _THOUSANDS_APART.match(t):
        return ParsedCell("text")  # figures apart: one number or two (``unread_form``)
    t = t.replace(" ", "").replace("，", ",")
    worded = _WORDED_SIGN.match(t)
    if worded and not t[worded.end() :].startswith(("+", "-")):
        note = " ".join(filter(None, (worded.group("word"), note)))
        t = ("-" if worded.group("word") in _NEGATIVE_WORDS else "") + t[worded.end() :]
    m = _NUMBER.match(t)
    if not m:
        return ParsedCell("text")
    digits = m.group("int").replace(",", "")
    if len(digits) + len(m.group("frac") or "") > MAX_NUMBER_DIGITS:
        # No count or amount has this many digits (and int() refuses 4,300): not a
        # number the rules can use; AP006/AD005 say it is not plausible.
        return ParsedCell("text")
    sign = -1 if m.group("sign") == "-" else 1
    value: int | float
    if m.group("frac") is not None:
        value = sign * float(f"{digits}.{m.group('frac')}")
    else:
        value = sign * int(digits)
    return ParsedCell("number", value, m.group("unit"), note)


@lru_cache(maxsize=4096)  # (asked of every cell of every table, often more than once)
def is_data_like(text: str) -> bool:
    """True for a cell that holds (or should hold) a value: a number, blank or placeholder."""
    return parse_cell(text).state != "text"
