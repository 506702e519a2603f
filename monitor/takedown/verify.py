"""``takedown verify``: recrawl the URLs of open requests and mark each listing removed (404,
410 or the platform's own "item gone" page), still up, or unknown (blocked, error).

One small Scrapy run with the project settings (politeness, user agent, block detection): each
platform spider's ``detect_block`` judges that platform's pages, so a captcha is "unknown",
never "removed".
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.crawler import CrawlerProcess
from scrapy.spiderloader import SpiderLoader

from monitor.items import utc_now
from monitor.middlewares import BlockedPage
from monitor.takedown.export import OPEN_STATUSES, hours_between
from monitor.takedown.platforms import Platform, platforms

if TYPE_CHECKING:
    from scrapy.http import Response
    from scrapy.settings import Settings
    from twisted.python.failure import Failure

    from monitor.store import Store

logger = logging.getLogger(__name__)

REMOVED, STILL_UP, UNKNOWN = "removed", "still_up", "unknown"
_BLOCK_STATUS = {401: "login_wall", 403: "forbidden", 429: "rate_limited", 451: "legal_block"}
# Statuses a verification may see and judge itself; anything else is left to retries.
_SEEN_STATUSES = [400, 404, 410, 500, 502, 503]


def classify(
    plat: Platform, status: int, url: str, text: str, requested_url: str = ""
) -> tuple[str, str]:
    """(removed | still_up | unknown, reason) for a page answered at ``url``."""
    if status in plat.gone_status:
        return REMOVED, f"http_{status}"
    for mark in plat.gone_url:
        if mark in url:
            return REMOVED, f"gone_url:{mark}"
    for mark in plat.gone_text:
        if mark in text:
            return REMOVED, f"gone_page:{mark}"
    if status >= 400:
        return UNKNOWN, f"http_{status}"
    fragment = urlsplit(requested_url or url).fragment
    number = re.search(r"\d+", fragment) if fragment else None
    # A reply's anchor number missing from its thread page: that reply is gone. (A number
    # found anywhere counts as present: errs toward "still up".)
    if number and not re.search(rf"(?<!\d){number.group(0)}(?!\d)", text):
        return REMOVED, f"post_gone:{fragment}"  # the thread is there, the reply is not
    return STILL_UP, f"http_{status}"


@dataclass
class Target:
    listing_id: str
    platform: str
    url: str


class VerifySpider(scrapy.Spider):
    name = "takedown-verify"
    custom_settings = {"ITEM_PIPELINES": {}, "MONITOR_PROGRESS": False}  # noqa: RUF012

    def __init__(self, targets: list[Target], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.targets = targets
        self._platform_of = {t.url: t.platform for t in targets}
        self._judges: dict[str, Any] = {}

    def _judge(self, platform: str) -> Any:
        """The platform's spider, configured from the settings as in a crawl, to ask about
        blocks; None when the platform has no spider here."""
        if platform not in self._judges:
            loader = SpiderLoader.from_settings(self.settings)
            judge = None
            if platform in loader.list():
                cls = loader.load(platform)
                try:
                    judge = cls.from_crawler(self.crawler)
                except Exception:  # a spider setting this run lacks (a base URL...)
                    logger.debug("spider %s not configurable here", platform, exc_info=True)
                    judge = cls()
            self._judges[platform] = judge
        return self._judges[platform]

    def detect_block(self, response: Response) -> str | None:
        # Downloader middlewares see the response before it is tied to its request (no meta):
        # find the platform by URL; after a redirect, ask every platform of this run.
        known = self._platform_of.get(response.url)
        names = [known] if known else sorted({t.platform for t in self.targets})
        text = response.text if hasattr(response, "text") else ""
        for name in names:
            plat = platforms().get(name)
            if plat is None:
                continue
            if classify(plat, response.status, response.url, text)[0] == REMOVED:
                return None  # a "gone" page is the answer, not a block
            kind = self._ask(name, response)
            if kind and kind not in plat.ignore_blocks:
                return kind
        return _BLOCK_STATUS.get(response.status)

    def _ask(self, platform: str, response: Response) -> str | None:
        judge = self._judge(platform)
        if judge is None:
            return None
        try:
            kind: str | None = judge.detect_block(response)
        except Exception:  # a spider's detector written for its own pages only
            logger.warning(
                "block detection of %s failed on %s", platform, response.url, exc_info=True
            )
            return None
        return kind

    def session_headers(self, target: Target) -> tuple[dict[str, str], dict[str, Any]]:
        """The user's session for the platform (``TAOBAO_COOKIES``...), as its spider sends
        it: shops show an item to signed-in visitors only, and without it a live item would
        read as a login wall ("unknown") and never as "still up"."""
        meta: dict[str, Any] = {}
        # BrowserSpider.session_headers: the platform's cookies for that URL's host only.
        spider_headers = getattr(self._judge(target.platform), "session_headers", None)
        headers: dict[str, str] = spider_headers(target.url, meta) if spider_headers else {}
        return headers, meta

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for t in self.targets:
            headers, extra_meta = self.session_headers(t)
            yield scrapy.Request(
                t.url,
                callback=self.parse,
                errback=self.failed,
                dont_filter=True,
                headers=headers,
                meta={
                    "listing_id": t.listing_id,
                    "platform": t.platform,
                    "requested_url": t.url,
                    "handle_httpstatus_list": _SEEN_STATUSES,
                    **extra_meta,
                },
            )

    def parse(self, response: Response) -> Iterator[dict[str, Any]]:
        meta = response.meta
        plat = platforms()[meta["platform"]]
        text = response.text if hasattr(response, "text") else ""
        status, reason = classify(plat, response.status, response.url, text, meta["requested_url"])
        yield {
            "listing_id": meta["listing_id"],
            "status": status,
            "reason": reason,
            "http_status": response.status,
            "final_url": response.url,
            "sha256": hashlib.sha256(response.body).hexdigest(),
        }

    def failed(self, failure: Failure) -> Iterator[dict[str, Any]]:
        request = failure.request  # type: ignore[attr-defined]
        exc = failure.value
        reason = (
            f"blocked:{exc.kind}" if isinstance(exc, BlockedPage) else f"error:{type(exc).__name__}"
        )
        logger.warning(
            "could not verify %s: %s",
            request.url,
            reason,
            exc_info=None if isinstance(exc, BlockedPage) else failure.value,
        )
        yield {
            "listing_id": request.meta["listing_id"],
            "status": UNKNOWN,
            "reason": reason,
            "http_status": None,
            "final_url": request.url,
            "sha256": None,
        }


@dataclass
class VerifySummary:
    checked: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    closed_requests: list[str] = field(default_factory=list)
    results: list[dict[str, Any]] = field(default_factory=list)


def targets(store: Store, platform: str | None = None) -> list[Target]:
    """Listings of open requests that are not known to be removed."""
    seen: dict[str, Target] = {}
    for req in store.takedown_requests(platform=platform, open_only=True):
        for listing_id in req.get("listing_ids") or []:
            doc = store.get(listing_id)
            status = ((doc or {}).get("takedown") or {}).get("status")
            if doc is not None and status in OPEN_STATUSES and listing_id not in seen:
                seen[listing_id] = Target(listing_id, doc["platform"], doc["url"])
    return list(seen.values())


def recrawl(settings: Settings, todo: list[Target]) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = []
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(VerifySpider)

    def collect(item: dict[str, Any], **_: Any) -> None:
        results.append(dict(item))

    # Scrapy holds signal receivers weakly: ``collect`` must stay referenced until the end.
    crawler.signals.connect(collect, signal=signals.item_scraped)
    process.crawl(crawler, targets=todo)
    process.start()
    return results


def apply_results(
    store: Store, results: list[dict[str, Any]], now: str | None = None
) -> VerifySummary:
    now = now or utc_now()
    summary = VerifySummary(checked=len(results), results=results)
    for r in results:
        doc = store.get(r["listing_id"])
        if doc is None:
            continue
        t = dict(doc.get("takedown") or {})
        # The hash of the page the check saw (the "gone" page, or the listing still up).
        t.update(
            verified_at=now,
            http_status=r["http_status"],
            reason=r["reason"],
            checked_url=r.get("final_url"),
            check_sha256=r.get("sha256"),
            checks=int(t.get("checks") or 0) + 1,
        )
        if r["status"] == REMOVED and t.get("status") != REMOVED:
            t["removed_at"] = now
            if t.get("requested_at"):
                t["hours_to_takedown"] = hours_between(t["requested_at"], now)
        elif r["status"] == STILL_UP:
            t["last_seen_up_at"] = now
        t["status"] = r["status"]
        store.update_fields(doc["id"], {"takedown": t})
        summary.by_status[r["status"]] = summary.by_status.get(r["status"], 0) + 1
    _close_requests(store, now, summary)
    return summary


def _close_requests(store: Store, now: str, summary: VerifySummary) -> None:
    for req in list(store.takedown_requests(open_only=True)):
        counts: dict[str, int] = {}
        for listing_id in req.get("listing_ids") or []:
            status = ((store.get(listing_id) or {}).get("takedown") or {}).get("status") or UNKNOWN
            counts[status] = counts.get(status, 0) + 1
        fields: dict[str, Any] = {
            "last_verified_at": now,
            "removed_count": counts.get(REMOVED, 0),
            "still_up_count": counts.get(STILL_UP, 0),
            "unknown_count": counts.get(UNKNOWN, 0),
        }
        if counts.get(REMOVED, 0) == len(req.get("listing_ids") or []):
            fields.update(status="closed", closed_at=now)
            summary.closed_requests.append(req["id"])
        store.update_takedown_request(req["id"], fields)
