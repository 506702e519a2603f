"""Helpers shared by the page parsers."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from typing import Any

from parsel import Selector

# Elements whose start begins a new line of text, for every "text as a reader sees it".
BLOCK_TAGS = frozenset(
    {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
     "table", "dd", "dt", "section", "article", "ul", "ol", "header", "footer"}
)  # fmt: skip
_KEEP_SPACE_TAGS = {"pre", "textarea"}
# HTML collapses every run of white space, line breaks included, to one space; only <br> and
# block elements break lines. Re-indented pages (one of the Telegram fixtures) rely on that.
_ALL_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0\u3000]+")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


class ParseError(ValueError):
    """A page does not have the structure its parser expects; the message says what is missing."""


def _in_preformatted(root: Any) -> bool:
    parent = root.getparent() if hasattr(root, "getparent") else None
    while parent is not None:
        if getattr(parent, "tag", None) in _KEEP_SPACE_TAGS:
            return True
        parent = parent.getparent()
    return False


def visible_text(sel: Selector | None) -> str:
    """Text of an element as a reader sees it: line breaks at <br> and block elements (white
    space in the source collapses, except in <pre>), scripts and styles skipped, lines
    stripped, runs of blank lines reduced to one."""
    if sel is None:
        return ""
    parts: list[str] = []
    for node in sel.xpath(".//text()[not(ancestor::script) and not(ancestor::style)] | .//*"):
        root = node.root
        if isinstance(root, str):
            owner = getattr(root, "getparent", lambda: None)()
            keep = owner is not None and (owner.tag in _KEEP_SPACE_TAGS or _in_preformatted(owner))
            parts.append(str(root) if keep else _ALL_SPACE.sub(" ", str(root)))
        elif getattr(root, "tag", None) in BLOCK_TAGS:
            parts.append("\n")
    text = _SPACES.sub(" ", "".join(parts))
    lines = [line.strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def first(sel: Selector, query: str, default: str = "") -> str:
    """First match of a CSS query, stripped."""
    value = sel.css(query).get()
    return value.strip() if value else default


def int_or_none(value: str | int | None) -> int | None:
    if value is None or isinstance(value, int):
        return value
    digits = re.sub(r"[^\d]", "", value)
    return int(digits) if digits else None


_COUNT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([KkMm万w]?)\s*$")
_MULTIPLIER = {"": 1, "k": 1_000, "m": 1_000_000, "万": 10_000, "w": 10_000}


def count_value(text: str | None) -> int | None:
    """A displayed count as a number: ``37.2K`` -> 37200, ``1.1万`` -> 11000, ``2`` -> 2."""
    if not text:
        return None
    match = _COUNT.match(text)
    if not match:
        return None
    return round(float(match.group(1)) * _MULTIPLIER[match.group(2).lower()])


def json_after(text: str, marker: str) -> Any:
    """The JSON object literal that follows ``marker`` in a script (e.g. ``g_page_config =``)."""
    start = text.find(marker)
    if start < 0:
        raise ParseError(f"no {marker!r} in page")
    brace = text.find("{", start + len(marker))
    if brace < 0:
        raise ParseError(f"no object after {marker!r}")
    decoder = json.JSONDecoder()
    try:
        value, _ = decoder.raw_decode(text, brace)
    except json.JSONDecodeError as exc:
        raise ParseError(f"invalid JSON after {marker!r}: {exc}") from exc
    return value


CHINA_TZ = timezone(timedelta(hours=8))
_FULL_DATE = re.compile(
    r"(?P<y>\d{4})[-/年](?P<m>\d{1,2})[-/月](?P<d>\d{1,2})日?"
    r"(?:\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?"
)
_MONTH_DAY = re.compile(
    r"^(?P<m>\d{1,2})[-/月](?P<d>\d{1,2})日?(?:\s+(?P<H>\d{1,2}):(?P<M>\d{2}))?$"
)
_TIME_ONLY = re.compile(r"^(?P<H>\d{1,2}):(?P<M>\d{2})$")


def site_time(text: str | None, tz: timezone = CHINA_TZ, now: datetime | None = None) -> str | None:
    """A date as a site displays it, as ISO 8601 in the site's time zone.

    ``2020-2-19 19:19:11`` -> ``2020-02-19T19:19:11+08:00``; a date alone stays a date
    (``2022-3-3`` -> ``2022-03-03``). Dates without a year
    (``12-25 12:08``, Douban) take the year that puts them on or before ``now``; a bare time
    (``18:58``, today's posts in Tieba lists) takes ``now``'s date. Anything else is None.
    """
    if not text:
        return None
    text = text.strip()
    now = (now or datetime.now(tz)).astimezone(tz)
    match = _FULL_DATE.search(text)
    try:
        if match:
            g = match.groupdict()
            if g["H"] is None:  # a date alone says nothing of the hour
                return datetime(int(g["y"]), int(g["m"]), int(g["d"])).date().isoformat()
            when = datetime(
                int(g["y"]),
                int(g["m"]),
                int(g["d"]),
                int(g["H"]),
                int(g["M"]),
                int(g["S"] or 0),
                tzinfo=tz,
            )
        elif (match := _MONTH_DAY.match(text)) is not None:
            g = match.groupdict()
            when = datetime(
                now.year, int(g["m"]), int(g["d"]), int(g["H"] or 0), int(g["M"] or 0), tzinfo=tz
            )
            if when > now + timedelta(days=1):
                when = when.replace(year=now.year - 1)
        elif (match := _TIME_ONLY.match(text)) is not None:
            when = now.replace(
                hour=int(match["H"]), minute=int(match["M"]), second=0, microsecond=0
            )
        else:
            return None
    except ValueError:  # 2-30 and the like
        return None
    return when.isoformat()
