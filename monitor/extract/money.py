"""Money mentions: an amount with its currency, as written in listings.

``¥0.15``, ``0.3元``, ``3毛``, ``两毛五``, ``5分钱``, ``三百块``, ``US$0.02``, ``10 US cents``,
``half a US cent``, ``₹1,80,000``, ``Rs 2``, ``NT$3``, ``HK$0.8``, ``6000U``, ``USDT 1200``,
``GBP 0.04``, ``€40``. Sub-units are folded in: 毛/角 = 0.1 CNY, 分 = 0.01 CNY, cents = 0.01.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from text_to_num import text2num

from monitor.extract.fastre import Gate, compile_lookahead_led, trie_alternation
from monitor.extract.normalize import is_cjk, romance
from monitor.extract.numbers import (
    ARABIC,
    CN_DIGIT,
    CN_NUM_CHARS,
    MULT,
    MULTIPLIERS,
    quantity_value,
)

logger = logging.getLogger(__name__)

# Prefix currency markers, longest first; the value is (ISO code, factor).
PREFIX_CURRENCY: dict[str, tuple[str, float]] = {
    "us$": ("USD", 1.0),
    "us $": ("USD", 1.0),
    "usdt": ("USDT", 1.0),
    "usd": ("USD", 1.0),
    "hk$": ("HKD", 1.0),
    "hkd": ("HKD", 1.0),
    "nt$": ("TWD", 1.0),
    "$hk": ("HKD", 1.0),  # "每千個 $HK120"
    "mxn": ("MXN", 1.0),  # "MXN 0.80 per record"
    "mx$": ("MXN", 1.0),
    "$nt": ("TWD", 1.0),
    "twd": ("TWD", 1.0),
    "新台币": ("TWD", 1.0),  # "每筆新台幣２元": the 元 after it is the dollar's
    "港币": ("HKD", 1.0),
    "港币$": ("HKD", 1.0),  # "港幣 $0.8 一個"
    "港币 $": ("HKD", 1.0),
    "港元": ("HKD", 1.0),
    "台币": ("TWD", 1.0),
    "马币": ("MYR", 1.0),  # "每万条 马币 800"
    "新币": ("SGD", 1.0),
    "ntd": ("TWD", 1.0),
    "au$": ("AUD", 1.0),
    "a$": ("AUD", 1.0),
    "aud $": ("AUD", 1.0),
    "aud$": ("AUD", 1.0),
    "aud": ("AUD", 1.0),
    "c$": ("CAD", 1.0),
    "ca$": ("CAD", 1.0),
    "cad $": ("CAD", 1.0),
    "cad$": ("CAD", 1.0),
    "cad": ("CAD", 1.0),
    "s$": ("SGD", 1.0),
    "sgd": ("SGD", 1.0),
    "gbp": ("GBP", 1.0),
    "£": ("GBP", 1.0),
    "eur": ("EUR", 1.0),
    "€": ("EUR", 1.0),
    "inr": ("INR", 1.0),
    "₹": ("INR", 1.0),
    "rs.": ("INR", 1.0),
    "rs": ("INR", 1.0),
    "rmb": ("CNY", 1.0),
    "cny": ("CNY", 1.0),
    "人民币": ("CNY", 1.0),  # "每万条 人民币 捌佰"
    "¥": ("CNY", 1.0),
    "₱": ("PHP", 1.0),
    "php": ("PHP", 1.0),
    "idr": ("IDR", 1.0),
    "rp.": ("IDR", 1.0),
    "rp": ("IDR", 1.0),
    "r$": ("BRL", 1.0),
    "brl": ("BRL", 1.0),
    "rm": ("MYR", 1.0),
    "myr": ("MYR", 1.0),
    "aed": ("AED", 1.0),
    "pln": ("PLN", 1.0),
    "nzd": ("NZD", 1.0),
    "nz$": ("NZD", 1.0),
    "kes": ("KES", 1.0),
    "ksh": ("KES", 1.0),
    "ngn": ("NGN", 1.0),
    "₦": ("NGN", 1.0),
    "zar": ("ZAR", 1.0),
    "pkr": ("PKR", 1.0),
    "bdt": ("BDT", 1.0),
    "৳": ("BDT", 1.0),
    "thb": ("THB", 1.0),
    "฿": ("THB", 1.0),
    "vnd": ("VND", 1.0),
    "₫": ("VND", 1.0),
    "egp": ("EGP", 1.0),
    "sar": ("SAR", 1.0),
    "gh₵": ("GHS", 1.0),
    "gh¢": ("GHS", 1.0),
    "ghs": ("GHS", 1.0),
    "lkr": ("LKR", 1.0),
    "npr": ("NPR", 1.0),
    "ars": ("ARS", 1.0),
    "cop": ("COP", 1.0),
    "clp": ("CLP", 1.0),
    "chf": ("CHF", 1.0),
    "s/": ("PEN", 1.0),
    "₺": ("TRY", 1.0),
    "uah": ("UAH", 1.0),
    "₴": ("UAH", 1.0),
    "krw": ("KRW", 1.0),
    "₩": ("KRW", 1.0),
    "jpy": ("JPY", 1.0),
    "qar": ("QAR", 1.0),
    "kwd": ("KWD", 1.0),
    "ugx": ("UGX", 1.0),
    "tzs": ("TZS", 1.0),
    "rub": ("RUB", 1.0),
    "btc": ("BTC", 1.0),
    "$": ("USD", 1.0),
}
SUFFIX_CURRENCY: dict[str, tuple[str, float]] = {
    "元人民币": ("CNY", 1.0),
    "元": ("CNY", 1.0),
    "块钱": ("CNY", 1.0),
    "块": ("CNY", 1.0),
    "毛钱": ("CNY", 0.1),
    "毫": ("CNY", 0.1),  # Cantonese for 角: "每條三毫" (HKD in Hong Kong, see _suffix_code)
    "毛": ("CNY", 0.1),
    "mao": ("CNY", 0.1),  # pinyin, hugging the number in a Chinese listing: "5mao yi tiao"
    "kuai": ("CNY", 1.0),
    "fen": ("CNY", 0.01),  # "8 fen per record" (guarded like mao)
    "角钱": ("CNY", 0.1),
    "角": ("CNY", 0.1),
    "分钱": ("CNY", 0.01),
    "分": ("CNY", 0.01),
    "米": ("CNY", 1.0),  # "0.3米一份": slang for 元, a price only before a per-record unit
    "厘钱": ("CNY", 0.001),
    "厘": ("CNY", 0.001),  # "5厘一条": a thousandth of a yuan
    "人民币": ("CNY", 1.0),
    "rmb": ("CNY", 1.0),
    "cny": ("CNY", 1.0),
    "yuan": ("CNY", 1.0),
    "包邮": ("CNY", 1.0),  # "168包邮": an item's price, postage included
    "usdt": ("USDT", 1.0),
    "usd": ("USD", 1.0),
    "u": ("USDT", 1.0),
    "r": ("CNY", 1.0),  # "0.2r 一条": RMB shorthand in Chinese listings
    "us cents": ("USD", 0.01),
    "us cent": ("USD", 0.01),
    "cents": ("USD", 0.01),
    "¢": ("USD", 0.01),
    "cent": ("USD", 0.01),
    "dollars": ("USD", 1.0),
    "dollar": ("USD", 1.0),
    "bucks": ("USD", 1.0),
    "美元": ("USD", 1.0),
    "美金": ("USD", 1.0),
    "刀": ("USD", 1.0),
    "euros": ("EUR", 1.0),
    "euro": ("EUR", 1.0),
    "eur": ("EUR", 1.0),
    "欧元": ("EUR", 1.0),
    "pounds": ("GBP", 1.0),
    "pound": ("GBP", 1.0),
    "gbp": ("GBP", 1.0),
    "英镑": ("GBP", 1.0),
    "pence": ("GBP", 0.01),
    "rub": ("RUB", 1.0),  # "0.3 rub per line"
    "cedis": ("GHS", 1.0),
    "lkr": ("LKR", 1.0),
    "npr": ("NPR", 1.0),
    "ars": ("ARS", 1.0),
    "cop": ("COP", 1.0),
    "円": ("JPY", 1.0),
    "uah": ("UAH", 1.0),
    "грн": ("UAH", 1.0),
    "руб": ("RUB", 1.0),
    "₽": ("RUB", 1.0),
    "便士": ("GBP", 0.01),
    "p": ("GBP", 0.01),  # "5p per CV": hugging the sum, before a per-record word only
    "c": ("USD", 0.01),  # "0.5c each": a cent, the same way
    "pesos": ("PHP", 1.0),  # (MXN where nothing names the Philippines: see _from_match)
    "peso": ("PHP", 1.0),
    "btc": ("BTC", 1.0),
    "paise": ("INR", 0.01),
    "paisa": ("INR", 0.01),
    "rupees": ("INR", 1.0),
    "rupee": ("INR", 1.0),
    "rs": ("INR", 1.0),  # "sirf 2500 rs me poora"
    "tk": ("BDT", 1.0),  # Bangladeshi taka: "3,000 Tk"
    "taka": ("BDT", 1.0),
    "inr": ("INR", 1.0),
    "卢比": ("INR", 1.0),
    "hkd": ("HKD", 1.0),
    "港币": ("HKD", 1.0),
    "港元": ("HKD", 1.0),
    "港纸": ("HKD", 1.0),
    "twd": ("TWD", 1.0),
    "ntd": ("TWD", 1.0),
    "新台币": ("TWD", 1.0),
    "台币": ("TWD", 1.0),
    "aud": ("AUD", 1.0),
    "澳元": ("AUD", 1.0),
    "澳币": ("AUD", 1.0),
    "加币": ("CAD", 1.0),
    "新币": ("SGD", 1.0),
    "马币": ("MYR", 1.0),
    "令吉": ("MYR", 1.0),
    "蚊": ("HKD", 1.0),  # Cantonese: "每份 6 蚊"
    "cad": ("CAD", 1.0),
    "加元": ("CAD", 1.0),
    # ISO codes written after the sum: "2,000,000 VND per 10k rows", "500 AED"
    "vnd": ("VND", 1.0),
    "php": ("PHP", 1.0),
    "aed": ("AED", 1.0),
    "pln": ("PLN", 1.0),
    "zł": ("PLN", 1.0),
    "sgd": ("SGD", 1.0),
    "myr": ("MYR", 1.0),
    "idr": ("IDR", 1.0),
    "ngn": ("NGN", 1.0),
    "kes": ("KES", 1.0),
    "zar": ("ZAR", 1.0),
    "pkr": ("PKR", 1.0),
    "thb": ("THB", 1.0),
    "nzd": ("NZD", 1.0),
    "egp": ("EGP", 1.0),  # "1000 CV = 150 EGP"
    "sar": ("SAR", 1.0),
    "qar": ("QAR", 1.0),
    "kwd": ("KWD", 1.0),
    "ghs": ("GHS", 1.0),
    "ugx": ("UGX", 1.0),
    "tzs": ("TZS", 1.0),
    "krw": ("KRW", 1.0),
    "jpy": ("JPY", 1.0),
    "brl": ("BRL", 1.0),
    "mxn": ("MXN", 1.0),
    "mad": ("MAD", 1.0),
    "sek": ("SEK", 1.0),
    "chf": ("CHF", 1.0),
    "nok": ("NOK", 1.0),
    "dkk": ("DKK", 1.0),
    "czk": ("CZK", 1.0),
    "kč": ("CZK", 1.0),
    "ron": ("RON", 1.0),
    "try": ("TRY", 1.0),
    "tl": ("TRY", 1.0),  # Turkish lira: "0.20 TL per CV" (guarded: see _suffix_allowed)
    "جنيه": ("EGP", 1.0),  # "500 جنيه لكل 1000 سي في"
    "dh": ("MAD", 1.0),  # dirham: "0,50 DH / CV" (guarded)
    "dhs": ("MAD", 1.0),
    # Vietnamese millions of dong without the currency: "Giá 2 triệu / 10.000 CV", "cả kho 15tr"
    # (guarded: after a price word or before "/")
    "triệu": ("VND", 1e6),
    "tr": ("VND", 1e6),
    "₺": ("TRY", 1.0),
    "đ": ("VND", 1.0),  # "500đ / record"
    "₫": ("VND", 1.0),
    # "400$", "0.01$ per line", "40€": the sign after the sum, as written in much of Europe
    "$": ("USD", 1.0),
    "€": ("EUR", 1.0),
}


def _alternation(keys: dict[str, tuple[str, float]]) -> str:
    return trie_alternation(list(keys))


_NUMBER = rf"(?P<num>{ARABIC})(?P<mult>{MULT})?|(?P<cn>[{CN_NUM_CHARS}]{{1,12}})"
# The number before a suffix currency. It is _NUMBER with guards a match needs anyway: a
# currency suffix (or a multiplier, a space, a decimal part) must follow it, and none of those
# starts with a digit or a Chinese numeral, so a digit run or a numeral run is never cut
# short. Without the guards the engine retries every shorter run before giving up ("2024"
# alone: the multiplier and ~40 suffixes tried after 2024, 202, 20 and 2, at each digit);
# with them it fails at once. Same matches (tests compare with the unguarded pattern).
_ARABIC_WHOLE = (
    r"(?:\d{1,3}(?:,\d{2,3}){0,6},\d{3}(?![\d])|\d{1,15}(?!\d))(?:\.\d{1,8}(?!\d))?"
    r"|\.\d{1,8}(?!\d)"
    r"|\d{1,3}(?:\.\d{3}){2,5}(?![\d.])"  # "3.000.000 VND": dots grouping thousands
)
_NUMBER2 = (
    rf"(?P<num2>{_ARABIC_WHOLE})(?P<mult2>{MULT})?"
    # ("零点零叁元": a decimal in numerals)
    rf"|(?P<cn2>[{CN_NUM_CHARS}]{{1,12}}(?:点[{CN_DIGIT}]{{1,6}})?(?![{CN_NUM_CHARS}点]))"
)
# The same without the guards, kept for the test that they change no match.
_UNGUARDED_NUMBER2 = (
    rf"(?P<num2>{ARABIC})(?P<mult2>{MULT})?"
    rf"|(?P<cn2>[{CN_NUM_CHARS}]{{1,12}}(?:点[{CN_DIGIT}]{{1,6}})?)"
)
# A cheap necessary condition for the suffix-money pattern, checked first at each candidate:
# the number (digits, ".", ",", Chinese numerals and multipliers: the run of those characters
# from the candidate, taken whole) must be followed by what can follow a number in a match,
# a suffix currency or a Latin multiplier, either at once or after one space or tab (which
# may also precede a Chinese multiplier). A match's number and Chinese multiplier are that
# whole run: nothing that may follow them in a match is a digit, ".", "," or a numeral. The
# pattern was tried in full at every digit of a run ("13812345678\n", "2024年"): ~40
# suffixes and the multipliers after each one; most runs now fail at this check. The run is
# read up to 48 characters (a 200k-digit run must not be read whole at each digit): a match's
# number and multiplier are at most 42 (31 for "1,00,...,000", 9 for ".5", 2 for "百万"), so a
# longer run holds no match that starts at this character.
_LATIN_MULT_FIRST = {word[0] for word in MULTIPLIERS if word.isascii()}
_CN_MULT_FIRST = {word[0] for word in MULTIPLIERS if not word.isascii()}
# "50余万元", "20多万": numbers.MULT lets 多/余/几 lead a Chinese multiplier.
_MULT_LEAD = set("多余几")
_AFTER_RUN = "".join(sorted({key[0] for key in SUFFIX_CURRENCY} | _LATIN_MULT_FIRST | _MULT_LEAD))
_AFTER_BLANK = "".join(sorted(set(_AFTER_RUN) | _CN_MULT_FIRST))
_SUFFIX_AHEAD = (
    rf"(?=[\d.,{CN_NUM_CHARS}点]{{0,48}}+"
    rf"(?:[{re.escape(_AFTER_RUN)}]|[ \t][{re.escape(_AFTER_BLANK)}]))"
)
# 分 is also "minute" and "points": it only counts as money when 钱 or a per-unit follows.
_FEN_OK = r"(?=钱|[ \t]*(?:/|一|每|per)|[ \t]*[条份个笔人名位张])"
_NUMBER_WORDS = (
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    "eighty|ninety|hundred|thousand|and|a"
)
_WORD_CURRENCY = {
    "bucks": ("USD", 1.0),
    "dollars": ("USD", 1.0),
    "quid": ("GBP", 1.0),
    "pounds": ("GBP", 1.0),
    "euros": ("EUR", 1.0),
    "rupees": ("INR", 1.0),
    "cents": ("USD", 0.01),
}
_WORD_CURRENCY_GATE = Gate(re.compile("bucks|dollars|quid|pounds|euros|rupees|cents"))
# One pattern per way of writing money, in priority order. They are separate (not one
# alternation) and start with a literal or a class so the regex prefilter stays on; the
# "not preceded by a letter/digit" edges are checked in Python (see find_money).
_MONEY_SOURCES = (
    # 两毛五 = 0.25, 一块五 = 1.5, 一分五 = 0.015: colloquial sub-unit after the main unit
    # ("贰角伍分", written out: 0.25)
    # ("兩毫半": Cantonese, 0.25)
    rf"(?=[{CN_DIGIT}\d])(?P<yj>[{CN_DIGIT}\d])(?P<yjunit>毛|角|块|元|分|毫)(?P<yjsub>[{CN_DIGIT}\d半])"
    r"(?:(?<=[毛角].)分(?!钟)|(?<=[块元].)[毛角])?(?![十百千万亿\d])(?![条份个笔人名位张])",
    r"(?P<half>half (?:a |of a )?(?:us )?cent)",
    rf"(?P<pre>{_alternation(PREFIX_CURRENCY)})[ \t]?(?:{_NUMBER})",
    rf"(?=[\d.{CN_NUM_CHARS}]){_SUFFIX_AHEAD}(?:{_NUMBER2})[ \t]?"
    rf"(?P<suf>{_alternation(SUFFIX_CURRENCY)})(?![a-z])",
    # Euros and reais with a decimal comma: "0,02 €", "€ 0,02", "1,50 EUR", "R$ 0,05"
    # (searched only when the text names euros or reais: a decimal comma elsewhere is a
    # thousands separator, "1,500 CVs").
    # ("1.500,00 €": dots grouping the thousands before the decimal comma)
    # (and the other currencies written so: "0,10 zł / record", "0,20 TL")
    r"(?=[\d€er])(?:(?P<ec>\d{1,3}(?:\.\d{3})+,\d{1,2}|\d{1,6},\d{1,2})(?![\d,])[ \t]?"
    r"(?P<ecur>€|eur(?:os?)?(?![a-z])|zł|(?:pln|czk|kč|sek|nok|dkk|ron|tl|try|dh)(?![a-z])|₺)"
    r"|(?:€|eur)[ \t]?(?P<ec2>\d{1,3}(?:\.\d{3})+,\d{1,2}|\d{1,6},\d{1,2})(?![\d,])"
    r"|r\$[ \t]?(?P<bc>\d{1,3}(?:\.\d{3})+,\d{1,2}|\d{1,6},\d{1,2})(?![\d,]))",
    # "a quarter a record", "a dime per CV" (searched only when the text names such a coin)
    r"(?:a|one) (?P<coin>quarter|dime|nickel|penny)(?= (?:a|per|each|for each|for one) "
    r"(?:record|row|cv|resume|lead|profile|contact))",
    # South African rand "R2,000", "R30 000" and Nigerian naira "N50", "N500,000" (searched
    # only when the text names the country; the capital letter is checked on the case-kept
    # text)
    r"[rn] ?(?P<rand>\d{1,3}(?:[ ,]\d{3})+(?![\d,])|\d{1,7}(?:\.\d{1,2})?(?![\d,])|"
    r"\d{1,7},\d{1,2}(?![\d,]))",
    # Sums in English words: "twenty bucks per thousand", "fifty quid" (searched only when the
    # text names such a currency; text2num reads the words)
    # ("3 hundred bucks": a digit before the word multiplier)
    rf"(?:(?P<wnum>\d{{1,3}})[ \t]+(?=hundred|thousand))?"
    rf"(?P<words>(?:(?:{_NUMBER_WORDS})[ \t-]+)+)(?P<wcur>bucks|dollars|quid|pounds|euros|"
    r"rupees|cents)(?![a-z])",
)
# compile_lookahead_led: the colloquial and suffix-money patterns open with a lookahead class,
# which it turns into a regex prefilter without the costly \d test (the others compile as
# re.compile would).
MONEY_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    compile_lookahead_led(p, re.IGNORECASE) for p in _MONEY_SOURCES
)
# The same, case-sensitive, for the lower-cased text: a letter cannot start a match of a
# case-insensitive pattern as far as the regex prefilter knows, so the patterns above try
# every position; on the lower-cased view these skip to the candidates (same matches).
_MONEY_LOWER: tuple[re.Pattern[str], ...] = tuple(compile_lookahead_led(p) for p in _MONEY_SOURCES)
# Characters that may not stand right before a prefix currency / a suffixed number.
_EDGE_PRE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_EDGE_SUF = _EDGE_PRE | frozenset("0123456789.,")

_SIGNS = frozenset("$€£¥₹")
_GUARDED_SUFFIXES = frozenset(
    {
        "分",
        "分钱",
        "厘",
        "米",
        "u",
        "r",
        "mao",
        "kuai",
        "p",
        "c",
        "角",
        "đ",
        "tl",
        "try",
        "ron",
        "dh",
    }
    | {"dhs", "triệu", "tr", "毫", "fen"}
)
# Where "TL" (and "try") is the Turkish lira, "RON" the Romanian leu: the text names the land.
_TURKEY = re.compile(r"türk|turk|istanbul|ankara|izmir|lira|₺|papara|havale|kariyer", re.I)
_MOROCCO = re.compile(r"maroc|morocco|casablanca|rabat|marrakech|tanger|f[eè]s(?![a-z])", re.I)
_VIET_PRICE_BEFORE = re.compile(r"(?:giá|bán|hết|kho|còn|chỉ|phí|lấy)[^\n]{0,12}\Z", re.I)
_VIET_PRICE_AFTER = re.compile(r"[ \t]*(?:/|đ|vnd)", re.I)
_ROMANIA = re.compile(r"rom[aâ]nia|bucure|cluj|timi[sș]oara|(?<![a-z])lei(?![a-z])", re.I)
_PENCE_PER = re.compile(r"[ \t]*(?:/|per |each|a (?:record|row|cv|lead|contact|profile))", re.I)
_DOT_GROUPING = frozenset({"EUR", "IDR", "BRL", "VND", "ARS", "COP", "CLP", "TRY"})
_MORE_DOT_GROUPS = re.compile(r"(?:\.\d{3})+(?!\d|\.\d)")
_DOT_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_DOLLAR_CODE = re.compile(
    r"[ \t]?(cad|aud|sgd|hkd|nzd|usd|twd|mxn|clp|ars|cop|uyu|新?台币|港币|港元)(?![a-z])",
    re.IGNORECASE,
)
# "$3000 台幣": the dollar's country in Chinese
_DOLLAR_WORDS = {"台币": "TWD", "新台币": "TWD", "港币": "HKD", "港元": "HKD"}
# ... or before it: "MXN $0.05 per record"
_CODE_BEFORE_DOLLAR = re.compile(
    r"(?<![a-z])(cad|aud|sgd|hkd|nzd|twd|mxn|clp|ars|cop|uyu)[ \t]?\Z", re.IGNORECASE
)
# Rupees written "Rs" in a Pakistani listing: its cities, payment apps, job board, mobiles.
_PAKISTAN = re.compile(
    r"pakistan|lahore|karachi|islamabad|rawalpindi|faisalabad|peshawar|multan|jazzcash|"
    r"easypaisa|rozee|(?<![a-z])pkr(?![a-z])|🇵🇰|(?<![a-z])oeps?(?![a-z])|assalam|"
    r"(?<!\d)03\d{2}[- ]?\d{7}(?!\d)",
    re.IGNORECASE,
)
_CN_SMALL = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2, "半": 5}
_LETTER_DIGIT = re.compile(r"[rRnN] ?\d")
_FEN_SUB = re.compile(r"分[一二两三四五六七八九\d]")
_COIN_GATE = Gate(re.compile(r"quarter|dime|nickel|penny"))
# (on the lower-cased text: a letter-led IGNORECASE alternation gets no regex prefilter)
_LETTER_CURRENCY_LAND = re.compile(
    r"(?P<za>zar|rand(?![a-z])|south africa|🇿🇦|pnet|careers24|careerjunction|gauteng|"
    r"johannesburg|cape town|durban|pretoria)"
    r"|(?P<ng>naira|nigeria|lagos|abuja|jobberman|myjobmag|🇳🇬|ngn)"
)
_LAND_GATE = Gate(_LETTER_CURRENCY_LAND)


def _land_named(lower: str) -> bool:
    """Whether the lower-cased text names South Africa or Nigeria (its literals first: the
    alternation has no regex prefilter, ~15 us a search)."""
    return _LAND_GATE.open(lower) and _LETTER_CURRENCY_LAND.search(lower) is not None


_PHILIPPINES = re.compile(r"php|₱|philippin|pinoy|manila|cebu|jobstreet|🇵🇭", re.IGNORECASE)
_COINS = {"quarter": 0.25, "dime": 0.1, "nickel": 0.05, "penny": 0.01}
_CN_TAIL = re.compile(f"[块元]([{CN_DIGIT}])(?![{CN_NUM_CHARS}\\d])[毛角]?")
_SUB_UNITS = frozenset("毛角分")
_PER_RECORD_NEXT = re.compile(r"[ \t]*(?:/|一|每|per)?[ \t]*[条份个]")
# Single digits spaced out after the first: " 5 0 0" (at least two more, each alone).
_SPACED_DIGITS = re.compile(r"(?: \d(?![\d.,]|[ \t]?[万千kKwW]))(?: \d(?![\d.,]))+")


class Money:
    __slots__ = ("amount", "currency", "end", "minor", "start")

    def __init__(
        self, start: int, end: int, amount: float, currency: str, minor: bool = False
    ) -> None:
        self.start = start
        self.end = end
        self.amount = amount
        self.currency = currency
        # Quoted in a minor unit (毛/角/分, cents): such small sums are prices of one record.
        self.minor = minor

    def __repr__(self) -> str:
        return (
            f"Money(start={self.start}, end={self.end}, amount={self.amount}, "
            f"currency={self.currency!r}, minor={self.minor})"
        )


def _digit(ch: str) -> int:
    return int(ch) if ch.isdigit() else _CN_SMALL.get(ch, 0)


def _tenths(m: re.Match[str], text: str, value: float) -> tuple[int, float] | None:
    """ "台幣 一塊五": the dollar's colloquial tenths after its unit (end, value)."""
    tail = _CN_TAIL.match(text, m.end())
    return None if tail is None else (tail.end(), value + _digit(tail.group(1)) / 10)


