"""Proxies: a list to rotate through (``MONITOR_PROXIES``) or one rotating-proxy endpoint
(``MONITOR_PROXY_URL``, a provider that changes the exit IP per connection).

Plain requests get ``meta["proxy"]`` (Scrapy's HttpProxyMiddleware turns ``user:pass@`` into a
Proxy-Authorization header). Playwright requests cannot change proxy per request, only per
browser context: each proxy gets its own context (``<context>@proxy<N>``) created with
Playwright's ``proxy`` option. Credentials never reach a log line or a stat: proxies are named
by ``scheme://host:port`` only.
"""

from __future__ import annotations

import itertools
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from scrapy.exceptions import NotConfigured

from monitor.config import ConfigError

if TYPE_CHECKING:
    from collections.abc import Iterator

    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

_SCHEMES = ("http", "https", "socks5", "socks4")


def redact(proxy_url: str) -> str:
    """``http://user:secret@1.2.3.4:8080`` -> ``http://1.2.3.4:8080``."""
    parts = urlsplit(proxy_url)
    host = parts.hostname or "?"
    return f"{parts.scheme}://{host}:{parts.port}" if parts.port else f"{parts.scheme}://{host}"


def playwright_proxy(proxy_url: str) -> dict[str, str]:
    """Playwright's ``proxy`` option for a proxy URL (credentials as separate fields)."""
    parts = urlsplit(proxy_url)
    server = f"{parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port else "")
    out = {"server": server}
    if parts.username:
        out["username"] = unquote(parts.username)
        out["password"] = unquote(parts.password or "")
    return out


@dataclass(frozen=True)
class ProxyConfig:
    proxies: tuple[str, ...]

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> ProxyConfig:
        listed = settings.getlist("MONITOR_PROXIES")
        rotating = settings.get("MONITOR_PROXY_URL") or ""
        if listed and rotating:
            raise ConfigError("set MONITOR_PROXIES or MONITOR_PROXY_URL, not both")
        proxies = tuple(
            p.strip() for p in (listed or ([rotating] if rotating else [])) if p.strip()
        )
        name = "MONITOR_PROXIES" if listed else "MONITOR_PROXY_URL"
        for proxy in proxies:
            parts = urlsplit(proxy)
            if parts.scheme not in _SCHEMES or not parts.hostname:
                # The value may hold a password: name the setting, show the redacted form.
                raise ConfigError(
                    f"{name}: not a proxy URL (scheme://[user:pass@]host:port): "
                    f"{redact(proxy) if parts.hostname else '<unparsable>'}"
                )
        return cls(proxies)


class ProxyMiddleware:
    """Round-robin over the configured proxies, per request. A request that already names a
    proxy (``meta["proxy"]``, even None) is left alone."""

    def __init__(self, crawler: Crawler, config: ProxyConfig) -> None:
        self.crawler = crawler
        self.config = config
        self._next: Iterator[int] = itertools.cycle(range(len(config.proxies)))
        logger.info("proxies: %s", ", ".join(redact(p) for p in config.proxies))

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProxyMiddleware:
        config = ProxyConfig.from_settings(crawler.settings)
        if not config.proxies:
            raise NotConfigured  # no proxies is the usual case: no warning in the log
        return cls(crawler, config)

    def process_request(self, request: Request) -> None:
        if "proxy" in request.meta or request.meta.get("monitor_proxy") is not None:
            return
        index = next(self._next)
        proxy = self.config.proxies[index]
        request.meta["monitor_proxy"] = redact(proxy)
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"monitor/proxy/requests/{redact(proxy)}")
        if request.meta.get("playwright"):
            self._browser_context(request, index, proxy)
        else:
            request.meta["proxy"] = proxy

    @staticmethod
    def _browser_context(request: Request, index: int, proxy: str) -> None:
        base = request.meta.get("playwright_context", "default")
        kwargs: dict[str, Any] = dict(request.meta.get("playwright_context_kwargs") or {})
        kwargs["proxy"] = playwright_proxy(proxy)
        request.meta["playwright_context"] = f"{base}@proxy{index}"
        request.meta["playwright_context_kwargs"] = kwargs
