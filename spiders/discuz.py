"""Discuz! X forums (any site): forum thread lists and threads, GBK/GB18030 or UTF-8."""

from __future__ import annotations

import logging
import re
from datetime import timedelta, timezone
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import scrapy

from monitor.config import ConfigError
from monitor.pages import discuz
from spiders.forum import ForumSpider

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator

    from scrapy.http import Response

logger = logging.getLogger(__name__)

_GONE = ("指定的主题不存在", "主题不存在或已被删除", "该帖被管理员或版主屏蔽")


def _offset(value: str) -> timezone:
    match = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", value.strip())
    if not match:
        raise ConfigError(f"DISCUZ_TIMEZONE: expected an offset like +08:00, got {value!r}")
    sign = 1 if match.group(1) == "+" else -1
    return timezone(sign * timedelta(hours=int(match.group(2)), minutes=int(match.group(3))))


class DiscuzSpider(ForumSpider):
    """Settings: ``DISCUZ_BASE_URL`` (the forum's root, e.g. https://bbs.example.com; required),
    ``DISCUZ_FORUMS`` (forum ids, ``fid``), ``DISCUZ_TIMEZONE`` (of the dates the forum shows,
    default +08:00), ``DISCUZ_ENCODING`` (only for a site that declares the wrong charset).
    Spider arguments ``base_url=`` and ``forums=2,36`` override them. The page encoding
    otherwise comes from the HTTP header or the page's meta tag (GBK, GB18030, UTF-8)."""

    name = "discuz"
    platform = "discuz"
    base_url_setting = "DISCUZ_BASE_URL"

    def __init__(self, *args: Any, forums: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._forums_arg = [f.strip() for f in forums.split(",")] if forums else None

    def configure(self) -> None:
        super().configure()
        self.tz = _offset(self.settings.get("DISCUZ_TIMEZONE") or "+08:00")
        self.encoding = self.settings.get("DISCUZ_ENCODING") or None

    async def start(self) -> AsyncIterator[scrapy.Request]:
        forums = self._forums_arg or self.settings.getlist("DISCUZ_FORUMS")
        if not self.base_url or not forums:
            logger.error(
                "set DISCUZ_BASE_URL and DISCUZ_FORUMS (or -a base_url=... -a forums=...)",
                extra={"spider": self},
            )
            self.count("monitor/config_errors")
            return
        for fid in forums:
            yield scrapy.Request(
                f"{self.base_url}/forum.php?mod=forumdisplay&fid={fid}&page=1",
                callback=self.parse_list,
                errback=self.errback,
                meta={"list_key": f"fid={fid}"},
                cb_kwargs={"page": 1},
            )

    @property
    def site(self) -> str:
        return urlsplit(self.base_url).netloc

    def _decoded(self, response: Response) -> Response:
        return response.replace(encoding=self.encoding) if self.encoding else response

    def detect_block(self, response: Response) -> str | None:
        if hasattr(response, "text"):
            kind = discuz.block_kind(self._decoded(response).selector)
            if kind:
                return kind
        return super().detect_block(response)

    def parse_list(self, response: Response, page: int) -> Iterator[Any]:
        response = self._decoded(response)
        data = discuz.parse_forum_page(response.selector, tz=self.tz)
        if data.page is not None and data.page != page:
            # Discuz! answers a page past the end with the last page.
            self.count("monitor/pagination/loop_refused")
            logger.warning(
                "asked for page %s, got page %s: %s",
                page,
                data.page,
                response.url,
                extra={"spider": self},
            )
            return
        requests, new = self.thread_requests(
            response, data.threads, page, self.parse_thread, list_key=response.meta.get("list_key")
        )
        yield from requests
        yield from self.next_list_page(response, data.next_url, page, new)

    def parse_thread(self, response: Response, thread_page: int = 1) -> Iterator[Any]:
        response = self._decoded(response)
        message = discuz.message_text(response.selector)
        if message and any(mark in message for mark in _GONE):
            self.count("monitor/gone")
            logger.info("thread gone: %s (%s)", response.url, message[:80], extra={"spider": self})
            return
        data = discuz.parse_thread_page(response.selector, tz=self.tz)
        thread_id = data.thread_id or discuz.thread_id_from_url(response.url) or response.url
        yield from self.floors(
            response,
            thread_id=thread_id,
            title=data.title,
            posts=data.posts,
            first_page=thread_page == 1,
            id_prefix=f"{self.site}/",
            extra={"site": self.site, "forum": data.forum},
        )
        yield from self.next_thread_page(response, data.next_url, thread_page)
