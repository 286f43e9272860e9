"""WD002: a word written twice in a row."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.finding import Finding
from linter.model import Report
from linter.narrative import Narrative
from linter.rule import Rule, RuleContext
from rules.wording.common import text_of

# A word of two to four Chinese characters written twice in a row.
_DOUBLED = re.compile(r"([\u4e00-\u9fff]{2,4})\1")

# Two words meeting, not a doubling: a government's name ending in 政府 right before a term
# beginning with it (“连生乡人民政府政府信息公开工作情况报告”, a 2024 乡 report's opening;
# “县人民政府政府网站”).
_NAME_THEN_TERM = re.compile(r"(?<=[民省市县区乡镇州旗盟])政府政府(?=信息|网站|门户|公报|集中采购)")

# Reduplications the language uses (ABAB verbs: “研究研究”), never reported.
REDUPLICATIONS = frozenset(
    {
        "研究研究",
        "讨论讨论",
        "商量商量",
        "学习学习",
        "考虑考虑",
        "休息休息",
        "了解了解",
        "锻炼锻炼",
        "介绍介绍",
        "检查检查",
        "打听打听",
        "收拾收拾",
        "整理整理",
        "比较比较",
        "熟悉熟悉",
        "活动活动",
        "准备准备",
        "注意注意",
        "清理清理",
        "看一看看一看",
        "一天一天",
        "一年一年",
        "一步一步",
        "一个一个",
        "一件一件",
        "一项一项",
        "一条一条",
    }
)


class RepeatedWord(Rule):
    """检查内容：报告的文字（开头、各部分标题和正文，不含表格）中同一个两到四字的词紧挨着写了两遍，如“规范审核审核发布机制”“全会精神精神”“落实落实”“进一步进一步”。汉语本身的重叠用法（研究研究、商量商量、一步一步、一年一年……，常常、人人、年年这类单字重叠不在检查之列）不报告；两遍之间隔着空格、换行或标点的不算（多为排版造成的分栏或换行，如 PDF 转出的表格“结果 结果”）；机关名称末尾的“政府”接着以“政府”开头的词（“连生乡人民政府政府信息公开”“县人民政府政府网站”）是两个词相连，也不算。

    为何重要：词语重复是编辑疏漏，出现在法定公开的年度报告中有损严肃性；各地年报检查把文字差错列为常见问题。

    不合规示例：平潭综合实验区 2021 年：“二是规范审核审核发布机制”；平潭综合实验区财政金融局 2025 年：“深入学习贯彻党的二十大及二十届历次全会精神精神”。

    合规示例：平潭综合实验区 2022 年：“进一步规范信息发布全流程”（同一机关次年的写法，没有重复）。

    依据：年度报告是条例第四十九、五十条规定公开的文件；文字无重复是编辑质量的要求（D 级，故为警告）。

    What it checks: in the report's text (opening paragraphs, section headings and body text, not tables) a word of two to four characters is written twice in a row, as in "规范审核审核发布机制", "全会精神精神", "落实落实", "进一步进一步". Reduplications the language uses (研究研究, 商量商量, 一步一步, 一年一年 …; single-character ones such as 常常, 人人, 年年 are not looked at) are not reported, nor two copies separated by a space, a line break or punctuation (mostly layout: columns or line wraps, such as "结果 结果" in a table converted from PDF), nor a government's name ending in 政府 followed by a term beginning with 政府 ("连生乡人民政府政府信息公开", "县人民政府政府网站": two words meeting).

    Why it matters: a doubled word is an editing slip; in a statutory public report it undermines the document; provincial reviews list such slips among the common defects.

    Non-compliant example: 平潭综合实验区 2021: "二是规范审核审核发布机制"; 平潭综合实验区财政金融局 2025: "深入学习贯彻党的二十大及二十届历次全会精神精神".

    Compliant example: 平潭综合实验区 2022: "进一步规范信息发布全流程" (the same agency's wording a year later, without the doubling).

    Basis: the annual report is a document published under articles 49 and 50 of the Regulations; text without doubled words is an editorial requirement (grade D, hence a warning).
    """

    code = "WD002"
    name = "repeated-word"
    level = "warning"
    grade = "D"
    summary_zh = "同一个词紧挨着写了两遍"
    summary_en = "A word is written twice in a row"
    basis_zh = "《中华人民共和国政府信息公开条例》第四十九、五十条（公开的年度报告）；编辑质量"
    basis_en = "Regulations on Government Information Disclosure, arts. 49–50 (the published report); editorial quality"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        text = text_of(report)
        narrative = text.narrative
        for m in _DOUBLED.finditer(narrative.text):
            doubled, word = m.group(0), m.group(1)
            if doubled in REDUPLICATIONS or len(set(word)) == 1:
                continue
            start, end = m.span()
            if word == "政府" and _NAME_THEN_TERM.match(narrative.text, start):
                continue
            if not text.is_prose(start, end) or not _contiguous(narrative, start, end):
                continue
            where = text.location(start, end)
            yield self.finding(
                report,
                where,
                f"{where.label_zh}中“{word}”连写了两遍（“{doubled}”）；请删去多余的一个。",
                f"“{word}” is written twice in a row in {where.label_en} (“{doubled}”); delete one.",
                sub_id=word,
                text=doubled,
            )


def _contiguous(narrative: Narrative, start: int, end: int) -> bool:
    """The doubled word is written without a space or line break inside it in the source."""
    index, first = narrative.origin(start)
    end_index, last = narrative.origin(end - 1)
    return index == end_index and (last - first) == (end - start - 1)
