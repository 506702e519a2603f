"""The project installs itself so that its top-level packages are the ones Scrapy imports."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("package", ["monitor", "spiders", "pipelines"])
def test_top_level_packages_resolve_to_this_checkout(package: str) -> None:
    module = importlib.import_module(package)
    assert module.__file__ is not None
    assert Path(module.__file__).resolve().parent == REPO / package


def test_console_script_is_installed_in_the_venv() -> None:
    script = Path(sys.executable).parent / "monitor"
    assert script.exists(), "pip install -e . did not create the monitor console script"
    out = subprocess.run([str(script), "--help"], capture_output=True, text=True, check=True)
    for command in ("crawl", "demo", "listings", "extract"):
        assert command in out.stdout


def test_scrapy_list_from_repo_root_names_every_spider() -> None:
    scrapy = Path(sys.executable).parent / "scrapy"
    out = subprocess.run(
        [str(scrapy), "list"], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == [
        "discuz",
        "generic",
        "paste",
        "taobao",
        "telegram",
        "tieba",
        "xianyu",
    ]


def test_spiders_resolve_to_this_checkout_under_scrapy() -> None:
    # Scrapy appends the scrapy.cfg folder to the *end* of sys.path: an installed
    # distribution named "spiders" would win. Check what Scrapy itself imports.
    code = (
        "from scrapy.utils.project import get_project_settings;"
        "from scrapy.spiderloader import SpiderLoader;"
        "import inspect;"
        "cls = SpiderLoader.from_settings(get_project_settings()).load('telegram');"
        "print(inspect.getfile(cls))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert Path(out.stdout.strip()).resolve() == REPO / "spiders" / "telegram.py"
