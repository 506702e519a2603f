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
