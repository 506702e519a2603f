"""Numbers as sellers write them: ``1,80,000``, ``4.6w``, ``10W+``, ``两万三千``, ``一万二``,
``3.4 million``, ``1 lakh``, ``500K``.

Chinese numerals go through cn2an (well tested, handles 两/十/百/千/万/亿 and mixed
``1.2万``); only the colloquial shortcuts cn2an rejects (``一万二`` = 12000 in speech,
``两毛五``) are handled here.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

import cn2an

from monitor.extract.fastre import compile_lookahead_led

logger = logging.getLogger(__name__)

CN_DIGIT = "零〇一二两三四五六七八九"
CN_NUM_CHARS = CN_DIGIT + "十百千万亿"
_CN_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_APPROX = re.compile("([一二三四五六七八])([二三四五六七八九])([十百千万亿].*)$")

# An Arabic number: Western (1,100,000) or Indian (1,80,000) grouping, or plain digits.
# Every repetition is bounded: a 200k-digit run or 万万万... must not make a failing match
# backtrack over the whole run at every position (quadratic time).
ARABIC = r"(?:\d{1,3}(?:,\d{2,3}){0,6},\d{3}(?![\d])|\d{1,15})(?:\.\d{1,8})?|\.\d{1,8}"
# A Chinese numeral of at least one character; callers add context so "一" alone is rare.
# "三百多万" (3 million and more) and "七八万" (70-80 thousand) are written in listings too.
# "十几万" (ten-odd ten-thousands) reads like "十多万": the figure it starts from.
CHINESE = f"[{CN_NUM_CHARS}]{{1,12}}(?:[多几余来][十百千万亿]{{1,3}})?(?:点[{CN_DIGIT}]{{1,6}})?"

# Multipliers that may follow a number; longest first so "百万" wins over "百".
MULTIPLIERS: dict[str, float] = {
    "百万": 1e6,
    "千万": 1e7,
    "万": 1e4,
    "亿": 1e8,
    "千": 1e3,
    "w": 1e4,
    "kw": 1e7,  # 千万, as Chinese sellers write it: "总库 3kw+"
    "kk": 1e6,  # "2.7kk lines": a thousand thousands (Brazil, Russia)
    "k": 1e3,
    "thousand": 1e3,
    "lakhs": 1e5,
    "lakh": 1e5,
    "l": 1e5,  # "2.4L", "1L CV": lakh, as Indian sellers write it
    "lacs": 1e5,
    "lac": 1e5,
    "crores": 1e7,
    "cr": 1e7,  # "1 Cr records", "Full 1 Cr for ₹15 lakh"
    "crore": 1e7,
    "mil": 1e6,  # "2.5 mil CVs" (English only: see MULT)
    "bin": 1e3,  # Turkish: "250 bin CV"
    "millions": 1e6,
    "million": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "juta": 1e6,  # Indonesian and Malay
    "jt": 1e6,
    "ribu": 1e3,
    "rb": 1e3,
    "triệu": 1e6,  # Vietnamese
    "nghìn": 1e3,
    "millones": 1e6,
    "milhões": 1e6,
    "millionen": 1e6,
    "mio": 1e6,
    "ngàn": 1e3,
    "ألف": 1e3,  # Arabic
    "тыс": 1e3,  # Russian, Ukrainian, Polish, Italian: "120 тыс.", "450 тис.", "75 tys.",
    "тис": 1e3,  # "60mila"
    "tys": 1e3,
    "mila": 1e3,
    "млн": 1e6,
    "만": 1e4,  # Korean
    "ہزار": 1e3,  # Urdu
    "हज़ार": 1e3,  # Hindi
    "हजार": 1e3,
    "লাখ": 1e5,  # Bengali
    "হাজার": 1e3,
    "लाख": 1e5,
    "หมื่น": 1e4,  # Thai
    "แสน": 1e5,
    "ล้าน": 1e6,
    "الف": 1e3,
    "billion": 1e9,
    "bn": 1e9,
}
# "3万5千", "3万5" and "1w2" are one number (35000, 12000): 万 may carry the thousands after
# it; "20多万" is 20万.
# Latin multipliers need a word end so "5 more" or "3 kinds" are not 5M or 3k.
# Word multipliers may follow a space ("300 万", "1 lakh"); a single letter must touch the
# number ("35k", "4.6w") so "... **31\nM. Lee" is not 31 million.
MULT = (
    "[ \t]?(?:[多余几]?(?:百万|千万|万(?:[1-9]千?(?!\\d))?|亿|千)|"
    r"(?:thousand|lakhs?|lacs?|crores?|cr|millions?|mln|mn|billion|bn|juta|jt|ribu|rb|triệu|"
    r"nghìn|ngàn|ألف|الف|millones|milhões|millionen|mio|тыс|тис|tys|mila|млн|만|ہزار|हज़ार|हजार|"
    r"লাখ|হাজার|लाख|หมื่น|แสน|ล้าน)"
    r"(?![a-z])|"
    # "mil" before English words only: in Spanish and Portuguese it is a thousand ("50 mil
    # currículos")
    r"mil(?=[ \t]+(?:[a-z]+[ \t]+){0,2}?(?:cvs?|resumes|records|profiles|users|leads|rows|"
    r"candidates|contacts|emails|job ?seekers|applicants|entries)(?![a-z]))|"
    # Turkish "bin" (a thousand) before a record word: "250 bin CV", "100 bin paket"
    r"bin(?=[ \t]+(?:cvs?|kay[ıi]t|aday|[öo]zge[çc]mi[şs]|paket|records?|profiles?)(?![a-z]))|"
    r"mil(?=[ \t]*[.,;)]|[ \t]*$))|"
    r"w(?:[1-9](?![\d.]))?(?![a-z])|kw(?![a-z])|kk(?![a-z])|[kml](?![a-z])"
)

# The leading lookahead is a character class the regex engine uses to skip ahead quickly
# (fastre.compile_lookahead_led: the plain compiler ignores a lookahead and would try every
# position).
QUANTITY = compile_lookahead_led(
    # (not in a handle: "xyu_2023k")
    rf"(?=[\d.{CN_NUM_CHARS}])(?:(?<![\d.,a-z_@])(?P<num>{ARABIC})(?P<mult>{MULT})?"
    rf"|(?P<cn>{CHINESE}))",
    re.IGNORECASE,
)


def parse_arabic(num: str) -> float:
    return float(num.replace(",", ""))


def _colloquial(cn: str) -> float | None:
    """``一万二`` = 12000, ``三千五`` = 3500: a bare digit after the last unit is one step down."""
    if len(cn) >= 3 and cn[-1] in _CN_VALUE and cn[-2] in "万千百":
        step = {"万": 1000, "千": 100, "百": 10}[cn[-2]]
        head = parse_chinese(cn[:-1])
        if head is not None:
            return head + _CN_VALUE[cn[-1]] * step
    return None


@lru_cache(maxsize=2048)
def parse_chinese(cn: str) -> float | None:
    """Value of a Chinese numeral, or None when it is not one (``万`` alone, ``一一``)."""
    cn = cn.replace("多", "").replace("几", "").replace("余", "").replace("来", "")
    if not cn or cn in "万亿千百" or cn[0] in "万亿":
        return None
    approx = _APPROX.match(cn)
    if approx is not None:
        cn = approx.group(2) + approx.group(3)  # "七八万": the larger figure, 八万
    if cn[0] in "千百仟佰" and len(cn) > 1:
        cn = "一" + cn  # "千万" = 一千万, "百万" = 一百万, "仟伍佰" = 一仟伍佰
    special = _colloquial(cn)
    if special is not None:
        return special
    try:
        value = cn2an.cn2an(cn, "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return float(value)


def quantity_value(num: str | None, mult: str | None, cn: str | None) -> float | None:
    """Value of one QUANTITY match (its named groups)."""
    if cn:
        return parse_chinese(cn)
    if not num:
        return None
    try:
        value = parse_arabic(num)
    except ValueError:
        return None
    if mult:
        word = mult.strip().lower().lstrip("多余几")  # "20多万": 20万 and more
        if len(word) >= 2 and word[0] in "万w" and word[1].isdigit():  # "3万5千", "1w2"
            return value * 1e4 + int(word[1]) * 1e3
        # (rounded: 2.3 * 1e5 is 229999.99999999997 in binary floating point)
        value = round(value * MULTIPLIERS.get(word, 1.0), 6)
    return value


def parse_quantity(text: str) -> float | None:
    """Value of the first quantity in ``text`` (helper for tests and small callers)."""
    m = QUANTITY.search(text)
    if m is None:
        return None
    return quantity_value(m.group("num"), m.group("mult"), m.group("cn"))
