"""The summary printed after a crawl: what was fetched, found and blocked, at a glance."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table

from monitor.store import ListingFilter, Store

if TYPE_CHECKING:
    from monitor.crawl import CrawlReport


def _offers_seen(store: Store, since: str) -> list[dict[str, Any]]:
    return list(store.listings(ListingFilter(offers_only=True, since=since)))


def summary_tables(report: CrawlReport, store: Store) -> list[Table]:
    offers = _offers_seen(store, report.started_at)
    tables = []

    totals = Table(title="Crawl summary", show_header=False)
    blocked = report.prefixed("blocked/")
    rows = [
        ("pages fetched", report.total("response_received_count")),
        ("listings", report.total("monitor/listings")),
        ("offers", report.total("monitor/offers")),
        ("non-offers dropped", report.total("monitor/dropped/not_offer")),
        (
            "stored: new / updated",
            f"{report.total('store/created')} / {report.total('store/updated')}",
        ),
        ("blocked pages", blocked.get("pages", 0)),
        ("parse errors", sum(report.prefixed("monitor/parse_errors/").values())),
        ("store errors", report.total("store/errors")),
    ]
    for label, value in rows:
        totals.add_row(label, str(value))
    tables.append(totals)

    by_platform = Table(title="By platform")
    for col in ("spider", "pages", "listings", "offers", "blocked"):
        by_platform.add_column(col, justify="left" if col == "spider" else "right")
    for name, stats in sorted(report.stats.items()):
        blocked_here = sum(
            v
            for k, v in stats.items()
            if k.startswith("blocked/") and k != "blocked/pages" and isinstance(v, int)
        )
        by_platform.add_row(
            name,
            str(stats.get("response_received_count", 0)),
            str(stats.get("monitor/listings", 0)),
            str(stats.get("monitor/offers", 0)),
            str(blocked_here),
        )
    tables.append(by_platform)

    sources = Counter(src for doc in offers for src in (doc.get("sources") or []))
    by_source = Table(title="Offers by claimed source")
    by_source.add_column("source")
    by_source.add_column("offers", justify="right")
    for src, n in sources.most_common():
        by_source.add_row(src, str(n))
    if not sources:
        by_source.add_row("(none named)", "0")
    tables.append(by_source)

    sellers: dict[str, set[str]] = defaultdict(set)
    for doc in offers:
        for value in doc.get("contact_values") or []:
            sellers[value].add(doc["id"])
    top = Table(title="Top sellers by contact")
    top.add_column("contact")
    top.add_column("offers", justify="right")
    for value, ids in sorted(sellers.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:10]:
        top.add_row(value, str(len(ids)))
    tables.append(top)

    prices: dict[str, list[float]] = defaultdict(list)
    for doc in offers:
        price = doc.get("unit_price") or {}
        if price.get("amount") is not None:
            prices[price.get("currency") or "?"].append(float(price["amount"]))
    price_table = Table(title="Price per record")
    for col in ("currency", "offers", "min", "median", "max"):
        price_table.add_column(col, justify="right")
    for currency, values in sorted(prices.items()):
        price_table.add_row(
            currency,
            str(len(values)),
            f"{min(values):g}",
            f"{statistics.median(values):g}",
            f"{max(values):g}",
        )
    tables.append(price_table)

    block_table = Table(title="Blocked pages")
    block_table.add_column("platform/kind")
    block_table.add_column("pages", justify="right")
    for key, n in sorted(blocked.items()):
        if key != "pages":
            block_table.add_row(key, str(n))
    if len(blocked) <= 1:
        block_table.add_row("(none)", "0")
    tables.append(block_table)
    return tables


def print_summary(report: CrawlReport, store: Store, console: Console | None = None) -> None:
    console = console or Console()
    for table in summary_tables(report, store):
        console.print(table)
