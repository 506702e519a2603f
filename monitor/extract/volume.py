"""Record counts: how many records the seller claims (stock, database size, largest package).

Minimum order sizes (``500份起``, ``min order 20k``), tier thresholds (``满1w条``, ``1万条以上``,
``bulk (1M+)``), daily throughput (``日产能3000份``, ``今日到货``), sample sizes, salaries
(``年薪50w+``, ``15-20K``) and per-N price denominators (``每千条``, ``per 1k``) are not volumes.
"""

from __future__ import annotations

import logging
import re

from monitor.extract.fastre import FoldedWindow, Gate
from monitor.extract.numbers import QUANTITY, quantity_value
from monitor.extract.spans import Spans

logger = logging.getLogger(__name__)

REC_UNIT_ZH = "条|份|个|笔|人|名|位|张|组|套"
REC_UNIT_EN = (
    r"records?|rows?|cvs?|resumes?|résumés?|leads?|profiles?|candidates?|entries|entry|"
    r"applicants?|job ?seekers?|contacts?|emails?|numbers?|lines?|people|persons?|users?|recs?|"
    r"members?|biodata|data ?sets?|grads|graduates|freshers|names|data(?! ?entry)|workers|"
    r"professionals|jobseekers|nurses|rns|drivers|engineers|developers|teachers|technicians|"
    # German, Spanish, Portuguese: "€0.03 pro Datensatz", "R$ 90 por mil registros"
    r"datensätze|datensatz|registros?|contactos?|contatos?|currículos?|curriculos?|candidatos?|"
    # French, German, Turkish, Vietnamese, Arabic: "40 € les 1 000 lignes", "8.000 Stück",
    # "1.000 kayıt 250 TL", "2 triệu / 10.000 CV", "500 جنيه لكل 1000 سي في"
    r"lignes?|profils|registres|enregistrements|postulantes|candidats|kontakte?|stück|bewerber|"
    r"kay[ıi]t|aday|datos|dados|ứng viên|hồ sơ|سي في|"
    r"profili|contatti|profielen|rekord(?:ów|ow)|резюме|анкет|контактов|профілів|профилей|"
    r"รายชื่อ|건|명|사람|registos|لیڈز"
)
# Rows of a dump: "总行数：1,200,000", "10k 行 = 500 USDT" (not 行业, 行政, 银行...).
REC_UNIT_ROW = "行(?![业政情为动程李销列走])"
# Up to three describing words may stand between number and unit: "220k candidate CVs".
_UNIT_AFTER = re.compile(
    rf"[ \t]*(?P<plus>\+|多|余|几|来)?[ \t]*(?:(?P<zh>{REC_UNIT_ZH}|{REC_UNIT_ROW}|"
    rf"(?:求职者|应聘者|候选人)(?=的?(?:联系方式|电话|手机|名单|信息|数据|简历)))|"
    # (a dot only inside a word: "Monster.com resumes", not "orders. Email me")
    # ("50 mil currículos": fifty thousand in Spanish and Portuguese, not fifty records)
    rf"(?:(?!mil[ \t])[a-z/&\-](?:[a-z/&\-]|\.(?=[a-z])){{0,29}}[ \t]+){{0,3}}?"
    rf"(?P<en>{REC_UNIT_EN})"
    r"(?![a-z]))",
    re.IGNORECASE,
)
_PLUS_AFTER = re.compile(r"[ \t]*(?:\+|多|余)")


def _round(value: float) -> bool:
    """A per-N denominator's figure: 100, 1,000, 10,000... (or a lakh)."""
    return value in (100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000)


