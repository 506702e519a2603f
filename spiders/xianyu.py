"""Xianyu / Goofish second-hand market: search feeds for each keyword, then item pages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import scrapy

from monitor.pages.xianyu import parse_feed_page, parse_item_page
from spiders.base import MonitorSpider

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator

    from scrapy.http import Response

_LOGIN_MARKS = ("passport.goofish.com", "mini_login", "login.taobao.com")
_CAPTCHA_MARKS = ("_____tmd_____", "/punish", "x5secdata")


class XianyuSpider(MonitorSpider):
    """Settings: ``XIANYU_BASE_URL`` (default https://www.goofish.com)."""

    name = "xianyu"
    platform = "xianyu"
    base_url_setting = "XIANYU_BASE_URL"
    default_base_url = "https://www.goofish.com"

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for keyword in self.keywords:
            yield scrapy.Request(
                f"{self.base_url}/search?q={quote(keyword)}",
                callback=self.parse_search,
                meta={"keyword": keyword},
                cb_kwargs={"page": 1},
            )

    def detect_block(self, response: Response) -> str | None:
        if any(mark in response.url for mark in _LOGIN_MARKS):
            return "login_wall"
        if any(mark in response.url for mark in _CAPTCHA_MARKS):
            return "captcha"
        return super().detect_block(response)

    def parse_search(self, response: Response, page: int) -> Iterator[Any]:
        data = parse_feed_page(response.selector)
        keyword = response.meta["keyword"]
        if data.empty:
            self.count("monitor/search/empty")
        for rank, item in enumerate(data.items, start=1):
            yield scrapy.Request(
                response.urljoin(item.url),
                callback=self.parse_item,
                meta={"found_on": response.url, "rank": rank, "page": page, "keyword": keyword},
                cb_kwargs={"card": item},
            )
        if data.next_url and data.items:
            if page >= self.max_pages:
                self.count("monitor/pagination/max_pages")
            else:
                yield response.follow(
                    data.next_url, callback=self.parse_search,
                    meta={"keyword": keyword}, cb_kwargs={"page": page + 1},
                )

    def parse_item(self, response: Response, card: Any) -> Iterator[Any]:
        item = parse_item_page(response.selector)
        yield self.make_listing(
            response,
            url=response.url,
            title=item.title or card.title,
            text=item.description,
            native_id=item.item_id or card.item_id,
            price_text=item.price or card.price,
            seller=item.seller or card.seller,
            seller_id=item.seller_id,
        )
