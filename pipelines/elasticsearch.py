"""Elasticsearch pipeline: bulk upserts of listing documents, off the reactor thread.

Active when ``ELASTICSEARCH_URL`` is set (``pipelines.store.StorePipeline`` then stands down:
exactly one store pipeline runs). Documents are buffered and written in batches of
``ELASTICSEARCH_BULK_SIZE`` or every ``ELASTICSEARCH_FLUSH_SECONDS``, and when the spider
closes; the blocking client calls run in Twisted's thread pool, one batch at a time.

If the node cannot be reached when the spider opens, the crawl does not start (one clear
error). If it goes away during the crawl, batches go to the spool file
(``ELASTICSEARCH_SPOOL_PATH``) and are replayed before the next write that reaches it, in
this run or the next one: nothing is lost.

Stats: ``elasticsearch/indexed``, ``elasticsearch/created``, ``elasticsearch/updated``,
``elasticsearch/errors/<reason>``, ``elasticsearch/spooled``, ``elasticsearch/replayed``, and
``store/created``, ``store/updated``, ``store/errors`` as with every store.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import deferred_from_coro, maybe_deferred_to_future
from scrapy.utils.log import failure_to_exc_info
from twisted.internet import reactor, task, threads
from twisted.internet.defer import Deferred, DeferredLock

from monitor.config import ConfigError
from monitor.documents import listing_to_document
from monitor.store import StoreError
from monitor.store.elasticsearch import ElasticsearchStore, StoreUnavailable
from monitor.store.es_config import ElasticsearchConfig
from monitor.store.es_spool import Spool, upsert_isolating

if TYPE_CHECKING:
    from collections.abc import Callable, Coroutine

    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

    from monitor.items import Listing
    from monitor.store.base import UpsertResult

logger = logging.getLogger(__name__)


async def _in_thread(fn: Callable[..., Any], *args: Any) -> Any:
    return await maybe_deferred_to_future(threads.deferToThread(fn, *args))


class ElasticsearchPipeline:
    # The stored document of an item (the benchmark swaps it to time the store path alone).
    to_document = staticmethod(listing_to_document)

    def __init__(self, crawler: Crawler, config: ElasticsearchConfig) -> None:
        self.crawler = crawler
        self.config = config
        assert crawler.stats is not None
        self.stats: StatsCollector = crawler.stats
        self.store: ElasticsearchStore | None = None
        self.spool = Spool(config.spool_path)
        self.buffer: list[dict[str, Any]] = []
        self._lock = DeferredLock()
        self._timer: task.LoopingCall | None = None
        self._warned_down = False
        self._in_flight: Deferred[None] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ElasticsearchPipeline:
        settings = crawler.settings
        if not settings.getbool("MONITOR_STORE_ENABLED", True):
            raise NotConfigured("MONITOR_STORE_ENABLED is off")
        if not settings.get("ELASTICSEARCH_URL"):
            # The SQLite pipeline stores instead; a message would log a warning per crawl.
            raise NotConfigured
        try:
            return cls(crawler, ElasticsearchConfig.from_settings(settings))
        except ConfigError as exc:
            logger.error("monitor: %s", exc)
            raise

    async def open_spider(self) -> None:
        try:
            self.store = await _in_thread(ElasticsearchStore.from_settings, self.crawler.settings)
        except StoreError as exc:
            logger.error("monitor: %s", exc)
            raise
        logger.info(
            "storing listings in Elasticsearch at %s, alias %s (%s)",
            self.config.url,
            self.config.index,
            self.config.describe_credentials(),
        )
        await self._replay()
        self._timer = task.LoopingCall(self._tick)
        self._timer.start(self.config.flush_seconds, now=False)

    async def process_item(self, item: Listing) -> Listing:
        self.buffer.append(self.to_document(item))
        if len(self.buffer) >= self.config.bulk_size:
            batch, self.buffer = self.buffer, []
            # One batch in flight while the next one fills: wait only when both are full.
            await self._wait_in_flight()
            self._in_flight = self._start(self._write_batch(batch))
            await maybe_deferred_to_future(task.deferLater(reactor, 0, lambda: None))
        return item

    def _start(self, coro: Coroutine[Any, Any, None]) -> Deferred[None]:
        d: Deferred[None] = deferred_from_coro(coro)
        d.addErrback(
            lambda f: logger.error(
                "Elasticsearch write failed: %s", f.value, exc_info=failure_to_exc_info(f)
            )
        )
        return d

    async def _wait_in_flight(self) -> None:
        d = self._in_flight
        if d is None or d.called:
            return
        done: Deferred[None] = Deferred()

        def release(result: Any) -> Any:
            done.callback(None)
            return result

        d.addBoth(release)
        await maybe_deferred_to_future(done)

    def _tick(self) -> Any:
        # Errors are logged by _start, so that they never stop the timer.
        if self.buffer or self.spool.pending():
            return self._start(self.flush())
        return None

    async def flush(self) -> None:
        """Write the buffer now (and, first, whatever waits in the spool); returns when every
        write started so far is done."""
        await self._wait_in_flight()
        await self._write_batch(None)

    async def _write_batch(self, batch: list[dict[str, Any]] | None) -> None:
        """Write ``batch`` (None: the buffer), one request at a time, spool first."""
        await maybe_deferred_to_future(self._lock.acquire())
        try:
            if self.spool.pending() and await _in_thread(self._reachable):
                await self._replay()
            if batch is None:
                batch, self.buffer = self.buffer, []
            size = self.config.bulk_size
            for start in range(0, len(batch), size):
                await self._write(batch[start : start + size])
        finally:
            self._lock.release()

    async def _write(self, batch: list[dict[str, Any]]) -> None:
        assert self.store is not None
        try:
            result, rejected = await _in_thread(upsert_isolating, self.store, batch)
        except StoreUnavailable as exc:
            await _in_thread(self.spool.append, batch)
            self.stats.inc_value("elasticsearch/spooled", len(batch))
            if not self._warned_down:
                logger.warning("%s; spooling to %s until it is back", exc, self.spool.path)
                self._warned_down = True
            return
        self._warned_down = False
        self._record(result)
        if rejected:
            await _in_thread(self.spool.reject, rejected)
            logger.error(
                "%d refused document(s) kept in %s", len(rejected), self.spool.rejected_path
            )
        deferred = getattr(result, "deferred", [])
        if deferred:
            await _in_thread(self.spool.append, deferred)
            self.stats.inc_value("elasticsearch/spooled", len(deferred))
            logger.warning(
                "%d document(s) deferred (429 or write block); spooled to %s",
                len(deferred),
                self.spool.path,
            )

    def _reachable(self) -> bool:
        assert self.store is not None
        return bool(self.store.client.options(max_retries=0).ping())

    async def _replay(self) -> None:
        assert self.store is not None
        if not self.spool.pending():
            return
        result = await _in_thread(self.spool.replay, self.store, self.config.bulk_size)
        self.stats.inc_value("elasticsearch/replayed", result.replayed)
        self.stats.inc_value("elasticsearch/indexed", result.replayed)
        self.stats.inc_value("store/created", result.created)
        self.stats.inc_value("store/updated", result.updated)
        if result.bad_lines:
            self.stats.inc_value("elasticsearch/errors/spool_bad_line", result.bad_lines)
            self.stats.inc_value("store/errors", result.bad_lines)
        self._count_errors(result.errors)
        if result.rejected:
            logger.error(
                "%d refused document(s) kept in %s", result.rejected, self.spool.rejected_path
            )
        if result.replayed:
            logger.info("replayed %d spooled document(s) into Elasticsearch", result.replayed)
        if result.left:
            logger.warning("%d spooled document(s) still wait in %s", result.left, self.spool.path)

    def _record(self, result: UpsertResult) -> None:
        self.stats.inc_value("elasticsearch/indexed", result.created + result.updated)
        self.stats.inc_value("elasticsearch/created", result.created)
        self.stats.inc_value("elasticsearch/updated", result.updated)
        self.stats.inc_value("store/created", result.created)
        self.stats.inc_value("store/updated", result.updated)
        self._count_errors(result.errors)

    def _count_errors(self, errors: list[tuple[str, str]]) -> None:
        for doc_id, reason in errors:
            kind = reason.split(":", 1)[0].strip().replace(" ", "_") or "unknown"
            self.stats.inc_value(f"elasticsearch/errors/{kind}")
            self.stats.inc_value("store/errors")
            logger.error("could not index listing %s: %s", doc_id, reason)

    async def close_spider(self) -> None:
        if self._timer is not None and self._timer.running:
            self._timer.stop()
        if self.store is None:
            return
        try:
            await self.flush()
            try:
                await _in_thread(self.store.refresh)
            except StoreError as exc:
                logger.warning("could not refresh the index at close: %s", exc)
        finally:
            store, self.store = self.store, None
            store.close()
        if self.spool.pending():
            logger.warning(
                "%d document(s) wait in %s for Elasticsearch; the next run replays them",
                self.spool.count(),
                self.spool.path,
            )
