"""The one item that flows through the whole path: what a page says about one listing."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from w3lib.url import canonicalize_url


def utc_now() -> str:
    """Current UTC time as ISO 8601 with seconds, the format of every stored timestamp."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def stable_listing_id(platform: str, native_id: str | None, url: str) -> str:
    """Id under which a listing is stored, identical across re-crawls.

    Platform plus the site's own listing id when the page gives one; otherwise a hash of
    the canonical URL (query parameters sorted, fragment dropped).
    """
    if native_id:
        return f"{platform}:{native_id}"
    digest = hashlib.sha1(canonicalize_url(url).encode("utf-8")).hexdigest()[:20]
    return f"{platform}:url:{digest}"


Headers = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class PageSnapshot:
    """The page a listing was read from, as fetched: the evidence pipeline's input.

    The request and response headers are the ones of the final exchange (after redirects), as
    Scrapy or Playwright report them; ``screenshot`` is a PNG the spider took in the browser
    (raw: it shows the data subjects' personal data, so it is kept with the raw WARC).
    """

    url: str
    status: int
    body: bytes
    captured_at: str
    rendered: bool = False  # True when the body is the DOM after JavaScript ran
    request_url: str = ""
    request_method: str = "GET"
    request_headers: Headers = ()
    response_headers: Headers = ()
    encoding: str | None = None
    protocol: str | None = None
    ip_address: str | None = None
    screenshot: bytes | None = None


@dataclass
class Listing:
    """One listing as the spider saw it. Spiders fill the page fields; pipelines add the rest."""

    platform: str
    url: str
    title: str
    text: str
    native_id: str | None = None
    price_text: str | None = None
    seller: str | None = None
    seller_id: str | None = None
    posted_at: str | None = None
    found_on: str | None = None
    rank: int | None = None
    page: int | None = None
    keyword: str | None = None
    fetched_at: str = field(default_factory=utc_now)
    extra: dict[str, Any] = field(default_factory=dict)
    # Filled by pipelines.
    analysis: dict[str, Any] | None = None
    evidence: dict[str, Any] | None = None
    redactions: int = 0
    # Transient: consumed by the evidence pipeline, never stored.
    snapshot: PageSnapshot | None = field(default=None, repr=False)

    @property
    def listing_id(self) -> str:
        return stable_listing_id(self.platform, self.native_id, self.url)
