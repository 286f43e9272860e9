"""JSON from files the tool did not write (baselines, manifests, IR documents), read
within limits: nesting depth, digits per number, no NaN or Infinity.

The standard library's parser already refuses nothing: 100,000 nested brackets end in
a RecursionError, a 5,000-digit integer in a ValueError about ``int`` digits, ``NaN``
is accepted. Here each of these is a :class:`JsonLimitError` whose message says what is
wrong, and a document within the limits is returned as ``json.loads`` would.
"""

from __future__ import annotations

import json
from typing import Any


class JsonLimitError(ValueError):
    """A JSON document outside the limits (the message is one line, for the user)."""


def loads(text: str | bytes, *, max_depth: int = 64, max_digits: int = 30) -> Any:
    """Parse ``text``; raises :class:`JsonLimitError` for a document outside the limits
    and :class:`json.JSONDecodeError` for one that is not JSON."""

    def number(kind):
        def parse(token: str):
            digits = sum(ch.isdigit() for ch in token)
            if digits > max_digits:
                raise JsonLimitError(
                    f"a number of {digits} digits ({token[:12]}…) is longer than the "
                    f"limit of {max_digits} digits"
                )
            return kind(token)

        return parse

    def constant(token: str):
        raise JsonLimitError(f"{token} is not a JSON number")

    if isinstance(text, bytes):
        text = text.decode("utf-8-sig")
    try:
        doc = json.loads(
            text, parse_int=number(int), parse_float=number(float), parse_constant=constant
        )
    except RecursionError:
        raise JsonLimitError(f"nested deeper than the limit of {max_depth} levels") from None
    if depth(doc) > max_depth:
        raise JsonLimitError(f"nested deeper than the limit of {max_depth} levels")
    return doc


def depth(doc: Any) -> int:
    """How deeply arrays and objects are nested (a scalar is 0), without recursion."""
    deepest = 0
    stack = [(doc, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in children if isinstance(child, dict | list))
    return deepest
