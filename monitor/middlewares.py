"""Middlewares that keep failures visible: parse errors and blocked pages are counted and logged,
so a broken parser or a captcha never looks like a quiet market."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import IgnoreRequest

if TYPE_CHECKING:
    from collections.abc import Iterable

    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)


class ParseErrorMiddleware:
    """A callback that raises is counted as ``monitor/parse_errors/<spider>`` and logged with
    the page URL; the crawl goes on with the other pages."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ParseErrorMiddleware:
        return cls(crawler)

    def process_spider_exception(self, response: Response, exception: Exception) -> Iterable[Any]:
        spider = self.crawler.spider
        assert spider is not None and self.crawler.stats is not None
        self.crawler.stats.inc_value(f"monitor/parse_errors/{spider.name}")
        logger.error(
            "could not parse %s: %s: %s",
            response.url,
            type(exception).__name__,
            exception,
            exc_info=exception,
            extra={"spider": spider},
        )
        return []


class BlockedPage(IgnoreRequest):
    """The page is a captcha, a login wall or a refusal, not content."""

    def __init__(self, platform: str, kind: str, url: str) -> None:
        super().__init__(f"blocked ({platform}/{kind}): {url}")
        self.platform = platform
        self.kind = kind


class BlockDetectionMiddleware:
    """Asks the spider's ``detect_block(response)`` whether a page is a block page. Blocked
    pages are counted as ``blocked/<platform>/<kind>``, logged, and never reach the parser.

    It sits after the retry and redirect middlewares (lower order), so it judges the final
    page: the captcha a redirect led to, or a 429 that retries did not get past.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BlockDetectionMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        spider: Spider | None = self.crawler.spider
        detect = getattr(spider, "detect_block", None)
        if detect is None:
            return response
        if response.request is None:
            # Scrapy ties the response to its request only after the downloader middlewares;
            # detect_block may read the request's meta (response.meta) before that.
            response.request = request
        kind = detect(response)
        if not kind:
            return response
        # Spiders that cover several sites (the generic one) name the platform per request.
        platform = str(
            request.meta.get("platform")
            or getattr(spider, "platform", getattr(spider, "name", "unknown"))
        )
        stats = self.crawler.stats
        assert stats is not None
        stats.inc_value("blocked/pages")
        stats.inc_value(f"blocked/{platform}/{kind}")
        logger.warning(
            "blocked page (%s/%s): %s (requested %s)",
            platform,
            kind,
            response.url,
            request.url,
            extra={"spider": spider},
        )
        raise BlockedPage(platform, kind, response.url)
