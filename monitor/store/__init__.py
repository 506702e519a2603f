"""Stores for listing documents and the choice between them.

Elasticsearch when ``ELASTICSEARCH_URL`` is set, else the embedded SQLite file at
``MONITOR_SQLITE_PATH`` (default ``data/monitor.sqlite3``).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

from monitor.store.base import ListingFilter, Store, StoreError, UpsertResult

DEFAULT_SQLITE_PATH = "data/monitor.sqlite3"

__all__ = [
    "DEFAULT_SQLITE_PATH",
    "ListingFilter",
    "Store",
    "StoreError",
    "UpsertResult",
    "open_store",
]


def open_store(settings: Mapping[str, Any]) -> Store:
    """Open the configured store. ``settings`` is Scrapy settings or any mapping."""
    url = settings.get("ELASTICSEARCH_URL")
    if url:
        es_module = importlib.import_module("monitor.store.elasticsearch")
        store: Store = es_module.ElasticsearchStore.from_settings(settings)
        return store
    from monitor.store.sqlite import SQLiteStore

    return SQLiteStore(settings.get("MONITOR_SQLITE_PATH") or DEFAULT_SQLITE_PATH)
