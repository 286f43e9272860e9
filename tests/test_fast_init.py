"""linter.document.fast_init: the faster constructor of the readers' frozen dataclasses
keeps what the generated one did."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import dataclass

import pytest

from linter.document import Anchor, Paragraph, TableCell, fast_init


def test_anchor_fields_defaults_and_keywords() -> None:
    a = Anchor(3, 2, end_column=9, table=1, row=0, cell=4)
    assert (a.line, a.column, a.end_line, a.end_column) == (3, 2, None, 9)
    assert (a.table, a.row, a.cell, a.paragraph, a.page, a.bbox) == (1, 0, 4, None, None, None)
    assert Anchor() == Anchor(None, None, None, None, None, None, None, None, None, None)


def test_equality_hash_and_repr_are_the_dataclass_ones() -> None:
    a, b = Anchor(1, 2, 1, 5, paragraph=3), Anchor(1, 2, 1, 5, paragraph=3)
    assert a == b and hash(a) == hash(b) and a != Anchor(1, 2, 1, 6, paragraph=3)
    assert repr(a).startswith("Anchor(line=1, column=2, end_line=1, end_column=5, table=None")
    cell = TableCell("12", a, hmerge=True)
    assert cell == TableCell("12", b, True, False) and not cell.vmerge


def test_still_frozen() -> None:
    a = Anchor(1, 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.line = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        Paragraph("x", a).text = "y"  # type: ignore[misc]


def test_replace_and_pickle_round_trip() -> None:
    a = Anchor(4, 1, 4, 7, table=2, row=1, cell=0)
    assert dataclasses.replace(a, column=3) == Anchor(4, 3, 4, 7, 2, 1, 0)
    cell = TableCell("合计", a, False, True)
    assert pickle.loads(pickle.dumps(cell)) == cell
    assert pickle.loads(pickle.dumps(a)) == a


def test_missing_and_unknown_arguments_are_errors() -> None:
    with pytest.raises(TypeError):
        TableCell()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Anchor(nope=1)  # type: ignore[call-arg]


def test_refuses_fields_it_cannot_build() -> None:
    @dataclass(frozen=True, slots=True)
    class WithFactory:
        items: list = dataclasses.field(default_factory=list)

    with pytest.raises(TypeError, match="only plain fields"):
        fast_init(WithFactory)
