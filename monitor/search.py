"""Lucene query syntax evaluated in Python, for stores that are not Elasticsearch.

``monitor search`` sends the query to Elasticsearch as a ``query_string`` (default fields
``title`` and ``text``, default operator AND, lenient). On the embedded store the same query is
parsed with ``luqum`` and evaluated here against each document, with the field types of the
Elasticsearch mapping (``monitor.store.es_index``) and an emulation of its text analysis
(standard tokenizer, ``cjk_width``, ``lowercase``, ``cjk_bigram``), so both stores find the
same listings. Supported: ``field:value``, ``"phrases"``, AND/OR/NOT/+/-, parentheses,
ranges (``[a TO b]``, ``{a TO *}``, ``>=n``, ``<n``) on numbers, dates (with date math such as
``now-24h`` or ``now-1d/d``) and keywords, ``*``/``?`` wildcards, ``_exists_:field``. Mix AND
and OR only with parentheses. Not supported here: fuzzy (``~``), proximity, regular expressions.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from luqum import tree
from luqum.exceptions import ParseError
from luqum.parser import parser

from monitor.store.es_index import LISTING_PROPERTIES

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

DEFAULT_FIELDS = ("title", "text")


class QueryError(ValueError):
    """The query cannot be parsed or uses syntax this evaluator does not support."""


# -- text analysis (the mapping's monitor_text analyzer) ---------------------------------------
_MID_LETTER = set(":·\u0387\u05f4\u2027\ufe13\ufe55\uff1a")
_MID_NUM = set(",;\u037e\u0589\u060c\u060d\u066c\u07f8\u2044\ufe10\ufe14\ufe50\ufe54\uff0c\uff1b")
_MID_NUM_LET = set(".'\u2018\u2019\u2024\ufe52\uff07\uff0e")


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x3040 <= o <= 0x30FF
        or 0x3400 <= o <= 0x4DBF
        or 0x4E00 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0xAC00 <= o <= 0xD7AF
        or 0x1100 <= o <= 0x11FF
        or 0x3130 <= o <= 0x318F
        or 0x20000 <= o <= 0x2FA1F
        or 0x31F0 <= o <= 0x31FF
    )


_PICTOGRAPHIC = (
    (0x00A9, 0x00A9),
    (0x00AE, 0x00AE),
    (0x203C, 0x203C),
    (0x2049, 0x2049),
    (0x2122, 0x2122),
    (0x2139, 0x2139),
    (0x2194, 0x2199),
    (0x21A9, 0x21AA),
    (0x231A, 0x231B),
    (0x2328, 0x2328),
    (0x2388, 0x2388),
    (0x23CF, 0x23CF),
    (0x23E9, 0x23F3),
    (0x23F8, 0x23FA),
    (0x24C2, 0x24C2),
    (0x25AA, 0x25AB),
    (0x25B6, 0x25B6),
    (0x25C0, 0x25C0),
    (0x25FB, 0x25FE),
    (0x2600, 0x27BF),
    (0x2934, 0x2935),
    (0x2B05, 0x2B07),
    (0x2B1B, 0x2B1C),
    (0x2B50, 0x2B50),
    (0x2B55, 0x2B55),
    (0x3030, 0x3030),
    (0x303D, 0x303D),
    (0x3297, 0x3297),
    (0x3299, 0x3299),
    (0x1F000, 0x1FAFF),
)


def _is_emoji(ch: str) -> bool:
    """Extended_Pictographic (main ranges): the standard tokenizer emits these as tokens."""
    o = ord(ch)
    return any(lo <= o <= hi for lo, hi in _PICTOGRAPHIC)


def _emoji_end(text: str, i: int) -> int:
    """End of the emoji sequence starting at ``i`` (variation selectors, skin tones, ZWJ)."""
    i += 1
    while i < len(text):
        o = ord(text[i])
        if o == 0xFE0F or 0x1F3FB <= o <= 0x1F3FF:
            i += 1
        elif o == 0x200D and i + 1 < len(text) and _is_emoji(text[i + 1]):
            i += 2
        else:
            break
    return i


def _width(text: str) -> str:
    """cjk_width: full-width ASCII to ASCII, half-width katakana to full width."""
    out = []
    for ch in text:
        o = ord(ch)
        if 0xFF01 <= o <= 0xFF5E:
            out.append(chr(o - 0xFEE0))
        elif 0xFF65 <= o <= 0xFF9F:
            out.append(unicodedata.normalize("NFKC", ch))
        else:
            out.append(ch)
    return "".join(out)


def _word_char(ch: str) -> bool:
    return (ch.isalnum() or ch == "_") and not _is_cjk(ch)


def _joins(prev: str, mid: str, nxt: str) -> bool:
    if prev.isalpha() and nxt.isalpha():
        return mid in _MID_LETTER or mid in _MID_NUM_LET
    if prev.isdigit() and nxt.isdigit():
        return mid in _MID_NUM or mid in _MID_NUM_LET
    return False


def analyze(text: str) -> list[str]:
    """Tokens of ``text`` as the ``monitor_text`` analyzer makes them."""
    text = _width(text)
    tokens: list[str] = []
    run: list[str] = []  # adjacent CJK characters, bigrammed when the run ends

    def end_run() -> None:
        if len(run) == 1:
            tokens.append(run[0])
        else:
            tokens.extend(run[i] + run[i + 1] for i in range(len(run) - 1))
        run.clear()

    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if _is_cjk(ch):
            run.append(ch)
            i += 1
            continue
        if run:
            end_run()
        if _is_emoji(ch):  # the standard tokenizer keeps emoji as tokens of their own
            end = _emoji_end(text, i)
            tokens.append(text[i:end])
            i = end
            continue
        if not _word_char(ch):
            i += 1
            continue
        start = i
        while i < n:
            if _word_char(text[i]):
                i += 1
            elif (
                i + 1 < n
                and i > start
                and _word_char(text[i + 1])
                and _joins(text[i - 1], text[i], text[i + 1])
            ):
                i += 2
            else:
                break
        tokens.append(text[start:i].lower())
    if run:
        end_run()
    return tokens


# -- field types from the mapping -----------------------------------------------------------
def field_type(name: str) -> tuple[str, str, dict[str, Any]] | None:
    """(type, source path, mapping) of ``name``; subfields map to their parent's value."""
    props: dict[str, Any] = LISTING_PROPERTIES
    parts = name.split(".")
    for n, part in enumerate(parts):
        spec = props.get(part)
        if spec is None:
            return None
        rest = parts[n + 1 :]
        if "properties" in spec:
            props = spec["properties"]
            continue
        if not rest:
            return spec["type"], name, spec
        sub = spec.get("fields", {}).get(".".join(rest))
        if spec["type"] == "flattened":
            return "keyword", name, spec
        if sub is None:
            return None
        return sub["type"], ".".join(parts[: n + 1]), sub
    return None


