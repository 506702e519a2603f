"""Verification: how a recrawled page is judged, and what it does to the stored listing and
its request."""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from monitor.documents import listing_to_document
from monitor.items import Listing
from monitor.store.sqlite import SQLiteStore
from monitor.takedown.platforms import platforms
from monitor.takedown.verify import Target, VerifySpider, apply_results, classify, targets

GONE_TAOBAO = (
    "<title>淘宝网 - 宝贝不存在</title>"
    "<div>很抱歉，您查看的宝贝不存在，可能已下架或者被转移。</div>"
)
LIVE_TAOBAO = "<title>【现货】五八求职者简历</title><div class='tb-detail-hd'>单价 0.3元/条</div>"
DISCUZ_GONE = "<div id='messagetext'><p>抱歉，指定的主题不存在或已被删除或正在被审核</p></div>"


@pytest.mark.parametrize(
    ("platform", "status", "url", "text", "expected"),
    [
        ("taobao", 200, "https://item.taobao.com/item.htm?id=1", GONE_TAOBAO, "removed"),
        ("taobao", 200, "https://err.taobao.com/error1.html", "", "removed"),
        ("taobao", 200, "https://item.taobao.com/item.htm?id=1", LIVE_TAOBAO, "still_up"),
        ("tieba", 404, "https://tieba.baidu.com/p/1", "很抱歉，该贴已被删除。", "removed"),
        ("tieba", 200, "https://tieba.baidu.com/p/1", "出 zl简历 量大 价优", "still_up"),
        ("discuz", 200, "https://bbs.example/thread-7-1-1.html", DISCUZ_GONE, "removed"),
        (
            "telegram",
            200,
            "https://t.me/chan/5",
            "<div class='tgme_page_post_not_found'>Post not found",
            "removed",
        ),
        ("paste", 404, "https://paste.example/abc", "This page is no longer available.", "removed"),
        ("xianyu", 404, "https://2.taobao.com/item?id=1", "宝贝不见了", "removed"),
        ("xianyu", 410, "https://2.taobao.com/item?id=1", "", "removed"),
        ("xianyu", 503, "https://2.taobao.com/item?id=1", "busy", "unknown"),
    ],
)
def test_classify(platform: str, status: int, url: str, text: str, expected: str) -> None:
    assert classify(platforms()[platform], status, url, text)[0] == expected


def test_a_deleted_reply_in_a_live_thread_is_removed() -> None:
    plat = platforms()["discuz"]
    url = "https://bbs.example/thread-7-1-1.html#post_71"
    assert classify(plat, 200, url, "<div id='post_70'>first</div>", url) == (
        "removed",
        "post_gone:post_71",
    )
    assert classify(plat, 200, url, "<div id='post_71'>reply</div>", url)[0] == "still_up"


def _store(tmp_path) -> SQLiteStore:
    store = SQLiteStore(tmp_path / "s.sqlite3")
    for n in ("1", "2", "3"):
        item = Listing(
            platform="tieba",
            url=f"https://tieba.example/p/{n}",
            title="t",
            text="x",
            native_id=n,
            fetched_at="2026-11-20T00:00:00+00:00",
        )
        item.analysis = {"is_offer": True}
        store.upsert([listing_to_document(item)])
        store.update_fields(
            f"tieba:{n}",
            {
                "takedown": {
                    "status": "requested",
                    "requested_at": "2026-11-21T00:00:00+00:00",
                    "request_id": "TD-tieba-000000000001",
                    "checks": 0,
                }
            },
        )
    store.put_takedown_request(
        {
            "id": "TD-tieba-000000000001",
            "kind": "notice",
            "platform": "tieba",
            "created_at": "2026-11-21T00:00:00+00:00",
            "status": "open",
            "listing_ids": ["tieba:1", "tieba:2"],
            "listing_count": 2,
        }
    )
    return store


def test_results_set_status_time_to_takedown_and_close_requests(tmp_path) -> None:
    store = _store(tmp_path)
    assert sorted(t.listing_id for t in targets(store)) == ["tieba:1", "tieba:2"]
    summary = apply_results(
        store,
        [
            {
                "listing_id": "tieba:1",
                "status": "removed",
                "reason": "http_404",
                "http_status": 404,
            },
            {
                "listing_id": "tieba:2",
                "status": "still_up",
                "reason": "http_200",
                "http_status": 200,
            },
        ],
        now="2026-11-22T12:00:00+00:00",
    )
    t1, t2 = store.get("tieba:1")["takedown"], store.get("tieba:2")["takedown"]
    assert (t1["status"], t1["removed_at"], t1["hours_to_takedown"]) == (
        "removed",
        "2026-11-22T12:00:00+00:00",
        36.0,
    )
    assert (t2["status"], t2["last_seen_up_at"], t2.get("hours_to_takedown")) == (
        "still_up",
        "2026-11-22T12:00:00+00:00",
        None,
    )
    assert summary.by_status == {"removed": 1, "still_up": 1} and not summary.closed_requests
    assert [t.listing_id for t in targets(store)] == ["tieba:2"]  # removed ones are not rechecked

    # A captcha later on is "unknown": not removed, and the request stays open.
    apply_results(
        store,
        [
            {
                "listing_id": "tieba:2",
                "status": "unknown",
                "reason": "blocked:captcha",
                "http_status": None,
            }
        ],
        now="2026-11-23T00:00:00+00:00",
    )
    assert store.get("tieba:2")["takedown"]["status"] == "unknown"
    assert store.get_takedown_request("TD-tieba-000000000001")["status"] == "open"

    summary = apply_results(
        store,
        [
            {
                "listing_id": "tieba:2",
                "status": "removed",
                "reason": "gone_page:该贴已被删除",
                "http_status": 200,
            }
        ],
        now="2026-11-24T00:00:00+00:00",
    )
    assert summary.closed_requests == ["TD-tieba-000000000001"]
    req = store.get_takedown_request("TD-tieba-000000000001")
    assert (req["status"], req["removed_count"], req["closed_at"]) == (
        "closed",
        2,
        "2026-11-24T00:00:00+00:00",
    )
    assert store.get("tieba:2")["takedown"]["hours_to_takedown"] == 72.0
    assert store.get("tieba:1")["takedown"]["removed_at"] == "2026-11-22T12:00:00+00:00"
    assert targets(store) == []
    store.close()


