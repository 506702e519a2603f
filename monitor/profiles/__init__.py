"""Site profiles for the generic spider: YAML files that describe a forum or shop by its URLs and
selectors, so that a user adds a site without writing code.

A profile is validated when it is loaded; an error names the file and the bad key
(``douban_group.yaml: listing.fields.titel: unknown key``). The shipped profiles live in this
package; ``GENERIC_PROFILES_DIR`` adds a folder of the user's own. See ``SCHEMA`` below and the
README section "Crawling real sites".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta, timezone
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml
from cssselect import SelectorError
from lxml.etree import XPathError
from parsel import Selector

from monitor.config import ConfigError

# A selector is CSS (with parsel's ::text / ::attr(name)) or, prefixed with "xpath:", XPath.
FIELD_NAMES = ("url", "title", "text", "price", "seller", "seller_url", "posted", "replies", "id")

_RATE_KEYS: dict[str, type | tuple[type, ...]] = {
    "download_delay": (int, float),
    "concurrent_requests_per_domain": int,
    "autothrottle": bool,
    "autothrottle_target_concurrency": (int, float),
    "autothrottle_max_delay": (int, float),
}
_BLOCK_KEYS: dict[str, type | tuple[type, ...]] = {
    "captcha_text": list,
    "captcha_url": list,
    "login_text": list,
    "login_url": list,
}
_TOP_KEYS: dict[str, type | tuple[type, ...]] = {
    "name": str,
    "platform": str,
    "description": str,
    "start_urls": list,
    "search_url": str,
    "javascript": bool,
    "encoding": str,
    "timezone": str,
    "max_pages": int,
    "listing": dict,
    "next_page": str,
    "detail": dict,
    "rate_limit": dict,
    "block": dict,
    "id_pattern": str,
    "wait_for": str,
    "session": str,
}
_LISTING_KEYS: dict[str, type | tuple[type, ...]] = {"item": str, "fields": dict}
_DETAIL_KEYS: dict[str, type | tuple[type, ...]] = {
    "fields": dict,
    "javascript": bool,
    "wait_for": str,
}
_REQUIRED_TOP = ("name", "platform", "listing")


@dataclass(frozen=True)
class RateLimit:
    download_delay: float | None = None
    concurrent_requests_per_domain: int | None = None
    autothrottle: bool | None = None
    autothrottle_target_concurrency: float | None = None
    autothrottle_max_delay: float | None = None


@dataclass(frozen=True)
class BlockMarks:
    captcha_text: tuple[str, ...] = ()
    captcha_url: tuple[str, ...] = ()
    login_text: tuple[str, ...] = ()
    login_url: tuple[str, ...] = ()

    def kind(self, url: str, text: str) -> str | None:
        if any(m in url for m in self.login_url):
            return "login_wall"
        if any(m in url for m in self.captcha_url):
            return "captcha"
        head = text[:30000]
        if any(m in head for m in self.captcha_text):
            return "captcha"
        if any(m in head for m in self.login_text):
            return "login_wall"
        return None


@dataclass(frozen=True)
class Profile:
    name: str
    platform: str
    listing_item: str
    listing_fields: dict[str, str]
    start_urls: tuple[str, ...] = ()
    search_url: str | None = None
    description: str = ""
    javascript: bool = False
    wait_for: str | None = None
    encoding: str | None = None
    tz: timezone = timezone(timedelta(hours=8))
    max_pages: int | None = None
    next_page: str | None = None
    detail_fields: dict[str, str] = field(default_factory=dict)
    detail_javascript: bool = False
    detail_wait_for: str | None = None
    id_pattern: re.Pattern[str] | None = None
    session: str | None = None  # settings prefix of a logged-in session (monitor.sessions)
    rate_limit: RateLimit = RateLimit()
    block: BlockMarks = BlockMarks()
    source: str = ""

    def start_requests_urls(self, keywords: list[str]) -> list[tuple[str, str | None]]:
        """(url, keyword) pairs: every start URL, then the search URL for every keyword."""
        pairs: list[tuple[str, str | None]] = [(u, None) for u in self.start_urls]
        if self.search_url:
            pairs += [(self.search_url.replace("{keyword}", quote(k)), k) for k in keywords]
        return pairs

    def native_id(self, url: str) -> str | None:
        if self.id_pattern is None:
            return None
        match = self.id_pattern.search(url)
        return (match.group(1) if match.groups() else match.group(0)) if match else None


def _check_keys(
    where: str, data: dict[str, Any], schema: dict[str, type | tuple[type, ...]]
) -> None:
    for key, value in data.items():
        if key not in schema:
            raise ConfigError(f"{where}{key}: unknown key (known: {', '.join(sorted(schema))})")
        expected = schema[key]
        names = (expected,) if isinstance(expected, type) else expected
        # YAML true/false is not a number, although bool is an int in Python.
        ok = isinstance(value, expected) and not (isinstance(value, bool) and bool not in names)
        if not ok:
            wanted = " or ".join(t.__name__ for t in names)
            raise ConfigError(
                f"{where}{key}: expected {wanted}, got {type(value).__name__} {value!r}"
            )


_PROBE = Selector(text="<html><body><p>probe</p></body></html>")


def check_selector(where: str, query: str) -> None:
    """Raise ConfigError naming ``where`` if ``query`` is not a valid CSS or XPath selector."""
    try:
        if query.startswith("xpath:"):
            _PROBE.xpath(query[len("xpath:") :])
        else:
            _PROBE.css(query)
    except (SelectorError, XPathError, ValueError) as exc:
        raise ConfigError(f"{where}: invalid selector {query!r}: {exc}") from exc


def _fields(where: str, raw: dict[str, Any], required: tuple[str, ...]) -> dict[str, str]:
    for key in required:
        if key not in raw:
            raise ConfigError(f"{where}{key}: missing required key")
    out = {}
    for key, query in raw.items():
        if key not in FIELD_NAMES:
            raise ConfigError(f"{where}{key}: unknown key (known: {', '.join(FIELD_NAMES)})")
        if not isinstance(query, str) or not query.strip():
            raise ConfigError(f"{where}{key}: expected a selector string, got {query!r}")
        check_selector(f"{where}{key}", query)
        out[key] = query
    return out


def _timezone(where: str, value: str) -> timezone:
    match = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", value)
    if not match:
        raise ConfigError(f"{where}timezone: expected an offset like +08:00, got {value!r}")
    sign = 1 if match.group(1) == "+" else -1
    return timezone(sign * timedelta(hours=int(match.group(2)), minutes=int(match.group(3))))


def parse_profile(data: Any, source: str) -> Profile:
    """Validate the YAML data of one profile and build it; errors name ``source`` and the key."""
    where = f"{source}: "
    if not isinstance(data, dict):
        raise ConfigError(f"{where}expected a mapping of settings, got {type(data).__name__}")
    _check_keys(where, data, _TOP_KEYS)
    for key in _REQUIRED_TOP:
        if key not in data:
            raise ConfigError(f"{where}{key}: missing required key")
    if not data.get("start_urls") and not data.get("search_url"):
        raise ConfigError(f"{where}start_urls: missing required key (or search_url)")
    if "search_url" in data and "{keyword}" not in data["search_url"]:
        raise ConfigError(
            f"{where}search_url: must contain {{keyword}}, got {data['search_url']!r}"
        )
    for url in data.get("start_urls", []):
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise ConfigError(f"{where}start_urls: expected http(s) URLs, got {url!r}")
    listing = data["listing"]
    _check_keys(f"{where}listing.", listing, _LISTING_KEYS)
    if "item" not in listing:
        raise ConfigError(f"{where}listing.item: missing required key")
    check_selector(f"{where}listing.item", listing["item"])
    fields = _fields(f"{where}listing.fields.", listing.get("fields") or {}, ("url",))
    detail = data.get("detail") or {}
    _check_keys(f"{where}detail.", detail, _DETAIL_KEYS)
    detail_fields = _fields(f"{where}detail.fields.", detail.get("fields") or {}, ())
    if data.get("next_page"):
        check_selector(f"{where}next_page", data["next_page"])
    rate = data.get("rate_limit") or {}
    _check_keys(f"{where}rate_limit.", rate, _RATE_KEYS)
    block = data.get("block") or {}
    _check_keys(f"{where}block.", block, _BLOCK_KEYS)
    for key, marks in block.items():
        if not all(isinstance(m, str) and m for m in marks):
            raise ConfigError(f"{where}block.{key}: expected a list of non-empty strings")
    try:
        id_pattern = re.compile(data["id_pattern"]) if data.get("id_pattern") else None
    except re.error as exc:
        raise ConfigError(f"{where}id_pattern: invalid regular expression: {exc}") from exc
    if data.get("max_pages") is not None and data["max_pages"] < 1:
        raise ConfigError(f"{where}max_pages: must be >= 1, got {data['max_pages']}")
    if data.get("wait_for"):
        check_selector(f"{where}wait_for", data["wait_for"])
    if "session" in data and not re.fullmatch(r"[A-Z][A-Z0-9_]*", data["session"]):
        raise ConfigError(
            f"{where}session: expected a settings prefix like TAOBAO, got {data['session']!r}"
        )
    return Profile(
        name=data["name"],
        platform=data["platform"],
        description=data.get("description", ""),
        start_urls=tuple(data.get("start_urls") or ()),
        search_url=data.get("search_url"),
        javascript=data.get("javascript", False),
        wait_for=data.get("wait_for"),
        encoding=data.get("encoding"),
        tz=_timezone(where, data["timezone"])
        if "timezone" in data
        else timezone(timedelta(hours=8)),
        max_pages=data.get("max_pages"),
        listing_item=listing["item"],
        listing_fields=fields,
        next_page=data.get("next_page"),
        detail_fields=detail_fields,
        detail_javascript=bool(detail.get("javascript", data.get("javascript", False))),
        detail_wait_for=detail.get("wait_for"),
        id_pattern=id_pattern,
        session=data.get("session"),
        rate_limit=RateLimit(**rate),
        block=BlockMarks(**{k: tuple(v) for k, v in block.items()}),
        source=source,
    )


def load_profile_file(path: Path) -> Profile:
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path.name}: not valid YAML: {exc}") from exc
    profile = parse_profile(data, path.name)
    if profile.name != path.stem:
        raise ConfigError(f"{path.name}: name: {profile.name!r} differs from the file name")
    return profile


def shipped_profiles_dir() -> Path:
    return Path(str(resources.files("monitor.profiles")))


def find_profile(name: str, extra_dir: str | None = None) -> Profile:
    """The profile ``name``: from ``extra_dir`` (the user's) first, then the shipped ones; a
    path to a .yaml file is accepted too."""
    if name.endswith((".yaml", ".yml")) and Path(name).is_file():
        return load_profile_file(Path(name))
    dirs = ([Path(extra_dir)] if extra_dir else []) + [shipped_profiles_dir()]
    for folder in dirs:
        for suffix in (".yaml", ".yml"):
            candidate = folder / f"{name}{suffix}"
            if candidate.is_file():
                return load_profile_file(candidate)
    known = sorted({p.stem for d in dirs if d.is_dir() for p in d.glob("*.y*ml")})
    raise ConfigError(f"GENERIC_PROFILES: no profile named {name!r} (known: {', '.join(known)})")
