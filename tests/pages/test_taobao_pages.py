"""Taobao / Tmall parsing on the saved real pages: raw and rendered search pages, a Taobao item
(UTF-8 declaring gbk late) and a Tmall item (GB18030 after misleading charset=utf-8 scripts)."""

from __future__ import annotations

import pytest
from parsel import Selector
from realpages import REAL, real_text

from monitor.pages.common import ParseError
from monitor.pages.taobao import (
    _auctions,
    block_kind,
    page_config,
    parse_item_page,
    parse_search_page,
)


def test_raw_search_page_results_come_from_g_page_config(real) -> None:
    sel = real("taobao/search-taobao-2018-raw.html")
    assert sel.css("#mainsrp-itemlist .item") == []  # nothing rendered in the raw HTML
    page = parse_search_page(sel)
    assert (len(page.results), page.page, page.total_pages, page.empty) == (60, 1, 100, False)
    assert page.next_offset == 60  # currentPage * pageSize of the pager module
    first = page.results[0]
    assert (first.item_id, first.price, first.seller, first.seller_id) == (
        "571575866125",
        "99.00",
        "machael_go",
        "79006869",
    )
    assert first.title == "钩花镂空v领短袖蕾丝衫女夏装2018新款宽松显瘦开衫超仙闺蜜上衣"
    assert (first.location, first.sales) == ("浙江 宁波", "11623人付款")
    assert first.url == "//item.taobao.com/item.htm?id=571575866125&ns=1&abbucket=0#detail"
    assert len({r.seller for r in page.results}) == 48


def test_rendered_search_page_cards_match_the_json_and_skip_recommendations(real) -> None:
    sel = real("taobao/search-taobao-2018-rendered.html")
    page = parse_search_page(sel)
    # 48 .item cards on the page; 12 are "you may also like" (J_itemlistPersonality).
    assert len(sel.css(".item.J_MouserOnverReq")) == 48
    assert len(page.results) == 36 and page.next_offset == 44  # the DOM pager's data-value
    first = page.results[0]
    assert (first.item_id, first.price, first.sales, first.location) == (
        "566741234264",
        "2288.00",
        "51601人付款",
        "江苏 南京",
    )
    assert first.title == "2018新款 Apple/苹果 9.7英寸iPad 智能平板电脑 正品国行新品"
    assert (first.seller, first.seller_id) == ("苏宁易购官方旗舰店", "2616970884")
    config = page_config(sel)
    assert config is not None

    def key(r):
        return (r.item_id, r.title, r.price, r.seller, r.location, r.sales)

    assert [key(r) for r in _auctions(config)] == [key(r) for r in page.results]


def test_taobao_item(real) -> None:
    item = parse_item_page(real("taobao/item-taobao-2020-rendered.html", "utf-8"))
    assert (item.item_id, item.seller_id, item.price) == (
        "562283240178",
        "134583372",
        "149.00 - 159.00",
    )
    assert item.title == "乳白亚克力外壳 60%键盘外壳 poker外壳无加强筋底壳透光外壳"
    assert item.seller == "怡科外设KBDfans"  # g_config shopName, \\u-escaped in the script
    assert item.description == "描述加载中"  # the description loads later by script


def test_tmall_item_in_gb18030(real) -> None:
    item = parse_item_page(real("taobao/item-tmall-2020-rendered-gbk.html", "gb18030"))
    assert (item.item_id, item.seller_id, item.price) == (
        "605258110430",
        "2616970884",
        "5499.00-6799.00",
    )
    assert (
        item.title
        == "【官网价直降】Apple/苹果 iPhone 11 4G全网通智能手机正品苏宁易购官方旗舰店苹果11"
    )
    assert item.seller == item.shop == "苏宁易购官方旗舰店"


def test_tmall_item_is_not_utf8() -> None:
    with pytest.raises(UnicodeDecodeError):
        (REAL / "taobao/item-tmall-2020-rendered-gbk.html").read_bytes().decode("utf-8")


def test_search_page_without_results_or_list_is_a_parse_error() -> None:
    with pytest.raises(ParseError):
        parse_search_page(Selector(text="<html><body>维护中</body></html>"))
    empty = parse_search_page(
        Selector(
            text='<div id="mainsrp-itemlist"></div>'
            '<div class="m-noresult" id="J_NoResult">没有找到</div>'
        )
    )
    assert empty.empty and empty.results == []


@pytest.mark.parametrize(
    ("url", "text", "kind"),
    [
        ("https://s.taobao.com/search/_____tmd_____/punish?x5secdata=x", "", "captcha"),
        (
            "https://s.taobao.com/search?q=a",
            '<div id="nocaptcha"><span id="nc_1_n1z"></span>',
            "captcha",
        ),
        ("https://login.taobao.com/member/login.jhtml?redirectURL=x", "", "login_wall"),
        (
            "https://www.goofish.com/search?q=a",
            '<div class="mini_login"><form id="login-form">',
            "login_wall",
        ),
        ("https://s.taobao.com/search?q=a", '<div id="mainsrp-itemlist"></div>', None),
    ],
)
def test_block_pages(url: str, text: str, kind: str | None) -> None:
    assert block_kind(url, text) == kind


def test_saved_pages_are_not_block_pages() -> None:
    for name, enc in [
        ("taobao/item-taobao-2020-rendered.html", "utf-8"),
        ("taobao/item-tmall-2020-rendered-gbk.html", "gb18030"),
        ("taobao/search-taobao-2018-raw.html", "utf-8"),
        ("taobao/search-taobao-2018-rendered.html", "utf-8"),
    ]:
        assert block_kind("https://s.taobao.com/search?q=a", real_text(name, enc)) is None, name
