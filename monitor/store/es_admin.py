"""``monitor es`` operations: set up the index, reindex behind the alias, apply retention.

This node has no ``_reindex``, ``_delete_by_query`` or ILM (es/README.md), so reindex and
retention run client-side (scan + bulk), which works the same on any 8.x cluster. ILM is used
where the cluster has it, for one job only: deleting indices that a reindex retired.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from elastic_transport import TransportError
from elasticsearch import ApiError, helpers

from monitor.store.base import StoreError
from monitor.store.elasticsearch import explain, item_reason
from monitor.store.es_index import (
    MAPPING_VERSION,
    first_index,
    ilm_policy,
    index_template,
    next_index,
    requests_index_body,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from monitor.store.elasticsearch import ElasticsearchStore

logger = logging.getLogger(__name__)

RETIRED_POLICY = "monitor-retired-indices"


@dataclass
class SetupReport:
    lines: list[str] = field(default_factory=list)
    needs_reindex: bool = False
    ilm: bool = False

    def say(self, line: str) -> None:
        self.lines.append(line)


def ilm_available(store: ElasticsearchStore) -> bool:
    """True when every node runs the ILM module (not on the dev node: es/README.md)."""
    nodes = store.call(store.client.nodes.info, metric="plugins")["nodes"]
    return bool(nodes) and all(
        any(m.get("name") == "x-pack-ilm" for m in n.get("modules", [])) for n in nodes.values()
    )


def setup(store: ElasticsearchStore, replicas: int = 0) -> SetupReport:
    """Idempotent: template, first index behind the write alias, requests index, ILM policy."""
    report = SetupReport()
    c, alias = store.client, store.alias
    store.call(c.options(max_retries=0).info)
    store.call(c.indices.put_index_template, name=alias, **index_template(alias, replicas))
    report.say(f"index template {alias!r} (mapping version {MAPPING_VERSION}) is in place")
    if store.call(c.indices.exists_alias, name=alias):
        index = store.write_index()
        live = store.call(c.indices.get_mapping, index=index)[index]["mappings"]
        version = int((live.get("_meta") or {}).get("mapping_version", 0))
        if version < MAPPING_VERSION:
            report.needs_reindex = True
            report.say(
                f"alias {alias!r} writes to {index!r} with mapping version {version}: "
                "run `monitor es reindex` to move to the new mapping"
            )
        else:
            report.say(f"alias {alias!r} writes to {index!r}")
    elif store.call(c.indices.exists, index=alias):
        raise StoreError(
            f"{alias!r} is a plain index, not an alias; move its documents away or "
            "choose another ELASTICSEARCH_INDEX"
        )
    else:
        index = first_index(alias)
        store.call(c.indices.create, index=index, aliases={alias: {"is_write_index": True}})
        report.say(f"created index {index!r} behind the write alias {alias!r}")
    if not store.call(c.indices.exists, index=store.requests_index):
        store.call(c.indices.create, index=store.requests_index, **requests_index_body(replicas))
        report.say(f"created index {store.requests_index!r} for takedown requests")
    report.ilm = ilm_available(store)
    if report.ilm:
        store.call(c.ilm.put_lifecycle, name=RETIRED_POLICY, **ilm_policy())
        report.say(f"ILM policy {RETIRED_POLICY!r} is in place (deletes retired indices)")
    else:
        report.say(
            "no ILM on this cluster: retired indices are deleted by `monitor es reindex`; "
            "listings expire with `monitor es retention`"
        )
    return report


@dataclass
class ReindexReport:
    source: str
    target: str
    copied: int = 0
    caught_up: int = 0
    deleted_old: bool = False


def _scan(
    store: ElasticsearchStore, index: str, query: dict[str, Any] | None = None, source: bool = True
) -> Iterator[dict[str, Any]]:
    try:
        yield from helpers.scan(
            store.client,
            index=index,
            query={"query": query or {"match_all": {}}},
            size=1000,
            scroll="5m",
            seq_no_primary_term=True,
            _source=source,
        )
    except (TransportError, ApiError) as exc:
        raise explain(exc, store.config) from exc


def _bulk(store: ElasticsearchStore, actions: Iterable[dict[str, Any]]) -> int:
    done = 0
    try:
        for ok, item in helpers.streaming_bulk(
            store.client, actions, chunk_size=1000, raise_on_error=False, max_retries=5
        ):
            op = next(iter(item.values()))
            if ok:
                done += 1
            elif op.get("status") != 404 and op.get("status") != 409:
                raise StoreError(f"bulk write failed for {op.get('_id')}: {item_reason(op)}")
    except (TransportError, ApiError) as exc:
        raise explain(exc, store.config) from exc
    return done


def reindex(store: ElasticsearchStore, keep_old: bool = False) -> ReindexReport:
    """Copy every document into a new index made from the current template, then move the
    alias in one atomic step. Readers never notice; writers are blocked only for the short
    catch-up copy at the end (the store waits for it, or defers to the spool)."""
    c, alias = store.client, store.alias
    old = store.write_index()
    new = next_index(old, alias)
    report = ReindexReport(source=old, target=new)
    store.call(c.indices.create, index=new)
    blocked = False
    try:
        seen: dict[str, int] = {}

        def copy_all() -> Iterator[dict[str, Any]]:
            for hit in _scan(store, old):
                seen[hit["_id"]] = hit["_seq_no"]
                yield {
                    "_op_type": "index",
                    "_index": new,
                    "_id": hit["_id"],
                    "_source": hit["_source"],
                }

        report.copied = _bulk(store, copy_all())
        store.call(c.indices.put_settings, index=old, settings={"index.blocks.write": True})
        blocked = True
        store.call(c.indices.refresh, index=old)
        report.caught_up = _catch_up(store, old, new, seen)
        store.call(c.indices.refresh, index=new)
        old_n = store.call(c.count, index=old)["count"]
        new_n = store.call(c.count, index=new)["count"]
        if old_n != new_n:
            raise StoreError(
                f"reindex check failed: {old!r} has {old_n} documents, {new!r} {new_n}"
            )
        store.call(
            c.indices.update_aliases,
            actions=[
                {"remove": {"index": old, "alias": alias}},
                {"add": {"index": new, "alias": alias, "is_write_index": True}},
            ],
        )
    except BaseException:
        if blocked:
            store.call(c.indices.put_settings, index=old, settings={"index.blocks.write": None})
        store.call(c.indices.delete, index=new, ignore_unavailable=True)
        raise
    if keep_old:
        if ilm_available(store):
            store.call(
                c.indices.put_settings,
                index=old,
                settings={
                    "index.lifecycle.name": RETIRED_POLICY,
                    "index.lifecycle.origination_date": int(time.time() * 1000),
                },
            )
    else:
        store.call(c.indices.delete, index=old)
        report.deleted_old = True
    return report


def _catch_up(store: ElasticsearchStore, old: str, new: str, seen: dict[str, int]) -> int:
    """Copy what changed in ``old`` while the first pass ran; drop what was deleted there."""
    actions: list[dict[str, Any]] = []
    present = set()
    for hit in _scan(store, old):
        present.add(hit["_id"])
        if seen.get(hit["_id"]) != hit["_seq_no"]:
            actions.append(
                {"_op_type": "index", "_index": new, "_id": hit["_id"], "_source": hit["_source"]}
            )
    actions.extend(
        {"_op_type": "delete", "_index": new, "_id": doc_id} for doc_id in seen.keys() - present
    )
    _bulk(store, actions)
    return len(actions)


def retention(store: ElasticsearchStore, cutoff: str, dry_run: bool = False) -> int:
    """Delete listings last seen before ``cutoff`` (ISO 8601). A listing re-seen while this
    runs is kept: each delete is conditional on the version that was found."""
    query = {"range": {"last_seen": {"lt": cutoff}}}
    if dry_run:
        return int(store.call(store.client.count, index=store.alias, query=query)["count"])
    actions = (
        {
            "_op_type": "delete",
            "_index": hit["_index"],
            "_id": hit["_id"],
            "if_seq_no": hit["_seq_no"],
            "if_primary_term": hit["_primary_term"],
        }
        for hit in _scan(store, store.alias, query, source=False)
    )
    deleted = _bulk(store, actions)
    store.refresh()
    return deleted


def describe(store: ElasticsearchStore) -> list[str]:
    """A few lines about the alias, its index and the cluster, for ``monitor es status``."""
    info = store.call(store.client.info)
    lines = [f"cluster {info['cluster_name']!r}, Elasticsearch {info['version']['number']}"]
    try:
        index = store.write_index()
    except StoreError as exc:
        return [*lines, str(exc)]
    count = store.call(store.client.count, index=store.alias)["count"]
    lines.append(f"alias {store.alias!r} -> {index!r}: {count} listing(s)")
    try:
        n = store.call(store.client.count, index=store.requests_index)["count"]
        lines.append(f"{store.requests_index!r}: {n} takedown request(s)")
    except StoreError:
        lines.append(f"{store.requests_index!r} is missing: run `monitor es setup`")
    return lines
