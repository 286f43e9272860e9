"""WD001: a statutory or format term misspelt by one character."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache

from linter.finding import Finding
from linter.labels import SECTION_HEADING_VARIANTS
from linter.model import Report
from linter.rule import Rule, RuleContext
from linter.traditional import TRADITIONAL, simplified
from rules.wording.common import Text, text_of
from rules.wording.lexicon import HEADINGS, TERMS
from rules.wording.matching import NearMiss, inner_edit, near_misses

_TRADITIONAL_CHAR = re.compile(f"[{TRADITIONAL}]")


class TermMisspelling(Rule):
    """检查内容：报告的文字（开头、各部分标题和正文，不含表格）把条例或年报格式的用语写错了一个字——错一个字、多一个字或少一个字：如“不于公开”“不子公开”应为“不予公开”，“信息处里费”应为“信息处理费”，“政府信息公开行政法复议”应为“政府信息公开行政复议”。用语表来自统一格式自身的标题和表格项目（linter/labels.py）及条例用语（依申请公开、主动公开、行政规范性文件、信息处理费、政府信息公开、行政执法案卷……），见 rules/wording/lexicon.py。为避免误报：只比对四个字以上的用语；错处必须在用语中间（首尾两字改动往往是另一个正确说法，如“予以公布”“申请公开”）；四字用语只认常见的同音、形近错字（予→于、子）和中间多出的一个字；“不予以公开”“重新申请”“行政法规”“公开栏”等正确说法列在不报告的清单中；插入“的、度、和”等虚词不算错（“行政诉讼的情况”“上年度结转”）。简化字报告中个别用语或标题混用了繁体字（“一、總体情况”“依申請公开”）时，同样以警告指出，并给出规范写法（整篇为繁体字的报告按简化字读取，不报告）；混用繁体字的标题另有错字（“六、其它需要報告的事項”）时，按简化字比对，仍报告错字。表格标签的错字由 AD003/AP004 检查。

    为何重要：年度报告是法定公开文件，条例和统一格式的用语写错，既损害报告的严肃性，也可能让读者误解办理结果；各地年报检查把“错别字”列为常见问题。

    不合规示例：平潭综合实验区财政金融局 2025 年：“依申请公开信息数246条，不子公开信息数168条”；平潭综合实验区 2022 年第四部分标题：“四、政府信息公开行政法复议、行政诉讼情况”。

    合规示例：平潭综合实验区 2023 年第四部分标题：“四、政府信息公开行政复议、行政诉讼情况”；上海市人民政府办公厅 2025 年：“不予公开 20 件”。

    依据：《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）使用的法定用语；用语应与之一致是编辑质量的要求（D 级：由用语表推断，故为警告）。

    What it checks: the report's text (opening paragraphs, section headings and body text, not tables) misspells a term of the statute or of the report format by one character — one substituted, inserted or dropped: "不于公开" or "不子公开" for "不予公开", "信息处里费" for "信息处理费", "政府信息公开行政法复议" for "政府信息公开行政复议". The lexicon is the format's own headings and table labels (linter/labels.py) and the statute's terms (依申请公开, 主动公开, 行政规范性文件, 信息处理费, 政府信息公开, 行政执法案卷, …), in rules/wording/lexicon.py. To stay precise: only terms of four characters or more; the edit must be inside the term (changing its first or last character usually makes another correct phrase, such as "予以公布" or "申请公开"); four-character terms only with a commonly confused character (予 → 于, 子) or one extra character inside; correct phrases such as "不予以公开", "重新申请", "行政法规", "公开栏" are listed and never reported; an inserted function word (的, 度, 和) is not a misspelling ("行政诉讼的情况", "上年度结转"). A term or heading of a simplified report written with a traditional character or two ("一、總体情况", "依申請公开") is pointed out the same way, with the standard form (a report written wholly in traditional characters is read as simplified and not reported); a heading mixing traditional characters that also has a slip ("六、其它需要報告的事項") is compared as simplified and its slip still reported. Misspelt table labels are AD003/AP004.

    Why it matters: the annual report is a statutory public document; misspelt statutory terms undermine it and can mislead readers about how requests were handled; provincial reviews list misprints among the common defects.

    Non-compliant example: 平潭综合实验区财政金融局 2025: "依申请公开信息数246条，不子公开信息数168条"; the section-4 heading of 平潭综合实验区 2022: "四、政府信息公开行政法复议、行政诉讼情况".

    Compliant example: the section-4 heading of 平潭综合实验区 2023: "四、政府信息公开行政复议、行政诉讼情况"; 上海市人民政府办公厅 2025: "不予公开 20 件".

    Basis: the statutory terms of the Regulations on Government Information Disclosure and of the report format (国办公开办函〔2021〕30号); that a report spells them as they are is an editorial requirement (grade D: inferred from the lexicon, hence a warning).
    """

    code = "WD001"
    name = "term-misspelling"
    level = "warning"
    grade = "D"
    summary_zh = "条例或年报格式的用语写错了一个字"
    summary_en = "A statutory or format term is misspelt by one character"
    basis_zh = "《中华人民共和国政府信息公开条例》及年报格式（国办公开办函〔2021〕30号）的法定用语"
    basis_en = (
        "The statutory terms of the Regulations and of the report format (国办公开办函〔2021〕30号)"
    )

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        text = text_of(report)
        seen: set[int] = set()
        # A report in traditional characters was read as simplified (linter.traditional):
        # one left here is a slip in a simplified report (“一、總体情况”).
        mixed = _TRADITIONAL_CHAR.search(text.narrative.text) is not None
        headings = list(_heading_misses(text, mixed))
        misses = sorted(near_misses(text.narrative.text), key=lambda m: (m.edit, m.start - m.end))
        done_blocks = {text.block(m.start) for m in headings}
        if mixed:
            slips = [m for m in _traditional_slips(text) if text.block(m.start) not in done_blocks]
            done = {i for m in slips for i in range(m.start, m.end)}
            misses = slips + [m for m in misses if m.edit not in done]
        misses = headings + [m for m in misses if text.block(m.start) not in done_blocks]
        for miss in misses:
            # The longest term at a place wins (政府信息公开行政复议 over 行政复议).
            if miss.edit in seen or not text.is_prose(miss.start, miss.end):
                continue
            seen.add(miss.edit)
            where = text.location(miss.start, miss.end)
            if simplified(miss.text) == miss.term:  # a traditional slip, not a misspelling
                written = "”“".join(dict.fromkeys(_TRADITIONAL_CHAR.findall(miss.text)))
                zh = f"混用了繁体字“{written}”，本报告其余部分为简化字；请更正为“{miss.term}”。"
                en = (
                    f"mixes the traditional character(s) “{written}” into a report otherwise "
                    f"in simplified ones; write “{miss.term}”."
                )
                kind = {"kind": "traditional"}
            else:
                zh = f"疑为“{miss.term}”之误（错、多或少了一个字）；请核对后更正为“{miss.term}”。"
                en = (
                    f"looks like a misspelling of “{miss.term}” (one character wrong, extra or "
                    f"missing); check it and write “{miss.term}”."
                )
                kind = {}
            yield self.finding(
                report,
                where,
                f"{where.label_zh}中的“{miss.text}”{zh}",
                f"“{miss.text}” in {where.label_en} {en}",
                sub_id=miss.term,
                text=miss.text,
                term=miss.term,
                **kind,
            )


# A section heading's numbering in any of the forms the interpreter reads (NFKC):
# “四、”, “四.”, “第四部分 ”, “(四)”, “4.”, “(4)”, “4)”.
_NUMBERING = re.compile(
    r"^\s*(?:第\s*[一二三四五六七]\s*(?:部分|章)\s*[、.,:：]?"
    r"|[(\[【]\s*[一二三四五六七1-7]\s*[)\]】]\s*[、.]?"
    r"|[一二三四五六七1-7]\s*[、.)]?)\s*"
)


@cache
def _expected_heading(number: int) -> str:
    """The format's heading of section ``number`` as the narrative reads it (NFKC), worked
    out once, not for every report."""
    return unicodedata.normalize("NFKC", HEADINGS[number])


@cache
def _heading_variants(number: int) -> frozenset[str]:
    """Wordings of the heading seen in real reports, not misspellings (FORMATS.md §3.2)."""
    return frozenset(
        unicodedata.normalize("NFKC", v) for v in SECTION_HEADING_VARIANTS.get(number, ())
    )


def _heading_misses(text: Text, mixed: bool = False) -> Iterator[NearMiss]:
    """A section heading one edit away from the format's heading, compared whole:
    “政府信息公开行政法复议、行政诉讼情况” for “政府信息公开行政复议、行政诉讼情况”.
    ``mixed``: the text holds traditional characters, compared as their simplified ones
    (“六、其它需要報告的事項” is “其它” for “其他”; “一、總体情况” only a traditional slip)."""
    narrative = text.narrative
    for index, source in enumerate(narrative.sources):
        kind, _, number = source.where.partition("/")
        if kind != "heading":
            continue
        start = narrative.starts[index]
        end = (
            narrative.starts[index + 1]
            if index + 1 < len(narrative.starts)
            else len(narrative.text)
        )
        printed = narrative.text[start:end].rstrip("\n\x1e")
        numbering = _NUMBERING.match(printed)
        if numbering:
            start += numbering.end()
            printed = printed[numbering.end() :]
        expected = _expected_heading(int(number))
        simple = simplified(printed) if mixed else printed
        if simple.rstrip("：:") in _heading_variants(int(number)):
            continue
        if simple != printed and simple.rstrip("：:") == expected:
            at = _TRADITIONAL_CHAR.search(printed)
            edit = start + (at.start() if at else 0)
            term = HEADINGS[int(number)]
            yield NearMiss(
                start, start + len(simple.rstrip("：:")), printed.rstrip("：:"), term, edit
            )
            continue
        at = inner_edit(simple, expected) if simple != expected else None
        if at is not None:
            yield NearMiss(start, start + len(printed), printed, HEADINGS[int(number)], start + at)


def _traditional_slips(text: Text) -> Iterator[NearMiss]:
    """Terms of the lexicon written with traditional characters in a simplified report
    (“政府信息公開”): read as simplified they are the term."""
    printed = text.narrative.text
    simple = simplified(printed)
    taken: set[int] = set()
    for term in sorted(TERMS, key=len, reverse=True):
        i = simple.find(term)
        while i >= 0:
            end = i + len(term)
            if printed[i:end] != term and i not in taken:
                at = _TRADITIONAL_CHAR.search(printed, i, end)
                if at is not None:
                    taken.update(range(i, end))
                    yield NearMiss(i, end, printed[i:end], term, at.start())
            i = simple.find(term, end)
