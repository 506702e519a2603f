"""Taobao / Tmall: search results for each keyword (rendered by JavaScript in the user's
logged-in browser session), then each item page."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from monitor.pages import taobao
from spiders.browser import BrowserSpider

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator

    import scrapy
    from scrapy.http import Response

logger = logging.getLogger(__name__)

# Whatever the search page turns out to be, one of these appears: result cards, the empty-result
# notice, the slider captcha, the login form.
_SEARCH_SETTLED = (
    "#mainsrp-itemlist .item.J_MouserOnverReq, #J_NoResult, .m-noresult, "
    "#nocaptcha, #baxia-punish, .baxia-punish, #login-form, .login-box"
)
_ITEM_SETTLED = "h3.tb-main-title, div.tb-detail-hd h1, .error-notice, #nocaptcha, #login-form"


class TaobaoSpider(BrowserSpider):
    """Settings: ``TAOBAO_BASE_URL`` (search host, default https://s.taobao.com),
    ``TAOBAO_STORAGE_STATE`` or ``TAOBAO_COOKIES`` (the session, see ``monitor.sessions``),
    ``TAOBAO_ITEM_PLAYWRIGHT`` (render item pages, default True). Keywords: the shared list."""

    name = "taobao"
    platform = "taobao"
    base_url_setting = "TAOBAO_BASE_URL"
    default_base_url = "https://s.taobao.com"
    session_prefix = "TAOBAO"

    def search_request(self, keyword: str, offset: int, page: int) -> scrapy.Request:
        return self.browser_request(
            f"{self.base_url}/search?q={quote(keyword)}&s={offset}",
            self.parse_search,
            wait_for=_SEARCH_SETTLED,
            meta={"keyword": keyword},
            cb_kwargs={"page": page},
        )

    async def start(self) -> AsyncIterator[Any]:
        for keyword in self.keywords:
            yield self.search_request(keyword, 0, 1)

    def detect_block(self, response: Response) -> str | None:
        text = response.text if hasattr(response, "text") else ""
        return taobao.block_kind(response.url, text) or super().detect_block(response)

    async def parse_search(self, response: Response, page: int) -> AsyncIterator[Any]:
        await self.close_page(response)
        for request in self._search_results(response, page):
            yield request

    def _search_results(self, response: Response, page: int) -> Iterator[Any]:
        data = taobao.parse_search_page(response.selector)
        yield from self.item_requests(
            response, data.results, page, empty=data.empty, item_settled=_ITEM_SETTLED
        )
        if data.next_offset is not None and data.results and self.next_results_page(page):
            yield self.search_request(response.meta["keyword"], data.next_offset, page + 1)

    async def parse_item(self, response: Response, card: Any) -> AsyncIterator[Any]:
        await self.close_page(response)
        if response.css(".error-notice"):
            self.count("monitor/gone")
            logger.info("item gone: %s", response.url, extra={"spider": self})
            return
        item = taobao.parse_item_page(response.selector)
        yield self.make_listing(
            response,
            url=response.url,
            title=item.title,
            text=item.description,
            native_id=item.item_id or card.item_id,
            price_text=item.price or card.price,
            seller=item.seller or card.seller,
            seller_id=item.seller_id or card.seller_id,
            extra={"sales": card.sales, "location": card.location, "shop": item.shop},
        )
