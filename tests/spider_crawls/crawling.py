"""Running one spider in-process (Scrapy's CrawlerRunner on the test's asyncio reactor) against
a local server, collecting items through ``signals.item_scraped``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler, CrawlerRunner

from monitor.crawl import project_settings
from monitor.demo.server import crawl_settings


@dataclass
class Result:
    items: list[Any] = field(default_factory=list)
    crawler: Crawler | None = None

    @property
    def stats(self) -> dict[str, Any]:
        assert self.crawler is not None and self.crawler.stats is not None
        return self.crawler.stats.get_stats()

    def stat(self, key: str) -> int:
        return int(self.stats.get(key, 0) or 0)


def settings_for(world: Any, **overrides: Any) -> dict[str, Any]:
    """Project settings pointed at a demo world: no pipelines (the raw Listing items), no
    delays, no store."""
    return {
        **crawl_settings(world.url, world.site.channels()),
        "ITEM_PIPELINES": {},
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "MONITOR_PROGRESS": False,
        "RETRY_TIMES": 0,
        **overrides,
    }


async def crawl(spider: str, settings: dict[str, Any], **spider_args: Any) -> Result:
    result = Result()
    runner = CrawlerRunner(project_settings(settings))
    crawler = runner.create_crawler(spider)
    result.crawler = crawler

    def collect(item: Any) -> None:
        result.items.append(item)

    crawler.signals.connect(collect, signal=signals.item_scraped)
    await runner.crawl(crawler, **spider_args)
    return result


def assert_listing_context(items: list[Any], found_on_part: str) -> None:
    """What every listing records: its URL, the page it was found on, rank, page number and
    the fetch time."""
    assert items
    for item in items:
        assert item.url.startswith("http"), item
        assert item.found_on and found_on_part in item.found_on, item.found_on
        assert isinstance(item.rank, int) and item.rank >= 1, item
        assert isinstance(item.page, int) and item.page >= 1, item
        assert item.fetched_at.endswith("+00:00"), item.fetched_at
        assert item.snapshot is not None and item.snapshot.status == 200
