"""ElasticsearchStore against the real node: the same contract as the SQLite store."""

from __future__ import annotations

import threading

import pytest
from es_helpers import es_settings, new_alias

from monitor.documents import listing_to_document
from monitor.items import Listing
from monitor.store import ListingFilter, StoreError, open_store
from monitor.store.elasticsearch import ElasticsearchStore
from monitor.store.es_index import first_index


def _doc(
    native_id: str,
    *,
    platform: str = "taobao",
    offer: bool = True,
    sources=("58.com",),
    when: str = "2026-11-01T00:00:00+00:00",
    severity: int = 0,
    price: str = "30.00",
    amount: float | None = 0.3,
) -> dict:
    item = Listing(
        platform=platform,
        url=f"http://x/{native_id}",
        title="出售58同城简历",
        text="x",
        native_id=native_id,
        fetched_at=when,
        price_text=price,
    )
    item.analysis = {
        "is_offer": offer,
        "score": 0.9 if offer else 0.1,
        "sources": list(sources),
        "severity": severity,
        "unit_price": {"amount": amount, "currency": "CNY"} if amount else None,
    }
    return listing_to_document(item)


def test_upsert_creates_then_merges_keeping_first_seen_and_price_history(es_store) -> None:
    result = es_store.upsert([_doc("1"), _doc("2")])
    assert (result.created, result.updated, result.errors) == (2, 0, [])
    result = es_store.upsert(
        [_doc("1", when="2026-11-05T00:00:00+00:00", price="20.00", amount=0.2)]
    )
    assert (result.created, result.updated) == (0, 1)
    es_store.refresh()
    assert es_store.count() == 2
    doc = es_store.get("taobao:1")
    assert doc["first_seen"] == "2026-11-01T00:00:00+00:00"
    assert doc["last_seen"] == "2026-11-05T00:00:00+00:00"
    assert doc["seen_count"] == 2
    assert [h["unit_price"] for h in doc["price_history"]] == [0.3, 0.2]
    assert es_store.get("taobao:nope") is None


def test_the_same_listing_twice_in_one_batch_counts_two_sightings(es_store) -> None:
    result = es_store.upsert([_doc("1"), _doc("1", when="2026-11-02T00:00:00+00:00")])
    assert (result.created, result.updated) == (1, 1)
    assert es_store.get("taobao:1")["seen_count"] == 2