def _from_match(m: re.Match[str], text: str) -> Money | None:
    groups = m.re.groupindex
    if "words" in groups:
        return _word_money(m)
    if "yj" in groups:
        unit = m.group("yjunit")
        if unit == "分" and not _PER_RECORD_NEXT.match(text, m.end()):
            return None  # "一分五" is a price only before "一条", "/条": else a score, a time
        base = 0.1 if unit in ("毛", "角", "毫") else 0.01 if unit == "分" else 1.0
        amount = base * (_digit(m.group("yj")) + _digit(m.group("yjsub")) / 10)
        code = _suffix_code(unit, text)[0] if unit == "毫" else "CNY"
        return Money(m.start(), m.end(), amount, code, minor=base < 1)
    if "half" in groups:
        return Money(m.start(), m.end(), 0.005, "USD", minor=True)
    if "rand" in groups:
        return _letter_money(m, text)
    if "coin" in groups:
        amount = _COINS[m.group("coin").lower()]
        return Money(m.start(), m.end(), amount, "USD", minor=True)
    if "ec" in groups:
        return _comma_money(m)
    value: float | None
    if "pre" in groups:
        code, factor = PREFIX_CURRENCY[m.group("pre").lower()]
        if code == "INR" and m.group("pre").lower().startswith("rs") and _PAKISTAN.search(text):
            code = "PKR"  # "Rs. 15,000" in Lahore
        value = (
            None
            if _sub_units_next(m, text)
            else quantity_value(m.group("num"), m.group("mult"), m.group("cn"))
        )
        if m.group("cn") and value is not None and (tail := _tenths(m, text, value)) is not None:
            return Money(m.start(), tail[0], tail[1] * factor, code)
        if code in ("BRL", "EUR") and (cents := _CENTS_AFTER_GROUPS.match(text, m.end())):
            # "R$ 1.900,00": the dot grouped the thousands, the comma opens the cents
            whole = float((m.group("num") or "0").replace(".", ""))
            return Money(m.start(), cents.end(), whole + float(cents.group(1)) / 100, code)
        spaced = _SPACED_DIGITS.match(text, m.end()) if len(m.group("num") or "") == 1 else None
        if spaced is not None and not m.group("mult"):
            # "¥ 1 5 0 0": digits spaced out against filters, read as one number
            value = float(m.group("num") + spaced.group(0).replace(" ", ""))
            return Money(m.start(), spaced.end(), value * factor, code)
        if (
            m.group("pre") == "$"
            and value is not None
            and (dollar := _named_dollar(m, text, value)) is not None
        ):
            return dollar
    else:
        suffix = m.group("suf").lower()
        if suffix in _GUARDED_SUFFIXES and not _suffix_allowed(m, suffix, text):
            return None
        if suffix in _SIGNS and text[m.end() : m.end() + 1].isdigit():
            return None  # "1k $15 / 10k $100": the sign leads the next sum
        code, factor = _suffix_code(suffix, text)
        num2 = m.group("num2")
        if num2 and num2.count(".") > 1:  # "3.000.000 VND": dots group the thousands
            num2 = num2.replace(".", "")
        value = quantity_value(num2, m.group("mult2"), m.group("cn2"))
    if value is None:
        return None
    end = m.end()
    if code in _DOT_GROUPING:
        key = "num" if "pre" in groups else "num2"
        num = m.group(key)
        more = _MORE_DOT_GROUPS.match(text, m.end(key)) if num and key == "num" else None
        if more is not None and m.end(key) == end:  # "Rp 30.000.000": read the whole number
            num += more.group(0)
            end = more.end()
        if num and _DOT_THOUSANDS.fullmatch(num):
            # "1.500€", "Rp 500.000", "R$ 5.000": these sums have two decimals at most (none
            # in rupiah), so three digits after a dot are thousands
            value = float(num.replace(".", ""))
    return Money(m.start(), end, value * factor, code, minor=factor < 1)


