"""Stored documents: built from a ``Listing``, merged on re-crawl. One shape for every store.

The merge rules are the upsert contract: ``first_seen`` is kept, ``last_seen`` and the
analysis follow the newest crawl, and the price history grows only when the price changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from w3lib.url import canonicalize_url

if TYPE_CHECKING:
    from monitor.items import Listing

# Fields that describe the listing as last seen; a re-crawl replaces them.
_REPLACED_ON_UPDATE = (
    "url", "canonical_url", "title", "text", "native_id", "price_text", "seller", "seller_id",
    "posted_at", "found_on", "rank", "page", "keyword", "fetched_at", "extra", "analysis",
    "is_offer", "score", "signals", "unit_price", "tiers", "volume_records", "sources",
    "categories", "contacts", "contact_values", "severity", "severity_label", "evidence",
    "redactions",
)  # fmt: skip


def _price_entry(doc: dict[str, Any]) -> dict[str, Any]:
    price = doc.get("unit_price") or {}
    return {
        "at": doc["fetched_at"],
        "price_text": doc.get("price_text"),
        "unit_price": price.get("amount"),
        "currency": price.get("currency"),
    }


# Capture times remembered per listing (newest kept) to recognise a replayed capture.
_CAPTURES_KEPT = 64


def _same_price(a: dict[str, Any], b: dict[str, Any]) -> bool:
    keys = ("price_text", "unit_price", "currency")
    return all(a.get(k) == b.get(k) for k in keys)


def listing_to_document(listing: Listing) -> dict[str, Any]:
    """The document a first sighting of ``listing`` creates."""
    analysis = listing.analysis or {}
    contacts = analysis.get("contacts") or []
    doc: dict[str, Any] = {
        "id": listing.listing_id,
        "platform": listing.platform,
        "native_id": listing.native_id,
        "url": listing.url,
        "canonical_url": canonicalize_url(listing.url),
        "title": listing.title,
        "text": listing.text,
        "price_text": listing.price_text,
        "seller": listing.seller,
        "seller_id": listing.seller_id,
        "posted_at": listing.posted_at,
        "found_on": listing.found_on,
        "rank": listing.rank,
        "page": listing.page,
        "keyword": listing.keyword,
        "fetched_at": listing.fetched_at,
        "first_seen": listing.fetched_at,
        "last_seen": listing.fetched_at,
        "seen_count": 1,
        "captures": [listing.fetched_at],
        "extra": listing.extra,
        "is_offer": bool(analysis.get("is_offer", False)),
        "score": analysis.get("score"),
        "signals": analysis.get("signals") or [],
        "unit_price": analysis.get("unit_price"),
        "tiers": analysis.get("tiers") or [],
        "volume_records": analysis.get("volume_records"),
        "sources": analysis.get("sources") or [],
        "categories": analysis.get("categories") or [],
        "contacts": contacts,
        "contact_values": [f"{c['type']}:{c['value']}" for c in contacts],
        "severity": analysis.get("severity", 0),
        "severity_label": analysis.get("severity_label", "none"),
        "evidence": listing.evidence,
        "redactions": listing.redactions,
        "takedown": None,
    }
    doc["price_history"] = [_price_entry(doc)]
    return doc


def merge_documents(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """The stored document after ``new`` (a fresh sighting) meets ``old`` (what is stored).

    Idempotent and order-safe, because the Elasticsearch spool may replay a batch that was
    partly written before the connection dropped, or replay it after a newer crawl: a
    sighting whose capture time is stored already changes nothing (``seen_count`` counts
    distinct capture times among the last 64), and an older one never overwrites the newer
    description."""
    stored_last = old.get("last_seen") or ""
    captures = list(old.get("captures") or {stored_last, old.get("first_seen") or ""} - {""})
    if new["last_seen"] in captures:
        return old
    merged = dict(old)
    merged["captures"] = sorted([*captures, new["last_seen"]])[-_CAPTURES_KEPT:]
    older = new["last_seen"] < stored_last
    if not older:
        for key in _REPLACED_ON_UPDATE:
            if key in new:
                merged[key] = new[key]
    merged["first_seen"] = min(old.get("first_seen") or new["first_seen"], new["first_seen"])
    merged["last_seen"] = max(stored_last or new["last_seen"], new["last_seen"])
    merged["seen_count"] = int(old.get("seen_count") or 1) + 1
    history = list(old.get("price_history") or [])
    entry = _price_entry(new)
    if older:
        # A late replay: its price goes in at its time unless the entry before says the same.
        before = [h for h in history if (h.get("at") or "") < entry["at"]]
        if not before or not _same_price(before[-1], entry):
            history.insert(len(before), entry)
    elif not history or not _same_price(history[-1], entry):
        history.append(entry)
    merged["price_history"] = history
    takedown = old.get("takedown") or {}
    removed_at = takedown.get("removed_at") or ""
    if takedown.get("status") == "removed" and new["last_seen"] > removed_at:
        # Taken down, now seen again: the next export asks again, verify checks it again.
        merged["takedown"] = {**takedown, "status": "reappeared", "reappeared_at": new["last_seen"]}
    return merged
