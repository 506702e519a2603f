"""Discuz! X forums: thread lists (``forumdisplay`` / ``forum-<fid>-<page>.html``) and threads
(``viewthread`` / ``thread-<tid>-<page>-1.html``). The same markup in GBK and UTF-8 sites."""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsel import Selector

from monitor.pages.common import ParseError, first, int_or_none, visible_text

_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}(?: \d{1,2}:\d{2}(?::\d{2})?)?")
_UID = re.compile(r"(?:uid[=-])(\d+)")


@dataclass
class ThreadRef:
    thread_id: str
    title: str
    url: str
    author: str | None
    author_id: str | None
    posted: str | None
    replies: int | None
    views: int | None
    sticky: bool


@dataclass
class ForumPage:
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


@dataclass
class ThreadPage:
    thread_id: str | None
    title: str
    posts: list[Post]
    next_url: str | None
    page: int | None


def _pager(sel: Selector) -> tuple[str | None, int | None]:
    pg = sel.css("div.pg")
    if not pg:
        return None, None
    return pg[0].css("a.nxt::attr(href)").get(), int_or_none(pg[0].css("strong::text").get())


def parse_forum_page(sel: Selector) -> ForumPage:
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
        href = author_link.attrib.get("href", "") if author_link else ""
        uid = _UID.search(href)
        threads.append(
            ThreadRef(
                thread_id=tid,
                title=visible_text(link[0]),
                url=link.attrib.get("href", ""),
                author=visible_text(author_link[0]) or None if author_link else None,
                author_id=uid.group(1) if uid else None,
                posted=visible_text(by[0].css("em")[0]) or None if by and by[0].css("em") else None,
                replies=int_or_none(body.css("td.num a::text").get()),
                views=int_or_none(body.css("td.num em::text").get()),
                sticky=body.attrib["id"].startswith("stick"),
            )
        )
    next_url, page = _pager(sel)
    return ForumPage(threads=threads, next_url=next_url, page=page)


def parse_thread_page(sel: Selector) -> ThreadPage:
    nodes = sel.css("#postlist > div[id^=post_]")
    posts = []
    for node in nodes:
        pid = node.attrib["id"].split("_", 1)[1]
        body = node.css(f"td.t_f#postmessage_{pid}")
        if not pid.isdigit() or not body:
            continue
        author = node.css(".pi .authi a.xw1, .authi a.xw1, .authi a.xi2")
        href = author.attrib.get("href", "") if author else ""
        uid = _UID.search(href)
        when = _DATE.search(" ".join(node.css(f"em#authorposton{pid} ::text").getall()))
        posts.append(
            Post(
                post_id=pid,
                author=(visible_text(author[0]).replace("作者：", "").strip() or None) if author else None,
                author_id=uid.group(1) if uid else None,
                posted_at=when.group(0) if when else None,
                text=visible_text(body[0]),
            )
        )
    if not posts:
        raise ParseError("no posts (#postlist > div[id^=post_] with td.t_f) in thread page")
    tid = re.search(r"[?&]tid=(\d+)|thread-(\d+)-", first(sel, 'link[rel="canonical"]::attr(href)'))
    next_url, page = _pager(sel)
    return ThreadPage(
        thread_id=(tid.group(1) or tid.group(2)) if tid else None,
        title=first(sel, "#thread_subject::text"),
        posts=posts,
        next_url=next_url,
        page=page,
    )
