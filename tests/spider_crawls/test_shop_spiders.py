"""Taobao and Xianyu spiders in headless Chromium on the demo world: the user's session, the
login wall, the slider captcha and the empty result each told apart, and every browser page
closed."""

from __future__ import annotations

import json

import pytest
import pytest_twisted
from crawling import assert_listing_context, crawl, settings_for

from monitor.demo.world import CAPTCHA_KEYWORD, PAGE_SIZE, load_listings
from monitor.keywords import default_keywords

pytestmark = pytest.mark.browser


def _shop(platform: str) -> list:
    return [i for i in load_listings() if i.platform == platform]


def _pages_all_closed(result) -> None:
    opened = result.stat("playwright/page_count")
    assert opened > 0
    assert (
        result.stat("playwright/page_count/closed") + result.stat("monitor/playwright/pages_closed")
        == opened
    )


@pytest_twisted.ensureDeferred
async def test_taobao_with_a_session(demo_world) -> None:
    result = await crawl("taobao", settings_for(demo_world))
    hidden = [i for i in _shop("ecommerce") if i.keyword == CAPTCHA_KEYWORD][
        PAGE_SIZE["ecommerce"] :
    ]
    expected = {i.native_id for i in _shop("ecommerce")} - {i.native_id for i in hidden}
    assert {i.native_id for i in result.items} == expected
    assert result.stat("blocked/taobao/captcha") == 1  # page 2 of the captcha keyword
    assert result.stat("blocked/taobao/login_wall") == 0
    keywords_with_items = {i.keyword for i in _shop("ecommerce")}
    assert result.stat("monitor/search/empty") == len(set(default_keywords()) - keywords_with_items)
    assert_listing_context(result.items, "/taobao/search?q=")
    item = result.items[0]
    assert item.price_text and item.seller and item.seller_id and item.snapshot.rendered
    # The one keyword with a second page meets the captcha there.
    assert {i.page for i in result.items} == {1}
    _pages_all_closed(result)


@pytest_twisted.ensureDeferred
async def test_taobao_without_a_session_hits_the_login_wall(demo_world) -> None:
    settings = settings_for(demo_world, TAOBAO_COOKIES=None)
    result = await crawl("taobao", settings, keywords="简历,简历库")
    assert result.items == []
    assert result.stat("blocked/taobao/login_wall") == 2
    assert result.stat("monitor/search/empty") == 0
    _pages_all_closed(result)


@pytest_twisted.ensureDeferred
async def test_taobao_pages_handed_to_callbacks_are_closed_by_them(demo_world) -> None:
    # With playwright_include_page the spider owns the pages: its callbacks and errbacks
    # close them, including the one of the captcha page (an errback).
    settings = settings_for(demo_world, MONITOR_PLAYWRIGHT_INCLUDE_PAGE=True)
    result = await crawl("taobao", settings, keywords=f"{CAPTCHA_KEYWORD},没有这种货")
    assert result.stat("blocked/taobao/captcha") == 1 and result.stat("monitor/search/empty") == 1
    assert result.stat("monitor/playwright/pages_closed") == result.stat("playwright/page_count")


@pytest_twisted.ensureDeferred
async def test_taobao_item_pages_without_the_browser(demo_world) -> None:
    settings = settings_for(demo_world, TAOBAO_ITEM_PLAYWRIGHT=False)
    result = await crawl("taobao", settings, keywords="应届生简历")
    assert result.items and not any(i.snapshot.rendered for i in result.items)


@pytest_twisted.ensureDeferred
async def test_xianyu_with_a_session(demo_world) -> None:
    result = await crawl("xianyu", settings_for(demo_world))
    assert {i.native_id for i in result.items} == {i.native_id for i in _shop("secondhand")}
    assert_listing_context(result.items, "/xianyu/search?q=")
    assert result.stat("blocked/xianyu/login_wall") == 0
    assert result.stat("monitor/search/empty") >= 1
    assert max(i.page for i in result.items) >= 2
    item = result.items[0]
    assert item.price_text and item.seller and item.seller_id and item.snapshot.rendered
    _pages_all_closed(result)


@pytest_twisted.ensureDeferred
async def test_xianyu_without_a_session_hits_the_login_wall(demo_world) -> None:
    result = await crawl("xianyu", settings_for(demo_world, XIANYU_COOKIES=None), keywords="简历")
    assert result.items == [] and result.stat("blocked/xianyu/login_wall") == 1


@pytest_twisted.ensureDeferred
async def test_storage_state_file_is_a_session(demo_world, tmp_path) -> None:
    host = demo_world.url.split("//")[1].split(":")[0]
    state = tmp_path / "taobao-state.json"
    state.write_text(
        json.dumps(
            {
                "cookies": [
                    {
                        "name": "cookie2",
                        "value": "from-storage-state",
                        "domain": host,
                        "path": "/",
                        "expires": -1,
                        "httpOnly": False,
                        "secure": False,
                        "sameSite": "Lax",
                    }
                ],
                "origins": [],
            }
        )
    )
    settings = settings_for(demo_world, TAOBAO_COOKIES=None, TAOBAO_STORAGE_STATE=str(state))
    result = await crawl("taobao", settings, keywords="应届生简历")
    assert result.items and result.stat("blocked/taobao/login_wall") == 0


@pytest_twisted.ensureDeferred
async def test_a_page_that_never_settles_is_an_error_and_its_page_is_closed(demo_world) -> None:
    # Not a search page at all: none of the expected elements ever appears.
    settings = settings_for(
        demo_world,
        TAOBAO_BASE_URL=f"{demo_world.url}/telegram",
        TAOBAO_WAIT_MS=1500,
        MONITOR_PLAYWRIGHT_INCLUDE_PAGE=True,
    )
    result = await crawl("taobao", settings, keywords="简历")
    assert result.items == []
    errors = {k: v for k, v in result.stats.items() if k.startswith("monitor/request_errors/")}
    assert sum(errors.values()) == 1, errors
    assert result.stat("playwright/page_count") == 1
    assert (
        result.stat("playwright/page_count/closed") + result.stat("monitor/playwright/pages_closed")
        == 1
    )
