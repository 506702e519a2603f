"""Discuz! X forums (any site): forum thread lists and threads, GBK/GB18030 or UTF-8."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import scrapy

from monitor.pages.discuz import parse_forum_page, parse_thread_page
from spiders.forum import ForumSpider

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator

    from scrapy.http import Response

logger = logging.getLogger(__name__)


class DiscuzSpider(ForumSpider):
    """Settings: ``DISCUZ_BASE_URL`` (the forum's root, e.g. https://bbs.example.com; required)
    and ``DISCUZ_FORUMS`` (forum ids, ``fid``). Spider arguments ``base_url=`` and
    ``forums=2,36`` override them. Text encoding comes from the page (Scrapy decodes GBK)."""

    name = "discuz"
    platform = "discuz"
    base_url_setting = "DISCUZ_BASE_URL"

    def __init__(self, *args: Any, forums: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._forums_arg = [f.strip() for f in forums.split(",")] if forums else None

    async def start(self) -> AsyncIterator[scrapy.Request]:
        forums = self._forums_arg or self.settings.getlist("DISCUZ_FORUMS")
        if not self.base_url or not forums:
            logger.error("set DISCUZ_BASE_URL and DISCUZ_FORUMS (or -a base_url=... -a forums=...)")
            self.count("monitor/config_errors")
            return
        for fid in forums:
            yield scrapy.Request(
                f"{self.base_url}/forum.php?mod=forumdisplay&fid={fid}&page=1",
                callback=self.parse_list,
                cb_kwargs={"page": 1},
            )

    @property
    def site(self) -> str:
        return urlsplit(self.base_url).netloc

    def parse_list(self, response: Response, page: int) -> Iterator[Any]:
        data = parse_forum_page(response.selector)
        if data.page is not None and data.page != page:
            # Discuz! answers a page past the end with the last page.
            self.count("monitor/pagination/loop_refused")
            logger.warning("asked for page %s, got page %s: %s", page, data.page, response.url,
                           extra={"spider": self})
            return
        requests, new = self.thread_requests(response, data.threads, page, self.parse_thread)
        yield from requests
        yield from self.next_list_page(response, data.next_url, page, new)

    def parse_thread(self, response: Response, thread_page: int = 1) -> Iterator[Any]:
        data = parse_thread_page(response.selector)
        thread_id = data.thread_id or response.url
        yield from self.floors(
            response, thread_id=thread_id, title=data.title, posts=data.posts,
            first_page=thread_page == 1,
            id_prefix=f"{self.site}/", extra={"site": self.site},
        )
        if data.next_url and thread_page < self.max_pages:
            yield response.follow(
                data.next_url,
                callback=self.parse_thread,
                meta=self.carry_meta(response),
                cb_kwargs={"thread_page": thread_page + 1},
            )
