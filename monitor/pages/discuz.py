"""Discuz! X forums: thread lists (``forumdisplay`` / ``forum-<fid>-<page>.html``) and threads
(``viewthread`` / ``thread-<tid>-<page>-1.html``). The same markup in GBK and UTF-8 sites, and
in themes that restyle it (one hides ``<em>时间：</em>`` before the date)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone

from parsel import Selector

from monitor.pages.common import CHINA_TZ, ParseError, first, int_or_none, site_time, visible_text

_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}(?: \d{1,2}:\d{2}(?::\d{2})?)?")
_UID = re.compile(r"uid[=-](\d+)")
_TID = re.compile(r"[?&](?:p?tid)=(\d+)|thread-(\d+)-")
# The post's number link: "楼主" on the first post, the nicknames of 2-4 in the default
# language pack, then "5#" or "<em>5</em><sup>#</sup>".
_FLOOR_NAMES = {"楼主": 1, "沙发": 2, "板凳": 3, "地板": 4}
_FLOOR_NUMBER = re.compile(r"^(\d{1,7})\s*#")


@dataclass
class ThreadRef:
    thread_id: str
    title: str
    url: str
    author: str | None
    author_id: str | None
    posted: str | None  # ISO 8601 date in the forum's time zone
    replies: int | None
    views: int | None
    sticky: bool


@dataclass
class ForumPage:
    forum: str | None
    threads: list[ThreadRef]
    next_url: str | None
    page: int | None  # the page number the pager marks as current


@dataclass
class Post:
    post_id: str
    author: str | None
    author_id: str | None
    posted_at: str | None
    text: str
    floor: int | None = None  # 1 for the thread's first post; None when the page hides it


def _floor(node: Selector, pid: str) -> int | None:
    label = "".join(node.css(f"a#postnum{pid} ::text").getall()).strip()
    if not label:
        return None
    if label in _FLOOR_NAMES:
        return _FLOOR_NAMES[label]
    match = _FLOOR_NUMBER.match(label)
    return int(match.group(1)) if match else None


@dataclass
class ThreadPage:
    thread_id: str | None
    title: str
    forum: str | None
    posts: list[Post]
    next_url: str | None
    page: int | None


def _pager(sel: Selector) -> tuple[str | None, int | None]:
    pg = sel.css("div.pg")
    if not pg:
        return None, None
    return pg[0].css("a.nxt::attr(href)").get(), int_or_none(pg[0].css("strong::text").get())


def _date_in(node: Selector | None, tz: timezone, now: datetime | None) -> str | None:
    """The date in a cell; Discuz! shows recent ones as "3 天前" with the date in a title."""
    if node is None:
        return None
    for text in [*node.css("span[title]::attr(title)").getall(), visible_text(node)]:
        if (match := _DATE.search(text)) is not None:
            return site_time(match.group(0), tz=tz, now=now)
    return None


def parse_forum_page(
    sel: Selector, tz: timezone = CHINA_TZ, now: datetime | None = None
) -> ForumPage:
    bodies = sel.css(
        "table#threadlisttableid > tbody[id^=normalthread_], "
        "table#threadlisttableid > tbody[id^=stickthread_]"
    )
    if not bodies and not sel.css("table#threadlisttableid, #threadlist"):
        raise ParseError("no thread list (table#threadlisttableid) in page")
    threads = []
    for body in bodies:
        tid = body.attrib["id"].split("_", 1)[1]
        link = body.css("th a.s.xst, th a.xst")
        if not tid.isdigit() or not link:
            continue
        by = body.css("td.by")
        author_link = by[0].css("cite a") if by else None
        uid = _UID.search(author_link.attrib.get("href", "")) if author_link else None
        threads.append(
            ThreadRef(
                thread_id=tid,
                title=visible_text(link[0]),
                url=link.attrib.get("href", ""),
                author=(visible_text(author_link[0]) or None) if author_link else None,
                author_id=uid.group(1) if uid else None,
                posted=_date_in(by[0].css("em")[0] if by and by[0].css("em") else None, tz, now),
                replies=int_or_none(body.css("td.num a::text").get()),
                views=int_or_none(body.css("td.num em::text").get()),
                sticky=body.attrib["id"].startswith("stick"),
            )
        )
    next_url, page = _pager(sel)
    forum = first(sel, "#pt a[href*='forum-']:last-child::text") or first(sel, "h1.xs2 a::text")
    return ForumPage(forum=forum or None, threads=threads, next_url=next_url, page=page)


def _thread_id(sel: Selector) -> str | None:
    """From the canonical link, else from the reply form or the report links (themes that
    leave ``<link rel="canonical" href="">`` empty)."""
    for href in (
        first(sel, 'link[rel="canonical"]::attr(href)'),
        first(sel, "form#fastpostform::attr(action)"),
        first(sel, "input[name=tid]::attr(value)"),
        *sel.css("a[href*='ptid=']::attr(href), a[onclick*='tid=']::attr(onclick)").getall()[:3],
    ):
        if href.isdigit():
            return href
        if (match := _TID.search(href)) is not None:
            return match.group(1) or match.group(2)
    return None


def thread_id_from_url(url: str) -> str | None:
    """``thread-77-2-1.html`` or ``viewthread&tid=77``: the id when the page itself names none."""
    match = _TID.search(url)
    return (match.group(1) or match.group(2)) if match else None


def parse_thread_page(
    sel: Selector, tz: timezone = CHINA_TZ, now: datetime | None = None
) -> ThreadPage:
    posts = []
    for node in sel.css("#postlist > div[id^=post_]"):
        pid = node.attrib["id"].split("_", 1)[1]
        body = node.css(f"td.t_f#postmessage_{pid}")
        if not pid.isdigit() or not body:
            continue
        author = node.css(".pi .authi a.xw1, .authi a.xw1, .authi a.xi2")
        uid = _UID.search(author.attrib.get("href", "")) if author else None
        # The rebranded theme writes <em id="authorposton…"><em>时间：</em>2022-2-22 16:13:26
        # </em>; recent posts show "3 天前" with the date in a span title.
        stamp = node.css(f"em#authorposton{pid}")
        posts.append(
            Post(
                post_id=pid,
                author=(visible_text(author[0]).replace("作者：", "").strip() or None)
                if author
                else None,
                author_id=uid.group(1) if uid else None,
                posted_at=_date_in(stamp[0] if stamp else None, tz, now),
                text=visible_text(body[0]),
                floor=_floor(node, pid),
            )
        )
    if not posts:
        raise ParseError("no posts (#postlist > div[id^=post_] with td.t_f) in thread page")
    next_url, page = _pager(sel)
    return ThreadPage(
        thread_id=_thread_id(sel),
        title=first(sel, "#thread_subject::text"),
        forum=first(sel, "#pt a[href*='forum-']:last-of-type::text") or None,
        posts=posts,
        next_url=next_url,
        page=page,
    )


# -- blocks -------------------------------------------------------------------------------------
_NO_PERMISSION = (
    "您无权进行当前操作",
    "没有权限访问该版块",
    "阅读权限高于",
    "您所在的用户组",
    "本版块只有特定用户可以访问",
)
_LOGIN = (
    "您需要登录后才可以",
    "请登录后再操作",
    "您尚未登录",
    "需要先登录",
    "mod=logging&action=login",
)
_RATE = ("刷新过于频繁", "访问过于频繁", "请不要频繁刷新")


def message_text(sel: Selector) -> str:
    """The text of a Discuz! message page (``#messagetext``), or "" for a content page."""
    box = sel.css("#messagetext, .alert_error, .alert_info")
    return visible_text(box[0]) if box else ""


def block_kind(sel: Selector) -> str | None:
    """``login_wall``, ``no_permission`` or ``rate_limited`` for Discuz! message pages that
    refuse content; None for content pages and for "thread deleted" messages (not a block)."""
    if sel.css("#postlist, table#threadlisttableid"):
        return None
    message = message_text(sel)
    login_form = bool(sel.css("#messagelogin, form[name=login][action*='logging']"))
    if any(mark in message for mark in _LOGIN) or (login_form and message):
        return "login_wall"
    if any(mark in message for mark in _NO_PERMISSION):
        return "no_permission"
    if any(mark in message for mark in _RATE):
        return "rate_limited"
    return None
