"""Unit price: the lowest price for ONE record, with the tiers it came from.

Each money mention is read in its context:

- per record: ``0.3元/条``, ``3毛一条``, ``每份5角``, ``$0.004 per record``, ``AUD 0.05 each``;
- per N records: ``600元/万条``, ``每千条150元``, ``$25 per 1k``, ``€40 per thousand``;
- a package: ``1w条 800元``, ``1 lakh CVs – ₹15,000``, ``1k = $30``, ``AUD 300 for 5,000``,
  ``一块钱三条``;
- the whole lot: ``整包 5000 元``, ``£300 the lot``, ``$8,000 full``, ``打包2300出`` (divided by
  the claimed volume).

Amounts without a currency (``0.25一条``, ``全拿2000``) take the listing's default currency (CNY
for Chinese text, USD otherwise). Discounts written as 折 are applied to the price they follow.
"""

from __future__ import annotations

import itertools
import logging
import re
from dataclasses import dataclass

from monitor.extract.classify import PLAUSIBLE_MAX_CNY, SUBJECT
from monitor.extract.fastre import Folded, FoldedWindow, Gate, compile_lookahead_led
from monitor.extract.money import Money
from monitor.extract.numbers import (
    CN_NUM_CHARS,
    QUANTITY,
    parse_chinese,
    parse_quantity,
    quantity_value,
)
from monitor.extract.spans import Spans
from monitor.extract.threads import OTHER_DATA_SOURCE, channel_posts, furniture
from monitor.extract.volume import (
    NEXT_SUM,
    REC_UNIT_EN,
    REC_UNIT_ROW,
    REC_UNIT_ZH,
    STOCK_AFTER,
    Count,
    in_sample_row,
)

logger = logging.getLogger(__name__)

# Rough fixed rates to CNY, used only to compare prices in different currencies and to
# estimate gains for the severity indicator (not for accounting).
CNY_RATE: dict[str, float] = {
    "CNY": 1.0,
    "USD": 7.2,
    "USDT": 7.2,
    "EUR": 7.8,
    "GBP": 9.1,
    "INR": 0.086,
    "HKD": 0.92,
    "TWD": 0.22,
    "AUD": 4.7,
    "CAD": 5.2,
    "SGD": 5.3,
    "PHP": 0.125,
    "IDR": 0.00045,
    "MYR": 1.55,
    "AED": 1.96,
    "KES": 0.056,
    "NGN": 0.0047,
    "ZAR": 0.39,
    "PKR": 0.026,
    "BDT": 0.06,
    "THB": 0.2,
    "VND": 0.00028,
    "EGP": 0.15,
    "SAR": 1.92,
    "NZD": 4.3,
    "BRL": 1.3,
    "PLN": 1.8,
    "MXN": 0.4,
    "RUB": 0.08,
    "GHS": 0.55,
    "LKR": 0.024,
    "NPR": 0.054,
    "ARS": 0.008,
    "COP": 0.0018,
    "CLP": 0.0078,
    "PEN": 1.9,
    "TRY": 0.22,
    "UAH": 0.18,
    "KRW": 0.0053,
    "JPY": 0.048,
    "QAR": 1.98,
    "KWD": 23.5,
    "UGX": 0.0019,
    "TZS": 0.0028,
    "MAD": 0.72,
    "CHF": 8.2,
    "SEK": 0.68,
    "NOK": 0.67,
    "DKK": 1.05,
    "CZK": 0.31,
    "RON": 1.57,
    "BTC": 600_000.0,
}

# A whole-lot sum above this many units of money per record is not the lot's price.
PLAUSIBLE_LOT_PER_RECORD = 10
# No record is sold for more (the labelled corpora's dearest is ~22 yuan an executive's CV):
# a higher "unit price" is a tool's, a service's or a membership's, reported as none.
IMPLAUSIBLE_UNIT_CNY = 100.0