# What follows a count that is the next package's in a price list ("/ 2万条 原价¥199",
# "/ 100,000 CVs - $199"), and a count that is the stock ("/ 80k stock"): read by prices too.
NEXT_SUM = re.compile(
    r"[ \t]*(?:[-–—:=][ \t]*)?(?:原价|券后价?|到手价?|售价|现价|only|just)?[ \t]*"
    r"(?:(?:HK|NT|US|[ACS])?[$¥€£₹₱]|(?:Rs|RS|rs|INR|Rp|RM|PHP|USDT?|EUR|GBP|AUD|CAD)\.?)[ \t]*\d"
)
STOCK_AFTER = re.compile(r"[ \t]*(?:stock|in stock|total|available|left|库存|现货)", re.IGNORECASE)
_BULK_BEFORE = re.compile(r"bulk[ \t]*[:=]?[ \t]*$", re.IGNORECASE)
_TOTAL_AFTER = re.compile(
    r"[ \t]*\+?[ \t]*(?:total|in total|available|in stock)(?![a-z])", re.IGNORECASE
)
_AVAILABLE_AFTER = re.compile(r"[ \t]*\+?[ \t]*(?:available|in stock|ready)", re.IGNORECASE)
# A stated total or stock right before the number.
_CUE_BEFORE = re.compile(
    r"(?:总量|总数|总库存?|库存|存量|存货|现货|现有|共计|一共|合计|总共|共|数量|笔数|条数|行数|"
    r"简历库|"
    r"total|in stock|stock|records|rows|lines|entries|volume|size|database of|db of|count|"
    r"lignes|zeilen|filas|linhas|registros|datensätze|kayıt|jumlah|umfang|cantidad|quantidade|"
    r"toplam|số lượng|"
    r"full (?:set|dump|db|database)|sample of|"
    r"(?<![a-z])\d{1,3} of|quantity|qty|amount|(?<![a-z])(?:have|has|got))"
    r"(?:[ \t]+(?:right now|now|currently|today|atm))?"
    # "rows in full file: 640,112"
    r"(?:[ \t]+in (?:the )?(?:full|whole|complete|entire) (?:file|dump|db|database|set|list))?"
    # ("records ...... 640,000": a list's dot leaders)
    r"(?:[ \t]*(?:\.{3,}|…+|[·•]{3,}))?"
    r"[ \t]*(?:[:=][ \t]*)?(?:约|大概|大约|超过|过|逾|近|有|~|≈|±|about|approx\.?|around|over|"
    r"of)?[ \t]*$",
    re.IGNORECASE,
)
# Minimum orders, thresholds, per-N denominators, daily figures, samples, salaries.
_REJECT_BEFORE = re.compile(
    r"(?:满|起售|起购|起订|起卖|起拍|起步量?|起批量?|(?:最低|最少|至少)(?:拍|买|要|拿|订|购|下单)?|"
    r"低于|不足|"
    r"(?:minimum|min\.?)(?: order)?(?: of)?|"
    r"at least|if you (?:take|buy|order)|orders? (?:over|above|of)|bulk[ \t]*\(|above|"
    r"每|per|/|日产能|产能|日更|日收|每日|每天|今日|当日|日均|daily|a day|weekly|每周|"
    r"(?:每天|一天|每日|日均)(?:可|能)?(?:采集?|出|更新|新增|下载)(?:简历|数据)?(?:约|大约|大概)?|"
    r"日采|日产|日出|日可采|峰值|peak|"
    # ("sample of 1,400,000": a dump's sample, of that many rows: see _is_candidate)
    r"样本|样例|sample(?:s)? of|先发|免费送|free|试用|测试?|"
    r"年薪|月薪|薪资|薪水|工资|期望|salary|ctc|paying|pay|赔偿?|损失|获利|违法所得|罚款?|"
    # a shop's sales and its buyers: "已拼 2.1万件", "月销 3000", "已有1.2万名HR学习"
    # (their English words follow the number: see _REJECT_AFTER; a window ending with "s" or
    # "d" would otherwise be searched with every alternative, ~3 us a time)
    r"已拼|已售|已卖|月销|销量|浏览|阅读|想要|粉丝|订阅|关注|评价|收藏|views?|"
    # ("2y 4m on Jiji": years and months)
    # ("年薪30w-200w": a range, its units on both ends)
    r"\d[ \t]*[wk万千]?[ \t]*[-~至到]|(?<![目之以提])前|top|\dy|expected)[ \t]*$",
    re.IGNORECASE,
)
_REJECT_AFTER = re.compile(
    r"[ \t]*(?:[+]?[ \t]*(?:以上|以内|以下|之内|内|起|或以上|and up|or more|plus)|[-~至到][ \t]*\d|"
    # "论文1.2万字": characters; "百亿补贴": a shop promotion; "1万条约3个工作日": a throughput
    r"min(?:imum)?(?![a-z])|试用|试单|验货|字(?!段)|补贴|市值|估值|营收|融资|"
    r"(?:约|大约)?[ \t]*\d{1,3}[ \t]*个?(?:工作日|小时)|"
    r"/[ \t]*(?:天|日|day|d\b|月|month|week|周|hour|hr|h\b|小时)|"
    r"每天|一天|per day|a day|daily|薪|/月|/年|"
    r"(?:[a-z]+[ \t]+){0,2}(?:a|per|every) week(?![a-z])|weekly|每周|"
    r"[+]?[ \t]*(?:fresh|new)[ \t]+(?:daily|every day|a day|per day)|"
    r"个?(?:月(?!薪)|年(?!薪)|天|小时|分钟|工作日|样本)|(?:[a-z]+[ \t]+)?(?:samples?|"
    r"per day)|"
    r"[ \t]*[+][ \t]*=|有[一二两三四五六七八九\d]个|"
    r"[ \t]*(?:views|subscribers|followers|likes|sold(?! separately| apart)|sales)(?![a-z])|"
    r"[ \t]*(?:件|人付款|人已买|人已购|次浏览|(?:名|位|个)?(?:hr|学员|同学|用户|买家|客户)"
    r"(?:学习|购买|报名|加入|在用|使用|好评)))",
    re.IGNORECASE,
)
# What a number of 个 counts when it is not records: "31个省", "20个字段", "12行业". After
# another unit the noun starts the next phrase: "460w条字段全" (spaces between Chinese
# characters are gone by then).
_GROWS_AFTER = re.compile(r"[ \t]*[,，、]?[ \t]*(?:每天|每日|天天)(?:新增|更新|补充|增加)")
_COUNTED_NOUN = re.compile(r"[ \t]*\+?[ \t]*个?(?:省|市|城|行业|岗位|字段)")
_AT_LEAST = re.compile(r"[ \t]*[+]?[ \t]*(?:以上|or more|plus)")
# Searched on the lower-cased window when the text allows it (fastre.FoldedWindow).
_CUE_BEFORE_W = FoldedWindow(_CUE_BEFORE)
_REJECT_BEFORE_W = FoldedWindow(_REJECT_BEFORE)
_DOT_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")
_MULT_ONLY_OK = re.compile(
    r"万(?:[1-9]千)?|亿|[wkm]|lakh|lac|crore|million|mln|mn|billion|bn", re.IGNORECASE
)
# A bare "2.5万" after a whole-lot or price word is a sum of money ("整包2.5万带走"), not records.
# ... or before one: "全要的话 4 万打包".
_LOT_WORD_AFTER = re.compile(r"[ \t]*(?:打包|拿走|带走|包走|全拿)")
_PRICE_WORD_BEFORE = re.compile(
    r"(?:整包|打包|全包|包圆|一口价|总价|售价|价格|价钱|只要|仅需|只需|收费|费用|"
    r"(?:全|都)拿|全买|全要|全部买|拿走|带走)[ \t]*(?:优惠)?(?:价|的话)?[ \t]*(?:给你|算你)?"
    r"[ \t]*[:=]?[ \t]*$"
)


