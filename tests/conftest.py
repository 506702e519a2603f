from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from monitor.demo import DemoWorld

# Helper modules of the test folders (realpages, crawling) import by their plain names.
sys.path.insert(0, str(Path(__file__).resolve().parent / "spider_crawls"))
from realpages import real_page

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="module")
def demo_world():
    """The demo world on a free port for the tests of one module."""
    with DemoWorld() as world:
        yield world


@pytest.fixture
def clean_env(tmp_path) -> dict[str, str]:
    """Environment for a subprocess crawl: the embedded store in a temporary folder, whatever
    the developer's shell points at."""
    env = dict(os.environ)
    env.pop("ELASTICSEARCH_URL", None)
    env["MONITOR_SQLITE_PATH"] = str(tmp_path / "store.sqlite3")
    return env


@pytest.fixture
def real():
    """``real(name, encoding="utf-8")``: a saved real page (tests/fixtures/real-pages) as a
    Selector."""
    return real_page


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """A real Redis server on a free port for the session, stopped by its pid afterwards."""
    import shutil
    import signal
    import subprocess
    import time

    binary = shutil.which("redis-server")
    if binary is None:
        message = "redis-server is not installed (make test installs it: scripts/system-deps.sh)"
        if os.environ.get("MONITOR_REQUIRE_SERVICES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    port = _free_port()
    pidfile = tmp_path_factory.mktemp("redis") / "redis.pid"
    subprocess.run(
        [binary, "--daemonize", "yes", "--bind", "127.0.0.1", "--port", str(port), "--save", "",
         "--appendonly", "no", "--pidfile", str(pidfile)],
        check=True, capture_output=True,
    )  # fmt: skip
    import redis

    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    client.close()
    if pidfile.exists():
        os.kill(int(pidfile.read_text().strip()), signal.SIGTERM)