def _suffix_code(suffix: str, text: str) -> tuple[str, float]:
    """The currency and factor of a suffix, by the land the text names ("pesos" in Manila or
    Mexico, "Rs" in Lahore, "毫" in Hong Kong)."""
    code, factor = SUFFIX_CURRENCY[suffix]
    if code == "PHP" and suffix.startswith("peso") and not _PHILIPPINES.search(text):
        code = "MXN"
    if suffix == "rs" and _PAKISTAN.search(text):
        code = "PKR"
    if suffix == "毫" and _HONG_KONG.search(text):
        code = "HKD"
    return code, factor


_HONG_KONG = re.compile(r"香港|港币|港元|hk\$|hkd|jobsdb|ctgoodjobs|(?<![a-z])hk(?![a-z])", re.I)


def _comma_money(m: re.Match[str]) -> Money:
    """A sum with a decimal comma: "0,02 €", "R$ 0,05", "0,10 zł"."""
    if m.group("bc"):
        reais = float(m.group("bc").replace(".", "").replace(",", "."))
        return Money(m.start(), m.end(), reais, "BRL")
    value = float((m.group("ec") or m.group("ec2")).replace(".", "").replace(",", "."))
    ecur = (m.group("ecur") or "€").lower()
    code = "EUR" if ecur.startswith(("€", "eur")) else SUFFIX_CURRENCY[ecur][0]
    return Money(m.start(), m.end(), value, code)


