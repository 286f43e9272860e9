"""What the narrative says, as data: the regexes and cue lists of the TX rules.

All patterns run on the *normalised* narrative (:mod:`rules.consistency.narrative`):
NFKC (full-width digits and punctuation become ASCII, so “，” is “,” and “（” is “(”)
and every whitespace character removed, so that “1295 件” and a number or a word broken
across two printed lines read as one. Clauses end at ``。,;!?:``.

The lists favour precision over recall (RULES.md: “precision beats recall here”): a
statement is taken only in a wording that cannot mean anything else. Real sentences
each pattern was made from are quoted beside it.
"""

from __future__ import annotations

import re

from linter.narrative import (  # noqa: F401  (re-exported: the TX rules read them here)
    CLAUSE_END,
    HEADING_END,
    INFO_CLAUSE_WORDS,
    INFO_HEADING_WORDS,
    INFO_SECTIONS,
    PARAGRAPH_BREAK,
)

# Clause ends and the two synthetic breaks of the narrative (see linter.narrative).
_END = re.escape(CLAUSE_END)

# A count: ``95``, ``3,119`` (thousands separators), not a decimal or part of a longer number;
# or a Chinese numeral (“一千二百九十九件”), read by linter.numerals — a run that is not a
# complete numeral (“两千余”, “一二三”) is dropped by the reader, never guessed.
NUMBER = (
    r"(?<![\d.])(?P<num>\d{1,3}(?:,\d{3})+(?!\d)|\d+(?!\.\d)"
    r"|(?<![零〇一二两三四五六七八九十百千万亿])[零〇一二两三四五六七八九十百千万亿]+)(?!\.\d)"
)

# --- TX001: applications received ---------------------------------------------------------

# Verbs of receiving. 办结/答复/办理/处理/予以公开 are handling, never receiving.
RECEIVE_VERBS = ("收到", "新收", "受理", "接收", "接到", "收悉")

# What may stand between the verb and “申请” in the same clause (“代表区政府受理政府信息公开
# 申请 17 件”, “接收通过邮寄、网络提交的各类政府信息公开申请共计81件”): anything but a
# clause end, a bracket or a digit, at most 30 characters.
_GAP = rf"[^{_END}()\d]{{0,30}}?"

# “申请” that is the application itself, not 申请人/申请书/申请渠道 …
_APPLICATION = r"(?:依申请公开|申请)(?!人|书|表|渠道|途径|方式|材料|流程|程序|条件|页面|入口|平台|时间|日期|内容|事项)"

# Between “申请” and the number: “共计”, “数量为”, “件” (“收到政府网站上政府信息公开申请件2件”).
_LINK = r"(?:件|总量|总数|数量|量|数)?(?:共计|合计|总计|累计|共|计|达到|达|为|是)*"

COUNT_UNIT = r"(?:件|宗|份)"

# “区政府办代表区政府受理政府信息公开申请 17 件” (洪泽 2024), “市政府共受理政府信息公开申请
# 1295 件” (上海 2025), “全区收到政府信息公开申请75件” (平潭 2022).
RECEIVED_AFTER = re.compile(
    rf"(?P<verb>{'|'.join(RECEIVE_VERBS)})(?P<gap>{_GAP})(?P<app>{_APPLICATION}){_LINK}{NUMBER}{COUNT_UNIT}"
)

# “本年度全区共收到70件申请” (平潭 2021).
RECEIVED_BEFORE = re.compile(
    rf"(?P<verb>{'|'.join(RECEIVE_VERBS)})(?P<gap>[^{_END}()\d]{{0,12}}?)"
    rf"(?:共计|合计|总计|共|计)?{NUMBER}{COUNT_UNIT}次?(?:的|各类)?"
    r"(?P<app>(?:政府信息公开|信息公开|依申请公开)?申请)(?!人)"
)

