"""Telegram public channels through their web preview ``t.me/s/<channel>`` (no account)."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import scrapy

from monitor.pages.telegram import Message, parse_channel_page
from spiders.base import MonitorSpider

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator

    from scrapy.http import Response

logger = logging.getLogger(__name__)

_CHANNEL = re.compile(r"^(?:https?://)?(?:t\.me/|telegram\.me/)?(?:s/)?@?([A-Za-z0-9_]{4,64})/?$")


def channel_name(value: str) -> str:
    """``@name``, ``name``, ``t.me/name``, ``https://t.me/s/name`` -> ``name``."""
    match = _CHANNEL.match(value.strip())
    if not match:
        raise ValueError(f"TELEGRAM_CHANNELS: not a channel name or t.me link: {value!r}")
    return match.group(1)


class TelegramSpider(MonitorSpider):
    """Settings: ``TELEGRAM_BASE_URL`` (default https://t.me), ``TELEGRAM_CHANNELS`` (names or
    t.me links; spider argument ``channels=a,b``). Each channel is read newest page first, then
    older pages through ``?before=<id>``, never a page twice and never forward in time."""

    name = "telegram"
    platform = "telegram"
    base_url_setting = "TELEGRAM_BASE_URL"
    default_base_url = "https://t.me"

    def __init__(self, *args: Any, channels: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._channels_arg = channels.split(",") if channels else None
        self._seen: dict[str, set[int]] = {}

    def channel_request(self, channel: str, page: int, before: int | None) -> scrapy.Request:
        url = f"{self.base_url}/s/{channel}" + (f"?before={before}" if before else "")
        return scrapy.Request(
            url,
            callback=self.parse_channel,
            errback=self.errback,
            cb_kwargs={"channel": channel, "page": page, "before": before},
        )

    async def start(self) -> AsyncIterator[scrapy.Request]:
        raw = self._channels_arg or self.settings.getlist("TELEGRAM_CHANNELS")
        if not raw:
            logger.error(
                "no channels to read: set TELEGRAM_CHANNELS or -a channels=...",
                extra={"spider": self},
            )
            self.count("monitor/config_errors")
        for value in raw:
            if value.strip():
                yield self.channel_request(channel_name(value), 1, None)

    def detect_block(self, response: Response) -> str | None:
        # A channel without a public preview (private, a user or a bot, or no such channel)
        # redirects t.me/s/<name> to t.me/<name>: the "open in Telegram" page.
        if "/s/" not in urlsplit(response.url).path:
            return "not_public"
        return super().detect_block(response)

    def parse_channel(
        self, response: Response, channel: str, page: int, before: int | None
    ) -> Iterator[Any]:
        data = parse_channel_page(response.selector)
        seen = self._seen.setdefault(channel, set())
        messages = [m for m in data.messages if m.message_id not in seen]
        if (
            before is not None
            and data.messages
            and min(m.message_id for m in data.messages) >= before
        ):
            # Asked for posts older than `before`, got newer ones: the site ignored the cursor.
            self._refuse(response, f"page holds no post older than before={before}")
            return
        seen.update(m.message_id for m in data.messages)
        # The page lists oldest first; rank 1 is the newest post, as a reader scrolls.
        for rank, msg in enumerate(reversed(messages), start=1):
            if msg.service:
                self.count("monitor/telegram/service_messages")
                continue
            yield self._listing(
                response, msg, title=data.title or channel, channel=channel, rank=rank, page=page
            )
        if data.messages and not messages:
            self._refuse(response, "no post on this page that was not seen already")
            return
        yield from self._older_page(
            response, data.before, data.messages, channel=channel, page=page, before=before
        )

    def _listing(
        self, response: Response, msg: Message, *, title: str, channel: str, rank: int, page: int
    ) -> Any:
        lines = [line for line in msg.text.splitlines() if line.strip()]
        return self.make_listing(
            response,
            url=response.urljoin(msg.url) if msg.url else response.url,
            title=lines[0][:200] if lines else "",
            text=msg.text,
            native_id=f"{msg.channel}/{msg.message_id}",
            seller=title,
            seller_id=channel,
            posted_at=msg.posted_at,
            rank=rank,
            page=page,
            extra={
                "views": msg.views_count,
                "views_text": msg.views,
                "links": msg.links,
                "forwarded_from": msg.forwarded_from,
                "photos": len(msg.photos),
                "message_id": msg.message_id,
            },
        )

    def _refuse(self, response: Response, why: str) -> None:
        self.count("monitor/pagination/loop_refused")
        logger.warning(
            "refusing pagination loop on %s: %s", response.url, why, extra={"spider": self}
        )

    def _older_page(
        self,
        response: Response,
        link_before: int | None,
        messages: list[Message],
        *,
        channel: str,
        page: int,
        before: int | None,
    ) -> Iterator[scrapy.Request]:
        if link_before is None or not messages:
            return  # the oldest page: only link[rel=canonical]
        oldest = min(m.message_id for m in messages)
        if link_before > oldest or (before is not None and link_before >= before):
            # Older pages must go strictly back in time: a link to a newer id would loop.
            self._refuse(
                response,
                f"older-page link before={link_before} but the oldest post here is {oldest}",
            )
            return
        if link_before < oldest:
            # The link would skip posts link_before..oldest-1: ask for what precedes the oldest.
            self.count("monitor/pagination/gap_avoided")
            logger.warning(
                "older-page link before=%s skips posts before %s on %s; using before=%s",
                link_before,
                oldest,
                response.url,
                oldest,
                extra={"spider": self},
            )
            link_before = oldest
        if page >= self.max_pages:
            self.count("monitor/pagination/max_pages")
            return
        yield self.channel_request(channel, page + 1, link_before)
