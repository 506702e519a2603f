"""Running crawls in-process: the spiders of this project with project settings and overrides."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings

from monitor.config import ConfigError
from monitor.items import utc_now

logger = logging.getLogger(__name__)


@dataclass
class CrawlReport:
    started_at: str
    finished_at: str
    stats: dict[str, dict[str, Any]] = field(default_factory=dict)  # per spider name
    # Spiders that could not start or stopped on an error (a component's bad setting...),
    # by name: the one-line reason. Their zero pages are not a quiet market.
    failures: dict[str, str] = field(default_factory=dict)

    def total(self, key: str) -> int:
        return sum(int(s.get(key, 0) or 0) for s in self.stats.values())

    def to_json(self) -> dict[str, Any]:
        """The report as JSON-ready data: per-spider stats (datetimes as ISO strings)."""
        return {
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "failures": self.failures,
            "spiders": {
                name: {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in stats.items()}
                for name, stats in self.stats.items()
            },
        }

    def prefixed(self, prefix: str) -> dict[str, int]:
        """Sum over spiders of every stat under ``prefix`` (prefix stripped)."""
        out: dict[str, int] = {}
        for stats in self.stats.values():
            for key, value in stats.items():
                if key.startswith(prefix) and isinstance(value, int):
                    out[key[len(prefix) :]] = out.get(key[len(prefix) :], 0) + value
        return out


def project_settings(overrides: dict[str, Any] | None = None) -> Settings:
    # scrapy.cfg lives at the repository top; make it findable from any working directory.
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if "SCRAPY_SETTINGS_MODULE" not in os.environ and os.path.exists(
        os.path.join(here, "scrapy.cfg")
    ):
        os.environ["SCRAPY_SETTINGS_MODULE"] = "monitor.settings"
    settings = get_project_settings()
    settings.setdict(overrides or {}, priority="cmdline")
    return settings


def sqlite_override(path: str | None) -> dict[str, Any]:
    """The settings a command's ``--sqlite PATH`` stands for: that SQLite store, whatever store
    is configured (Elasticsearch included)."""
    return {"MONITOR_SQLITE_PATH": path, "ELASTICSEARCH_URL": ""} if path else {}


def spider_names(settings: Settings) -> list[str]:
    return sorted(SpiderLoader.from_settings(settings).list())


def default_spiders(settings: Settings) -> list[str]:
    """What "every spider" means: the generic spider only when profiles are enabled for it."""
    names = spider_names(settings)
    if not settings.getlist("GENERIC_PROFILES"):
        names = [n for n in names if n != "generic"]
    return names


def parse_setting_pairs(pairs: list[str]) -> dict[str, str]:
    """``NAME=VALUE`` strings (the ``-s`` option) to a dict; a malformed one is an error."""
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise ConfigError(f"-s expects NAME=VALUE, got {pair!r}")
        out[name.strip()] = value
    return out


def _record_failure(failure: Any, report: CrawlReport, name: str) -> None:
    exc = failure.value
    reason = str(exc) if isinstance(exc, ConfigError) else f"{type(exc).__name__}: {exc}"
    report.failures[name] = reason
    # The command prints the reason once at the end; the traceback is for -v.
    logger.debug("spider %s failed: %s", name, failure.getTraceback())


def run_crawl(
    names: list[str], settings: Settings, spider_args: dict[str, str] | None = None
) -> CrawlReport:
    """Run the named spiders together in one process, until all are done."""
    known = spider_names(settings)
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ConfigError(f"unknown spider(s) {', '.join(unknown)}; known: {', '.join(known)}")
    report = CrawlReport(started_at=utc_now(), finished_at="")
    process = CrawlerProcess(settings)
    crawlers = []
    for name in names:
        crawler = process.create_crawler(name)
        crawlers.append(crawler)
        done = process.crawl(crawler, **(spider_args or {}))
        done.addErrback(_record_failure, report, name)
    process.start()
    report.finished_at = utc_now()
    for crawler in crawlers:
        assert crawler.stats is not None and crawler.spidercls is not None
        report.stats[crawler.spidercls.name] = dict(crawler.stats.get_stats())
    return report