def _sum_before_lot_word(text: str, end: int) -> bool:
    """ "4 万打包" is a sum; "10w 打包 8k" is a count, the sum after the lot word."""
    lot = _LOT_WORD_AFTER.match(text, end)
    return lot is not None and _NUMBER_NEXT.match(text, lot.end()) is None


_NUMBER_NEXT = re.compile(r"[ \t]*(?:价格?)?[ \t]*[:=]?[ \t]*\d")


class Count:
    __slots__ = ("end", "start", "unit", "value")

    def __init__(self, start: int, end: int, value: int, unit: str) -> None:
        self.start = start
        self.end = end
        self.value = value
        self.unit = unit  # the record word, "" when the count stands on its multiplier or a cue

    def __repr__(self) -> str:
        return f"Count({self.start}, {self.end}, {self.value}, {self.unit!r})"


def _is_candidate(
    text: str, m: re.Match[str], value: float, fold: str | None
) -> tuple[bool, str, int]:
    """Whether a quantity is a claimed record count; returns (ok, unit, end)."""
    end = m.end()
    after = _UNIT_AFTER.match(text, end)
    unit = ""
    if after is not None:
        unit = after.group("zh") or after.group("en") or ""
        end = after.end()
    start = max(0, m.start() - 16)
    before = text[start : m.start()]
    before_lower = None if fold is None else fold[start : m.start()]
    # What would make it a count (a unit, a cue, a multiplier) is checked before what would
    # reject it: most numbers (phones, prices, dates) have none, and the reject patterns
    # are the costly ones. All checks are pure, so the order does not change the answer.
    if unit:
        ok = True
    else:
        mult = (m.group("mult") or "").strip().lstrip("多余几")  # "300多万"
        cn = m.group("cn") or ""
        # Bare "35k" or "30w" or "一百二十万" still reads as a count of records in a listing.
        bare = (
            bool(_MULT_ONLY_OK.fullmatch(mult))
            or ("万" in cn or "亿" in cn)
            # "1L – ₹70,000": a lakh, in a price list
            or (mult in ("l", "L") and NEXT_SUM.match(text, end) is not None)
        )
        ok = (
            (bare and value >= 100)
            or _cue_before(text, m.start(), fold)
            # "80,000+ total", "2 lakh+ available"
            or (value >= 100 and _TOTAL_AFTER.match(text, end) is not None)
        )
        if (
            ok
            and bare
            and not before.isascii()
            and (_PRICE_WORD_BEFORE.search(before) or _sum_before_lot_word(text, end))
        ):
            ok = False
    if not ok or _after_phone_group(text, m.start()):
        return False, unit, end
    if (
        _REJECT_BEFORE_W.search(before, before_lower)
        and not (
            # "resume dump — sample of 1,400,000": nobody shows a sample that large
            value >= 100_000 and before.rstrip(" \t").lower().endswith("sample of")
        )
        and not (
            # "1000条50 / 1万条400 / 10万条3000", "1k $15 / 10k $100": "/" parts a price list's
            # packages here, it is no "per" (the package's sum follows its count)
            before.rstrip(" \t").endswith("/")
            and (NEXT_SUM.match(text, end) is not None or text[end : end + 1].isdigit())
        )
        and not (
            # "$300 / 80k stock", "¥500/5000份", "250 USDT / 200k": after "/", a count that is
            # no round denominator ("0.3元/1000条", "/万条") is a package's or the stock
            before.rstrip(" \t").endswith("/")
            and (
                STOCK_AFTER.match(text, end) is not None
                or (bool(unit or m.group("mult")) and not _round(value))
            )
        )
    ):
        return False, unit, end
    if (
        "ulk" in before
        and _BULK_BEFORE.search(before)
        and _PLUS_AFTER.match(text, m.end())
        and not _AVAILABLE_AFTER.match(text, end)
    ):
        return False, unit, end  # "bulk 10k+ AUD 0.04": a tier's threshold (not "1M+ available")
    rejected = _REJECT_AFTER.match(text, end)
    if (
        rejected is not None
        and _GROWS_AFTER.match(text, end)
        and _CUE_BEFORE_W.search(before, before_lower)
    ):
        rejected = None  # "库存 30w 每天新增": the stock, growing daily
    if rejected is not None:
        # "库存：两百万条以上": a stock of at least that many, not a threshold
        at_least = _AT_LEAST.fullmatch(rejected.group(0))
        if at_least is None or _CUE_BEFORE_W.search(before, before_lower) is None:
            return False, unit, end
    if unit in ("", "个") and _COUNTED_NOUN.match(text, m.end()):
        return False, unit, end
    if unit in ("", "位", "名", "人", "members", "member") and _MEMBERS_AFTER.match(text, m.end()):
        return False, unit, end  # "1,208 位成员，83 人在线", "(Public group · 48K members)"
    return True, unit, end


