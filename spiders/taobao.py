"""Taobao / Tmall: search results for each keyword (rendered by JavaScript, so fetched through
headless Chromium), then each item page."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import scrapy
from scrapy_playwright.page import PageMethod

from monitor.pages.taobao import parse_item_page, parse_search_page
from spiders.base import MonitorSpider

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator

    from scrapy.http import Response

logger = logging.getLogger(__name__)

# Marks of Taobao's anti-bot pages: the slider captcha ("punish" page) and the login wall.
_CAPTCHA_MARKS = ("_____tmd_____", "/punish", "x5secdata")
_CAPTCHA_TEXT = ("滑块", "nc_1_n1z", "请拖动下方滑块", "baxia-punish")
_LOGIN_MARKS = ("login.taobao.com", "login.tmall.com", "/member/login.jhtml")


class TaobaoSpider(MonitorSpider):
    """Settings: ``TAOBAO_BASE_URL`` (search host, default https://s.taobao.com),
    ``TAOBAO_PAGE_SIZE`` (results per page, the ``s`` offset step, default 44)."""

    name = "taobao"
    platform = "taobao"
    base_url_setting = "TAOBAO_BASE_URL"
    default_base_url = "https://s.taobao.com"

    def search_request(self, keyword: str, offset: int, page: int) -> scrapy.Request:
        return scrapy.Request(
            f"{self.base_url}/search?q={quote(keyword)}&s={offset}",
            callback=self.parse_search,
            meta={
                "keyword": keyword,
                "playwright": True,
                # The result cards arrive by XHR after the page loads.
                "playwright_page_methods": [PageMethod("wait_for_load_state", "networkidle")],
            },
            cb_kwargs={"page": page},
        )

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for keyword in self.keywords:
            yield self.search_request(keyword, 0, 1)

    def detect_block(self, response: Response) -> str | None:
        url = response.url
        if any(mark in url for mark in _LOGIN_MARKS):
            return "login_wall"
        if any(mark in url for mark in _CAPTCHA_MARKS):
            return "captcha"
        head = response.text[:20000] if hasattr(response, "text") else ""
        if any(mark in head for mark in _CAPTCHA_TEXT):
            return "captcha"
        return super().detect_block(response)

    def parse_search(self, response: Response, page: int) -> Iterator[Any]:
        data = parse_search_page(response.selector)
        keyword = response.meta["keyword"]
        if data.empty:
            self.count("monitor/search/empty")
            logger.info("no results for %r on page %s", keyword, page, extra={"spider": self})
        for rank, result in enumerate(data.results, start=1):
            yield scrapy.Request(
                response.urljoin(result.url),
                callback=self.parse_item,
                meta={"found_on": response.url, "rank": rank, "page": page, "keyword": keyword},
                cb_kwargs={"card": result},
            )
        if data.next_offset is not None and data.results:
            if page >= self.max_pages:
                self.count("monitor/pagination/max_pages")
            else:
                yield self.search_request(keyword, data.next_offset, page + 1)

    def parse_item(self, response: Response, card: Any) -> Iterator[Any]:
        item = parse_item_page(response.selector)
        yield self.make_listing(
            response,
            url=response.url,
            title=item.title,
            text=item.description,
            native_id=item.item_id or card.item_id,
            price_text=item.price or card.price,
            seller=item.seller or card.seller,
            seller_id=item.seller_id or card.seller_id,
            extra={"sales": card.sales, "location": card.location},
        )
