"""Crawling from several machines: a shared Redis frontier through scrapy-redis.

With ``MONITOR_REDIS_URL`` set, every crawler process of one run shares the request queue and
the duplicate filter in Redis, so N workers split the pages between them and none fetches a
page another already fetched. ``MONITOR_REDIS_RUN`` names the run: workers started for the same
run pass the same value, and the next run (a new value) crawls everything again. A run's keys
expire ``MONITOR_REDIS_TTL`` seconds after its last worker closes, so Redis does not grow.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import DontCloseSpider, NotConfigured

from monitor.config import ConfigError

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

_RUN_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
DEFAULT_TTL = 7 * 24 * 3600
DEFAULT_IDLE_GRACE = 30.0


def redis_keys(run: str, spider: str) -> dict[str, str]:
    return {
        "queue": f"monitor:{run}:{spider}:requests",
        "dupefilter": f"monitor:{run}:{spider}:dupefilter",
    }


def redacted_url(url: str) -> str:
    """``redis://:secret@host:6379/0`` without the password, for messages."""
    return re.sub(r"//[^@/]*@", "//***@", url)


def _ttl(settings: BaseSettings) -> int:
    try:
        ttl = settings.getint("MONITOR_REDIS_TTL", DEFAULT_TTL)
    except ValueError:
        ttl = 0
    if ttl < 60:
        raise ConfigError(
            "MONITOR_REDIS_TTL must be at least 60 seconds, "
            f"got {settings.get('MONITOR_REDIS_TTL')!r}"
        )
    return ttl


def _grace(settings: BaseSettings) -> float:
    try:
        grace = settings.getfloat("MONITOR_REDIS_IDLE_GRACE", DEFAULT_IDLE_GRACE)
    except ValueError:
        grace = -1.0
    if grace < 0:
        raise ConfigError(
            "MONITOR_REDIS_IDLE_GRACE must be a number of seconds >= 0, "
            f"got {settings.get('MONITOR_REDIS_IDLE_GRACE')!r}"
        )
    return grace


class RedisFrontier:
    """Scrapy add-on (``ADDONS``): switches the scheduler and duplicate filter to scrapy-redis
    when ``MONITOR_REDIS_URL`` is set; otherwise does nothing."""

    def update_settings(self, settings: BaseSettings) -> None:
        url = settings.get("MONITOR_REDIS_URL")
        if not url:
            return
        run = settings.get("MONITOR_REDIS_RUN") or ""
        if not _RUN_ID.match(run):
            raise ConfigError(
                "MONITOR_REDIS_RUN must name the run shared by its workers "
                f"(letters, digits, _.:-, at most 64), got {run!r}"
            )
        # Checked here, where an error stops the command with one line; an extension's
        # error would only be logged by the engine.
        _ttl(settings)
        _grace(settings)
        # "%(spider)s" is filled in by scrapy-redis with the spider's name.
        keys = redis_keys(run, "%(spider)s")
        settings.set("SCHEDULER", "scrapy_redis.scheduler.Scheduler", priority="addon")
        settings.set("DUPEFILTER_CLASS", "scrapy_redis.dupefilter.RFPDupeFilter", priority="addon")
        settings.set("REDIS_URL", url, priority="addon")
        # Workers finish at different times: the first to finish must not wipe the queue.
        settings.set("SCHEDULER_PERSIST", True, priority="addon")
        settings.set("SCHEDULER_QUEUE_KEY", keys["queue"], priority="addon")
        settings.set("SCHEDULER_DUPEFILTER_KEY", keys["dupefilter"], priority="addon")
        settings.set_in_component_priority_dict("EXTENSIONS", RunKeyExpiry, 600)
        settings.set_in_component_priority_dict("EXTENSIONS", SharedQueueGrace, 601)


class SharedQueueGrace:
    """Keeps a worker open ``MONITOR_REDIS_IDLE_GRACE`` seconds (30) after it runs out of work.

    With a shared queue, "nothing to do" is often momentary: another worker is still parsing
    a page whose links it is about to enqueue. Scrapy closes an idle spider at once; this
    refuses (``DontCloseSpider``) until the worker has stayed idle for the grace period, while
    the engine keeps asking the shared queue for requests. Any response resets the clock."""

    def __init__(self, grace: float, clock: Any = None) -> None:
        import time

        self.grace = grace
        self.clock = clock or time.monotonic
        self.idle_since: float | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SharedQueueGrace:
        settings = crawler.settings
        if not settings.get("MONITOR_REDIS_URL"):
            raise NotConfigured
        ext = cls(_grace(settings))
        crawler.signals.connect(ext.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(ext.activity, signal=signals.response_received)
        return ext

    def activity(self, *args: Any, **kwargs: Any) -> None:
        self.idle_since = None

    def spider_idle(self, spider: Any) -> None:
        now = self.clock()
        if self.idle_since is None:
            self.idle_since = now
        if now - self.idle_since < self.grace:
            raise DontCloseSpider
        logger.info(
            "shared queue empty for %.0f s: this worker stops",
            now - self.idle_since,
            extra={"spider": spider},
        )


class RunKeyExpiry:
    """Gives a run's Redis keys a time to live when a worker closes (each worker renews it)."""

    def __init__(self, crawler: Crawler, url: str, run: str, ttl: int) -> None:
        self.crawler = crawler
        self.url = url
        self.run = run
        self.ttl = ttl

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunKeyExpiry:
        settings = crawler.settings
        if not settings.get("MONITOR_REDIS_URL"):
            raise NotConfigured
        ext = cls(
            crawler, settings["MONITOR_REDIS_URL"], settings["MONITOR_REDIS_RUN"], _ttl(settings)
        )
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_closed(self, spider: Any) -> None:
        import redis

        client = redis.Redis.from_url(self.url)
        try:
            for key in redis_keys(self.run, spider.name).values():
                client.expire(key, self.ttl)
        except redis.RedisError as exc:
            logger.warning("could not set the expiry of run %s's keys: %s", self.run, exc)
        finally:
            client.close()


def check_redis(url: str) -> None:
    """Raise ConfigError with one clear line when Redis at ``url`` does not answer."""
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=5, socket_timeout=5)
        client.ping()
        client.close()
    except (redis.RedisError, ValueError) as exc:
        raise ConfigError(f"cannot reach Redis at {redacted_url(url)}: {exc}") from exc