def _sub_units_next(m: re.Match[str], text: str) -> bool:
    """ "人民币壹角贰分": the sum is the sub-units' (read at its numeral), not "人民币一"."""
    return bool(m.group("cn")) and text[m.end() : m.end() + 1] in _SUB_UNITS


def _named_dollar(m: re.Match[str], text: str, value: float) -> Money | None:
    """A dollar sum whose code is written beside the sign: "MXN $0.05", "$600 CAD for the
    lot", "$0.01 USD per record" (the code after the sum is part of it)."""
    before = _CODE_BEFORE_DOLLAR.search(text, max(0, m.start() - 5), m.start())
    if before is not None:
        code = before.group(1).upper()
        return Money(before.start(), m.end(), _grouped(m.group("num") or "", code, value), code)
    named = _DOLLAR_CODE.match(text, m.end())
    if named is not None:
        code = _DOLLAR_WORDS.get(named.group(1), named.group(1).upper())
        return Money(m.start(), named.end(), _grouped(m.group("num") or "", code, value), code)
    return None


def _grouped(num: str, code: str, value: float) -> float:
    """ "$20.000 CLP", "$ 180.000 ARS": dots group the thousands of pesos (``value``: the
    sum read otherwise)."""
    dotted = code in _DOT_GROUPING or code in ("MXN", "UYU", "PEN")
    return float(num.replace(".", "")) if dotted and _DOT_THOUSANDS.fullmatch(num) else value


