"""Number and label normalisation on the forms real reports print."""

from __future__ import annotations

import pytest

from linter.textnorm import key, parse_cell, split_numbering


@pytest.mark.parametrize(
    ("printed", "state", "value", "unit"),
    [
        ("0", "number", 0, None),
        ("\u3000\u30000", "number", 0, None),  # the 2019 sample pads with U+3000
        ("0\u00a0", "number", 0, None),  # and with NBSP
        ("１２", "number", 12, None),  # full-width digits
        ("－3", "number", -3, None),  # full-width minus
        ("−1", "number", -1, None),  # U+2212 minus
        ("1,234", "number", 1234, None),
        ("3，119", "number", 3119, None),  # full-width thousands separator
        ("180000元", "number", 180000, "元"),  # 2019 sample, 第（九）项
        ("24252.311082", "number", 24252.311082, None),  # 平潭 2021 fee, 万元
        ("4166.214619万元", "number", 4166.214619, "万元"),
        ("￥180000", "number", 180000, None),  # a currency sign, not a unit
        ("¥5949.088667", "number", 5949.088667, None),
        ("—3", "number", -3, None),  # an em or en dash typed for the minus
        ("–3", "number", -3, None),
        ("", "blank", None, None),
        ("\u00a0", "blank", None, None),
        ("-", "placeholder", None, None),
        ("—", "placeholder", None, None),
        ("/", "placeholder", None, None),
        ("无", "placeholder", None, None),
        ("约5", "text", None, None),
        ("1 234", "number", 1234, None),  # thousands set apart
        ("821 35", "text", None, None),  # two columns' figures run together
        ("5 4", "text", None, None),
        ("五", "text", None, None),
    ],
)
def test_parse_cell(printed: str, state: str, value: object, unit: str | None) -> None:
    parsed = parse_cell(printed)
    assert (parsed.state, parsed.value, parsed.unit) == (state, value, unit)


def test_number_with_note_keeps_the_note() -> None:
    # 上海市人民政府办公厅 2025, section 二: "22（其中修订 16 件）"
    parsed = parse_cell("22\n（其中修订 16 件）")
    assert (parsed.state, parsed.value, parsed.note) == ("number", 22, "(其中修订 16 件)")


@pytest.mark.parametrize(
    ("printed", "numbering", "body"),
    [
        ("（三）不予公开", "（三）", "不予公开"),
        ("(六)其他处理", "（六）", "其他处理"),
        ("1.属于国家秘密", "1", "属于国家秘密"),
        ("1、本机关不掌握相关政府信息", "1", "本机关不掌握相关政府信息"),  # 淮安 2024 numbering
        ("一、本年新收政府信息公开申请数量", "一", "本年新收政府信息公开申请数量"),
        ("总计", "", "总计"),
    ],
)
def test_split_numbering(printed: str, numbering: str, body: str) -> None:
    assert split_numbering(printed) == (numbering, body) or (
        split_numbering(printed).numbering,
        split_numbering(printed).body,
    ) == (numbering, body)


def test_key_ignores_width_spacing_quotes_and_punctuation() -> None:
    assert key("危及“三安全一稳定”") == key('危及"三安全一稳定"') == key("危及三安全 一稳定")
    assert key("商业\n企业") == key("商业企业")
    assert key("本年收费金额（单位：万元）") == key("本年收费金额(单位:万元)")


def test_strip_punctuation_drops_every_punctuation_category_and_nothing_else() -> None:
    # Unicode categories Pc Pd Ps Pe Pi Pf Po, full- and half-width, and characters that
    # look like punctuation but are not (symbols Sm/Sc/So, letters, digits, spaces).
    import unicodedata

    from linter.textnorm import strip_punctuation

    text = "（一）予以公开、部分公开_“其他”—《条例》…！?:;[x]｛y｝＋=＄¥§①２Ⅲ ａ\u3000\u2014\u00b7"
    expected = "".join(c for c in text if not unicodedata.category(c).startswith("P"))
    assert strip_punctuation(text) == expected == "一予以公开部分公开其他条例xy＋=＄¥①２Ⅲ ａ\u3000"
    assert strip_punctuation(text) == expected  # the second time from the filled table
