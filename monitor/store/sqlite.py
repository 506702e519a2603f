"""The embedded store: one SQLite file, used when no Elasticsearch is configured."""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from monitor.documents import merge_documents
from monitor.store.base import ListingFilter, Store, StoreError, UpsertResult

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

logger = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS listings (
    id TEXT PRIMARY KEY,
    platform TEXT NOT NULL,
    is_offer INTEGER NOT NULL,
    severity INTEGER NOT NULL DEFAULT 0,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS listings_platform ON listings(platform);
CREATE INDEX IF NOT EXISTS listings_last_seen ON listings(last_seen);
CREATE TABLE IF NOT EXISTS takedown_requests (
    id TEXT PRIMARY KEY,
    platform TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS takedown_requests_platform ON takedown_requests(platform);
"""


class SQLiteStore(Store):
    name = "sqlite"

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path)
            self._db.execute("PRAGMA journal_mode=WAL")
            # Deleted and overwritten rows hold other people's data: zero them on disk too.
            self._db.execute("PRAGMA secure_delete=ON")
            self._db.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the SQLite store at {self.path}: {exc}") from exc

    def upsert(self, docs: Sequence[dict[str, Any]]) -> UpsertResult:
        result = UpsertResult()
        with self._db:  # one transaction per batch
            for doc in docs:
                try:
                    self._upsert_one(doc, result)
                except (sqlite3.Error, TypeError, ValueError, KeyError) as exc:
                    result.errors.append((str(doc.get("id")), f"{type(exc).__name__}: {exc}"))
        return result

    def _upsert_one(self, doc: dict[str, Any], result: UpsertResult) -> None:
        old = self.get(doc["id"])
        self._write(doc if old is None else merge_documents(old, doc))
        if old is None:
            result.created += 1
        else:
            result.updated += 1

    def _write(self, doc: dict[str, Any]) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO listings (id, platform, is_offer, severity, first_seen,"
            " last_seen, doc) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                doc["id"],
                doc["platform"],
                int(bool(doc.get("is_offer"))),
                int(doc.get("severity") or 0),
                doc["first_seen"],
                doc["last_seen"],
                json.dumps(doc, ensure_ascii=False),
            ),
        )

    def get(self, doc_id: str) -> dict[str, Any] | None:
        row = self._db.execute("SELECT doc FROM listings WHERE id = ?", (doc_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def update_fields(self, doc_id: str, fields: dict[str, Any]) -> None:
        with self._db:
            doc = self.get(doc_id)
            if doc is None:
                raise StoreError(f"no stored listing with id {doc_id!r}")
            doc.update(fields)
            self._write(doc)

    def delete_not_seen_since(self, cutoff: str, dry_run: bool = False) -> int:
        where = "last_seen < ?"
        if dry_run:
            row = self._db.execute(f"SELECT count(*) FROM listings WHERE {where}", (cutoff,))
            return int(row.fetchone()[0])
        with self._db:  # a crawl writing at the same time waits; its listings are kept
            deleted = self._db.execute(f"DELETE FROM listings WHERE {where}", (cutoff,)).rowcount
        # The deleted rows' pages are zeroed (secure_delete); the write-ahead log still holds
        # copies until it is checkpointed and truncated.
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return int(deleted)

    def listings(self, flt: ListingFilter | None = None) -> Iterator[dict[str, Any]]:
        flt = flt or ListingFilter()
        where: list[str] = ["1=1"]
        params: list[str | int] = []
        if flt.platform:
            where.append("platform = ?")
            params.append(flt.platform)
        if flt.offers_only:
            where.append("is_offer = 1")
        if flt.since:
            where.append("last_seen >= ?")
            params.append(flt.since)
        if flt.min_severity is not None:
            where.append("severity >= ?")
            params.append(flt.min_severity)
        if flt.source:
            where.append("EXISTS (SELECT 1 FROM json_each(doc, '$.sources') WHERE value = ?)")
            params.append(flt.source)
        sql = f"SELECT doc FROM listings WHERE {' AND '.join(where)} ORDER BY last_seen DESC, id"
        if flt.limit:
            sql += f" LIMIT {int(flt.limit)}"
        for (raw,) in self._db.execute(sql, params):
            yield json.loads(raw)

    # -- takedown requests ----------------------------------------------------------------
    def put_takedown_request(self, request: dict[str, Any]) -> bool:
        try:
            with self._db:
                cur = self._db.execute(
                    "INSERT OR IGNORE INTO takedown_requests"
                    " (id, platform, status, created_at, doc) VALUES (?, ?, ?, ?, ?)",
                    (
                        request["id"],
                        request["platform"],
                        request.get("status", "open"),
                        request["created_at"],
                        json.dumps(request, ensure_ascii=False),
                    ),
                )
        except sqlite3.Error as exc:
            raise StoreError(f"cannot store takedown request {request.get('id')!r}: {exc}") from exc
        return cur.rowcount == 1

    def get_takedown_request(self, request_id: str) -> dict[str, Any] | None:
        row = self._db.execute(
            "SELECT doc FROM takedown_requests WHERE id = ?", (request_id,)
        ).fetchone()
        return json.loads(row[0]) if row else None

    def update_takedown_request(self, request_id: str, fields: dict[str, Any]) -> None:
        with self._db:
            doc = self.get_takedown_request(request_id)
            if doc is None:
                raise StoreError(f"no stored takedown request with id {request_id!r}")
            doc.update(fields)
            self._db.execute(
                "UPDATE takedown_requests SET status = ?, doc = ? WHERE id = ?",
                (doc.get("status", "open"), json.dumps(doc, ensure_ascii=False), request_id),
            )

    def takedown_requests(
        self, platform: str | None = None, open_only: bool = False
    ) -> Iterator[dict[str, Any]]:
        where: list[str] = ["1=1"]
        params: list[Any] = []
        if platform:
            where.append("platform = ?")
            params.append(platform)
        if open_only:
            where.append("status = 'open'")
        sql = (
            f"SELECT doc FROM takedown_requests WHERE {' AND '.join(where)} ORDER BY created_at, id"
        )
        for (raw,) in self._db.execute(sql, params).fetchall():
            yield json.loads(raw)

    def close(self) -> None:
        self._db.close()
