"""What every store does: upsert documents by id, read them back with filters."""

from __future__ import annotations

import abc
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence


class StoreError(RuntimeError):
    """The store cannot be reached or refused an operation; the message says which."""


@dataclass
class ListingFilter:
    platform: str | None = None
    source: str | None = None
    since: str | None = None  # ISO 8601 UTC; compared with last_seen
    offers_only: bool = False
    min_severity: int | None = None
    limit: int | None = None


@dataclass
class UpsertResult:
    created: int = 0
    updated: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (document id, reason)


class Store(abc.ABC):
    """A place where listing documents live. Implementations: SQLite, Elasticsearch."""

    name: str = "store"

    @abc.abstractmethod
    def upsert(self, docs: Sequence[dict[str, Any]]) -> UpsertResult:
        """Insert new documents, merge known ones (``monitor.documents.merge_documents``)."""

    @abc.abstractmethod
    def get(self, doc_id: str) -> dict[str, Any] | None: ...

    @abc.abstractmethod
    def listings(self, flt: ListingFilter | None = None) -> Iterator[dict[str, Any]]:
        """Stored documents matching ``flt``, newest ``last_seen`` first."""

    @abc.abstractmethod
    def update_fields(self, doc_id: str, fields: dict[str, Any]) -> None:
        """Set top-level fields of one stored document (takedown status, evidence...)."""

    # -- takedown requests ----------------------------------------------------------------
    # Not abstract so that a store without them still opens; each store implements them.
    def put_takedown_request(self, request: dict[str, Any]) -> bool:
        """Store a new takedown request under its ``id``. Returns False, writing nothing, when
        a request with that id is stored already (exports are idempotent by id)."""
        raise NotImplementedError(f"the {self.name} store does not keep takedown requests yet")

    def get_takedown_request(self, request_id: str) -> dict[str, Any] | None:
        raise NotImplementedError(f"the {self.name} store does not keep takedown requests yet")

    def update_takedown_request(self, request_id: str, fields: dict[str, Any]) -> None:
        """Set top-level fields of a stored request (status, verification counts...)."""
        raise NotImplementedError(f"the {self.name} store does not keep takedown requests yet")

    def takedown_requests(
        self, platform: str | None = None, open_only: bool = False
    ) -> Iterator[dict[str, Any]]:
        """Stored requests, oldest ``created_at`` first; ``open_only``: status ``open``."""
        raise NotImplementedError(f"the {self.name} store does not keep takedown requests yet")

    def delete_not_seen_since(self, cutoff: str, dry_run: bool = False) -> int:
        """Retention: delete listings whose ``last_seen`` is before ``cutoff`` (ISO 8601 UTC)
        and return how many (``dry_run``: only count them). Takedown requests are kept."""
        raise NotImplementedError(f"the {self.name} store has no retention yet")

    def search(self, query: str, limit: int | None = None) -> Iterator[dict[str, Any]]:
        """Documents matching a Lucene-syntax query, newest ``last_seen`` first. Here evaluated
        in Python (``monitor.search``); Elasticsearch runs it as a ``query_string``."""
        from monitor.search import search

        return search(self.listings(), query, limit)

    def count(self, flt: ListingFilter | None = None) -> int:
        return sum(1 for _ in self.listings(flt))

    def close(self) -> None:  # noqa: B027 - optional hook
        pass

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
