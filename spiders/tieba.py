"""Baidu Tieba: the thread list of the bar named after each keyword, and every thread's floors."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import scrapy

from monitor.pages.tieba import parse_forum_list, parse_thread
from spiders.forum import ForumSpider

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator

    from scrapy.http import Response


class TiebaSpider(ForumSpider):
    """Settings: ``TIEBA_BASE_URL`` (default https://tieba.baidu.com); bars are the shared
    keywords (``MONITOR_KEYWORDS``), or ``-a keywords=简历,简历库``."""

    name = "tieba"
    platform = "tieba"
    base_url_setting = "TIEBA_BASE_URL"
    default_base_url = "https://tieba.baidu.com"

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for keyword in self.keywords:
            yield scrapy.Request(
                f"{self.base_url}/f?kw={quote(keyword)}&ie=utf-8&pn=0",
                callback=self.parse_list,
                meta={"keyword": keyword},
                cb_kwargs={"page": 1},
            )

    def parse_list(self, response: Response, page: int) -> Iterator[Any]:
        data = parse_forum_list(response.selector)
        requests, new = self.thread_requests(response, data.threads, page, self.parse_thread)
        yield from requests
        yield from self.next_list_page(response, data.next_url, page, new)

    def parse_thread(self, response: Response, thread_page: int = 1) -> Iterator[Any]:
        data = parse_thread(response.selector)
        yield from self.floors(
            response, thread_id=data.thread_id, title=data.title, posts=data.posts,
            first_page=thread_page == 1,
            extra={"forum": data.forum},
        )
        if data.next_url and thread_page < self.max_pages:
            yield response.follow(
                data.next_url,
                callback=self.parse_thread,
                meta=self.carry_meta(response),
                cb_kwargs={"thread_page": thread_page + 1},
            )
