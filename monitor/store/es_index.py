"""The Elasticsearch index design: template, mappings, index names behind the write alias.

Every analysis component used here exists both on the project's dev/CI node (``es/``,
monitor-extras) and on a stock Elasticsearch 8.19 (``analysis-common``): the standard tokenizer
splits Han characters one by one, ``cjk_width`` folds full-width Latin and half-width kana,
``cjk_bigram`` joins adjacent CJK characters into overlapping bigrams. No ICU, no plugins.

The listing documents are stored exactly as ``monitor.documents`` builds them; the mapping is
explicit (``dynamic: false``: a field added to documents later is kept in ``_source`` and can be
indexed by a mapping change plus ``monitor es reindex``, never guessed).
"""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any

# Bump when the mapping or analysis changes; ``monitor es setup`` then says to reindex.
MAPPING_VERSION = 1
FIRST_SUFFIX = "000001"

_TEXT_ANALYZER = "monitor_text"
ANALYSIS: dict[str, Any] = {
    "analyzer": {
        _TEXT_ANALYZER: {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["cjk_width", "lowercase", "cjk_bigram"],
        }
    },
}

# Dates a page may print (posted_at is whatever the page said: "2026-11-05 22:10", "3天前"...).
_LOOSE_DATES = (
    "strict_date_optional_time||yyyy-MM-dd HH:mm:ss||yyyy-MM-dd HH:mm||yyyy-MM-dd||yyyy/MM/dd HH:mm"
    "||yyyy/MM/dd||epoch_second"
)


def _text(ignore_above: int = 1024) -> dict[str, Any]:
    return {
        "type": "text",
        "analyzer": _TEXT_ANALYZER,
        "fields": {"keyword": {"type": "keyword", "ignore_above": ignore_above}},
    }


def _kw(ignore_above: int = 1024) -> dict[str, Any]:
    return {"type": "keyword", "ignore_above": ignore_above}


_DATE: dict[str, Any] = {"type": "date"}

LISTING_PROPERTIES: dict[str, Any] = {
    "id": _kw(),
    "platform": _kw(),
    "native_id": _kw(),
    "url": _kw(4096),
    "canonical_url": _kw(4096),
    "title": _text(),
    "text": {"type": "text", "analyzer": _TEXT_ANALYZER},
    "price_text": _kw(256),
    "seller": _text(256),
    "seller_id": _kw(),
    # What the page printed, kept verbatim; .date holds it when it parses as a date.
    "posted_at": {
        "type": "keyword",
        "ignore_above": 256,
        "fields": {"date": {"type": "date", "format": _LOOSE_DATES, "ignore_malformed": True}},
    },
    "found_on": _kw(4096),
    "rank": {"type": "integer"},
    "page": {"type": "integer"},
    "keyword": _kw(),
    "fetched_at": _DATE,
    "first_seen": _DATE,
    "last_seen": _DATE,
    "seen_count": {"type": "integer"},
    "extra": {"type": "flattened", "ignore_above": 1024},
    "is_offer": {"type": "boolean"},
    "score": {"type": "float"},
    "signals": _kw(),
    "unit_price": {"properties": {"amount": {"type": "double"}, "currency": _kw(16)}},
    "tiers": {"properties": {"min_records": {"type": "long"}, "unit_price": {"type": "double"}}},
    "volume_records": {"type": "long"},
    "sources": _kw(),
    "categories": _kw(),
    "contacts": {"properties": {"type": _kw(), "value": _kw()}},
    "contact_values": _kw(),
    "severity": {"type": "byte"},
    "severity_label": _kw(),
    "evidence": {
        "properties": {
            "page_url": _kw(4096),
            "page_status": {"type": "short"},
            "page_sha256": _kw(64),
            "page_bytes": {"type": "long"},
            "captured_at": _DATE,
            "rendered": {"type": "boolean"},
            "files": {
                "properties": {
                    "name": _kw(),
                    "kind": _kw(),
                    "sha256": _kw(64),
                    "bytes": {"type": "long"},
                    "captured_at": _DATE,
                    "restricted": {"type": "boolean"},
                }
            },
        }
    },
    "redactions": {"type": "integer"},
    "takedown": {
        "properties": {
            "status": _kw(),
            "request_id": _kw(),
            "request_ids": _kw(),
            "report_id": _kw(),
            "requested_at": _DATE,
            "reported_12377_at": _DATE,
            "verified_at": _DATE,
            "removed_at": _DATE,
            "last_seen_up_at": _DATE,
            "hours_to_takedown": {"type": "float"},
            "http_status": {"type": "short"},
            "reason": _kw(),
            "checks": {"type": "integer"},
            "reappeared_at": _DATE,
            "checked_url": _kw(4096),
            "check_sha256": _kw(64),
        }
    },
    "price_history": {
        "properties": {
            "at": _DATE,
            "price_text": _kw(256),
            "unit_price": {"type": "double"},
            "currency": _kw(16),
        }
    },
}

