"""Evidence pipeline: what the page was, when, and a hash that proves it did not change."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from monitor.items import Listing


class EvidencePipeline:
    """Records the SHA-256 of the fetched page, its URL, status and UTC capture time on every
    listing. The page bytes travel with the item (``Listing.snapshot``) and are dropped here so
    they never reach the store."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> EvidencePipeline:
        return cls(crawler)

    async def process_item(self, item: Listing) -> Listing:
        snap = item.snapshot
        if snap is not None:
            item.evidence = {
                "page_url": snap.url,
                "page_status": snap.status,
                "page_sha256": hashlib.sha256(snap.body).hexdigest(),
                "page_bytes": len(snap.body),
                "captured_at": snap.captured_at,
                "rendered": snap.rendered,
            }
            item.snapshot = None
        return item