def _word_money(m: re.Match[str]) -> Money | None:
    """ "twenty bucks", "a hundred dollars", "fifty-five cents": a sum in English words."""
    words = m.group("words").lower().replace("-", " ").split()
    while words and words[0] in ("a", "and"):
        words = words[1:]  # "a hundred": text2num reads "hundred"
    if not words:
        return None
    try:
        value = text2num(" ".join(words), "en")
    except ValueError:
        return None  # "a few dollars" never matches; "and one" is no numeral
    code, factor = _WORD_CURRENCY[m.group("wcur").lower()]
    if m.group("wnum"):
        return Money(m.start(), m.end(), int(m.group("wnum")) * value * factor, code)
    start = m.start("words") + (len(m.group("words")) - len(m.group("words").lstrip()))
    return Money(start, m.end(), value * factor, code, minor=factor < 1)


def _letter_money(m: re.Match[str], text: str) -> Money | None:
    """ "R2,000" in a South African listing, "N50" in a Nigerian one (capital letter only)."""
    letter = text[m.start()]
    land = _LETTER_CURRENCY_LAND.search(text.lower())
    if land is None or letter not in "RN":
        return None
    code = "NGN" if land.lastgroup == "ng" else "ZAR"
    if (letter == "N") != (code == "NGN"):
        return None
    raw = m.group("rand")
    if _DECIMAL_COMMA.fullmatch(raw):
        return Money(m.start(), m.end(), float(raw.replace(",", ".")), code)  # "R0,20 per CV"
    return Money(m.start(), m.end(), float(raw.replace(",", "").replace(" ", "")), code)


