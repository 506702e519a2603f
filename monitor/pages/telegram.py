"""Telegram public channel previews: ``t.me/s/<channel>`` and ``?before=<id>`` pages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsel import Selector

from monitor.pages.common import ParseError, first, int_or_none, visible_text

_BEFORE = re.compile(r"[?&]before=(\d+)")


@dataclass
class Message:
    channel: str
    message_id: int
    url: str
    text: str
    posted_at: str | None
    views: str | None
    author: str | None
    forwarded_from: str | None
    links: list[str] = field(default_factory=list)


@dataclass
class ChannelPage:
    channel: str
    title: str
    messages: list[Message]
    before: int | None  # id to pass as ?before= for the next older page, if the page offers one


def _views(value: str | None) -> str | None:
    return value.strip() if value else None


def parse_message(node: Selector) -> Message | None:
    post = node.attrib.get("data-post", "")
    channel, _, raw_id = post.rpartition("/")
    if not channel or not raw_id.isdigit():
        return None
    body = node.css(".tgme_widget_message_text.js-message_text")
    text = visible_text(body[0]) if body else ""
    if not text:
        # Polls and media posts carry their words elsewhere.
        poll = " / ".join(
            t.strip() for t in node.css(".tgme_widget_message_poll_question ::text, "
                                        ".tgme_widget_message_poll_option_text ::text").getall()
        )
        text = poll or first(node, ".tgme_widget_message_document_title ::text")
    return Message(
        channel=channel,
        message_id=int(raw_id),
        url=first(node, "a.tgme_widget_message_date::attr(href)"),
        text=text,
        posted_at=first(node, "a.tgme_widget_message_date time::attr(datetime)") or None,
        views=_views(node.css("span.tgme_widget_message_views::text").get()),
        author=first(node, ".tgme_widget_message_owner_name ::text") or None,
        forwarded_from=first(node, ".tgme_widget_message_forwarded_from_name ::text") or None,
        links=[h for h in body.css("a::attr(href)").getall() if h] if body else [],
    )


def parse_channel_page(sel: Selector) -> ChannelPage:
    nodes = sel.css("div.tgme_widget_message[data-post]")
    header = sel.css(".tgme_channel_info_header_username a::text").get("")
    if not nodes and not header and not sel.css(".tgme_channel_history"):
        raise ParseError("not a t.me/s channel page: no messages and no channel header")
    messages = [m for m in (parse_message(n) for n in nodes) if m is not None]
    channel = header.strip().lstrip("@") or (messages[0].channel if messages else "")
    before = int_or_none(sel.css("a.tme_messages_more::attr(data-before)").get())
    if before is None:
        prev = sel.css('link[rel="prev"]::attr(href)').get("")
        match = _BEFORE.search(prev)
        before = int(match.group(1)) if match else None
    title = first(sel, ".tgme_channel_info_header_title ::text") or first(
        sel, 'meta[property="og:title"]::attr(content)'
    )
    return ChannelPage(channel=channel, title=title, messages=messages, before=before)