_MEMBERS_AFTER = re.compile(
    r"[ \t]*(?:位|名|人)?[ \t]*(?:群?成员|在线)|[ \t]*members?[ \t]*[)）·|]", re.IGNORECASE
)


# The groups of a phone number before this one: "07700 900 481", "+44 7700 900 481" (a
# count's thousands groups follow at most three digits).
_PHONE_BEFORE = re.compile(r"(?:(?<![\d,.])0\d{2,5}|\+\d{1,4})(?:[ \t-]\d{2,5})*[ \t-]\Z")


def _after_phone_group(text: str, start: int) -> bool:
    """Whether the number at ``start`` follows a phone number's first groups."""
    # (a digit and a separator right before: the pattern is searched only then)
    return (
        text[start - 1 : start] in (" ", "\t", "-")
        and text[start - 2 : start - 1].isdigit()
        and _PHONE_BEFORE.search(text, max(0, start - 24), start) is not None
    )


_PEOPLE_AFTER = re.compile(r"(?:的)?(?:候选人|人才|高管|年薪|薪|别墅|豪宅|大佬|富豪)")


def _cue_before(text: str, start: int, fold: str | None) -> bool:
    """Whether a stated total or stock stands right before ``start`` ("Stock right now: ~")."""
    begin = max(0, start - 28)
    low = None if fold is None else fold[begin:start]
    return _CUE_BEFORE_W.search(text[begin:start], low) is not None


