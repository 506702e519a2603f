"""Text normalization: undo the cheap evasions sellers use before any rule runs.

Three views of one listing are produced:

- ``text``: NFKC (full-width to half-width, math/circled digits and letters to ASCII),
  traditional to simplified Chinese, invisible characters removed, emoji and dingbats
  dropped inside Chinese words and turned into spaces elsewhere. Case is kept because
  WeChat ids are case-sensitive. Prices, volumes and contacts are read from this view.
- ``lower``: ``text`` lower-cased.
- ``fold``: ``lower`` when case-insensitive patterns may run on it instead of ``text``
  (``fastre.lower_view``), else None. Computed once; money, counts, prices and contacts share it.
- ``compact``: ``lower`` with split keywords rejoined (``简 历``, ``简-历``, ``简*历``,
  ``r e s u m e``) and pinyin/abbreviations mapped to Chinese (``jianli`` -> ``简历``).
  Keyword and source rules read this view.
"""

from __future__ import annotations

import logging
import re
import unicodedata

import opencc

from monitor.extract.fastre import Gate, case_gate_ok, compile_fast, compile_lookahead_led

logger = logging.getLogger(__name__)

# Longer inputs are cut: a 50 MB page must not stall the crawl. 200k characters is far more
# than any real listing; truncation is reported as the signal "input:truncated".
MAX_CHARS = 200_000

# Invisible characters used to split keywords (zero-width, bidi controls, soft hyphen,
# variation selectors, keycap and enclosing marks, tag characters).
_INVISIBLE = dict.fromkeys(
    [
        *range(0x200B, 0x2010),
        *range(0x202A, 0x202F),
        *range(0x2060, 0x2070),
        0x00AD,
        0x034F,
        0x180E,
        0xFEFF,
        *range(0xFE00, 0xFE10),
        *range(0x20D0, 0x2100),
        *range(0xE0000, 0xE0080),
    ]
)
# NFKC turns the full-width comma into "," which would glue "NT$3，500筆" into 3,500.
# The ideographic comma survives NFKC and keeps the two numbers apart.
_PRE = {**_INVISIBLE, 0xFF0C: "、"}

# The full-width forms (U+FF01-FF5E), the ideographic space and the ellipsis, each mapped to its
# own NFKC form (ASCII). Chinese listings are full of "：（）？"; a text holding one fails NFKC's
# quick check and unicodedata then decomposes and recomposes the whole text (~1,000
# instructions a character). Replacing them first gives the same NFKC (a character and its NFKC
# form have the same NFKD, and these forms are starters) and usually passes the quick check.
_FULLWIDTH = {
    chr(c): unicodedata.normalize("NFKC", chr(c)) for c in [*range(0xFF01, 0xFF5F), 0x3000, 0x2026]
}
_FULLWIDTH_ANY = re.compile("[\uff01-\uff5e\u3000\u2026]")

_CJK = "\u3400-\u9fff\uf900-\ufaff"
# Emoji, dingbats, arrows, geometric shapes: decoration, never meaning.
_DECOR = (
    "\u2190-\u21ff\u2300-\u23ff\u2500-\u27bf\u2900-\u297f\u2b00-\u2bff\u3030\u303d"
    "\u2660-\u2667\U0001f000-\U0001faff"
)
# The few pictographs that carry a word in sellers' slang: the penguin is QQ's mascot, the
# paper plane is Telegram ("飞机"). Read as those words before decorations go.
# (and the green circle or heart WeChat's colour: "🟢：yjs_data2024", "💚 V")
_PICTO_WORDS = {
    "\U0001f427": " 企鹅 ",
    "\u2708": " 飞机 ",
    "\U0001f6e9": " 飞机 ",
    "\U0001f7e2": " 微信 ",
    "\U0001f49a": " 微信 ",
    "\U0001f4de": " 电话 ",
    "\u260e": " 电话 ",
    "\U0001f4f1": " 电话 ",
    "\U0001f441": " views ",  # a post's view count: "👁 4.4K"
}
_PICTO_ANY = re.compile(
    "[\U0001f427\u2708\U0001f6e9\U0001f7e2\U0001f49a\U0001f4de\u260e\U0001f4f1\U0001f441]"
)
# (not across a line break: "拉勾\n✅ 每天更新" are two lines, and stay two)
_DECOR_IN_WORD = re.compile(
    f"(?<=[{_CJK}])[{_DECOR} \\t\u3000]{{0,8}}[{_DECOR}][{_DECOR} \\t\u3000]{{0,8}}(?=[{_CJK}])"
)
# "[D][D]*", not "[D]+": a pattern opening with a repeat gets no regex prefilter (same matches).
_DECOR_ANY = re.compile(f"[{_DECOR}][{_DECOR}]*")
# Spaces inside a Chinese word ("电 话", "简 历") are an evasion; Chinese needs no spaces.
# The "preceded by a Chinese character" half is a lookbehind checked after the first space
# (so the pattern starts with a class and the regex engine can skip to candidate positions),
# and the matches are simply deleted: re.sub with "" runs in C, a Python callback cost ~0.3 us
# a match. Only a run's first space can follow a Chinese character, and the run is taken whole
# (possessive): a 200k-space run then costs one pass, not one pass per position.
_CJK_SPACE = re.compile(f"[ \t\u3000](?<=[{_CJK}][ \t\u3000])[ \t\u3000]*+(?=[{_CJK}])")
# Separators inside a Chinese word ("简 历", "简-历", "简*历", "智-联"), 1-3 of them between two
# Chinese characters. Written "X(?<=[CJK]X)X{0,2}" (same matches): a pattern opening with a
# lookbehind or a repeat gets no regex prefilter and was tried at every position.
# A line break is not one: "换数据\n手上脉脉" keeps the title apart from the text.
_CJK_SPLIT_SEP = "[ \\t\\r\\f\\v\\-_*·.~|\\\\+=#^`'\"]"
_CJK_SPLIT = re.compile(
    f"{_CJK_SPLIT_SEP}(?<=[{_CJK}]{_CJK_SPLIT_SEP}){_CJK_SPLIT_SEP}{{0,2}}(?=[{_CJK}])"
)


