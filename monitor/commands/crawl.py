"""``monitor crawl`` and ``monitor demo``: run spiders, store what they find, print a summary."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any

from monitor.config import ConfigError
from monitor.crawl import default_spiders, parse_setting_pairs, project_settings, run_crawl
from monitor.distributed import RedisFrontier, check_redis
from monitor.store import StoreError, open_store
from monitor.summary import print_summary

logger = logging.getLogger(__name__)

DEMO_SQLITE_PATH = "data/demo.sqlite3"


def add_parser(subparsers: Any) -> None:
    crawl = subparsers.add_parser("crawl", help="run spiders and print a summary")
    crawl.add_argument("spiders", nargs="*", help="spider names (default: all)")
    crawl.add_argument("--demo-url", help="crawl a running demo world at this URL")
    _common(crawl)
    crawl.set_defaults(func=run_crawl_command, scrapy_logging=True)

    demo = subparsers.add_parser("demo", help="start the demo world and crawl it end to end")
    demo.add_argument("--port", type=int, default=0, help="demo world port (default: a free one)")
    demo.add_argument(
        "--serve", action="store_true", help="only serve the demo world, until Ctrl-C"
    )
    demo.add_argument(
        "--sqlite",
        default=DEMO_SQLITE_PATH,
        help=f"embedded store for the demo (default {DEMO_SQLITE_PATH})",
    )
    _common(demo)
    demo.set_defaults(func=run_demo_command, scrapy_logging=True)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-s",
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="Scrapy/monitor setting override (repeatable)",
    )
    parser.add_argument(
        "-a",
        "--arg",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="spider argument for every spider (repeatable)",
    )
    parser.add_argument(
        "--keep-non-offers",
        action="store_true",
        help="store non-offers too, for review (MONITOR_KEEP_NON_OFFERS)",
    )
    parser.add_argument("--no-progress", action="store_true", help="no live progress display")
    parser.add_argument("--report", metavar="PATH", help="write the crawl's stats as JSON here")


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    overrides: dict[str, Any] = {"MONITOR_PROGRESS": not args.no_progress}
    if not args.verbose:
        overrides["LOG_LEVEL"] = "WARNING"
    if args.keep_non_offers:
        overrides["MONITOR_KEEP_NON_OFFERS"] = True
    overrides.update(parse_setting_pairs(args.set))
    return overrides


def _crawl_and_report(names: list[str], overrides: dict[str, Any], args: argparse.Namespace) -> int:
    settings = project_settings(overrides)
    try:
        store = open_store(settings)  # fail before crawling if the store is unusable
    except StoreError as exc:
        print(f"monitor: {exc}", file=sys.stderr)
        return 2
    store.close()
    if settings.get("MONITOR_REDIS_URL"):  # ConfigError with one line, before any crawling
        RedisFrontier().update_settings(settings.copy())
        check_redis(settings["MONITOR_REDIS_URL"])
    report = run_crawl(names or default_spiders(settings), settings, parse_setting_pairs(args.arg))
    if args.report:
        Path(args.report).parent.mkdir(parents=True, exist_ok=True)
        Path(args.report).write_text(json.dumps(report.to_json(), indent=1, ensure_ascii=False))
    try:
        if len(report.failures) < len(report.stats):  # a summary of nothing run misleads
            with open_store(settings) as store:
                print_summary(report, store)
    except StoreError as exc:  # e.g. Elasticsearch went away: the pipeline spooled the rest
        print(f"monitor: no summary: {exc}", file=sys.stderr)
        return 1
    for name, reason in report.failures.items():
        print(f"monitor: spider {name} failed: {reason}", file=sys.stderr)
    if report.failures:
        return 2
    errors = report.total("store/errors") + sum(report.prefixed("monitor/parse_errors/").values())
    return 1 if errors else 0


def run_crawl_command(args: argparse.Namespace) -> int:
    overrides: dict[str, Any] = {}
    try:
        if args.demo_url:
            from monitor.demo.server import DemoSite, crawl_settings

            overrides.update(crawl_settings(args.demo_url.rstrip("/"), DemoSite().channels()))
        overrides.update(_overrides(args))
        return _crawl_and_report(args.spiders, overrides, args)
    except ConfigError as exc:
        print(f"monitor: {exc}", file=sys.stderr)
        return 2


def run_demo_command(args: argparse.Namespace) -> int:
    from monitor.demo import DemoWorld

    world = DemoWorld(port=args.port)
    if args.serve:
        print(f"demo world at {world.url} (Ctrl-C to stop)", flush=True)
        try:
            world.serve_forever()
        except KeyboardInterrupt:
            pass
        return 0
    with world:
        print(f"demo world at {world.url}; crawling it with every spider", file=sys.stderr)
        overrides = {
            **world.crawl_settings(),
            "MONITOR_SQLITE_PATH": args.sqlite,
            "ELASTICSEARCH_URL": "",
        }
        try:
            overrides.update(_overrides(args))
            status = _crawl_and_report([], overrides, args)
        except ConfigError as exc:
            print(f"monitor: {exc}", file=sys.stderr)
            return 2
    print(
        f"stored in {args.sqlite}; see them with: monitor listings --sqlite {args.sqlite}",
        file=sys.stderr,
    )
    return status
