"""What each spider calls a block page, on responses as the downloader hands them over."""

from __future__ import annotations

import pytest
from realpages import real_text
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from spiders.discuz import DiscuzSpider
from spiders.generic import GenericSpider
from spiders.paste import PasteSpider
from spiders.taobao import TaobaoSpider
from spiders.telegram import TelegramSpider
from spiders.tieba import TiebaSpider
from spiders.xianyu import XianyuSpider

ALL = [
    TelegramSpider,
    TiebaSpider,
    DiscuzSpider,
    TaobaoSpider,
    XianyuSpider,
    PasteSpider,
    GenericSpider,
]
CHALLENGE = "<html><head><title>Just a moment...</title></head><body class='cf-chl'></body>"


def _spider(cls):
    crawler = get_crawler(
        cls,
        {
            "DISCUZ_BASE_URL": "https://bbs.example.com",
            "TAOBAO_COOKIES": "cookie2=x",
            "XIANYU_COOKIES": "cookie2=x",
        },
    )
    return cls.from_crawler(crawler)


def _response(url: str, body: str = "<html></html>", status: int = 200) -> HtmlResponse:
    return HtmlResponse(
        url, status=status, body=body.encode(), encoding="utf-8", request=Request(url)
    )


@pytest.mark.parametrize("cls", ALL, ids=lambda c: c.name)
@pytest.mark.parametrize(
    ("status", "body", "kind"),
    [
        (403, "", "forbidden"),
        (429, "", "rate_limited"),
        (401, "", "login_wall"),
        (503, CHALLENGE, "captcha"),
        (403, CHALLENGE, "captcha"),
    ],
)
def test_http_refusals_and_challenges(cls, status: int, body: str, kind: str) -> None:
    url = "https://t.me/s/x" if cls is TelegramSpider else "https://site.example/page"
    assert _spider(cls).detect_block(_response(url, body, status)) == kind


@pytest.mark.parametrize(
    ("cls", "url", "body", "kind"),
    [
        (TelegramSpider, "https://t.me/somebody", "<div class='tgme_page'></div>", "not_public"),
        (TelegramSpider, "https://t.me/s/somebody", "<section class='tgme_channel_history'>", None),
        (TiebaSpider, "https://wappass.baidu.com/static/captcha/tuxing.html?ak=1", "", "captcha"),
        (TiebaSpider, "https://tieba.baidu.com/f?kw=x", "<title>百度安全验证</title>", "captcha"),
        (
            DiscuzSpider,
            "https://bbs.example.com/forum.php?mod=forumdisplay&fid=9",
            "<div id='messagetext'><p>抱歉，您无权进行当前操作</p></div>",
            "no_permission",
        ),
        (
            DiscuzSpider,
            "https://bbs.example.com/forum.php?mod=viewthread&tid=9",
            "<div id='messagetext'><p>抱歉，指定的主题不存在或已被删除或正在被审核</p></div>",
            None,
        ),
        (
            TaobaoSpider,
            "https://login.taobao.com/member/login.jhtml?redirectURL=x",
            "",
            "login_wall",
        ),
        (
            TaobaoSpider,
            "https://s.taobao.com/search?q=x",
            "<div id='baxia-punish'>亲，请拖动下方滑块完成验证</div>",
            "captcha",
        ),
        (XianyuSpider, "https://passport.goofish.com/mini_login.htm", "", "login_wall"),
    ],
)
def test_platform_block_pages(cls, url: str, body: str, kind: str | None) -> None:
    assert _spider(cls).detect_block(_response(url, body)) == kind


@pytest.mark.parametrize(
    ("cls", "name", "encoding"),
    [
        (TiebaSpider, "tieba/forum-list-pc-lol-2017.html", "utf-8"),
        (TiebaSpider, "tieba/thread-pc-p1-2017.html", "utf-8"),
        (DiscuzSpider, "discuz/viewthread-x3-rebranded-2022.html", "utf-8"),
        (TaobaoSpider, "taobao/search-taobao-2018-rendered.html", "utf-8"),
        (TaobaoSpider, "taobao/item-tmall-2020-rendered-gbk.html", "gb18030"),
        (TelegramSpider, "telegram/tme-s-feedjam-2023.html", "utf-8"),
    ],
)
def test_real_content_pages_are_not_blocks(cls, name: str, encoding: str) -> None:
    url = "https://t.me/s/feedjam" if cls is TelegramSpider else "https://site.example/page"
    assert _spider(cls).detect_block(_response(url, real_text(name, encoding))) is None


def test_mobile_bar_list_threads_and_ads() -> None:
    spider = _spider(TiebaSpider)
    spider.crawler.spider = spider
    spider.crawler.stats.open_spider()
    url = "https://tieba.baidu.com/f?kw=x&mo_device=1"
    response = HtmlResponse(
        url,
        body=real_text("tieba/forum-list-mobile-2018.html").encode(),
        encoding="utf-8",
        request=Request(url, meta={"keyword": "x"}),
    )
    out = list(spider.parse_list(response, page=1))
    assert len(out) == 50 and all(r.callback == spider.parse_thread for r in out)
    assert out[2].url == "https://tieba.baidu.com/p/5918293462?lp=5028&mo_device=1&is_jingpost=0"
    assert spider.crawler.stats.get_value("monitor/tieba/ads_skipped") == 2