# A phone pictograph before a named channel ("📞 WhatsApp: +91…") only decorates it.
_NAMED_CHANNEL = re.compile(
    r"[ \t]*(?:whats ?app|wa\b|微信|wechat|vx|wx|v\b|tg|telegram|qq|扣扣|line|viber|signal)",
    re.IGNORECASE,
)


def _picto_word(m: re.Match[str]) -> str:
    word = _PICTO_WORDS[m.group(0)]
    if word == " 电话 " and _NAMED_CHANNEL.match(m.string, m.end()):
        return " "
    return word


def is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _char_class(codes: list[int]) -> re.Pattern[str]:
    """A class of the given code points written as ranges (a long list of single
    characters makes a slow class)."""
    ranges: list[tuple[int, int]] = []
    for code in sorted(codes):
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    body = "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    return re.compile(f"[{body}]")


# Any invisible character: translate() is skipped when there is none (and the full-width
# comma, common in Chinese text, is then replaced on its own, which is much cheaper).
_INVISIBLE_ANY = _char_class(list(_INVISIBLE))
# Spelled-out Latin words: "r e s u m e", "j.i.a.n.l.i", "c-v".
_SPACED_LATIN = re.compile(r"(?<![a-z0-9])(?:[a-z][ .\-*_]){2,30}[a-z](?![a-z0-9])")
_SPACED_SEP = re.compile(r"[ .\-*_]")
# Two letters with a separator between them: a cheap test before the full pattern.
_SPACED_GATE = re.compile(r"[ .\-*_][a-z][ .\-*_]")
_HAS_CJK = re.compile(f"[{_CJK}]")

# Pinyin and abbreviations sellers write instead of the keyword (mapped in the compact view).
# "zl" etc. are platform abbreviations and are handled by the source table instead.
PINYIN = {
    "jianli": "简历",
    "j历": "简历",  # half an abbreviation: "谁需要 j历 资源"
    "jl": "简历",
    "qiuzhizhe": "求职者",
    "qiuzhi": "求职",
    "shuju": "数据",
    "ziyuan": "资源",
    "ziliao": "资料",
    "mingdan": "名单",
    "yingjiesheng": "应届生",
    "rencai": "人才",
}
_PINYIN_RE = compile_fast(
    r"(?<![a-z0-9])(?:" + "|".join(sorted(PINYIN, key=len, reverse=True)) + r")(?![a-z0-9])",
)

_PINYIN_GATE = Gate(_PINYIN_RE)

_T2S = opencc.OpenCC("t2s")


class Normalized:
    __slots__ = ("cjk", "compact", "fold", "lower", "text", "truncated")

    def __init__(
        self, text: str, lower: str, compact: str, fold: str | None, truncated: bool, cjk: bool
    ) -> None:
        self.text = text
        self.lower = lower
        self.compact = compact
        # ``lower`` when the case-insensitive extractors may search it instead of ``text``
        # (same length, no character IGNORECASE folds unlike str.lower():
        # fastre.case_gate_ok), else None.
        self.fold = fold
        self.truncated = truncated
        self.cjk = cjk