REQUEST_PROPERTIES: dict[str, Any] = {
    "id": _kw(),
    "kind": _kw(),
    "platform": _kw(),
    "status": _kw(),
    "created_at": _DATE,
    "closed_at": _DATE,
    "last_verified_at": _DATE,
    "listing_ids": _kw(),
    "listing_count": {"type": "integer"},
    "removed_count": {"type": "integer"},
    "still_up_count": {"type": "integer"},
    "unknown_count": {"type": "integer"},
    "recipient": _text(),
    "reporter": _text(),
    "selection": {"type": "text", "analyzer": _TEXT_ANALYZER},
}

_INDEX_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_SUFFIXED = re.compile(r"^(?P<base>.+)-(?P<n>\d{6})$")


def valid_index_name(name: str) -> bool:
    return bool(_INDEX_NAME.match(name)) and len(name) <= 200 and name not in (".", "..")


def index_pattern(alias: str) -> str:
    """The indices behind ``alias``: ``<alias>-000001``, ``<alias>-000002`` after a reindex."""
    return f"{alias}-0*"


def first_index(alias: str) -> str:
    return f"{alias}-{FIRST_SUFFIX}"


def next_index(current: str, alias: str) -> str:
    match = _SUFFIXED.match(current)
    n = int(match.group("n")) + 1 if match and match.group("base") == alias else 1
    return f"{alias}-{n:06d}"


def requests_index(alias: str) -> str:
    """Takedown requests: few, small documents; one plain index beside the listings."""
    return f"{alias}-takedown-requests"


def index_settings(shards: int = 1, replicas: int = 0) -> dict[str, Any]:
    return {"number_of_shards": shards, "number_of_replicas": replicas, "analysis": ANALYSIS}


def listing_mappings() -> dict[str, Any]:
    return {
        "dynamic": False,
        "_meta": {"managed_by": "resume-market-monitor", "mapping_version": MAPPING_VERSION},
        "properties": LISTING_PROPERTIES,
    }


def index_template(alias: str, replicas: int = 0) -> dict[str, Any]:
    """Body of ``PUT _index_template/<alias>``: every index behind the alias gets it."""
    return {
        "index_patterns": [index_pattern(alias)],
        "priority": 200,
        "template": {"settings": index_settings(replicas=replicas), "mappings": listing_mappings()},
        "_meta": {"managed_by": "resume-market-monitor", "mapping_version": MAPPING_VERSION},
    }


def requests_index_body(replicas: int = 0) -> dict[str, Any]:
    return {
        "settings": index_settings(replicas=replicas),
        "mappings": {"dynamic": False, "properties": REQUEST_PROPERTIES},
    }


def ilm_policy() -> dict[str, Any]:
    """The ILM policy shipped for clusters that have ILM (``ilm-policy.json``)."""
    text = resources.files("monitor.store").joinpath("ilm-policy.json").read_text("utf-8")
    policy: dict[str, Any] = json.loads(text)
    return policy
