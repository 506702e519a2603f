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


def test_retention_deletes_listings_not_seen_since_the_cutoff_and_keeps_requests(
    tmp_path,
) -> None:
    import subprocess
    import sys
    from pathlib import Path

    path = tmp_path / "r.sqlite3"
    with SQLiteStore(path) as store:
        store.upsert([_doc(f"old{n}", when="2026-01-01T00:00:00+00:00") for n in range(3)])
        store.upsert([_doc("new", when="2026-11-01T00:00:00+00:00")])
        # Seen again after the cutoff: kept, though first seen before it.
        store.upsert([_doc("old0", when="2026-11-02T00:00:00+00:00")])
        store.put_takedown_request(
            {
                "id": "TD-1",
                "platform": "taobao",
                "status": "open",
                "created_at": "2026-01-02T00:00:00+00:00",
                "listing_ids": ["taobao:old1"],
            }
        )
        assert store.delete_not_seen_since("2026-06-01T00:00:00+00:00", dry_run=True) == 2
        assert store.count() == 4
    monitor = Path(sys.executable).parent / "monitor"

    def retention(older_than: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(monitor), "retention", "--older-than", older_than, "--sqlite", str(path)],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )

    out = retention("2026-06-01")
    assert out.returncode == 0, out.stderr
    assert "deleted 2 listing(s) last seen before 2026-06-01T00:00:00+00:00" in out.stdout
    with SQLiteStore(path) as store:
        assert sorted(d["id"] for d in store.listings()) == ["taobao:new", "taobao:old0"]
        assert store.get_takedown_request("TD-1") is not None
    # secure_delete: the deleted listings' text is gone from the file, not only unlinked.
    assert b"http://x/old1" not in path.read_bytes()
    bad = retention("soon")
    assert bad.returncode == 2 and "--older-than: expected a duration" in bad.stderr