def _traditional_chars() -> re.Pattern[str]:
    """A character class of every CJK character that t2s changes (built once, ~30 ms)."""
    block = "".join(chr(c) for c in range(0x3400, 0xA000))
    converted = str(_T2S.convert(block))
    if len(converted) != len(block):  # a phrase rule changed the length: be conservative
        return re.compile(f"[{_CJK}]")
    chars = "".join(a for a, b in zip(block, converted, strict=True) if a != b)
    return re.compile(f"[{re.escape(chars)}]")


_TRADITIONAL = _traditional_chars()


# (written with chr(): mypyc cannot compile surrogates in a string literal)
_SURROGATE = re.compile(f"[{chr(0xD800)}-{chr(0xDFFF)}]+")


def _to_simplified(text: str) -> str:
    # opencc is the slowest step; most listings are simplified Chinese or English and
    # contain no character it would change, so it only runs when one is present.
    if not _TRADITIONAL.search(text):
        return text
    try:
        return str(_T2S.convert(text))
    except UnicodeError:
        # A lone surrogate (broken UTF-16 in a page) cannot cross into opencc's C++: convert
        # the text around it, keeping the surrogates where they were.
        parts = _SURROGATE.split(text)
        marks = _SURROGATE.findall(text)
        out = [str(_T2S.convert(p)) if p else p for p in parts]
        return "".join(a + b for a, b in zip(out, [*marks, ""], strict=True))


_DECIMAL_DIAN = re.compile(r"(?<=\d)点(?=\d)")
_GE_WAN = re.compile("(?<=[\\d一二两三四五六七八九十百])[ \t]?个[ \t]?[wW万](?![a-zA-Z])")


# A lone circled number opening a list item before a figure ("①1000条 29.9元"): NFKC would glue
# it to the figure (11000). A run of them ("①③⑧…") spells digits and is left to NFKC.
_CIRCLED_ANY = re.compile("[\u2460-\u2473]")
_CIRCLED_MARKER = re.compile(
    "[\u2460-\u2473](?<![\u2460-\u2473][\u2460-\u2473])(?=[ \t]*[0-9\uff10-\uff19])"
)


def _circled_marker(m: re.Match[str]) -> str:
    return f"({ord(m.group(0)) - 0x2460 + 1})"


def _fullwidth(m: re.Match[str]) -> str:
    return _FULLWIDTH[m.group(0)]


def nfkc(raw: str) -> str:
    """``unicodedata.normalize("NFKC", raw)``, with the full-width forms replaced first."""
    if unicodedata.is_normalized("NFKC", raw):
        return raw
    return unicodedata.normalize("NFKC", _FULLWIDTH_ANY.sub(_fullwidth, raw))


def clean(raw: str) -> str:
    """NFKC, invisible characters out, traditional to simplified, decorations out."""
    return _clean(raw)[0]


def _clean(raw: str) -> tuple[str, bool]:
    """clean() and whether the result holds a Chinese character."""
    # Each step runs only when the text holds a character it acts on (a class search is
    # far cheaper than a translate or a substitution over the whole listing).
    # (Every invisible character is non-ASCII: an ASCII text skips the scan.)
    if not raw.isascii() and _INVISIBLE_ANY.search(raw) is not None:
        raw = raw.translate(_PRE)
    elif "\uff0c" in raw:
        raw = raw.replace("\uff0c", "\u3001")
    if not raw.isascii() and _CIRCLED_ANY.search(raw) is not None:
        raw = _CIRCLED_MARKER.sub(_circled_marker, raw)
    text = raw if raw.isascii() else nfkc(raw)
    if "," in text and any(word in text for word in _COMMA_MULT_WORDS):
        text = _DECIMAL_COMMA_MULT.sub(r"\1.\2", text)  # "Rp 2,4 juta", "1,2 jt data"
    if " " in text and _SPACE_GROUPED.search(text) is not None and _SPACE_LAND.search(text):
        text = _SPACE_GROUPED.sub(_joined_groups, text)  # "R1 500 per 10 000 CVs", "4 500 zł"
    if "'" in text and _APOSTROPHE_GROUPED.search(text) is not None:
        text = _APOSTROPHE_GROUPED.sub(_joined_groups, text)  # Swiss: "CHF 4'600.-"
    if "mil" in text and _MIL.search(text) is not None and _ROMANCE.search(text) is not None:
        text = _MIL.sub(_thousands, text)  # "95 mil currículos": 95000
    if text.isascii():
        return text, False  # nothing below acts on ASCII
    text = _to_simplified(text)
    if "点" in text and _DECIMAL_DIAN.search(text) is not None:
        text = _DECIMAL_DIAN.sub(".", text)  # "0点08一条": 点 for the decimal point
    if "満" in text:  # (NFKC of the "full" emoji 🈵, Japanese form that t2s keeps)
        text = text.replace("満", "满")
    if _FINANCIAL_ANY.search(text) is not None:
        text = _FINANCIAL_RUN.sub(_plain_numerals, text)
    if _CN_DIGIT_RUN.search(text) is not None:
        text = _CN_DIGIT_RUN.sub(_spelled_digits, text)
    decorated = _DECOR_ANY.search(text) is not None
    if decorated:
        if _PICTO_ANY.search(text) is not None:
            text = _PICTO_ANY.sub(_picto_word, text)
        text = _DECOR_IN_WORD.sub("", text)
    cjk = _HAS_CJK.search(text) is not None
    if cjk:
        text = _CJK_SPACE.sub("", text)
        if "俩" in text or "仨" in text:
            text = _PAIR.sub(_pair, text)  # "一块钱俩": two for a yuan
        if "个W" in text or "个w" in text or "个万" in text:
            # "3个W", "十五个W": slang for 万 (after the spaces go: "一个W 一百五" stays two
            # numbers, a count and its sum)
            text = _GE_WAN.sub("万", text)
    if decorated:
        text = _DECOR_ANY.sub(" ", text)
    return text, cjk


