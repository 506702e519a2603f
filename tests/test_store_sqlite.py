from __future__ import annotations

import pytest

from monitor.documents import listing_to_document
from monitor.items import Listing
from monitor.store import ListingFilter, StoreError, open_store
from monitor.store.sqlite import SQLiteStore


def _doc(
    native_id: str,
    platform: str = "taobao",
    offer: bool = True,
    sources=("58.com",),
    when: str = "2026-11-01T00:00:00+00:00",
    severity: int = 0,
) -> dict:
    item = Listing(
        platform=platform,
        url=f"http://x/{native_id}",
        title="t",
        text="x",
        native_id=native_id,
        fetched_at=when,
    )
    item.analysis = {
        "is_offer": offer,
        "score": 0.9 if offer else 0.1,
        "sources": list(sources),
        "severity": severity,
    }
    return listing_to_document(item)


@pytest.fixture
def store(tmp_path):
    with SQLiteStore(tmp_path / "s.sqlite3") as s:
        yield s


def test_upsert_creates_then_updates_without_duplicates(store) -> None:
    assert store.upsert([_doc("1"), _doc("2")]).created == 2
    result = store.upsert([_doc("1", when="2026-11-05T00:00:00+00:00")])
    assert (result.created, result.updated) == (0, 1)
    assert store.count() == 2
    doc = store.get("taobao:1")
    assert doc["first_seen"] == "2026-11-01T00:00:00+00:00"
    assert doc["last_seen"] == "2026-11-05T00:00:00+00:00"


def test_filters(store) -> None:
    store.upsert(
        [
            _doc("1"),
            _doc("2", platform="tieba", sources=("zhaopin.com",)),
            _doc("3", offer=False, sources=()),
            _doc("4", when="2026-10-01T00:00:00+00:00", severity=2),
        ]
    )
    assert store.count(ListingFilter(platform="tieba")) == 1
    assert store.count(ListingFilter(offers_only=True)) == 3
    assert {d["id"] for d in store.listings(ListingFilter(source="58.com"))} == {
        "taobao:1",
        "taobao:4",
    }
    assert store.count(ListingFilter(since="2026-10-15T00:00:00+00:00")) == 3
    assert store.count(ListingFilter(min_severity=2)) == 1
    assert [d["id"] for d in store.listings(ListingFilter(limit=1))] == ["taobao:1"]


def test_a_bad_document_is_reported_and_the_rest_stored(store) -> None:
    bad = _doc("9")
    del bad["first_seen"]
    result = store.upsert([bad, _doc("1")])
    assert result.created == 1
    assert [doc_id for doc_id, _ in result.errors] == ["taobao:9"]


def test_update_fields_and_unknown_id(store) -> None:
    store.upsert([_doc("1")])
    store.update_fields("taobao:1", {"takedown": {"status": "requested"}})
    assert store.get("taobao:1")["takedown"] == {"status": "requested"}
    with pytest.raises(StoreError):
        store.update_fields("taobao:missing", {"x": 1})


def test_open_store_defaults_to_sqlite_and_reports_unusable_path(tmp_path) -> None:
    s = open_store({"MONITOR_SQLITE_PATH": str(tmp_path / "a" / "b.sqlite3")})
    assert s.name == "sqlite"
    s.close()
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="cannot open the SQLite store"):
        open_store({"MONITOR_SQLITE_PATH": str(tmp_path / "file" / "x.sqlite3")})
