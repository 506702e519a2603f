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

    def count(self, flt: ListingFilter | None = None) -> int:
        return sum(1 for _ in self.listings(flt))

    def close(self) -> None:  # noqa: B027 - optional hook
        pass

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