# A decimal comma before an Indonesian or Malay multiplier: "Rp 2,4 juta" is 2.4 million
# (elsewhere a comma groups thousands).
_COMMA_MULT_WORDS = (
    "juta", "JUTA", "Juta", "jt", "Jt", "JT", "ribu", "rb", "miliar", "millones", "milhões",
    "millions", "Millionen", "Mio", "M)", "M ",
)  # fmt: skip
# ("1,1 millones", "2,5 Mio.", "Todo (1,1M)")
_DECIMAL_COMMA_MULT = re.compile(
    r"(?<![\d,.])(\d{1,3}),(\d{1,2})(?=[ \t]?(?:juta|jt|ribu|rb|miliar|millones|milhões|millions|"
    r"millionen|mio|m(?=[ \t)]))(?![a-z]))",
    re.IGNORECASE,
)


# Thousands grouped by spaces, as written where the currency is the rand, the zloty, the euro
# in France or Germany, the crowns, the rouble: "R1 500 per 10 000 CVs", "4 500 zł". Only in
# such a listing (elsewhere "5 100 CVs" may be five dollars for a hundred), and never a run
# of groups a phone number makes ("072 559 3318").
# (led by a lookahead class: compile_lookahead_led gives it the regex prefilter, so the search
# stops at digits only)
_SPACE_GROUPED = compile_lookahead_led(
    r"(?=[1-9])(?<![\d.,] )(?<![\d.,])\d{1,3}(?: \d{3})+(?!\d| \d|[.,]\d)"
)
_SPACE_LAND = re.compile(
    r"zł|€|₽|₺|(?<![a-z])(?:pln|zar|rand|eur|euros?|sek|nok|dkk|czk|kč|huf|rub|uah|chf|kr)"
    r"(?![a-z])|south africa|gauteng|johannesburg|cape town|durban|pretoria|poland|polska|"
    r"warsaw|warszawa|krak[oó]w|france|deutschland|germany",
    re.IGNORECASE,
)


def _joined_groups(m: re.Match[str]) -> str:
    return m.group(0).replace(" ", "").replace("'", "")


_APOSTROPHE_GROUPED = compile_lookahead_led(r"(?=[1-9])(?<![\d'])\d{1,3}(?:'\d{3})+(?![\d'])")
# "mil" is a thousand in Spanish and Portuguese ("210 mil registros", "R$ 350 a cada 10 mil"),
# a million in English sellers' slang ("2.5 mil CVs"): a Spanish or Portuguese listing (three
# of its common words) has it written out as the number.
_MIL = compile_lookahead_led(
    r"(?=\d)(?<![\d.,])(?P<n>\d{1,3}(?:[.,]\d{1,3})?)[ \t]?mil(?![a-zA-Z])"
)
_ROMANCE = re.compile(
    r"(?:(?<![a-zA-Z])(?:de|con|para|los|las|una|uma|com|dos|das|não|está|cada|todo|toda|tudo|"
    r"registros|vendo|precio|preço|currículos?|candidatos|postulantes|contatos|contactos)"
    r"(?![a-zA-Z]).*?){3}",
    re.DOTALL | re.IGNORECASE,
)


