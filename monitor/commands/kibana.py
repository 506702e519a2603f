"""``monitor kibana import --url URL``: the shipped data view, searches and dashboard."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from monitor.crawl import project_settings


def add_parser(subparsers: Any) -> None:
    p = subparsers.add_parser("kibana", help="Kibana saved objects")
    sub = p.add_subparsers(dest="kibana_command", metavar="ACTION", required=True)
    imp = sub.add_parser(
        "import",
        help="import the data view, saved searches and dashboard "
        "(overwrites earlier versions of them)",
    )
    imp.add_argument("--url", required=True, help="Kibana base URL, e.g. http://127.0.0.1:5601")
    imp.add_argument("--space", help="Kibana space id (default: the default space)")
    imp.add_argument(
        "--index",
        help="alias the data view reads (default: ELASTICSEARCH_INDEX or monitor-listings)",
    )
    imp.add_argument("--insecure", action="store_true", help="do not verify TLS certificates")
    imp.set_defaults(func=run_import)


def run_import(args: argparse.Namespace) -> int:
    from monitor.kibana.importer import (
        KibanaError,
        import_objects,
        shipped_ndjson,
        with_index,
    )

    index = args.index or project_settings().get("ELASTICSEARCH_INDEX") or "monitor-listings"
    try:
        result = import_objects(
            args.url,
            with_index(shipped_ndjson(), index),
            space=args.space,
            verify_certs=not args.insecure,
        )
    except KibanaError as exc:
        print(f"monitor: {exc}", file=sys.stderr)
        return 2
    for err in result.errors:
        print(f"monitor: {err.get('type')} {err.get('id')}: {err.get('error')}", file=sys.stderr)
    print(f"imported {result.count} saved object(s) into {args.url} (data view on {index!r})")
    return 0 if result.success and not result.errors else 1
