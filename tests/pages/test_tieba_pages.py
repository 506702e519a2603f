"""Baidu Tieba parsing on the saved real pages (PC thread, PC bar list, mobile bar list) and on
the documented markup of the site search."""

from __future__ import annotations

from datetime import datetime

import pytest
from parsel import Selector
from realpages import real_text

from monitor.pages.common import CHINA_TZ, ParseError, site_time
from monitor.pages.tieba import block_kind, parse_forum_list, parse_search_page, parse_thread


def test_pc_thread_page_has_every_floor_with_author_and_time(real) -> None:
    thread = parse_thread(real("tieba/thread-pc-p1-2017.html"))
    assert (thread.thread_id, thread.title, thread.forum) == (
        "3922635509",
        "我与妹妹的日常",
        "缘之空",
    )
    assert (thread.next_url, thread.pages, thread.reply_count) == (
        "/p/3922635509?pn=2",
        1468,
        54939,
    )
    assert len(thread.posts) == 30
    # Floors 4, 13 and 17 were deleted: numbering comes from the page, not from the order.
    assert [p.floor for p in thread.posts][:6] == [1, 2, 3, 5, 6, 7]
    assert thread.posts[-1].floor == 33
    op = thread.posts[0]
    assert (op.post_id, op.author, op.author_id) == ("72290182661", "刀剑大法好", "1884365891")
    assert (op.posted_at, op.text) == ("2015-07-26T19:44:00+08:00", "先镇楼免得又删帖")
    reply = thread.posts[3]
    assert (reply.floor, reply.author, reply.author_id, reply.text) == (
        5,
        "DC19980424",
        "913427251",
        "前排~",
    )
    assert len({p.author for p in thread.posts}) == 9


def test_pc_bar_list_is_read_from_the_bigpipe_comment_after_the_document() -> None:
    text = real_text("tieba/forum-list-pc-lol-2017.html")
    # The list is after </html>: a Selector (lxml) does not even see it.
    with pytest.raises(ParseError):
        parse_forum_list(Selector(text=text))
    page = parse_forum_list(text)
    assert (page.forum, page.layout, page.page) == ("lol", "pc", 2)
    assert page.next_url == "//tieba.baidu.com/f?kw=lol&ie=utf-8&pn=100"
    assert len(page.threads) == 50
    assert [t.thread_id for t in page.threads[:3]] == ["5315462924", "5311053231", "5315113034"]
    first = page.threads[0]
    assert (first.title, first.url, first.author, first.replies, first.last_reply) == (
        "运气背啊",
        "/p/5315462924",
        "穿越灵狐者00",
        0,
        "12:43",
    )
    assert first.excerpt == "昨天玩了整整一天，结果领取了这么便宜的皮肤！"
    second = page.threads[1]
    assert (second.title, second.author, second.replies) == (
        "【福利活动】震惊！！LOL吧居然回帖送星守皮肤！！",
        "啊愚",
        591,
    )
    assert sum(t.replies or 0 for t in page.threads) == 338_886


def test_mobile_bar_list_skips_in_feed_ads() -> None:
    page = parse_forum_list(real_text("tieba/forum-list-mobile-2018.html"))
    assert (page.forum, page.layout, page.next_url, page.ads) == ("平顶山学院", "mobile", None, 2)
    assert len(page.threads) == 50
    top, top2, first = page.threads[:3]
    assert top.sticky and top2.sticky and not first.sticky
    assert top.title == "【兼职、二手、租房】2018-2019学年上学期校历第7周专用贴"
    assert (first.thread_id, first.title, first.author, first.replies, first.last_reply) == (
        "5918293462",
        "平院的小可爱们来玩个游戏嗨一下",
        "野原小新君",
        0,
        "18:58",
    )
    assert first.url == "/p/5918293462?lp=5028&mo_device=1&is_jingpost=0"
    assert page.threads[-1].title.startswith("有没有零基础的小伙伴进吉他社")
    assert sum(t.replies or 0 for t in page.threads) == 1028


