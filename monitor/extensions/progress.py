"""A live progress display for crawls: one line per spider with pages, listings and offers.

Enabled by ``MONITOR_PROGRESS`` (the ``monitor crawl`` command turns it on); Scrapy's log goes
on beneath it. Several spiders in one process share one display.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from scrapy import signals
from scrapy.exceptions import NotConfigured

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


class ProgressBar:
    _progress: ClassVar[Progress | None] = None
    _users: ClassVar[int] = 0

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.task: TaskID | None = None
        self.counts = {"pages": 0, "listings": 0, "offers": 0, "blocked": 0}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressBar:
        if not crawler.settings.getbool("MONITOR_PROGRESS", False):
            # Off is the normal case outside `monitor crawl`: no message, so no warning.
            raise NotConfigured
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.response_received, signal=signals.response_received)
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(ext.item_dropped, signal=signals.item_dropped)
        return ext

    @classmethod
    def _shared(cls) -> Progress:
        if cls._progress is None:
            cls._progress = Progress(
                SpinnerColumn(),
                TextColumn("[bold]{task.description:<10}"),
                BarColumn(bar_width=24),
                TextColumn("{task.fields[status]}"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=False,
            )
            cls._progress.start()
        return cls._progress

    def spider_opened(self) -> None:
        assert self.crawler.spider is not None
        type(self)._users += 1
        self.task = self._shared().add_task(self.crawler.spider.name, total=None, status="starting")

    def _update(self) -> None:
        if self.task is None or self._progress is None:
            return
        c = self.counts
        status = f"{c['pages']} pages · {c['listings']} listings · {c['offers']} offers" + (
            f" · [red]{c['blocked']} blocked[/red]" if c["blocked"] else ""
        )
        self._progress.update(self.task, status=status)

    def response_received(self, response: Any) -> None:
        self.counts["pages"] += 1
        stats = self.crawler.stats
        self.counts["blocked"] = int(stats.get_value("blocked/pages", 0)) if stats else 0
        self._update()

    def item_scraped(self, item: Any) -> None:
        self.counts["listings"] += 1
        if (getattr(item, "analysis", None) or {}).get("is_offer"):
            self.counts["offers"] += 1
        self._update()

    def item_dropped(self, item: Any) -> None:
        self.counts["listings"] += 1
        self._update()

    def spider_closed(self) -> None:
        progress = self._progress
        if progress is None or self.task is None:
            return
        stats = self.crawler.stats
        self.counts["blocked"] = int(stats.get_value("blocked/pages", 0)) if stats else 0
        self._update()
        progress.update(self.task, total=1, completed=1)
        type(self)._users -= 1
        if type(self)._users == 0:
            progress.stop()
            type(self)._progress = None
