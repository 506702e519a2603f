"""Redact pipeline: data subjects' personal data never reaches the store."""

from __future__ import annotations

from typing import TYPE_CHECKING

from monitor.redact import redact

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from monitor.items import Listing


class RedactPipeline:
    """Runs after extraction (which needs the raw text to tell seller contacts from sample
    rows). Counts ``redact/items`` and ``redact/values``."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedactPipeline:
        return cls(crawler)

    async def process_item(self, item: Listing) -> Listing:
        keep = (item.analysis or {}).get("contacts") or []
        total = 0
        for field in ("title", "text"):
            result = redact(getattr(item, field) or "", keep)
            setattr(item, field, result.text)
            total += result.count
        item.redactions = total
        if total and self.stats is not None:
            self.stats.inc_value("redact/items")
            self.stats.inc_value("redact/values", total)
        return item