_UNIT = rf"(?:{REC_UNIT_ZH}|{REC_UNIT_ROW}|{REC_UNIT_EN})"
_UNIT_RE = re.compile(_UNIT, re.IGNORECASE)
_PER_ONE_AFTER = re.compile(
    # ("per enriched profile": one describing word, not a multiplier as in "per lakh records")
    rf"(?:[ \t]*/-)?[ \t]*(?:/[ \t]*|每[ \t]*|"
    rf"(?:per|pro|por|je)[ \t]+"
    rf"(?:(?!lakh|lac|crore|thousand|million|hundred|mil)[a-z]{{3,12}}[ \t]+)?|"
    rf"a[ \t]+|an[ \t]+|一[ \t]*|"
    rf"for one[ \t]+|"
    # (not "¥99 一份表格": one spreadsheet)
    rf"for 1[ \t]+|1[ \t]*(?=[条份个]))(?:个|位)?[ \t]*{_UNIT}(?![a-z]|表格|文件|压缩包|网盘)"
    r"|[ \t]*/?[ \t]*(?:each|apiece|ea\.?|pc|pcs|a pop|a piece|per head|c/u|cada uno)(?![a-z])"
    r"|[ \t]*yi[ \t]?(?:tiao|fen)(?![a-z])"  # pinyin: "5mao yi tiao"
    # ("2块\n一份，100份起": the unit on the next line, alone)
    rf"|[ \t]*\n[ \t]*(?:一|每)[ \t]*(?:条|份|个)(?=[ \t]*[,、，。;；\n])",
    re.IGNORECASE,
)
_PER_N_AFTER = re.compile(
    rf"(?:[ \t]*/-)?[ \t]*(?:flat[ \t]+)?"
    # ("$20.000 CLP cada 10 mil", "40 € les 1 000 lignes", "500 جنيه لكل 1000")
    rf"(?:/|per|por|pro|每|for every|a|一(?=[万千百])|(?:a |por )?cada|les|je|mỗi|لكل|за|"
    rf"ต่อ|प्रति|당)[ \t]*"
    # ("$150 per batch of 500", "$700 flat per 100k")
    r"(?:(?:batch|pack|package|bundle|set|block|lot)[ \t]+of[ \t]+)?"
    rf"(?P<n>{QUANTITY.pattern}|千|万|百|thousand|hundred|lakh|lac|crore|million|mille|mil|k|w|"
    # "R$ 40 o milheiro", "€ 20 al migliaio", "US$ 2 el millar"
    rf"(?:o |al |el |le )?(?:milheiro|migliaio|millar))(?![a-z])"
    rf"[ \t]*(?:{_UNIT})?(?![ \t]*(?:分钟|小时|天|min|hour|day))"  # ("¥299 / 90分钟": a time)
    r"|[ \t]*(?P<cpm>cpm)(?![a-z])",  # "$12 CPM": per thousand (mille)
    re.IGNORECASE,
)
_PER_ONE_BEFORE = re.compile(
    rf"(?:每|(?<!拼)单价|单条|单份|单笔|一|按[条份](?:计费|收费|结算|算)?)[ \t]*(?:个|位)?[ \t]*"
    # ("每筆只要 2 元")
    # ("每份 简历 ¥15": the record named after its unit)
    rf"(?:{REC_UNIT_ZH})?[ \t]*(?:简历|履历)?[ \t]*(?:价格?|价钱|只要|仅需|只需|仅|算你?)?[ \t]*"
    r"[:=]?[ \t]*\Z"
    rf"|(?:per|each|a|an)[ \t]+{_UNIT}[ \t]*[:=]?[ \t]*(?:just|only)?[ \t]*\Z"
    rf"|unit price[ \t]*[:=]?[ \t]*\Z",
    re.IGNORECASE,
)
_PER_N_BEFORE = re.compile(
    rf"(?:每|per)[ \t]*(?P<n>{QUANTITY.pattern}|千|万|百|"
    # ("每 k 条 45 元", "每 lakh 800 USDT")
    rf"thousand|k|lakh|lac|crore|million)[ \t]*(?:{_UNIT})?[ \t]*(?:价格?)?[ \t]*[:=]?[ \t]*\Z",
    re.IGNORECASE,
)
# "1w条 800元", "10k rows: $150", "1 lakh CVs – ₹15,000", "两万条打包价3000元", "(约46万条)仅需".
_COUNT_BEFORE = re.compile(
    # ("1万条 普工求职者名单 ¥99": the option's name between its count and its sum)
    rf"(?P<n>{QUANTITY.pattern})[ \t]*(?:\+|多|余)?[ \t]*"
    rf"(?:(?:[a-z]+[ \t]+){{0,2}}{_UNIT}"
    r"(?:[ \t]*[\u4e00-\u9fff]{0,8}(?:名单|简历|数据|资料|信息|资源))?)?"
    r"(?:[ \t]|[:=,、\-–—()（）【】\[\]/|│┃@.…>→]|打包价?|整包价?|套餐价?|价格?|只要|仅需|仅|只需|"
    r"共|总价|一包|一个包|每包|包埋|包晒|包|配套|方案|一套|for|at|only|batch|por|para|pour|für|"
    r"apenas|s[oó]|s[oó]lo|seulement|nur|sadece|hanya|chỉ|"
    # ("lấy hết 45k giá 7 triệu": a price word between the count and its sum)
    r"giá|harga|precio|preço|prix|preis|fiyat|"
    r"起(?=[ \t]*(?:[=:：\-–—]|打包|整包))|"  # "10万条起 = 300U", "100万条起打包 $15000"
    # ("the 10k starter package for", not "1000 records, whole pack": the lot's word)
    # ("10万条 package any mix: 2500元": two words may follow it before its sum's colon)
    r"(?:(?!whole|full|entire|complete)[a-z]+[ \t]+)?(?:packs?|packages?|bundles?|blocks?|sets?|"
    r"lots?|paket|paquete|pacote|pakiet)"
    r"(?:[ \t]+[a-z]+(?:[ \t]+[a-z]+)?(?=[ \t]*[:=]))?|"
    r"databases?|db|dump|list|以上(?=[ \t]*(?:打包|整包|全包))|"
    # ("8 Lakh (full) ....", "[500K FULL] RM 1,500": the package of everything)
    r"\((?:full|all|entire|whole|everything)(?: [a-z]{2,10})?\)|"
    r"(?:full|all|entire|whole)(?=[ \t]*[\]】)])|"
    r"[(（](?:全部|全套|整包|全库)[)）]|"
    r"chunks?)*\Z",
    re.IGNORECASE,
)
# "AUD 300 for 5,000 profiles", "AUD 1,000 for all 20k", "一块钱三条", "Rs 19999 for the full
# 5 lakh" (a count without a record word must then carry its multiplier: checked by the caller).
_COUNT_AFTER = re.compile(
    rf"[ \t]*(?:(?:for|mein)[ \t]+(?:all[ \t]+|the[ \t]+|a[ \t]+)?"
    rf"(?:(?:full|whole|entire|complete)[ \t]+)?"
    rf"(?:(?:set|lot|batch|dump|db|database)[ \t]+of[ \t]+)?|"
    rf"/[ \t]*|=[ \t]*|[—–][ \t]*|[,，、][ \t]*(?:共|共计|一共|合计|总共)[ \t]*|all[ \t]+|"
    # "Rp 2.400.000 (all 30.000 data)"
    rf"[(（][ \t]*(?:all|total|for all|共|共计|全部|整包|全套)[ \t]*|"
    # "200元包3000条"
    rf"(?:包|买)[ \t]*(?=\d))?"
    rf"(?:[~≈约]|about |approx\.? |around )?[ \t]*"  # "$99 = ~25k fresh leads"
    rf"(?P<n>{QUANTITY.pattern})[ \t]*(?:\+)?[ \t]*"
    rf"(?P<unit>(?:[a-z]+[ \t]+){{0,2}}(?:{_UNIT}|blocks?|batch|packs?|bundles?)"
    r"(?![a-z]|表格|文件|压缩包|网盘))?",
    re.IGNORECASE,
)
_LOT_BEFORE = re.compile(
    r"(?:整包|全包|打包|整体|整出|整卖|全部|全拿|全要|全收|一口价|全国包|全套|包圆|总价|全量|全库|整份|"
    r"整库|一起|拎走|一次(?:性|过)?(?:拿完|拿走|买完|全拿|带走|包走)|"
    # the whole lot in Spanish, Portuguese, French, German, Turkish, Vietnamese, Arabic
    r"base completa|toda la base|todo el lote|tudo|a base toda|base toda|fichier complet|"
    r"lot complet|le tout|komplett(?:preis)?|gesamtpreis|alles zusammen|(?<![a-z])vb|"
    r"tamamı|hepsi|lấy hết|cả kho|toàn bộ|الكل|gesamtpaket|komplettpaket|(?<![a-z])todo|"
    r"ambil semua|borong semua|semuanya|sekaligus|"
    # ("Full India pack ₹4.5 lakh": one word may describe the pack)
    r"(?:full|entire|whole|complete)(?:(?: [a-z]{2,12})? (?:set|database|db|dump|list|package|"
    r"pack|bundle|collection|thing|lot|base|batch|file|archive|bank|stock|inventory))?"
    r"(?: (?:discount|price|deal|offer))?|"
    r"the lot|everything|all of it|(?:offer|sale|special|deal|our) price|到手价|券后价?|拼单价|"
    r"现价|特价|拍下|仅售|只售|售价|全买|全部买|整批(?:优惠)?|包下|买晒成批|买晒|成批|borongan|"
    r"\(all\)|"
    r"takes? (?:it )?all)"
    r"[ \t]*(?:拿走|包走|带走|走|出|卖)?(?:的话)?[ \t]*(?:给你|算你|给)?"
    r"(?:for|at|only|just|[:=,\-–—>.…]|价|价格|优惠价?|只要|仅需|仅|只需|بـ|ب|"
    r"[ \t])*\Z",
    re.IGNORECASE,
)
# (fastre.Folded: its twin, the same pattern case-sensitive, is matched on the lower-cased text
# when there is one; its literals are lower-case)
_LOT_AFTER_SOURCE = (
    r"[ \t]*(?:(?:usd|usdt|eur|gbp|aud|cad|inr|cny|rmb)[ \t]+)?\(?"
    r"(?:for (?:the |it )?(?:lot|all|everything|whole|full|entire|complete)|the (?:lot|whole)|"
    r"(?:/|per)[ \t]*lot(?![a-z])|"
    r"full|complete(?![a-z])|"
    r"whole(?![a-z])|"
    r"obo|ono|or (?:best|nearest) offer|flat(?![a-z])|"
    r"bulk(?![a-z]| ?(?:discount|price|pricing|rate|order|buy|deal|available))|"
    r"发起拼单|单独购买|takes? (?:it )?all|takes? the (?:whole|lot|entire)|for everything|"
    r"everything(?![a-z])|all of it|"
    r"tudo|toda la base|a base toda|la base completa|el lote|tout le fichier|"
    r"once-off|one-off|"
    r"all in|全部|全拿|拿走|包走|打包|全包|一口价|(?:就)?出(?!价|不|吗|么|嘛)|卖了|转让)"
)
_LOT_AFTER = Folded(_LOT_AFTER_SOURCE, _LOT_AFTER_SOURCE)
# Bare numbers sellers quote without a currency: "0.25一条", "打包2300出", "全拿2000",
# "打包价一万二".
# Led by a lookahead class: compile_lookahead_led gives it the regex prefilter.
_BARE = compile_lookahead_led(
    rf"(?=[\d{CN_NUM_CHARS}])(?<![\d.,a-z$¥€£₹])(?:(?P<num>\d{{1,15}}(?:\.\d{{1,8}})?)(?![\d.,%a-z万千亿百折]|同城)"
    # ("Complete 22 Lakh DB": a count)
    rf"(?![ \t](?:lakh|lac|crore|million|billion|thousand|juta|ribu)|[ \t][万千亿])|"
    rf"(?P<cn>[{CN_NUM_CHARS}]{{2,12}})(?![{CN_NUM_CHARS}]))",
    re.IGNORECASE,
)
_LEADER = re.compile(r"[ \t]*(?:\.{3,}|…+|[·•‧∙]{3,})[ \t.…·•‧∙]*")
# A sum per period of time: a subscription, a salary or rent.
_PERIOD_AFTER = re.compile(
    r"[ \t]*(?:/|per|a|每|一个?)[ \t]*(?:months?|mo|years?|yr|weeks?|月|年|周)(?![a-z])",
    re.IGNORECASE,
)
# A bare year ("整库 2019-2024", "2023年"): no sum.
_YEAR_AFTER = re.compile(r"[ \t]*(?:[-~至到/.][ \t]*\d|年|上半年|下半年|至今|以来)")
_UNIT_NEXT = re.compile(rf"[ \t]?-?[ \t]?(?:{_UNIT})(?![a-z])", re.IGNORECASE)
_DISCOUNT = re.compile(r"(?:打[ \t]*)?(?P<d>\d{1,2}(?:\.\d)?|[一二三四五六七八九]{1,2})[ \t]*折")
_THRESHOLD_BEFORE = re.compile(
    rf"(?:满|一次买满|买满|if you take|take|bulk[ \t]*\(?|over|above|超过|orders? (?:of|"
    rf"over))?[ \t]*"
    rf"(?P<n>{QUANTITY.pattern})[ \t]*(?:{_UNIT})?[ \t]*(?:\+|以上|起|"
    rf"or more)[ \t]*[:)=）]?[ \t]*(?:[ \t]|[:=,、]|at)*\Z",
    re.IGNORECASE,
)
_THRESHOLD_AFTER = re.compile(
    rf"[ \t]*(?:/[ \t]*{_UNIT}[ \t]*)?(?:if you take|for orders? (?:of|over)|over|above|on)[ \t]+"
    rf"(?P<n>{QUANTITY.pattern})[ \t]*\+?",
    re.IGNORECASE,
)
# Money that is a salary, a loss or a fine, not a price of the data.
_NOT_PRICE_BEFORE = re.compile(
    r"(?:年薪|月薪|薪资|薪水|工资|底薪|报酬|salary|ctc|lost|paid|earn(?:ed)?|fined?|罚款|获利|赔|"
    r"会员(?!价)|membership|deposit|保证金|\d[ \t]*[-~至到])[ \t]*[:=]?[ \t]*\Z"
    # someone else's price: "其他频道有人卖0.03一条的", "other sellers giving 0.3"
    r"|(?:有人|别人|人家|他们|其他人|other sellers?|others|someone)[ \t]*(?:在)?"
    r"(?:卖|出|报价?|sells?|selling|giving|charges?)[^\n\d]{0,6}\Z",
    re.IGNORECASE,
)
_RANGE_TAIL = re.compile(r"[ \t]*[-–—~至到][ \t]*\d{1,7}(?:\.\d{1,6})?(?![\d,])")
_PER_CALL_AFTER = re.compile(
    r"[ \t]*(?:/|每|一)[ \t]*次|[ \t]*(?:/|per)[ \t]*(?:call|request|query)"
)
_API = re.compile(
    r"每次返回|(?:返回|调用)[^\n。]{0,12}(?:简历|一份|一条)|api|接口|代查|查询[^\n。]{0,12}简历",
    re.IGNORECASE,
)
# A membership fee, unless the sum is a member's price of one record ("VIP会员：0.18元/条").
_MEMBER_BEFORE = re.compile(r"(?:会员|membership)[ \t]*[:=]?[ \t]*\Z", re.IGNORECASE)
# The high end of a range ("0.1-0.3元/条", "$0.01–$0.03 per record"): group "low" its low end.
_RANGE_BEFORE = re.compile(
    r"(?<![\d.,])(?:[$¥€£₹][ \t]?)?(?P<low>\d{1,7}(?:\.\d{1,6})?)[ \t]*(?:元|块)?[ \t]*"
    r"[-~至到–—][ \t]*(?:[$¥€£₹][ \t]?)?\Z"
)
_RANGE_SIGNS = frozenset("-~至到–— \t")
_PLACEHOLDER_AFTER = re.compile(
    r"[ \t]*[(（]?[ \t]*(?:价格)?(?:随便填|随便写|随便标|乱填|不是实价|非实价|不是真实价格)"
)
_DOTTED_COUNT = re.compile(r"\d{1,3}(?:\.\d{3})+")
_CN_DISCOUNT = {c: i for i, c in enumerate("零一二三四五六七八九")}
# A subscription or an account rented with a download quota: "月租1200元，每月可下载简历4000份",
# "$300/mo, includes 1,000 resume downloads", "AUD 250 / month = 500 candidate profile
# unlocks", "包月 3000元（每月推送10万份）": the sum buys that many records.
_QUOTA_ZH = re.compile(
    rf"[^\n。;；]{{0,16}}?(?:可|能|含|包含)?(?:简历)?(?:下载|推送|解锁|导出|交付)(?:简历)?"
    rf"(?:额度)?[ \t:：]*(?:不少于|至少|约|超过|不低于)?[ \t]*"
    rf"(?P<n>{QUANTITY.pattern})[ \t]*(?:{REC_UNIT_ZH}|次)"
)
_QUOTA_EN = re.compile(
    # ("₹9,999 per month — includes up to 5 lakh profile downloads")
    rf"[^\n;.]{{0,32}}?(?<![\d,.])(?P<n>{QUANTITY.pattern})[ \t]*(?:[a-z]+[ \t]+){{0,3}}?"
    r"(?:downloads?|unlocks?|delivered)(?![a-z])",
    re.IGNORECASE,
)
# "$299/month delivers 20,000 fresh resumes", "$100/mo includes 2,000 CVs"
_QUOTA_EN_VERB = re.compile(
    rf"[^\n;.]{{0,24}}?(?:delivers?|includes?)[ \t]+(?P<n>{QUANTITY.pattern})[ \t]*"
    rf"(?:[a-z]+[ \t]+){{0,2}}?(?:{REC_UNIT_EN})(?![a-z])",
    re.IGNORECASE,
)
_GATE_QUOTA = Gate(
    re.compile(r"下载|推送|解锁|导出|交付|download|unlock|delivered|deliver|include")
)


# A group buy's share: every buyer pays it and gets the whole lot ("$200 per slot. Everyone
# gets the full file", "拼团价：满5人成团，每人6000元，每人拿到完整的一份").
_SLOT_AFTER = re.compile(
    r"[ \t]*(?:per|a|each|/)[ \t]*(slot|share|head|person)(?![a-z])", re.IGNORECASE
)
_SLOT_BEFORE = re.compile(
    r"每(?:人|位|个人)[ \t]*(?:只需|仅需|只要|需|分摊|摊)?[ \t]*[:：]?[ \t]*\Z"
    r"|(?:slots?|shares?|spots?)[ \t]*(?:@|at|for|x)[ \t]*\Z",
    re.IGNORECASE,
)
_GROUP_BUY = re.compile(r"拼团|成团|团购|合买|group.?buy|split (?:between|among)|slots", re.I)
# A price list whose header says every price is per record ("All prices per record:",
# "以下为单条价格："): the sums under it need no unit of their own.
_PER_RECORD_HEADER_SOURCE = (
    r"all prices (?:are )?per (?:record|lead|row|cv|profile|contact)|"
    r"prices (?:are |listed )?per (?:record|lead|row)(?:[ \t]*:|\n)|"
    # "Per-record pricing:", "Price per record (USDT)"
    r"per[- ](?:record|lead|cv|row) (?:pricing|prices|rates?)|"
    r"(?:price|rate)s? per (?:record|lead|cv|row)[ \t]*(?:[(（:]|\n)|"
    r"(?:以下|下列|价格|报价)(?:均|都|全部)?(?:为|是)?(?:单条|每条|一条)(?:的)?(?:价格|价)|"
    r"[(（](?:单位[:：]?)?元/条[)）]|单位[:：]?元/条"
)
# Case-insensitive, and their case-sensitive twins for the lower-cased text (fastre.Folded: a
# letter-led case-insensitive pattern gets no regex prefilter and is tried at every position).
_PER_RECORD_HEADER = Folded(_PER_RECORD_HEADER_SOURCE, _PER_RECORD_HEADER_SOURCE)
# Other people's data priced on the same list as resumes ("贷款意向客户：0.05元/条 · 宝妈：
# 0.02元/条 · 求职简历：0.6元/条", "Personal loan applicants (US): $0.02"): only the lines that
# name job seekers price them (threads.OTHER_DATA_SOURCE: its words).
_OTHER_DATA = Folded(OTHER_DATA_SOURCE, OTHER_DATA_SOURCE)
# Their literals, asked of the lower-cased view before a search.
_GATE_OTHER_DATA = Gate(_OTHER_DATA.lower)
_GATE_HEADER = Gate(_PER_RECORD_HEADER.lower)


