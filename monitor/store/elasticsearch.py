"""The production store: listing documents in Elasticsearch, behind the write alias.

Upserts read what is stored (``mget``), merge with ``monitor.documents.merge_documents`` and
write back with optimistic concurrency: ``if_seq_no``/``if_primary_term`` for known documents,
``op_type=create`` for new ones. A write that lost a race (409) is re-read and merged again.
429 is retried with back-off by the bulk helper; a write blocked by ``monitor es reindex``
waits for the alias to move. Documents that still cannot be written for a passing reason
(429 after every retry, a write block) come back in ``UpsertResult.deferred`` for the caller
to spool; a lost connection raises ``StoreUnavailable``.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout, TransportError
from elasticsearch import (
    ApiError,
    AuthenticationException,
    AuthorizationException,
    ConflictError,
    NotFoundError,
    helpers,
)

from monitor.config import ConfigError
from monitor.documents import merge_documents
from monitor.store.base import ListingFilter, Store, StoreError, UpsertResult
from monitor.store.es_config import ElasticsearchConfig
from monitor.store.es_index import requests_index

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping, Sequence

    from elasticsearch import Elasticsearch

logger = logging.getLogger(__name__)

_CONFLICT_ROUNDS = 5
_BLOCKED_WAITS = (0.5, 1.0, 2.0, 4.0)  # seconds; a reindex blocks writes for a moment
_PAGE = 1000


class StoreUnavailable(StoreError):
    """Elasticsearch cannot be reached right now (connection refused, timeout)."""


@dataclass
class EsUpsertResult(UpsertResult):
    deferred: list[dict[str, Any]] = field(default_factory=list)  # write again later


def explain(exc: Exception, config: ElasticsearchConfig) -> StoreError:
    """One line saying what went wrong, for a person (no stack, no secret)."""
    where = f"Elasticsearch at {config.url}"
    if isinstance(exc, AuthenticationException):
        return StoreError(
            f"{where} rejected the credentials ({config.describe_credentials()}); "
            "check ELASTICSEARCH_USERNAME/ELASTICSEARCH_PASSWORD or "
            "ELASTICSEARCH_API_KEY"
        )
    if isinstance(exc, AuthorizationException):
        return StoreError(
            f"{where}: {config.describe_credentials()} is not allowed to do this: {_reason(exc)}"
        )
    if isinstance(exc, ConnectionTimeout):
        return StoreUnavailable(
            f"{where} did not answer within {config.timeout:g}s (ELASTICSEARCH_TIMEOUT)"
        )
    if isinstance(exc, TransportConnectionError):
        return StoreUnavailable(
            f"cannot reach {where}: {_short(exc)}; is it running, and is ELASTICSEARCH_URL right?"
        )
    if isinstance(exc, ApiError):
        return StoreError(f"{where} refused the request: {_reason(exc)}")
    return StoreError(f"{where}: {exc}")


def _short(exc: Exception) -> str:
    text = str(exc)
    for marker in (
        "Connection refused",
        "Name or service not known",
        "timed out",
        "No route to host",
        "certificate verify failed",
        "Connection reset",
    ):
        if marker in text:
            return marker
    return text.splitlines()[0][:200] if text else type(exc).__name__


def _reason(exc: ApiError) -> str:
    body = exc.body if isinstance(exc.body, dict) else {}
    err = body.get("error")
    if isinstance(err, dict):
        cause = (err.get("root_cause") or [err])[0]
        return f"{cause.get('type')}: {cause.get('reason')}"
    return f"HTTP {exc.meta.status}: {err or exc.message}"


def item_reason(item: Mapping[str, Any]) -> str:
    """``type: reason`` of one failed bulk item."""
    err = item.get("error")
    if isinstance(err, dict):
        reason = f"{err.get('type', 'error')}: {err.get('reason', '')}"
        cause = err.get("caused_by")
        if isinstance(cause, dict) and cause.get("reason"):
            reason += f" ({cause.get('type')}: {cause['reason']})"
        return reason
    return f"http_{item.get('status')}: {err}"


class ElasticsearchStore(Store):
    name = "elasticsearch"

    def __init__(self, config: ElasticsearchConfig, client: Elasticsearch | None = None) -> None:
        self.config = config
        self.alias = config.index
        self.client = client or config.client()
        # Share of new documents in recent upserts. When most are new (a first crawl, a new
        # platform) a batch is written with op_type=create first, and only the ones that turn
        # out to exist (409) are read and merged: the mget is skipped where it finds nothing.
        self.new_share = 0.0

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any], check: bool = True) -> ElasticsearchStore:
        """The store for ``settings``; with ``check``, fails at once with one clear line when
        the node is unreachable, the credentials are wrong or the index was never set up."""
        try:
            config = ElasticsearchConfig.from_settings(settings)
        except ConfigError as exc:
            raise StoreError(str(exc)) from exc
        store = cls(config)
        if check:
            try:
                store.check()
            except StoreError:
                store.close()
                raise
        return store

    def __enter__(self) -> ElasticsearchStore:
        return self

    # -- plumbing ------------------------------------------------------------------------
    def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run one client call, turning transport and API errors into ``StoreError``."""
        try:
            return fn(*args, **kwargs)
        except (TransportError, ApiError) as exc:
            raise explain(exc, self.config) from exc

    def check(self) -> None:
        quick = self.client.options(max_retries=0)
        self.call(quick.info)
        if not self.call(quick.indices.exists_index_template, name=self.alias):
            raise StoreError(
                f"Elasticsearch at {self.config.url} has no index template "
                f"{self.alias!r}: run `monitor es setup` first"
            )
        self.write_index()

    def write_index(self) -> str:
        """The concrete index the alias writes to."""
        try:
            aliases = self.client.options(max_retries=0).indices.get_alias(name=self.alias)
        except NotFoundError:
            raise StoreError(
                f"Elasticsearch at {self.config.url} has no alias {self.alias!r}: "
                "run `monitor es setup` first"
            ) from None
        except (TransportError, ApiError) as exc:
            raise explain(exc, self.config) from exc
        for index, body in aliases.body.items():
            meta = body.get("aliases", {}).get(self.alias, {})
            if meta.get("is_write_index") or len(aliases.body) == 1:
                return str(index)
        raise StoreError(f"alias {self.alias!r} has no write index; run `monitor es setup`")

    def refresh(self) -> None:
        self.call(self.client.indices.refresh, index=self.alias)

    # -- upsert --------------------------------------------------------------------------
    def upsert(self, docs: Sequence[dict[str, Any]]) -> EsUpsertResult:
        result = EsUpsertResult()
        good = []
        for doc in docs:
            if doc.get("id") and doc.get("first_seen") and doc.get("last_seen"):
                good.append(doc)
            else:
                result.errors.append(
                    (
                        str(doc.get("id")),
                        "invalid document: id, first_seen and last_seen are required",
                    )
                )
        for batch in _rounds(good):  # the same id twice: two sightings, merged in order
            self._upsert_round(batch, result)
        return result

    def _upsert_round(self, docs: dict[str, dict[str, Any]], result: EsUpsertResult) -> None:
        todo = dict(docs)
        if self.new_share > 0.5:
            todo = self._create_first(todo, result)
        waits = list(_BLOCKED_WAITS)
        rounds_left = _CONFLICT_ROUNDS + len(waits)
        while todo:
            retry, blocked = self._write(todo, result)
            if blocked and waits:
                time.sleep(waits.pop(0))
                retry.update(blocked)
            else:
                result.deferred.extend(blocked.values())
            rounds_left -= 1
            if retry and rounds_left == 0:
                result.errors.extend(
                    (doc_id, "version_conflict_engine_exception: still conflicting after retries")
                    for doc_id in retry
                )
                return
            todo = retry

    def _create_first(
        self, todo: dict[str, dict[str, Any]], result: EsUpsertResult
    ) -> dict[str, dict[str, Any]]:
        """Create every document; return those that exist already (to read and merge)."""
        actions = [
            {"_op_type": "create", "_index": self.alias, "_id": doc_id, "_source": doc}
            for doc_id, doc in todo.items()
        ]
        existing: dict[str, dict[str, Any]] = {}
        for ok, item in self._bulk(actions):
            op = next(iter(item.values()))
            doc_id = op["_id"]
            if ok:
                result.created += 1
            elif op.get("status") == 409:
                existing[doc_id] = todo[doc_id]
            elif op.get("status") == 429 or _is_block(op):
                result.deferred.append(todo[doc_id])
            else:
                result.errors.append((doc_id, item_reason(op)))
        self._learn(len(todo) - len(existing), len(todo))
        return existing

    def _learn(self, new: int, total: int) -> None:
        if total:
            self.new_share = 0.7 * self.new_share + 0.3 * (new / total)

    def _write(
        self, todo: dict[str, dict[str, Any]], result: EsUpsertResult
    ) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
        """One mget + bulk; returns the documents to retry (conflicts) and the blocked ones."""
        found = self.call(self.client.mget, index=self.alias, ids=list(todo))
        self._learn(sum(1 for hit in found["docs"] if not hit.get("found")), len(todo))
        actions, created = [], set()
        for hit in found["docs"]:
            doc_id = hit["_id"]
            new = todo[doc_id]
            if hit.get("found"):
                try:
                    merged = merge_documents(hit["_source"], new)
                except (KeyError, TypeError, ValueError) as exc:
                    result.errors.append((doc_id, f"merge failed: {type(exc).__name__}: {exc}"))
                    continue
                # Through the alias, never the concrete index: after `monitor es reindex` moved
                # it, the sequence numbers no longer match (409, re-read) and a deleted old
                # index is not created again (require_alias).
                actions.append(
                    {
                        "_op_type": "index",
                        "_index": self.alias,
                        "_id": doc_id,
                        "if_seq_no": hit["_seq_no"],
                        "if_primary_term": hit["_primary_term"],
                        "_source": merged,
                    }
                )
            elif "error" in hit:
                result.errors.append((doc_id, item_reason(hit)))
            else:
                created.add(doc_id)
                actions.append(
                    {"_op_type": "create", "_index": self.alias, "_id": doc_id, "_source": new}
                )
        retry: dict[str, dict[str, Any]] = {}
        blocked: dict[str, dict[str, Any]] = {}
        for ok, item in self._bulk(actions):
            op = next(iter(item.values()))
            doc_id = op["_id"]
            if ok:
                if doc_id in created:
                    result.created += 1
                else:
                    result.updated += 1
            elif op.get("status") == 409:
                retry[doc_id] = todo[doc_id]
            elif op.get("status") == 429 or _is_block(op):
                blocked[doc_id] = todo[doc_id]
            else:
                result.errors.append((doc_id, item_reason(op)))
        return retry, blocked

    def _bulk(self, actions: list[dict[str, Any]]) -> Iterator[tuple[bool, dict[str, Any]]]:
        if not actions:
            return iter(())
        try:
            return iter(
                list(
                    helpers.streaming_bulk(
                        self.client,
                        actions,
                        chunk_size=len(actions),
                        max_chunk_bytes=50 * 2**20,
                        raise_on_error=False,
                        raise_on_exception=True,
                        max_retries=self.config.max_retries,
                        initial_backoff=1,
                        max_backoff=30,
                        require_alias=True,
                    )
                )
            )
        except (TransportError, ApiError) as exc:
            raise explain(exc, self.config) from exc

    # -- reads ---------------------------------------------------------------------------
    def get(self, doc_id: str) -> dict[str, Any] | None:
        try:
            resp = self.client.get(index=self.alias, id=doc_id)
        except NotFoundError as exc:
            if _error_type(exc) == "index_not_found_exception":
                raise explain(exc, self.config) from exc
            return None
        except (TransportError, ApiError) as exc:
            raise explain(exc, self.config) from exc
        source: dict[str, Any] = resp["_source"]
        return source

    def listings(self, flt: ListingFilter | None = None) -> Iterator[dict[str, Any]]:
        flt = flt or ListingFilter()
        return self.query(filter_query(flt), limit=flt.limit)

    def count(self, flt: ListingFilter | None = None) -> int:
        flt = flt or ListingFilter()
        resp = self.call(self.client.count, index=self.alias, query=filter_query(flt))
        n = int(resp["count"])
        return n if flt.limit is None else min(n, flt.limit)

    def search(self, query: str, limit: int | None = None) -> Iterator[dict[str, Any]]:
        """Documents matching a Lucene-syntax ``query`` (title and text by default)."""
        return self.query(query_string(query), limit=limit)

    def query(
        self,
        query: dict[str, Any],
        limit: int | None = None,
        index: str | None = None,
        sort: list[dict[str, str]] | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Every hit of ``query`` (newest ``last_seen`` first unless ``sort`` says otherwise;
        the last sort key must be unique), paged with ``search_after``."""
        after: list[Any] | None = None
        left = limit
        while left is None or left > 0:
            size = _PAGE if left is None else min(_PAGE, left)
            kwargs: dict[str, Any] = {"search_after": after} if after else {}
            resp = self.call(
                self.client.search,
                index=index or self.alias,
                query=query,
                size=size,
                sort=sort or [{"last_seen": "desc"}, {"id": "asc"}],
                track_total_hits=False,
                **kwargs,
            )
            hits = resp["hits"]["hits"]
            for hit in hits:
                yield hit["_source"]
            if len(hits) < size:
                return
            after = hits[-1]["sort"]
            if left is not None:
                left -= len(hits)

    # -- single-document updates ---------------------------------------------------------
    def delete_not_seen_since(self, cutoff: str, dry_run: bool = False) -> int:
        from monitor.store.es_admin import retention

        return retention(self, cutoff, dry_run=dry_run)

    def update_fields(self, doc_id: str, fields: dict[str, Any]) -> None:
        self._read_modify_write(
            self.alias,
            doc_id,
            lambda doc: doc.update(fields),
            f"no stored listing with id {doc_id!r}",
        )

    def _read_modify_write(
        self, index: str, doc_id: str, change: Callable[[dict[str, Any]], Any], missing: str
    ) -> None:
        for _ in range(_CONFLICT_ROUNDS):
            try:
                resp = self.client.get(index=index, id=doc_id)
            except NotFoundError:
                raise StoreError(missing) from None
            except (TransportError, ApiError) as exc:
                raise explain(exc, self.config) from exc
            doc = resp["_source"]
            change(doc)
            try:
                self.client.index(
                    index=index,
                    id=doc_id,
                    document=doc,
                    if_seq_no=resp["_seq_no"],
                    if_primary_term=resp["_primary_term"],
                    require_alias=index == self.alias,
                    refresh=True,
                )
                return
            except ConflictError:
                continue
            except (TransportError, ApiError) as exc:
                raise explain(exc, self.config) from exc
        raise StoreError(f"{doc_id!r} kept changing under us; try again")

    # -- takedown requests ---------------------------------------------------------------
    @property
    def requests_index(self) -> str:
        return requests_index(self.alias)

    def put_takedown_request(self, request: dict[str, Any]) -> bool:
        try:
            self.client.create(
                index=self.requests_index, id=request["id"], document=request, refresh=True
            )
        except ConflictError:
            return False
        except (TransportError, ApiError) as exc:
            raise explain(exc, self.config) from exc
        return True

    def get_takedown_request(self, request_id: str) -> dict[str, Any] | None:
        try:
            resp = self.client.get(index=self.requests_index, id=request_id)
        except NotFoundError:
            return None
        except (TransportError, ApiError) as exc:
            raise explain(exc, self.config) from exc
        source: dict[str, Any] = resp["_source"]
        return source

    def update_takedown_request(self, request_id: str, fields: dict[str, Any]) -> None:
        self._read_modify_write(
            self.requests_index,
            request_id,
            lambda doc: doc.update(fields),
            f"no stored takedown request with id {request_id!r}",
        )

    def takedown_requests(
        self, platform: str | None = None, open_only: bool = False
    ) -> Iterator[dict[str, Any]]:
        filters: list[dict[str, Any]] = []
        if platform:
            filters.append({"term": {"platform": platform}})
        if open_only:
            filters.append({"term": {"status": "open"}})
        return self.query(
            {"bool": {"filter": filters}},
            index=self.requests_index,
            sort=[{"created_at": "asc"}, {"id": "asc"}],
        )

    def close(self) -> None:
        self.client.close()


def filter_query(flt: ListingFilter) -> dict[str, Any]:
    filters: list[dict[str, Any]] = []
    if flt.platform:
        filters.append({"term": {"platform": flt.platform}})
    if flt.source:
        filters.append({"term": {"sources": flt.source}})
    if flt.offers_only:
        filters.append({"term": {"is_offer": True}})
    if flt.since:
        filters.append({"range": {"last_seen": {"gte": flt.since}}})
    if flt.min_severity is not None:
        filters.append({"range": {"severity": {"gte": flt.min_severity}}})
    return {"bool": {"filter": filters}}


def query_string(query: str) -> dict[str, Any]:
    """The Elasticsearch side of ``monitor search``: the same semantics as ``monitor.search``."""
    return {
        "query_string": {
            "query": query,
            "fields": ["title", "text"],
            "default_operator": "AND",
            "lenient": True,
        }
    }


def _rounds(docs: Sequence[dict[str, Any]]) -> list[dict[str, dict[str, Any]]]:
    rounds: list[dict[str, dict[str, Any]]] = []
    for doc in docs:
        doc_id = str(doc["id"])
        for batch in rounds:
            if doc_id not in batch:
                batch[doc_id] = doc
                break
        else:
            rounds.append({doc_id: doc})
    return rounds


def _is_block(op: Mapping[str, Any]) -> bool:
    err = op.get("error")
    return isinstance(err, dict) and err.get("type") == "cluster_block_exception"


def _error_type(exc: ApiError) -> str | None:
    body = exc.body if isinstance(exc.body, dict) else {}
    err = body.get("error")
    return err.get("type") if isinstance(err, dict) else None
