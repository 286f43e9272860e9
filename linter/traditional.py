"""Traditional characters read as the simplified ones the format prints.

A report saved from a government site's 繁體 view, or copied through a mirror that
converts (FORMATS.md cites such a mirror), prints “一、總體情況”, “政府信息公開行政復議”,
“本年收費金額（單位：萬元）”: the same headings and labels. :func:`linter.textnorm.compact`
(and so every label and heading match) reads each traditional character listed here as
its simplified form, one character for one.

The table covers the traditional forms of the simplified characters the project's labels,
cues and spec use and the real reports in tests/fixtures print (495 pairs), generated
once with hanziconv 0.3.2's character map (Apache-2.0, © 2014 Bernard Yue; a development
tool, not a dependency); a traditional character that is also a simplified one in use
(後 is not, 著 would be) is left out, and so are 乾, 著, 藉, 瞭, which simplified text
also prints (显著, 凭藉), so no simplified text changes. 採 (采) was added by hand: a 2020
report's 繁體 page prints 政府集中採購 and 採購項目數量; 佈 (布) too: 特向社會公佈 in a 2020
海事局 report as a government site's big5 gateway prints it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

TRADITIONAL = (
    "車夾見長東糾來兩門協狀訂計風負約後則為係頁員財個們剛純級納紓紙島針鬥記討訊訓迴徑庫氣陣師時書隻衹訪訟設許堅執軟區敗紹細組"
    "終畢閉參從産處帶崗動務貫貧責捲掃規視國華莊條將專淺連這啓問牽術習現郵張眾惡貸費買貿貼報場備傢筆殘測詞評訴詐診創單給結絕絡"
    "絲統隊階陽發復順項須揮幾間開進睏嵐勞圍無鄉頌預經補裏溝準該話試詳詢飲傳僅傾債達過違運當損電煉極業賃資幹號匯彙會節較載塊亂"
    "寜農義肅勢園圓銅銜銀認說誤語慶態漢滿綱緊綠網維綫綜暢稱種遞遠對奬罰閤閩輕構劃際監盡領麼麽齊實颱臺圖團聞與製銷噁養輪潑編線"
    "緻標樂樓樣彆彈撥擊層賣賬質調課論請誰談廢廣徹徵衛閱鄰慮導數髮範複駝駐鞏萬價儀億踐寬審寫碼確熱適暫錶錯錄噹餘辦應儘積蓋輯輸"
    "縣閾遷選遺擔據澤獨築賴頸頻頭機樹舉曆曉歷龍親隨險學鍛鍵鍾環闆幫講濟擬館營聯聲償優檔檢療點糞績縮總購轄輿還獲磯勵臨雖壓隱額"
    "題謹擺擴鎮檯雙雜礎簡瀏斷豐歸醫舊職禮繞織轉鬆礙鏡鏈邊辭懷顛類關壞繫繳薦穫穩識證難嚮簽龐騙齣繼闡籌觸黨鐘礦覺嚴麵釋糰響議襬"
    "纍續護欄饋覽闢藥屬讀籠蘇聽權鬚變纔囌驗邏籤顯體靈讓韆驟觀廳灣驥丟寧脫兌別產獎減潛谘夠並掛換內卻災刪況強腳溫虛爭廈粵戶滾屆"
    "沒紮蹤誌裡疊冇決啟撐異稅冊遊於採佈"
)
SIMPLIFIED = (
    "车夹见长东纠来两门协状订计风负约后则为系页员财个们刚纯级纳纾纸岛针斗记讨讯训回径库气阵师时书只只访讼设许坚执软区败绍细组"
    "终毕闭参从产处带岗动务贯贫责卷扫规视国华庄条将专浅连这启问牵术习现邮张众恶贷费买贸贴报场备家笔残测词评诉诈诊创单给结绝络"
    "丝统队阶阳发复顺项须挥几间开进困岚劳围无乡颂预经补里沟准该话试详询饮传仅倾债达过违运当损电炼极业赁资干号汇汇会节较载块乱"
    "宁农义肃势园圆铜衔银认说误语庆态汉满纲紧绿网维线综畅称种递远对奖罚合闽轻构划际监尽领么么齐实台台图团闻与制销恶养轮泼编线"
    "致标乐楼样别弹拨击层卖账质调课论请谁谈废广彻征卫阅邻虑导数发范复驼驻巩万价仪亿践宽审写码确热适暂表错录当余办应尽积盖辑输"
    "县阈迁选遗担据泽独筑赖颈频头机树举历晓历龙亲随险学锻键钟环板帮讲济拟馆营联声偿优档检疗点粪绩缩总购辖舆还获矶励临虽压隐额"
    "题谨摆扩镇台双杂础简浏断丰归医旧职礼绕织转松碍镜链边辞怀颠类关坏系缴荐获稳识证难向签庞骗出继阐筹触党钟矿觉严面释团响议摆"
    "累续护栏馈览辟药属读笼苏听权须变才苏验逻签显体灵让千骤观厅湾骥丢宁脱兑别产奖减潜咨够并挂换内却灾删况强脚温虚争厦粤户滚届"
    "没扎踪志里叠没决启撑异税册游于采布"
)


_TO_SIMPLIFIED = str.maketrans(TRADITIONAL, SIMPLIFIED)
_TRADITIONAL_CHAR = re.compile(f"[{TRADITIONAL}]")
_CJK = re.compile("[\u4e00-\u9fff]")
# A document is read as a traditional one when this many of its characters are
# traditional ones, and this share of its Chinese characters: a 繁體 page (a fifth or
# more of a report's characters differ), not a simplified report with a slip or two.
MIN_TRADITIONAL = 30
MIN_SHARE = 0.05


_FORMS: dict[str, str] = {}
for _t, _s in zip(TRADITIONAL, SIMPLIFIED, strict=True):
    _FORMS[_s] = _FORMS.get(_s, _s) + _t


def pattern(word: str) -> str:
    """A regular expression for ``word`` (simplified) printed in simplified or traditional
    characters, one for one: “信息内容” → “信息[内內]容”. For a reader that matches a
    literal label before the interpreter reads a 繁體 document as simplified."""
    return "".join(f"[{_FORMS[c]}]" if c in _FORMS else re.escape(c) for c in word)


def forms(word: str) -> frozenset[str]:
    """``word`` (simplified) as it may be printed: each character simplified or traditional."""
    out = [""]
    for c in word:
        out = [w + f for w in out for f in _FORMS.get(c, c)]
    return frozenset(out)


def simplified(text: str) -> str:
    """``text`` with each traditional character of the table as its simplified form."""
    return text.translate(_TO_SIMPLIFIED)


# A syllable of pinyin in brackets after a character, which some mirrors of 繁體 pages
# write after a character here and there (“拖市鎮(zhèn)”, “本年新公開數(shù)量”, “二、主動(dòng)公開
# 政府信息情況”: the stored pages of 2019–2020 reports copied by such sites): lower-case
# letters, a vowel among them, up to six.
_PINYIN = re.compile(
    r"(?<=[\u4e00-\u9fff])\((?=[a-zü]*[aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])"
    r"[a-züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,6}\)"
)


def simplified_reading(text: str) -> str:
    """``text`` as :func:`simplified` reads it, without the pinyin a mirror wrote after
    characters (the words read together again, as titles, headings, labels and sentences
    are matched; a place after such a syllable on its line is that many columns early),
    and with 信息 for 資訊, which the big5 gateways of government sites write for it
    (“政府資訊公開工作年度報告”, “資訊內容”: big5.mot.gov.cn's copy of a 2020 海事局
    report; one word for one of the same length, so places hold)."""
    text = text.translate(_TO_SIMPLIFIED)
    if "资讯" in text:
        text = text.replace("资讯", "信息")
    return _PINYIN.sub("", text) if "(" in text else text


def mostly_traditional(texts: Iterable[str]) -> bool:
    """Whether ``texts`` (a document's paragraphs and cells) are written in traditional
    characters (see :data:`MIN_TRADITIONAL`)."""
    # One text, searched once: a pattern run over each of a document's few hundred
    # paragraphs and cells cost more in the calls than in the search.
    text = "\n".join(texts)
    traditional = len(_TRADITIONAL_CHAR.findall(text))
    if traditional < MIN_TRADITIONAL:
        return False  # (a simplified report: its Chinese characters need no counting)
    return traditional >= MIN_SHARE * len(_CJK.findall(text))
