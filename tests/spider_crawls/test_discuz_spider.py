"""The Discuz! spider on the demo world's forum, served in GBK and, in a rebranded theme, in
UTF-8; forums that refuse or ask to log in; pages past the end."""

from __future__ import annotations

import urllib.request

import pytest_twisted
from crawling import assert_listing_context, crawl, settings_for
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from monitor.demo.world import load_listings
from spiders.discuz import DiscuzSpider


def _expected_tids() -> set[str]:
    ids = set()
    for item in load_listings():
        if item.platform == "discuz":
            ids.add(item.native_id)
            ids.update(
                f"{item.native_id}#{int(item.native_id) * 10 + n}"
                for n in range(1, len(item.replies) + 1)
            )
    return ids


def _tids(result, host: str) -> set[str]:
    assert all(i.native_id.startswith(f"{host}/") for i in result.items)
    return {i.native_id.split("/", 1)[1] for i in result.items}


@pytest_twisted.ensureDeferred
async def test_gbk_forum(demo_world) -> None:
    result = await crawl("discuz", settings_for(demo_world))
    host = demo_world.url.split("//")[1]
    assert _tids(result, host) == _expected_tids()
    assert_listing_context(result.items, "/discuz/")
    titles = {i.title for i in result.items if "#" not in i.native_id}
    demo_titles = {i.title for i in load_listings() if i.platform == "discuz"}
    assert titles == demo_titles  # GBK decoded: the Chinese titles read back exactly
    assert all(i.snapshot.encoding in ("gbk", "gb18030") for i in result.items)
    assert all(i.posted_at and i.posted_at.endswith("+08:00") for i in result.items)
    assert {i.page for i in result.items} == {1, 2, 3}


@pytest_twisted.ensureDeferred
async def test_utf8_rebranded_forum_reads_the_same(demo_world) -> None:
    settings = settings_for(demo_world, DISCUZ_BASE_URL=f"{demo_world.url}/discuz-utf8")
    result = await crawl("discuz", settings)
    host = demo_world.url.split("//")[1]
    assert _tids(result, host) == _expected_tids()  # thread ids without a canonical link
    gbk = {i.native_id: i for i in (await crawl("discuz", settings_for(demo_world))).items}
    for item in result.items:
        assert item.snapshot.encoding == "utf-8"
        twin = gbk[item.native_id]
        assert (item.text, item.seller, item.posted_at) == (twin.text, twin.seller, twin.posted_at)


@pytest_twisted.ensureDeferred
async def test_refusals_are_blocks_not_empty_forums(demo_world) -> None:
    result = await crawl("discuz", settings_for(demo_world), forums="3,4")
    assert result.items == []
    assert result.stat("blocked/discuz/no_permission") == 1
    assert result.stat("blocked/discuz/login_wall") == 1


def test_page_past_the_end_answered_with_the_last_page_is_refused(demo_world) -> None:
    crawler = get_crawler(
        DiscuzSpider, {"DISCUZ_BASE_URL": f"{demo_world.url}/discuz", "DISCUZ_FORUMS": ["2"]}
    )
    spider = DiscuzSpider.from_crawler(crawler)
    crawler.spider = spider
    crawler.stats.open_spider()
    url = f"{demo_world.url}/discuz/forum.php?mod=forumdisplay&fid=2&page=7"
    with urllib.request.urlopen(url) as resp:
        body, ctype = resp.read(), resp.headers["Content-Type"]
    response = HtmlResponse(url, body=body, headers={"Content-Type": ctype}, request=Request(url))
    assert list(spider.parse_list(response, page=7)) == []
    assert crawler.stats.get_value("monitor/pagination/loop_refused") == 1


def test_real_rebranded_list_and_thread(real) -> None:
    crawler = get_crawler(DiscuzSpider, {"DISCUZ_BASE_URL": "https://kbinance.com"})
    spider = DiscuzSpider.from_crawler(crawler)
    url = "https://kbinance.com/forum-2-1.html"
    response = HtmlResponse(
        url,
        body=real("discuz/forumdisplay-x3-rebranded-2022.html").get().encode(),
        encoding="utf-8",
        request=Request(url, meta={"list_key": "fid=2"}),
    )
    out = list(spider.parse_list(response, page=1))
    assert [r.url for r in out][:2] == [
        "https://kbinance.com/thread-12-1-1.html",
        "https://kbinance.com/thread-11-1-1.html",
    ]
    assert [r.meta["rank"] for r in out] == list(range(1, 9))
    url = "https://kbinance.com/thread-10-1-1.html"
    response = HtmlResponse(
        url,
        body=real("discuz/viewthread-x3-rebranded-2022.html").get().encode(),
        encoding="utf-8",
        request=Request(
            url, meta={"found_on": "https://kbinance.com/forum-2-1.html", "rank": 3, "page": 1}
        ),
    )
    (listing,) = spider.parse_thread(response)
    assert listing.native_id == "kbinance.com/10"
    assert (listing.seller, listing.seller_id, listing.posted_at) == (
        "币安还钱",
        "7",
        "2022-02-22T16:13:26+08:00",
    )
    assert (listing.found_on, listing.rank, listing.page) == (
        "https://kbinance.com/forum-2-1.html",
        3,
        1,
    )


def test_later_thread_page_floors_come_from_the_page_not_from_counting() -> None:
    crawler = get_crawler(DiscuzSpider, {"DISCUZ_BASE_URL": "https://bbs.example.cn"})
    spider = DiscuzSpider.from_crawler(crawler)
    posts = "".join(
        f'<div id="post_{pid}"><a href="#" id="postnum{pid}">{label}</a>'
        f'<table><tr><td class="t_f" id="postmessage_{pid}">回复 {pid}</td></tr></table></div>'
        for pid, label in ((901, "<em>21</em><sup>#</sup>"), (902, "22#"), (903, ""))
    )
    html = f'<span id="thread_subject">求简历</span><div id="postlist">{posts}</div>'
    url = "https://bbs.example.cn/thread-77-2-1.html"
    response = HtmlResponse(url, body=html.encode(), encoding="utf-8", request=Request(url))
    listings = list(spider.parse_thread(response, thread_page=2))
    assert [item.extra["floor"] for item in listings] == [21, 22, None]
    # None of them is the thread's first post: each is a reply listing of its own.
    assert [item.native_id for item in listings] == [
        "bbs.example.cn/77#901",
        "bbs.example.cn/77#902",
        "bbs.example.cn/77#903",
    ]
    assert all(item.title == "" for item in listings)