def _other_data_line(text: str, pos: int) -> bool:
    """Whether the line holding ``pos`` prices someone else's data (not job seekers')."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : end if end >= 0 else len(text)]
    return _OTHER_DATA.folded.search(line) is not None and SUBJECT.search(line.lower()) is None


def _quota(text: str, start: int, end: int, gated: bool) -> float | None:
    """The records a sum buys when a download quota follows it in the same clause, or
    (a subscription's sum) the records of its whole term ("包月2888（一个月9万条左右）",
    "Monthly: $299, 500 CVs/day (15,000 per month)"). ``gated``: no quota word in the text."""
    patterns: tuple[re.Pattern[str], ...] = () if gated else (_QUOTA_ZH, _QUOTA_EN, _QUOTA_EN_VERB)
    period = _PERIOD_AFTER.match(text, end) or (
        _PERIOD_CHARS.search(text, max(0, start - 12), start) is not None
        and _PERIOD_BEFORE.search(text, max(0, start - 12), start)
    )
    if period:
        patterns += (_QUOTA_NEXT, _QUOTA_TOTAL_ZH, _QUOTA_TOTAL_EN)
    for pattern in patterns:
        m = pattern.match(text, end)
        if m is not None:
            n = _n_value(m)
            if n and n >= 10:
                return n
    if period:
        # the term's records said before the sum: "每月含简历下载500份，租金300元/月",
        # "1,000 fresh UK CVs per week. £120/week"
        for pattern in (_QUOTA_BEFORE_ZH, _QUOTA_BEFORE_EN):
            found = None
            for found in pattern.finditer(text, max(0, start - 80), start):  # noqa: B007
                pass
            n = _n_value(found) if found is not None else None
            if n and n >= 10:
                return n
    return None


# ... or right after its period: "₹2,999/month – 5,000 CVs", "3000元/月 含10万条".
_QUOTA_NEXT = re.compile(
    r"[ \t]*(?:(?:/|per|a|每|一个?)[ \t]*(?:months?|mo|years?|yr|weeks?|月|年|周|季度?)(?![a-z]))?"
    r"[ \t]*(?:[-–—=:(（,，、]|含|包含|includes?|for|with|gets?)[ \t]*"
    r"(?:共|约|up to|保证|保底|至少|不少于)?[ \t]*"
    rf"(?P<n>{QUANTITY.pattern})[ \t]*(?:[a-z]+[ \t]+)?(?:{_UNIT})(?![a-z])"
    # (not a day's: "Monthly: $299, 500 CVs/day")
    r"(?![ \t]*(?:/|per|a|每)[ \t]*(?:day|d|天|日)(?![a-z]))",
    re.IGNORECASE,
)
_QUOTA_BEFORE_ZH = re.compile(
    rf"(?:每月|每个月|一个月|每周|每季度?)(?:可|能)?(?:含|包含)?(?:简历)?(?:下载|推送|提供|交付)?"
    rf"[ \t]*(?:不少于|至少|约)?[ \t]*(?P<n>{QUANTITY.pattern})[ \t]*(?:{REC_UNIT_ZH})"
)
_QUOTA_BEFORE_EN = re.compile(
    rf"(?<![\d,.])(?P<n>{QUANTITY.pattern})[ \t]*(?:[a-z]+[ \t]+){{0,3}}?"
    rf"(?:(?:{REC_UNIT_EN})[ \t]+)?"
    r"(?:(?:downloads?|unlocks?)(?:[ \t]+(?:per|a|/|each|every)[ \t]*(?:week|month|year|mo))?|"
    r"(?:per|a|/|each|every)[ \t]*(?:week|month|year|mo))(?![a-z])",
    re.IGNORECASE,
)


_PERIOD_CHARS = re.compile(r"[包月年季租费lyL]")
# A subscription's sum: "包月：3000元", "Annual: $2,990", "月租 800".
_PERIOD_BEFORE = re.compile(
    r"(?:包月|包季|包年|月租|月费|年费|季费|月卡|季卡|年卡|monthly|annual|yearly|quarterly)[ \t]*"
    r"(?:价|套餐|plan)?[ \t]*[:=]?[ \t]*\Z",
    re.IGNORECASE,
)
# ... and the records of its term after it: "（30天共3万条）", "（一个月9万条左右）" (not a day's,
# "每天1000条", nor a month's after the stated total: "24000元，共72000条（每月6000条）"),
# "(15,000 per month)".
_QUOTA_TOTAL_ZH = re.compile(
    rf"(?:(?!共|合计|总计)[^\n。;；]){{0,24}}?(?:个月|月|(?<!每)天|年|季)[ \t]*"
    rf"(?:共|合计|总计|总共|约|大概|大约|不少于|至少|超过|不低于|保底)?[ \t]*"
    rf"(?P<n>{QUANTITY.pattern})[ \t]*(?:{REC_UNIT_ZH})"
)
_QUOTA_TOTAL_EN = re.compile(
    rf"[^\n;]{{0,40}}?(?<![\d,.])(?P<n>{QUANTITY.pattern})[ \t]*(?:[a-z]+[ \t]+){{0,2}}?"
    r"(?:per|a|/|each|every)[ \t]*(?:month|year|quarter|week|mo|yr|wk)(?![a-z])",
    re.IGNORECASE,
)


_FROM_WORD = re.compile(r"(?:ab|from|desde|partir de) ", re.IGNORECASE)
_THRESHOLD_MAN = re.compile(
    rf"(?:满|超过|(?<![a-z])(?:ab|from|desde|a partir de)[ \t])[ \t]*(?P<n>{QUANTITY.pattern})"
    rf"[ \t]*(?:{_UNIT})?[ \t]*(?:[:=、]|按|的话)?[ \t]*\Z",
    re.IGNORECASE,
)
# "3w条以上 0.2": a tier line's threshold right before a bare per-record sum.
_TIER_LINE_BEFORE = re.compile(
    rf"(?:{QUANTITY.pattern})[ \t]*(?:{REC_UNIT_ZH})?[ \t]*(?:以上|起)[ \t]*[:=、]?[ \t]*\Z",
    re.IGNORECASE,
)
_TIER_MARK_BEFORE = re.compile(r"(?:满|超过|over|above)[ \t]*\Z", re.IGNORECASE)
# "每千条 60", "千条80": a bare sum after a per-hundred/thousand/ten-thousand record count.
# "1k条/50", "5000份=200": after a count of records and a sign, the sum for that many.
_PER_N_BARE_BEFORE = re.compile(
    # (not "上万条0.05": over ten thousand, a tier)
    # (nor "十万条两千": a package of a hundred thousand)
    rf"(?P<n>百|千|万|w|k)(?<![\d.{CN_NUM_CHARS}][百千万wk])(?<!上[百千万wk])"
    # ("每万 400": after 每 the unit may go unsaid)
    r"(?:[ \t]*(?:条|份|个|笔)|(?<=每[百千万wk]))[ \t]*[:=]?[ \t]*\Z",
    re.IGNORECASE,
)
# ... "1k条/50": searched only when the window ends with the sign (a quantity pattern tried at
# each position of every window costs more than all the other context patterns together).
_PER_N_BARE_SIGN_BEFORE = re.compile(
    rf"(?<![\d.,])(?P<n>{QUANTITY.pattern})[ \t]*(?:条|份|个|笔)[ \t]*[/=][ \t]*\Z",
    re.IGNORECASE,
)
# First characters of what _UNIT_NEXT can match (a cheap test before the pattern).
_UNIT_FIRST = frozenset(f"{REC_UNIT_ZH.replace('|', '')}行 \t-rclpeajnumbdRCLPEAJNUMBD")
_N_WORD = {"百": 100, "千": 1000, "万": 10000, "w": 10000, "k": 1000}
# "20% off" after a price: applied like 打8折.
_PERCENT_OFF = re.compile(
    r"(?P<p>\d{1,2})[ \t]*%[ \t]*(?:off|discount)"
    # "Remise 20 % à partir de 20 000 CV", "Rabatt 10%", "descuento del 15%"
    r"|(?:remise|rabatt|descuento|desconto|indirim|giảm|diskon|potongan)[ \t:]*(?:de |del |von )?"
    r"-?[ \t]?(?P<word>\d{1,2})[ \t]*%"
    # "-25% over 50k"
    r"|(?<![\w.])-[ \t]?(?P<minus>\d{1,2})[ \t]*%[ \t]*(?:over|above|for|on|from)",
    re.IGNORECASE,
)

# Context patterns most listings never need: each is skipped for the whole listing when none
# of the literals its matches need is in the text (fastre.Gate, checked once per listing).
# (Only patterns whose gate has few literals: a gate of twenty costs more than it saves.)
_GATE_THRESHOLD_BEFORE = Gate(_THRESHOLD_BEFORE)
_GATE_THRESHOLD_AFTER = Gate(_THRESHOLD_AFTER)
_GATE_DISCOUNT = Gate(_DISCOUNT)
_GATE_PER_N_BEFORE = Gate(_PER_N_BEFORE)
# Window ("before") patterns, searched on the lower-cased window when the text allows it.
_THRESHOLD_BEFORE_W = FoldedWindow(_THRESHOLD_BEFORE)
_NOT_PRICE_BEFORE_W = FoldedWindow(_NOT_PRICE_BEFORE)
_PER_ONE_BEFORE_W = FoldedWindow(_PER_ONE_BEFORE)
_PER_N_BEFORE_W = FoldedWindow(_PER_N_BEFORE)
_COUNT_BEFORE_W = FoldedWindow(_COUNT_BEFORE)
_LOT_BEFORE_W = FoldedWindow(_LOT_BEFORE)


class _Shut:
    """Per listing: which gated context patterns cannot match anywhere in it, and its
    lower-cased text when the case-insensitive context patterns may run on it (``fold``,
    fastre.lower_view; None: they run on the text itself)."""

    __slots__ = ("discount", "fold", "per_n_before", "quota", "threshold_after", "threshold_before")

    def __init__(
        self,
        threshold_before: bool = False,
        threshold_after: bool = False,
        discount: bool = False,
        per_n_before: bool = False,
        quota: bool = False,
        fold: str | None = None,
    ) -> None:
        self.threshold_before = threshold_before
        self.threshold_after = threshold_after
        self.discount = discount
        self.per_n_before = per_n_before
        self.quota = quota
        self.fold = fold

    def window(self, start: int, end: int) -> str | None:
        """The lower-cased ``text[start:end]`` for fastre.FoldedWindow, or None."""
        return None if self.fold is None else self.fold[max(0, start) : end]


_OPEN = _Shut()


def _shut(fold: str | None) -> _Shut:
    """``fold`` is fastre.lower_view(text), or None (then nothing is gated)."""
    if fold is None:
        return _OPEN
    return _Shut(
        not _GATE_THRESHOLD_BEFORE.open(fold),
        not _GATE_THRESHOLD_AFTER.open(fold),
        not _GATE_DISCOUNT.open(fold),
        not _GATE_PER_N_BEFORE.open(fold),
        not _GATE_QUOTA.open(fold),
        fold,
    )


class UnitPrice:
    """One reading of a price per record (Evidence in classify.py says why no dataclass)."""

    __slots__ = ("amount", "currency", "how", "min_records")

    def __init__(
        self, amount: float, currency: str, min_records: int = 1, how: str = "per_record"
    ) -> None:
        self.amount = amount
        self.currency = currency
        self.min_records = min_records
        self.how = how

    def __repr__(self) -> str:
        return f"UnitPrice({self.amount}, {self.currency!r}, {self.min_records}, {self.how!r})"


class PriceResult:
    __slots__ = ("cny", "kind", "signals", "tiers", "unit_price")

    def __init__(self) -> None:
        self.unit_price: dict[str, float | str] | None = None
        # how the best price was read (per_record, per_n, package, lot)
        self.kind: str | None = None
        self.cny: float | None = None  # the best price in CNY, roughly
        self.tiers: list[dict[str, float | int]] = []
        self.signals: list[str] = []

    def __repr__(self) -> str:
        return (
            f"PriceResult(unit_price={self.unit_price}, kind={self.kind!r}, cny={self.cny}, "
            f"tiers={self.tiers}, signals={self.signals})"
        )


def _n_value(m: re.Match[str]) -> float | None:
    if m.re is _PER_N_AFTER and m.group("cpm"):
        return 1e3
    word = m.group("n").strip().lower()
    if _DOTTED_COUNT.fullmatch(word):
        return float(word.replace(".", ""))  # "per 100.000 data": a count's dots group thousands
    fixed = {
        "千": 1e3,
        "万": 1e4,
        "百": 1e2,
        "thousand": 1e3,
        "hundred": 1e2,
        "lakh": 1e5,
        "lac": 1e5,
        "k": 1e3,
        "crore": 1e7,
        "million": 1e6,
        "mille": 1e3,
        "mil": 1e3,  # "R$ 90 por mil registros"
        "milheiro": 1e3,
        "o milheiro": 1e3,
        "migliaio": 1e3,
        "al migliaio": 1e3,
        "millar": 1e3,
        "el millar": 1e3,
        "w": 1e4,  # "800块/W"
    }
    if word in fixed:
        return fixed[word]
    value = quantity_value(m.group("num"), m.group("mult"), m.group("cn"))
    return value if value and value > 0 else None


def _threshold(text: str, start: int, end: int, shut: _Shut = _OPEN) -> int:
    before = (
        None
        if shut.threshold_before
        else _THRESHOLD_BEFORE_W.search(
            text[max(0, start - 24) : start], shut.window(start - 24, start)
        )
    )
    if before is not None:
        value = _n_value(before)
        if value:
            return int(value)
    after = None if shut.threshold_after else _THRESHOLD_AFTER.match(text, end)
    if after is not None:
        value = _n_value(after)
        if value:
            return int(value)
    window = text[max(0, start - 24) : start]
    # "满一万笔 NT$1": no 以上/起 after the count; "ab 100k €0.02", "from 50k $0.01"
    if "满" in window or "超过" in window or _FROM_WORD.search(window):
        man = _THRESHOLD_MAN.search(window)
        if man is not None:
            value = _n_value(man)
            if value:
                return int(value)
    return 1


def _discount(text: str, start: int, shut: _Shut = _OPEN) -> float | None:
    if "半价" in text[start : start + 40]:  # "原价0.4元/条，本周半价"
        return 0.5
    m = None if shut.discount else _DISCOUNT.search(text, start, start + 40)
    if m is None:
        off = _PERCENT_OFF.search(text, start, start + 80) if "%" in text else None
        if off is None:
            return None
        factor = 1 - int(off.group("p") or off.group("minus") or off.group("word")) / 100
        return factor if 0.1 <= factor < 1 else None
    return _factor(m.group("d"))


def _factor(raw: str) -> float | None:
    """The price factor of "8折", "8.5折", "八折", "85折" (None if implausible)."""
    if raw.replace(".", "").isdigit():
        value = float(raw)
    else:
        value = float("".join(str(_CN_DISCOUNT[c]) for c in raw))
    factor = value / 10 if value < 10 else value / 100
    return factor if 0.1 <= factor < 1 else None


# Discounts stated apart from any one price: for every order ("本月活动：全场九折") or above a
# threshold on a line of its own ("满20万条 打七折"): applied to the prices quoted per record.
_STANDING_DISCOUNT = re.compile(
    rf"(?:全场|全部|全店|所有|满[ \t]*(?P<n>{QUANTITY.pattern})[ \t]*(?:条|份)?)"
    r"[ \t]*[:：,，]?[ \t]*(?P<again>再)?[ \t]*(?:打)?[ \t]*"
    r"(?P<d>\d{1,2}(?:\.\d)?|[一二三四五六七八九]{1,2})[ \t]*折"
)


# "5万条以上 9折 / 20万条以上 7.5折": tiers of discounts on the price quoted per record.
_DISCOUNT_ABOVE = re.compile(
    rf"(?P<n>{QUANTITY.pattern})[ \t]*(?:条|份)?[ \t]*(?:以上|起)[ \t]*[:：,，]?[ \t]*"
    r"(?:一律|统一|全部|均)?[ \t]*(?:打)?[ \t]*"
    r"(?P<d>\d{1,2}(?:\.\d)?|[一二三四五六七八九]{1,2})[ \t]*折"
)


# "8折 → 0.24/each" (the arrow gone in normalization), "九折=0.27元": the discounted price
# stated, and read as a price already.
_RESULT_AFTER = re.compile(
    r"[ \t]*(?:->|=>|=|即|合|[:：])?[ \t]*[$¥]?[ \t]*\d+(?:\.\d+)?[ \t]*"
    r"(?:元|块|rmb|cny|/|一条|每)",
    re.IGNORECASE,
)


def _standing_discounts(text: str, prices: list[UnitPrice]) -> list[UnitPrice]:
    quoted = [p for p in prices if p.how in ("per_record", "per_n") and p.min_records <= 1]
    found: list[UnitPrice] = []
    for m in [*_STANDING_DISCOUNT.finditer(text), *_DISCOUNT_ABOVE.finditer(text)]:
        factor = _factor(m.group("d"))
        if factor is None or _RESULT_AFTER.match(text, m.end()):
            continue
        if m.group("n"):  # above a threshold: the price quoted per record, discounted
            threshold = int(_n_value(m) or 1)
            base = quoted
            if (
                m.re is _STANDING_DISCOUNT
                and m.group("again")
                and _DISCOUNT.search(text, 0, m.start()) is not None
            ):
                # "今日五折，满5万条再打九折": on top of the discount before
                base = quoted + [p for p in prices if p.how == "discount" and p.min_records <= 1]
            found += [UnitPrice(p.amount * factor, p.currency, threshold, "discount") for p in base]
        else:  # every price (not one a discount already applies to)
            found += [
                UnitPrice(p.amount * factor, p.currency, p.min_records, p.how)
                for p in prices
                if p.how != "discount"
            ]
    return found


def _table_row(text: str, before: str, package: re.Match[str], end: int) -> bool:
    """A table's row of a count and a sum alone, in columns ("│ 10,000 │ $120 │", its bars
    removed by normalization): the package's size and its sum."""
    gap = package.group(0)[len(package.group("n")) :]
    return (
        (gap.count(" ") + gap.count("\t") >= 2 or "|" in gap)
        and not gap.strip(" \t|")
        and _ROW_START.search(before, 0, package.start()) is not None
        and _ROW_END.match(text, end) is not None
    )