_DECIMAL_COMMA = re.compile(r"\d{1,7},\d{1,2}")
_CENTS_AFTER_GROUPS = re.compile(r",(\d{2})(?![\d,])")


def _suffix_allowed(m: re.Match[str], suffix: str, text: str) -> bool:
    # ``text`` is the case-kept text (the match may come from its lower-cased view).
    if suffix in ("tl", "try"):
        return _TURKEY.search(text) is not None
    if suffix == "ron":
        return _ROMANIA.search(text) is not None
    if suffix in ("mao", "fen", "kuai") and _PENCE_PER.match(text, m.end()):
        return True  # "3 mao per record", "8 fen per record": pinyin units, spaced
    if suffix == "毫":  # not 毫米, 毫秒, 毫升, 毫无
        return not text.startswith(("米", "秒", "升", "克", "安", "无", "不", "伏"), m.end())
    if suffix in ("dh", "dhs"):
        return _MOROCCO.search(text) is not None
    if suffix in ("triệu", "tr"):
        return _VIET_PRICE_BEFORE.search(text, max(0, m.start() - 16), m.start()) is not None or (
            _VIET_PRICE_AFTER.match(text, m.end()) is not None
        )
    if suffix == "米":
        return _PER_RECORD_NEXT.match(text, m.end()) is not None  # not "3米" of distance
    if suffix == "đ":  # "500đ / record", not "5 đơn" (five orders)
        return not text[m.end() : m.end() + 1].isalpha()
    if suffix == "角" and text[m.end() : m.end() + 1] in ("形", "洲", "区", "地", "尖"):
        return False  # "三角形", "长三角地区": words, not money
    if suffix == "角" and not m.group("cn2"):
        return True  # "5角一条"; "三角" is also a word ("珠三角", "三角形")
    if suffix in ("分", "分钱") and text.startswith("一分货", m.end()):
        return False  # "一分钱一分货": you get what you pay for
    if suffix == "分钱":
        return True
    if suffix in ("分", "厘", "角"):
        # "8分钱", "8分/条", or a stated unit price: "单价 8分".
        return (
            re.match(_FEN_OK, text[m.end() : m.end() + 8]) is not None
            or re.search(
                # or a tier: "十万份以上 七分"
                r"(?:单价|单条|单份|每条|每份|每个|一条|一份|以上|起|价格|价钱|售价|只要|仅需|量大|"
                # ("满一万份三角": a tier's threshold)
                rf"满[\d{CN_DIGIT}十百千万wk]{{1,6}}[条份个笔])[ \t:：,，、]*(?:人民币|rmb)?"
                r"[ \t]*$",
                text[max(0, m.start() - 8) : m.start()],
            )
            is not None
            or _price_list_line(text, m.start(), m.end())
        )
    # "U" for Tether must hug the number ("6000U", "0.1U/条"), not be a word after a space;
    # "r" for 元 also, and only in a Chinese listing's per-record price ("0.2r 一条", "0.3r/条").
    if text[m.start("suf") - 1].isspace():
        # "0.15 U/条", "10 万条 9000 U" in a Chinese listing: U standing alone after the sum
        after = text[m.end() : m.end() + 1]
        return (
            suffix == "u"
            and not (after.isalnum() or after == "_")
            and (
                any(is_cjk(ch) for ch in text[max(0, m.start() - 24) : m.start()])
                # "1M ➜ 2500 U" under "PRICE (USDT only)"
                or "USDT" in text
                or "usdt" in text
            )
        )
    if suffix in ("p", "c"):  # "5p per CV", "0.5c each": hugging the sum, before a per-unit
        return _PENCE_PER.match(text, m.end()) is not None
    if suffix in ("mao", "kuai"):
        # (or before a per-record word: "Price 5 mao per record")
        return any(is_cjk(ch) for ch in text[max(0, m.start() - 40) : m.end() + 40]) or (
            _PENCE_PER.match(text, m.end()) is not None
        )
    if suffix == "r":
        if re.match(r"[ \t]*(?:/|一|每)[ \t]*[条份个]", text[m.end() : m.end() + 6]):
            return True
        # "便宜出 500r 全部": a sum in a Chinese listing, "r" ending a word of its own
        after = text[m.end() : m.end() + 1]
        return not (after.isascii() and (after.isalnum() or after in "_-'.@")) and any(
            is_cjk(ch) for ch in text[max(0, m.start() - 24) : m.end() + 8]
        )
    return True


