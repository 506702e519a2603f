"""``monitor retention --older-than 180d``: delete listings not seen for a while, in
whichever store is configured (SQLite or Elasticsearch)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from monitor.commands.listings import parse_since
from monitor.config import ConfigError
from monitor.crawl import project_settings, sqlite_override
from monitor.store import StoreError, open_store


def add_parser(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "retention",
        help="delete listings not seen for a while (the store holds personal data)",
        description=(
            "Delete stored listings whose last_seen is older than --older-than. Takedown "
            "requests are kept. Run it on a schedule; `monitor es retention` is the same for "
            "Elasticsearch."
        ),
    )
    p.add_argument("--older-than", required=True, help="a duration (180d, 26w) or an ISO date/time")
    p.add_argument("--dry-run", action="store_true", help="only count what would be deleted")
    p.add_argument("--sqlite", help="this SQLite store instead of the configured one")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    overrides = sqlite_override(args.sqlite)
    try:
        cutoff = parse_since(args.older_than, option="--older-than")
        with open_store(project_settings(overrides)) as store:
            n = store.delete_not_seen_since(cutoff, dry_run=args.dry_run)
            name = store.name
    except (ConfigError, StoreError) as exc:
        print(f"monitor: {exc}", file=sys.stderr)
        return 2
    verb = "would delete" if args.dry_run else "deleted"
    print(f"{verb} {n} listing(s) last seen before {cutoff} ({name} store)")
    return 0
