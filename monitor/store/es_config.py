"""``ELASTICSEARCH_*`` settings, read once into one typed dataclass, and the client they make.

Each comes from the Scrapy settings (``-s NAME=VALUE``) or, when unset there, from the
environment variable of the same name (where credentials belong). Secrets are never logged
whole (``redacted`` shows 7 characters at most).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from monitor.config import ConfigError
from monitor.store.es_index import valid_index_name

if TYPE_CHECKING:
    from collections.abc import Mapping

    from elasticsearch import Elasticsearch

DEFAULT_INDEX = "monitor-listings"
DEFAULT_SPOOL_PATH = "data/es-spool.jsonl"

# The client logs every request at INFO and each retry with a traceback at WARNING; the store
# reports what failed itself, in one line. Set that logger's level to see them again.
_transport_log = logging.getLogger("elastic_transport")
if _transport_log.level == logging.NOTSET:
    _transport_log.setLevel(logging.ERROR)

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def redacted(secret: str | None) -> str:
    """At most the first 7 characters of a secret, for logs and error messages."""
    if not secret:
        return "(none)"
    return f"{secret[:7]}…" if len(secret) > 7 else "…"


def public_url(url: str) -> str:
    """``url`` without any ``user:password@`` part."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def _raw(settings: Mapping[str, Any], name: str) -> Any:
    """The setting, else the environment variable of the same name."""
    value = settings.get(name)
    if value is None or value == "":
        value = os.environ.get(name)
    return value


def _bool(settings: Mapping[str, Any], name: str, default: bool) -> bool:
    value = _raw(settings, name)
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ConfigError(f"{name} must be true or false, got {value!r}")


def _number(
    settings: Mapping[str, Any],
    name: str,
    default: float,
    kind: type,
    *,
    minimum: float,
    exclusive: bool = False,
) -> Any:
    value = _raw(settings, name)
    if value is None or value == "":
        return kind(default)
    try:
        number = kind(value)
    except (TypeError, ValueError):
        raise ConfigError(
            f"{name} must be a{'n integer' if kind is int else ' number'}, got {value!r}"
        ) from None
    if number < minimum or (exclusive and number == minimum):
        raise ConfigError(f"{name} must be {'>' if exclusive else '>='} {minimum:g}, got {value!r}")
    return number


@dataclass(frozen=True)
class ElasticsearchConfig:
    url: str
    index: str = DEFAULT_INDEX
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    api_key: str | None = field(default=None, repr=False)
    bulk_size: int = 500
    flush_seconds: float = 5.0
    spool_path: Path = Path(DEFAULT_SPOOL_PATH)
    verify_certs: bool = True
    ca_certs: str | None = None
    timeout: float = 30.0
    max_retries: int = 3

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> ElasticsearchConfig:
        """Read every ``ELASTICSEARCH_*`` setting; a bad value is a ``ConfigError`` naming it."""
        url = str(_raw(settings, "ELASTICSEARCH_URL") or "").strip()
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigError(
                f"ELASTICSEARCH_URL must be an http(s) URL like "
                f"http://127.0.0.1:9200, got {public_url(url)!r}"
            )
        username = _raw(settings, "ELASTICSEARCH_USERNAME") or parts.username or None
        password = _raw(settings, "ELASTICSEARCH_PASSWORD") or parts.password or None
        api_key = _raw(settings, "ELASTICSEARCH_API_KEY") or None
        if api_key and (username or password):
            raise ConfigError(
                "set either ELASTICSEARCH_API_KEY or ELASTICSEARCH_USERNAME/"
                "ELASTICSEARCH_PASSWORD, not both"
            )
        if bool(username) != bool(password):
            raise ConfigError(
                "ELASTICSEARCH_USERNAME and ELASTICSEARCH_PASSWORD go together; only one is set"
            )
        index = str(_raw(settings, "ELASTICSEARCH_INDEX") or DEFAULT_INDEX)
        if not valid_index_name(index):
            raise ConfigError(
                f"ELASTICSEARCH_INDEX must be a lowercase index name "
                f"(a-z, 0-9, - _ .), got {index!r}"
            )
        ca_certs = _raw(settings, "ELASTICSEARCH_CA_CERTS") or None
        if ca_certs and not Path(ca_certs).is_file():
            raise ConfigError(f"ELASTICSEARCH_CA_CERTS: no such file {ca_certs!r}")
        return cls(
            url=public_url(url),
            index=index,
            username=username,
            password=password,
            api_key=api_key,
            bulk_size=_number(settings, "ELASTICSEARCH_BULK_SIZE", 500, int, minimum=1),
            flush_seconds=_number(
                settings, "ELASTICSEARCH_FLUSH_SECONDS", 5.0, float, minimum=0, exclusive=True
            ),
            spool_path=Path(_raw(settings, "ELASTICSEARCH_SPOOL_PATH") or DEFAULT_SPOOL_PATH),
            verify_certs=_bool(settings, "ELASTICSEARCH_VERIFY_CERTS", True),
            ca_certs=ca_certs,
            timeout=_number(
                settings, "ELASTICSEARCH_TIMEOUT", 30.0, float, minimum=0, exclusive=True
            ),
            max_retries=_number(settings, "ELASTICSEARCH_MAX_RETRIES", 3, int, minimum=0),
        )

    def describe_credentials(self) -> str:
        if self.api_key:
            return f"API key {redacted(self.api_key)}"
        if self.username:
            return f"user {self.username!r}"
        return "no credentials"

    def client(self, max_retries: int | None = None) -> Elasticsearch:
        from elasticsearch import Elasticsearch
        from elasticsearch.serializer import OrjsonSerializer

        kwargs: dict[str, Any] = {}
        if self.api_key:
            kwargs["api_key"] = self.api_key
        elif self.username and self.password:
            kwargs["basic_auth"] = (self.username, self.password)
        if self.url.startswith("https:"):
            kwargs["verify_certs"] = self.verify_certs
            if self.ca_certs:
                kwargs["ca_certs"] = self.ca_certs
        return Elasticsearch(
            self.url,
            request_timeout=self.timeout,
            max_retries=self.max_retries if max_retries is None else max_retries,
            retry_on_timeout=True,
            # 429 is retried with back-off by the bulk helper, not at once by the transport.
            retry_on_status=(502, 503, 504),
            # Serializing bulk bodies is most of the Python time of an upsert; orjson is ~5x
            # faster than json and, being stricter, refuses what JSON cannot hold.
            serializer=OrjsonSerializer(),
            **kwargs,
        )
