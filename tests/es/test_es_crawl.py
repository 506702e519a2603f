"""End to end: the demo world crawled into Elasticsearch while the node goes away mid-crawl;
after ``monitor es replay`` every sighting is stored exactly once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from es_helpers import FlakyProxy, es_settings, new_alias

from monitor.store.elasticsearch import ElasticsearchStore
from monitor.store.es_admin import setup

MONITOR = str(Path(sys.executable).parent / "monitor")


@pytest.mark.slow
def test_crawl_with_the_node_going_away_loses_nothing(es_url, demo_world, tmp_path) -> None:
    alias = new_alias()
    store = ElasticsearchStore.from_settings(es_settings(es_url, alias), check=False)
    setup(store)
    proxy = FlakyProxy(es_url)
    proxy.down_after_bulks = 3  # the node "dies" after three batches
    spool = tmp_path / "spool.jsonl"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ELASTICSEARCH_")}
    env.update(
        ELASTICSEARCH_URL=proxy.url,
        ELASTICSEARCH_INDEX=alias,
        ELASTICSEARCH_SPOOL_PATH=str(spool),
        ELASTICSEARCH_BULK_SIZE="3",
        ELASTICSEARCH_FLUSH_SECONDS="60",
        ELASTICSEARCH_MAX_RETRIES="0",
    )
    try:
        crawl = subprocess.run(
            [
                MONITOR,
                "crawl",
                "--demo-url",
                demo_world.url,
                "--no-progress",
                "--report",
                str(tmp_path / "report.json"),
                "-s",
                f"MONITOR_EVIDENCE_STORE={tmp_path / 'ev'}",
                "-s",
                f"MONITOR_EVIDENCE_RAW_STORE={tmp_path / 'raw'}",
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            check=False,
        )
        assert crawl.returncode == 1, crawl.stderr[-3000:]  # no summary: the store is gone
        assert "monitor: no summary: cannot reach Elasticsearch" in crawl.stderr
        stats = json.loads((tmp_path / "report.json").read_text())["spiders"]
        total = lambda key: sum(s.get(key, 0) for s in stats.values())  # noqa: E731
        offers, spooled = total("monitor/offers"), total("elasticsearch/spooled")
        assert offers > 30 and spooled > 0 and total("store/errors") == 0
        assert total("elasticsearch/indexed") + spooled == offers
        assert len(spool.read_text("utf-8").splitlines()) == spooled

        proxy.up()
        replay = subprocess.run(
            [MONITOR, "es", "replay"],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
        assert replay.returncode == 0, replay.stderr
        assert f"replayed {spooled} document(s)" in replay.stdout
        assert not spool.exists()
        store.refresh()
        docs = list(store.listings())
        assert sum(d["seen_count"] for d in docs) == offers  # every sighting, once
        assert {d["platform"] for d in docs} == {
            "taobao",
            "xianyu",
            "tieba",
            "discuz",
            "telegram",
            "paste",
        }
    finally:
        proxy.down()
        store.client.indices.delete(index=f"{alias}*", ignore_unavailable=True)
        store.client.indices.delete_index_template(name=alias)
        store.close()
