"""Evidence pipeline: what the page was, when, and hashes that prove it did not change."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

from monitor.evidence import EvidenceConfig, EvidenceFileError, EvidenceFiles, sha256_hex
from monitor.evidence.render import RenderError, release_renderer, shared_renderer
from monitor.evidence.snapshot import redacted_snapshot
from monitor.evidence.warc import warc_bytes

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from monitor.items import Listing, PageSnapshot

logger = logging.getLogger(__name__)

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def evidence_folder(listing: Listing, captured_at: str) -> str:
    """``<platform>/<listing id>/<UTC capture time>``: one folder per capture."""
    stamp = captured_at.replace("+00:00", "Z").replace("-", "").replace(":", "")
    return f"{listing.platform}/{_UNSAFE.sub('_', listing.listing_id)[:120]}/{stamp}"


class EvidencePipeline:
    """Every listing gets the SHA-256, URL, status and UTC capture time of its page. Offers
    also get files (``MONITOR_EVIDENCE_*`` settings, see ``EvidenceConfig``):

    - ``page.html``: the redacted HTML snapshot (evidence store);
    - ``screenshot.png``: rendered from that snapshot in headless Chromium, for pages fetched
      with Playwright, and for the others unless ``MONITOR_EVIDENCE_RENDER`` is off;
    - ``page.warc.gz``: the untouched request and response (raw store, access-controlled);
    - ``screenshot-raw.png``: a screenshot the spider took in the browser (raw store).

    A file that cannot be made is counted (``evidence/errors/<kind>``) and logged; the listing
    is stored with the files that could be made. The page bytes never reach the store.
    """

    def __init__(self, crawler: Crawler, config: EvidenceConfig) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.config = config
        self.files = EvidenceFiles(config, crawler.settings)
        self.renderer = shared_renderer(
            crawler.settings.getdict("PLAYWRIGHT_LAUNCH_OPTIONS") or None,
            timeout=config.render_timeout,
            max_height=config.max_height,
        )

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> EvidencePipeline:
        return cls(crawler, EvidenceConfig.from_settings(crawler.settings))

    async def close_spider(self) -> None:
        await release_renderer(self.renderer)

    def _inc(self, key: str, value: int = 1) -> None:
        if self.stats is not None:
            self.stats.inc_value(key, value)

    async def process_item(self, item: Listing) -> Listing:
        snap = item.snapshot
        if snap is None:
            return item
        item.snapshot = None
        item.evidence = {
            "page_url": snap.url,
            "page_status": snap.status,
            "page_sha256": sha256_hex(snap.body),
            "page_bytes": len(snap.body),
            "captured_at": snap.captured_at,
            "rendered": snap.rendered,
            "files": [],
        }
        if not (self.config.enabled and (item.analysis or {}).get("is_offer")):
            self._inc("evidence/hash_only")
            return item
        item.evidence["files"] = await self._files(item, snap)
        self._inc("evidence/offers")
        return item

    async def _files(self, item: Listing, snap: PageSnapshot) -> list[dict[str, Any]]:
        folder = evidence_folder(item, snap.captured_at)
        keep = (item.analysis or {}).get("contacts") or []
        made: list[dict[str, Any]] = []

        async def put(
            kind: str, filename: str, data: bytes, media_type: str, restricted: bool, **extra: Any
        ) -> None:
            name = f"{folder}/{filename}"
            try:
                await self.files.put(name, data, restricted=restricted, media_type=media_type)
            except EvidenceFileError as exc:
                self._inc(f"evidence/errors/{kind}")
                logger.error("evidence file %s not written: %s", name, exc)
                return
            made.append(
                {
                    "name": name,
                    "kind": kind,
                    "sha256": sha256_hex(data),
                    "bytes": len(data),
                    "media_type": media_type,
                    "captured_at": snap.captured_at,
                    "url": snap.url,
                    "restricted": restricted,
                    **extra,
                }
            )
            self._inc("evidence/files")
            self._inc(f"evidence/files/{kind}")
            self._inc("evidence/bytes", len(data))

        if self.config.raw_warc:
            await put("warc", "page.warc.gz", warc_bytes(snap), "application/warc", True)
            if snap.screenshot:
                await put(
                    "screenshot_raw", "screenshot-raw.png", snap.screenshot, "image/png", True
                )
        page = redacted_snapshot(snap, keep)
        await put(
            "html",
            "page.html",
            page.html.encode("utf-8"),
            "text/html; charset=utf-8",
            False,
            redactions=page.count,
        )
        if self.config.screenshots and (snap.rendered or self.config.render_all):
            try:
                shot = await self.renderer.render(page.html)
            except RenderError as exc:
                self._inc("evidence/errors/screenshot")
                logger.error("no screenshot of %s: %s", snap.url, exc)
            else:
                await put(
                    "screenshot",
                    "screenshot.png",
                    shot.png,
                    "image/png",
                    False,
                    truncated=shot.truncated,
                )
        return made
