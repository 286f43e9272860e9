"""LazyAnchor: an HTML cell's place is worked out only when read, and then behaves as the
plain Anchor it stands for (equal, same hash, pickles/copies/replaces to a plain one)."""

from __future__ import annotations

import copy
import pickle
from dataclasses import replace

from linter.document import Anchor, LazyAnchor, Table
from linter.readers import Limits
from linter.readers.html import HtmlReader

PLACE = Anchor(3, 5, 3, 20)


def lazy(calls: list) -> LazyAnchor:
    def locate(key):
        calls.append(key)
        return PLACE

    return LazyAnchor.maker(locate)("cell")


def test_placed_once_on_first_read_then_a_plain_anchors_equal():
    calls: list = []
    anchor = lazy(calls)
    assert calls == []
    assert anchor.line == 3 and anchor.end_column == 20
    assert anchor.column == 5
    assert calls == ["cell"]
    assert anchor == PLACE and PLACE == anchor
    assert hash(anchor) == hash(PLACE)
    assert {anchor: 1}[PLACE] == 1
    assert anchor != Anchor(3, 6, 3, 20)
    assert (
        anchor.to_json()
        == PLACE.to_json()
        == {
            "line": 3,
            "column": 5,
            "end_line": 3,
            "end_column": 20,
        }
    )


def test_pickle_copy_and_replace_give_plain_anchors():
    for made in (
        pickle.loads(pickle.dumps(lazy([]))),
        copy.copy(lazy([])),
        copy.deepcopy(lazy([])),
    ):
        assert type(made) is Anchor and made == PLACE
    moved = replace(lazy([]), column=9)
    assert type(moved) is Anchor and moved == Anchor(3, 9, 3, 20)


def test_unknown_attributes_still_raise():
    anchor = lazy([])
    try:
        anchor.nothing  # noqa: B018
    except AttributeError:
        pass
    else:
        raise AssertionError("an unknown attribute must raise")


def test_html_cells_are_placed_only_when_read_and_then_exactly():
    page = (
        "<html><body><h1>标题</h1>\n<table>\n<tr><td>甲</td><td>乙</td></tr>\n"
        "<tr><td>1</td>\n<td>2</td></tr>\n</table></body></html>"
    ).encode()
    doc = HtmlReader().read("p.html", page, Limits())
    table = next(b for b in doc.blocks if isinstance(b, Table))
    cells = [c for row in table.rows for c in row]
    assert all(isinstance(c.anchor, LazyAnchor) for c in cells)
    # nothing placed yet: every field slot is still empty
    assert all(c.anchor._locate is not None for c in cells)
    text = page.decode()
    lines = text.split("\n")
    two = cells[3].anchor
    assert (two.line, two.column) == (5, 1)
    assert lines[two.end_line - 1][: two.end_column - 1].endswith("<td>2</td>")
    one = cells[2].anchor
    assert (one.line, one.column, one.end_line, one.end_column) == (4, 5, 4, 15)
    assert cells[0].anchor._locate is not None  # still not placed


def test_a_flattened_heading_lines_text_keeps_its_anchor_lazy():
    # A section's first paragraph printed on its heading's line (a page that runs them
    # together): the interpreter shifts the line's anchor to the text after the heading,
    # and that place is worked out only when read (placing it scans the page).
    from linter.interpret import interpret

    body = "2023年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。"
    page = (
        "<html><body><p>某某市交通运输局2023年政府信息公开工作年度报告</p>\n"
        f"<p>一、总体情况 {body}</p>\n</body></html>"
    ).encode()
    report = interpret(HtmlReader().read("p.html", page, Limits()), page)
    first = report.sections[0]
    assert first.heading == "一、总体情况"
    paragraph = first.paragraphs[0]
    assert paragraph.text == body
    assert isinstance(paragraph.anchor, LazyAnchor)
    assert paragraph.anchor._locate is not None  # not placed by interpreting
    offset = f"一、总体情况 {body}".find(body)
    assert (paragraph.anchor.line, paragraph.anchor.column) == (2, first.anchor.column + offset)
