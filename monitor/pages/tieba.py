"""Baidu Tieba: a bar's thread list (``/f?kw=``, PC and mobile), thread pages (``/p/<tid>``) and
the site search (``/f/search/res?qw=``).

The PC list page is Baidu's BigPipe: the first document ends with ``</body></html>`` and the
pagelets follow *after* it, each an HTML comment inside ``<code class="pagelet_html">``. lxml
drops what comes after ``</html>``, so the list parser takes the page text, not a Selector.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import parse_qs, urlsplit

from parsel import Selector

from monitor.pages.common import ParseError, first, int_or_none, site_time, visible_text

_FLOOR = re.compile(r"(\d+)楼")
_TIME = re.compile(r"\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}")
_TID = re.compile(r"/p/(\d+)")
_PAGELET = re.compile(
    r'<code[^>]*\bid="pagelet_html_(?P<name>[^"]+)"[^>]*>\s*<!--(?P<html>.*?)-->\s*</code>', re.S
)


@dataclass
class ThreadRef:
    thread_id: str
    title: str
    url: str  # as written in the page (relative to it)
    author: str | None
    excerpt: str
    replies: int | None
    sticky: bool = False
    last_reply: str | None = None  # as displayed ("12:41", "7-26")


@dataclass
class ForumList:
    forum: str | None
    layout: str  # "pc" or "mobile"
    threads: list[ThreadRef]
    next_url: str | None
    page: int | None
    ads: int = 0  # in-feed ads skipped (mobile list)


@dataclass
class Post:
    post_id: str
    author: str | None
    author_id: str | None
    floor: int | None
    posted_at: str | None  # ISO 8601, Beijing time
    text: str


@dataclass
class Thread:
    thread_id: str
    title: str
    forum: str | None
    posts: list[Post]
    next_url: str | None
    pages: int | None = None
    reply_count: int | None = None


@dataclass
class SearchHit:
    thread_id: str
    post_id: str | None
    title: str
    url: str  # the thread (``/p/<tid>``), the hit's post as ``pid``
    excerpt: str
    forum: str | None
    author: str | None
    posted_at: str | None
    is_reply: bool


@dataclass
class SearchPage:
    hits: list[SearchHit]
    next_url: str | None
    empty: bool  # the site says nothing matched (not a block, not a failure)


def _data_field(sel: Selector) -> dict[str, object]:
    raw = sel.attrib.get("data-field") or "{}"
    try:
        value = json.loads(raw)
    except json.JSONDecodeError:
        return {}
    return value if isinstance(value, dict) else {}


def pagelets(page_text: str) -> dict[str, str]:
    """The BigPipe pagelets of a page: name -> the HTML inside its comment."""
    return {m.group("name"): m.group("html") for m in _PAGELET.finditer(page_text)}


def _pc_threads(inner: Selector) -> list[ThreadRef]:
    threads = []
    for li in inner.css("li.j_thread_list"):
        field = _data_field(li)
        link = li.css("a.j_th_tit")
        href = link.attrib.get("href", "") if link else ""
        tid = str(field.get("id") or "") or (m.group(1) if (m := _TID.search(href)) else "")
        if not tid:
            continue
        author = (
            field.get("author_name") or first(li, ".tb_icon_author::attr(title)").split(":")[-1]
        )
        reply_num = field.get("reply_num")
        threads.append(
            ThreadRef(
                thread_id=tid,
                title=(link.attrib.get("title") or visible_text(link[0])) if link else "",
                url=href or f"/p/{tid}",
                author=str(author).strip() or None,
                excerpt=visible_text(li.css(".threadlist_abs")[0])
                if li.css(".threadlist_abs")
                else "",
                replies=reply_num
                if isinstance(reply_num, int)
                else int_or_none(li.css(".threadlist_rep_num::text").get()),
                sticky=bool(field.get("is_top")) or "thread_top" in li.attrib.get("class", ""),
                last_reply=first(li, ".threadlist_reply_date::text") or None,
            )
        )
    return threads


def _mobile_threads(sel: Selector) -> tuple[list[ThreadRef], int]:
    threads, ads = [], 0
    for li in sel.css("ul#frslistcontent > li"):
        link = li.css("a.ti_item[tid]")
        if not link:
            if li.css(".label_text_tag"):  # in-feed ad: an a.ti_item without a tid
                ads += 1
            continue
        tid = link.attrib["tid"]
        title = li.css(".ti_title span:not(.ti_title_icon)")
        threads.append(
            ThreadRef(
                thread_id=tid,
                title=visible_text(title[-1]) if title else visible_text(li.css(".ti_title")[0]),
                url=link.attrib.get("href") or f"/p/{tid}",
                author=visible_text(li.css(".ti_author")[0]) or None
                if li.css(".ti_author")
                else None,
                excerpt=visible_text(li.css(".ti_abs")[0]) if li.css(".ti_abs") else "",
                replies=int_or_none(li.css(".btn_reply .btn_icon::text").get()),
                sticky="tl_top" in li.attrib.get("class", ""),
                last_reply=first(li, ".ti_time::text") or None,
            )
        )
    return threads, ads


def parse_forum_list(page: str | Selector) -> ForumList:
    """A bar's thread list, PC (BigPipe) or mobile (``mo_device=1``). Pass the page *text*
    for PC pages: their list sits after ``</html>`` (see the module docstring)."""
    text = page if isinstance(page, str) else page.get()
    sel = Selector(text=text)
    forum = first(sel, 'input[name="kw"]::attr(value)') or None
    if sel.css("ul#frslistcontent"):
        threads, ads = _mobile_threads(sel)
        title = first(sel, "title::text")
        return ForumList(
            forum=forum or (title.split("吧_")[0] if "吧_" in title else None),
            layout="mobile",
            threads=threads,
            next_url=None,
            page=None,
            ads=ads,
        )
    inner_html = pagelets(text).get("frs-list/pagelet/thread_list")
    inner = Selector(text=inner_html) if inner_html else sel
    if not inner.css("li.j_thread_list, #thread_list, #frs_list_pager"):
        raise ParseError(
            "no thread list (pagelet frs-list/pagelet/thread_list or ul#frslistcontent)"
        )
    pager = inner.css("#frs_list_pager") or sel.css("#frs_list_pager")
    return ForumList(
        forum=forum or first(sel, "a.card_title_fname::text").removesuffix("吧") or None,
        layout="pc",
        threads=_pc_threads(inner),
        next_url=pager.css("a.next::attr(href)").get(),
        page=int_or_none(pager.css(".pagination-current::text").get()),
    )


def _post_meta(node: Selector, now: datetime | None) -> tuple[int | None, str | None]:
    tail = " ".join(
        node.css(".post-tail-wrap .tail-info::text, .post-tail-wrap span::text").getall()
    )
    floor = _FLOOR.search(tail)
    when = _TIME.search(tail)
    posted = site_time(when.group(0), now=now) if when else None
    content = _data_field(node).get("content")
    if floor is None and isinstance(content, dict) and content.get("post_no"):
        return int(str(content["post_no"])), posted
    return (int(floor.group(1)) if floor else None), posted


def parse_thread(sel: Selector, now: datetime | None = None) -> Thread:
    nodes = sel.css("#j_p_postlist > div.l_post, div.l_post.j_l_post")
    if not nodes:
        raise ParseError("no posts (div.l_post) in thread page")
    posts = []
    for node in nodes:
        field = _data_field(node)
        content = field.get("content") if isinstance(field.get("content"), dict) else {}
        author = field.get("author") if isinstance(field.get("author"), dict) else {}
        assert isinstance(content, dict) and isinstance(author, dict)
        pid = str(content.get("post_id") or "")
        body = node.css(f"#post_content_{pid}") if pid else None
        if not pid or not body:
            continue  # in-thread ads have an l_post without a post id
        floor, when = _post_meta(node, now)
        posts.append(
            Post(
                post_id=pid,
                author=first(node, "a.p_author_name::text")
                or str(author.get("user_name") or "")
                or None,
                author_id=str(author.get("user_id")) if author.get("user_id") else None,
                floor=floor,
                posted_at=when,
                text=visible_text(body[0]),
            )
        )
    raw = sel.get()
    tid = re.search(r"thread_id\s*:\s*(\d+)", raw)
    first_content = _data_field(nodes[0]).get("content")
    thread_id = (
        tid.group(1)
        if tid
        else (str(first_content.get("thread_id", "")) if isinstance(first_content, dict) else "")
    )
    next_url = next(
        (a.attrib.get("href") for a in sel.css("li.l_pager a") if visible_text(a) == "下一页"), None
    )
    counts = [int_or_none(t) for t in sel.css("li.l_reply_num span.red::text").getall()[:2]]
    return Thread(
        thread_id=thread_id,
        title=first(sel, "h3.core_title_txt::attr(title)")
        or first(sel, "h1.core_title_txt::attr(title)"),
        forum=first(sel, "#tofrs_up a::attr(title)") or None,
        posts=posts,
        next_url=next_url,
        reply_count=counts[0] if counts else None,
        pages=counts[1] if len(counts) > 1 else None,
    )


def parse_search_page(sel: Selector, now: datetime | None = None) -> SearchPage:
    """``/f/search/res?qw=<kw>&pn=N`` (全吧搜索). Each hit is a post: a thread's first post or a
    reply (title ``回复：…``), linked as ``/p/<tid>?pid=<pid>&cid=#<pid>``.

    No saved real result page was found; the selectors follow the markup that published
    scrapers of this page read (``div.s_post_list > div.s_post``, ``span.p_title a``,
    ``div.p_content``, ``a.p_forum font.p_violet``, ``font.p_green.p_date``, pager ``a.next``).
    """
    posts = sel.css("div.s_post_list > div.s_post, div.s_post_list div.s_post")
    hits = []
    for post in posts:
        link = post.css("span.p_title a")
        href = link.attrib.get("href", "") if link else ""
        tid = link.attrib.get("data-tid") if link else None
        tid = tid or (m.group(1) if (m := _TID.search(href)) else None)
        if not tid:
            continue
        query = parse_qs(urlsplit(href).query)
        pid = link.attrib.get("data-pid") or next(iter(query.get("pid") or []), None)
        title = visible_text(link[0])
        forum_link = post.css("a.p_forum")
        author = [
            visible_text(a)
            for a in post.css("a:not(.p_forum)")
            if a.css("font.p_violet") and a not in forum_link
        ]
        hits.append(
            SearchHit(
                thread_id=tid,
                post_id=pid,
                title=title,
                url=f"/p/{tid}" + (f"?pid={pid}#{pid}" if pid else ""),
                excerpt=visible_text(post.css("div.p_content")[0])
                if post.css("div.p_content")
                else "",
                forum=visible_text(forum_link[0]) or None if forum_link else None,
                author=author[-1] if author else None,
                posted_at=site_time(first(post, "font.p_date::text"), now=now),
                is_reply=title.startswith(("回复：", "回复:")),
            )
        )
    empty = bool(sel.css(".search_noresult, .s_noresult, #noresult"))
    if not posts and not empty and not sel.css("div.s_post_list, .s_main"):
        raise ParseError("no search results (div.s_post_list) and no no-result notice")
    next_url = sel.css("div.pager a.next::attr(href)").get()
    return SearchPage(hits=hits, next_url=next_url, empty=empty and not hits)


# -- blocks -------------------------------------------------------------------------------------
_CAPTCHA_HOSTS = ("wappass.baidu.com", "passport.baidu.com/static/captcha", "/static/captcha/")
_CAPTCHA_TEXT = ("百度安全验证", "安全验证", "网络不给力，请稍后重试", "wappass.baidu.com")


def block_kind(url: str, text: str) -> str | None:
    """``captcha`` for Baidu's security check (a redirect to wappass.baidu.com or a
    "百度安全验证" page), ``login_wall`` for the passport login page, else None."""
    if any(host in url for host in _CAPTCHA_HOSTS):
        return "captcha"
    if "passport.baidu.com" in url:
        return "login_wall"
    head = text[:6000]
    title = re.search(r"<title>(.*?)</title>", head, re.S)
    if title and any(mark in html.unescape(title.group(1)) for mark in _CAPTCHA_TEXT):
        return "captcha"
    return None
