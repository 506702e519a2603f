"""Helpers shared by the page parsers."""

from __future__ import annotations

import json
import re
from typing import Any

from parsel import Selector

_BLOCK_TAGS = {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "blockquote", "pre"}
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


class ParseError(ValueError):
    """A page does not have the structure its parser expects; the message says what is missing."""


def visible_text(sel: Selector | None) -> str:
    """Text of an element as a reader sees it: line breaks at <br> and block elements,
    scripts and styles skipped, runs of spaces collapsed."""
    if sel is None:
        return ""
    parts: list[str] = []
    for node in sel.xpath(".//text()[not(ancestor::script) and not(ancestor::style)] | .//*"):
        root = node.root
        if isinstance(root, str):
            parts.append(root)
        elif getattr(root, "tag", None) in _BLOCK_TAGS:
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
