"""The generic spider: a user's profile crawling the demo world's (GBK) forum, the shipped
Douban profile on the saved real page served locally, per-site politeness from the profile."""

from __future__ import annotations

import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import pytest_twisted
from crawling import assert_listing_context, crawl, settings_for

from monitor.demo.world import load_listings

DEMO_PROFILE = """
name: demo_forum
platform: demo_forum
description: the demo world's Discuz!-like forum, read by selectors only
start_urls: ["{url}/discuz/forum.php?mod=forumdisplay&fid=2&page=1"]
listing:
  item: "table#threadlisttableid > tbody[id^=normalthread_]"
  fields:
    url: "th a.xst::attr(href)"
    title: "th a.xst::text"
    seller: "td.by cite a::text"
    posted: "td.by em span::text"
    replies: "td.num a::text"
next_page: "div.pg a.nxt::attr(href)"
id_pattern: "thread-(\\\\d+)-"
detail:
  fields:
    text: "xpath:(//td[contains(@class, 't_f')])[1]"
rate_limit:
  download_delay: 0.05
  concurrent_requests_per_domain: 3
block:
  login_text: ["您尚未登录"]
"""


# A JavaScript shop page behind a login: the demo's second-hand feed, cards inserted by script.
JS_PROFILE = """
name: demo_secondhand
platform: demo_secondhand
start_urls: ["{url}/xianyu/search?q=%E7%AE%80%E5%8E%86"]
javascript: true
wait_for: '[class*="feeds-item-wrap--"], [class*="search-empty--"], #login-form'
session: XIANYU
listing:
  item: 'a[class*="feeds-item-wrap--"]'
  fields:
    url: "xpath:@href"
    title: '[class*="main-title--"]::text'
    price: '[class*="number--"]::text'
    seller: '[class*="seller-text--"]::text'
next_page: '[class*="search-pagination-arrow-right--"]::attr(href)'
id_pattern: '[?&]id=(\\d+)'
block:
  login_text: ['id="login-form"']
"""


@pytest.fixture
def profiles(demo_world, tmp_path) -> Path:
    for name, text in (("demo_forum", DEMO_PROFILE), ("demo_secondhand", JS_PROFILE)):
        (tmp_path / f"{name}.yaml").write_text(text.replace("{url}", demo_world.url), "utf-8")
    return tmp_path


@pytest_twisted.ensureDeferred
async def test_a_user_profile_crawls_a_gbk_forum_with_detail_pages(demo_world, profiles) -> None:
    settings = settings_for(demo_world, GENERIC_PROFILES_DIR=str(profiles))
    result = await crawl("generic", settings, profile="demo_forum")
    demo = {i.native_id: i for i in load_listings() if i.platform == "discuz"}
    assert {i.native_id for i in result.items} == set(demo)
    assert_listing_context(result.items, "/discuz/forum")
    for item in result.items:
        source = demo[item.native_id]
        assert item.platform == "demo_forum" and item.title == source.title
        assert item.text == source.text and item.seller == source.seller
        assert item.posted_at == source.posted[:10]  # the list shows the date only
        assert item.extra == {"profile": "demo_forum", "replies": len(source.replies)}
    assert {i.page for i in result.items} == {1, 2, 3}
    slots = result.crawler.settings.getdict("DOWNLOAD_SLOTS")
    assert slots == {"127.0.0.1": {"delay": 0.05, "concurrency": 3}}
    # -s on the command line wins over the profile; the profile sets the rest.
    assert result.crawler.settings.getfloat("DOWNLOAD_DELAY") == 0
    assert result.crawler.settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") == 8


@pytest_twisted.ensureDeferred
async def test_profile_block_marks_are_counted_per_platform(demo_world, profiles) -> None:
    settings = settings_for(demo_world, GENERIC_PROFILES_DIR=str(profiles))
    login_forum = f"{demo_world.url}/discuz/forum.php?mod=forumdisplay&fid=4&page=1"
    result = await crawl("generic", settings, profile="demo_forum", start_urls=login_forum)
    assert result.items == [] and result.stat("blocked/demo_forum/login_wall") == 1


@pytest.fixture(scope="module")
def fixture_server():
    """The saved real pages over HTTP on a free port."""
    root = Path(__file__).resolve().parents[1] / "fixtures" / "real-pages"

    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest_twisted.ensureDeferred
async def test_shipped_douban_profile_on_the_saved_real_list_page(
    demo_world, fixture_server
) -> None:
    url = f"{fixture_server}/douban/group-discussion-list-2015-reserialized.html"
    # One page, no topic pages: the page's links lead to douban.com, never the network here.
    settings = settings_for(demo_world, MONITOR_MAX_PAGES=1)
    result = await crawl(
        "generic", settings, profile="douban_group", start_urls=url, detail="false"
    )
    assert len(result.items) == 25
    first = result.items[0]
    assert (first.platform, first.native_id, first.url) == (
        "douban",
        "81297687",
        "http://www.douban.com/group/topic/81297687/",
    )
    assert (first.title, first.seller) == ("上海租房搬家小组欢迎各位亲们的加入", "爱的告别式")
    assert first.seller_id == "http://www.douban.com/people/137357029/"
    assert first.posted_at.endswith("-12-25T12:08:00+08:00") and first.extra["replies"] == 15
    assert [i.rank for i in result.items] == list(range(1, 26))
    assert result.stat("monitor/pagination/max_pages") == 1
    # The shipped profile's politeness became the crawl's (one profile): 5 s, one at a time.
    assert result.crawler.settings.getdict("DOWNLOAD_SLOTS") == {
        "127.0.0.1": {"delay": 5, "concurrency": 1}
    }
    assert result.crawler.settings.getbool("AUTOTHROTTLE_ENABLED") is False  # -s wins


@pytest_twisted.ensureDeferred
async def test_no_profile_enabled_is_a_quiet_no_op(demo_world) -> None:
    result = await crawl("generic", settings_for(demo_world))
    assert result.items == [] and result.stat("monitor/config_errors") == 0


@pytest.mark.browser
@pytest_twisted.ensureDeferred
async def test_a_javascript_profile_with_the_users_session(demo_world, profiles) -> None:
    settings = settings_for(demo_world, GENERIC_PROFILES_DIR=str(profiles))
    result = await crawl("generic", settings, profile="demo_secondhand")
    demo = {
        i.native_id: i
        for i in load_listings()
        if i.platform == "secondhand" and i.keyword == "简历"
    }
    assert {i.native_id for i in result.items} == set(demo) and len(demo) > 4
    assert {i.page for i in result.items} == {1, 2}
    for item in result.items:
        assert item.platform == "demo_secondhand" and item.snapshot.rendered
        assert item.price_text == demo[item.native_id].price
    assert result.stat("playwright/page_count") == result.stat("playwright/page_count/closed")
    # Without the session the same profile meets the login page: a block, counted as such.
    settings = settings_for(demo_world, GENERIC_PROFILES_DIR=str(profiles), XIANYU_COOKIES=None)
    result = await crawl("generic", settings, profile="demo_secondhand")
    assert result.items == [] and result.stat("blocked/demo_secondhand/login_wall") == 1
