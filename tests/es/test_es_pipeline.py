"""The Elasticsearch pipeline against the real node, through a proxy that can fail."""

from __future__ import annotations

import json
import logging
import time

import pytest
import pytest_twisted
from es_helpers import FlakyProxy, es_settings, new_alias
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import deferred_from_coro
from scrapy.utils.test import get_crawler
from twisted.internet import reactor, task

from monitor.items import Listing
from monitor.store import StoreError
from monitor.store.elasticsearch import ElasticsearchStore
from monitor.store.es_admin import setup
from pipelines.elasticsearch import ElasticsearchPipeline
from pipelines.store import StorePipeline


def run(coro):
    """Pipeline coroutines run on the asyncio loop, as Scrapy runs them."""
    return deferred_from_coro(coro)


def _listing(n: int, when: str = "2026-11-01T00:00:00+00:00", volume: object = 1000) -> Listing:
    item = Listing(
        platform="paste",
        url=f"http://x/{n}",
        title=f"简历 {n}",
        text="出售简历",
        native_id=str(n),
        fetched_at=when,
    )
    item.analysis = {
        "is_offer": True,
        "score": 0.9,
        "sources": ["58.com"],
        "volume_records": volume,
    }
    return item


@pytest.fixture
def alias(es_url):
    name = new_alias()
    with ElasticsearchStore.from_settings(es_settings(es_url, name), check=False) as store:
        setup(store)
        yield name
        store.client.indices.delete(index=f"{name}*", ignore_unavailable=True)
        store.client.indices.delete_index_template(name=name)


@pytest.fixture
def proxy(es_url):
    p = FlakyProxy(es_url)
    yield p
    p.down()


def _pipeline(url: str, alias: str, tmp_path, **extra) -> ElasticsearchPipeline:
    options = {
        "ELASTICSEARCH_BULK_SIZE": 10,
        "ELASTICSEARCH_FLUSH_SECONDS": 0.2,
        "ELASTICSEARCH_MAX_RETRIES": 0,
        "ELASTICSEARCH_TIMEOUT": 5,
        "ELASTICSEARCH_SPOOL_PATH": str(tmp_path / "spool.jsonl"),
        **extra,
    }
    settings = es_settings(url, alias, **options)
    crawler = get_crawler(settings_dict=settings)
    crawler.stats.open_spider()
    return ElasticsearchPipeline.from_crawler(crawler)


def _count(es_url: str, alias: str) -> int:
    with ElasticsearchStore.from_settings(es_settings(es_url, alias)) as store:
        store.refresh()
        return store.count()


def _stat(pipe: ElasticsearchPipeline, key: str) -> int:
    return int(pipe.stats.get_value(key, 0))


@pytest_twisted.ensureDeferred
async def test_node_going_away_mid_crawl_loses_nothing(es_url, alias, proxy, tmp_path) -> None:
    pipe = _pipeline(proxy.url, alias, tmp_path)
    await run(pipe.open_spider())
    for n in range(30):
        await run(pipe.process_item(_listing(n)))
    await run(pipe.flush())  # 30 stored (writes run in the background)
    proxy.down()  # the node is gone: 40 more listings, then the spider closes
    for n in range(30, 70):
        await run(pipe.process_item(_listing(n)))
    await run(pipe.close_spider())
    assert _stat(pipe, "elasticsearch/indexed") == 30
    assert _stat(pipe, "elasticsearch/spooled") == 40
    assert _stat(pipe, "store/errors") == 0
    spooled = (tmp_path / "spool.jsonl").read_text("utf-8").splitlines()
    assert sorted(json.loads(line)["id"] for line in spooled) == sorted(
        f"paste:{n}" for n in range(30, 70)
    )
    assert _count(es_url, alias) == 30

    proxy.up()  # the next run replays the spool first, then crawls on
    pipe = _pipeline(proxy.url, alias, tmp_path)
    await run(pipe.open_spider())
    assert _stat(pipe, "elasticsearch/replayed") == 40
    for n in range(60, 80):
        await run(pipe.process_item(_listing(n, when="2026-11-02T00:00:00+00:00")))
    await run(pipe.close_spider())
    assert not (tmp_path / "spool.jsonl").exists()
    assert _count(es_url, alias) == 80
    with ElasticsearchStore.from_settings(es_settings(es_url, alias)) as store:
        assert store.get("paste:65")["seen_count"] == 2
        assert store.get("paste:65")["first_seen"] == "2026-11-01T00:00:00+00:00"
        assert store.get("paste:75")["seen_count"] == 1


@pytest_twisted.ensureDeferred
async def test_spool_is_replayed_as_soon_as_the_node_is_back(
    es_url, alias, proxy, tmp_path
) -> None:
    # Batches by count only (no timer in the way), so each step below is one batch.
    pipe = _pipeline(proxy.url, alias, tmp_path, ELASTICSEARCH_FLUSH_SECONDS=600)
    await run(pipe.open_spider())
    proxy.down()
    for n in range(20):
        await run(pipe.process_item(_listing(n)))
    await run(pipe.flush())  # writes run in the background: wait for them
    assert _stat(pipe, "elasticsearch/spooled") == 20
    proxy.up()
    for n in range(20, 30):
        await run(pipe.process_item(_listing(n)))
    await run(pipe.flush())
    assert _stat(pipe, "elasticsearch/replayed") == 20
    await run(pipe.close_spider())
    assert _count(es_url, alias) == 30


