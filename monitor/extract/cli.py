"""``monitor extract``: run the extraction engine over JSON Lines.

Streams line by line. A bad line (invalid JSON, missing ``id``/``title``/``text``, wrong type)
is reported on stderr with its line number and skipped; the exit status is 1 when any line
failed, so a batch job notices.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterable
from typing import IO, Any

from monitor.extract import analyze

logger = logging.getLogger(__name__)

# Keys copied from the analysis into each output line (the scorer reads the labeled ones).
OUTPUT_KEYS = (
    "is_offer",
    "score",
    "unit_price",
    "tiers",
    "volume_records",
    "sources",
    "categories",
    "contacts",
    "severity",
    "severity_label",
    "signals",
)


class LineError(ValueError):
    """An input line that cannot be analysed; the message says why."""


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="analyse listings (JSON Lines with id, title, text)",
        description="Run the extraction engine on JSON Lines; '-' means stdin/stdout.",
    )
    parser.add_argument("--input", "-i", default="-", help="input JSONL file or '-' (default)")
    parser.add_argument("--output", "-o", default="-", help="output JSONL file or '-' (default)")
    parser.set_defaults(func=run)


def parse_line(line: str) -> tuple[Any, str, str]:
    """Return ``(id, title, text)`` of one input line or raise :class:`LineError`."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise LineError(f"invalid JSON: {exc}") from None
    if not isinstance(obj, dict):
        raise LineError(f"expected a JSON object, got {type(obj).__name__}")
    missing = [k for k in ("id", "title", "text") if k not in obj]
    if missing:
        raise LineError(f"missing key(s): {', '.join(missing)}")
    if not isinstance(obj["id"], str | int) or isinstance(obj["id"], bool):
        raise LineError(f"'id' must be a string or integer, got {type(obj['id']).__name__}")
    for key in ("title", "text"):
        if not isinstance(obj[key], str):
            raise LineError(f"'{key}' must be a string, got {type(obj[key]).__name__}")
    return obj["id"], obj["title"], obj["text"]


def process(lines: Iterable[str], out: IO[str], err: IO[str], name: str = "<stdin>") -> int:
    """Analyse every line; return the number of lines that failed."""
    failed = 0
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            listing_id, title, text = parse_line(line)
        except LineError as exc:
            failed += 1
            print(f"{name}:{lineno}: {exc}", file=err)
            continue
        result = analyze(title, text).to_dict()
        row = {"id": listing_id, **{k: result[k] for k in OUTPUT_KEYS}}
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return failed


def _open_in(path: str) -> IO[str]:
    if path == "-":
        return sys.stdin
    return open(path, encoding="utf-8", errors="replace")


def _open_out(path: str) -> IO[str]:
    if path == "-":
        return sys.stdout
    return open(path, "w", encoding="utf-8")


def run(args: argparse.Namespace) -> int:
    try:
        src = _open_in(args.input)
    except OSError as exc:
        print(f"monitor extract: cannot read {args.input}: {exc}", file=sys.stderr)
        return 2
    try:
        dst = _open_out(args.output)
    except OSError as exc:
        print(f"monitor extract: cannot write {args.output}: {exc}", file=sys.stderr)
        return 2
    name = "<stdin>" if args.input == "-" else args.input
    try:
        failed = process(src, dst, sys.stderr, name)
    finally:
        if src is not sys.stdin:
            src.close()
        if dst is not sys.stdout:
            dst.close()
        else:
            dst.flush()
    if failed:
        print(f"monitor extract: {failed} line(s) failed", file=sys.stderr)
        logger.debug("%d bad input lines", failed)
        return 1
    return 0