def values(doc: Any, path: str) -> list[Any]:
    """Every leaf value at dotted ``path``, through lists."""
    current = [doc]
    for part in path.split("."):
        nxt = []
        for value in current:
            if isinstance(value, dict) and part in value:
                nxt.append(value[part])
        current = []
        for value in nxt:
            current.extend(value if isinstance(value, list) else [value])
    return [v for v in current if v is not None]


# -- dates --------------------------------------------------------------------------------
_DATE = re.compile(
    r"^(?P<y>\d{4})(?:-(?P<mo>\d{2})(?:-(?P<d>\d{2})(?:[T ](?P<h>\d{2})(?::(?P<mi>\d{2})"
    r"(?::(?P<s>\d{2})(?:[.,](?P<f>\d{1,9}))?)?)?)?)?)?(?P<tz>Z|[+-]\d{2}:?\d{2})?$"
)
_MATH = re.compile(r"([+-])(\d+)([yMwdhHms])|/([yMwdhHms])")
_UNIT_SECONDS = {"w": 604800, "d": 86400, "h": 3600, "H": 3600, "m": 60, "s": 1}


def parse_date(text: str, round_up: bool = False, now: datetime | None = None) -> datetime | None:
    """An Elasticsearch date or date-math expression as an aware datetime. ``round_up``: the
    last millisecond the expression covers (for ``lte``/``gt``), as Elasticsearch rounds."""
    text = text.strip()
    if text.startswith("now"):
        anchor, math = now or datetime.now(UTC), text[3:]
    else:
        base, _, math = text.partition("||")
        parsed = _parse_plain(base, round_up and not math)
        if parsed is None:
            return None
        anchor = parsed
    pos = 0
    for m in _MATH.finditer(math):
        if m.start() != pos:
            return None
        pos = m.end()
        if m.group(4):
            anchor = _round(anchor, m.group(4), round_up)
        else:
            anchor = _add(anchor, int(m.group(2)) * (1 if m.group(1) == "+" else -1), m.group(3))
    return anchor if pos == len(math) else None


