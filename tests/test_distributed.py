"""Several crawler processes sharing one frontier in a real Redis (scrapy-redis)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import redis

from monitor.store.sqlite import SQLiteStore

pytestmark = pytest.mark.redis

MONITOR = str(Path(sys.executable).parent / "monitor")
SPIDERS = ["paste", "tieba", "discuz", "telegram"]


def _worker(world, env, report: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [MONITOR, "crawl", *SPIDERS, "--demo-url", world.url, "--keep-non-offers",
         "--no-progress", "--report", str(report), *extra],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _finish(proc: subprocess.Popen[str]) -> None:
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err[-3000:]


def _pages(report: Path) -> int:
    stats = json.loads(report.read_text())["spiders"]
    return sum(s.get("response_received_count", 0) for s in stats.values())


@pytest.fixture(scope="module")
def runs(demo_world, redis_url, tmp_path_factory):
    import os

    tmp = tmp_path_factory.mktemp("distributed")
    env = dict(os.environ)
    env.pop("ELASTICSEARCH_URL", None)
    solo_env = {**env, "MONITOR_SQLITE_PATH": str(tmp / "solo.sqlite3")}
    _finish(_worker(demo_world, solo_env, tmp / "solo.json"))

    shared = {**env, "MONITOR_SQLITE_PATH": str(tmp / "shared.sqlite3"),
              "MONITOR_REDIS_URL": redis_url, "MONITOR_REDIS_RUN": "run-1",
              "MONITOR_REDIS_IDLE_GRACE": "2"}  # fmt: skip
    workers = [_worker(demo_world, shared, tmp / f"w{n}.json") for n in (1, 2)]
    for proc in workers:
        _finish(proc)
    _finish(_worker(demo_world, shared, tmp / "again.json"))  # same run: nothing left to do
    new_run = {**shared, "MONITOR_REDIS_RUN": "run-2"}
    _finish(_worker(demo_world, new_run, tmp / "next.json"))
    return tmp


def test_two_workers_fetch_each_page_once_and_store_everything(runs) -> None:
    with SQLiteStore(runs / "solo.sqlite3") as solo, SQLiteStore(runs / "shared.sqlite3") as shared:
        assert {d["id"] for d in shared.listings()} == {d["id"] for d in solo.listings()}
        # paste, tieba (with reply floors), discuz (with reply floors), telegram
        assert shared.count() == 10 + 23 + 20 + 16
    assert _pages(runs / "w1.json") + _pages(runs / "w2.json") == _pages(runs / "solo.json")


def test_the_same_run_does_not_fetch_again_and_a_new_run_does(runs) -> None:
    assert _pages(runs / "again.json") == 0
    assert _pages(runs / "next.json") == _pages(runs / "solo.json")


def test_run_keys_expire(runs, redis_url) -> None:
    client = redis.Redis.from_url(redis_url)
    keys = client.keys("monitor:run-1:*")
    assert {k.decode() for k in keys} >= {f"monitor:run-1:{s}:dupefilter" for s in SPIDERS}
    assert all(0 < client.ttl(k) <= 7 * 24 * 3600 for k in keys)


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (["-s", "MONITOR_REDIS_RUN="], "MONITOR_REDIS_RUN must name the run"),
        (["-s", "MONITOR_REDIS_RUN=a b"], "MONITOR_REDIS_RUN must name the run"),
        (["-s", "MONITOR_REDIS_IDLE_GRACE=soon"], "MONITOR_REDIS_IDLE_GRACE must be a number"),
        (["-s", "MONITOR_REDIS_TTL=5"], "MONITOR_REDIS_TTL must be at least 60 seconds"),
        (
            ["-s", "MONITOR_REDIS_URL=redis://:secret@127.0.0.1:9/0"],
            "cannot reach Redis at redis://***@",
        ),
    ],
)
def test_bad_redis_settings_are_one_clear_line(
    demo_world, redis_url, clean_env, settings, message
) -> None:
    env = {**clean_env, "MONITOR_REDIS_URL": redis_url, "MONITOR_REDIS_RUN": "ok"}
    done = subprocess.run(
        [MONITOR, "crawl", "paste", "--demo-url", demo_world.url, "--no-progress", *settings],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2
    assert message in done.stderr and "secret" not in done.stderr
    assert "Traceback" not in done.stderr


def test_an_idle_worker_waits_for_the_grace_period_then_stops() -> None:
    from scrapy.exceptions import DontCloseSpider

    from monitor.distributed import SharedQueueGrace

    now = [100.0]
    ext = SharedQueueGrace(grace=30, clock=lambda: now[0])
    for t in (100.0, 110.0, 129.0):  # idle, but another worker may still enqueue
        now[0] = t
        with pytest.raises(DontCloseSpider):
            ext.spider_idle(spider=None)
    now[0] = 131.0
    ext.activity()  # a response came in from the shared queue: the clock starts again
    with pytest.raises(DontCloseSpider):
        ext.spider_idle(spider=None)
    now[0] = 160.0
    with pytest.raises(DontCloseSpider):
        ext.spider_idle(spider=None)
    now[0] = 161.5
    ext.spider_idle(spider=None)  # 30 s idle: the worker may close
