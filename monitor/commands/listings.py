"""``monitor listings``: what is stored, filtered, as a table or JSON Lines."""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import UTC, datetime, timedelta
from typing import Any

from rich.console import Console
from rich.table import Table

from monitor.config import ConfigError
from monitor.crawl import project_settings, sqlite_override
from monitor.store import ListingFilter, StoreError, open_store

_DURATION = re.compile(r"^(\d+)([smhdw])$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_since(value: str, now: datetime | None = None, option: str = "--since") -> str:
    """``7d``, ``12h``... or an ISO date/time, as an ISO 8601 UTC timestamp."""
    match = _DURATION.match(value.strip())
    now = now or datetime.now(UTC)
    if match:
        delta = timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})
        return (now - delta).replace(microsecond=0).isoformat()
    try:
        when = datetime.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError(
            f"{option}: expected a duration like 7d or an ISO date, got {value!r}"
        ) from exc
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).replace(microsecond=0).isoformat()


def add_parser(subparsers: Any) -> None:
    p = subparsers.add_parser("listings", help="print stored listings")
    p.add_argument("--platform", help="only this platform (spider name)")
    p.add_argument("--source", help="only offers claiming this source (e.g. 58.com)")
    p.add_argument("--since", help="last seen within a duration (7d, 12h) or since an ISO date")
    p.add_argument("--offers", action="store_true", help="offers only")
    p.add_argument("--min-severity", type=int, choices=(0, 1, 2))
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--json", action="store_true", help="JSON Lines instead of a table")
    p.add_argument("--sqlite", help="read this SQLite store instead of the configured one")
    p.set_defaults(func=run)


def _price(doc: dict[str, Any]) -> str:
    price = doc.get("unit_price") or {}
    return (
        f"{price['amount']:g} {price.get('currency', '')}"
        if price.get("amount") is not None
        else ""
    )


def run(args: argparse.Namespace) -> int:
    overrides = sqlite_override(args.sqlite)
    try:
        flt = ListingFilter(
            platform=args.platform,
            source=args.source,
            offers_only=args.offers,
            since=parse_since(args.since) if args.since else None,
            min_severity=args.min_severity,
            limit=args.limit,
        )
        store = open_store(project_settings(overrides))
    except (ConfigError, StoreError) as exc:
        print(f"monitor: {exc}", file=sys.stderr)
        return 2
    with store:
        docs = store.listings(flt)
        if args.json:
            for doc in docs:
                sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")
            return 0
        table = Table(title="Stored listings")
        for col in (
            "platform",
            "offer",
            "score",
            "price/record",
            "volume",
            "sources",
            "seller",
            "title",
            "last seen",
        ):
            table.add_column(col, overflow="fold")
        n = 0
        for doc in docs:
            n += 1
            table.add_row(
                doc["platform"],
                "yes" if doc.get("is_offer") else "no",
                f"{doc.get('score') or 0:.2f}",
                _price(doc),
                str(doc.get("volume_records") or ""),
                ",".join(doc.get("sources") or []),
                doc.get("seller") or "",
                (doc.get("title") or "")[:40],
                doc.get("last_seen", "")[:16],
            )
        Console().print(table)
        print(f"{n} listing(s)", file=sys.stderr)
    return 0