_ADVERB_AFTER = re.compile(r"别|不要|不能|不可|要|注意|小心|当心|记得|记住|谨慎|没想到")


def _vague(text: str, start: int) -> bool:
    before = text[max(0, start - 2) : start]
    return before[-1:] == "几" or (before[-1:] == "数" and before[:1] not in "总条人笔份个位名的量")


def find_counts(text: str, taken: Spans, fold: str | None = None) -> list[Count]:
    """Claimed record counts in ``text``; ``taken`` are spans already read as money.

    ``fold``: ``fastre.lower_view(text)`` when the caller has it (the context patterns then
    run on the lower-cased text, faster; the result is the same without it)."""
    counts: list[Count] = []
    masked = "*" in text  # a sample row has masked values (in_sample_row)
    for m in QUANTITY.finditer(text):
        if m.start() in taken:
            continue
        if m.start() - 1 in taken and m.group("cn"):
            continue  # "十块钱一百条", "五毛一千条": a rate's records, no claimed count
        value = quantity_value(m.group("num"), m.group("mult"), m.group("cn"))
        if (
            value is not None
            and m.group("num")
            and "." in m.group("num")
            and _DOT_GROUPED.fullmatch(m.group(0))
        ):
            # "75.000 records": a count of records is whole, so the dot groups thousands
            # (German, Spanish...); a unit must follow (checked by _is_candidate)
            value = float(m.group(0).replace(".", ""))
            if not _UNIT_AFTER.match(text, m.end()):
                continue
        # Nobody sells fewer than ten records; "一份" or "3份" is not a volume. "58 resumes",
        # "51 简历": a platform's number.
        if value is None or value < 10 or value != int(value) or m.group(0) in ("58", "51"):
            continue
        if m.group("cn") and (
            _vague(text, m.start())
            or (m.group(0) in ("千万", "万万") and _ADVERB_AFTER.match(text, m.end()))
        ):
            continue  # "几百万", "数十万": no figure claimed; "大家千万别上当": no figure at all
        if m.group("cn") and text.startswith("级", m.end()):
            # "百万级", "总库存千万级": a stock of that order, claimed as its round figure
            # (not a salary: "年薪百万级候选人")
            before = text[max(0, m.start() - 16) : m.start()]
            if (
                value >= 100_000
                and not _REJECT_BEFORE.search(before)
                and not _PEOPLE_AFTER.match(text, m.end() + 1)
            ):
                counts.append(Count(m.start(), m.end() + 1, int(value), ""))
            continue
        ok, unit, end = _is_candidate(text, m, value, fold)
        if ok and unit.lower() == "data" and 1990 <= value <= 2035 and m.group(0).isdigit():
            continue  # "2024 data": a year ("5000 data – ₹1000" is a count, as in India)
        if ok and not (masked and in_sample_row(text, m.start())):
            counts.append(Count(m.start(), end, int(value), unit))
    if "illion" in text or "lakh" in text or "ILLION" in text or "LAKH" in text:
        counts += _word_counts(text)
    if _SPACE_GROUPED_GATE.search(text) is not None:
        counts += _space_grouped(text, taken)
    return counts


