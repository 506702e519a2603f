"""``monitor takedown export | report-12377 | verify | requests``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from monitor.commands.listings import parse_since
from monitor.config import ConfigError
from monitor.crawl import parse_setting_pairs, project_settings, sqlite_override
from monitor.evidence import EvidenceConfig, EvidenceFiles
from monitor.store import StoreError, open_store
from monitor.takedown.export import ExportOptions, TakedownError, export
from monitor.takedown.platforms import platform as get_platform
from monitor.takedown.reporter import load_reporter, reporter_path


def add_parser(subparsers: Any) -> None:
    p = subparsers.add_parser("takedown", help="takedown notices, 12377 reports, verification")
    sub = p.add_subparsers(dest="takedown_command", metavar="ACTION", required=True)

    exp = sub.add_parser("export", help="write a notice package for one platform")
    _selection(exp)
    exp.set_defaults(func=run_export, kind="notice")

    rep = sub.add_parser(
        "report-12377",
        help="a 12377 report for listings still up after a "
        "notice (or on platforms that take no notices)",
    )
    _selection(rep)
    rep.add_argument(
        "--notice-age",
        default="7d",
        help="only listings whose notice is at least this old (default 7d; 0s: any)",
    )
    rep.set_defaults(func=run_export, kind="report_12377")

    ver = sub.add_parser("verify", help="recrawl the URLs of open requests, record what is gone")
    ver.add_argument("--platform", help="only this platform's requests")
    _store_args(ver)
    ver.set_defaults(func=run_verify, scrapy_logging=True)

    req = sub.add_parser("requests", help="list recorded takedown requests")
    req.add_argument("--platform")
    req.add_argument("--open", action="store_true", help="open requests only")
    _store_args(req)
    req.set_defaults(func=run_requests)


def _store_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--sqlite", help="use this SQLite store instead of the configured one")
    p.add_argument(
        "-s",
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="setting override (repeatable), e.g. MONITOR_EVIDENCE_STORE=...",
    )


def _selection(p: argparse.ArgumentParser) -> None:
    p.add_argument("--platform", required=True, help="platform (spider name), e.g. taobao")
    p.add_argument("--since", help="listings last seen within a duration (7d) or since a date")
    p.add_argument("--min-severity", type=int, choices=(0, 1, 2))
    p.add_argument("--out", required=True, type=Path, help="folder for the package")
    p.add_argument("--reporter", help="reporter config (default: $MONITOR_REPORTER_CONFIG)")
    p.add_argument(
        "--include-raw",
        action="store_true",
        help="also copy the raw WARCs (personal data inside) into the package",
    )
    _store_args(p)


def _settings(args: argparse.Namespace) -> Any:
    return project_settings({**parse_setting_pairs(args.set), **sqlite_override(args.sqlite)})


def _fail(message: object) -> int:
    print(f"monitor takedown: {message}", file=sys.stderr)
    return 2


def run_export(args: argparse.Namespace) -> int:
    try:
        get_platform(args.platform)
        reporter = load_reporter(reporter_path(args.reporter))
        settings = _settings(args)
        opts = ExportOptions(
            platform=args.platform,
            out=args.out,
            kind=args.kind,
            since=parse_since(args.since) if args.since else None,
            min_severity=args.min_severity,
            include_raw=args.include_raw,
            notice_older_than=(
                parse_since(args.notice_age) if getattr(args, "notice_age", None) else None
            ),
        )
        evidence = EvidenceFiles(EvidenceConfig.from_settings(settings), settings)
        with open_store(settings) as store:
            result = export(store, evidence, reporter, opts)
    except (ConfigError, StoreError, TakedownError, NotImplementedError) as exc:
        return _fail(exc)
    req = result.request
    state = "recorded" if result.created else "already recorded; package rewritten"
    print(
        f"{req['id']}: {req['listing_count']} listing(s) on {req['platform']}, "
        f"dated {req['created_at']} ({state})"
    )
    print(f"package: {result.path} ({len(result.files)} files)")
    return 0


def run_verify(args: argparse.Namespace) -> int:
    from monitor.takedown.verify import apply_results, recrawl, targets

    try:
        if args.platform:
            get_platform(args.platform)
        settings = _settings(args)
        with open_store(settings) as store:
            todo = targets(store, args.platform)
    except (ConfigError, StoreError, NotImplementedError) as exc:
        return _fail(exc)
    if not todo:
        print("nothing to verify: no open takedown request has a listing still to check")
        return 0
    if "LOG_LEVEL" not in parse_setting_pairs(args.set) and not args.verbose:
        settings.set("LOG_LEVEL", "WARNING", priority="cmdline")
    results = recrawl(settings, todo)
    with open_store(settings) as store:
        summary = apply_results(store, results)
    counts = ", ".join(f"{k} {v}" for k, v in sorted(summary.by_status.items()))
    print(f"verified {summary.checked} of {len(todo)} listing(s): {counts or 'none'}")
    for request_id in summary.closed_requests:
        print(f"closed {request_id}: every listing removed")
    return 0 if summary.checked == len(todo) else 1


def run_requests(args: argparse.Namespace) -> int:
    try:
        settings = _settings(args)
        with open_store(settings) as store:
            reqs = list(store.takedown_requests(platform=args.platform, open_only=args.open))
    except (ConfigError, StoreError, NotImplementedError) as exc:
        return _fail(exc)
    for r in reqs:
        print(
            f"{r['id']}\t{r['kind']}\t{r['status']}\t{r['created_at']}\t"
            f"{r['listing_count']} listing(s)\tremoved {r.get('removed_count', '-')}"
        )
    print(f"{len(reqs)} request(s)", file=sys.stderr)
    return 0