def test_concurrent_writers_lose_no_sighting(es_url, es_store) -> None:
    # Two stores (two crawls) upsert the same ids at once: optimistic concurrency makes every
    # sighting count, whoever wins each race.
    es_store.upsert([_doc(str(i)) for i in range(20)])
    other = ElasticsearchStore.from_settings(es_settings(es_url, es_store.alias))

    def run(store, day):
        for n in range(5):
            store.upsert(
                [_doc(str(i), when=f"2026-11-{day + n:02d}T00:00:00+00:00") for i in range(20)]
            )

    threads = [threading.Thread(target=run, args=(s, d)) for s, d in ((es_store, 2), (other, 10))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    other.close()
    for i in range(20):
        doc = es_store.get(f"taobao:{i}")
        assert doc["seen_count"] == 11
        assert doc["first_seen"] == "2026-11-01T00:00:00+00:00"
        assert doc["last_seen"] == "2026-11-14T00:00:00+00:00"


def test_filters_and_order(es_store) -> None:
    es_store.upsert(
        [
            _doc("1"),
            _doc("2", platform="tieba", sources=("zhaopin.com",)),
            _doc("3", offer=False, sources=()),
            _doc("4", when="2026-10-01T00:00:00+00:00", severity=2),
        ]
    )
    es_store.refresh()
    assert es_store.count(ListingFilter(platform="tieba")) == 1
    assert es_store.count(ListingFilter(offers_only=True)) == 3
    by_source = {d["id"] for d in es_store.listings(ListingFilter(source="58.com"))}
    assert by_source == {"taobao:1", "taobao:4"}
    assert es_store.count(ListingFilter(since="2026-10-15T00:00:00+00:00")) == 3
    assert es_store.count(ListingFilter(min_severity=2)) == 1
    assert [d["id"] for d in es_store.listings(ListingFilter(limit=1))] == ["taobao:1"]
    assert [d["id"] for d in es_store.listings()] == ["taobao:1", "taobao:3", "tieba:2", "taobao:4"]


def test_paging_past_one_page(es_store) -> None:
    es_store.upsert([_doc(f"{i:05d}") for i in range(2300)])
    es_store.refresh()
    ids = [d["id"] for d in es_store.listings()]
    assert len(ids) == len(set(ids)) == 2300
    assert len(list(es_store.listings(ListingFilter(limit=1500)))) == 1500
    assert es_store.count(ListingFilter(limit=1500)) == 1500


def test_odd_values_are_indexed_not_rejected(es_store) -> None:
    odd = _doc("odd")
    odd.update(
        posted_at="3天前", extra={"views": "1.2万", "nested": {"a": [1, "x"]}}, volume_records=None
    )
    iso = _doc("iso")
    iso["posted_at"] = "2026-11-05 22:10"
    result = es_store.upsert([odd, iso])
    assert result.errors == [] and result.created == 2
    es_store.refresh()
    hits = es_store.client.search(
        index=es_store.alias, query={"exists": {"field": "posted_at.date"}}
    )
    assert [h["_id"] for h in hits["hits"]["hits"]] == ["taobao:iso"]
    assert es_store.get("taobao:odd")["posted_at"] == "3天前"


def test_a_rejected_document_is_reported_with_its_reason(es_store) -> None:
    bad = _doc("bad")
    bad["volume_records"] = "lots"  # a long field: mapper_parsing_exception
    result = es_store.upsert([bad, _doc("good")])
    assert result.created == 1
    reasons = [(i, r.split(":")[0]) for i, r in result.errors]
    assert reasons == [("taobao:bad", "document_parsing_exception")]


def test_update_fields_and_takedown_requests(es_store) -> None:
    es_store.upsert([_doc("1")])
    es_store.update_fields("taobao:1", {"takedown": {"status": "requested"}})
    assert es_store.get("taobao:1")["takedown"] == {"status": "requested"}
    with pytest.raises(StoreError, match="no stored listing"):
        es_store.update_fields("taobao:missing", {"x": 1})
    # a re-crawl keeps the takedown state (merge_documents leaves it alone)
    es_store.upsert([_doc("1", when="2026-11-03T00:00:00+00:00")])
    assert es_store.get("taobao:1")["takedown"] == {"status": "requested"}

    req = {
        "id": "r1",
        "kind": "notice",
        "platform": "taobao",
        "status": "open",
        "created_at": "2026-11-05T00:00:00+00:00",
        "listing_ids": ["taobao:1"],
    }
    assert es_store.put_takedown_request(req) is True
    assert es_store.put_takedown_request(req) is False
    es_store.put_takedown_request(
        {**req, "id": "r0", "platform": "tieba", "created_at": "2026-11-01T00:00:00+00:00"}
    )
    assert [r["id"] for r in es_store.takedown_requests()] == ["r0", "r1"]
    es_store.update_takedown_request("r1", {"status": "closed"})
    assert [r["id"] for r in es_store.takedown_requests(open_only=True)] == ["r0"]
    assert [r["id"] for r in es_store.takedown_requests(platform="taobao")] == ["r1"]
    assert es_store.get_takedown_request("r1")["status"] == "closed"


def test_open_store_checks_the_setup(es_url) -> None:
    alias = new_alias()
    with pytest.raises(StoreError, match=f"no index template '{alias}': run `monitor es setup`"):
        open_store(es_settings(es_url, alias))


def test_template_mapping_is_explicit(es_store) -> None:
    index = first_index(es_store.alias)
    mapping = es_store.client.indices.get_mapping(index=index)[index]["mappings"]
    props = mapping["properties"]
    assert mapping["dynamic"] == "false"
    assert props["title"]["analyzer"] == "monitor_text"
    assert props["title"]["fields"]["keyword"]["type"] == "keyword"
    assert props["unit_price"]["properties"]["amount"]["type"] == "double"
    assert props["first_seen"]["type"] == "date"
    assert props["contact_values"]["type"] == "keyword"
    alias = es_store.client.indices.get_alias(name=es_store.alias)
    assert alias[index]["aliases"][es_store.alias]["is_write_index"] is True


def test_chinese_text_is_searchable_by_words_not_characters(es_store) -> None:
    es_store.upsert([_doc("1")])
    es_store.refresh()
    assert [d["id"] for d in es_store.search('"同城简历"')] == ["taobao:1"]
    assert list(es_store.search('"城简历出"')) == []


def test_a_replayed_batch_does_not_count_its_sightings_twice(es_store) -> None:
    # A bulk request cut by a disconnect may have written part of its batch; the spool replays
    # the whole batch on the next run. The part already written is the same capture.
    batch = [_doc(str(i), when="2026-11-05T00:00:00+00:00") for i in range(10)]
    es_store.upsert(batch[:4])
    es_store.upsert(batch)
    es_store.refresh()
    assert [es_store.get(f"taobao:{i}")["seen_count"] for i in range(10)] == [1] * 10
    es_store.upsert([_doc("0", when="2026-11-06T00:00:00+00:00")])
    assert es_store.get("taobao:0")["seen_count"] == 2