@pytest_twisted.ensureDeferred
async def test_429_is_retried_with_back_off(es_url, alias, proxy, tmp_path) -> None:
    proxy.bulk_429 = 2
    pipe = _pipeline(proxy.url, alias, tmp_path, ELASTICSEARCH_MAX_RETRIES=3)
    await run(pipe.open_spider())
    for n in range(10):
        await run(pipe.process_item(_listing(n)))
    await run(pipe.close_spider())
    assert proxy.served_429 == 2
    assert _stat(pipe, "elasticsearch/indexed") == 10
    assert _stat(pipe, "elasticsearch/spooled") == 0
    assert _count(es_url, alias) == 10


@pytest_twisted.ensureDeferred
async def test_rejected_documents_are_counted_by_reason_and_logged(
    es_url, alias, tmp_path, caplog
) -> None:
    pipe = _pipeline(es_url, alias, tmp_path)
    await run(pipe.open_spider())
    with caplog.at_level(logging.ERROR, logger="pipelines.elasticsearch"):
        await run(pipe.process_item(_listing(1, volume="lots")))
        for n in range(2, 5):
            await run(pipe.process_item(_listing(n)))
        await run(pipe.close_spider())
    assert _stat(pipe, "elasticsearch/errors/document_parsing_exception") == 1
    assert _stat(pipe, "store/errors") == 1
    assert _stat(pipe, "elasticsearch/indexed") == 3
    assert "could not index listing paste:1: document_parsing_exception" in caplog.text


@pytest_twisted.ensureDeferred
async def test_writes_do_not_block_the_reactor(es_url, alias, proxy, tmp_path) -> None:
    proxy.bulk_delay = 1.0
    ticks = []
    loop = task.LoopingCall(lambda: ticks.append(1))
    pipe = _pipeline(proxy.url, alias, tmp_path)
    await run(pipe.open_spider())
    loop.start(0.05)
    started = time.monotonic()
    for n in range(10):  # the 10th fills the batch: a bulk request that takes 1 s
        await run(pipe.process_item(_listing(n)))
    await run(pipe.flush())
    loop.stop()
    assert time.monotonic() - started >= 1.0
    await run(pipe.close_spider())
    assert len(ticks) >= 10  # the reactor went on ticking during the slow write


@pytest_twisted.ensureDeferred
async def test_unreachable_node_at_start_is_one_clear_error(
    es_url, alias, tmp_path, caplog
) -> None:
    pipe = _pipeline("http://127.0.0.1:9", alias, tmp_path)
    with pytest.raises(StoreError, match=r"cannot reach Elasticsearch at http://127\.0\.0\.1:9"):
        await run(pipe.open_spider())


def test_exactly_one_store_pipeline_is_active(es_url, tmp_path) -> None:
    with_es = get_crawler(settings_dict={"ELASTICSEARCH_URL": es_url})
    without = get_crawler(
        settings_dict={"ELASTICSEARCH_URL": "", "MONITOR_SQLITE_PATH": str(tmp_path / "s.sqlite3")}
    )
    with pytest.raises(NotConfigured):
        StorePipeline.from_crawler(with_es)
    with pytest.raises(NotConfigured):
        ElasticsearchPipeline.from_crawler(without)
    assert isinstance(StorePipeline.from_crawler(without), StorePipeline)
    assert isinstance(ElasticsearchPipeline.from_crawler(with_es), ElasticsearchPipeline)


@pytest_twisted.ensureDeferred
async def test_a_partial_batch_is_written_after_flush_seconds(es_url, alias, tmp_path) -> None:
    pipe = _pipeline(
        es_url, alias, tmp_path, ELASTICSEARCH_BULK_SIZE=100, ELASTICSEARCH_FLUSH_SECONDS=0.2
    )
    await run(pipe.open_spider())
    for n in range(5):
        await run(pipe.process_item(_listing(n)))
    assert _stat(pipe, "elasticsearch/indexed") == 0  # not yet: the batch is not full
    await task.deferLater(reactor, 1.0, lambda: None)
    assert _stat(pipe, "elasticsearch/indexed") == 5  # the timer wrote it, the spider still open
    await run(pipe.close_spider())


@pytest_twisted.ensureDeferred
async def test_a_document_that_cannot_be_sent_is_kept_aside_not_blocking_others(
    es_url, alias, tmp_path
) -> None:
    pipe = _pipeline(es_url, alias, tmp_path, ELASTICSEARCH_BULK_SIZE=5)
    await run(pipe.open_spider())
    bad = _listing(3)
    bad.extra = {"raw": object()}  # no JSON for it: the whole bulk request is refused
    for n in range(5):
        await run(pipe.process_item(bad if n == 3 else _listing(n)))
    await run(pipe.close_spider())
    assert _stat(pipe, "elasticsearch/indexed") == 4
    assert _stat(pipe, "elasticsearch/errors/request_refused") == 1
    assert _stat(pipe, "elasticsearch/spooled") == 0
    rejected = (tmp_path / "spool.rejected.jsonl").read_text("utf-8").splitlines()
    assert [json.loads(line)["id"] for line in rejected] == ["paste:3"]
    assert _count(es_url, alias) == 4
