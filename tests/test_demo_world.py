"""The demo world imitates the real sites' quirks the spiders must handle."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections import Counter
from urllib.parse import quote

import pytest
from parsel import Selector

from monitor.demo.server import DEMO_SESSION
from monitor.demo.world import CAPTCHA_KEYWORD, load_listings
from monitor.pages.discuz import parse_forum_page
from monitor.pages.taobao import parse_search_page
from monitor.pages.telegram import parse_channel_page
from monitor.pages.tieba import parse_forum_list


def _get(world, path: str) -> tuple[int, dict, bytes]:
    # Shop searches need a signed-in session, as on the real sites.
    request = urllib.request.Request(world.url + path, headers={"Cookie": DEMO_SESSION})
    try:
        with urllib.request.urlopen(request) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_content_size_and_mix() -> None:
    listings = load_listings()
    assert len(listings) >= 80
    offers = sum(1 for i in listings if i.label["is_offer"])
    assert 0.35 <= offers / len(listings) <= 0.45
    platforms = Counter(i.platform for i in listings)
    assert set(platforms) == {"ecommerce", "secondhand", "tieba", "discuz", "telegram", "paste"}
    assert len({i.key for i in listings}) == len(listings)


def test_shop_search_cards_exist_only_after_javascript(demo_world) -> None:
    status, _, body = _get(demo_world, f"/taobao/search?q={quote('简历')}&s=0")
    assert status == 200
    page = parse_search_page(Selector(text=body.decode()))
    assert page.results == [] and not page.empty  # the raw HTML has no cards
    status, _, api = _get(demo_world, f"/taobao/api/search?q={quote('简历')}&s=0")
    assert len(json.loads(api)["items"]) == 4


def test_captcha_from_the_second_page_of_one_keyword(demo_world) -> None:
    request = urllib.request.Request(
        f"{demo_world.url}/taobao/search?q={quote(CAPTCHA_KEYWORD)}&s=4",
        headers={"Cookie": DEMO_SESSION},
    )
    opener = urllib.request.build_opener(urllib.request.HTTPRedirectHandler())
    with opener.open(request) as resp:
        assert "punish" in resp.url
        assert "滑块" in resp.read().decode()


def test_tieba_list_is_hidden_in_an_html_comment(demo_world) -> None:
    _, _, body = _get(demo_world, f"/tieba/f?kw={quote('简历')}&ie=utf-8&pn=0")
    html = body.decode()
    assert "<!--" in html and Selector(text=html).css("li.j_thread_list") == []
    # ... and the comment sits after </html> (Baidu's BigPipe): the parser reads the text.
    assert parse_forum_list(html).threads


def test_discuz_is_gbk_and_answers_past_the_end_with_the_last_page(demo_world) -> None:
    _, headers, body = _get(demo_world, "/discuz/forum.php?mod=forumdisplay&fid=2&page=1")
    assert headers["Content-Type"].endswith("charset=gbk")
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    first = parse_forum_page(Selector(text=body.decode("gbk")))
    assert first.page == 1 and first.next_url
    _, _, body = _get(demo_world, "/discuz/forum-2-99.html")
    last = parse_forum_page(Selector(text=body.decode("gbk")))
    assert last.page == 3 and last.next_url is None


def test_telegram_loop_trap_links_forward_in_time(demo_world) -> None:
    channel = demo_world.site.loop_channel()
    _, _, body = _get(demo_world, f"/telegram/s/{channel}")
    newest = parse_channel_page(Selector(text=body.decode()))
    _, _, body = _get(demo_world, f"/telegram/s/{channel}?before={newest.before}")
    oldest = parse_channel_page(Selector(text=body.decode()))
    assert oldest.before is not None
    assert oldest.before > max(m.message_id for m in newest.messages)


def test_taking_a_listing_down_shows_the_platform_gone_page() -> None:
    from monitor.demo import DemoWorld

    with DemoWorld() as world:
        item = next(i for i in world.site.listings if i.platform == "ecommerce")
        status, _, body = _get(world, f"/taobao/item.htm?id={item.native_id}")
        assert status == 200 and item.title in body.decode()
        request = urllib.request.Request(f"{world.url}/_demo/remove?key={item.key}", method="POST")
        urllib.request.urlopen(request).close()
        status, _, body = _get(world, f"/taobao/item.htm?id={item.native_id}")
        assert "宝贝不存在" in body.decode()
