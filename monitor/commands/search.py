"""``monitor search QUERY``: Lucene-syntax search over the configured store."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from rich.console import Console
from rich.table import Table

from monitor.config import ConfigError
from monitor.crawl import parse_setting_pairs, project_settings, sqlite_override
from monitor.search import QueryError
from monitor.store import StoreError, open_store


def add_parser(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "search",
        help="search stored listings with a Lucene query (as in Kibana)",
        description="Lucene syntax, e.g. 'sources:\"58.com\" AND volume_records:>=100000'. "
        "Bare words search title and text; words are ANDed. Same results on Elasticsearch "
        "and on the embedded store.",
    )
    p.add_argument("query", help="Lucene query; quote it for the shell")
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--json", action="store_true", help="JSON Lines instead of a table")
    p.add_argument("--sqlite", help="search this SQLite store instead of the configured one")
    p.add_argument(
        "-s",
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="setting override (repeatable)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        overrides = {**parse_setting_pairs(args.set), **sqlite_override(args.sqlite)}
        store = open_store(project_settings(overrides))
    except (ConfigError, StoreError) as exc:
        print(f"monitor: {exc}", file=sys.stderr)
        return 2
    with store:
        try:
            docs = list(store.search(args.query, limit=args.limit))
        except (QueryError, StoreError) as exc:
            print(f"monitor: {exc}", file=sys.stderr)
            return 2
    if args.json:
        for doc in docs:
            sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")
    else:
        table = Table(title=f"Listings matching {args.query}")
        for col in ("id", "platform", "price/record", "volume", "sources", "contacts", "title"):
            table.add_column(col, overflow="fold")
        for doc in docs:
            price = doc.get("unit_price") or {}
            table.add_row(
                doc["id"],
                doc.get("platform", ""),
                f"{price['amount']:g} {price.get('currency', '')}" if price.get("amount") else "",
                str(doc.get("volume_records") or ""),
                ",".join(doc.get("sources") or []),
                ",".join(doc.get("contact_values") or []),
                (doc.get("title") or "")[:40],
            )
        Console().print(table)
    print(f"{len(docs)} listing(s)", file=sys.stderr)
    return 0
