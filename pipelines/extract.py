"""Extract pipeline: every listing gets the analysis; non-offers are dropped with a reason."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy.exceptions import DropItem

from monitor.extract import analyze

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from monitor.items import Listing

logger = logging.getLogger(__name__)


class ExtractPipeline:
    """Settings: ``MONITOR_KEEP_NON_OFFERS`` (keep non-offers for review, default False) and
    ``MONITOR_MIN_SCORE`` (a stricter score threshold on top of the engine's decision)."""

    def __init__(self, crawler: Crawler, keep_non_offers: bool, min_score: float | None) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.keep_non_offers = keep_non_offers
        self.min_score = min_score

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractPipeline:
        settings = crawler.settings
        raw = settings.get("MONITOR_MIN_SCORE")
        min_score = None if raw in (None, "") else settings.getfloat("MONITOR_MIN_SCORE")
        if min_score is not None and not 0.0 <= min_score <= 1.0:
            raise ValueError(f"MONITOR_MIN_SCORE must be within [0, 1], got {raw!r}")
        return cls(crawler, settings.getbool("MONITOR_KEEP_NON_OFFERS", False), min_score)

    async def process_item(self, item: Listing) -> Listing:
        analysis = analyze(item.title or "", item.text or "").to_dict()
        if self.min_score is not None and analysis["score"] < self.min_score:
            analysis["is_offer"] = False
            analysis["signals"] = [
                *analysis["signals"],
                f"below MONITOR_MIN_SCORE={self.min_score}",
            ]
        item.analysis = analysis
        assert self.stats is not None
        self.stats.inc_value("monitor/listings")
        self.stats.inc_value(f"monitor/listings/{item.platform}")
        if analysis["is_offer"]:
            self.stats.inc_value("monitor/offers")
            self.stats.inc_value(f"monitor/offers/{item.platform}")
            return item
        if self.keep_non_offers:
            self.stats.inc_value("monitor/kept/not_offer")
            return item
        self.stats.inc_value("monitor/dropped/not_offer")
        raise DropItem(f"not an offer (score {analysis['score']:.2f}): {item.url}")