def _parse_plain(text: str, round_up: bool) -> datetime | None:
    m = _DATE.match(text)
    if not m:
        if text.isdigit():  # epoch milliseconds
            return datetime.fromtimestamp(int(text) / 1000, UTC)
        return None
    g = m.groupdict()
    if g["tz"]:
        tz_text = g["tz"].replace(":", "")
        tz = UTC if tz_text == "Z" else datetime.strptime(tz_text, "%z").tzinfo
    else:
        tz = UTC
    year, month, day = int(g["y"]), int(g["mo"] or 1), int(g["d"] or 1)
    when = datetime(
        year,
        month,
        day,
        int(g["h"] or 0),
        int(g["mi"] or 0),
        int(g["s"] or 0),
        int((g["f"] or "0").ljust(6, "0")[:6]),
        tzinfo=tz,
    )
    if round_up:
        missing = next(
            (
                u
                for u, k in (
                    ("y", "mo"),
                    ("M", "d"),
                    ("d", "h"),
                    ("h", "mi"),
                    ("m", "s"),
                    ("s", "f"),
                )
                if g[k] is None
            ),
            None,
        )
        if missing:
            when = _round(when, missing, True)
    return when.astimezone(UTC)


def _add(when: datetime, n: int, unit: str) -> datetime:
    if unit in ("y", "M"):
        months = when.month - 1 + n * (12 if unit == "y" else 1)
        year, month = when.year + months // 12, months % 12 + 1
        day = min(
            when.day,
            [
                31,
                29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28,
                31,
                30,
                31,
                30,
                31,
                31,
                30,
                31,
                30,
                31,
            ][month - 1],
        )
        return when.replace(year=year, month=month, day=day)
    return when + timedelta(seconds=n * _UNIT_SECONDS[unit])


def _round(when: datetime, unit: str, up: bool) -> datetime:
    if unit == "y":
        start = when.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    elif unit == "M":
        start = when.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    elif unit == "w":
        start = (when - timedelta(days=when.weekday())).replace(
            hour=0, minute=0, second=0, microsecond=0
        )
    elif unit == "d":
        start = when.replace(hour=0, minute=0, second=0, microsecond=0)
    elif unit in ("h", "H"):
        start = when.replace(minute=0, second=0, microsecond=0)
    elif unit == "m":
        start = when.replace(second=0, microsecond=0)
    else:
        start = when.replace(microsecond=0)
    if not up:
        return start
    return _add(start, 1, unit) - timedelta(milliseconds=1)


# -- evaluation ---------------------------------------------------------------------------
def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _as_number(text: Any) -> float | None:
    if isinstance(text, bool):
        return None
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def _as_date(value: Any, spec: dict[str, Any]) -> datetime | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return datetime.fromtimestamp(value / 1000, UTC)
    if not isinstance(value, str):
        return None
    text, fmt = value.strip(), spec.get("format", "")
    if "yyyy/MM/dd" in fmt and re.fullmatch(r"\d{4}/\d{2}/\d{2}( \d{2}:\d{2})?", text):
        text = text.replace("/", "-")
    if "yyyy-MM-dd HH:mm" in fmt and re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?", text):
        text = text.replace(" ", "T")
    if text.isdigit():
        seconds = int(text) if "epoch_second" in fmt else int(text) / 1000
        return datetime.fromtimestamp(seconds, UTC)
    return _parse_plain(text, False)


