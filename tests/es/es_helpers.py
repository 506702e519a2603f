"""Helpers of the Elasticsearch tests: names under the session prefix, settings."""

from __future__ import annotations

import itertools
import uuid

SESSION = f"test-{uuid.uuid4().hex[:8]}"
_counter = itertools.count(1)


def new_alias() -> str:
    return f"{SESSION}-{next(_counter)}"


def es_settings(es_url: str, alias: str, **extra: object) -> dict[str, object]:
    return {"ELASTICSEARCH_URL": es_url, "ELASTICSEARCH_INDEX": alias, **extra}
