"""Telegram public channels through their web preview ``t.me/s/<channel>`` (no account)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import scrapy

from monitor.pages.telegram import parse_channel_page
from spiders.base import MonitorSpider

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator

    from scrapy.http import Response

logger = logging.getLogger(__name__)


class TelegramSpider(MonitorSpider):
    """Settings: ``TELEGRAM_BASE_URL`` (default https://t.me), ``TELEGRAM_CHANNELS`` (channel
    usernames; spider argument ``channels=a,b``). Each channel is read newest page first, then
    older pages through ``?before=<id>``."""

    name = "telegram"
    platform = "telegram"
    base_url_setting = "TELEGRAM_BASE_URL"
    default_base_url = "https://t.me"

    def __init__(self, *args: Any, channels: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._channels_arg = [c.strip().lstrip("@") for c in channels.split(",")] if channels else None

    async def start(self) -> AsyncIterator[scrapy.Request]:
        channels = self._channels_arg or self.settings.getlist("TELEGRAM_CHANNELS")
        if not channels:
            logger.error("no channels to read: set TELEGRAM_CHANNELS or -a channels=...")
            self.count("monitor/config_errors")
        for channel in channels:
            yield scrapy.Request(
                f"{self.base_url}/s/{channel}",
                callback=self.parse_channel,
                cb_kwargs={"channel": channel, "page": 1, "last_before": None},
            )

    def parse_channel(
        self, response: Response, channel: str, page: int, last_before: int | None
    ) -> Iterator[Any]:
        data = parse_channel_page(response.selector)
        # The page lists oldest first; rank 1 is the newest message, as a reader scrolls.
        for rank, msg in enumerate(reversed(data.messages), start=1):
            lines = [line for line in msg.text.splitlines() if line.strip()]
            yield self.make_listing(
                response,
                url=response.urljoin(msg.url) if msg.url else response.url,
                title=lines[0][:200] if lines else "",
                text=msg.text,
                native_id=f"{msg.channel}/{msg.message_id}",
                seller=data.title or channel,
                seller_id=channel,
                posted_at=msg.posted_at,
                rank=rank,
                page=page,
                extra={"views": msg.views, "links": msg.links, "forwarded_from": msg.forwarded_from},
            )
        yield from self._older_page(response, data.before, data.messages, channel, page, last_before)

    def _older_page(
        self,
        response: Response,
        before: int | None,
        messages: list[Any],
        channel: str,
        page: int,
        last_before: int | None,
    ) -> Iterator[scrapy.Request]:
        if before is None or not messages:
            return
        oldest = min(m.message_id for m in messages)
        # Older pages must go strictly back in time: a link to a newer id would loop.
        if before > oldest or (last_before is not None and before >= last_before):
            self.count("monitor/pagination/loop_refused")
            logger.warning(
                "refusing pagination loop on %s: before=%s but oldest message is %s",
                response.url, before, oldest, extra={"spider": self},
            )
            return
        if page >= self.max_pages:
            self.count("monitor/pagination/max_pages")
            return
        yield scrapy.Request(
            f"{self.base_url}/s/{channel}?before={before}",
            callback=self.parse_channel,
            cb_kwargs={"channel": channel, "page": page + 1, "last_before": before},
        )
