"""Discuz! parsing on the saved real pages: an X3.4 thread (HTTrack copy) and a rebranded X3
theme's forum list and thread (hidden ``<em>时间：</em>`` before the date)."""

from __future__ import annotations

import pytest
from parsel import Selector

from monitor.pages.common import ParseError
from monitor.pages.discuz import block_kind, parse_forum_page, parse_thread_page


def test_x34_thread(real) -> None:
    sel = real("discuz/viewthread-x34-bapuro-tid1-httrack.html")
    page = parse_thread_page(sel)
    assert (page.thread_id, page.title, page.forum, page.next_url, page.page) == (
        "1",
        "TEST，测试帖",
        "游戏公告",
        None,
        None,
    )
    (post,) = page.posts
    assert (post.post_id, post.author, post.author_id) == ("1", "bapuro", "1")
    assert (post.posted_at, post.text) == ("2020-02-19T19:19:11+08:00", "111111111111111")
    assert post.floor == 1  # "楼主"
    assert block_kind(sel) is None


def _thread_with_labels(labels: list[str]) -> str:
    posts = "".join(
        f'<div id="post_{pid}"><a href="#" id="postnum{pid}">{label}</a>'
        f'<table><tr><td class="t_f" id="postmessage_{pid}">reply {pid}</td></tr></table></div>'
        for pid, label in enumerate(labels, start=101)
    )
    return f'<h1><span id="thread_subject">t</span></h1><div id="postlist">{posts}</div>'


def test_floor_numbers_from_the_post_number_links() -> None:
    # Page 2 of a thread: the default language pack's nicknames, "N#" and <em>N</em><sup>#</sup>;
    # a theme that drops the link leaves the floor unknown rather than guessed.
    html = _thread_with_labels(["沙发", "板凳", "地板", "<em>21</em><sup>#</sup>", "22#", ""])
    page = parse_thread_page(Selector(text=html))
    assert [p.floor for p in page.posts] == [2, 3, 4, 21, 22, None]


def test_rebranded_thread_hides_a_label_before_the_date(real) -> None:
    page = parse_thread_page(real("discuz/viewthread-x3-rebranded-2022.html"))
    # <link rel="canonical" href="">: the id comes from the reply form / report links.
    assert page.thread_id == "10"
    assert page.title == "越来越多的国家都发现币安是毒瘤，纷纷开始驱赶币安"
    (post,) = page.posts
    assert (post.post_id, post.author, post.author_id, post.posted_at) == (
        "17",
        "币安还钱",
        "7",
        "2022-02-22T16:13:26+08:00",
    )
    assert post.text == (
        "币安目前已经被十四个国家反对，随着受害者的不断增多，全球越来越多的国家都会"
        "意识到这个毒瘤交易所的恶行，拭目以待！"
    )


def test_rebranded_forum_list(real) -> None:
    page = parse_forum_page(real("discuz/forumdisplay-x3-rebranded-2022.html"))
    assert (page.forum, page.next_url, page.page) == ("默认版块", None, None)
    assert [t.thread_id for t in page.threads] == ["12", "11", "10", "9", "8", "7", "5", "3"]
    first = page.threads[0]
    assert (first.title, first.url, first.author, first.author_id) == (
        "上海币安难友维权",
        "thread-12-1-1.html",
        "何一妹妹",
        "14",
    )
    assert (first.posted, first.replies, first.views, first.sticky) == ("2022-03-03", 0, 35, False)
    last = page.threads[-1]
    assert (last.title, last.replies, last.views) == (
        "曝光!币安组织维权火币、OK,何一亲自下场指挥市场",
        3,
        154,
    )


def test_same_markup_in_gbk() -> None:
    # The same structure served in GBK (the demo world's Discuz! is GBK; no real GBK Discuz!
    # page was found): a parser sees text, Scrapy decodes by the declared charset.
    html = (
        '<meta http-equiv="Content-Type" content="text/html; charset=gbk" />'
        '<div id="postlist"><div id="post_5"><div class="pi"><div class="authi">'
        '<a href="space-uid-9.html" class="xw1">卖家</a></div></div>'
        '<em id="authorposton5">发表于 <span title="2024-1-2 03:04:05">3 天前</span></em>'
        '<table><tr><td class="t_f" id="postmessage_5">简历库出售<br />QQ 123</td></tr></table>'
        '</div></div><link rel="canonical" href="forum.php?mod=viewthread&tid=77" />'
    )
    body = html.encode("gbk")
    page = parse_thread_page(Selector(text=body.decode("gbk")))
    assert page.thread_id == "77"
    (post,) = page.posts
    assert (post.author, post.posted_at, post.text) == (
        "卖家",
        "2024-01-02T03:04:05+08:00",
        "简历库出售\nQQ 123",
    )


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("抱歉，您无权进行当前操作，原因如下：", "no_permission"),
        ("抱歉，本帖要求阅读权限高于 50 才能浏览", "no_permission"),
        ("您需要登录后才可以回帖 登录 | 立即注册", "login_wall"),
        ("抱歉，您尚未登录，没有权限访问该版块", "login_wall"),
        ("刷新过于频繁，请3秒后再试", "rate_limited"),
        ("抱歉，指定的主题不存在或已被删除或正在被审核", None),  # gone, not blocked
    ],
)
def test_message_pages(message: str, kind: str | None) -> None:
    sel = Selector(text=f'<div id="messagetext" class="alert_error"><p>{message}</p></div>')
    assert block_kind(sel) == kind
    if kind:
        with pytest.raises(ParseError):
            parse_thread_page(sel)
