from __future__ import annotations

from monitor.documents import listing_to_document, merge_documents
from monitor.items import Listing, stable_listing_id


def _listing(**kw) -> Listing:
    base = dict(
        platform="taobao",
        url="http://x/item.htm?id=1",
        title="t",
        text="x",
        native_id="1",
        price_text="30.00",
        fetched_at="2026-11-01T00:00:00+00:00",
    )
    base.update(kw)
    item = Listing(**base)
    item.analysis = {
        "is_offer": True,
        "score": 0.9,
        "unit_price": {"amount": 0.3, "currency": "CNY"},
        "contacts": [{"type": "qq", "value": "123456"}],
        "sources": ["58.com"],
    }
    return item


def test_stable_id_prefers_native_id_and_falls_back_to_canonical_url() -> None:
    assert stable_listing_id("taobao", "42", "http://a/?x=1") == "taobao:42"
    a = stable_listing_id("paste", None, "http://a/p?b=2&a=1#frag")
    b = stable_listing_id("paste", None, "http://a/p?a=1&b=2")
    assert a == b and a.startswith("paste:url:")


def test_document_carries_analysis_and_contact_values() -> None:
    doc = listing_to_document(_listing())
    assert doc["id"] == "taobao:1"
    assert doc["contact_values"] == ["qq:123456"]
    assert doc["first_seen"] == doc["last_seen"] == "2026-11-01T00:00:00+00:00"
    assert doc["price_history"] == [
        {
            "at": "2026-11-01T00:00:00+00:00",
            "price_text": "30.00",
            "unit_price": 0.3,
            "currency": "CNY",
        }
    ]


def test_merge_keeps_first_seen_and_grows_history_only_on_price_change() -> None:
    first = listing_to_document(_listing())
    same = listing_to_document(_listing(fetched_at="2026-11-02T00:00:00+00:00", title="new title"))
    merged = merge_documents(first, same)
    assert merged["first_seen"] == "2026-11-01T00:00:00+00:00"
    assert merged["last_seen"] == "2026-11-02T00:00:00+00:00"
    assert merged["title"] == "new title"
    assert merged["seen_count"] == 2
    assert len(merged["price_history"]) == 1

    cheaper = listing_to_document(
        _listing(fetched_at="2026-11-03T00:00:00+00:00", price_text="20.00")
    )
    merged = merge_documents(merged, cheaper)
    assert [h["price_text"] for h in merged["price_history"]] == ["30.00", "20.00"]
    assert merged["seen_count"] == 3


def test_merge_is_idempotent_for_a_replayed_capture_and_safe_for_a_late_one() -> None:
    # The spool may replay a batch Elasticsearch had partly written before a disconnect.
    first = listing_to_document(_listing())
    second = listing_to_document(
        _listing(fetched_at="2026-11-03T00:00:00+00:00", price_text="20.00", title="newer")
    )
    merged = merge_documents(first, second)
    assert merge_documents(merged, second) == merged  # the same capture again: no change
    # A capture from between the two, replayed late, counts as a sighting but does not
    # overwrite the newer description; its price goes into the history at its time.
    late = listing_to_document(
        _listing(fetched_at="2026-11-02T00:00:00+00:00", price_text="25.00", title="older")
    )
    after = merge_documents(merged, late)
    assert after["title"] == "newer" and after["last_seen"] == "2026-11-03T00:00:00+00:00"
    assert after["seen_count"] == 3
    assert [h["price_text"] for h in after["price_history"]] == ["30.00", "25.00", "20.00"]
    assert merge_documents(after, late) == after
