"""Taobao / Tmall: search results (rendered DOM cards, or the ``g_page_config`` JSON of the raw
page) and item pages (Taobao ``item.taobao.com`` and Tmall ``detail.tmall.com``)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from parsel import Selector

from monitor.pages.common import ParseError, first, json_after, visible_text

_JS_STRING_FIELD = r"\b{name}\s*:\s*'((?:[^'\\]|\\.)*)'"
_ITEM_ID = re.compile(r"[?&]id=(\d+)")
_TAGS = re.compile(r"<[^>]+>")


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
    page: int | None = None
    total_pages: int | None = None


@dataclass
class ItemPage:
    item_id: str | None
    title: str
    price: str | None
    seller: str | None
    seller_id: str | None
    description: str
    shop: str | None = None  # Tmall: the shop's name (the seller is the shop's account)


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
    """Rendered result cards. Only ``#mainsrp-itemlist``: the ``J_itemlistPersonality`` block
    below it is "you may also like", not results for the keyword."""
    results = []
    for card in sel.css("#mainsrp-itemlist .items .item.J_MouserOnverReq"):
        if card.xpath("ancestor::*[@id='J_itemlistPersonality']"):
            continue
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


def page_config(sel: Selector) -> dict[str, Any] | None:
    """The ``g_page_config = {...};`` object of a search page, if the page has one."""
    script = next((s for s in sel.css("script::text").getall() if "g_page_config" in s), None)
    if script is None:
        return None
    config = json_after(script, "g_page_config =")
    return config if isinstance(config, dict) else None


def _mod(config: dict[str, Any], name: str) -> dict[str, Any]:
    mod = (config.get("mods") or {}).get(name) or {}
    return mod if isinstance(mod, dict) else {}


def _auctions(config: dict[str, Any]) -> list[SearchResult]:
    auctions = (_mod(config, "itemlist").get("data") or {}).get("auctions") or []
    return [
        SearchResult(
            item_id=str(a["nid"]),
            title=a.get("raw_title") or _TAGS.sub("", a.get("title") or ""),
            url=a.get("detail_url") or "",
            price=a.get("view_price"),
            seller=a.get("nick"),
            seller_id=str(a["user_id"]) if a.get("user_id") else None,
            location=a.get("item_loc"),
            sales=a.get("view_sales"),
        )
        for a in auctions
        if a.get("nid")
    ]


def parse_search_page(sel: Selector) -> SearchPage:
    config = page_config(sel) or {}
    results = _cards(sel) or _auctions(config)
    pager = _mod(config, "pager").get("data") or {}
    current, total, size = pager.get("currentPage"), pager.get("totalPage"), pager.get("pageSize")
    nxt = sel.css("li.item.next a[data-key=s]::attr(data-value)").get()
    if nxt and nxt.isdigit():
        next_offset: int | None = int(nxt)
    elif isinstance(current, int) and isinstance(total, int) and isinstance(size, int):
        next_offset = current * size if current < total else None
    else:
        next_offset = None
    empty = (
        bool(sel.css(".m-noresult, #J_NoResult"))
        or _mod(config, "noresult").get("status") == "show"
    )
    if not results and not empty and not sel.css("#mainsrp-itemlist") and not config:
        raise ParseError(
            "no result list (#mainsrp-itemlist, g_page_config) and no empty-result notice"
        )
    return SearchPage(
        results=results,
        next_offset=next_offset,
        empty=empty and not results,
        page=current if isinstance(current, int) else None,
        total_pages=total if isinstance(total, int) else None,
    )


def _tshop_item(sel: Selector) -> dict[str, Any]:
    """Tmall's ``TShop.Setup({...})``: ``itemDO`` holds title, itemId, userId, reservePrice."""
    script = next((s for s in sel.css("script::text").getall() if "TShop.Setup(" in s), None)
    if script is None:
        return {}
    try:
        setup = json_after(script, "TShop.Setup(")
    except ParseError:
        return {}
    item = setup.get("itemDO") if isinstance(setup, dict) else None
    return item if isinstance(item, dict) else {}


def parse_item_page(sel: Selector) -> ItemPage:
    tmall = _tshop_item(sel)
    tmall_title = sel.css("div.tb-detail-hd h1")
    title = (
        first(sel, "h3.tb-main-title::attr(data-title)")
        or (visible_text(tmall_title[0]) if tmall_title else "")
        or str(tmall.get("title") or "")
    )
    if not title:
        raise ParseError("no item title (h3.tb-main-title / div.tb-detail-hd h1 / TShop itemDO)")
    script = next(
        (s for s in sel.css("script::text").getall() if "g_config" in s and "itemId" in s), ""
    )
    desc = sel.css("#J_DivItemDesc, #description .content")
    shop = first(sel, "a.slogo-shopname strong::text") or None
    price = (
        first(sel, "#J_StrPrice em.tb-rmb-num::text")
        or first(sel, "#J_StrPriceModBox span.tm-price::text")
        or str(tmall.get("reservePrice") or "")
    ) or None
    return ItemPage(
        item_id=_js_field(script, "itemId")
        or (str(tmall["itemId"]) if tmall.get("itemId") else None),
        title=title,
        price=price,
        seller=_js_field(script, "shopName") or first(sel, ".tb-shop-name a::attr(title)") or shop,
        seller_id=_js_field(script, "sellerId")
        or (str(tmall["userId"]) if tmall.get("userId") else None),
        description=visible_text(desc[0]) if desc else "",
        shop=shop,
    )


# -- blocks -------------------------------------------------------------------------------------
CAPTCHA_URL_MARKS = ("_____tmd_____", "/punish", "x5secdata")
CAPTCHA_TEXT_MARKS = ("nc_1_n1z", "请拖动下方滑块", "baxia-punish", "滑块", "亲，访问被拒绝")
LOGIN_URL_MARKS = (
    "login.taobao.com",
    "login.tmall.com",
    "/member/login.jhtml",
    "passport.goofish.com",
    "mini_login",
    "/login.htm",
)
LOGIN_TEXT_MARKS = ('id="login-form"', "J_LoginBox", "fm-login-id", "密码登录")


def block_kind(url: str, text: str) -> str | None:
    """``login_wall`` (a redirect to the Taobao/Goofish login), ``captcha`` (the slider
    "punish" page) or None. Shared by Taobao, Tmall and Xianyu: all use Alibaba's login and
    anti-bot pages."""
    if any(mark in url for mark in LOGIN_URL_MARKS):
        return "login_wall"
    if any(mark in url for mark in CAPTCHA_URL_MARKS):
        return "captcha"
    head = text[:30000]
    if any(mark in head for mark in CAPTCHA_TEXT_MARKS):
        return "captcha"
    if any(mark in head for mark in LOGIN_TEXT_MARKS):
        return "login_wall"
    return None
