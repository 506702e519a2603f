"""Taobao / Tmall: search results (rendered DOM cards, or the ``g_page_config`` JSON of the raw
page) and item pages."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from parsel import Selector

from monitor.pages.common import ParseError, first, json_after, visible_text

_JS_STRING_FIELD = r"\b{name}\s*:\s*'((?:[^'\\]|\\.)*)'"
_ITEM_ID = re.compile(r"[?&]id=(\d+)")


@dataclass
class SearchResult:
    item_id: str
    title: str
    url: str
    price: str | None
    seller: str | None
    seller_id: str | None
    location: str | None
    sales: str | None


@dataclass
class SearchPage:
    results: list[SearchResult]
    next_offset: int | None  # value of the ``s`` parameter of the next page
    empty: bool  # the site says there is no result (not a block, not a failure)


@dataclass
class ItemPage:
    item_id: str | None
    title: str
    price: str | None
    seller: str | None
    seller_id: str | None
    description: str


def _js_field(script: str, name: str) -> str | None:
    match = re.search(_JS_STRING_FIELD.format(name=name), script)
    if not match:
        return None
    # JavaScript single-quoted literal with \uXXXX escapes: decode as JSON after re-quoting.
    raw = match.group(1).replace('"', '\\"')
    try:
        value: str = json.loads(f'"{raw}"')
    except json.JSONDecodeError:
        value = match.group(1)
    return value


def _cards(sel: Selector) -> list[SearchResult]:
    results = []
    for card in sel.css(".items .item.J_MouserOnverReq"):
        link = card.css(".row-2.title a, .title a")
        href = link.attrib.get("href", "") if link else ""
        nid = (link.attrib.get("data-nid") if link else None) or (
            m.group(1) if (m := _ITEM_ID.search(href)) else ""
        )
        if not nid:
            continue
        shop = card.css("a.shopname")
        results.append(
            SearchResult(
                item_id=nid,
                title=visible_text(link[0]),
                url=href,
                price=first(card, ".price strong::text") or None,
                seller=(visible_text(shop[0]) or None) if shop else None,
                seller_id=shop.attrib.get("data-userid") if shop else None,
                location=first(card, ".location::text") or None,
                sales=first(card, ".deal-cnt::text") or None,
            )
        )
    return results


def _page_config(sel: Selector) -> list[SearchResult]:
    script = next((s for s in sel.css("script::text").getall() if "g_page_config" in s), None)
    if script is None:
        return []
    config = json_after(script, "g_page_config =")
    auctions = (((config.get("mods") or {}).get("itemlist") or {}).get("data") or {}).get("auctions")
    return [
        SearchResult(
            item_id=str(a.get("nid")),
            title=a.get("raw_title") or re.sub(r"<[^>]+>", "", a.get("title") or ""),
            url=a.get("detail_url") or "",
            price=a.get("view_price"),
            seller=a.get("nick"),
            seller_id=str(a.get("user_id")) if a.get("user_id") else None,
            location=a.get("item_loc"),
            sales=a.get("view_sales"),
        )
        for a in auctions or []
        if a.get("nid")
    ]


def parse_search_page(sel: Selector) -> SearchPage:
    results = _cards(sel) or _page_config(sel)
    nxt = sel.css("li.item.next a[data-key=s]::attr(data-value)").get()
    empty = bool(sel.css(".m-noresult, #J_NoResult"))
    if not results and not empty and not sel.css("#mainsrp-itemlist"):
        raise ParseError("no result list (#mainsrp-itemlist) and no empty-result notice")
    return SearchPage(results=results, next_offset=int(nxt) if nxt and nxt.isdigit() else None,
                      empty=empty and not results)


def parse_item_page(sel: Selector) -> ItemPage:
    title = first(sel, "h3.tb-main-title::attr(data-title)") or first(sel, "div.tb-detail-hd h1::text")
    if not title:
        raise ParseError("no item title (h3.tb-main-title / div.tb-detail-hd h1)")
    script = next((s for s in sel.css("script::text").getall() if "g_config" in s), "")
    desc = sel.css("#J_DivItemDesc, #description .content")
    return ItemPage(
        item_id=_js_field(script, "itemId"),
        title=title,
        price=first(sel, "#J_StrPrice em.tb-rmb-num::text") or first(sel, "span.tm-price::text") or None,
        seller=_js_field(script, "shopName") or first(sel, ".tb-shop-name a::attr(title)") or None,
        seller_id=_js_field(script, "sellerId"),
        description=visible_text(desc[0]) if desc else "",
    )