class _Compiler:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def compile(self, node: tree.Item, fields: tuple[str, ...]) -> Callable[[dict[str, Any]], bool]:
        if isinstance(node, tree.SearchField):
            if node.name == "_exists_":
                return self._exists(_unescape(str(node.expr)))
            return self.compile(node.expr, (_unescape(node.name),))
        if isinstance(node, tree.Group | tree.FieldGroup):
            return self.compile(node.expr, fields)
        if isinstance(node, tree.AndOperation):
            parts = [self.compile(c, fields) for c in node.children]
            return lambda d: all(p(d) for p in parts)
        if isinstance(node, tree.OrOperation):
            parts = [self.compile(c, fields) for c in node.children]
            return lambda d: any(p(d) for p in parts)
        if isinstance(node, tree.UnknownOperation):
            return self._implicit(node, fields)
        if isinstance(node, tree.Not | tree.Prohibit):
            inner = self.compile(node.a, fields)
            return lambda d: not inner(d)
        if isinstance(node, tree.Plus):
            return self.compile(node.a, fields)
        if isinstance(node, tree.Boost):
            return self.compile(node.expr, fields)
        if isinstance(node, tree.Word | tree.Phrase):
            return self._term(node, fields)
        if isinstance(node, tree.Range | tree.From | tree.To):
            return self._range(node, fields)
        raise QueryError(
            f"{type(node).__name__.lower()} queries ({node}) work on Elasticsearch "
            "only, not on the embedded store"
        )

    def _implicit(
        self, node: tree.UnknownOperation, fields: tuple[str, ...]
    ) -> Callable[[dict[str, Any]], bool]:
        # Default operator AND: every clause must hold (prohibited ones must not).
        parts = [self.compile(c, fields) for c in node.children]
        return lambda d: all(p(d) for p in parts)

    def _exists(self, name: str) -> Callable[[dict[str, Any]], bool]:
        info = field_type(name)
        if info is None:
            return lambda d: False
        kind, path, spec = info
        if kind == "date" or spec.get("ignore_malformed"):
            return lambda d: any(_as_date(v, spec) for v in values(d, path))
        if kind == "text":
            return lambda d: any(analyze(str(v)) for v in values(d, path))
        return lambda d: any(v != [] for v in values(d, path))

    def _term(
        self, node: tree.Word | tree.Phrase, fields: tuple[str, ...]
    ) -> Callable[[dict[str, Any]], bool]:
        if isinstance(node, tree.Word) and node.value == "*" and fields == DEFAULT_FIELDS:
            return lambda d: True
        phrase = isinstance(node, tree.Phrase)
        raw = node.value[1:-1] if phrase else node.value
        preds = [self._field_term(f, raw, phrase) for f in fields]
        return lambda d: any(p(d) for p in preds)

    def _field_term(self, name: str, raw: str, phrase: bool) -> Callable[[dict[str, Any]], bool]:
        info = field_type(name)
        if info is None:
            return lambda d: False
        kind, path, spec = info
        wildcard = not phrase and re.search(r"(?<!\\)[*?]", raw) is not None
        text = _unescape(raw) if not wildcard else raw
        if wildcard and raw == "*":
            return self._exists(name)
        if kind == "text":
            return _text_match(path, text, phrase, wildcard)
        if kind == "keyword":
            limit = spec.get("ignore_above", 1 << 30)
            if wildcard:
                pattern = re.compile(_wildcard_regex(raw), re.S)
                return lambda d: any(
                    isinstance(v, str | int | float)
                    and len(str(v)) <= limit
                    and pattern.fullmatch(_kw(v))
                    for v in values(d, path)
                )
            return lambda d: any(_kw(v) == text and len(text) <= limit for v in values(d, path))
        if kind == "boolean":
            return lambda d: any(str(v).lower() == text.lower() for v in values(d, path))
        if kind == "date":
            low, high = parse_date(text, False, self.now), parse_date(text, True, self.now)
            if low is None or high is None:
                return lambda d: False
            return lambda d: any(low <= x <= high for x in _dates(d, path, spec))
        number = _as_number(text)
        if number is None:
            return lambda d: False
        return lambda d: any(_as_number(v) == number for v in values(d, path))

    def _range(
        self, node: tree.Range | tree.From | tree.To, fields: tuple[str, ...]
    ) -> Callable[[dict[str, Any]], bool]:
        if isinstance(node, tree.Range):
            low, high = str(node.low), str(node.high)
            inc_low, inc_high = node.include_low, node.include_high
        elif isinstance(node, tree.From):
            low, high, inc_low, inc_high = str(node.a), "*", node.include, True
        else:
            low, high, inc_low, inc_high = "*", str(node.a), True, node.include
        low, high = _unescape(low.strip('"')), _unescape(high.strip('"'))
        preds = [self._field_range(f, low, high, inc_low, inc_high) for f in fields]
        return lambda d: any(p(d) for p in preds)

    def _field_range(
        self, name: str, low: str, high: str, inc_low: bool, inc_high: bool
    ) -> Callable[[dict[str, Any]], bool]:
        info = field_type(name)
        if info is None or info[0] == "text":
            return lambda d: False
        kind, path, spec = info
        if kind == "date":
            lo = None if low == "*" else parse_date(low, not inc_low, self.now)
            hi = None if high == "*" else parse_date(high, inc_high, self.now)
            if (low != "*" and lo is None) or (high != "*" and hi is None):
                return lambda d: False
            return lambda d: any(
                _within(x, lo, hi, inc_low, inc_high) for x in _dates(d, path, spec)
            )
        if kind == "keyword":
            lo_s, hi_s = (None if low == "*" else low), (None if high == "*" else high)
            return lambda d: any(
                _within(_kw(v), lo_s, hi_s, inc_low, inc_high) for v in values(d, path)
            )
        lo_n = None if low == "*" else _as_number(low)
        hi_n = None if high == "*" else _as_number(high)
        if (low != "*" and lo_n is None) or (high != "*" and hi_n is None):
            return lambda d: False
        return lambda d: any(
            (x := _as_number(v)) is not None and _within(x, lo_n, hi_n, inc_low, inc_high)
            for v in values(d, path)
        )