# No saved real result page of /f/search/res was found in the searchable public repositories.
# This snippet follows the markup that published scrapers of that page read (div.s_post_list >
# div.s_post, span.p_title a[data-tid], div.p_content with <em> highlights, a.p_forum and the
# author link with font.p_violet, font.p_green.p_date, div.pager a.next); the content is made up.
_SEARCH = """
<div class="s_main"><div class="s_post_list">
<div class="s_post"><span class="p_title"><a class="bluelink" data-tid="7001" data-fid="52"
 href="/p/7001?pid=90001&amp;cid=#90001" target="_blank">出售<em>简历</em>数据 一手货源</a></span>
<div class="p_content">应届生<em>简历</em> 十万份 打包价私聊</div>
贴吧：<a data-fid="52" class="p_forum" href="/f?kw=abc" target="_blank"
 ><font class="p_violet">兼职</font></a>
作者：<a href="/home/main?un=seller01" target="_blank"><font class="p_violet">seller01</font></a>
<font class="p_green p_date">2023-05-01 19:49</font></div>
<div class="s_post"><span class="p_title"><a class="bluelink"
 href="/p/7002?pid=90077&amp;cid=#90077" target="_blank">回复：求推荐<em>简历</em>模板</a></span>
<div class="p_content">用 Word 自带的就行</div>
贴吧：<a class="p_forum" href="/f?kw=x"><font class="p_violet">求职</font></a>作者：<a
 href="/i/sys/jump?un=u2"><font class="p_violet">u2</font></a>
<font class="p_green p_date">2015-05-01 09:05</font></div>
</div><div class="pager pager-search"><span class="cur">1</span>
<a href="/f/search/res?ie=utf-8&amp;qw=%E7%AE%80%E5%8E%86&amp;pn=2">2</a>
<a class="next" href="/f/search/res?ie=utf-8&amp;qw=%E7%AE%80%E5%8E%86&amp;pn=2"
 >下一页&gt;</a></div></div>
"""


def test_search_results_follow_the_documented_markup() -> None:
    page = parse_search_page(Selector(text=_SEARCH))
    assert page.next_url == "/f/search/res?ie=utf-8&qw=%E7%AE%80%E5%8E%86&pn=2"
    offer, reply = page.hits
    assert (offer.thread_id, offer.post_id, offer.url) == (
        "7001",
        "90001",
        "/p/7001?pid=90001#90001",
    )
    assert (offer.title, offer.excerpt) == ("出售简历数据 一手货源", "应届生简历 十万份 打包价私聊")
    assert (offer.forum, offer.author, offer.posted_at, offer.is_reply) == (
        "兼职",
        "seller01",
        "2023-05-01T19:49:00+08:00",
        False,
    )
    assert (reply.thread_id, reply.post_id, reply.author, reply.is_reply) == (
        "7002",
        "90077",
        "u2",
        True,
    )


def test_search_without_results_is_empty_not_an_error() -> None:
    page = parse_search_page(
        Selector(
            text='<div class="s_main"><div class="search_noresult">'
            "抱歉，没有找到与“xyz”相关的结果。</div></div>"
        )
    )
    assert page.empty and page.hits == []
    with pytest.raises(ParseError):
        parse_search_page(Selector(text="<html><body><p>something else</p></body></html>"))


def test_list_dates_without_a_day_are_read_against_the_fetch_time() -> None:
    now = datetime(2018, 10, 18, 20, 0, tzinfo=CHINA_TZ)
    assert site_time("18:58", now=now) == "2018-10-18T18:58:00+08:00"
    assert site_time("10-17", now=now) == "2018-10-17T00:00:00+08:00"
    assert site_time("12-25 12:08", now=now) == "2017-12-25T12:08:00+08:00"  # not in the future


@pytest.mark.parametrize(
    ("url", "text", "kind"),
    [
        ("https://wappass.baidu.com/static/captcha/tuxing.html?ak=1", "", "captcha"),
        ("https://tieba.baidu.com/f?kw=x", "<html><head><title>百度安全验证</title>", "captcha"),
        ("https://passport.baidu.com/v2/?login", "", "login_wall"),
        ("https://tieba.baidu.com/f?kw=x", "<html><head><title>x吧-百度贴吧</title>", None),
    ],
)
def test_block_pages(url: str, text: str, kind: str | None) -> None:
    assert block_kind(url, text) == kind