def test_store_keeps_requests_once_by_id(tmp_path) -> None:
    store = _store(tmp_path)
    again = {
        "id": "TD-tieba-000000000001",
        "kind": "notice",
        "platform": "tieba",
        "created_at": "2026-11-30T00:00:00+00:00",
        "status": "open",
        "listing_ids": [],
    }
    assert store.put_takedown_request(again) is False
    assert (
        store.get_takedown_request("TD-tieba-000000000001")["created_at"]
        == "2026-11-21T00:00:00+00:00"
    )
    assert [r["id"] for r in store.takedown_requests(platform="tieba", open_only=True)] == [
        "TD-tieba-000000000001"
    ]
    assert list(store.takedown_requests(platform="taobao")) == []
    store.close()


def test_a_removed_listing_seen_again_reappears_and_is_asked_for_again(tmp_path) -> None:
    store = _store(tmp_path)
    apply_results(
        store,
        [{"listing_id": "tieba:1", "status": "removed", "reason": "http_404", "http_status": 404}],
        now="2026-11-22T00:00:00+00:00",
    )
    item = Listing(
        platform="tieba",
        url="https://tieba.example/p/1",
        title="t",
        text="x",
        native_id="1",
        fetched_at="2026-11-25T00:00:00+00:00",
    )
    item.analysis = {"is_offer": True}
    store.upsert([listing_to_document(item)])
    t = store.get("tieba:1")["takedown"]
    assert (t["status"], t["reappeared_at"]) == ("reappeared", "2026-11-25T00:00:00+00:00")
    assert t["removed_at"] == "2026-11-22T00:00:00+00:00"  # history of the first cycle kept
    assert "tieba:1" in [x.listing_id for x in targets(store)]
    store.close()


def _verify_spider(targets_: list) -> VerifySpider:
    crawler = get_crawler(VerifySpider, settings_dict={"SPIDER_MODULES": ["spiders"]})
    return VerifySpider.from_crawler(crawler, targets=targets_)


@pytest.mark.parametrize(
    ("platform", "url", "status", "body", "block"),
    [
        # A gone page is the answer, never a block.
        ("taobao", "https://item.taobao.example/item.htm?id=1", 200, GONE_TAOBAO, None),
        # The platform spider's own detection: Taobao's slider captcha.
        (
            "taobao",
            "https://item.taobao.example/item.htm?id=1",
            200,
            "<div id='nc_1_n1z'>请拖动下方滑块完成验证</div>",
            "captcha",
        ),
        # Telegram's spider calls pages outside /s/ "not_public"; a post permalink is one.
        (
            "telegram",
            "https://t.example/chan/5",
            200,
            "<div class='tgme_widget_message'>x</div>",
            None,
        ),
        ("telegram", "https://t.example/chan/5", 429, "Too Many Requests", "rate_limited"),
    ],
)
def test_verify_block_detection(
    platform: str, url: str, status: int, body: str, block: str | None
) -> None:
    spider = _verify_spider([Target("x:1", platform, url)])
    response = HtmlResponse(url, status=status, body=body.encode("utf-8"), encoding="utf-8")
    assert spider.detect_block(response) == block


def test_verify_sends_the_platform_session_to_that_platform_only() -> None:
    crawler = get_crawler(
        VerifySpider,
        settings_dict={
            "SPIDER_MODULES": ["spiders"],
            "TAOBAO_BASE_URL": "https://s.taobao.com",
            "TAOBAO_COOKIES": "cookie2=abc; _tb_token_=def",
        },
    )
    taobao = Target("taobao:1", "taobao", "https://item.taobao.com/item.htm?id=1")
    tmall = Target("taobao:2", "taobao", "https://detail.tmall.com/item.htm?id=2")
    tieba = Target("tieba:1", "tieba", "https://tieba.baidu.com/p/1")
    spider = VerifySpider.from_crawler(crawler, targets=[taobao, tmall, tieba])
    headers, meta = spider.session_headers(taobao)
    assert headers == {"Cookie": "cookie2=abc; _tb_token_=def"}
    assert meta == {"dont_merge_cookies": True}
    # Taobao's cookies never go to Tmall's host, nor to another platform.
    assert spider.session_headers(tmall) == ({}, {})
    assert spider.session_headers(tieba) == ({}, {})
