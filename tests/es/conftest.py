"""Integration tests against the real node at ``ELASTICSEARCH_URL``.

With ``MONITOR_REQUIRE_SERVICES=1`` (``make test``, CI) a node that cannot be reached fails
these tests; otherwise they skip, saying why. Every index, alias and template they make is
named ``test-<session>-...`` and deleted at the end of the session.
"""

from __future__ import annotations

import os

import pytest
from elasticsearch import Elasticsearch
from es_helpers import SESSION, es_settings, new_alias

from monitor.store.elasticsearch import ElasticsearchStore
from monitor.store.es_admin import setup


def _unavailable(reason: str) -> None:
    if os.environ.get("MONITOR_REQUIRE_SERVICES") == "1":
        pytest.fail(f"Elasticsearch is required (MONITOR_REQUIRE_SERVICES=1): {reason}")
    pytest.skip(f"no Elasticsearch: {reason} (make test or scripts/with-es.sh start one)")


@pytest.fixture(scope="session")
def es_url() -> str:
    url = os.environ.get("ELASTICSEARCH_URL")
    if not url:
        _unavailable("ELASTICSEARCH_URL is not set")
    client = Elasticsearch(url, request_timeout=10, max_retries=0)
    try:
        client.info()
    except Exception as exc:  # any failure means: not usable
        _unavailable(f"{url} does not answer: {type(exc).__name__}: {exc}")
    yield url
    for template in (
        client.options(ignore_status=404)
        .indices.get_index_template(name=f"{SESSION}*")
        .get("index_templates", [])
    ):
        client.indices.delete_index_template(name=template["name"])
    client.indices.delete(index=f"{SESSION}*", ignore_unavailable=True, expand_wildcards="all")
    client.close()


@pytest.fixture
def es_store(es_url):
    """A store on a fresh alias, set up (template, index, requests index)."""
    alias = new_alias()
    with ElasticsearchStore.from_settings(es_settings(es_url, alias), check=False) as store:
        setup(store)
        yield store
        store.client.indices.delete(index=f"{alias}*", ignore_unavailable=True)
        store.client.options(ignore_status=404).indices.delete_index_template(name=alias)