def romance(text: str) -> bool:
    """Whether a text reads as Spanish or Portuguese (three of their common words)."""
    return _ROMANCE.search(text) is not None


def _thousands(m: re.Match[str]) -> str:
    raw = m.group("n")
    if "," in raw and "." not in raw and len(raw.rsplit(",", 1)[1]) < 3:
        raw = raw.replace(",", ".")  # "2,5 mil": a decimal comma
    elif len(raw.rsplit(".", 1)[-1]) == 3 and "." in raw:
        return m.group(0)  # "1.500 mil": thousands already grouped, left alone
    value = float(raw.replace(",", "")) * 1000
    return f"{value:.0f}"


# Financial numerals (大写), written to slip past filters: "叁万份", "每份伍角". 伍 and 陆 are
# also a surname and "land" (大陆): alone they count only before a unit or with another
# financial numeral. So does 拾 ("收拾", "拾取").
_FINANCIAL = str.maketrans("壹贰叁肆伍陆柒捌玖拾佰仟", "一二三四五六七八九十百千")
_FINANCIAL_ANY = re.compile("[壹贰叁肆伍陆柒捌玖拾佰仟]")
_FINANCIAL_RUN = re.compile(
    "[壹贰叁肆伍陆柒捌玖拾佰仟零万亿]{1,20}(?P<unit>(?=[万千百十元角块毛分份条个笔人名]))?"
)
_UNAMBIGUOUS = re.compile("[壹贰叁肆柒捌玖佰仟]")
_MONEY_UNITS = frozenset("毛角块元")


# Five or more Chinese digits in a row with no unit between them spell a number digit by
# digit (a QQ or phone number "一五八二三四七七零九", written so filters miss it).
# Also in groups or one by one, as phone numbers are written: "一三八 二七六五 四四二一",
# "九 五 二 七 三 三 八 一 六" (seven digits or more).
# Led by the class itself ("[X](?:[X]{4,19}|...)" for "[X]{5,20}|[X]{1,4}...", same matches):
# a pattern opening with a repeat or an alternation of classes gets no regex prefilter.
_CN_DIGIT_RUN = re.compile(
    "[〇零一二三四五六七八九](?:[〇零一二三四五六七八九]{4,19}"
    "|[〇零一二三四五六七八九]{0,3}(?:[ \t-][〇零一二三四五六七八九]{1,5}){1,11})"
)
_CN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")


# 俩 and 仨 (two, three of them) after a sum: the count it buys.
_PAIR = re.compile("(?<=[钱块元毛角])[俩仨]")


def _pair(m: re.Match[str]) -> str:
    return "两个" if m.group(0) == "俩" else "三个"


def _spelled_digits(m: re.Match[str]) -> str:
    run = m.group(0)
    if len(run) - run.count(" ") - run.count("\t") - run.count("-") < 7 and not (
        len(run) >= 5 and run.isalpha()
    ):
        return run
    return run.translate(_CN_DIGITS)


def _plain_numerals(m: re.Match[str]) -> str:
    run = m.group(0)
    if (
        _UNAMBIGUOUS.search(run) is None
        and m.group("unit") is None
        and len(run) < 2
        # ("壹毛伍": the colloquial tenths after a unit of money)
        and m.string[m.start() - 1 : m.start()] not in _MONEY_UNITS
    ):
        return run
    return run.translate(_FINANCIAL)


def compact(lower: str, cjk: bool = True) -> str:
    """Rejoin split keywords and map pinyin so keyword rules see one spelling."""
    out = _CJK_SPLIT.sub("", lower) if cjk else lower
    if _SPACED_GATE.search(out) is not None:
        out = _SPACED_LATIN.sub(lambda m: _SPACED_SEP.sub("", m.group(0)), out)
    if not _PINYIN_GATE.open(out):
        return out
    return _PINYIN_RE.sub(lambda m: PINYIN[m.group(0)], out)


def normalize(title: str, text: str) -> Normalized:
    """Normalize a listing: the title and the text joined by a newline."""
    raw = f"{title}\n{text}"
    truncated = len(raw) > MAX_CHARS
    if truncated:
        logger.debug("listing of %d chars truncated to %d", len(raw), MAX_CHARS)
        raw = raw[:MAX_CHARS]
    cleaned, cjk = _clean(raw)
    lower = cleaned.lower()
    return Normalized(
        text=cleaned,
        lower=lower,
        fold=lower if len(lower) == len(cleaned) and case_gate_ok(cleaned) else None,
        compact=compact(lower, cjk),
        truncated=truncated,
        cjk=cjk,
    )
