"""What the spiders that render pages in headless Chromium share: the user's logged-in session
as a Playwright context, request meta, and pages that are always closed.

scrapy-playwright closes a page itself unless a request asks for it
(``playwright_include_page``); a spider that does ask must close it in the callback *and* in
the errback, or every failed request leaks a browser tab. ``close_page`` and ``errback`` do
that for every request built by ``browser_request``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, ClassVar

import scrapy
from scrapy_playwright.page import PageMethod

from monitor.sessions import BrowserSession
from spiders.base import MonitorSpider

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from scrapy.http import Response
    from twisted.python.failure import Failure

logger = logging.getLogger(__name__)


class BrowserSpider(MonitorSpider):
    """Settings (``<PREFIX>`` is the spider's ``session_prefix``): ``<PREFIX>_STORAGE_STATE`` /
    ``<PREFIX>_COOKIES`` (see ``monitor.sessions``), ``<PREFIX>_WAIT_MS`` (longest wait for a
    page's content after load, default 15000), ``<PREFIX>_ITEM_PLAYWRIGHT`` (render item pages
    too, default True)."""

    session_prefix: ClassVar[str]
    session: BrowserSession

    def configure(self) -> None:
        super().configure()
        settings = self.settings
        self.session = BrowserSession.from_settings(settings, self.session_prefix, self.base_url)
        self.wait_ms = settings.getint(f"{self.session_prefix}_WAIT_MS", 15_000)
        self.item_playwright = settings.getbool(f"{self.session_prefix}_ITEM_PLAYWRIGHT", True)
        self.include_page = settings.getbool("MONITOR_PLAYWRIGHT_INCLUDE_PAGE", False)
        if self.session.configured:
            logger.info(
                "%s session: %s", self.platform, self.session.describe(), extra={"spider": self}
            )
        else:
            logger.warning(
                "no %s_STORAGE_STATE or %s_COOKIES: %s shows search results only to signed-in "
                "visitors, expect blocked/%s/login_wall",
                self.session_prefix,
                self.session_prefix,
                self.platform,
                self.platform,
                extra={"spider": self},
            )

    def browser_meta(self, wait_for: str | None = None, **meta: Any) -> dict[str, Any]:
        """Meta for a request rendered in the session's browser context. ``wait_for``: a CSS
        selector that appears once the page shows *something* (results, an empty-result
        notice, a captcha or a login form), so that every outcome returns quickly."""
        methods = [PageMethod("wait_for_load_state", "domcontentloaded")]
        if wait_for:
            methods.append(
                PageMethod("wait_for_selector", wait_for, state="attached", timeout=self.wait_ms)
            )
        return {
            "playwright": True,
            "playwright_context": self.platform,
            "playwright_context_kwargs": self.session.context_kwargs(),
            "playwright_page_methods": methods,
            "playwright_include_page": self.include_page,
            **meta,
        }

    def session_headers(self, url: str, meta: dict[str, Any]) -> dict[str, str]:
        """The session rides in an explicit Cookie header, for the browser's navigation request
        too (scrapy-playwright sends Scrapy's headers on navigations). Scrapy's cookie jar stays
        out of it (``dont_merge_cookies``): the session is the user's, fixed for the crawl."""
        header = self.session.cookie_header(url)
        if not header:
            return {}
        meta["dont_merge_cookies"] = True
        return {"Cookie": header}

    def browser_request(
        self,
        url: str,
        callback: Callable[..., Any],
        *,
        wait_for: str | None,
        meta: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> scrapy.Request:
        full_meta = self.browser_meta(wait_for, **(meta or {}))
        headers = self.session_headers(url, full_meta)
        return scrapy.Request(
            url,
            callback=callback,
            errback=self.errback,
            meta=full_meta,
            headers=headers or None,
            **kwargs,
        )

    def plain_request(
        self,
        url: str,
        callback: Callable[..., Any],
        *,
        meta: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> scrapy.Request:
        """A request through Scrapy's downloader with the session's cookies."""
        full_meta = dict(meta or {})
        headers = self.session_headers(url, full_meta)
        return scrapy.Request(
            url,
            callback=callback,
            errback=self.errback,
            meta=full_meta,
            headers=headers or None,
            **kwargs,
        )

    def item_requests(
        self,
        response: Response,
        cards: list[Any],
        page: int,
        *,
        empty: bool,
        item_settled: str,
    ) -> Iterator[scrapy.Request]:
        """Requests for the item pages behind a result page's cards (rank and page recorded),
        and the empty-result count when the site says there is nothing."""
        keyword = response.meta["keyword"]
        if empty:
            self.count("monitor/search/empty")
            logger.info(
                "no results for %r on page %s (the site says so): %s",
                keyword,
                page,
                response.url,
                extra={"spider": self},
            )
        for rank, card in enumerate(cards, start=1):
            meta = {"found_on": response.url, "rank": rank, "page": page, "keyword": keyword}
            url = response.urljoin(card.url)
            if self.item_playwright:
                yield self.browser_request(
                    url, self.parse_item, wait_for=item_settled, meta=meta, cb_kwargs={"card": card}
                )
            else:
                yield self.plain_request(url, self.parse_item, meta=meta, cb_kwargs={"card": card})

    def next_results_page(self, page: int) -> bool:
        """Whether another result page may be requested (counts the cut when not)."""
        if page >= self.max_pages:
            self.count("monitor/pagination/max_pages")
            return False
        return True

    async def close_page(self, response: Response) -> None:
        page = response.meta.pop("playwright_page", None)
        if page is not None and not page.is_closed():
            await page.close()
            self.count("monitor/playwright/pages_closed")

    async def errback(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]
        page = request.meta.pop("playwright_page", None)
        if page is not None and not page.is_closed():
            await page.close()
            self.count("monitor/playwright/pages_closed")
        super().errback(failure)