_PRICE_HEAD = re.compile(r"价格|价目|报价|价位|收费")


def _price_list_line(text: str, start: int, end: int) -> bool:
    """Whether a sum ends a short line under a price list's heading ("【价格】\n普工 4分")."""
    line_start = text.rfind("\n", 0, start) + 1
    if not line_start or start - line_start > 10 or text[end : end + 1] not in ("\n", ""):
        return False
    return _PRICE_HEAD.search(text, max(0, line_start - 60), line_start) is not None


def _names_euros(text: str, view: str) -> bool:
    """Whether the text names euros (or reais, "R$"), whose sums take a decimal comma."""
    return (
        "€" in text
        or "eur" in view
        or "EUR" in view
        or "Eur" in view
        or "R$" in text
        or "r$" in view
        or ("," in text and _COMMA_LAND.search(view) is not None)
    )


# Other currencies whose sums take a decimal comma, on the sum: "0,10 zł", "0,20 TL" (searched
# on the lower-cased view; led by a lookahead class, so the search stops at digits only).
_COMMA_LAND = compile_lookahead_led(
    r"(?=\d)\d,\d{1,2}[ \t]?(?:zł|₺|(?:pln|czk|kč|sek|nok|dkk|ron|tl|try|dh)(?![a-z]))",
    re.IGNORECASE,
)


