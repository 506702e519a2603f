"""Xianyu / Goofish second-hand market: search feeds for each keyword (rendered by JavaScript in
the user's logged-in browser session), then item pages."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from monitor.pages import taobao
from monitor.pages.xianyu import parse_feed_page, parse_item_page
from spiders.browser import BrowserSpider

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator

    import scrapy
    from scrapy.http import Response

logger = logging.getLogger(__name__)

_SEARCH_SETTLED = (
    '[class*="feeds-item-wrap--"], [class*="search-empty--"], #nocaptcha, #baxia-punish, '
    "#login-form, .mini_login"
)
_ITEM_SETTLED = '[class*="desc--"], [class*="item-title--"], #nocaptcha, #login-form'


class XianyuSpider(BrowserSpider):
    """Settings: ``XIANYU_BASE_URL`` (default https://www.goofish.com), ``XIANYU_STORAGE_STATE``
    or ``XIANYU_COOKIES`` (the session, see ``monitor.sessions``), ``XIANYU_ITEM_PLAYWRIGHT``
    (render item pages, default True). Keywords: the shared list."""

    name = "xianyu"
    platform = "xianyu"
    base_url_setting = "XIANYU_BASE_URL"
    default_base_url = "https://www.goofish.com"
    session_prefix = "XIANYU"

    def search_request(self, url: str, keyword: str, page: int) -> scrapy.Request:
        return self.browser_request(
            url,
            self.parse_search,
            wait_for=_SEARCH_SETTLED,
            meta={"keyword": keyword},
            cb_kwargs={"page": page},
        )

    async def start(self) -> AsyncIterator[Any]:
        for keyword in self.keywords:
            yield self.search_request(f"{self.base_url}/search?q={quote(keyword)}", keyword, 1)

    def detect_block(self, response: Response) -> str | None:
        # Goofish uses Alibaba's login (passport.goofish.com, mini_login) and slider pages.
        text = response.text if hasattr(response, "text") else ""
        return taobao.block_kind(response.url, text) or super().detect_block(response)

    async def parse_search(self, response: Response, page: int) -> AsyncIterator[Any]:
        await self.close_page(response)
        for request in self._feed(response, page):
            yield request

    def _feed(self, response: Response, page: int) -> Iterator[Any]:
        data = parse_feed_page(response.selector)
        yield from self.item_requests(
            response, data.items, page, empty=data.empty, item_settled=_ITEM_SETTLED
        )
        if data.next_url and data.items and self.next_results_page(page):
            url = response.urljoin(data.next_url)
            yield self.search_request(url, response.meta["keyword"], page + 1)

    async def parse_item(self, response: Response, card: Any) -> AsyncIterator[Any]:
        await self.close_page(response)
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
