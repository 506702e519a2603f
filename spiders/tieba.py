"""Baidu Tieba: for each keyword, the bar named after it and the site search; every thread's
floors."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import scrapy

from monitor.pages import tieba
from monitor.pages.common import ParseError
from spiders.forum import ForumSpider

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator

    from scrapy.http import Response

logger = logging.getLogger(__name__)

# What Tieba shows instead of a list for a bar that does not exist or was closed.
_NO_BAR = ("还没有被创建", "暂不开放", "该吧被合并", "去创建")


class TiebaSpider(ForumSpider):
    """Settings: ``TIEBA_BASE_URL`` (default https://tieba.baidu.com), ``TIEBA_BARS`` (read the
    bar named after each keyword, default True), ``TIEBA_SEARCH`` (全吧搜索 for each keyword,
    default True), ``TIEBA_MOBILE`` (ask for the mobile bar list, default False). Keywords: the
    shared list, or ``-a keywords=简历,简历库``."""

    name = "tieba"
    platform = "tieba"
    base_url_setting = "TIEBA_BASE_URL"
    default_base_url = "https://tieba.baidu.com"

    async def start(self) -> AsyncIterator[scrapy.Request]:
        bars = self.settings.getbool("TIEBA_BARS", True)
        search = self.settings.getbool("TIEBA_SEARCH", True)
        mobile = "&mo_device=1" if self.settings.getbool("TIEBA_MOBILE", False) else ""
        for keyword in self.keywords:
            if bars:
                yield scrapy.Request(
                    f"{self.base_url}/f?kw={quote(keyword)}&ie=utf-8&pn=0{mobile}",
                    callback=self.parse_list,
                    errback=self.errback,
                    meta={"keyword": keyword},
                    cb_kwargs={"page": 1},
                )
            if search:
                yield scrapy.Request(
                    f"{self.base_url}/f/search/res?ie=utf-8&qw={quote(keyword)}&rn=20&pn=1",
                    callback=self.parse_search,
                    errback=self.errback,
                    meta={"keyword": keyword},
                    cb_kwargs={"page": 1},
                )

    def detect_block(self, response: Response) -> str | None:
        text = response.text if hasattr(response, "text") else ""
        return tieba.block_kind(response.url, text) or super().detect_block(response)

    def parse_list(self, response: Response, page: int) -> Iterator[Any]:
        try:
            data = tieba.parse_forum_list(response.text)
        except ParseError:
            if any(mark in response.text for mark in _NO_BAR):
                self.count("monitor/tieba/no_such_bar")
                logger.info(
                    "no bar named %r: %s",
                    response.meta.get("keyword"),
                    response.url,
                    extra={"spider": self},
                )
                return
            raise
        if data.ads:
            self.count("monitor/tieba/ads_skipped", data.ads)
        requests, new = self.thread_requests(
            response,
            data.threads,
            page,
            self.parse_thread,
            list_key=self.list_key(response, self.parse_list),
        )
        yield from requests
        yield from self.next_list_page(response, data.next_url, page, new)

    def parse_search(self, response: Response, page: int) -> Iterator[Any]:
        data = tieba.parse_search_page(response.selector)
        if data.empty:
            self.count("monitor/search/empty")
            logger.info(
                "no search results for %r: %s",
                response.meta.get("keyword"),
                response.url,
                extra={"spider": self},
            )
        # A hit is a post; its thread is read whole (every floor), once.
        threads = list({h.thread_id: h for h in data.hits}.values())
        refs = [
            tieba.ThreadRef(
                thread_id=h.thread_id,
                title=h.title,
                url=f"{self.base_url}/p/{h.thread_id}",
                author=h.author,
                excerpt=h.excerpt,
                replies=None,
            )
            for h in threads
        ]
        requests, new = self.thread_requests(
            response,
            refs,
            page,
            self.parse_thread,
            list_key=self.list_key(response, self.parse_search),
        )
        yield from requests
        if data.next_url:
            yield from self.next_list_page(
                response, data.next_url, page, new, callback=self.parse_search
            )

    def parse_thread(self, response: Response, thread_page: int = 1) -> Iterator[Any]:
        data = tieba.parse_thread(response.selector)
        yield from self.floors(
            response,
            thread_id=data.thread_id,
            title=data.title,
            posts=data.posts,
            first_page=thread_page == 1,
            extra={"forum": data.forum},
        )
        yield from self.next_thread_page(response, data.next_url, thread_page)