def _kw(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _within(x: Any, lo: Any, hi: Any, inc_low: bool, inc_high: bool) -> bool:
    if lo is not None and (x < lo or (x == lo and not inc_low)):
        return False
    return not (hi is not None and (x > hi or (x == hi and not inc_high)))


def _dates(doc: dict[str, Any], path: str, spec: dict[str, Any]) -> Iterator[datetime]:
    for v in values(doc, path):
        when = _as_date(v, spec)
        if when is not None:
            yield when


def _wildcard_regex(pattern: str) -> str:
    out, i = [], 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        out.append(".*" if ch == "*" else "." if ch == "?" else re.escape(ch))
        i += 1
    return "".join(out)


def _text_match(
    path: str, text: str, phrase: bool, wildcard: bool
) -> Callable[[dict[str, Any]], bool]:
    if wildcard:
        pattern = re.compile(_wildcard_regex(text.lower()), re.S)
        return lambda d: any(pattern.fullmatch(t) for v in values(d, path) for t in analyze(str(v)))
    want = analyze(text)
    if not want:
        return lambda d: False
    if not phrase:
        return lambda d: any(set(want) <= set(analyze(str(v))) for v in values(d, path))
    k = len(want)

    def has_phrase(doc: dict[str, Any]) -> bool:
        for v in values(doc, path):
            toks = analyze(str(v))
            if any(toks[i : i + k] == want for i in range(len(toks) - k + 1)):
                return True
        return False

    return has_phrase


def compile_query(query: str, now: datetime | None = None) -> Callable[[dict[str, Any]], bool]:
    """A predicate over stored documents for a Lucene-syntax ``query``."""
    text = query.strip()
    if text in ("", "*", "*:*"):
        return lambda d: True
    try:
        node = parser.parse(text)
    except (ParseError, TypeError, ValueError) as exc:
        raise QueryError(f"cannot parse the query {query!r}: {exc}") from None
    return _Compiler(now or datetime.now(UTC)).compile(node, DEFAULT_FIELDS)


def search(
    docs: Iterable[dict[str, Any]],
    query: str,
    limit: int | None = None,
    now: datetime | None = None,
) -> Iterator[dict[str, Any]]:
    match = compile_query(query, now)
    n = 0
    for doc in docs:
        if limit is not None and n >= limit:
            return
        if match(doc):
            n += 1
            yield doc
