"""Pastebin-style paste sites: the public archive, then each paste's raw text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import scrapy

from monitor.pages.paste import parse_archive, posted_time, raw_url
from spiders.base import MonitorSpider

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator

    from scrapy.http import Response


class PasteSpider(MonitorSpider):
    """Settings: ``PASTE_BASE_URL`` (default https://pastebin.com). Reads the public archive
    (the latest pastes) page by page, then each paste's raw text (``/raw/<key>``)."""

    name = "paste"
    platform = "paste"
    base_url_setting = "PASTE_BASE_URL"
    default_base_url = "https://pastebin.com"

    async def start(self) -> AsyncIterator[scrapy.Request]:
        yield scrapy.Request(
            f"{self.base_url}/archive",
            callback=self.parse_archive,
            errback=self.errback,
            cb_kwargs={"page": 1},
        )

    def parse_archive(self, response: Response, page: int) -> Iterator[Any]:
        data = parse_archive(response.selector)
        for rank, entry in enumerate(data.entries, start=1):
            yield scrapy.Request(
                raw_url(self.base_url, entry.key),
                callback=self.parse_raw,
                errback=self.errback,
                meta={"found_on": response.url, "rank": rank, "page": page},
                cb_kwargs={"entry": entry, "paste_url": response.urljoin(entry.url)},
            )
        if data.next_url and page < self.max_pages:
            yield response.follow(
                data.next_url,
                callback=self.parse_archive,
                errback=self.errback,
                cb_kwargs={"page": page + 1},
            )
        elif data.next_url:
            self.count("monitor/pagination/max_pages")

    def parse_raw(self, response: Response, entry: Any, paste_url: str) -> Iterator[Any]:
        text = (
            response.text if hasattr(response, "text") else response.body.decode("utf-8", "replace")
        )
        yield self.make_listing(
            response,
            url=paste_url,
            title=entry.title,
            text=text,
            native_id=entry.key,
            posted_at=posted_time(entry.posted),
            extra={"syntax": entry.syntax},
        )