# The application must be one for information: “政府信息公开申请”, “依申请公开”, or a bare
# “申请” with nothing but these words after the verb (“共收到70件申请”), so that “受理行政
# 许可申请 550 件” is not read.
INFO_APPLICATION_BEFORE = ("政府信息公开", "信息公开", "政府信息", "公开")
BARE_GAP_WORDS = (
    "共计",
    "合计",
    "总计",
    "共",
    "计",
    "各类",
    "各种",
    "全部",
    "所有",
    "的",
    "了",
    "到",
)

# In the gap between verb and number, or before the verb in the clause, these words make a
# count something else than “applications received this year”: handling (办结 …), a part
# (其中、网上 …), a change (较上年 …), an average, another year. Such a statement is kept
# only as *weak*: it may excuse a difference (its figure may be the table's) but is never
# reported.
NOT_RECEIVED_WORDS = (
    "办结",
    "答复",
    "办理",
    "予以",
    "不予",
    "处理",
    "结转",
    "撤回",
    "转办",
    "转送",
    "补正",
    "其中",
    "分别",
    "较",
    "比",
    "同比",
    "环比",
    "增加",
    "减少",
    "增长",
    "下降",
    "上升",
    "回落",
    "平均",
    "月均",
    "日均",
    "每月",
    "上年",
    "上一年",
    "去年",
    "往年",
    "前年",
    "累计",
    "以来",
    "如",
    "若",
)

# “其中” makes the rest of its sentence (up to 。 or ；) a breakdown: “共收到申请95件，其中，
# 区政府办受理……17件”.
SENTENCE_PART_WORDS = ("其中",)

# Channels: “收到网上申请 50 件” is a part unless the clause says all kinds (各类).
CHANNEL_WORDS = (
    "网上",
    "网络",
    "在线",
    "网站",
    "当面",
    "现场",
    "信函",
    "邮寄",
    "来信",
    "传真",
    "电子邮件",
    "邮箱",
    "电话",
)
ALL_KINDS_WORDS = ("各类", "各种", "所有", "全部", "各渠道")

# “未收到政府信息公开申请”, “没有收到公民、法人或者其他组织提出的政府信息公开申请”,
# “本年度无依申请公开事项”. Only the listed words may stand between the negation and
# “申请”, so that “未收到书面申请” (a part) or “未收到申请人缴纳的费用” do not match.
_APPLICANT_WORDS = (
    "任何",
    "公民",
    "法人",
    "或者",
    "或",
    "其他组织",
    "和",
    "、",
    "提出",
    "提交",
    "的",
    "向",
    "本机关",
    "本单位",
    "我局",
    "我委",
    "我办",
    "我区",
    "我市",
    "我县",
    "我厅",
    "我部",
    "有关",
    "相关",
    "社会公众",
    "群众",
    "申请人",
    "政府信息公开",
    "政府信息",
    "信息公开",
)
APPLICATION_NONE = re.compile(
    r"(?P<neg>未收到|没有收到|未接到|没有接到|未接收到|未受理|没有受理|未发生|未有|没有|无)"
    rf"(?:{'|'.join(map(re.escape, _APPLICANT_WORDS))})*"
    rf"(?:申请(?!人|费|书|表)|依申请公开(?:申请|事项|情况|工作|案件|件)?(?=[{_END}]|$))"
)

# Words before a negation that make it hypothetical, partial or about another year.
NEGATION_SPOILERS = (
    "如",
    "若",
    "是否",
    "有无",
    "有没有",
    "并非",
    "除",
    "上年",
    "上一年",
    "去年",
    "往年",
    "前年",
    "其中",
    "以前",
)

# --- TX003: administrative review and litigation --------------------------------------------

CASE_UNIT = r"(?:件|宗|起|个)"
_CASE_LINK = r"(?:案件|类案件|申请|案)?(?:数量|数)?(?:共计|合计|总计|共|计|达到|达|为|是)*"

# “政府信息公开行政复议 351 件，其中结果维持 72 件” (淮安 2024), “行政复议案件2件”
# (平潭 2023). The number must follow the term directly: “行政复议纠错 2 件” is an outcome.
REVIEW_COUNT = re.compile(rf"(?P<term>行政复议){_CASE_LINK}{NUMBER}{CASE_UNIT}")

