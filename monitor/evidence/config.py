"""The evidence settings, read and checked in one place."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from monitor.config import ConfigError

DEFAULT_STORE = "data/evidence"
DEFAULT_RAW_STORE = "data/evidence-raw"


def _bool(settings: Mapping[str, Any], name: str, default: bool) -> bool:
    value = settings.get(name)
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"{name} must be a boolean (True/False), got {value!r}")


def _default_base(settings: Mapping[str, Any]) -> str:
    # Beside the embedded store (``data/`` by default; a test's temporary folder in tests);
    # with Elasticsearch, ``data/``.
    sqlite = settings.get("MONITOR_SQLITE_PATH")
    if sqlite and not settings.get("ELASTICSEARCH_URL"):
        return str(Path(str(sqlite)).parent)
    return "data"


def _same_place(a: str, b: str) -> bool:
    if "://" in a or "://" in b:
        return a.rstrip("/") == b.rstrip("/")
    return Path(a).resolve() == Path(b).resolve()


@dataclass(frozen=True)
class EvidenceConfig:
    """``MONITOR_EVIDENCE_*`` settings.

    - ``MONITOR_EVIDENCE_ENABLED`` (True): files for offers; off, every listing gets hashes only.
    - ``MONITOR_EVIDENCE_STORE`` (``evidence/`` beside the SQLite store, so ``data/evidence``;
      ``data/evidence`` with Elasticsearch): redacted snapshot and screenshot; a folder or any
      Scrapy files-store URI (``s3://bucket/prefix/`` with the ``AWS_*`` settings).
    - ``MONITOR_EVIDENCE_RAW_WARC`` (True): keep the untouched exchange as a WARC record. It holds
      the data subjects' personal data, so it goes to a separate, access-controlled store:
    - ``MONITOR_EVIDENCE_RAW_STORE`` (``evidence-raw/`` beside the evidence default): folders
      0700, files 0600; must differ from ``MONITOR_EVIDENCE_STORE``.
    - ``MONITOR_EVIDENCE_SCREENSHOTS`` (True): screenshots at all.
    - ``MONITOR_EVIDENCE_RENDER`` (True): also render pages fetched without a browser (pages
      fetched with Playwright always get a screenshot). On by default: every offer needs a
      screenshot for a takedown, and offers are few (about 0.3 s each on two cores).
    - ``MONITOR_EVIDENCE_RENDER_TIMEOUT`` (20 seconds), ``MONITOR_EVIDENCE_MAX_HEIGHT`` (15000
      pixels: longer pages are cut, and the file entry says so).
    """

    enabled: bool = True
    store: str = DEFAULT_STORE
    raw_warc: bool = True
    raw_store: str = DEFAULT_RAW_STORE
    screenshots: bool = True
    render_all: bool = True
    render_timeout: float = 20.0
    max_height: int = 15000

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> EvidenceConfig:
        base = _default_base(settings)
        store = str(settings.get("MONITOR_EVIDENCE_STORE") or f"{base}/evidence")
        raw_store = str(settings.get("MONITOR_EVIDENCE_RAW_STORE") or f"{base}/evidence-raw")
        raw_warc = _bool(settings, "MONITOR_EVIDENCE_RAW_WARC", True)
        if raw_warc and _same_place(store, raw_store):
            raise ConfigError(
                "MONITOR_EVIDENCE_RAW_STORE must differ from MONITOR_EVIDENCE_STORE: the raw WARC "
                f"holds personal data and is kept apart (both are {store!r})"
            )
        try:
            timeout = float(settings.get("MONITOR_EVIDENCE_RENDER_TIMEOUT") or 20.0)
            max_height = int(settings.get("MONITOR_EVIDENCE_MAX_HEIGHT") or 15000)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"MONITOR_EVIDENCE_RENDER_TIMEOUT / _MAX_HEIGHT: {exc}") from exc
        if timeout <= 0:
            raise ConfigError(f"MONITOR_EVIDENCE_RENDER_TIMEOUT must be > 0, got {timeout}")
        if max_height < 500:
            raise ConfigError(f"MONITOR_EVIDENCE_MAX_HEIGHT must be >= 500, got {max_height}")
        return cls(
            enabled=_bool(settings, "MONITOR_EVIDENCE_ENABLED", True),
            store=store,
            raw_warc=raw_warc,
            raw_store=raw_store,
            screenshots=_bool(settings, "MONITOR_EVIDENCE_SCREENSHOTS", True),
            render_all=_bool(settings, "MONITOR_EVIDENCE_RENDER", True),
            render_timeout=timeout,
            max_height=max_height,
        )
