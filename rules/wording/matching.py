"""Finding the near-misses of the lexicon's terms in a text (WD001).

An inner edit (:mod:`rules.wording.lexicon`) leaves a term's first and last characters in
place, so a near-miss of a term of n characters starts with its first character and ends,
n − 1, n or n + 1 characters later, with its last: the text is searched for first
characters whose window of some term's size ends in that term's last character (one small
regex per first character, in C) and only those windows are compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from rules.wording.lexicon import CONFUSABLE, FUNCTION_CHARS, REAL_WORDS, TERMS


@dataclass(frozen=True)
class NearMiss:
    """``text[start:end]`` spells ``term`` one edit wrong; ``edit`` is the position (in the
    text) of the substituted, inserted or first character after a dropped one."""

    start: int
    end: int
    text: str
    term: str
    edit: int


def _index() -> dict[str, dict[int, dict[str, tuple[str, ...]]]]:
    """first character → window size → last character → the terms whose near-miss it can be."""
    out: dict[str, dict[int, dict[str, list[str]]]] = {}
    for term in TERMS:
        n = len(term)
        for size in (n, n + 1) + ((n - 1,) if n >= 5 else ()):
            out.setdefault(term[0], {}).setdefault(size, {}).setdefault(term[-1], []).append(term)
    return {
        f: {size: {last: tuple(t) for last, t in lasts.items()} for size, lasts in sizes.items()}
        for f, sizes in out.items()
    }


_INDEX = _index()
_TERM_SET = frozenset(TERMS)


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def inner_edit(window: str, term: str) -> int | None:
    """Where ``window`` differs from ``term`` by one inner edit (index in ``window``), or None.

    Substitution: any inner character of a term of five or more, only a confusable one
    (lexicon.CONFUSABLE) in a four-character term; insertion: a Chinese character inside;
    dropping: an inner character of a term of five or more."""
    n, w = len(term), len(window)
    i = 0
    while i < min(n, w) and window[i] == term[i]:
        i += 1
    if w == n:
        if i == 0 or i >= n - 1 or window[i + 1 :] != term[i + 1 :] or not _is_cjk(window[i]):
            return None
        if n == 4 and window[i] not in CONFUSABLE.get(term[i], ""):
            return None
        return i
    if w == n + 1:
        ok = (
            1 <= i <= n - 1
            and window[i + 1 :] == term[i:]
            and _is_cjk(window[i])
            and window[i] not in FUNCTION_CHARS
        )
        return i if ok else None
    if w == n - 1 and n >= 5:
        return i if 1 <= i <= n - 2 and window[i:] == term[i + 1 :] else None
    return None


@cache
def _starts() -> tuple[tuple[re.Pattern[str], dict[int, dict[str, tuple[str, ...]]]], ...]:
    """Per first character, a pattern for the places where it stands and a window of one
    of its sizes ends in a fitting last character (most of its places do not: 政 of
    政府 is everywhere): the regex engine finds them in C. Compiled at the first check,
    twenty small patterns (about 1.5 ms)."""
    out = []
    for first, sizes in _INDEX.items():
        ends = "|".join(
            f".{{{size - 2}}}[{''.join(re.escape(last) for last in lasts)}]"
            for size, lasts in sizes.items()
        )
        out.append((re.compile(f"{re.escape(first)}(?=(?:{ends}))", re.DOTALL), sizes))
    return tuple(out)


def near_misses(text: str) -> Iterator[NearMiss]:
    """Each place in ``text`` that spells a term of the lexicon one edit wrong."""
    length = len(text)
    for pattern, sizes in _starts():
        for found in pattern.finditer(text):
            p = found.start()
            for size, lasts in sizes.items():
                end = p + size
                terms = lasts.get(text[end - 1]) if end <= length else None
                if terms is None:
                    continue
                window = text[p:end]
                if window in _TERM_SET:
                    continue
                for term in terms:
                    at = inner_edit(window, term)
                    if at is not None and not _excused(text, p, end, p + at):
                        yield NearMiss(p, end, window, term, p + at)


def _excused(text: str, start: int, end: int, edit: int) -> bool:
    """A real word covers the edit (不予以公开, 重新申请), or a term spelt right contains the
    whole window (it is part of a longer correct term)."""
    lo, hi = max(0, start - 12), min(len(text), end + 12)
    around = text[lo:hi]
    for word in REAL_WORDS:
        i = around.find(word)
        while i >= 0:
            if lo + i <= edit < lo + i + len(word):
                return True
            i = around.find(word, i + 1)
    for term in TERMS:
        if len(term) > end - start:
            i = around.find(term)
            while i >= 0:
                if lo + i <= start and end <= lo + i + len(term):
                    return True
                i = around.find(term, i + 1)
    return False
