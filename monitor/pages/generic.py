"""Pages described by a site profile (``monitor.profiles``): listing cards and detail pages read
with the profile's selectors."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urljoin

from parsel import Selector, SelectorList

from monitor.pages.common import ParseError, int_or_none, site_time, visible_text


@dataclass
class Card:
    url: str
    title: str = ""
    text: str = ""
    price: str | None = None
    seller: str | None = None
    seller_url: str | None = None
    posted: str | None = None
    replies: int | None = None
    native_id: str | None = None


@dataclass
class ListingPage:
    cards: list[Card] = field(default_factory=list)
    next_url: str | None = None


def select(sel: Selector, query: str) -> SelectorList[Selector]:
    return sel.xpath(query[len("xpath:") :]) if query.startswith("xpath:") else sel.css(query)


def field_value(sel: Selector, query: str) -> str:
    """The first match of ``query``: strings (``::text``, ``::attr()``, XPath ``text()``/``@x``)
    as they are, elements as the text a reader sees; stripped."""
    found = select(sel, query)
    if not found:
        return ""
    node = found[0]
    if isinstance(node.root, str):
        return " ".join(str(node.root).split())
    return visible_text(node)


def _card(
    node: Selector, fields: dict[str, str], base_url: str, tz: timezone, now: datetime | None
) -> Card | None:
    values = {name: field_value(node, query) for name, query in fields.items()}
    if not values.get("url"):
        return None
    return Card(
        url=urljoin(base_url, values["url"]),
        title=values.get("title", ""),
        text=values.get("text", ""),
        price=values.get("price") or None,
        seller=values.get("seller") or None,
        seller_url=urljoin(base_url, values["seller_url"]) if values.get("seller_url") else None,
        posted=site_time(values["posted"], tz=tz, now=now) or values["posted"] or None
        if values.get("posted")
        else None,
        replies=int_or_none(values.get("replies")),
        native_id=values.get("id") or None,
    )


def parse_listing_page(
    sel: Selector,
    *,
    item: str,
    fields: dict[str, str],
    next_page: str | None,
    base_url: str,
    tz: timezone,
    now: datetime | None = None,
) -> ListingPage:
    """Cards of a list or search page. A page where the item selector matches nothing is a
    ParseError: either the site changed or it served something else (a block page)."""
    nodes = select(sel, item)
    if not nodes:
        raise ParseError(f"no listing cards ({item!r}) in page")
    cards = [c for c in (_card(n, fields, base_url, tz, now) for n in nodes) if c is not None]
    nxt = field_value(sel, next_page) if next_page else ""
    return ListingPage(cards=cards, next_url=urljoin(base_url, nxt) if nxt else None)


def parse_detail_page(
    sel: Selector, fields: dict[str, str], tz: timezone, now: datetime | None = None
) -> dict[str, str | None]:
    values: dict[str, str | None] = {
        name: field_value(sel, q) or None for name, q in fields.items()
    }
    if values.get("posted"):
        values["posted"] = site_time(values["posted"], tz=tz, now=now) or values["posted"]
    return values
