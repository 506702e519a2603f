"""Pastebin-style paste sites: the public archive (a table of recent pastes) and raw pastes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from parsel import Selector

from monitor.pages.common import ParseError, visible_text

_PASTE_KEY = re.compile(r"^/?([A-Za-z0-9]{4,16})$")


@dataclass
class ArchiveEntry:
    key: str
    title: str
    url: str
    posted: str | None
    syntax: str | None


@dataclass
class ArchivePage:
    entries: list[ArchiveEntry]
    next_url: str | None


def parse_archive(sel: Selector) -> ArchivePage:
    table = sel.css("table.maintable")
    if not table:
        raise ParseError("no archive table (table.maintable)")
    entries = []
    for row in table.css("tr"):
        cells = row.css("td")
        link = row.css("td a")
        href = link.attrib.get("href", "") if link else ""
        match = _PASTE_KEY.match(href)
        if not cells or not match:
            continue
        entries.append(
            ArchiveEntry(
                key=match.group(1),
                title=visible_text(link[0]),
                url=href,
                posted=visible_text(cells[1]) if len(cells) > 1 else None,
                syntax=visible_text(cells[2]) if len(cells) > 2 else None,
            )
        )
    next_url = sel.css("div.pagination a.next::attr(href)").get()
    return ArchivePage(entries=entries, next_url=next_url)


_AGO = re.compile(r"^(\d+)\s*(sec|min|hour|day|week|month|year)s?\s+ago$")
_UNIT = {
    "sec": 1,
    "min": 60,
    "hour": 3600,
    "day": 86400,
    "week": 7 * 86400,
    "month": 30 * 86400,
    "year": 365 * 86400,
}


def posted_time(text: str | None, now: datetime | None = None) -> str | None:
    """Pastebin's archive says "12 sec ago" / "3 min ago": an ISO time (to the minute, UTC).
    Anything else (a date) is returned as it is."""
    if not text:
        return None
    match = _AGO.match(text.strip())
    if not match:
        return text.strip()
    now = now or datetime.now(UTC)
    when = now - timedelta(seconds=int(match.group(1)) * _UNIT[match.group(2)])
    return when.replace(second=0, microsecond=0).isoformat()


def raw_url(base: str, key: str) -> str:
    return f"{base.rstrip('/')}/raw/{key}"
