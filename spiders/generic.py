"""One spider for the many sites that only need selectors: driven by YAML site profiles
(``monitor/profiles/*.yaml``, or the user's own folder ``GENERIC_PROFILES_DIR``).

    scrapy crawl generic -a profile=douban_group
    scrapy crawl generic -s 'GENERIC_PROFILES=["douban_group", "phpbb_forum"]'
    scrapy crawl generic -a profile=phpbb_forum -a start_urls=https://forum.example.net/viewforum.php?f=12
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import scrapy
from scrapy_playwright.page import PageMethod

from monitor.config import ConfigError
from monitor.pages.common import ParseError
from monitor.pages.generic import parse_detail_page, parse_listing_page
from monitor.profiles import Profile, RateLimit, find_profile
from monitor.sessions import BrowserSession
from spiders.base import MonitorSpider

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator

    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)


class GenericSpider(MonitorSpider):
    """Settings: ``GENERIC_PROFILES`` (profile names crawled when no ``-a profile=`` is given;
    default none), ``GENERIC_PROFILES_DIR`` (a folder of the user's own profiles, searched
    before the shipped ones). Spider arguments: ``profile=name[,name]``, ``start_urls=a,b``
    (replace the profile's start URLs), ``detail=false`` (list pages only). Each profile's
    ``rate_limit`` becomes the download slot of its sites (delay, concurrency) and, when it is
    the only profile, the crawl's AutoThrottle settings."""

    name = "generic"
    platform = "generic"
    base_url_setting = "GENERIC_BASE_URL"  # unused: profiles carry their URLs

    def __init__(
        self,
        *args: Any,
        profile: str | None = None,
        start_urls: str | None = None,
        detail: str | bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._profile_arg = (
            [p.strip() for p in profile.split(",") if p.strip()] if profile else None
        )
        self._start_urls_arg = (
            [u.strip() for u in start_urls.split(",") if u.strip()] if start_urls else None
        )
        self.follow_detail = str(detail).lower() not in ("0", "false", "no")
        self.profiles: list[Profile] = []
        self.sessions: dict[str, BrowserSession] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> GenericSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        assert isinstance(spider, GenericSpider)
        spider.apply_rate_limits(crawler)
        return spider

    def configure(self) -> None:
        super().configure()
        names = self._profile_arg or self.settings.getlist("GENERIC_PROFILES")
        folder = self.settings.get("GENERIC_PROFILES_DIR") or None
        self.profiles = [find_profile(n, folder) for n in names]
        if self._start_urls_arg and len(self.profiles) != 1:
            raise ConfigError("-a start_urls=... needs exactly one profile (-a profile=name)")
        # Shops that show results only to signed-in visitors: the profile names the settings
        # prefix of the user's session (<PREFIX>_STORAGE_STATE / <PREFIX>_COOKIES).
        self.sessions = {
            p.name: BrowserSession.from_settings(
                self.settings, p.session, self.start_urls_for(p)[0][0]
            )
            for p in self.profiles
            if p.session and self.start_urls_for(p)
        }

    def start_urls_for(self, profile: Profile) -> list[tuple[str, str | None]]:
        if self._start_urls_arg:
            return [(u, None) for u in self._start_urls_arg]
        return profile.start_requests_urls(self.keywords)

    def apply_rate_limits(self, crawler: Crawler) -> None:
        """Per-site politeness from the profiles. Settings are still open in from_crawler;
        command-line settings (``-s``) keep priority over the profile's."""
        settings = crawler.settings
        if settings.frozen:  # a spider built outside Crawler.crawl() (tests, tools)
            if any(p.rate_limit != RateLimit() for p in self.profiles):
                logger.warning(
                    "settings frozen: profile rate limits not applied", extra={"spider": self}
                )
            return
        slots = dict(settings.getdict("DOWNLOAD_SLOTS"))
        for profile in self.profiles:
            rate = profile.rate_limit
            slot = {
                k: v
                for k, v in (
                    ("delay", rate.download_delay),
                    ("concurrency", rate.concurrent_requests_per_domain),
                )
                if v is not None
            }
            for url, _ in self.start_urls_for(profile):
                host = urlsplit(url).hostname
                if host and slot:
                    slots.setdefault(host, slot)
        settings.set("DOWNLOAD_SLOTS", slots, priority="spider")
        if len(self.profiles) == 1:
            rate = self.profiles[0].rate_limit
            for name, value in (
                ("DOWNLOAD_DELAY", rate.download_delay),
                ("CONCURRENT_REQUESTS_PER_DOMAIN", rate.concurrent_requests_per_domain),
                ("AUTOTHROTTLE_ENABLED", rate.autothrottle),
                ("AUTOTHROTTLE_TARGET_CONCURRENCY", rate.autothrottle_target_concurrency),
                ("AUTOTHROTTLE_MAX_DELAY", rate.autothrottle_max_delay),
            ):
                if value is not None:
                    settings.set(name, value, priority="spider")

    async def start(self) -> AsyncIterator[scrapy.Request]:
        if not self.profiles:
            logger.info(
                "no site profiles enabled (GENERIC_PROFILES or -a profile=name)",
                extra={"spider": self},
            )
            return
        for profile in self.profiles:
            for url, keyword in self.start_urls_for(profile):
                yield self.request(
                    profile,
                    url,
                    self.parse_list,
                    javascript=profile.javascript,
                    wait_for=profile.wait_for,
                    meta={"keyword": keyword, "list_url": url},
                    cb_kwargs={"page": 1},
                )

    def request(
        self,
        profile: Profile,
        url: str,
        callback: Any,
        *,
        javascript: bool,
        wait_for: str | None,
        meta: dict[str, Any],
        **kwargs: Any,
    ) -> scrapy.Request:
        meta = {**meta, "profile": profile.name, "platform": profile.platform}
        session = self.sessions.get(profile.name)
        cookie = session.cookie_header(url) if session else None
        if cookie:
            # As in the shop spiders: a fixed Cookie header, Scrapy's jar left out of it.
            kwargs["headers"] = {"Cookie": cookie}
            meta["dont_merge_cookies"] = True
        if javascript:
            methods = [PageMethod("wait_for_load_state", "domcontentloaded")]
            if wait_for:
                methods.append(PageMethod("wait_for_selector", wait_for, state="attached"))
            if session is not None:
                meta["playwright_context_kwargs"] = session.context_kwargs()
            meta.update(
                playwright=True,
                playwright_context=f"generic-{profile.name}",
                playwright_page_methods=methods,
            )
        return scrapy.Request(url, callback=callback, errback=self.errback, meta=meta, **kwargs)

    def profile_of(self, response: Response) -> Profile:
        name = response.meta["profile"]
        return next(p for p in self.profiles if p.name == name)

    def detect_block(self, response: Response) -> str | None:
        name = response.meta.get("profile")
        profile = next((p for p in self.profiles if p.name == name), None)
        if profile is not None and hasattr(response, "text"):
            kind = profile.block.kind(response.url, response.text)
            if kind:
                return kind
        return super().detect_block(response)

    def _decoded(self, response: Response, profile: Profile) -> Response:
        return response.replace(encoding=profile.encoding) if profile.encoding else response

    def parse_list(self, response: Response, page: int) -> Iterator[Any]:
        profile = self.profile_of(response)
        response = self._decoded(response, profile)
        now = datetime.now(UTC)
        try:
            data = parse_listing_page(
                response.selector,
                item=profile.listing_item,
                fields=profile.listing_fields,
                next_page=profile.next_page,
                base_url=response.url,
                tz=profile.tz,
                now=now,
            )
        except ParseError as exc:
            raise ParseError(f"profile {profile.name}: {exc}") from exc
        context = {"found_on": response.url, "page": page, "keyword": response.meta.get("keyword")}
        for rank, card in enumerate(data.cards, start=1):
            if self.follow_detail and profile.detail_fields:
                yield self.request(
                    profile,
                    card.url,
                    self.parse_detail,
                    javascript=profile.detail_javascript,
                    wait_for=profile.detail_wait_for,
                    meta={**context, "rank": rank},
                    cb_kwargs={"card": card},
                )
            else:
                yield self._listing(response, profile, card, {}, rank=rank, page=page)
        max_pages = min(profile.max_pages or self.max_pages, self.max_pages)
        if data.next_url and data.cards:
            if page >= max_pages:
                self.count("monitor/pagination/max_pages")
            else:
                yield self.request(
                    profile,
                    data.next_url,
                    self.parse_list,
                    javascript=profile.javascript,
                    wait_for=profile.wait_for,
                    meta={"keyword": response.meta.get("keyword")},
                    cb_kwargs={"page": page + 1},
                )

    def parse_detail(self, response: Response, card: Any) -> Iterator[Any]:
        profile = self.profile_of(response)
        response = self._decoded(response, profile)
        values = parse_detail_page(
            response.selector, profile.detail_fields, profile.tz, now=datetime.now(UTC)
        )
        yield self._listing(response, profile, card, values)

    def _listing(
        self,
        response: Response,
        profile: Profile,
        card: Any,
        detail: dict[str, str | None],
        **fields: Any,
    ) -> Any:
        listing = self.make_listing(
            response,
            url=card.url,
            title=detail.get("title") or card.title,
            text=detail.get("text") or card.text or card.title,
            native_id=card.native_id or profile.native_id(card.url),
            price_text=detail.get("price") or card.price,
            seller=detail.get("seller") or card.seller,
            seller_id=card.seller_url,
            posted_at=detail.get("posted") or card.posted,
            extra={"profile": profile.name, "replies": card.replies},
            **fields,
        )
        listing.platform = profile.platform
        return listing
