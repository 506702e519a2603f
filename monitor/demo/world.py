"""The demo world's content: listings from ``listings.yaml`` with the ids, pages and quirks
each imitated platform gives them. No HTTP here; ``server.py`` renders it."""

from __future__ import annotations

import hashlib
import string
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

PLATFORMS = ("ecommerce", "secondhand", "tieba", "discuz", "telegram", "paste")
# Listings per result/list page, per platform: small, so that every platform paginates.
PAGE_SIZE = {"ecommerce": 4, "secondhand": 4, "tieba": 5, "discuz": 5, "telegram": 5, "paste": 5}
# Searching the shop for this keyword hits the slider captcha from its second page on.
CAPTCHA_KEYWORD = "简历"
DISCUZ_FID = 2
_ALPHABET = string.ascii_letters + string.digits


@dataclass
class DemoListing:
    key: str  # the id in listings.yaml, e.g. "tb-003"
    platform: str
    title: str
    text: str
    seller: str
    posted: str
    label: dict[str, Any]
    lang: str = "zh"
    price: str | None = None
    channel: str | None = None
    keyword: str | None = None
    replies: list[dict[str, str]] = field(default_factory=list)
    native_id: str = ""  # the id the imitated site gives it (item id, tid, message id, key)

    @property
    def public_id(self) -> str:
        """The id as the crawler records it: Telegram message ids are per channel."""
        return f"{self.channel}/{self.native_id}" if self.platform == "telegram" else self.native_id


def _paste_key(key: str) -> str:
    digest = int(hashlib.sha1(key.encode()).hexdigest(), 16)
    return "".join(_ALPHABET[(digest >> (6 * i)) % len(_ALPHABET)] for i in range(8))


def _assign_native_ids(listings: list[DemoListing]) -> None:
    per_channel: dict[str, int] = {}
    for n, item in enumerate(listings, start=1):
        if item.platform == "ecommerce":
            item.native_id = str(700_000_000_000 + n * 7919)
        elif item.platform == "secondhand":
            item.native_id = str(800_000_000_000 + n * 104_729)
        elif item.platform == "tieba":
            item.native_id = str(9_100_000_000 + n * 13)
        elif item.platform == "discuz":
            item.native_id = str(100 + n)
        elif item.platform == "paste":
            item.native_id = _paste_key(item.key)
    # Telegram message ids grow with time within each channel.
    telegram = sorted((i for i in listings if i.platform == "telegram"), key=lambda i: i.posted)
    for item in telegram:
        channel = item.channel = item.channel or "demo_channel"
        per_channel[channel] = per_channel.get(channel, 100) + 3
        item.native_id = str(per_channel[channel])


def load_listings() -> list[DemoListing]:
    text = resources.files("monitor.demo").joinpath("listings.yaml").read_text("utf-8")
    listings = []
    for raw in yaml.safe_load(text):
        if raw["platform"] not in PLATFORMS:
            raise ValueError(f"listings.yaml: {raw['id']}: unknown platform {raw['platform']!r}")
        listings.append(
            DemoListing(
                key=raw["id"],
                platform=raw["platform"],
                title=raw.get("title") or "",
                text=(raw.get("text") or "").strip(),
                seller=raw.get("seller") or "",
                posted=str(raw.get("posted") or ""),
                label=raw.get("label") or {},
                lang=raw.get("lang", "zh"),
                price=str(raw["price"]) if raw.get("price") is not None else None,
                channel=raw.get("channel"),
                keyword=raw.get("keyword"),
                replies=list(raw.get("replies") or []),
            )
        )
    _assign_native_ids(listings)
    return listings


def paginate(items: list[Any], page: int, size: int) -> tuple[list[Any], bool]:
    """Items of 1-based ``page`` and whether there is a next page."""
    start = (page - 1) * size
    return items[start : start + size], start + size < len(items)
