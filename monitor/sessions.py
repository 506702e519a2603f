"""Logged-in browser sessions for sites that show results only to signed-in visitors (Taobao,
Xianyu/Goofish). The user supplies them; the monitor never logs in by itself.

Per site prefix (``TAOBAO``, ``XIANYU``):

``<PREFIX>_STORAGE_STATE``  path to a Playwright storage-state JSON file (cookies and local
                            storage), e.g. saved by ``playwright codegen --save-storage``
``<PREFIX>_COOKIES``        alternative: a ``Cookie:`` header value (``a=1; b=2``), a JSON
                            object of name -> value, or the path of a JSON file exported by a
                            browser extension (a list of ``{"name", "value", "domain", ...}``)
``<PREFIX>_COOKIE_DOMAIN``  domain for cookies given as name=value (default: from the base URL)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from monitor.config import ConfigError

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings


def cookie_domain(base_url: str) -> str:
    """``https://s.taobao.com`` -> ``.taobao.com``; an IP address or ``localhost`` as it is."""
    host = urlsplit(base_url).hostname or ""
    labels = host.split(".")
    if not host or host.replace(".", "").isdigit() or len(labels) < 2:
        return host
    return "." + ".".join(labels[-2:])


def _domain_matches(host: str, domain: str) -> bool:
    domain = domain.lower().lstrip(".")
    return bool(domain) and (host == domain or host.endswith("." + domain))


def _parse_cookie_header(value: str, setting: str) -> dict[str, str]:
    cookies = {}
    for part in value.split(";"):
        if not part.strip():
            continue
        name, sep, val = part.strip().partition("=")
        if not sep or not name:
            raise ConfigError(
                f"{setting}: expected name=value pairs separated by ';', got {part!r}"
            )
        cookies[name.strip()] = val.strip()
    return cookies


@dataclass(frozen=True)
class BrowserSession:
    """What a site's session setting says, ready for Playwright and for plain requests."""

    prefix: str
    storage_state: str | None = None  # a file path
    cookies: tuple[dict[str, Any], ...] = ()  # Playwright cookie objects (from either setting)

    @property
    def configured(self) -> bool:
        return bool(self.storage_state or self.cookies)

    def cookie_header(self, url: str) -> str | None:
        """The ``Cookie`` header for ``url``: only the session's cookies whose domain matches
        its host, so that a session never leaks to another site."""
        host = (urlsplit(url).hostname or "").lower()
        pairs = [
            f"{c['name']}={c['value']}"
            for c in self.cookies
            if _domain_matches(host, str(c.get("domain") or ""))
        ]
        return "; ".join(pairs) or None

    def context_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for ``browser.new_context`` (scrapy-playwright context kwargs)."""
        if self.storage_state:
            return {"storage_state": self.storage_state}
        if self.cookies:
            return {"storage_state": {"cookies": [dict(c) for c in self.cookies], "origins": []}}
        return {}

    def describe(self) -> str:
        """For logs: where the session comes from, never its values."""
        if self.storage_state:
            return f"{self.prefix}_STORAGE_STATE={self.storage_state}"
        if self.cookies:
            return f"{self.prefix}_COOKIES ({len(self.cookies)} cookies)"
        return "no session"

    @classmethod
    def from_settings(cls, settings: BaseSettings, prefix: str, base_url: str) -> BrowserSession:
        state = settings.get(f"{prefix}_STORAGE_STATE") or None
        raw = settings.get(f"{prefix}_COOKIES") or None
        if state and raw:
            raise ConfigError(f"set {prefix}_STORAGE_STATE or {prefix}_COOKIES, not both")
        if state:
            path = Path(state)
            if not path.is_file():
                raise ConfigError(f"{prefix}_STORAGE_STATE: no such file: {path}")
            try:
                data = json.loads(path.read_text("utf-8"))
            except ValueError as exc:
                raise ConfigError(f"{prefix}_STORAGE_STATE: not a JSON file: {exc}") from exc
            if not isinstance(data, dict) or not isinstance(data.get("cookies"), list):
                raise ConfigError(
                    f"{prefix}_STORAGE_STATE: not a Playwright storage state (no 'cookies' list)"
                )
            cookies = tuple(
                c for c in data["cookies"] if isinstance(c, dict) and "name" in c and "value" in c
            )
            return cls(prefix=prefix, storage_state=str(path), cookies=cookies)
        if raw is None:
            return cls(prefix=prefix)
        domain = settings.get(f"{prefix}_COOKIE_DOMAIN") or cookie_domain(base_url)
        return cls._from_cookies(prefix, raw, domain)

    @classmethod
    def _from_cookies(cls, prefix: str, raw: Any, domain: str) -> BrowserSession:
        setting = f"{prefix}_COOKIES"
        if isinstance(raw, str) and raw.strip().endswith(".json") and Path(raw.strip()).is_file():
            raw = json.loads(Path(raw.strip()).read_text("utf-8"))
        elif isinstance(raw, str) and raw.strip().startswith(("{", "[")):
            try:
                raw = json.loads(raw)
            except ValueError as exc:
                raise ConfigError(f"{setting}: invalid JSON: {exc}") from exc
        if isinstance(raw, str):
            raw = _parse_cookie_header(raw, setting)
        if isinstance(raw, dict):
            raw = [
                {"name": k, "value": str(v), "domain": domain, "path": "/"} for k, v in raw.items()
            ]
        if not isinstance(raw, list) or not all(
            isinstance(c, dict) and "name" in c and "value" in c for c in raw
        ):
            raise ConfigError(f"{setting}: expected 'a=1; b=2', a JSON object or a list of cookies")
        cookies = tuple(
            {
                "name": str(c["name"]),
                "value": str(c["value"]),
                "domain": c.get("domain") or domain,
                "path": c.get("path") or "/",
            }
            for c in raw
        )
        return cls(prefix=prefix, cookies=cookies)