# “政府信息公开行政诉讼 46 件” (淮安 2024), “行政诉讼案件1件” (平潭 2022).
LITIGATION_COUNT = re.compile(rf"(?P<term>行政诉讼){_CASE_LINK}{NUMBER}{CASE_UNIT}")

# “信息公开类行政复议7件，诉讼9件” (上海 2019): a bare “诉讼” right after a review count.
BARE_LITIGATION_AFTER_REVIEW = re.compile(
    rf"^(?:[,、]|和|及|以及)(?:提起)?(?P<term>诉讼){_CASE_LINK}{NUMBER}{CASE_UNIT}"
)

# “行政复议、行政诉讼案件分别为 2 件、7 件”.
REVIEW_LITIGATION_RESPECTIVELY = re.compile(
    r"行政复议(?:案件)?(?:[、和及与]|以及)(?:行政)?诉讼(?:案件)?(?:数量)?分别(?:为|是)?"
    r"(?<![\d.])(?P<review>\d+)" + CASE_UNIT + r"?(?:[、和,]|以及)"
    r"(?<![\d.])(?P<litigation>\d+)" + CASE_UNIT
)


# Before the term, in the clause: a part (复议后起诉 …), another year, a change.
NOT_TOTAL_CASE_WORDS = (
    "其中",
    "复议后",
    "经复议",
    "经行政复议",
    "未经复议",
    "直接",
    "一审",
    "二审",
    "再审",
    "上诉",
    "上年",
    "上一年",
    "去年",
    "往年",
    "较",
    "同比",
    "环比",
    "增加",
    "减少",
    "平均",
    "累计",
    "以来",
    "纠错",
    "败诉",
    "分别",
)

# A term right after another one and a conjunction is a combined count
# (“行政复议、行政诉讼案件 9 件”): neither total, so it is not read.
COMBINED_BEFORE = re.compile(r"(?:行政复议|行政诉讼|复议|诉讼)(?:[、和及与或/]|以及|或者)$")

# “未发生因政府信息公开工作被申请行政复议和提起行政诉讼的情况”, “无行政复议、行政诉讼案件”.
# Only these words may stand between the negation and the term, and after the last term only
# 案件/申请/情况…, then the end of the clause: so “未发生因依申请公开被行政复议纠错或行政诉讼
# 败诉情形” (上海 2025, about outcomes, not cases) does not match.
_CASE_SCOPE_WORDS = (
    "因",
    "由于",
    "由",
    "涉及",
    "有关",
    "关于",
    "针对",
    "对",
    "本机关",
    "本单位",
    "我局",
    "我委",
    "我办",
    "我区",
    "我市",
    "我县",
    "我厅",
    "我部",
    "政府信息公开",
    "信息公开",
    "依申请公开",
    "政务公开",
    "工作",
    "申请人",
    "申请",
    "事项",
    "方面",
    "类",
    "引起",
    "引发",
    "产生",
    "而",
    "被",
    "提起",
    "提出",
    "的",
    "、",
    "和",
    "或者",
    "或",
    "以及",
    "及",
    "与",
    "任何",
    "相关",
)
_CASE_TERM = r"(?:行政复议|行政诉讼)"
_MORE_TERMS = r"(?:(?:[、和及与或]|以及|或者)(?:提起|申请|被)?(?:行政复议|行政诉讼|复议|诉讼))*"
_CASE_TAIL = r"(?:案件|类案件|申请|事项|案|的?情况|的?情形|等)?"
CASE_NONE = re.compile(
    r"(?P<neg>未发生|没有发生|未出现|没有出现|未收到|没有收到|未接到|未有|没有|未被|未曾|无)"
    rf"(?:{'|'.join(map(re.escape, _CASE_SCOPE_WORDS))})*"
    rf"(?P<terms>{_CASE_TERM}{_MORE_TERMS}){_CASE_TAIL}(?=[{_END}]|$)"
)

# “行政复议、行政诉讼均为 0”, “行政复议和行政诉讼案件数量为零”.
CASE_ZERO = re.compile(
    rf"(?P<terms>{_CASE_TERM}{_MORE_TERMS})(?:案件|情况)?(?:数量|数)?(?:均|都|皆)?(?:为|是)?"
    rf"(?:0|零){CASE_UNIT}?(?=[{_END}]|$)"
)

