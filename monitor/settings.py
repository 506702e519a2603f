"""Scrapy settings of the project. Every setting here can be overridden with ``-s NAME=VALUE``
or, for the ones read through ``monitor.env``, with an environment variable of the same name.
Component defaults (``ELASTICSEARCH_*``, ``MONITOR_*``) live in the components themselves."""

from __future__ import annotations

import os
import shutil

BOT_NAME = "monitor"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

# Listings are public pages watched for takedown; robots.txt of the marketplaces forbids all
# non-search-engine agents, which would make every crawl look like a quiet market. Whether to
# obey it is the operator's decision (README, "Crawling real sites").
ROBOTSTXT_OBEY = False
USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Safari/537.36"
)

# Politeness: AutoThrottle adapts the delay to each site's latency; at most two requests in
# flight per domain.
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 60
RETRY_TIMES = 2
# A crawl that follows pagination forever is a bug; this bounds the damage.
DEPTH_LIMIT = 200
DOWNLOAD_MAXSIZE = 32 * 1024 * 1024
DOWNLOAD_WARNSIZE = 8 * 1024 * 1024

# More than one machine: a shared Redis frontier (monitor/distributed.py), when
# MONITOR_REDIS_URL is set; MONITOR_REDIS_RUN names the run its workers share.
ADDONS = {"monitor.distributed.RedisFrontier": 100}
MONITOR_REDIS_URL = os.environ.get("MONITOR_REDIS_URL", "")
MONITOR_REDIS_RUN = os.environ.get("MONITOR_REDIS_RUN", "")
# Seconds a worker waits on an empty shared queue before it stops (others may still enqueue).
MONITOR_REDIS_IDLE_GRACE = os.environ.get("MONITOR_REDIS_IDLE_GRACE", "30")

TELNETCONSOLE_ENABLED = False
EXTENSIONS = {
    "scrapy.extensions.telnet.TelnetConsole": None,
    "monitor.extensions.progress.ProgressBar": 500,
}

SPIDER_MIDDLEWARES = {
    "monitor.middlewares.ParseErrorMiddleware": 950,
}
DOWNLOADER_MIDDLEWARES = {
    "monitor.middlewares.BlockDetectionMiddleware": 540,
    # Before Scrapy's HttpProxyMiddleware (750), which turns user:pass@ into a header.
    "monitor.proxies.ProxyMiddleware": 740,
}

ITEM_PIPELINES = {
    "pipelines.extract.ExtractPipeline": 100,
    "pipelines.redact.RedactPipeline": 200,
    "pipelines.evidence.EvidencePipeline": 300,
    "pipelines.store.StorePipeline": 900,  # SQLite, when ELASTICSEARCH_URL is unset
    "pipelines.elasticsearch.ElasticsearchPipeline": 910,  # when it is set
}

# JavaScript pages: scrapy-playwright handles only requests with meta["playwright"]=True;
# everything else goes through Scrapy's own downloader. The browser starts on first use.
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
DOWNLOAD_HANDLERS = {
    "http": "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler",
    "https": "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler",
}
PLAYWRIGHT_BROWSER_TYPE = "chromium"
_CHROMIUM = os.environ.get("MONITOR_CHROMIUM") or shutil.which("chromium") or ""
PLAYWRIGHT_LAUNCH_OPTIONS = {
    "headless": True,
    # Debian's Chromium: `playwright install` cannot download browsers on these machines.
    **({"executable_path": _CHROMIUM} if _CHROMIUM else {}),
    "args": [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ],
}
PLAYWRIGHT_MAX_PAGES_PER_CONTEXT = 4
PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT = 30_000

FEED_EXPORT_ENCODING = "utf-8"
# Non-offers are dropped by design; their drops are counted, not warned about.
DEFAULT_DROPITEM_LOG_LEVEL = "INFO"
LOG_LEVEL = os.environ.get("MONITOR_LOG_LEVEL", "INFO")

# Store: Elasticsearch when ELASTICSEARCH_URL is set, else the embedded SQLite file.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
MONITOR_SQLITE_PATH = os.environ.get("MONITOR_SQLITE_PATH", "data/monitor.sqlite3")
