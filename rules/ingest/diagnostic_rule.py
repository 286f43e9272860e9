"""The XT rules: each reports the reader's or interpreter's diagnostics of its code."""

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
                sub_id=f"section{section}" if section else args.get("sub_id"),
                level=args.get("level"),
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
    """检查内容：第二、三、四部分必须含有表格；该部分存在但其中没有可识别的表格（例如文本被展平、表格为图片）。表格只能部分识别（某些行的单元格与表头对不上）、或 PDF 中有文字落在页面之外（表格比页面宽，被截去）时，也以本规则提示，说明哪些内容未能检查。

    为何重要：统一格式以表格报告主动公开、依申请公开和复议诉讼数据；识别不出表格时，依赖该表的
    检查全部跳过，本规则告诉检查人员哪些检查没有做，而不是猜测数字。

    不合规示例：网页转存时表格边框被去掉，相邻数字连成一串（如 ``640020470``）。

    合规示例：保留表格结构的 DOCX 或网页原文。

    依据：《政府信息公开工作年度报告格式》（国办公开办函〔2019〕60号、〔2021〕30号）所附表格。

    What it checks: sections 2, 3 and 4 must hold tables; the section is present but no table in it could be recognised (flattened text, a table as an image). A table read only in part (rows whose cells do not line up with the header), and text of a PDF lying outside the page (a table wider than the page, cut off), are reported by this rule too, saying what could not be checked.

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
    """检查内容：文件是否是一份年度报告。既没有年度报告标题（“{机关名称}{YYYY}年政府信息公开工作年度报告”），六个部分的标题按顺序找到的又不足三个，也没有年度报告的任何表格时，判定不是年度报告；列出多份年度报告标题的页面（网站的目录页、列表页）同样不是。只有报告标题、没有任何部分标题和表格、正文寥寥无几的文件（报告以附件形式发布的网页，或正文由网页脚本加载而未保存的网页）也不按年度报告检查，此时为警告级，并列出网页所附的文件：报告正文在别处，网页本身并无错误。学校按《高等学校信息公开办法》等学校信息公开规定编写的信息公开工作年度报告（标题不称“政府信息公开”，按学年统计，格式另有规定，没有统一格式的表格）也不是本报告，同样为警告级。网站在年报栏目中与报告并列发布的报告解读（标题为“文字解读：……年度报告”“图解……年度报告”“……年度报告解读”等，介绍报告各部分而没有报告的表格）也不是报告本身。这样的文件只报告这一条，不再按年度报告逐条检查。

    为何重要：批量检查的文件夹中可能混有通知、检查意见清单、说明文档或网站目录页；把它们当作年度报告检查，会得到“缺少六个部分”等一串没有意义的错误，淹没真正的问题。

    不合规示例：国办公开办函〔2021〕30号通知的正文（有“一、报告内容”“（一）总体情况。”，但不是报告）；一份 markdown 格式的检查问题清单；本工具的 README；平潭综合实验区“政府信息公开年报”栏目的目录页（列出 2019—2022 年度四份报告的标题）。

    合规示例：标题为“平潭综合实验区2022年度政府信息公开工作年度报告”、含“一、总体情况”等六个部分的报告；标题丢失但六个部分标题俱在、或表格可以识别的转换稿，也按年度报告检查。

    依据：《中华人民共和国政府信息公开条例》第五十条（年度报告应当包括的内容）。

    What it checks: whether the file is an annual report at all. A file with no report title ("{agency}{YYYY}年政府信息公开工作年度报告"), fewer than three of the six section headings in order and none of the report's tables is not a report; nor is a page listing the titles of several reports (a site's index or list page). A file with a report's title but no section heading, no table and hardly any text (a page publishing the report as an attachment, or whose text a script loads and was not saved) is not checked as a report either; this is a warning, naming the files the page attaches: the report is elsewhere, nothing in the page is wrong. A school's information-disclosure report under the school regulations (高等学校信息公开办法 and the like: a title without 政府信息公开, a school year, a format of its own, none of the national tables) is not this report either, also a warning. Nor is an interpretation of a report that sites publish beside it in the same column (titled '文字解读：…年度报告', '图解…年度报告', '…年度报告解读' …: it describes the report's parts and has none of its tables). Such a file gets this one finding and is not checked rule by rule.

    Why it matters: a batch folder may hold notices, lists of findings, README files or a site's index pages; checked as reports they give a string of meaningless errors ("section 1 missing" …) that bury the real ones.

    Non-compliant example: the text of the notice 国办公开办函〔2021〕30号 (it has "一、报告内容" and "（一）总体情况。" but is not a report); a list of findings in markdown; this tool's README; the index page of 平潭综合实验区's "政府信息公开年报" column (the titles of four reports, 2019–2022).

    Compliant example: a report titled "平潭综合实验区2022年度政府信息公开工作年度报告" with the six parts starting at "一、总体情况"; a conversion that lost its title but kept the section headings or readable tables is still checked as a report.

    Basis: Regulations on Government Information Disclosure, art. 50 (what the annual report must contain).
    """

    code = "XT004"
    name = "not-an-annual-report"
    level = "error"
    summary_zh = "不是政府信息公开工作年度报告"
    summary_en = "Not an annual report on government information disclosure"
    basis_zh = "《中华人民共和国政府信息公开条例》第五十条"
    basis_en = "Regulations on Government Information Disclosure, art. 50"


class NoTextLayer(_DiagnosticRule):
    """检查内容：PDF 没有文字层（扫描件或“图片版”报告），文字只存在于图像中；或者报告中间有只含图像的页（扫描页、表格截图）。

    为何重要：没有文字层的报告无法检查任何内容；本规则明确告诉检查人员该文件一项都没有检查，
    而不是给出“没有问题”的空结果。中间缺页时，按内容的检查会把图像里的表格误报为“缺少”，
    因此也不做，只报告本规则。公众也无法检索、复制或用读屏软件朗读这样的报告。

    不合规示例：把纸质报告扫描成图片后生成的 PDF；把每页转换成图片再合成的 PDF。

    合规示例：由 Word/WPS 直接导出、带文字层的 PDF，或报告的 DOCX、网页版本。

    依据：《中华人民共和国政府信息公开条例》第四十九条（年度报告应向社会公布，须可获取）；
    本工具的读取说明：图片内容需先做文字识别（OCR）。

    What it checks: the PDF has no text layer (a scan or an image-only report): its text exists only as pictures; or pages inside the report are images only (scanned pages, screenshots of tables).

    Why it matters: nothing in such a report can be checked; this rule tells the inspector plainly that the file was not checked at all, instead of an empty pass. With pages missing from the middle, content checks would report what is only a picture as missing, so none is made and only this rule reports. The public cannot search, copy or read it aloud with a screen reader either.

    Non-compliant example: a PDF made by scanning the printed report; a PDF whose pages were turned into images.

    Compliant example: a PDF exported from Word/WPS with its text, or the report's DOCX or web page.

    Basis: Regulations on Government Information Disclosure, art. 49 (the report must be published, so it must be readable); reading advice of this tool: text in images needs OCR first.
    """

    code = "XT005"
    name = "no-text-layer"
    level = "warning"
    grade = "D"
    summary_zh = "PDF 没有文字层，无法检查"
    summary_en = "The PDF has no text layer and could not be checked"
    basis_zh = "《中华人民共和国政府信息公开条例》第四十九条；读取说明：图片内容需先做文字识别"
    basis_en = (
        "Regulations on Government Information Disclosure, art. 49; reading advice: "
        "text in images needs OCR first"
    )


class BeforeTheFormats(_DiagnosticRule):
    """检查内容：报告的年度（取自标题或统计期限；两者都没有时，正文开头（标题后的说明和第一部分）所述的年份全都早于 2019 年的，取正文的年度）是否早于全国统一格式开始适用的年度（2019 年度）。2018 年度及以前的年度报告按 2008 年施行的条例编写，当时没有全国统一的报告格式（各地自定，常有“收费及减免情况”“咨询情况”等部分），不在本工具的检查范围内；这样的文件只报告这一条，不按统一格式逐条检查。报告的表格已是 2019 年或 2021 年格式时（标题中的年度写错），不按本规则处理，由 ST005 等规则检查。2019 年度的报告按统一格式施行前的写法编排（编号部分或开头所列各部分中有“概述”“收费及减免”“不予公开政府信息情况”“咨询情况”等中的两项，没有统一格式的表格，也没有“收到和处理政府信息公开申请情况”部分）的，同样只报告这一条：国办公开办函〔2019〕60号对 2019 年度的报告只是提倡采用统一格式，确有困难的可参照编写。

    为何重要：批量检查网站“政府信息公开年报”栏目时，文件夹里往往有 2008 年以来各年度的报告；按 2019 年以后的格式检查旧报告，会得到“缺少第六部分”等一串并不成立的错误，淹没真正的问题。本规则明确告诉检查人员该文件未检查及其原因，而不是给出空结果。

    不合规示例：标题为“某乡2017年度政府信息公开工作年度报告”、由“概述”“依申请公开、不予公开及咨询政府信息情况”“收费及减免情况”等部分组成的报告。

    合规示例：2019 年度及以后、按国办公开办函〔2019〕60号或〔2021〕30号格式编写的报告。

    依据：国办公开办函〔2019〕60号（年度报告格式（试行），适用于 2019、2020 年度报告）、〔2021〕30号（2021 年度起）；此前的年度报告适用 2008 年条例第三十二条，没有统一格式（FORMATS.md，版本划分）。

    What it checks: whether the report's year (from its title or its statistics period; with neither, from its text when every year its opening text, preamble and section 一, names is before 2019) is before the first year of the national formats (2019). Reports on 2018 and before followed the 2008 Regulations, when there was no national format (each place had its own, often with parts on fees and waivers, or on enquiries): they are outside this tool's scope, and such a file gets this one finding instead of being checked rule by rule. A report whose tables already follow the 2019 or 2021 format (a slip in the year of its title) is not one: ST005 and the other rules check it. A report on 2019 laid out as before the formats (two of an overview (概述), fees and waivers, information withheld, enquiries, among its numbered parts or the parts its opening lists; no table of a national format; no section 三 in the format's words) also gets this one finding: 国办公开办函〔2019〕60号 only encouraged the unified format for reports on 2019, letting an agency with real difficulty follow it loosely.

    Why it matters: a site's column of annual reports, checked as a batch, often holds every year since 2008; checked against the formats of 2019 and later, an old report gets a string of untrue errors ("section 6 missing" …) that bury the real ones. This rule tells the inspector plainly that the file was not checked, and why, instead of an empty result.

    Non-compliant example: a report titled "某乡2017年度政府信息公开工作年度报告", in parts such as 概述, 依申请公开、不予公开及咨询政府信息情况 and 收费及减免情况.

    Compliant example: a report on 2019 or later in the format of 国办公开办函〔2019〕60号 or 〔2021〕30号.

    Basis: 国办公开办函〔2019〕60号 (the trial format, for reports on 2019 and 2020) and 〔2021〕30号 (from 2021); earlier reports followed art. 32 of the 2008 Regulations, with no national format (FORMATS.md, the version switch).
    """

    code = "XT006"
    name = "report-before-the-formats"
    level = "warning"
    grade = "B"
    summary_zh = "2019 年度以前的报告，没有统一格式，未检查"
    summary_en = "A report on a year before 2019: no national format, not checked"
    basis_zh = "国办公开办函〔2019〕60号、〔2021〕30号的适用年度；此前适用 2008 年条例，无统一格式"
    basis_en = (
        "The years 国办公开办函〔2019〕60号 and 〔2021〕30号 apply to; before them the 2008 "
        "Regulations, with no national format"
    )
