"""Telegram public channel previews: ``t.me/s/<channel>`` and its ``?before=<id>`` pages.

Server-rendered, no JavaScript or account needed. The page lists the channel's posts oldest
first; ``link[rel=prev]`` / ``a.tme_messages_more[data-before]`` lead to older posts. The last
(oldest) page has neither, only ``link[rel=canonical]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsel import Selector

from monitor.pages.common import ParseError, count_value, first, int_or_none, visible_text

_BEFORE = re.compile(r"[?&]before=(\d+)")
_BACKGROUND_URL = re.compile(r"background-image:\s*url\('([^']+)'\)")


@dataclass
class Message:
    channel: str
    message_id: int
    url: str
    text: str
    posted_at: str | None
    views: str | None  # as displayed: "37.2K"
    views_count: int | None  # 37200
    author: str | None
    forwarded_from: str | None
    links: list[str] = field(default_factory=list)
    photos: list[str] = field(default_factory=list)
    has_video: bool = False
    document: str | None = None
    service: bool = False  # "Channel created", pinned-message notices


@dataclass
class ChannelPage:
    channel: str
    title: str
    description: str
    subscribers: int | None
    messages: list[Message]
    before: int | None  # id to pass as ?before= for the next older page, if the page offers one


def _media_text(node: Selector) -> str:
    poll = [
        t.strip()
        for t in node.css(
            ".tgme_widget_message_poll_question ::text, "
            ".tgme_widget_message_poll_option_text ::text"
        ).getall()
        if t.strip()
    ]
    if poll:
        return " / ".join(poll)
    return first(node, ".tgme_widget_message_document_title ::text")


def parse_message(node: Selector) -> Message | None:
    """One ``div.tgme_widget_message[data-post]``; None if it has no ``channel/id``."""
    channel, _, raw_id = node.attrib.get("data-post", "").rpartition("/")
    if not channel or not raw_id.isdigit():
        return None
    # Albums nest one text block in another; the innermost holds just the text.
    bodies = node.css(".tgme_widget_message_text.js-message_text")
    body = bodies[-1] if bodies else None
    text = visible_text(body) if body is not None else ""
    views = first(node, "span.tgme_widget_message_views::text") or None
    photos = [
        m.group(1)
        for style in node.css(".tgme_widget_message_photo_wrap::attr(style)").getall()
        if (m := _BACKGROUND_URL.search(style))
    ]
    return Message(
        channel=channel,
        message_id=int(raw_id),
        url=first(node, "a.tgme_widget_message_date::attr(href)"),
        text=text or _media_text(node),
        posted_at=first(node, "a.tgme_widget_message_date time::attr(datetime)") or None,
        views=views,
        views_count=count_value(views),
        author=first(node, ".tgme_widget_message_owner_name ::text") or None,
        forwarded_from=visible_text(node.css(".tgme_widget_message_forwarded_from_name")[0])
        if node.css(".tgme_widget_message_forwarded_from_name")
        else None,
        links=[h for h in body.css("a::attr(href)").getall() if h] if body is not None else [],
        photos=photos,
        has_video=bool(node.css(".tgme_widget_message_video_player")),
        document=first(node, ".tgme_widget_message_document_title ::text") or None,
        service="service_message" in node.attrib.get("class", ""),
    )


def _older_before(sel: Selector) -> int | None:
    before = int_or_none(sel.css("a.tme_messages_more::attr(data-before)").get())
    if before is not None:
        return before
    match = _BEFORE.search(sel.css('link[rel="prev"]::attr(href)').get(""))
    return int(match.group(1)) if match else None


def parse_channel_page(sel: Selector) -> ChannelPage:
    nodes = sel.css("div.tgme_widget_message[data-post]")
    header = first(sel, ".tgme_channel_info_header_username a::text")
    if not nodes and not header and not sel.css(".tgme_channel_history"):
        raise ParseError("not a t.me/s channel page: no messages and no channel header")
    messages = [m for m in (parse_message(n) for n in nodes) if m is not None]
    subscribers = None
    for counter in sel.css(".tgme_channel_info_counter"):
        if first(counter, ".counter_type::text").startswith("subscriber"):
            subscribers = count_value(first(counter, ".counter_value::text"))
    desc = sel.css(".tgme_channel_info_description")
    return ChannelPage(
        channel=header.lstrip("@") or (messages[0].channel if messages else ""),
        title=first(sel, ".tgme_channel_info_header_title ::text")
        or first(sel, 'meta[property="og:title"]::attr(content)'),
        description=visible_text(desc[0]) if desc else "",
        subscribers=subscribers,
        messages=messages,
        before=_older_before(sel),
    )
