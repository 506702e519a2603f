"""Store pipeline: batched upserts into the configured store (SQLite or Elasticsearch)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import NotConfigured

from monitor.documents import listing_to_document
from monitor.store import Store, StoreError, open_store

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from monitor.items import Listing

logger = logging.getLogger(__name__)


class StorePipeline:
    """Settings: ``MONITOR_STORE_ENABLED`` (default True), ``MONITOR_STORE_BATCH_SIZE``
    (documents per upsert, default 100). The store itself is chosen by ``open_store``."""

    def __init__(self, crawler: Crawler, batch_size: int) -> None:
        if batch_size < 1:
            raise ValueError(f"MONITOR_STORE_BATCH_SIZE must be >= 1, got {batch_size}")
        self.crawler = crawler
        self.batch_size = batch_size
        self.store: Store | None = None
        self.buffer: list[dict[str, Any]] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        if not crawler.settings.getbool("MONITOR_STORE_ENABLED", True):
            raise NotConfigured("MONITOR_STORE_ENABLED is off")
        if crawler.settings.get("ELASTICSEARCH_URL"):
            # One store pipeline at a time: Elasticsearch has its own (batching off the
            # reactor thread, spooling while the node is away).
            # pipelines.elasticsearch stores instead (no message: it is not a warning).
            raise NotConfigured
        return cls(crawler, crawler.settings.getint("MONITOR_STORE_BATCH_SIZE", 100))

    def open_spider(self) -> None:
        try:
            self.store = open_store(self.crawler.settings)
        except StoreError as exc:
            logger.error("store unavailable: %s", exc)
            raise

    async def process_item(self, item: Listing) -> Listing:
        self.buffer.append(listing_to_document(item))
        if len(self.buffer) >= self.batch_size:
            self.flush()
        return item

    def flush(self) -> None:
        if not self.buffer or self.store is None:
            return
        batch, self.buffer = self.buffer, []
        result = self.store.upsert(batch)
        stats = self.crawler.stats
        assert stats is not None
        stats.inc_value("store/created", result.created)
        stats.inc_value("store/updated", result.updated)
        for doc_id, reason in result.errors:
            stats.inc_value("store/errors")
            logger.error("could not store listing %s: %s", doc_id, reason)

    def close_spider(self) -> None:
        try:
            self.flush()
        finally:
            if self.store is not None:
                self.store.close()