# "65 000 candidates": thousands grouped by a space (South Africa, much of Europe), read only
# before a record word.
_SPACE_GROUPED_GATE = re.compile(r"\d \d{3}(?!\d)")
_SPACE_GROUPED = re.compile(r"(?<![\d,.])\d{1,3}(?: \d{3})+(?![\d,.])")


def _space_grouped(text: str, taken: Spans) -> list[Count]:
    counts: list[Count] = []
    for m in _SPACE_GROUPED.finditer(text):
        if m.start() in taken or text[m.start() - 1 : m.start()] == "+":  # "+61 412 558 903"
            continue
        after = _UNIT_AFTER.match(text, m.end())
        if after is None or not (after.group("zh") or after.group("en")):
            continue
        if _after_phone_group(text, m.start()):
            continue
        value = int(m.group(0).replace(" ", ""))
        counts.append(Count(m.start(), after.end(), value, after.group("en") or after.group("zh")))
    return counts


# A line of the sample rows shown ("张** | 138****2210 | ... | 150万"): its figures are the
# data subjects' (salaries, ages), not the seller's claims.
_ROW_SEP = re.compile(r"[|\t;]")
_MASK = re.compile(r"\*{2,}|\d\*+\d")


def in_sample_row(text: str, pos: int) -> bool:
    """Whether ``pos`` is in a cell of a sample-row line (lines are looked at 200 characters
    either side at most: a megabyte on one line must not cost a megabyte per figure)."""
    start = text.rfind("\n", max(0, pos - 200), pos) + 1 or max(0, pos - 200)
    end = text.find("\n", pos, pos + 200)
    line = text[start : end if end >= 0 else min(len(text), pos + 200)]
    # (a CSV row: "10293844,ka*****@outlook.com,Kara W*****,+1 (612) ***-**88")
    seps = "|\t;," if line.count(",") >= 3 else "|\t;"
    if len(_ROW_SEP.findall(line)) + (line.count(",") if "," in seps else 0) < 3:
        return False
    if _MASK.search(line) is None:
        return False
    # The figure must sit in a short cell between separators (not in prose on the same line,
    # "现货库存20000+份 ... 样例：王**｜男｜28岁"), or open the row
    at = pos - start
    before = max(line.rfind(sep, 0, at) for sep in seps)
    if before < 0 and line[:at].strip():
        return False
    after = [i for i in (line.find(sep, at) for sep in seps) if i >= 0]
    return len(line[before + 1 : min(after, default=len(line))].strip()) <= 16


