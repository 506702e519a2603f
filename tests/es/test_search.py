"""Lucene queries give the same listings on Elasticsearch and on the embedded store: every
shipped saved search (checked against an independent oracle), and a table of other queries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from es_helpers import demo_documents, es_settings, new_alias

from monitor.search import analyze
from monitor.store.elasticsearch import ElasticsearchStore
from monitor.store.es_admin import setup
from monitor.store.sqlite import SQLiteStore

MONITOR = str(Path(sys.executable).parent / "monitor")
NDJSON = Path(__file__).resolve().parents[2] / "monitor" / "kibana" / "saved_objects.ndjson"


def saved_searches() -> dict[str, str]:
    out = {}
    for line in NDJSON.read_text("utf-8").splitlines():
        obj = json.loads(line)
        if obj["type"] == "search":
            source = json.loads(obj["attributes"]["kibanaSavedObjectMeta"]["searchSourceJSON"])
            assert source["query"]["language"] == "lucene"
            out[obj["id"]] = source["query"]["query"]
    return out


@pytest.fixture(scope="module")
def stores(es_url, tmp_path_factory):
    now = datetime.now(UTC)
    docs = demo_documents(now)
    # What pages print besides ISO times (the crawled demo world prints some of these too).
    for doc, posted in zip(
        docs,
        (
            "2026-11-05 22:10",
            "2026-11-06",
            "3天前",
            "2026/11/07",
            "2026-11-07 08:00:30",
            "昨天 14:02",
        ),
        strict=False,
    ):
        doc["posted_at"] = posted
    alias = new_alias()
    es = ElasticsearchStore.from_settings(es_settings(es_url, alias), check=False)
    setup(es)
    assert es.upsert(docs).errors == []
    es.refresh()
    sqlite = SQLiteStore(tmp_path_factory.mktemp("search") / "s.sqlite3")
    assert sqlite.upsert(docs).errors == []
    yield es, sqlite, docs, now
    sqlite.close()
    es.client.indices.delete(index=f"{alias}*")
    es.client.indices.delete_index_template(name=alias)
    es.close()


def _offer(d):
    return d["is_offer"]


ORACLES = {
    "monitor-new-offers-24h": lambda d, now: (
        _offer(d) and datetime.fromisoformat(d["first_seen"]) >= now - timedelta(hours=24)
    ),
    "monitor-58com-data": lambda d, now: _offer(d) and "58.com" in d["sources"],
    "monitor-volume-100k": lambda d, now: _offer(d) and (d["volume_records"] or 0) >= 100_000,
    "monitor-by-seller-contact": lambda d, now: _offer(d) and bool(d["contact_values"]),
}


def test_the_shipped_saved_searches_are_the_four_of_the_dashboard() -> None:
    assert set(saved_searches()) == set(ORACLES)


@pytest.mark.parametrize("search_id", sorted(ORACLES))
def test_saved_search_finds_the_same_listings_on_both_stores(stores, search_id: str) -> None:
    es, sqlite, docs, now = stores
    query = saved_searches()[search_id]
    expected = {d["id"] for d in docs if ORACLES[search_id](d, now)}
    assert 0 < len(expected) < sum(d["is_offer"] for d in docs)  # the search discriminates
    assert {d["id"] for d in es.search(query)} == expected
    assert {d["id"] for d in sqlite.search(query)} == expected


QUERIES = [
    "简历",
    '"求职者简历"',
    "简历库",
    "title:简历 AND NOT platform:tieba",
    "platform:taobao OR platform:xianyu",
    "(platform:taobao OR platform:xianyu) AND is_offer:true",
    "unit_price.amount:<0.1",
    "unit_price.amount:[0.1 TO 0.3]",
    "unit_price.amount:{0.1 TO 0.3}",
    "volume_records:{100000 TO *}",
    "volume_records:>1000000",
    "volume_records:<=5000",
    "contact_values:qq\\:*",
    "contact_values:wechat*",
    "sources:*job*",
    "sources:58.com",
    "title.keyword:*简历*",
    "_exists_:posted_at.date",
    "NOT _exists_:unit_price.amount",
    "posted_at.date:[2026-11-01 TO 2026-11-10]",
    "posted_at.date:<2026-10-01",
    "posted_at.date:2026-11-06",
    "posted_at.date:[2026-11-05 TO 2026-11-07]",
    "posted_at:3天前",
    "posted_at.date:>=2026-11-07",
    "first_seen:<now-24h",
    "first_seen:[now-2d TO now-1d]",
    "last_seen:>=now-6h",
    'first_seen:["now-1d/d" TO *]',
    "severity:2",
    "is_offer:false",
    "resume AND database",
    "CV",
    "-is_offer:true",
    "categories:id_number",
    "price_text:*",
    "text:58同城",
    '"58同城"',
    "seller:资料",
    "+platform:telegram -sources:58.com",
    "unit_price.currency:USD OR unit_price.currency:USDT",
    "tiers.min_records:>=10000",
    "volume_records:abc",
    "nosuchfield:x",
    "*",
]


@pytest.mark.parametrize("query", QUERIES)
def test_query_gives_the_same_listings_on_both_stores(stores, query: str) -> None:
    es, sqlite, _, _ = stores
    on_es = {d["id"] for d in es.search(query)}
    assert {d["id"] for d in sqlite.search(query)} == on_es


def test_the_query_table_is_not_trivial(stores) -> None:
    es, _, docs, _ = stores
    sizes = [len(list(es.search(q))) for q in QUERIES]
    assert sum(0 < n < len(docs) for n in sizes) >= len(QUERIES) - 6


def test_python_analysis_matches_the_index_analyzer(stores) -> None:
    es, _, docs, _ = stores
    index = es.write_index()
    for doc in docs:
        for text in (doc["title"], doc["text"], doc["seller"] or ""):
            got = es.client.indices.analyze(index=index, analyzer="monitor_text", text=text)
            assert analyze(text) == [t["token"] for t in got["tokens"]], text


def test_monitor_search_command_on_both_stores(stores) -> None:
    es, sqlite, docs, now = stores
    query = 'is_offer:true AND sources:"58.com"'
    env = {k: v for k, v in os.environ.items() if not k.startswith("ELASTICSEARCH_")}
    runs = {
        "es": subprocess.run(
            [MONITOR, "search", query, "--json"],
            capture_output=True,
            text=True,
            env={**env, "ELASTICSEARCH_URL": es.config.url, "ELASTICSEARCH_INDEX": es.alias},
            check=False,
        ),
        "sqlite": subprocess.run(
            [MONITOR, "search", query, "--json", "--sqlite", str(sqlite.path)],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        ),
    }
    expected = [d["id"] for d in docs if ORACLES["monitor-58com-data"](d, now)]
    for name, out in runs.items():
        assert out.returncode == 0, (name, out.stderr)
        ids = [json.loads(line)["id"] for line in out.stdout.splitlines()]
        assert sorted(ids) == sorted(expected), name
        assert out.stderr.strip() == f"{len(expected)} listing(s)"
    bad = subprocess.run(
        [MONITOR, "search", "title:(", "--sqlite", str(sqlite.path)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert bad.returncode == 2 and bad.stderr.startswith("monitor: cannot parse the query")
