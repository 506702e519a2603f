from __future__ import annotations

import hashlib

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from monitor.items import Listing, PageSnapshot
from monitor.store.sqlite import SQLiteStore
from pipelines.evidence import EvidencePipeline
from pipelines.extract import ExtractPipeline
from pipelines.redact import RedactPipeline
from pipelines.store import StorePipeline

OFFER = Listing(
    platform="tieba",
    url="http://x/p/1",
    native_id="1",
    title="出售58同城简历 0.3元一条 共20万条",
    text="58同城简历，0.3元一条，2万条以上0.2元，共20万条。样本：张** 13800001234。加QQ 12345678",
)
NOT_OFFER = Listing(
    platform="tieba",
    url="http://x/p/2",
    native_id="2",
    title="简历模板下载",
    text="精美Word简历模板，免费下载，适合应届生。",
)


def _run(coro):
    """Drive a process_item coroutine that completes without suspending (these pipelines
    do no I/O in process_item); the test reactor's event loop is already running."""
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
    raise AssertionError("process_item suspended unexpectedly")


def _crawler(**settings):
    crawler = get_crawler(settings_dict=settings)
    crawler.stats.open_spider()
    return crawler


def _copy(item: Listing) -> Listing:
    return Listing(
        **{k: getattr(item, k) for k in ("platform", "url", "native_id", "title", "text")}
    )


def test_extract_keeps_offers_and_drops_the_rest_with_a_count() -> None:
    crawler = _crawler()
    pipe = ExtractPipeline.from_crawler(crawler)
    item = _run(pipe.process_item(_copy(OFFER)))
    assert item.analysis["is_offer"] is True
    with pytest.raises(DropItem, match="not an offer"):
        _run(pipe.process_item(_copy(NOT_OFFER)))
    assert crawler.stats.get_value("monitor/offers") == 1
    assert crawler.stats.get_value("monitor/dropped/not_offer") == 1
    assert crawler.stats.get_value("monitor/listings") == 2


def test_extract_keeps_non_offers_for_review_when_asked() -> None:
    crawler = _crawler(MONITOR_KEEP_NON_OFFERS=True)
    item = _run(ExtractPipeline.from_crawler(crawler).process_item(_copy(NOT_OFFER)))
    assert item.analysis["is_offer"] is False
    assert crawler.stats.get_value("monitor/kept/not_offer") == 1


def test_min_score_setting_is_validated() -> None:
    with pytest.raises(ValueError, match="MONITOR_MIN_SCORE"):
        ExtractPipeline.from_crawler(_crawler(MONITOR_MIN_SCORE="1.5"))


def test_redact_removes_sample_row_phones_but_keeps_seller_contacts() -> None:
    crawler = _crawler()
    item = _copy(OFFER)
    item.text += " 卖家电话 13912345678"
    item.analysis = {"contacts": [{"type": "phone", "value": "13912345678"}]}
    item = _run(RedactPipeline.from_crawler(crawler).process_item(item))
    assert "13800001234" not in item.text
    assert "张**" not in item.text  # the sample row's masked name goes too
    assert "13912345678" in item.text
    assert item.redactions == 2


def test_evidence_hashes_the_page_and_drops_the_bytes() -> None:
    item = _copy(OFFER)
    item.snapshot = PageSnapshot(
        url="http://x/p/1",
        status=200,
        body=b"<html>abc</html>",
        captured_at="2026-11-01T00:00:00+00:00",
    )
    item = _run(EvidencePipeline.from_crawler(_crawler()).process_item(item))
    assert item.snapshot is None
    assert item.evidence["page_sha256"] == hashlib.sha256(b"<html>abc</html>").hexdigest()
    assert item.evidence["captured_at"] == "2026-11-01T00:00:00+00:00"


def test_store_pipeline_batches_and_flushes_on_close(tmp_path) -> None:
    crawler = _crawler(
        MONITOR_SQLITE_PATH=str(tmp_path / "s.sqlite3"),
        MONITOR_STORE_BATCH_SIZE=10,
        ELASTICSEARCH_URL="",
    )
    pipe = StorePipeline.from_crawler(crawler)
    pipe.open_spider()
    for n in range(3):
        item = _copy(OFFER)
        item.native_id = str(n)
        item.analysis = {"is_offer": True, "score": 0.9}
        _run(pipe.process_item(item))
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        assert store.count() == 0  # still buffered
    pipe.close_spider()
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        assert store.count() == 3
    assert crawler.stats.get_value("store/created") == 3