def _group_share(text: str, money: Money) -> bool:
    """A group buy's share: each buyer pays it for the whole lot."""
    slot = _SLOT_AFTER.match(text, money.end)
    if slot is not None:
        # ("₱1.50 per head" outside a group buy: the price of one record)
        return slot.group(1).lower() in ("slot", "share") or _GROUP_BUY.search(text) is not None
    return bool(
        ("每" in text[max(0, money.start - 10) : money.start] or "@" in text)
        and _SLOT_BEFORE.search(text, max(0, money.start - 10), money.start)
        and _GROUP_BUY.search(text)
    )


def _classify(
    text: str, money: Money, volume: int | None, shut: _Shut = _OPEN, in_range: bool = False
) -> UnitPrice | None:
    """Read one money mention as a price per single record, or None (``in_range``: the
    money ends a range, whose low end the caller reads, see _range_low)."""
    quota = (
        None
        if _PER_ONE_AFTER.match(text, money.end)  # "0.08元/条 单次最多交付3万条"
        else _quota(text, money.start, money.end, shut.quota)
    )
    if quota is not None:
        return UnitPrice(money.amount / quota, money.currency, int(quota), "package")
    if volume and _group_share(text, money):
        return UnitPrice(money.amount / volume, money.currency, volume, "lot")
    if _PERIOD_AFTER.match(text, money.end):
        return None  # "₹4,999 per month, unlimited downloads": a subscription, no record price
    before = text[max(0, money.start - 30) : money.start]
    low = shut.window(money.start - 30, money.start)
    if "..." in before or "…" in before or "···" in before:
        # a price list's dot leaders ("entire db .......... £2,900"): one space, so the words
        # before them stay within the windows below
        before = _LEADER.sub(" ", text[max(0, money.start - 60) : money.start])[-30:]
        low = None if low is None else before.lower()
    end = money.end
    struck = _STRUCK_PAIR.search(before) if "原价" in before or "划线价" in before else None
    if struck is not None:
        # "5000条 原价¥59 券后¥39": the count is the current price's, past the struck one
        before = before[: struck.start()] + " "
        low = None if low is None else before.lower()
    if (
        not in_range
        and _NOT_PRICE_BEFORE_W.search(before, low)
        and not (_MEMBER_BEFORE.search(before) and _PER_ONE_AFTER.match(text, end))
    ):
        return None
    tail = _RANGE_TAIL.match(text, end)
    if tail is not None and _PER_ONE_AFTER.match(text, tail.end()):
        # "$0.01-0.03 per resume": the low end of a range whose high end has no currency
        return UnitPrice(money.amount, money.currency, _threshold(text, money.start, end, shut))
    if _PER_CALL_AFTER.match(text, end) and _API.search(text):
        # "0.15元/次" for an API call that returns one resume
        return UnitPrice(money.amount, money.currency, _threshold(text, money.start, end, shut))
    if (
        _PER_ONE_AFTER.match(text, end)
        or (
            not _PER_N_AFTER.match(text, end)  # "单价 45元/千条": the sum for a thousand
            and _PER_ONE_BEFORE_W.search(before[-20:], None if low is None else low[-20:])
        )
    ):
        return UnitPrice(money.amount, money.currency, _threshold(text, money.start, end, shut))
    per_n = _PER_N_AFTER.match(text, end)
    if per_n is not None and (
        NEXT_SUM.match(text, per_n.end())
        or STOCK_AFTER.match(text, per_n.end())
        or ((per_n.group("n") or "")[:1].isdigit() and _BARE_SUM_NEXT.match(text, per_n.end()))
    ):
        # "1k $15 / 10k $100": a list of packages, the next one's sum follows; "$300 / 80k
        # stock": the stock, after a separator
        per_n = None
    per_n = per_n or (
        None
        if shut.per_n_before
        else _PER_N_BEFORE_W.search(before[-16:], None if low is None else low[-16:])
    )
    if per_n is not None:
        n = _n_value(per_n)
        if n:
            return UnitPrice(
                money.amount / n,
                money.currency,
                _threshold(text, money.start, end, shut),
                "per_n",
            )
    after = _COUNT_AFTER.match(text, end)
    if (
        after is not None
        and not after.group(0)[: after.start("n") - end].strip()
        and (counted := _COUNT_BEFORE_W.search(before[-12:], None if low is None else low[-12:]))
        # ("一块钱三条，一百块四百条": the count before is the sum before's)
        and not _SUM_END.search(before[-12:], 0, counted.start())
    ):
        after = None  # "1000条/80元 1万条/600元": the count before is this sum's
    elif after is not None and (
        NEXT_SUM.match(text, after.end())
        # ("3万条 1200元 / 1万条 450": a bare sum for it)
        or (
            after.group(0).lstrip(" \t").startswith("/") and _BARE_SUM_NEXT.match(text, after.end())
        )
    ):
        after = None  # "3000条 ¥39 / 1万条 ¥88": the count after "/" is the next package's
    if after is not None and (
        after.group("unit")
        or (after.group("mult") and re.match(r"[ \t]*(?:for|mein|all)", after.group(0)))
        # "£850 for 50,000" closing its line: a package of that many
        or (
            after.group(0).lstrip(" \t").startswith("for")
            and _LINE_END.match(text, after.end())
            and (_n_value(after) or 0) >= 1000
            and not _YEAR.fullmatch(after.group("n").strip())  # "$50 for 2024."
        )
    ):
        n = _n_value(after)
        if n and _money_cny(money) < 1 and n >= 100:
            # "$0.015 for 50k+": a sum under one yuan buys no package of that size, it is the
            # price of one record from that many on
            return UnitPrice(money.amount, money.currency, int(n))
        if n:
            return UnitPrice(money.amount / n, money.currency, int(n), "package")
    if volume and (  # "€40 per 10k, €2250 for everything"
        lot_after := _LOT_AFTER.match(text, shut.fold, end)
    ):
        if "bulk" in lot_after.group(0) and _money_cny(money) < 1:
            return UnitPrice(money.amount, money.currency)  # "£0.03 bulk": a bulk buyer's price
        return UnitPrice(money.amount / volume, money.currency, volume, "lot")
    package = _COUNT_BEFORE_W.search(before, low)
    if (
        (package is None or package.start() == 0)
        and money.start > 30
        and "\n" not in before
        and _DIGIT.search(text, max(0, money.start - 44), money.start - 28) is not None
    ):
        # "100k fresh Monster resumes for $300": the count's describing words reach further
        # (a match at the window's start may be a cut number: "0k fresh ...")
        wide = text[max(0, money.start - 44) : money.start]
        package = _COUNT_BEFORE.search(wide, wide.rfind("\n") + 1)
    # "来自58), 一千块" is not a package of 58: a package names its unit or multiplier (or is
    # the whole stock claimed: "the complete 75,000 for AED 22,500").
    # "满一万笔 NT$1" and "bulk 10k+ AUD 0.04" are tier thresholds (read by _by_habit), not
    # packages of ten thousand: so is any "package" whose sum is under one unit of money.
    tier = None if package is None else _RANGE_END_BEFORE.search(before, 0, package.start())
    if tier is not None and _money_cny(money) <= 8:
        # "500-2000份 1.2元": a tier's range and its price of one record, no package
        tier_low = float(tier.group(1).replace(",", ""))
        return UnitPrice(money.amount, money.currency, int(tier_low))
    if (
        package is not None
        and (
            package.group("mult")
            or _UNIT_RE.search(package.group(0))
            or (volume and _n_value(package) == volume)
            or package.group(0).rstrip(" \t").endswith("=")  # "Pro 5,000 = $99"
            or _PAREN_COUNT.match(before, max(0, package.start() - 1))  # "Pro (15,000) – $210"
            or _table_row(text, before, package, money.end)  # "│ 10,000 │ $120 │"
        )
        and not _TIER_MARK_BEFORE.search(before[: package.start()])
        # ("bulk 10k+ AUD 0.04" is a tier's threshold; "Full pack 10,000+ CVs — KSh 30,000"
        # a package)
        and ("+" not in package.group(0) or _money_cny(money) >= 50)
    ):
        n = _n_value(package)
        under_one = _money_cny(money) < 1
        if n and n >= 10 and not (under_one and n >= 100):
            return UnitPrice(money.amount / n, money.currency, int(n), "package")
    return _least_or_lot(before, low, money, volume)


