"""The four XT rules: each reports the reader's or interpreter's diagnostics of its code."""

from __future__ import annotations

from collections.abc import Iterator

from linter.finding import Finding, Location
from linter.model import Report
from linter.rule import Rule, RuleContext


class _DiagnosticRule(Rule, abstract=True):
    prefix_zh: str = ""
    prefix_en: str = ""

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        for d in report.diagnostics:
            if d.code != self.code:
                continue
            args = dict(d.args)
            section = args.get("section")
            logical = f"section/{section}" if section else None
            finding = self.finding(
                report,
                Location(d.anchor, logical=logical),
                f"{self.prefix_zh}{d.detail_zh}",
                f"{self.prefix_en}{d.detail_en}",
                sub_id=f"section{section}" if section else None,
            )
            if self.code == "XT001":
                from dataclasses import replace

                finding = replace(finding, tool_failure=True)
            yield finding


class UnreadableDocument(_DiagnosticRule):
    """检查内容：文件能否打开和解码（损坏或加密的压缩包、扩展名与内容不符、空文件、超过大小或实体限制）。

    为何重要：无法读取的报告无法检查，也往往意味着公众同样无法打开；批量检查时该文件记为一条
    结果，其余文件照常检查。

    不合规示例：一个改名为 ``.txt`` 的二进制文件；一个空文件；旧版 ``.doc`` 文件。

    合规示例：UTF-8 或 GB18030 编码的文本、网页原文或 ``.docx`` 文件。

    依据：《政府信息公开条例》第四十九条（年度报告应向社会公布，须可获取）。

    What it checks: whether the file can be opened and decoded (corrupt or encrypted archive, extension that does not match the content, empty file, over the size or entity limits).

    Why it matters: a report that cannot be read cannot be checked, and the public probably cannot open it either; in a batch the file becomes one finding and every other file is still checked.

    Non-compliant example: a binary file renamed ``.txt``; an empty file; an old binary ``.doc``.

    Compliant example: text in UTF-8 or GB18030, the published HTML page, or a ``.docx`` file.

    Basis: Regulations on Government Information Disclosure, art. 49 (the report must be published, so it must be readable).
    """

    code = "XT001"
    name = "unreadable-document"
    level = "error"
    summary_zh = "文件无法打开或解码"
    summary_en = "The file cannot be opened or decoded"
    basis_zh = "《中华人民共和国政府信息公开条例》第四十九条：年度报告应当向社会公布"
    basis_en = (
        "Regulations on Government Information Disclosure, art. 49: the report must be published"
    )
    prefix_zh = "无法读取文件："
    prefix_en = "cannot read the file: "


class TableNotRecognised(_DiagnosticRule):
    """检查内容：第二、三、四部分必须含有表格；该部分存在但其中没有可识别的表格（例如文本被展平、表格为图片）。

    为何重要：统一格式以表格报告主动公开、依申请公开和复议诉讼数据；识别不出表格时，依赖该表的
    检查全部跳过，本规则告诉检查人员哪些检查没有做，而不是猜测数字。

    不合规示例：网页转存时表格边框被去掉，相邻数字连成一串（如 ``640020470``）。

    合规示例：保留表格结构的 DOCX 或网页原文。

    依据：《政府信息公开工作年度报告格式》（国办公开办函〔2019〕60号、〔2021〕30号）所附表格。

    What it checks: sections 2, 3 and 4 must hold tables; the section is present but no table in it could be recognised (flattened text, a table as an image).

    Why it matters: the format reports proactive disclosure, applications and review/litigation as tables; when a table cannot be read, every check that needs it is skipped, and this rule tells the inspector which checks were not done instead of guessing numbers.

    Non-compliant example: a web page archived without table borders, so adjacent numbers run together (``640020470``).

    Compliant example: a DOCX or the original page, with the table structure kept.

    Basis: the tables of the report format (国办公开办函〔2019〕60号, 〔2021〕30号).
    """

    code = "XT002"
    name = "table-not-recognised"
    level = "warning"
    grade = "B"
    summary_zh = "应有表格的部分未能识别出表格"
    summary_en = "A section that must hold a table has no recognisable table"
    basis_zh = "年度报告格式（国办公开办函〔2019〕60号、〔2021〕30号）第二、三、四部分的统一表格"
    basis_en = "The report format (国办公开办函〔2019〕60号 / 〔2021〕30号): the tables of sections 2, 3 and 4"


class EncodingFallback(_DiagnosticRule):
    """检查内容：文本不是 UTF-8（或网页声明的编码），只能按 GB18030 或带替换字符解码。

    为何重要：编码不明的文件在不同系统上可能显示为乱码；出现替换字符时部分文字已经丢失，检查
    结果可能不完整。

    不合规示例：以 GBK 保存且未声明编码的文本文件。

    合规示例：UTF-8 编码的文件，或正确声明 ``charset`` 的网页。

    依据：工具的读取说明（非法定要求）；仅作提示。

    What it checks: the text is not UTF-8 (or the page's declared charset) and was decoded as GB18030 or with replacement characters.

    Why it matters: a file of unclear encoding may show as garbage on other systems; replacement characters mean some text is lost and the check may be incomplete.

    Non-compliant example: a text file saved as GBK without any declaration.

    Compliant example: a UTF-8 file, or a page that declares its ``charset`` correctly.

    Basis: reading advice of this tool, not a statutory requirement; a note only.
    """

    code = "XT003"
    name = "encoding-fallback"
    level = "note"
    grade = "D"
    summary_zh = "文本按后备编码解码"
    summary_en = "The text was decoded with a fallback encoding"
    basis_zh = "读取说明：建议以 UTF-8 发布文本（非法定要求）"
    basis_en = "Reading advice: publish text as UTF-8 (not a statutory requirement)"


class NotAnAnnualReport(_DiagnosticRule):
    """检查内容：既找不到年度报告标题，也找不到六个部分中的任何一个标题。

    为何重要：批量检查的文件夹中可能混有通知、解读或附件；这些文件不应按年度报告逐条报错。

    不合规示例：一份政策解读文章被放进年度报告文件夹。

    合规示例：标题为“××市××局2024年政府信息公开工作年度报告”、含“一、总体情况”等六个部分的报告。

    依据：《中华人民共和国政府信息公开条例》第五十条（年度报告应当包括的内容）。

    What it checks: neither a report title nor any of the six section headings can be found.

    Why it matters: a batch folder may hold notices, explanations or attachments; those must not be reported rule by rule as if they were annual reports.

    Non-compliant example: a policy explanation article placed in the annual-report folder.

    Compliant example: a report titled "××市××局2024年政府信息公开工作年度报告" with the six parts starting at "一、总体情况".

    Basis: Regulations on Government Information Disclosure, art. 50 (what the annual report must contain).
    """

    code = "XT004"
    name = "not-an-annual-report"
    level = "error"
    summary_zh = "不是政府信息公开工作年度报告"
    summary_en = "Not an annual report on government information disclosure"
    basis_zh = "《中华人民共和国政府信息公开条例》第五十条"
    basis_en = "Regulations on Government Information Disclosure, art. 50"
