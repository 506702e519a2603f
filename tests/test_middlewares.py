from __future__ import annotations

import logging

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from monitor.middlewares import BlockDetectionMiddleware, BlockedPage, ParseErrorMiddleware
from spiders.taobao import TaobaoSpider


def _crawler():
    crawler = get_crawler(TaobaoSpider)
    crawler.spider = crawler._create_spider()
    crawler.stats.open_spider()
    return crawler


@pytest.mark.parametrize(
    ("url", "status", "body", "kind"),
    [
        (
            "https://s.taobao.com/search/_____tmd_____/punish?x5secdata=1",
            200,
            "<html></html>",
            "captcha",
        ),
        ("https://s.taobao.com/search?q=a", 200, "<div>请拖动下方滑块完成验证</div>", "captcha"),
        ("https://login.taobao.com/member/login.jhtml", 200, "<html></html>", "login_wall"),
        ("https://s.taobao.com/search?q=a", 429, "", "rate_limited"),
        ("https://s.taobao.com/search?q=a", 403, "", "forbidden"),
    ],
)
def test_block_pages_are_counted_logged_and_not_parsed(url, status, body, kind, caplog) -> None:
    crawler = _crawler()
    mw = BlockDetectionMiddleware.from_crawler(crawler)
    response = HtmlResponse(url, status=status, body=body.encode(), encoding="utf-8")
    with caplog.at_level(logging.WARNING), pytest.raises(BlockedPage):
        mw.process_response(Request("https://s.taobao.com/search?q=a"), response)
    assert crawler.stats.get_value(f"blocked/taobao/{kind}") == 1
    assert crawler.stats.get_value("blocked/pages") == 1
    assert f"blocked page (taobao/{kind})" in caplog.text


def test_content_page_passes() -> None:
    crawler = _crawler()
    mw = BlockDetectionMiddleware.from_crawler(crawler)
    response = HtmlResponse(
        "https://s.taobao.com/search?q=a", body=b"<div id='mainsrp-itemlist'></div>"
    )
    assert mw.process_response(Request(response.url), response) is response
    assert crawler.stats.get_value("blocked/pages") is None


def test_parse_error_is_counted_with_its_url(caplog) -> None:
    crawler = _crawler()
    mw = ParseErrorMiddleware.from_crawler(crawler)
    response = HtmlResponse("https://example.com/broken", body=b"<html>")
    with caplog.at_level(logging.ERROR):
        assert list(mw.process_spider_exception(response, ValueError("no title"))) == []
    assert crawler.stats.get_value("monitor/parse_errors/taobao") == 1
    assert "https://example.com/broken" in caplog.text