def _least_or_lot(
    before: str, low: str | None, money: Money, volume: int | None
) -> UnitPrice | None:
    """A sum after the least order it buys ("1万条起 800块"), or after a whole-lot word."""
    if least := _least_order(before, _money_cny(money)):
        return UnitPrice(money.amount / least, money.currency, int(least), "package")
    if volume and (
        _LOT_BEFORE_W.search(before[-24:], None if low is None else low[-24:])
        or _ALL_BEFORE.search(before[-8:])  # "/ all $1,500" (a sum with its currency only)
    ):
        return UnitPrice(money.amount / volume, money.currency, volume, "lot")
    return None


_LEAST_BEFORE = re.compile(r"起[ \t]*[,，]?[ \t]*\Z")


def _least_order(before: str, cny: float) -> float:
    """The records of the least order a sum right after it buys: "1万条起 800块", "一万条起 八百"
    (0 when there is none; under 50 yuan the sum is one record's: "5000条起 3元")."""
    tail = _LEAST_BEFORE.search(before) if "起" in before else None
    if tail is None or cny < 50:
        return 0.0
    least = _COUNT_BEFORE.search(before, 0, tail.start())
    if least is None or not (least.group("mult") or _UNIT_RE.search(least.group(0))):
        return 0.0
    n = _n_value(least) or 0.0
    return n if n >= 100 and cny / n < PLAUSIBLE_MAX_CNY else 0.0


_ROW_START = re.compile(r"(?:^|\n)[ \t]*[│┃|]?[ \t]*\Z")
_ROW_END = re.compile(r"[ \t]*[│┃|]?[ \t]*(?:\n|\Z)")
_PAREN_COUNT = re.compile(r"[(（]\d{1,3}(?:,\d{3})+[)）]")
_BARE_SUM_NEXT = re.compile(
    r"[ \t]*[:=]?[ \t]*\d[\d.]*(?![\d.]|[ \t]*(?:条|份|个|万|千|w|k|%|元|块))", re.IGNORECASE
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_LINE_END = re.compile(r"[ \t]*(?:[\n.;,)]|\Z)")
_SUM_END = re.compile(r"(?:[钱块元毛角]|\d[ \t]*(?:u|usdt))\Z", re.IGNORECASE)
_ALL_BEFORE = re.compile(r"(?<![a-z])all[ \t]*[:=]?[ \t]*\Z", re.IGNORECASE)
_RANGE_END_BEFORE = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})*|\d{1,7})[ \t]*[-~至到–][ \t]*\Z")
_DIGIT = re.compile(r"\d")


def _listed_bare(
    text: str,
    m: re.Match[str],
    before: str,
    amount: float,
    default: str,
    shut: _Shut,
    header: re.Match[str] | None,
) -> UnitPrice | None:
    """A bare sum whose unit a label, the count before it or the list's header gives."""
    end = m.end()
    plausible = 8 if default == "CNY" else 2
    if (
        amount < plausible
        and (
            "价" in before
            or "条" in before
            or "份" in before
            or "零售" in before
            or "拿货" in before
            or "price" in before.lower()
        )
        and _UNIT_LABEL_BEFORE.search(before)
        and not _COUNT_NEXT.match(text, end)
    ):
        # "单价０.０２，１万起", "每条0.03", "unit price: 0.03": labelled the price of one record
        return UnitPrice(amount, default, _threshold(text, m.start(), end, shut))
    if before.endswith("按") and text.startswith("算", end) and amount < plausible:
        return UnitPrice(amount, default)  # "全要按0.3算": the price of one record
    if amount < 1 and text.startswith("起", end) and "." in m.group("num"):
        return UnitPrice(amount, default)  # "0.1起": a price of one record, from
    tail = before.rstrip(" \t:=")[-1:]
    cn_count = (
        _CN_COUNT_BEFORE.search(before)
        if tail in ("条", "份", "千", "万") and not _NOT_SUM_AFTER.match(text, end)
        else None
    )
    if cn_count is not None and (n := _cn_count_value(cn_count)) >= 10:
        # "一千条80 一万条600 十万条4500", "一万 150": the sum for that many records
        return UnitPrice(amount / n, default, int(n), "package")
    k_count = _K_EQUALS_BEFORE.search(before) if before.rstrip(" \t")[-1:] == "=" else None
    if k_count is not None:
        n = quantity_value(k_count.group("num"), k_count.group("mult"), None) or 0
        if n >= 100:
            return UnitPrice(amount / n, default, int(n), "package")  # "10k=900"
    if (
        header is not None
        and m.start() > header.end()
        and amount < plausible
        and not _COUNT_NEXT.match(text, end)
    ):
        # "各平台简历报价（元/条）" over "智联 0.15": the header gives the unit
        return UnitPrice(amount, default, _threshold(text, m.start(), end, shut))
    # tight: "120/k", not a list's "900 / 100k"
    per_after = _PER_N_AFTER.match(text, end) if text[end : end + 1] in ("/", "每", "一") else None
    if (
        per_after is not None
        # (a multiplier, not a date's or a name's digits: "02/2026", "104／1111")
        and not per_after.group("n").replace(",", "").strip().isdigit()
    ):
        n = _n_value(per_after) or 0
        if n >= 100 and amount / n < plausible:
            # "价格：120/k", "800/万", "500一万": a bare sum for that many records
            return UnitPrice(amount / n, default, _threshold(text, m.start(), end, shut), "per_n")
    return None


def _bare_chinese(
    text: str, m: re.Match[str], before: str, low: str | None, default: str, volume: int | None
) -> UnitPrice | None:
    """A sum in Chinese numerals: read only right after a whole-lot word or a package, and
    with a unit character ("五八" spelled digit by digit is a name, 五八同城, no sum)."""
    if not _CN_UNIT_CHARS.intersection(m.group("cn")):
        return None
    per_n = _CN_PER_N.fullmatch(m.group("cn"))
    if per_n is not None:
        # "三十一千", "两百五一万": a sum for a thousand (ten thousand, a hundred) records
        head = parse_chinese(per_n.group("sum"))
        per = {"一百": 100, "一千": 1000, "一万": 10000}[per_n.group("n")]
        if head and head / per < PLAUSIBLE_MAX_CNY:
            return UnitPrice(head / per, default, 1, "per_n")
    value = parse_chinese(m.group("cn"))
    if not value or value < 10:
        return None
    per_n_before = _PER_N_BARE_BEFORE.search(before)
    if per_n_before is not None and value < (n := _per_n_count(per_n_before)):
        return UnitPrice(value / n, default, 1, "per_n")  # "每千条一百二"
    if before.rstrip(" \t:=,")[-1:] in ("千", "万"):
        count = _CN_COUNT_BEFORE.search(before)
        round_n = _cn_count_value(count) if count is not None and count.group("round") else 0.0
        if round_n and value / round_n < PLAUSIBLE_MAX_CNY:
            return UnitPrice(value / round_n, default, int(round_n), "package")  # "一个W 一百五"
    if volume and _LOT_BEFORE_W.search(before, low):
        return UnitPrice(value / volume, default, volume, "lot")
    least = _least_order(before, _to_cny(UnitPrice(value, default)))
    if least:
        return UnitPrice(value / least, default, int(least), "package")  # "一万条起 八百"
    return _bare_package(text, before, low, m.end(), value, default)


def _cn_count_value(m: re.Match[str]) -> float:
    """The count of a _CN_COUNT_BEFORE match (0 when unreadable)."""
    return parse_chinese(m.group("cn") or m.group("round")) or 0.0


def _bare_no_sum(text: str, end: int, amount: float) -> bool:
    """Whether a bare number is no sum: a year, a count, a job board's name."""
    if 1990 <= amount <= 2035 and _YEAR_AFTER.match(text, end):
        return True
    if amount <= 0 or (text[end : end + 1] in _UNIT_FIRST and _UNIT_NEXT.match(text, end)):
        return True  # "full 500-row sample": a count of records, not a sum
    if text[end : end + 2].strip()[:1] in _MULT_FIRST and _COUNT_NEXT.match(text, end):
        return True  # "全量 340 万": a count
    return text.startswith(("履历", "简历", "求职", "人力"), end)  # "104履历": a board's name


def _bare_range_low(text: str, before: str, end: int, amount: float) -> float | None:
    """The low end of a bare range of prices of one record ("0.1-0.3/条"), ``amount`` its high
    end (None if it is none: "月薪 5000-8000/月")."""
    if before[-1:] not in _RANGE_SIGNS or amount >= 100:
        return None
    found = _RANGE_BEFORE.search(before)
    if found is None or not 0 < float(found.group("low")) < amount:
        return None
    if not _PER_ONE_AFTER.match(text, end) or _NOT_PRICE_BEFORE.search(before, 0, found.start()):
        return None
    return float(found.group("low"))


def _bare_prices(
    text: str,
    taken: Spans,
    default: str,
    volume: int | None,
    shut: _Shut = _OPEN,
    per_record_quoted: bool = False,
    header: re.Match[str] | None = None,
) -> list[UnitPrice]:
    """Amounts written without a currency, read only in a per-record or whole-lot context
    (``header``: a price list's per-record header, see extract_prices)."""
    found: list[UnitPrice] = []
    for m in _BARE.finditer(text):
        if m.start() in taken:
            continue
        end = m.end()
        before = text[max(0, m.start() - 16) : m.start()]
        low = shut.window(m.start() - 16, m.start())
        if m.group("cn"):
            chinese = _bare_chinese(text, m, before, low, default, volume)
            if chinese is not None:
                found.append(chinese)
            continue
        amount = float(m.group("num"))
        if _bare_no_sum(text, end, amount):
            continue
        per_n = None
        if not before.isascii():
            per_n = _PER_N_BARE_SIGN_BEFORE.search(before) if before.rstrip()[-1:] in "/=" else None
            per_n = per_n or _PER_N_BARE_BEFORE.search(before)
        if (range_low := _bare_range_low(text, before, end, amount)) is not None:
            # "价格：0.1-0.3/条": a range's low end, the price of one record
            threshold = _threshold(text, m.start(), end, shut)
            found.append(UnitPrice(range_low, default, threshold))
        elif (
            _PER_ONE_AFTER.match(text, end)
            and amount < 100
            and not _NOT_PRICE_BEFORE_W.search(before, low)
        ):
            threshold = _threshold(text, m.start(), end, shut)
            found.append(UnitPrice(amount, default, threshold))
            factor = _discount(text, end, shut)  # "原价0.5/条 本周打8折"
            if factor is not None:
                found.append(UnitPrice(amount * factor, default, threshold, "discount"))
        elif (listed := _listed_bare(text, m, before, amount, default, shut, header)) is not None:
            found.append(listed)
        elif per_n is not None and amount < _per_n_count(per_n):
            n = _per_n_count(per_n)
            threshold = _threshold(text, m.start(), end, shut)
            found.append(UnitPrice(amount / n, default, threshold, "per_n"))
            factor = _discount(text, end, shut)  # "每千条120，量大8折"
            if factor is not None:
                found.append(UnitPrice(amount / n * factor, default, threshold, "discount"))
        elif (
            (per_record_quoted or any(p.how == "per_record" for p in found))
            and amount < 10
            and not before.isascii()
            and (
                _THRESHOLD_MAN.search(before) is not None
                or _TIER_LINE_BEFORE.search(before) is not None
                or _BULK_BEFORE.search(before) is not None
            )
        ):
            # "单价 0.12元/条，满5万 0.09": a tier line repeating the quoted per-record unit.
            found.append(UnitPrice(amount, default, _threshold(text, m.start(), end, shut)))
        elif (
            amount >= 10
            and _PERIOD_CHARS.search(before) is not None
            and _PERIOD_BEFORE.search(before)
            and (quota := _quota(text, m.start(), end, True))
        ):
            found.append(UnitPrice(amount / quota, default, int(quota), "package"))  # 包月2888
        elif amount >= 10 and (package := _bare_package(text, before, low, end, amount, default)):
            found.append(package)
        elif (
            volume
            and amount >= 10
            and (_LOT_BEFORE_W.search(before, low) or _lot_sale_after(text, end))
        ):
            found.append(UnitPrice(amount / volume, default, volume, "lot"))
    return found


