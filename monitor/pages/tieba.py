"""Baidu Tieba: a bar's thread list (``/f?kw=``) and thread pages (``/p/<tid>``)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from parsel import Selector

from monitor.pages.common import ParseError, first, int_or_none, visible_text

_FLOOR = re.compile(r"(\d+)楼")
_TIME = re.compile(r"\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}")


@dataclass
class ThreadRef:
    thread_id: str
    title: str
    url: str  # as written in the page (relative to it)
    author: str | None
    excerpt: str
    replies: int | None


@dataclass
class ForumList:
    threads: list[ThreadRef]
    next_url: str | None
    page: int | None


@dataclass
class Post:
    post_id: str
    author: str | None
    author_id: str | None
    floor: int | None
    posted_at: str | None
    text: str


@dataclass
class Thread:
    thread_id: str
    title: str
    forum: str | None
    posts: list[Post]
    next_url: str | None


def _data_field(sel: Selector) -> dict[str, object]:
    raw = sel.attrib.get("data-field") or "{}"
    try:
        value = json.loads(raw)
    except json.JSONDecodeError:
        return {}
    return value if isinstance(value, dict) else {}


def _replies(value: object, li: Selector) -> int | None:
    if isinstance(value, int):
        return value
    return int_or_none(li.css(".threadlist_rep_num::text").get())


def thread_list_selector(sel: Selector) -> Selector:
    """The thread list lives inside an HTML comment in a hidden ``<code class="pagelet_html">``
    (Baidu's BigPipe): take the comment text and parse it again. Pages rendered without
    BigPipe have the list in the DOM directly."""
    comment = sel.css(
        'code[id="pagelet_html_frs-list/pagelet/thread_list"]'
    ).xpath("comment()").get()
    if comment:
        return Selector(text=comment[4:-3])
    return sel


def parse_forum_list(sel: Selector) -> ForumList:
    inner = thread_list_selector(sel)
    items = inner.css("li.j_thread_list")
    if not items and not inner.css("#thread_list, #frs_list_pager"):
        raise ParseError("no thread list in page")
    threads = []
    for li in items:
        field = _data_field(li)
        tid = str(field.get("id") or "")
        link = li.css("a.j_th_tit")
        href = link.attrib.get("href", "") if link else ""
        if not tid:
            match = re.search(r"/p/(\d+)", href)
            tid = match.group(1) if match else ""
        if not tid:
            continue
        author = field.get("author_name") or first(li, ".tb_icon_author::attr(title)").split(":")[-1]
        threads.append(
            ThreadRef(
                thread_id=tid,
                title=(link.attrib.get("title") or visible_text(link[0])) if link else "",
                url=href or f"/p/{tid}",
                author=str(author).strip() or None,
                excerpt=visible_text(li.css(".threadlist_abs")[0]) if li.css(".threadlist_abs") else "",
                replies=_replies(field.get("reply_num"), li),
            )
        )
    pager = inner.css("#frs_list_pager") or sel.css("#frs_list_pager")
    next_url = pager.css("a.next::attr(href)").get()
    current = int_or_none(pager.css(".pagination-current::text").get())
    return ForumList(threads=threads, next_url=next_url, page=current)


def _post_meta(node: Selector) -> tuple[int | None, str | None]:
    tail = " ".join(node.css(".post-tail-wrap .tail-info::text, .post-tail-wrap span::text").getall())
    floor = _FLOOR.search(tail)
    when = _TIME.search(tail)
    content = _data_field(node).get("content")
    if floor is None and isinstance(content, dict) and content.get("post_no"):
        return int(str(content["post_no"])), when.group(0) if when else None
    return (int(floor.group(1)) if floor else None), (when.group(0) if when else None)


def parse_thread(sel: Selector) -> Thread:
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
        body = node.css(f"#post_content_{pid}") if pid else node.css(".d_post_content")
        if not pid or not body:
            continue
        floor, when = _post_meta(node)
        posts.append(
            Post(
                post_id=pid,
                author=first(node, "a.p_author_name::text") or str(author.get("user_name") or "") or None,
                author_id=str(author.get("user_id")) if author.get("user_id") else None,
                floor=floor,
                posted_at=when,
                text=visible_text(body[0]),
            )
        )
    title = first(sel, "h3.core_title_txt::attr(title)") or first(sel, "h1.core_title_txt::attr(title)")
    tid = re.search(r"thread_id\s*:\s*(\d+)", sel.get())
    if tid:
        thread_id = tid.group(1)
    else:
        first_content = _data_field(nodes[0]).get("content")
        thread_id = str(first_content.get("thread_id", "")) if isinstance(first_content, dict) else ""
    next_url = None
    for link in sel.css("li.l_pager a"):
        if visible_text(link) == "下一页":
            next_url = link.attrib.get("href")
            break
    forum = first(sel, "#tofrs_up a::attr(title)") or None
    return Thread(thread_id=thread_id, title=title, forum=forum, posts=posts, next_url=next_url)