# Counts in words: "half a million records", "a quarter of a million CVs", "two lakh resumes".
_WORD_NUMBERS = {
    "half a": 0.5,
    "a quarter of a": 0.25,
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "ten": 10,
}
_WORD_COUNT = re.compile(
    r"(?<![a-z])(?P<w>half a|a quarter of a|a|one|two|three|four|five|ten)[ \t]+"
    r"(?P<m>million|lakh)(?![a-z])",
    re.IGNORECASE,
)


def _word_counts(text: str) -> list[Count]:
    counts: list[Count] = []
    for m in _WORD_COUNT.finditer(text):
        after = _UNIT_AFTER.match(text, m.end())
        unit = after is not None and bool(after.group("zh") or after.group("en"))
        if not unit and not _CUE_BEFORE.search(text[max(0, m.start() - 16) : m.start()]):
            continue  # (a unit, or a cue: "Stock: half a million")
        value = _WORD_NUMBERS[m.group("w").lower()] * (
            1e6 if m.group("m").lower() == "million" else 1e5
        )
        end = after.end() if after is not None and unit else m.end()
        unit_word = (after.group("en") or "") if after is not None and unit else ""
        counts.append(Count(m.start(), end, int(value), unit_word))
    return counts


def largest(counts: list[Count], text: str | None = None) -> int | None:
    """The largest count; with ``text``, the sum of a list sold whole when that is larger
    (see :func:`listed_total`)."""
    top = max((c.value for c in counts), default=None)
    if text is not None and top is not None and len(counts) >= 2:
        total = listed_total(text, counts)
        if total is not None and total > top:
            return total
    return top


# Selling a list's items together: "全部打包 ¥880", "全包一口价 1.38万", "整库打包", "all of it".
_ALL_TOGETHER = re.compile(
    r"全部打包|打包全部|全包|整库打包|全库打包|全部拿走|一起打包|all of it|everything for|"
    r"the lot for|bundle all|all for",
    re.IGNORECASE,
)
_GATE_ALL_TOGETHER = Gate(_ALL_TOGETHER)


def listed_total(text: str, counts: list[Count]) -> int | None:
    """The records of a list of categories sold together: each line names its category and
    its count ("普工类 2万条 ¥480 / 销售类 1万条 ¥300 / ... 全部打包 ¥880": 30,000 and more).
    None when no such list, when its lines are a price list's packages (the count opens the
    line: "1万条 —— 800元"), or when one count is the list's stated total (at least the sum
    of the others: "今日合计 2.9w")."""
    # (the literals first, on the lower-cased text: the alternation has no regex prefilter)
    if not _GATE_ALL_TOGETHER.open(text.lower()) or _ALL_TOGETHER.search(text) is None:
        return None
    per_line: dict[int, int] = {}
    for count in counts:
        line_start = text.rfind("\n", 0, count.start) + 1
        if line_start not in per_line and not text[line_start : count.start].strip(" \t:：-—|•·"):
            per_line[line_start] = 0  # a package's count opening its line: a price list's
        elif per_line.get(line_start) != 0:
            per_line[line_start] = max(per_line.get(line_start, 0), count.value)
    per_line = {start: value for start, value in per_line.items() if value}
    if len(per_line) < 2:
        return None
    top = max(counts, key=lambda c: c.value)
    line_start = text.rfind("\n", 0, top.start) + 1
    line_end = text.find("\n", top.start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if (
        not line_start
        or top.start - line_start > 200
        or _TOTAL_WORD.search(line)
        or _cue_before(text, top.start, None)
    ):
        return None  # the title's, a total's or a stock's figure: the stated total
    return sum(per_line.values())


_TOTAL_WORD = re.compile(
    r"合计|总计|共计|一共|总共|总量|总数|总库|全部|全国|total|in all|altogether", re.IGNORECASE
)