_MULT_FIRST = frozenset("万千百亿wWkK")
_CN_PER_N = re.compile("(?P<sum>[一二两三四五六七八九十百]{1,5}?)(?P<n>一千|一万|一百)")
_CN_UNIT_CHARS = frozenset("十百千万亿")
_CN_COUNT_BEFORE = re.compile(
    r"(?P<cn>[一二两三四五六七八九十百千万]{1,6})[ \t]*(?:条|份)[ \t]*[:=]?[ \t]*\Z"
    # ("一万 一百五": a round count alone, then its sum)
    r"|(?<![一二两三四五六七八九十百千万\d])(?P<round>一[千万])[ \t]*[:=,]?[ \t]*\Z"
)
_K_EQUALS_BEFORE = re.compile(
    r"(?<![\d.])(?P<num>\d{1,4}(?:\.\d{1,2})?)[ \t]?(?P<mult>k|w|千|万)[ \t]*=[ \t]*\Z",
    re.IGNORECASE,
)
_COUNT_NEXT = re.compile(r"[ \t]*(?:[万千百wk]|条|份|个|records?|rows?)", re.IGNORECASE)
_UNIT_LABEL_BEFORE = re.compile(
    r"(?:单价|单条(?:价格?)?|单份(?:价格?)?|每条(?:价格?)?|每份(?:价格?)?|unit price|"
    r"拿货价?|进货价|出货价|代理价|批发价|零售价?|"
    r"price per (?:record|row|cv|resume|lead))"
    r"[ \t]*(?:[:=])?[ \t]*\Z",
    re.IGNORECASE,
)
# "0.3元/条，量大1.5": the bulk buyer's price, in the unit quoted before it.
# ("会员价 0.12", "代理价 0.08": a member's or a reseller's price of one record)
_BULK_BEFORE = re.compile(
    r"(?:量大|大量|批量|批发|走量|会员|vip|代理|老客户?|熟客)[ \t]*(?:的话|价)?[ \t]*[:：]?"
    r"[ \t]*\Z",
    re.IGNORECASE,
)


# What may follow a bare sum that is the price of a package ("两千条打包300 🉐"): not a unit of
# time, age, count or rank.
_NOT_SUM_AFTER = re.compile(
    r"[ \t]*(?:年|月|日|号|届|级|岁|个|条|份|人|名|位|张|天|小时|分钟|%|楼|履历|简历|求职)"
)


def _bare_package(
    text: str, before: str, low: str | None, end: int, amount: float, currency: str
) -> UnitPrice | None:
    """A sum without currency right after a package of N records and a package word:
    "两千条打包300", "5000份 打包价 600"."""
    if before.isascii():
        return None
    if (
        "包" not in before
        and not before.rstrip().endswith(("条", "份", "只要", "仅需", "只需", "才"))
        and not text.startswith("打包", end + (1 if text[end : end + 1] == " " else 0))
    ):
        return None  # "一千条一百五", "10w条 6888 打包": the sum next to the package
    if _NOT_SUM_AFTER.match(text, end):
        return None
    package = _COUNT_BEFORE_W.search(before, low)
    if package is None or not (package.group("mult") or _UNIT_RE.search(package.group(0))):
        return None
    n = _n_value(package)
    if not n or n < 10 or amount > n * PLAUSIBLE_LOT_PER_RECORD:
        return None
    return UnitPrice(amount / n, currency, int(n), "package")


# "整包2.5万带走", "打包价1.2w", "全拿3万": a sum with its multiplier and no currency after a
# whole-lot word (_BARE leaves numbers with a multiplier to the counts).
_LOT_SUM = re.compile(
    r"(?:整包|打包|全包|包圆|一口价|总价|全拿|全要|整出|整卖|(?:全部|全)?(?:拿走|带走|包走)|"
    r"(?P<whole>全库|整库|全套))[ \t]*(?:价格?)?[ \t]*[:=]?[ \t]*"
    # ("全套20万 1.2w": the lot's count, then its sum)
    r"(?:(?P<cnum>\d{1,6}(?:\.\d{1,4})?)[ \t]?(?P<cmult>万|w)(?:条|份)?[ \t]*[ \t,，、]"
    r"[ \t]*)?"
    r"(?P<num>\d{1,6}(?:\.\d{1,4})?)[ \t]?(?P<mult>万|千|w|k)(?![a-z\d])"
    rf"(?![ \t]*(?:{REC_UNIT_ZH}|\+|多|余))",
    re.IGNORECASE,
)
# ... or before one: "4 万打包". Led by the digit (a leading lookbehind would cost the regex
# prefilter); the digit before it is checked in _lot_sums.
_LOT_SUM_BEFORE_WORD = re.compile(
    r"(?P<num>\d{1,6}(?:\.\d{1,4})?)[ \t]?(?P<mult>万|千|w|k)[ \t]*(?:打包|拿走|带走|包走|全拿)",
    re.IGNORECASE,
)


_PACKAGE_SUM = re.compile(
    # (led by the digit: a leading lookbehind would cost the prefilter; the digit before it is
    # checked in _lot_sums)
    r"(?P<cnum>\d{1,6}(?:\.\d{1,4})?)[ \t]?(?P<cmult>万|w)[ \t]*(?:条|份)[ \t]*[:=]?[ \t]*"
    r"(?P<num>\d{1,6}(?:\.\d{1,4})?)[ \t]?(?P<mult>万|千|w|k)(?![a-z\d条份个])",
    re.IGNORECASE,
)
_APPROX_BEFORE = re.compile(r"(?:约|大约|大概|共|总共|一共|~|≈)[ \t]*\Z")
_GATE_LOT_SUM = Gate(_LOT_SUM)
# (its gate would be "w" or "万", in most Chinese listings: this check is narrower)
_PACKAGE_SUM_NEAR = re.compile(r"[万wW][ \t]*[条份][ \t]*[:=]?[ \t]*\d")
_GATE_LOT_SUM_BEFORE_WORD = Gate(_LOT_SUM_BEFORE_WORD)


def _lot_sums(text: str, taken: Spans, default: str, volume: int) -> list[UnitPrice]:
    """Sums with a multiplier and no currency: after a whole-lot word, after a package's
    count, before a lot word (each pattern searched only when its gate is open)."""
    found: list[UnitPrice] = []
    if _GATE_LOT_SUM.open(text):
        found += _lot_word_sums(text, taken, default, volume)
    if _PACKAGE_SUM_NEAR.search(text) is not None:
        found += _package_sums(text, taken, default, volume)
    if _GATE_LOT_SUM_BEFORE_WORD.open(text):
        found += _sums_before_lot_word(text, taken, default, volume)
    return found


def _lot_word_sums(text: str, taken: Spans, default: str, volume: int) -> list[UnitPrice]:
    found: list[UnitPrice] = []
    for m in _LOT_SUM.finditer(text):
        if m.start("num") in taken:
            continue
        amount = quantity_value(m.group("num"), m.group("mult"), None)
        count = (
            (quantity_value(m.group("cnum"), m.group("cmult"), None) or 0.0)
            if m.group("cnum")
            else 0.0
        )
        if amount is None or (count and amount >= count):
            continue
        # "全库 28万" is the size of the whole database when nothing larger is claimed.
        if m.group("whole") and not count and amount >= volume:
            continue
        n = int(count) or volume
        if amount and amount < n * PLAUSIBLE_LOT_PER_RECORD:
            found.append(UnitPrice(amount / n, default, n, "lot"))
    return found


def _package_sums(text: str, taken: Spans, default: str, volume: int) -> list[UnitPrice]:
    found: list[UnitPrice] = []
    for m in _PACKAGE_SUM.finditer(text):
        # "10万条 1.5万": a package's count, then its sum with a multiplier
        count = quantity_value(m.group("cnum"), m.group("cmult"), None) or 0.0
        amount = quantity_value(m.group("num"), m.group("mult"), None) or 0.0
        digit_before = m.start() and text[m.start() - 1] in "0123456789."
        if not digit_before and m.start("num") not in taken and 0 < amount < count <= volume:
            found.append(UnitPrice(amount / count, default, int(count), "package"))
    return found


def _sums_before_lot_word(text: str, taken: Spans, default: str, volume: int) -> list[UnitPrice]:
    found: list[UnitPrice] = []
    for m in _LOT_SUM_BEFORE_WORD.finditer(text):
        start = m.start()
        if start in taken or (start and text[start - 1] in "0123456789."):
            continue
        if _APPROX_BEFORE.search(text, max(0, start - 4), start):
            continue  # "约30万 打包": an approximate count, bundled, not a sum
        amount = quantity_value(m.group("num"), m.group("mult"), None)
        if amount and amount < volume * PLAUSIBLE_LOT_PER_RECORD:
            found.append(UnitPrice(amount / volume, default, volume, "lot"))
    return found


# Bonus records given with a package: "买一万送两千", "50k for $900 and we add 10k free",
# "buy 10k get 2k free": the package's sum buys both.
_ZH_COUNT = r"[\d.,]{1,9}[ \t]*[万千wk]?|[一二两三四五六七八九十百千万]{1,6}"
_BONUS_ZH = re.compile(
    rf"买[ \t]*(?P<n>{_ZH_COUNT})[ \t]*(?:条|份)?[ \t]*(?:送|赠|再送)[ \t]*(?P<m>{_ZH_COUNT})"
)
# "20万条 = 5888元（再送2万条）": the bonus after the package's sum
_BONUS_AFTER_ZH = re.compile(
    rf"(?<![\d.,])(?P<n>{_ZH_COUNT})[ \t]*(?:条|份)[^\n]{{0,16}}?[元块u)）][^\n]{{0,4}}?"
    rf"(?:再送|加送|赠送|送)[ \t]*(?P<m>{_ZH_COUNT})[ \t]*(?:条|份)",
    re.IGNORECASE,
)
_BONUS_EN = re.compile(
    r"(?<![\d.,])(?P<n>\d[\d.,]{0,8}[ \t]?[km]?)(?![\d.,])[^\n.]{0,30}?"
    r"(?:get|add|plus|\+)[ \t]+(?P<m>\d[\d.,]{0,8}[ \t]?[km]?)[ \t]*(?:[a-z]+[ \t]+)?"
    r"(?:free|bonus|extra)(?![a-z])",
    re.IGNORECASE,
)
_GATE_BONUS = Gate(re.compile(r"送|赠|free|bonus|extra"))


def _offers(text: str, prices: list[UnitPrice], fold: str | None) -> list[UnitPrice]:
    """The prices again with the listing's bonus records and standing discounts."""
    found: list[UnitPrice] = []
    if prices and (fold is None or _GATE_BONUS.open(fold)):
        found += _with_bonus(text, prices)
    if prices and "折" in text:
        found += _standing_discounts(text, prices + found)
    if prices and "%" in text:
        for m in _PERCENT_OFF_ALL.finditer(text):  # "This week only: 20% off all orders"
            factor = 1 - int(m.group("p") or m.group("q")) / 100
            found += [
                UnitPrice(p.amount * factor, p.currency, p.min_records, "discount")
                for p in prices
                if p.how in ("per_record", "per_n")
            ]
    return found


# "20% off all orders"; a volume discount's line: "100,000+ resumes ...... 40% off"
_PERCENT_OFF_ALL = re.compile(
    r"(?<!\d)(?P<p>[1-6]\d|[1-9])[ \t]*%[ \t]*off[ \t]+(?:all|every|any|each)(?![a-z])"
    rf"|(?:^|\n)[ \t]*(?:{QUANTITY.pattern})[ \t]*\+[ \t]*(?:[a-z]+[ \t]*)?[ \t.…:=\-–—>]*"
    r"(?P<q>[1-6]\d|[1-9])[ \t]*%[ \t]*(?:off|discount)",
    re.IGNORECASE,
)


def _with_bonus(text: str, prices: list[UnitPrice]) -> list[UnitPrice]:
    """The package prices again over their records plus the bonus records given with them."""
    found: list[UnitPrice] = []
    for pattern in (_BONUS_ZH, _BONUS_EN, _BONUS_AFTER_ZH):
        for m in pattern.finditer(text):
            n, extra = parse_quantity(m.group("n")), parse_quantity(m.group("m"))
            if not n or not extra or extra >= n:
                continue
            if n < 10:
                # "买二送一", "buy 2 get 1 free": items (packs, records), a third off each
                found += [
                    UnitPrice(p.amount * n / (n + extra), p.currency, p.min_records, "discount")
                    for p in prices
                    if p.how != "discount"
                ]
                continue
            found += [
                UnitPrice(p.amount * n / (n + extra), p.currency, int(n + extra), "package")
                for p in prices
                if p.how == "package" and p.min_records == int(n)
            ]
    return found


_RANGE_CHARS = re.compile(r"[-~至到–—]")
_RANGE_SIGN = re.compile(r"[ \t]*[-~至到–—][ \t]*")
_LEADING_NUMBER = re.compile(r"\d{1,7}(?:\.\d{1,6})?")


