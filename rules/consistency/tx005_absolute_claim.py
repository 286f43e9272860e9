"""TX005: an absolute claim of the narrative (均获维持, 全部予以公开, 均已办结 …) contradicts
the tables."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.finding import Finding
from linter.model import Report
from linter.narrative import Narrative, of_report
from linter.rule import Rule, RuleContext
from linter.statements import CONCEPT_BY_ID
from rules.consistency import patterns as p
from rules.consistency.common import narrative_location, place_en, place_zh
from rules.consistency.figures import concept_figure, fmt

_FIGURE_BEFORE = re.compile(r"\d+(?:件|条|起|宗|个)|[零一二两三四五六七八九十百千]+(?:件|起|宗)")
_YEAR = re.compile(r"20\d\d年")


class NarrativeAbsoluteClaim(Rule):
    """检查内容：正文作出了“全部”“均”“无一”式的断言，而表格显示并非如此：“均获维持”“全部维持”而第四部分相应各组的结果纠正、其他结果或尚未审结不为 0；“无一被纠正”“未发生……被行政复议纠错或行政诉讼败诉”而相应各组的结果纠正不为 0；“全部予以公开”而第三部分“（二）部分公开”或“（三）不予公开”不为 0；“均已办结”“全部办结”而第三部分“四、结转下年度继续办理”不为 0。断言针对行政复议还是行政诉讼，看它所在分句（否则所在句子）提到的是“复议”还是“诉讼”；两者都未提到的关于案件的断言不检查。断言只针对一部分时不报告：句中在它之前有“其中”“除……外”“应公开的”“符合条件的”“已审结的”或另一年度；关于公开和办结的断言须在说申请的句子里，且其前未写明一个件数（“办结1191件，均在法定期限内答复”说的是那 1191 件）。

    为何重要：绝对化的说法与表格矛盾，比数字不一致更容易误导读者（“全部维持”而表格有被纠正的案件），检查中按数据失实处理。

    不合规示例：据上海市人民政府办公厅 2025 年报改写：文字写“全年依申请公开的申请均已办结”，而第三部分“四、结转下年度继续办理”总计为 293。

    合规示例：上海市人民政府办公厅 2025 年：“全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形”，第四部分行政复议、行政诉讼的结果纠正均为 0。

    依据：《中华人民共和国政府信息公开条例》第五十条第（二）（三）项；文字与表格一致（FORMATS.md §5 X-TEXT）。断言与表格直接矛盾，是数据不能同时为真的情形，故为错误。

    What it checks: the narrative makes an absolute claim that the tables contradict: "均获维持" or "全部维持" (all upheld) while the corrected, other or pending outcomes of the groups concerned in section 4 are above 0; "无一被纠正" or "未发生……被行政复议纠错或行政诉讼败诉" (none corrected) while their corrected outcome is above 0; "全部予以公开" (all disclosed) while (2) partly disclosed or (3) withheld in section 3 is above 0; "均已办结" or "全部办结" (all concluded) while IV carried forward is above 0. Whether a claim is about reviews or lawsuits is read from its clause (else its sentence) naming 复议 or 诉讼; a claim about cases naming neither is not checked. A claim about a part is not reported: 其中, 除……外, 应公开的, 符合条件的, 已审结的 or another year before it in its sentence; claims about disclosure or conclusion must stand in a sentence about applications, with no count stated before them ("办结1191件，均在法定期限内答复" is about those 1191).

    Why it matters: an absolute claim that the tables contradict misleads more than a differing figure ("all upheld" while the table shows corrected cases); reviews treat it as misstated data.

    Non-compliant example: adapted from 上海市人民政府办公厅 2025: the text says "全年依申请公开的申请均已办结" while IV carried forward in section 3 totals 293.

    Compliant example: 上海市人民政府办公厅 2025: "全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形", and the corrected outcomes of reviews and lawsuits in section 4 are all 0.

    Basis: Regulations on Government Information Disclosure, art. 50 items (2) and (3); text agrees with the tables (FORMATS.md §5 X-TEXT). The claim and the table cannot both be true, hence an error.
    """

    code = "TX005"
    name = "narrative-absolute-claim"
    level = "error"
    grade = "D"
    summary_zh = "文字中“全部、均、无一”式的断言与表格矛盾"
    summary_en = "An absolute claim of the text (all upheld, all disclosed, all concluded) contradicts the tables"
    basis_zh = "《中华人民共和国政府信息公开条例》第五十条第（二）（三）项；文字与表格一致（FORMATS.md §5 X-TEXT）"
    basis_en = "Regulations on Government Information Disclosure, art. 50 items (2) and (3); text agrees with the tables (FORMATS.md §5 X-TEXT)"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        narrative = of_report(report)
        text = narrative.text
        for kind, regex, concepts in p.ABSOLUTE_CLAIMS:
            for m in regex.finditer(text):
                ids = _concepts(narrative, m.start(), m.end(), kind, concepts)
                if ids is None:
                    continue
                above = []
                for concept_id in ids:
                    figure = concept_figure(report, (concept_id,))
                    if figure is None:
                        above = []
                        break  # the table does not decidably say
                    if figure.value > 0:
                        above.append((concept_id, figure))
                if above:
                    yield self._finding(report, narrative, m, above)

    def _finding(self, report: Report, narrative: Narrative, m: re.Match, above: list) -> Finding:
        anchor, where_ = narrative.anchor(m.start(), m.end())
        where = narrative_location(anchor, where_)
        shown_zh = "、".join(f"“{CONCEPT_BY_ID[c].zh}”为 {fmt(f.value)}" for c, f in above)
        shown_en = ", ".join(f"“{CONCEPT_BY_ID[c].en}” is {fmt(f.value)}" for c, f in above)
        claim = m.group()
        return self.finding(
            report,
            where,
            f"{place_zh(where)}写明“{claim}”，但表格中{shown_zh}，与这一说法矛盾；"
            "请核对后更正文字或表格。",
            f"{place_en(where)} claims “{claim}”, but in the tables {shown_en}, which contradicts "
            "it; check and correct the text or the table.",
            sub_id=above[0][0],
            related=tuple(loc for _, f in above for loc in f.cells),
            text=claim,
        )


def _concepts(
    narrative: Narrative, start: int, end: int, kind: str, concepts: tuple[str, ...]
) -> tuple[str, ...] | None:
    """The concepts the claim at ``[start, end)`` is about, or None when it is not checked."""
    text = narrative.text
    index, _ = narrative.origin(start)
    if not narrative.sources[index].where.startswith(("section", "preamble")):
        return None  # a heading
    sentence_start = narrative.sentence_start(start)
    clause_start = narrative.clause_start(start)
    head = text[sentence_start:start]
    clause = text[clause_start : narrative.clause_end(end)]
    if any(w in head for w in p.CLAIM_SCOPE_WORDS) or _YEAR.search(head):
        return None
    if "{group}" not in concepts[0]:
        if _FIGURE_BEFORE.search(head):
            return None  # “办结1191件，均……”: the claim is about that count
        sentence = text[sentence_start : narrative.clause_end(end)]
        if (
            not any(w in sentence for w in p.CLAIM_APPLICATION_WORDS)
            or "复议" in sentence
            or "诉讼" in sentence
        ):
            return None
        return concepts
    groups = _groups(clause) or _groups(text[sentence_start : narrative.clause_end(end)])
    if not groups:
        return None
    return tuple(c.format(group=g) for g in groups for c in concepts)


def _groups(text: str) -> tuple[str, ...]:
    return tuple(g for g, word in (("review", "复议"), ("litigation", "诉讼")) if word in text)
