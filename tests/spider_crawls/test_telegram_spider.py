"""The Telegram spider on the demo world's t.me/s previews, and its pagination guards."""

from __future__ import annotations

from collections import Counter

import pytest
import pytest_twisted
from crawling import assert_listing_context, crawl, settings_for
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from monitor.demo.world import PAGE_SIZE, load_listings
from spiders.telegram import TelegramSpider, channel_name


@pytest_twisted.ensureDeferred
async def test_every_post_of_every_channel_once_and_the_loop_refused(demo_world) -> None:
    result = await crawl("telegram", settings_for(demo_world))
    expected = {i.public_id for i in load_listings() if i.platform == "telegram"}
    ids = [item.native_id for item in result.items]
    assert sorted(ids) == sorted(expected)  # once each
    assert result.stat("monitor/pagination/loop_refused") == 1
    assert result.stats["finish_reason"] == "finished"
    assert_listing_context(result.items, "/telegram/s/")
    # Newest first: on each page rank 1 is the newest post.
    loop = demo_world.site.loop_channel()
    first_page = sorted(
        (i for i in result.items if i.seller_id == loop and i.page == 1), key=lambda i: i.rank
    )
    assert len(first_page) == PAGE_SIZE["telegram"]
    ids_by_rank = [int(i.native_id.split("/")[1]) for i in first_page]
    assert ids_by_rank == sorted(ids_by_rank, reverse=True)
    pages = Counter(i.page for i in result.items if i.seller_id == loop)
    assert max(pages) >= 2 and "before=" in next(i.found_on for i in result.items if i.page == 2)
    item = result.items[0]
    assert item.posted_at and item.extra["views"] > 0 and item.url.split("/")[-1].isdigit()


@pytest_twisted.ensureDeferred
async def test_a_channel_without_public_preview_is_a_block_not_a_quiet_channel(demo_world) -> None:
    result = await crawl("telegram", settings_for(demo_world), channels="private_club_chat")
    assert result.items == []
    assert result.stat("blocked/telegram/not_public") == 1


def _spider() -> TelegramSpider:
    crawler = get_crawler(TelegramSpider, {"TELEGRAM_CHANNELS": ["x"]})
    spider = TelegramSpider.from_crawler(crawler)
    crawler.spider = spider
    crawler.stats.open_spider()
    return spider


def _page(url: str, ids: list[int], prev: int | None) -> HtmlResponse:
    posts = "".join(
        f'<div class="tgme_widget_message" data-post="chan/{i}">'
        f'<div class="tgme_widget_message_text '
        f'js-message_text">post {i}</div><a class="tgme_widget_message_date" href="https://t.me/chan/{i}">'
        f'<time datetime="2026-01-01T00:00:00+00:00"></time></a></div>'
        for i in ids
    )
    head = f'<link rel="prev" href="/s/chan?before={prev}">' if prev else ""
    return HtmlResponse(
        url,
        body=f"<html><head>{head}</head><body><section class='tgme_channel_history'>"
        f"{posts}</section></body></html>".encode(),
        encoding="utf-8",
        request=Request(url),
    )


def test_an_older_page_link_that_skips_posts_is_replaced_by_the_oldest_id() -> None:
    spider = _spider()
    out = list(
        spider.parse_channel(
            _page("https://t.me/s/chan", [50, 51, 52], prev=40), channel="chan", page=1, before=None
        )
    )
    (request,) = [o for o in out if isinstance(o, Request)]
    assert request.url == "https://t.me/s/chan?before=50"
    assert spider.crawler.stats.get_value("monitor/pagination/gap_avoided") == 1


def test_a_page_that_ignores_the_cursor_is_refused(real) -> None:
    spider = _spider()
    page = real("telegram/tme-s-topwar_official-2023-reformatted.html")
    # Asked for posts before 70000, the site answered with the newest page (70989..71008).
    response = HtmlResponse(
        "https://t.me/s/topwar_official?before=70000",
        body=page.get().encode(),
        encoding="utf-8",
        request=Request("https://t.me/s/topwar_official?before=70000"),
    )
    out = list(spider.parse_channel(response, channel="topwar_official", page=3, before=70000))
    assert out == []
    assert spider.crawler.stats.get_value("monitor/pagination/loop_refused") == 1


def test_real_page_yields_one_listing_per_post_and_the_next_older_page(real) -> None:
    spider = _spider()
    page = real("telegram/tme-s-topwar_official-2023-reformatted.html")
    url = "https://t.me/s/topwar_official"
    out = list(
        spider.parse_channel(
            HtmlResponse(url, body=page.get().encode(), encoding="utf-8", request=Request(url)),
            channel="topwar_official",
            page=1,
            before=None,
        )
    )
    listings = [o for o in out if not isinstance(o, Request)]
    (older,) = [o for o in out if isinstance(o, Request)]
    assert older.url == "https://t.me/s/topwar_official?before=70989"
    assert [item.rank for item in listings] == list(range(1, 13))
    assert listings[0].native_id == "topwar_official/71008"  # newest first
    assert listings[0].seller == "Военное обозрение" and listings[0].extra["views"] == 14_900


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("@hr_leads", "hr_leads"),
        ("https://t.me/s/hr_leads", "hr_leads"),
        ("t.me/hr_leads", "hr_leads"),
        ("hr_leads", "hr_leads"),
    ],
)
def test_channel_names_from_config(raw: str, name: str) -> None:
    assert channel_name(raw) == name
    with pytest.raises(ValueError, match="TELEGRAM_CHANNELS"):
        channel_name("https://example.com/x y")
