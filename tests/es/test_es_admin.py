"""``monitor es`` operations on the real node: setup, reindex behind the alias, retention, and
one clear error line when the store cannot be used."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace

import pytest
from es_helpers import es_settings, new_alias

from monitor.documents import listing_to_document
from monitor.items import Listing
from monitor.store.elasticsearch import ElasticsearchStore
from monitor.store.es_admin import ilm_available, reindex, retention, setup
from monitor.store.es_index import first_index, ilm_policy

MONITOR = str(Path(sys.executable).parent / "monitor")


def _doc(n: int, when: str) -> dict:
    item = Listing(
        platform="paste",
        url=f"http://x/{n}",
        title="简历",
        text="x",
        native_id=str(n),
        fetched_at=when,
    )
    item.analysis = {"is_offer": True}
    return listing_to_document(item)


def test_setup_is_idempotent(es_store) -> None:
    report = setup(es_store)
    assert report.needs_reindex is False and report.ilm is False
    assert any("writes to" in line for line in report.lines)
    assert es_store.write_index() == first_index(es_store.alias)


def test_reindex_moves_the_alias_and_keeps_every_document_under_writes(es_url, es_store) -> None:
    es_store.upsert([_doc(n, "2026-11-01T00:00:00+00:00") for n in range(3000)])
    es_store.refresh()
    writer = ElasticsearchStore.from_settings(es_settings(es_url, es_store.alias))
    stop = threading.Event()
    seen = []

    def write() -> None:  # a crawl goes on during the reindex
        n = 0
        while not stop.is_set():
            res = writer.upsert(
                [
                    _doc(n % 3000, "2026-11-02T00:00:00+00:00"),
                    _doc(5000 + n, "2026-11-02T00:00:00+00:00"),
                ]
            )
            seen.append((res.created, res.updated, len(res.errors), len(res.deferred)))
            n += 1

    thread = threading.Thread(target=write)
    thread.start()
    try:
        report = reindex(es_store)
    finally:
        stop.set()
        thread.join()
        writer.close()
    es_store.refresh()
    assert es_store.write_index() == report.target == f"{es_store.alias}-000002"
    assert report.deleted_old and report.copied >= 3000
    assert not es_store.client.indices.exists(index=report.source)
    written = len(seen)
    assert written > 0 and all(errors == deferred == 0 for _, _, errors, deferred in seen)
    assert es_store.count() == 3000 + written
    updated = {n % 3000 for n in range(written)}
    for n in sorted(updated)[:20]:
        assert es_store.get(f"paste:{n}")["seen_count"] == 2
    assert es_store.get("paste:2999")["seen_count"] == (2 if 2999 in updated else 1)


def test_retention_deletes_only_listings_not_seen_since_the_cutoff(es_store) -> None:
    es_store.upsert(
        [_doc(n, "2026-01-01T00:00:00+00:00") for n in range(5)]
        + [_doc(n, "2026-11-01T00:00:00+00:00") for n in range(5, 8)]
    )
    es_store.upsert([_doc(0, "2026-11-05T00:00:00+00:00")])  # seen again: kept
    es_store.refresh()
    assert retention(es_store, "2026-06-01T00:00:00+00:00", dry_run=True) == 4
    assert es_store.count() == 8
    # The same through the store interface `monitor retention` uses.
    assert es_store.delete_not_seen_since("2026-06-01T00:00:00+00:00") == 4
    assert sorted(d["id"] for d in es_store.listings()) == [
        "paste:0",
        "paste:5",
        "paste:6",
        "paste:7",
    ]


def _run(*args: str, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("ELASTICSEARCH_")}
    return subprocess.run(
        [MONITOR, *args],
        capture_output=True,
        text=True,
        check=False,
        env={**environ, **env},
        timeout=60,
    )


@pytest.mark.parametrize(
    "command",
    [
        ["listings"],
        ["search", "简历"],
        ["es", "status"],
        ["es", "retention", "--older-than", "180d"],
        ["retention", "--older-than", "180d"],
        ["crawl", "paste"],
    ],
)
def test_wrong_url_is_one_line_at_start(command: list[str]) -> None:
    out = _run(*command, ELASTICSEARCH_URL="http://127.0.0.1:9")
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert lines[0].startswith("monitor: cannot reach Elasticsearch at http://127.0.0.1:9")


def test_missing_setup_is_one_line_naming_the_fix(es_url) -> None:
    out = _run("listings", ELASTICSEARCH_URL=es_url, ELASTICSEARCH_INDEX=new_alias())
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [
        f"monitor: Elasticsearch at {es_url} has no index template "
        f"'{out.stderr.split(chr(39))[1]}': run `monitor es setup` first"
    ]


def test_bad_credentials_are_one_line_without_the_secret() -> None:
    class Refuse(BaseHTTPRequestHandler):  # a secured cluster answering 401
        def log_message(self, *args):
            pass

        def do_GET(self):
            body = json.dumps(
                {
                    "error": {
                        "type": "security_exception",
                        "reason": "unable to authenticate user [monitor]",
                    },
                    "status": 401,
                }
            ).encode()
            self.send_response(401)
            self.send_header("Content-Type", "application/json")
            self.send_header("X-Elastic-Product", "Elasticsearch")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Refuse)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        out = _run(
            "listings",
            ELASTICSEARCH_URL=url,
            ELASTICSEARCH_USERNAME="monitor",
            ELASTICSEARCH_PASSWORD="hunter2-very-secret",
        )
    finally:
        server.shutdown()
        server.server_close()
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [
        f"monitor: Elasticsearch at {url} rejected the credentials (user 'monitor'); check "
        "ELASTICSEARCH_USERNAME/ELASTICSEARCH_PASSWORD or ELASTICSEARCH_API_KEY"
    ]
    assert "hunter2" not in out.stderr + out.stdout


def test_bad_setting_is_one_line() -> None:
    out = _run("listings", ELASTICSEARCH_URL="http://127.0.0.1:9200", ELASTICSEARCH_INDEX="Bad")
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [
        "monitor: ELASTICSEARCH_INDEX must be a lowercase index name (a-z, 0-9, - _ .), got 'Bad'"
    ]


def test_ilm_is_detected_from_the_nodes_modules_and_the_policy_deletes_retired_indices() -> None:
    def store_with(modules: list[str]) -> SimpleNamespace:
        nodes = {"n1": {"modules": [{"name": m} for m in modules]}}
        info = SimpleNamespace(info=lambda metric: {"nodes": nodes})
        return SimpleNamespace(client=SimpleNamespace(nodes=info), call=lambda fn, **kw: fn(**kw))

    assert ilm_available(store_with(["x-pack-core", "x-pack-ilm"])) is True
    assert ilm_available(store_with(["transport-netty4", "monitor-extras"])) is False
    phases = ilm_policy()["policy"]["phases"]
    assert phases["delete"] == {"min_age": "30d", "actions": {"delete": {}}}