def _range_lows(text: str, monies: list[Money]) -> set[int]:
    """Starts of the sums that open a range whose high end is a sum too ("$0.01–$0.03")."""
    return {
        a.start
        for a, b in itertools.pairwise(monies)
        if b.start - a.end <= 5 and _RANGE_SIGN.fullmatch(text, a.end, b.start)
    }


def _range_low(text: str, money: Money, volume: int | None, shut: _Shut) -> UnitPrice | None:
    """The low end of a price range ending in ``money`` ("0.1-0.3元/条", "$0.01–$0.03 per
    record", "1~3毛一条"), in the unit quoted with the high end: the lowest price offered."""
    if _RANGE_CHARS.search(text, max(0, money.start - 4), money.start) is None:
        return None
    before = text[max(0, money.start - 24) : money.start]
    m = _RANGE_BEFORE.search(before)
    if m is None:
        return None
    ahead = before[: m.start()]
    if _NOT_PRICE_BEFORE.search(ahead):
        return None  # "月薪8000-12000元"
    written = _LEADING_NUMBER.search(text, money.start, money.end)
    high = _classify(text, money, volume, shut, in_range=True)
    if written is None or high is None or high.how not in ("per_record", "per_n"):
        return None
    low = float(m.group("low")) * money.amount / float(written.group(0) or 1)
    if not 0 < low < money.amount:
        return None
    return UnitPrice(high.amount * low / money.amount, high.currency, high.min_records, high.how)


