"""The ``monitor`` command line: one sub-command per module, registered lazily.

Each sub-command lives in its own module exposing ``add_parser(subparsers)`` which
registers the parser and sets ``func`` (a callable taking the parsed ``argparse.Namespace``
and returning an exit status).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

# Modules that contribute sub-commands. Import errors are not swallowed: a broken
# module is a bug that must show.
COMMAND_MODULES: tuple[str, ...] = (
    "monitor.commands.crawl",
    "monitor.commands.listings",
    "monitor.commands.retention",
    "monitor.commands.takedown",
    "monitor.extract.cli",
    "monitor.commands.schedule",
    "monitor.commands.search",
    "monitor.commands.es",
    "monitor.commands.kibana",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="monitor",
        description="Find, analyse and act on offers of job seekers' personal data.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # Crawl commands leave logging to Scrapy (LOG_LEVEL and friends).
    if not getattr(args, "scrapy_logging", False):
        logging.basicConfig(
            level=logging.DEBUG if args.verbose else logging.INFO,
            format="%(asctime)s %(levelname)s %(name)s: %(message)s",
            stream=sys.stderr,
        )
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    try:
        return int(func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
