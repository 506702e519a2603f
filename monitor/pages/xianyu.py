"""Xianyu / Goofish (second-hand): search result feeds and item pages.

The site's CSS classes are CSS-module names with a hash suffix (``feeds-item-wrap--rGdH_KoF``)
that changes with each release, so the parsers match on the stable prefix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsel import Selector

from monitor.pages.common import ParseError, first, visible_text

_ITEM_ID = re.compile(r"[?&]id=(\d+)")


def _cls(prefix: str) -> str:
    return f'[class*="{prefix}--"]'


@dataclass
class FeedItem:
    item_id: str
    title: str
    url: str
    price: str | None
    seller: str | None


@dataclass
class FeedPage:
    items: list[FeedItem]
    next_url: str | None
    empty: bool


@dataclass
class ItemPage:
    item_id: str | None
    title: str
    description: str
    price: str | None
    seller: str | None
    seller_id: str | None


def parse_feed_page(sel: Selector) -> FeedPage:
    cards = sel.css(f"a{_cls('feeds-item-wrap')}")
    items = []
    for card in cards:
        href = card.attrib.get("href", "")
        match = _ITEM_ID.search(href)
        if not match:
            continue
        items.append(
            FeedItem(
                item_id=match.group(1),
                title=visible_text(card.css(_cls("main-title"))[0])
                if card.css(_cls("main-title"))
                else "",
                url=href,
                price=first(card, f"{_cls('number')}::text") or None,
                seller=first(card, f"{_cls('seller-text')}::text") or None,
            )
        )
    empty = bool(sel.css(_cls("search-empty")))
    if not cards and not empty and not sel.css(_cls("feeds-list-container")):
        raise ParseError("no result feed (feeds-list-container) and no empty-result notice")
    next_link = sel.css(f"{_cls('search-pagination-arrow-right')}::attr(href)").get()
    return FeedPage(items=items, next_url=next_link, empty=empty and not items)


def parse_item_page(sel: Selector) -> ItemPage:
    desc = sel.css(_cls("desc"))
    title = first(sel, f"{_cls('item-title')} ::text") or first(sel, "title::text")
    if not desc and not title:
        raise ParseError("no item description (desc--) or title")
    nick = sel.css(_cls("item-user-info-nick"))
    canonical = first(sel, 'link[rel="canonical"]::attr(href)')
    match = _ITEM_ID.search(canonical)
    return ItemPage(
        item_id=match.group(1) if match else None,
        title=title,
        description=visible_text(desc[0]) if desc else "",
        price=first(sel, f"{_cls('price')} {_cls('number')}::text") or None,
        seller=visible_text(nick[0]) or None if nick else None,
        seller_id=nick.attrib.get("data-user-id") if nick else None,
    )
