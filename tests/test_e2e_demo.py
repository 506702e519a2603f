"""End to end, as a user runs it: the demo world on a free port, `monitor crawl` in a
subprocess, the embedded store read back."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from monitor.demo.world import CAPTCHA_KEYWORD, PAGE_SIZE, load_listings
from monitor.store.sqlite import SQLiteStore

pytestmark = pytest.mark.slow

MONITOR = str(Path(sys.executable).parent / "monitor")

# 86 demo listings; the shop's search for CAPTCHA_KEYWORD hits the captcha from its second
# page, which hides 7 - 4 = 3 item pages; every forum reply floor is a listing of its own
# (9 on the Tieba-like forum, 6 on the Discuz!-like one): 86 - 3 + 15 = 98.
EXPECTED_LISTINGS = 98


def _hidden_by_captcha() -> set[str]:
    shop = [
        i for i in load_listings() if i.platform == "ecommerce" and i.keyword == CAPTCHA_KEYWORD
    ]
    return {i.key for i in shop[PAGE_SIZE["ecommerce"] :]}


def _crawl(url: str, env: dict[str, str], report: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            MONITOR,
            "crawl",
            "--demo-url",
            url,
            "--keep-non-offers",
            "--no-progress",
            "--report",
            str(report),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def crawled(demo_world, tmp_path_factory):
    """Two crawls of the same world into one store."""
    import os

    tmp = tmp_path_factory.mktemp("e2e")
    env = dict(os.environ)
    env.pop("ELASTICSEARCH_URL", None)
    env["MONITOR_SQLITE_PATH"] = str(tmp / "store.sqlite3")
    first = _crawl(demo_world.url, env, tmp / "first.json")
    with SQLiteStore(tmp / "store.sqlite3") as store:
        after_first = {d["id"]: d for d in store.listings()}
    second = _crawl(demo_world.url, env, tmp / "second.json")
    with SQLiteStore(tmp / "store.sqlite3") as store:
        after_second = {d["id"]: d for d in store.listings()}
    return {
        "first": first,
        "second": second,
        "report1": json.loads((tmp / "first.json").read_text()),
        "report2": json.loads((tmp / "second.json").read_text()),
        "docs1": after_first,
        "docs2": after_second,
        "db": str(tmp / "store.sqlite3"),
    }


def test_crawl_succeeds_and_prints_the_summary(crawled) -> None:
    run = crawled["first"]
    assert run.returncode == 0, run.stderr[-3000:]
    for heading in (
        "Crawl summary",
        "By platform",
        "Offers by claimed source",
        "Top sellers by contact",
        "Price per record",
        "Blocked pages",
    ):
        assert heading in run.stdout


_PLATFORM = {"ecommerce": "taobao", "secondhand": "xianyu"}


def _demo_key(doc: dict) -> str | None:
    """The listings.yaml key a stored document came from; None for a reply floor."""
    native = doc["native_id"]
    if "#" in native:
        return None
    if doc["platform"] == "discuz":
        native = native.rsplit("/", 1)[-1]  # host/tid
    for item in load_listings():
        if (
            _PLATFORM.get(item.platform, item.platform) == doc["platform"]
            and item.public_id == native
        ):
            return item.key
    raise AssertionError(f"stored listing {doc['id']} is not in the demo world")


def test_exact_number_of_listings_and_offers_stored(crawled) -> None:
    docs = crawled["docs1"]
    assert len(docs) == EXPECTED_LISTINGS
    labels = {i.key: i.label for i in load_listings()}
    reachable_offers = {
        k for k, label in labels.items() if label.get("is_offer") and k not in _hidden_by_captcha()
    }
    stored_offers = {_demo_key(d) or d["id"] for d in docs.values() if d["is_offer"]}
    stats = crawled["report1"]["spiders"]
    assert len(stored_offers) == sum(s.get("monitor/offers", 0) for s in stats.values())
    assert len(reachable_offers) == 35
    assert stored_offers == reachable_offers, (
        f"missed: {sorted(reachable_offers - stored_offers)}, "
        f"false: {sorted(stored_offers - reachable_offers)}"
    )


def test_every_platform_contributes(crawled) -> None:
    platforms = {d["platform"] for d in crawled["docs1"].values()}
    assert platforms == {"taobao", "xianyu", "tieba", "discuz", "telegram", "paste"}


def test_second_crawl_adds_no_duplicates_and_keeps_first_seen(crawled) -> None:
    assert crawled["second"].returncode == 0, crawled["second"].stderr[-3000:]
    one, two = crawled["docs1"], crawled["docs2"]
    assert set(two) == set(one)
    for doc_id, doc in two.items():
        assert doc["first_seen"] == one[doc_id]["first_seen"]
        assert doc["seen_count"] == 2
        assert doc["last_seen"] >= one[doc_id]["last_seen"]
    stats = crawled["report2"]["spiders"]
    assert sum(s.get("store/created", 0) for s in stats.values()) == 0
    assert sum(s.get("store/updated", 0) for s in stats.values()) == EXPECTED_LISTINGS


def test_captcha_is_reported_as_blocked_not_as_an_empty_result(crawled) -> None:
    taobao = crawled["report1"]["spiders"]["taobao"]
    assert taobao["blocked/taobao/captcha"] == 1
    assert "blocked page (taobao/captcha)" in crawled["first"].stderr
    assert "taobao/captcha" in crawled["first"].stdout  # in the summary's blocked table
    # The pages before the captcha were still read.
    assert sum(1 for d in crawled["docs1"].values() if d["platform"] == "taobao") == 15


def test_loop_trap_is_refused_and_the_crawl_ends(crawled) -> None:
    telegram = crawled["report1"]["spiders"]["telegram"]
    assert telegram["monitor/pagination/loop_refused"] >= 1
    assert telegram["finish_reason"] == "finished"
    # Every message of every channel, once.
    messages = [d for d in crawled["docs1"].values() if d["platform"] == "telegram"]
    assert len(messages) == sum(1 for i in load_listings() if i.platform == "telegram")


def test_listings_command_filters_the_store(crawled) -> None:
    run = subprocess.run(
        [
            MONITOR,
            "listings",
            "--sqlite",
            crawled["db"],
            "--platform",
            "tieba",
            "--offers",
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    printed = {json.loads(line)["id"] for line in run.stdout.splitlines()}
    expected = {
        i for i, d in crawled["docs1"].items() if d["platform"] == "tieba" and d["is_offer"]
    }
    assert printed == expected and printed


def test_stored_text_has_no_victim_phone_numbers(crawled) -> None:
    import re

    mobile = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
    for doc in crawled["docs1"].values():
        seller = {c["value"] for c in doc["contacts"] if c["type"] in ("phone", "wechat")}
        for number in mobile.findall(doc["text"]):
            assert number in seller, f"{doc['id']} stores a data subject's phone number"


def test_offers_carry_the_signals_that_flagged_them(crawled) -> None:
    offers = [d for d in crawled["docs1"].values() if d["is_offer"]]
    assert offers
    for doc in offers:
        assert 0 < doc["score"] <= 1 and doc["signals"], doc["id"]
        assert doc["evidence"]["page_sha256"] and doc["evidence"]["captured_at"]


def test_one_seller_across_platforms_is_grouped_by_contact(crawled) -> None:
    # The same QQ number sells on the shop, the Tieba-like and the Discuz!-like forum.
    docs = [d for d in crawled["docs1"].values() if "qq:2850001137" in d["contact_values"]]
    assert {d["platform"] for d in docs} == {"taobao", "tieba", "discuz"}
    assert "qq:2850001137" in crawled["first"].stdout  # top sellers table


def test_a_spider_that_cannot_start_fails_the_command_not_a_quiet_market(
    demo_world, tmp_path
) -> None:
    # A pipeline's bad setting raises while the crawler starts, inside Scrapy's engine: the
    # command must say so and exit non-zero, not print a summary of zero pages and exit 0.
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("ELASTICSEARCH_")}
    env["MONITOR_SQLITE_PATH"] = str(tmp_path / "s.sqlite3")
    same = str(tmp_path / "evidence")
    done = subprocess.run(
        [MONITOR, "crawl", "paste", "--demo-url", demo_world.url, "--no-progress",
         "--report", str(tmp_path / "r.json"),
         "-s", f"MONITOR_EVIDENCE_STORE={same}", "-s", f"MONITOR_EVIDENCE_RAW_STORE={same}"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2
    assert "spider paste failed: MONITOR_EVIDENCE_RAW_STORE must differ" in done.stderr
    assert "Traceback" not in done.stderr and "Crawl summary" not in done.stdout
    report = json.loads((tmp_path / "r.json").read_text())
    assert set(report["failures"]) == {"paste"}
