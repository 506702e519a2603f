"""The Tieba spider on the demo world: bar lists (BigPipe after </html>), the site search,
every floor of every thread once, and Baidu's security check."""

from __future__ import annotations

from collections import Counter

import pytest_twisted
from crawling import assert_listing_context, crawl, settings_for
from realpages import real_text
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from monitor.demo.server import TIEBA_CHECK_KEYWORD
from monitor.demo.world import load_listings
from spiders.tieba import TiebaSpider


def _expected() -> set[str]:
    ids = set()
    for item in load_listings():
        if item.platform == "tieba":
            ids.add(item.native_id)
            ids.update(
                f"{item.native_id}#{int(item.native_id) * 10 + n}"
                for n in range(2, len(item.replies) + 2)
            )
    return ids


@pytest_twisted.ensureDeferred
async def test_bars_and_search_reach_every_floor_once(demo_world) -> None:
    result = await crawl("tieba", settings_for(demo_world))
    ids = [i.native_id for i in result.items]
    assert Counter(ids).most_common(1)[0][1] == 1
    assert set(ids) == _expected()  # 14 threads and their 9 reply floors
    assert_listing_context(result.items, "/tieba/f")
    found_on = {i.found_on.split("?")[0].rsplit("/", 1)[-1] for i in result.items}
    assert found_on == {"f", "res"}  # some threads first seen in a bar, some in the search
    assert result.stat("monitor/search/empty") >= 1  # keywords nobody wrote about
    assert result.stat("monitor/parse_errors/tieba") == 0
    op = next(i for i in result.items if "#" not in i.native_id)
    assert op.posted_at.endswith("+08:00") and op.seller and op.seller_id
    assert op.extra["floor"] == 1 and op.extra["forum"]
    reply = next(i for i in result.items if "#" in i.native_id)
    assert reply.title == "" and reply.extra["thread_title"] and reply.extra["floor"] >= 2


@pytest_twisted.ensureDeferred
async def test_search_pages_follow_the_pager(demo_world) -> None:
    result = await crawl("tieba", settings_for(demo_world, TIEBA_BARS=False), keywords="简历")
    pages = {i.page for i in result.items}
    assert pages >= {1, 2}  # more hits than one result page holds
    assert all("f/search/res" in i.found_on for i in result.items)


@pytest_twisted.ensureDeferred
async def test_security_check_is_counted_as_a_captcha(demo_world) -> None:
    result = await crawl("tieba", settings_for(demo_world), keywords=TIEBA_CHECK_KEYWORD)
    assert result.items == []
    assert result.stat("blocked/tieba/captcha") == 2  # the bar and the search


def test_real_pc_list_page_requests_each_thread_and_the_next_page() -> None:
    crawler = get_crawler(TiebaSpider, {"MONITOR_KEYWORDS": ["lol"]})
    spider = TiebaSpider.from_crawler(crawler)
    crawler.spider = spider
    crawler.stats.open_spider()
    url = "https://tieba.baidu.com/f?kw=lol&ie=utf-8&pn=50"
    response = HtmlResponse(
        url,
        body=real_text("tieba/forum-list-pc-lol-2017.html").encode(),
        encoding="utf-8",
        request=Request(url, meta={"keyword": "lol"}),
    )
    out = list(spider.parse_list(response, page=2))
    threads = [r for r in out if r.callback == spider.parse_thread]
    assert len(threads) == 50 and threads[0].url == "https://tieba.baidu.com/p/5315462924"
    assert threads[0].meta == {"found_on": url, "rank": 1, "page": 2, "keyword": "lol"}
    (nxt,) = [r for r in out if r.callback == spider.parse_list]
    assert nxt.url == "https://tieba.baidu.com/f?kw=lol&ie=utf-8&pn=100"


def test_real_thread_page_yields_every_floor(real) -> None:
    crawler = get_crawler(TiebaSpider)
    spider = TiebaSpider.from_crawler(crawler)
    url = "https://tieba.baidu.com/p/3922635509"
    meta = {"found_on": "https://tieba.baidu.com/f?kw=x", "rank": 3, "page": 1, "keyword": "x"}
    response = HtmlResponse(
        url,
        body=real("tieba/thread-pc-p1-2017.html").get().encode(),
        encoding="utf-8",
        request=Request(url, meta=meta),
    )
    out = list(spider.parse_thread(response))
    listings = [o for o in out if not isinstance(o, Request)]
    (nxt,) = [o for o in out if isinstance(o, Request)]
    assert len(listings) == 30 and nxt.url == "https://tieba.baidu.com/p/3922635509?pn=2"
    assert nxt.meta["found_on"] == meta["found_on"] and nxt.meta["rank"] == 3
    assert listings[0].native_id == "3922635509" and listings[0].title == "我与妹妹的日常"
    assert listings[1].native_id == "3922635509#72290268039" and listings[1].extra["floor"] == 2
    assert {(i.found_on, i.rank, i.page) for i in listings} == {(meta["found_on"], 3, 1)}