# A price table's header cells: the records of a row, the price of one record in it (with
# the records that price is for: "per 1k"), or the row's total price.
_HEAD_COUNT = re.compile(
    r"(?:records?|rows?|qty|quantity|volume|count|cvs|profiles|leads|数量|条数|份数|数据量)"
    r"(?:[ \t]+(?:included|count|total))?\W*\Z",
    re.IGNORECASE,
)
_HEAD_UNIT = re.compile(
    r"per (?P<n>1k|1,000|1000|thousand|k)?[ \t]*(?:record|row|cv|lead|profile|resume)?|"
    r"unit price|price per|单价|单条|每条|元/条|/条|each",
    re.IGNORECASE,
)
_HEAD_TOTAL = re.compile(r"(?:price|total|cost|amount|价格|总价|金额|售价|报价)", re.IGNORECASE)
_HEAD_CURRENCY = re.compile(r"\b(usd|usdt|cny|rmb|inr|gbp|eur|aud|cad)\b|(元)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _TableHead:
    per: int  # the records the per-record column's price is for ("per 1k": 1000)
    count_col: int | None
    unit_col: int | None
    total_col: int | None
    currency: str
    width: int  # the number of cells


_PIPE = re.compile(r"\|")
_WIDE_GAP = re.compile(r"[ \t]{2,}")


def _table_prices(text: str, monies: list[Money], default: str) -> list[UnitPrice]:
    """Prices in a table whose header row names its columns ("Records | Price (USD) | Per
    record" over "10,000 | $120 | $0.012"): a row's per-record cell, else its total over its
    records. Cells are split at "|" or, in a box table whose rules normalization blanked out,
    at runs of two spaces or more."""
    found: list[UnitPrice] = []
    pos = 0
    head: _TableHead | None = None
    for line in text.split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        spans = _cells(line)
        if len(spans) < 2:
            if line.strip():
                head = None  # (a blank line, a blanked-out box rule, keeps the header)
            continue
        cells = [line[start:end] for start, end in spans]
        if head is None or len(cells) != head.width:
            head = _table_head(cells, default)
            continue
        count = parse_quantity(cells[head.count_col]) if head.count_col is not None else None
        row_monies = [m for m in monies if line_start <= m.start < line_start + len(line)]
        if not row_monies and head.total_col is not None and count and count >= 10:
            # "| 1万 | 900 |" under "| 数量 | 价格(元) |": a bare sum in the price column
            bare = _BARE_CELL.fullmatch(cells[head.total_col])
            if bare is not None:
                amount = float(bare.group(1).replace(",", ""))
                found.append(UnitPrice(amount / count, head.currency, int(count), "package"))
        for money in row_monies:
            if not line_start <= money.start < line_start + len(line):
                continue
            col = next(
                (i for i, (_, end) in enumerate(spans) if money.start - line_start < end), -1
            )
            currency = head.currency if money.currency == default else money.currency
            if col == head.unit_col:
                found.append(UnitPrice(money.amount / head.per, currency, int(count or 1)))
            elif col == head.total_col and count and count >= 10:
                found.append(UnitPrice(money.amount / count, currency, int(count), "package"))
    return found


def _listing_currency(monies: list[Money], cjk: bool) -> str:
    """The currency of the listing's bare sums: the one it quotes, if only one, else the
    language's ("每份NT$3，全买二十万": TWD)."""
    if monies and all(m.currency == monies[0].currency for m in monies):
        return monies[0].currency
    return "CNY" if cjk else "USD"


def _tabled(text: str, monies: list[Money]) -> bool:
    """Whether the listing may hold a price table (several sums, cells to split; or a table
    of rules, its sums bare)."""
    return (len(monies) > 1 and ("|" in text or "  " in text)) or (
        text.count("|") >= 9 and any(word in text for word in _COUNT_HEADS)
    )


# A table header's count column, looked for before a table of bare sums is read.
_COUNT_HEADS = ("数量", "条数", "份数", "数据量", "ecords", "Qty", "qty", "uantity", "QTY")


_BARE_CELL = re.compile(r"[ \t]*(\d{1,3}(?:,\d{3})+|\d{1,9}(?:\.\d{1,4})?)[ \t]*")


def _cells(line: str) -> list[tuple[int, int]]:
    """The cells of a table row: (start, end) of each, split at "|" or two spaces or more."""
    sep = _PIPE if "|" in line else _WIDE_GAP
    spans: list[tuple[int, int]] = []
    start = 0
    for m in sep.finditer(line):
        if line[start : m.start()].strip() or sep is _PIPE:
            spans.append((start, m.start()))
        start = m.end()
    if line[start:].strip() or sep is _PIPE:
        spans.append((start, len(line)))
    return spans


def _table_head(cells: list[str], default: str) -> _TableHead | None:
    """A header row's columns (see _table_prices), or None when the cells are no header."""
    count_col = unit_col = total_col = None
    per = 1
    for i, raw in enumerate(cells):
        cell = raw.strip()
        figures = any(ch.isdigit() for ch in cell.replace("1k", "").replace("1,000", ""))
        if figures and not _HEAD_UNIT.search(cell):
            return None  # a row of figures, not a header
        if count_col is None and _HEAD_COUNT.match(cell):
            count_col = i
        elif unit_col is None and (unit := _HEAD_UNIT.search(cell)) is not None:
            unit_col = i
            per = 1000 if unit.group("n") else 1
        elif total_col is None and _HEAD_TOTAL.search(cell):
            total_col = i
    if unit_col is None and (count_col is None or total_col is None):
        return None
    named = _HEAD_CURRENCY.search("|".join(cells))  # (the cells' text, whatever the rule)
    currency = default
    if named is not None:
        code = (named.group(1) or "cny").upper()
        currency = "CNY" if code == "RMB" else code
    return _TableHead(per, count_col, unit_col, total_col, currency, len(cells))


def _per_n_count(m: re.Match[str]) -> float:
    """The record count of a _PER_N_BARE_BEFORE match (0 when unreadable)."""
    if m.re is _PER_N_BARE_BEFORE:
        return _N_WORD[m.group("n").lower()]
    return quantity_value(m.group("num"), m.group("mult"), m.group("cn")) or 0.0


_LOT_SALE_AFTER = re.compile(r"(?:元)?[ \t]*(?:出(?!不|吗|么|嘛)|拿走|包走|带走|全拿|转让|卖)")


def _lot_sale_after(text: str, end: int) -> bool:
    # "1200出" / "5000拿走": a bare sum followed by a verb of selling the whole lot.
    # (not a buyer's question: "1块出不出", "500出吗")
    return _LOT_SALE_AFTER.match(text[end : end + 5]) is not None


def _to_cny(price: UnitPrice) -> float:
    return price.amount * CNY_RATE.get(price.currency, 1.0)


def _money_cny(money: Money) -> float:
    """A sum in CNY, roughly (for plausibility bounds)."""
    return money.amount * CNY_RATE.get(money.currency, 1.0)


def _post_volume(
    posts: list[tuple[int, int]], counts: list[Count], pos: int, volume: int | None
) -> int | None:
    """The largest count of the channel post holding ``pos`` (each post is its own offer:
    "50,000 CVs … Flat $300 for the lot" is not the price of another post's stock), or the
    listing's volume when the post claims none."""
    for start, end in posts:
        if start <= pos < end:
            local = [c.value for c in counts if start <= c.start < end]
            return max(local) if local else volume
    return volume


# What may stand beside a shop item's headline price on its line: the struck price, a tax
# note, the saving ("₹25,000.00   ~~₹40,000.00~~", "A$1,275.00  (inc. GST)", "SAVE 37%").
_HEADLINE_REST = re.compile(
    r"(?:[\s~()（）|]|(?:inc|incl|including|excl|plus)\.?[ \t]*(?:gst|vat|tax)|含税|包邮|"
    r"save[ \t]*\d{1,2}[ \t]*%|-?\d{1,2}[ \t]*%(?:[ \t]*off)?|原价|划线价|"
    r"(?:[a-z]{1,3})?[$¥€£₹₱₩₫₦₴₺₽฿][ \t]?[\d,]+(?:\.\d{1,2})?)*",
    re.IGNORECASE,
)


_GROUPS_IN_NUMBER = re.compile(r"(?<=\d)[,.](?=\d{3})")


def _headline_lot(
    text: str, monies: list[Money], counts: list[Count] | None, volume: int | None
) -> list[UnitPrice]:
    """A shop item's headline price, on a line of its own near the top, over the count the
    item's title claims ("… – 85,000 contacts" over "A$1,275.00 (inc. GST)"): the price of
    that many records. The title's count is one the body claims too (the listing's counts)."""
    if not counts or not volume or not monies:
        return []
    title_end = text.find("\n")
    first = monies[0]
    if title_end <= 0 or first.start < title_end or text.count("\n", 0, first.start) > 10:
        return []
    if _money_cny(first) < 50:
        return []  # "¥1": a second-hand site's placeholder, no price
    title = _GROUPS_IN_NUMBER.sub("", text[:title_end])
    claimed = [
        c.value
        for c in counts
        if c.start < title_end or re.search(rf"(?<!\d){c.value}(?!\d)", title)
    ]
    if not claimed:
        return []  # (the title's count: "… Leads 30,000 (Excel)", the body's 30,000 leads)
    n = max(claimed)
    start = text.rfind("\n", 0, first.start) + 1
    end = text.find("\n", first.end)
    end = len(text) if end < 0 else end
    if not _HEADLINE_REST.fullmatch(text[start : first.start] + " " + text[first.end : end]):
        return []
    # ("$250.00  $187.50", "₱3,000.00  ₱1,500.00  -50%": the struck price, then the sale's)
    line = [m for m in monies if start <= m.start < end and m.currency == first.currency]
    sale = min(line, key=lambda m: m.amount)
    return [UnitPrice(sale.amount / n, sale.currency, n, "lot")]


def _price_list(
    text: str, monies: list[Money], fold: str | None
) -> tuple[bool, re.Match[str] | None]:
    """Whether a listing's sums are a price list's: lines of other people's data beside
    resumes, and the per-record header above bare sums."""
    other_data, header = False, None
    if len(monies) > 1:
        # (on the lower-cased view, a literal check first: the alternations cost ~15 us a
        # search on a long listing)
        other_data = (fold is None or _GATE_OTHER_DATA.open(fold)) and _OTHER_DATA.search(
            text, fold
        ) is not None
    if (len(monies) != 1) and (fold is None or _GATE_HEADER.open(fold)):
        header = _PER_RECORD_HEADER.search(text, fold)  # (bare sums under it too)
    return other_data, header


def _lone_small_sum(text: str, money: Money, shut: _Shut) -> list[UnitPrice]:
    """ "0.1元，一次最少买5000": a listing's one sum, under a yuan, buys one record."""
    if _PERIOD_AFTER.match(text, money.end) or _NOT_PRICE_BEFORE_W.search(
        text[max(0, money.start - 30) : money.start], shut.window(money.start - 30, money.start)
    ):
        return []
    return [UnitPrice(money.amount, money.currency, 1)]


def extract_prices(
    text: str,
    monies: list[Money],
    volume: int | None,
    cjk: bool,
    fold: str | None = None,
    counts: list[Count] | None = None,
) -> PriceResult:
    """Unit price and tiers of a listing from its money mentions (see :func:`find_money`).

    ``fold``: ``fastre.lower_view(text)`` when the caller has it (context patterns are then
    gated and run on the lower-cased text, faster; the result is the same without it).
    ``counts``: the listing's record counts (volume.find_counts), read for the volume of each
    post of a channel export."""
    default = _listing_currency(monies, cjk)
    shut = _shut(fold)
    spans = Spans((m.start, m.end) for m in monies)
    prices: list[UnitPrice] = []
    masked = "*" in text  # a sample row has masked values (volume.in_sample_row)
    other_data, header = _price_list(text, monies, fold)
    lows = _range_lows(text, monies)
    posts = channel_posts(text) if counts and volume and len(monies) > 1 else []
    listing_volume = volume
    for money in monies:
        if posts:
            volume = _post_volume(posts, counts or [], money.start, listing_volume)
        if masked and in_sample_row(text, money.start):
            continue  # a salary in the sample rows shown ("| £23k")
        if _PLACEHOLDER_AFTER.match(text, money.end):
            continue  # "¥1（价格随便填的）": a shop's placeholder, no price
        if other_data and _other_data_line(text, money.start):
            continue
        if money.start in lows:
            continue  # "$0.01" of "$0.01–$0.03 per record": read with the range's high end
        low_end = _range_low(text, money, volume, shut)
        if low_end is not None:
            prices.append(low_end)
        price = _classify(text, money, volume, shut) or _by_habit(text, money, prices, shut)
        if price is None and header is not None and money.start > header.end():
            price = UnitPrice(
                money.amount, money.currency, _threshold(text, money.start, money.end, shut)
            )
        if price is None:
            continue
        prices.append(price)
        factor = _discount(text, money.end, shut) if price.how != "lot" else None
        if factor is not None:
            prices.append(
                UnitPrice(price.amount * factor, price.currency, price.min_records, "discount")
            )
    volume = listing_volume
    prices += _table_prices(text, monies, default) if _tabled(text, monies) else []
    quoted_per_record = any(p.how == "per_record" for p in prices)
    prices.extend(_bare_prices(text, spans, default, volume, shut, quoted_per_record, header))
    if volume and cjk:
        prices.extend(_lot_sums(text, spans, default, volume))
    result = PriceResult()
    if (
        monies
        and ("件" in text or "份" in text or "单" in text or "包" in text or " per " in text)
        and (
            not prices
            # above it a price of one record is implausible: the sum may be an item's price
            or min(_to_cny(p) for p in prices) > PLAUSIBLE_MAX_CNY
            or all(p.how == "lot" for p in prices)
        )
    ):
        # no price, or "【拼单价 ¥9.9】" read as ¥9.9 a record: the shop item's records
        prices = _per_item(text, monies, shut) or prices
    if not prices and volume:
        prices = _single_sum(text, monies, volume, shut)
    if not prices and len(monies) == 1 and 0 < _money_cny(monies[0]) < 1:
        prices = _lone_small_sum(text, monies[0], shut)
    prices += _headline_lot(text, monies, counts, volume)
    prices = _lots_per_record(prices)
    prices.extend(_offers(text, prices, fold))
    if prices and _GATE_CONCESSION.open(text):
        prices.extend(_concessions(text, spans, prices))
    return _result(result, [p for p in prices if p.amount > 0])


# A seller's lower price in the thread, written bare: "0.9最低 要两万条以上", "量大的话可以给到
# 0.25" (other people's replies are cut before prices are read, see engine.py).
_CONCESSION = re.compile(
    r"(?:最低|给到|给你|可以到|能到|便宜到|低至|降到|算你)[ \t]*(?P<a>\d{1,3}(?:\.\d{1,4})?)"
    r"(?![\d.%])(?![ \t]*[万千wk条份个])"
    r"|(?<![\d.])(?P<b>\d{1,3}(?:\.\d{1,4})?)[ \t]*(?:最低|封顶|最便宜)"
)
_GATE_CONCESSION = Gate(re.compile("最低|给到|给你|可以到|能到|便宜到|低至|降到|算你|封顶|最便宜"))


def _concessions(text: str, taken: Spans, prices: list[UnitPrice]) -> list[UnitPrice]:
    """Bare sums a little under the price quoted per record, in words of conceding a price."""
    quoted = [p for p in prices if p.how in ("per_record", "per_n") and p.min_records <= 1]
    if not quoted:
        return []
    ref = min(quoted, key=lambda p: p.amount)
    found: list[UnitPrice] = []
    for m in _CONCESSION.finditer(text):
        group = "a" if m.group("a") else "b"
        if taken.overlaps(m.start(group), m.end(group)):
            continue
        value = float(m.group(group))
        if 0.3 * ref.amount <= value < ref.amount:
            found.append(UnitPrice(value, ref.currency, 1))
    return found


def _result(result: PriceResult, prices: list[UnitPrice]) -> PriceResult:
    """The result from every price read: the lowest, in its currency, and the tiers."""
    if not prices:
        return result
    best = min(prices, key=_to_cny)
    # Report the best price in the currency the listing mostly quotes in (none above
    # IMPLAUSIBLE_UNIT_CNY: "一套1888元" is software's price, read for the score only).
    if _to_cny(best) <= IMPLAUSIBLE_UNIT_CNY:
        result.unit_price = {"amount": _rounded(best.amount), "currency": best.currency}
    quoted = [p for p in prices if p.how in ("per_record", "per_n", "discount")]
    result.kind = quoted[0].how if quoted else best.how
    result.cny = _to_cny(min(quoted, key=_to_cny) if quoted else best)
    result.tiers = _tiers(prices, best.currency)
    result.signals = sorted({f"price:{p.how}" for p in prices})
    return result


def _lots_per_record(prices: list[UnitPrice]) -> list[UnitPrice]:
    """A whole-lot sum under the price of one record is the price of each record when all
    are taken ("5块一份，全拿4块")."""
    if not any(p.how == "lot" for p in prices):
        return prices
    top: dict[str, float] = {}
    for p in prices:
        if p.how == "per_record":
            top[p.currency] = max(top.get(p.currency, 0.0), p.amount)
    return [
        UnitPrice(p.amount * p.min_records, p.currency, p.min_records)
        if p.how == "lot" and p.amount * p.min_records < top.get(p.currency, 0.0)
        else p
        for p in prices
    ]


def _by_habit(
    text: str, money: Money, earlier: list[UnitPrice], shut: _Shut = _OPEN
) -> UnitPrice | None:
    """Prices whose unit is implied: a sum in 毛/角/分 or cents is the price of one record,
    and a tier line ("5w以上: 3毛") repeats the unit of the price quoted before it."""
    threshold = _threshold(text, money.start, money.end, shut)
    if money.minor:
        return UnitPrice(money.amount, money.currency, threshold)
    if threshold > 1 and earlier and earlier[-1].how in ("per_record", "per_n"):
        if _money_cny(money) > PLAUSIBLE_MAX_CNY:
            # "每万条800元，10万条起7000元": the sum for the threshold's records (a tier is
            # cheaper than the price before it)
            package = UnitPrice(money.amount / threshold, money.currency, threshold, "package")
            return package if package.amount < earlier[-1].amount else None
        if earlier[-1].how == "per_record":
            return UnitPrice(money.amount, money.currency, threshold)
    return None


# A shop item that stands for N records: "拍1件=500条", "一份含1000条", "每包5000筆".
_PER_ITEM = re.compile(
    rf"(?:(?:拍|买|下单)?[ \t]*[1一][ \t]*(?:件|份|单|套|包)[ \t]*(?:=|:|为|是|含|就是)|"
    rf"每[ \t]*(?:件|份|单|套|包)[ \t]*(?:=|:|为|是|含|就是)?)[ \t]*"
    rf"(?P<n>{QUANTITY.pattern})[ \t]*(?:{REC_UNIT_ZH})",
    re.IGNORECASE,
)
# ... "10.000 records per package"
_PER_ITEM_EN = re.compile(
    rf"(?P<n>{QUANTITY.pattern})[ \t]*(?:{REC_UNIT_EN})[ \t]+per[ \t]+(?:package|pack|bundle|item)"
    r"(?![a-z])",
    re.IGNORECASE,
)

_GATE_PER_ITEM = Gate(_PER_ITEM)


def _per_item(text: str, monies: list[Money], shut: _Shut = _OPEN) -> list[UnitPrice]:
    """The item's price over the records one item holds ("【拼单价 ¥9.9】 … 拍1件=500条")."""
    item = _PER_ITEM.search(text) if _GATE_PER_ITEM.open(text) else None
    if item is None and " per " in text:
        item = _PER_ITEM_EN.search(text)
    if item is None:
        return []
    n = _n_value(item)
    if not n or n < 10:
        return []
    return [
        UnitPrice(m.amount / n, m.currency, int(n), "package")
        for m in monies
        if not _NOT_PRICE_BEFORE_W.search(
            text[max(0, m.start - 30) : m.start], shut.window(m.start - 30, m.start)
        )
        and not in_sample_row(text, m.start)
    ]


_STRUCK_PAIR = re.compile(
    r"(?:原价|划线价)[ \t]*[:：]?[ \t]*[$¥€£₹]?[ \t]?[\d.,]+[ \t]*(?:元)?[ \t]*"
    r"(?:券后价?|到手价?|现价|特价|活动价|限时价)[ \t]*[:：]?[ \t]*\Z"
)
# The struck-through price beside the current one: "原价 ¥599.00 限时价 ¥399.00".
_STRUCK_BEFORE = re.compile(
    r"(?:原价|划线价|市场价|吊牌价|was|regular(?: price)?|list price|rrp|mrp)"
    r"[ \t]*[:：]?[ \t]*\Z",
    re.IGNORECASE,
)


# "Shipping: US $4.50", "运费：¥8": the item's postage, not its price.
# "USD 240.00 (≈ 0.0038 BTC)": the same sum in another currency.
_EQUIVALENT_BEFORE = re.compile(r"[≈~约][ \t]*\Z")
_SHIPPING_BEFORE = re.compile(r"(?:shipping|postage|运费|邮费|快递费)[^\n]{0,14}\Z", re.IGNORECASE)


def _single_sum(
    text: str, monies: list[Money], volume: int, shut: _Shut = _OPEN
) -> list[UnitPrice]:
    """One plain sum and a stated volume ("~12,000 records ... $1,200 OBO"): the lot price."""
    plain = [
        m
        for m in monies
        if not _NOT_PRICE_BEFORE_W.search(
            text[max(0, m.start - 30) : m.start], shut.window(m.start - 30, m.start)
        )
        and not _PERIOD_AFTER.match(text, m.end)
        and not _STRUCK_BEFORE.search(text, max(0, m.start - 12), m.start)
        and not _PLACEHOLDER_AFTER.match(text, m.end)
        and not _SHIPPING_BEFORE.search(text, max(0, m.start - 24), m.start)
        and not _EQUIVALENT_BEFORE.search(text, max(0, m.start - 4), m.start)
        # ("800块/W", "R$ 90 por mil", "₱1.50 per head": a rate, never the lot's price)
        and not _PER_N_AFTER.match(text, m.end)
        and not _PER_ONE_AFTER.match(text, m.end)
    ]
    # (the same sum shown twice, as a shop page does: "¥200 … 只打包出不拆, 200元")
    if len({(m.amount, m.currency) for m in plain}) > 1:
        # not counting the page furniture's sums ("Similar sponsored items: … $19.99")
        page = furniture(text, shut.fold)
        plain = [m for m in plain if m.start not in page]
    if len({(m.amount, m.currency) for m in plain}) != 1:
        return []
    money = plain[0]
    if _money_cny(money) <= 1.5:
        return []  # "¥1" on a second-hand item: a placeholder ("价格随便标的", "价格面议")
    lot = UnitPrice(money.amount / volume, money.currency, volume, "lot")
    factor = _discount(text, money.end, shut)  # "Normally $1,000 — holiday sale 30% off"
    if factor is None:
        return [lot]
    return [lot, UnitPrice(lot.amount * factor, lot.currency, volume, "discount")]


def _tiers(prices: list[UnitPrice], currency: str) -> list[dict[str, float | int]]:
    best: dict[int, float] = {}
    for p in prices:
        if p.currency != currency:
            continue
        if p.min_records not in best or p.amount < best[p.min_records]:
            best[p.min_records] = p.amount
    return [{"min_records": k, "unit_price": _rounded(v)} for k, v in sorted(best.items())]


def _rounded(amount: float) -> float:
    """Six decimals, or four significant digits for smaller sums (0.05 BTC for 1.4M records
    is 3.571e-08 BTC a record, not 0)."""
    return round(amount, 6) if amount >= 0.001 else float(f"{amount:.4g}")
