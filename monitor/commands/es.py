"""``monitor es setup | status | reindex | retention | replay``: run the Elasticsearch store."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from monitor.commands.listings import parse_since
from monitor.config import ConfigError
from monitor.crawl import parse_setting_pairs, project_settings
from monitor.store import StoreError

if TYPE_CHECKING:
    from monitor.store.elasticsearch import ElasticsearchStore


def add_parser(subparsers: Any) -> None:
    p = subparsers.add_parser("es", help="set up and maintain the Elasticsearch store")
    sub = p.add_subparsers(dest="es_command", metavar="ACTION", required=True)

    s = sub.add_parser(
        "setup",
        help="index template, index behind the write alias, ILM policy "
        "where the cluster has ILM (idempotent)",
    )
    s.add_argument(
        "--replicas",
        type=int,
        default=0,
        help="replicas per shard (default 0: a single node stays green)",
    )
    s.set_defaults(func=run_setup)

    st = sub.add_parser("status", help="the alias, its index and document counts")
    st.set_defaults(func=run_status)

    r = sub.add_parser(
        "reindex",
        help="copy every listing into a new index made from the "
        "current template, then move the alias atomically",
    )
    r.add_argument(
        "--keep-old",
        action="store_true",
        help="keep the old index (write-blocked; ILM deletes it after 30 days where "
        "the cluster has ILM)",
    )
    r.set_defaults(func=run_reindex)

    ret = sub.add_parser("retention", help="delete listings not seen for a while")
    ret.add_argument(
        "--older-than",
        required=True,
        metavar="AGE",
        help="delete listings whose last_seen is older than this (e.g. 180d)",
    )
    ret.add_argument("--dry-run", action="store_true", help="only count them")
    ret.set_defaults(func=run_retention)

    rp = sub.add_parser(
        "replay",
        help="write the spooled documents (ELASTICSEARCH_SPOOL_PATH) now, without crawling",
    )
    rp.set_defaults(func=run_replay)

    for action in (s, st, r, ret, rp):
        action.add_argument(
            "-s",
            "--set",
            action="append",
            default=[],
            metavar="NAME=VALUE",
            help="setting override (repeatable), e.g. ELASTICSEARCH_INDEX=...",
        )


def _open(args: argparse.Namespace, check: bool = True) -> ElasticsearchStore:
    from monitor.store.elasticsearch import ElasticsearchStore

    settings = project_settings(parse_setting_pairs(args.set))
    if not settings.get("ELASTICSEARCH_URL"):
        raise ConfigError("ELASTICSEARCH_URL is not set (environment or -s ELASTICSEARCH_URL=...)")
    return ElasticsearchStore.from_settings(settings, check=check)


def _fail(exc: Exception) -> int:
    print(f"monitor: {exc}", file=sys.stderr)
    return 2


def run_setup(args: argparse.Namespace) -> int:
    from monitor.store.es_admin import setup

    try:
        with _open(args, check=False) as store:
            report = setup(store, replicas=args.replicas)
    except (ConfigError, StoreError) as exc:
        return _fail(exc)
    for line in report.lines:
        print(line)
    return 0


def run_status(args: argparse.Namespace) -> int:
    from monitor.store.es_admin import describe
    from monitor.store.es_spool import Spool

    try:
        with _open(args, check=False) as store:
            lines = describe(store)
            spool = Spool(store.config.spool_path)
            if spool.pending():
                lines.append(
                    f"{spool.count()} document(s) wait in {spool.path} (`monitor es replay`)"
                )
    except (ConfigError, StoreError) as exc:
        return _fail(exc)
    print("\n".join(lines))
    return 0


def run_reindex(args: argparse.Namespace) -> int:
    from monitor.store.es_admin import reindex

    try:
        with _open(args) as store:
            report = reindex(store, keep_old=args.keep_old)
    except (ConfigError, StoreError) as exc:
        return _fail(exc)
    print(
        f"copied {report.copied} listing(s) from {report.source} to {report.target} "
        f"({report.caught_up} caught up at the end); alias {store.alias} -> {report.target}"
    )
    print(f"old index {report.source} {'deleted' if report.deleted_old else 'kept'}")
    return 0


def run_retention(args: argparse.Namespace) -> int:
    from monitor.store.es_admin import retention

    try:
        cutoff = parse_since(args.older_than, option="--older-than")
        with _open(args) as store:
            n = retention(store, cutoff, dry_run=args.dry_run)
    except (ConfigError, StoreError) as exc:
        return _fail(exc)
    verb = "would delete" if args.dry_run else "deleted"
    print(f"{verb} {n} listing(s) last seen before {cutoff}")
    return 0


def run_replay(args: argparse.Namespace) -> int:
    from monitor.store.es_spool import Spool

    try:
        with _open(args) as store:
            spool = Spool(store.config.spool_path)
            if not spool.pending():
                print(f"nothing spooled in {spool.path}")
                return 0
            result = spool.replay(store, store.config.bulk_size)
            store.refresh()
    except (ConfigError, StoreError) as exc:
        return _fail(exc)
    for doc_id, reason in result.errors:
        print(f"monitor: could not index {doc_id}: {reason}", file=sys.stderr)
    print(
        f"replayed {result.replayed} document(s) ({result.created} new, {result.updated} "
        f"updated); {len(result.errors)} rejected, {result.bad_lines} unreadable line(s), "
        f"{result.left} still spooled"
    )
    return 1 if result.errors or result.left or result.bad_lines else 0