def find_money(text: str, fold: str | None = None) -> list[Money]:
    """Every money mention in ``text`` (the normalized, case-kept view).

    ``fold``: the text's lower-cased view when case-insensitive patterns may search it
    (``Normalized.fold``, :func:`fastre.lower_view`); the caller computes it once for all
    extractors. Without it the case-insensitive patterns run on ``text``: same result, slower.
    """
    patterns, view = (MONEY_PATTERNS, text) if fold is None else (_MONEY_LOWER, fold)
    candidates: list[tuple[int, int, re.Match[str]]] = []
    for rank, pattern in enumerate(patterns):
        if rank == 4 and not _names_euros(text, view):
            continue
        if rank == 5 and not _COIN_GATE.open(view):
            continue
        if rank == 6 and (
            _LETTER_DIGIT.search(view) is None
            or not _land_named(view if fold is not None else view.lower())
        ):
            continue
        if rank == 7 and not _WORD_CURRENCY_GATE.open(view if fold is not None else view.lower()):
            continue
        if (
            rank == 0
            and "毛" not in view
            and "块" not in view
            and "角" not in view
            and "元" not in view
            and "毫" not in view
            and ("分" not in view or _FEN_SUB.search(view) is None)
        ):
            # "两毛五", "一块五": its class prefilter stops at every digit of the listing
            # (~2 us), and 15 in 200 dev listings hold any of the units at all.
            continue
        edge = _EDGE_SUF if rank in (3, 4, 6) else _EDGE_PRE if rank in (2, 5, 7) else frozenset()
        for m in pattern.finditer(view):
            start = m.start()
            if start and text[start - 1] in edge:
                continue
            candidates.append((start, rank, m))
    # Leftmost first, then the pattern's priority, without overlaps (like one alternation).
    candidates.sort(key=lambda c: (c[0], c[1]))
    found: list[Money] = []
    end = 0
    for start, _, m in candidates:
        if start < end:
            continue
        money = _from_match(m, text)
        if money is not None and money.amount > 0:
            found.append(money)
            end = m.end()
    if len(found) > 1 and "$" in text:
        found = _one_dollar(found, text)
    if any(m.currency == "CNY" for m in found):
        found = _local_yuan(found, text)
    if "$" in text and any(m.currency == "USD" for m in found):
        found = _local_peso(found, text)
    return found


# Where "$" is the peso: a Spanish listing from Colombia, Chile, Argentina, Mexico, Uruguay.
_PESO_LAND = re.compile(
    r"(?P<COP>colombia|bogot[aá]|medell[ií]n)|(?P<CLP>chile(?![a-z])|santiago de chile)|"
    r"(?P<ARS>argentin|buenos aires)|(?P<MXN>m[eé]xico|cdmx|guadalajara|monterrey)|"
    r"(?P<UYU>uruguay|montevideo)",
    re.IGNORECASE,
)


_PESO_LAND_GATE = Gate(_PESO_LAND)  # (its literals, lower-case: asked of text.lower())


def _local_peso(found: list[Money], text: str) -> list[Money]:
    """A bare "$" sum in a Spanish listing that names a peso country: "$ 350.000" in Bogotá is
    350,000 Colombian pesos (dots group the thousands)."""
    if not _PESO_LAND_GATE.open(text.lower()):
        return found  # (its literals first: the regex tries every position, ~50 us a text)
    land = _PESO_LAND.search(text)
    if land is None or not romance(text):
        return found
    code = str(land.lastgroup)
    return [
        Money(m.start, m.end, _grouped(text[m.start + 1 : m.end].strip(), code, m.amount), code)
        if m.currency == "USD" and text[m.start] == "$"
        else m
        for m in found
    ]


def _recoded(found: list[Money], code: str, which: Callable[[Money], bool]) -> list[Money]:
    """``found`` with the sums ``which`` picks quoted in ``code``."""
    return [Money(m.start, m.end, m.amount, code, m.minor) if which(m) else m for m in found]


# Where 元 and 块 name the local dollar: Taiwan ("每筆 2 元" is NT$2), Hong Kong, Malaysia and
# Singapore's Chinese.
_YUAN_ELSEWHERE = frozenset({"TWD", "HKD", "MYR", "SGD"})
_NAMED_CNY = re.compile(r"[¥￥]|rmb|cny|人民币|大陆|内地", re.IGNORECASE)
# A listing from Taiwan: its job boards, its board sites and its places.
# (led by Chinese characters only: a digit- or letter-led word would stop the scan at every
# digit or letter)
_TAIWAN = re.compile(r"台币|人力银行|熊班|批踢踢|虾皮|台湾|台北|新北|桃园|台中|高雄|台南")


def _local_yuan(found: list[Money], text: str) -> list[Money]:
    """The 元/块/毛 sums of a listing that never names the renminbi, in the local dollar: the
    one its other sums are all in (TWD, HKD, MYR, SGD), or NT$ in a Taiwanese listing that
    quotes no such dollar ("【價格】3000元" on a PTT board, "每筆1元台幣")."""
    if any(m.currency in _YUAN_ELSEWHERE for m in found):
        local = {m.currency for m in found if m.currency != "CNY"}
        if len(local) != 1:
            return found
        code = local.pop()
    elif text.isascii() or _TAIWAN.search(text) is None:
        return found
    else:
        code = "TWD"
    if _NAMED_CNY.search(text) is not None:
        return found
    return _recoded(found, code, lambda m: m.currency == "CNY")


_OTHER_DOLLARS = frozenset({"CAD", "AUD", "SGD", "HKD", "NZD", "TWD", "MXN"})
_PLAIN_DOLLAR = re.compile(r"\$[ \t]?[\d.,]+")


def _one_dollar(found: list[Money], text: str) -> list[Money]:
    """A listing that names its dollar once ("$99.00 – $1,499.00 CAD") and never US dollars
    quotes every plain "$" sum in it: "▢ 2,500 leads — $99" is 99 CAD."""
    named = {
        m.currency for m in found if m.currency in _OTHER_DOLLARS and "$" in text[m.start : m.end]
    }
    if len(named) != 1 or any(
        m.currency == "USD" and _PLAIN_DOLLAR.fullmatch(text, m.start, m.end) is None for m in found
    ):
        return found
    return _recoded(
        found,
        named.pop(),
        lambda m: m.currency == "USD" and _PLAIN_DOLLAR.fullmatch(text, m.start, m.end) is not None,
    )
