"""What every monitor spider shares: where it starts (a base URL from a setting or a spider
argument), the shared keyword list, block detection, and building ``Listing`` items."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, ClassVar

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError

from monitor.items import Listing, PageSnapshot, utc_now
from monitor.keywords import load_keywords
from monitor.middlewares import BlockedPage

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from twisted.python.failure import Failure

logger = logging.getLogger(__name__)

# Status codes that mean "go away", whatever the platform.
_BLOCK_STATUS = {401: "login_wall", 403: "forbidden", 429: "rate_limited", 451: "legal_block"}
_CHALLENGE_MARKS = ("cf-chl", "challenge-platform", "Just a moment...", "cf_captcha_kind")


# The user's session and proxy credentials travel in these request headers: they are kept as
# names only, never stored with the evidence.
_SECRET_HEADERS = {"cookie", "authorization", "proxy-authorization"}
# A logged-in site refreshes the session in its answers: the cookie's name stays (it tells
# which session a page was seen in), its value does not.
_SET_COOKIE = {"set-cookie", "set-cookie2"}


def _header_pairs(
    headers: Any, secret: frozenset[str] | set[str] = frozenset()
) -> tuple[tuple[str, str], ...]:
    pairs = []
    for name, values in (headers or {}).items():
        key = name.decode("latin-1") if isinstance(name, bytes) else str(name)
        for value in values if isinstance(values, list) else [values]:
            text = value.decode("latin-1") if isinstance(value, bytes) else str(value)
            if key.lower() in secret:
                pairs.append((key, "<redacted>"))
            elif key.lower() in _SET_COOKIE:
                pairs.append((key, f"{text.split('=', 1)[0].strip()}=<redacted>"))
            else:
                pairs.append((key, text))
    return tuple(pairs)


def page_snapshot(response: Response) -> PageSnapshot:
    """What the evidence pipeline keeps of ``response``: body, both sides' headers, the time,
    and a screenshot when the request asked Playwright for one
    (``PageMethod("screenshot", full_page=True)`` in ``playwright_page_methods``)."""
    meta = response.meta
    screenshot = next(
        (
            m.result
            for m in meta.get("playwright_page_methods") or ()
            if getattr(m, "method", None) == "screenshot"
            and isinstance(getattr(m, "result", None), bytes)
        ),
        None,
    )
    ip = getattr(response, "ip_address", None)
    request = response.request
    return PageSnapshot(
        url=response.url,
        status=response.status,
        body=response.body,
        captured_at=utc_now(),
        rendered=bool(meta.get("playwright")),
        request_url=request.url if request is not None else response.url,
        request_method=request.method if request is not None else "GET",
        request_headers=_header_pairs(
            request.headers if request is not None else None, _SECRET_HEADERS
        ),
        response_headers=_header_pairs(response.headers),
        encoding=getattr(response, "encoding", None),
        protocol=getattr(response, "protocol", None),
        ip_address=str(ip) if ip is not None else None,
        screenshot=screenshot,
    )


class MonitorSpider(scrapy.Spider):
    platform: ClassVar[str]
    base_url_setting: ClassVar[str]
    default_base_url: ClassVar[str] = ""

    def __init__(
        self,
        *args: Any,
        base_url: str | None = None,
        keywords: str | None = None,
        max_pages: str | int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._base_url_arg = base_url
        self._keywords_arg = (
            [k.strip() for k in keywords.split(",") if k.strip()] if keywords else None
        )
        self._max_pages_arg = int(max_pages) if max_pages else None
        self.base_url = ""
        self.keywords: list[str] = []
        self.max_pages = 50

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> MonitorSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.configure()
        return spider

    def configure(self) -> None:
        """Read this spider's settings; spider arguments win over settings."""
        settings = self.settings
        base = self._base_url_arg or settings.get(self.base_url_setting) or self.default_base_url
        self.base_url = base.rstrip("/")
        self.keywords = self._keywords_arg or load_keywords(
            settings.getlist("MONITOR_KEYWORDS") or None, settings.get("MONITOR_KEYWORDS_FILE")
        )
        self.max_pages = self._max_pages_arg or settings.getint("MONITOR_MAX_PAGES", 50)
        if self.max_pages < 1:
            raise ValueError(f"MONITOR_MAX_PAGES must be >= 1, got {self.max_pages}")

    # -- blocks -------------------------------------------------------------------------
    def detect_block(self, response: Response) -> str | None:
        """The kind of block ``response`` is (``captcha``, ``login_wall``, ...), or None.
        Platform spiders extend this with what their site's block pages look like."""
        if response.status in (403, 429, 503) and hasattr(response, "text"):
            head = response.text[:20000]
            if any(mark in head for mark in _CHALLENGE_MARKS):
                return "captcha"  # a JavaScript/CAPTCHA challenge (Cloudflare and the like)
        return _BLOCK_STATUS.get(response.status)

    # -- items ---------------------------------------------------------------------------
    def make_listing(
        self,
        response: Response,
        *,
        url: str,
        title: str,
        text: str,
        native_id: str | None,
        **fields: Any,
    ) -> Listing:
        meta = response.meta
        fields.setdefault("found_on", meta.get("found_on") or response.url)
        fields.setdefault("rank", meta.get("rank"))
        fields.setdefault("page", meta.get("page"))
        fields.setdefault("keyword", meta.get("keyword"))
        return Listing(
            platform=self.platform,
            url=url,
            title=title,
            text=text,
            native_id=native_id,
            snapshot=page_snapshot(response),
            **fields,
        )

    @staticmethod
    def carry_meta(response: Response) -> dict[str, Any]:
        """The listing context (where it was found) to pass on to a follow-up request."""
        return {
            k: response.meta[k]
            for k in ("found_on", "rank", "page", "keyword")
            if k in response.meta
        }

    def count(self, key: str, value: int = 1) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(key, value)

    def errback(self, failure: Failure) -> None:
        """Failed requests are counted (``monitor/request_errors/<exception>``) and logged;
        blocked pages were counted and logged already by BlockDetectionMiddleware."""
        if failure.check(BlockedPage):
            return
        request = failure.request  # type: ignore[attr-defined]
        reason = type(failure.value).__name__
        if failure.check(HttpError):
            reason = f"http_{failure.value.response.status}"
        elif failure.check(IgnoreRequest):
            return  # dropped on purpose (offsite, duplicate, max size): Scrapy logs those
        self.count(f"monitor/request_errors/{reason}")
        logger.error(
            "request failed: %s: %s: %s", request.url, reason, failure.value, extra={"spider": self}
        )
