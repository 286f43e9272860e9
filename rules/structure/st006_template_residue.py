"""ST006: instructions of the fill-in template left in the published report."""

from __future__ import annotations

from collections.abc import Iterator

from linter.finding import Finding, Location
from linter.model import Report
from linter.rule import Rule, RuleContext
from rules.structure.cues import TEMPLATE_RESIDUE, TEMPLATE_RESIDUE_TRIGGER
from rules.structure.locate import narrative_blocks, point_into


class TemplateResidue(Rule):
    """检查内容：报告正文中残留填报模板的提示或占位内容：“（文字描述）”“（文字描述，收取信息处理费情况在此处报告。）”、“编写说明：……”、“（具体网址）”、“此处填写”，以及代替机关名称或数字的“XX”“××”（如“XX局”“共XX件”“20XX年”）。每处残留报告一次，指向其所在位置。网址中的字母（如“xxgk”）不算占位符。

    为何重要：残留的模板提示说明报告未经认真编写和审核就已公开，相应部分往往没有填写实际内容；检查人员会要求更正，公众也会据此质疑报告的严肃性。

    不合规示例：第六部分只有“（文字描述，收取信息处理费情况在此处报告。）”；第三部分前保留“编写说明：可先适当综述。要注意数据间的逻辑关系……”（潜江市周矶街道办事处 2020 年度报告即照录了这段编写说明）。

    合规示例：淮安市人民政府 2024 年度报告第六部分写明“全年收取政府信息公开信息处理费 3940 元”，没有任何模板提示。

    依据：统一格式附件（填报模板）中的提示文字只供编写时参考，不属于报告内容（模板第六部分的提示见流传的 2021 年格式模板；“编写说明”见真实报告）；模板残留属于报告质量问题（推理所得，D 级）。

    What it checks: instructions or placeholders of the fill-in template left in the report's text: "（文字描述）" and "（文字描述，收取信息处理费情况在此处报告。）", "编写说明：……", "（具体网址）", "此处填写", and "XX" / "××" standing for a name or a number ("XX局", "共XX件", "20XX年"). Each residue is reported once, at its place. Letters in a web address (such as "xxgk") are not placeholders.

    Why it matters: template prompts left in place show that the report was published without being written and checked with care, and the part they stand in usually has no real content; inspectors ask for a correction and the public doubts the report.

    Non-compliant example: section 六 reads only "（文字描述，收取信息处理费情况在此处报告。）"; the writing note "编写说明：可先适当综述。要注意数据间的逻辑关系……" left before section 三 (潜江市周矶街道办事处's report on 2020 printed it verbatim).

    Compliant example: 淮安市人民政府's report on 2024, whose section 六 states "全年收取政府信息公开信息处理费 3940 元" and holds no template prompt.

    Basis: the prompts in the fill-in template attached to the unified format guide the writing and are not part of the report (the section 六 prompt is in the circulating 2021 template; the 编写说明 in a real report); that residue is a quality defect is derived (grade D).
    """

    code = "ST006"
    name = "template-residue"
    level = "warning"
    grade = "D"
    summary_zh = "报告中残留填报模板的提示或占位内容"
    summary_en = "Template instructions or placeholders left in the report"
    basis_zh = "统一格式附件（填报模板）的提示文字不属于报告内容"
    basis_en = "the prompts of the format's fill-in template are not part of the report"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        for block in narrative_blocks(report):
            if not TEMPLATE_RESIDUE_TRIGGER.search(block.text):
                continue
            for sub_id, pattern, what_zh, what_en in TEMPLATE_RESIDUE:
                for match in pattern.finditer(block.text):
                    residue = match.group(0)
                    anchor = point_into(report, block, match.start(), len(residue))
                    yield self.finding(
                        report,
                        Location(anchor, logical="text", label_zh="正文", label_en="text"),
                        f"报告中残留{what_zh}：“{residue}”。这是填报模板的提示，不是报告内容；"
                        "请删除，并在此处填写实际情况（如无相关情况，应明确写明）。",
                        f"the report still holds {what_en}: '{residue}'. It is an instruction of "
                        "the template, not content: remove it and write the actual facts here "
                        "(if there is nothing to report, say so explicitly).",
                        sub_id=sub_id,
                        residue=residue,
                        quote=residue,
                    )