# --- TX002: fee notices ----------------------------------------------------------------------

# “未向申请人发出收费通知”. Only a statement about *notices* can contradict the table: row
# （六）2 counts applications dropped because a fee notice was not paid, so a notice was
# issued. “未收取信息处理费” contradicts nothing in the tables (an unpaid fee is not collected)
# and is left to the OM rules.
FEE_NOTICE_NONE = re.compile(
    r"(?:未|没有|无)(?:向申请人|向任何申请人)?(?:发出|出具|送达|开具|发送)(?:过)?(?:任何)?"
    r"(?:信息处理费|处理费)?(?:的)?(?:收费|缴费)通知"
)

# --- TX005: absolute claims ----------------------------------------------------------------

# Each claim: its wording, and the concepts (linter.statements.CONCEPTS) of which any above
# zero contradicts it. For the claims about cases, ``{group}`` is review and/or litigation as
# the clause (or else the sentence) names 复议 / 诉讼. Real sentences: “复议决定均获维持”,
# “全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形” (上海 2025: true there, the table has
# no correction), “对申请人的申请全部予以公开”, “所有申请均已办结”.
ABSOLUTE_CLAIMS: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...] = (
    (
        "upheld_all",
        re.compile(r"(?:均|全部|全都|都)(?:已)?(?:获|被|予以|得到|获得)?(?:依法)?维持"),
        ("{group}.corrected", "{group}.other", "{group}.pending"),
    ),
    (
        "none_corrected",
        re.compile(
            r"(?:无一|没有一件|没有一起|均未|都未|全部未|未有)(?:案件)?(?:被)?(?:纠正|纠错|撤销)"
            r"|未发生[^,。;:!?\n\x1e]{0,24}?(?:纠错|被纠正|败诉)"
        ),
        ("{group}.corrected",),
    ),
    (
        "all_disclosed",
        re.compile(r"(?:全部|均|一律)(?:已)?予以公开"),
        ("applications.partially_granted", "applications.withheld"),
    ),
    (
        "all_concluded",
        re.compile(
            r"(?:均已|已全部|均|全部)(?:已)?(?:按时|按期|依法|如期)?(?:办结|办理完毕|答复完毕)"
        ),
        ("applications.carried_forward",),
    ),
)

# Before the claim in its sentence: a part (其中, 除…外, 应公开的), another year, a
# condition: the claim is not about every case or application of the year.
CLAIM_SCOPE_WORDS = (
    "其中",
    "除",
    "其余",
    "其他",
    "应",
    "符合",
    "属于",
    "可以",
    "能够",
    "已审结",
    "审结的",
    "上年",
    "去年",
    "往年",
    "以来",
    "如",
    "若",
    "是否",
)
CLAIM_APPLICATION_WORDS = ("申请",)

# --- TX006: a stale year -------------------------------------------------------------------

# “2024年” or “2024年度” naming a year of work, not a date (2024年12月), a report (2024年度报告),
# a stock (2024年底) or a period's start (2024年以来, 2024年起).
YEAR_MENTION = re.compile(
    r"(?<![\d.])(?P<year>20\d\d)年(?:度)?"
    r"(?![\d月底末初前后以起至到]|度?(?:政府信息公开|工作)?(?:年度)?报告|度?年报|版)"
)

# In the sentence, before the figure: a comparison or a reference makes another year
# legitimate (RULES.md TX006: 较, 比, 同比, 上年, 去年, 以来, 截至上年, 整改, 上一年度报告).
STALE_YEAR_EXEMPT = (
    "较",
    "比",
    "同比",
    "环比",
    "上年",
    "去年",
    "上一年",
    "往年",
    "以来",
    "截至",
    "截止",
    "整改",
    "改进",
    "存在的问题",
    "报告",
    "计划",
    "累计",
    "历年",
    "同期",
    "自",
    "从",
    "于",
    "期间",
    "以前",
    "之前",
    "此前",
    "分别",
)
