"""Shared logic of forum spiders: thread lists that page, threads whose floors are listings."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import scrapy

from spiders.base import MonitorSpider

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from scrapy.http import Response

logger = logging.getLogger(__name__)


class ForumSpider(MonitorSpider):
    """A thread is a listing (its first floor, under the thread title); every later floor is a
    listing of its own, because offers are often posted as replies in busy threads.

    A thread is requested once per crawl, from the first list that shows it. Each list (a bar,
    a forum, a search) keeps the threads its own pages showed: a page with none new means the
    pager leads back to pages already read, and the list ends there."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._requested: set[str] = set()
        self._seen_by_list: dict[str, set[str]] = {}

    @staticmethod
    def list_key(response: Response, callback: Callable[..., Any] | None = None) -> str:
        name = getattr(callback, "__name__", "list")
        return f"{name}:{response.meta.get('keyword') or response.meta.get('list_key') or ''}"

    def thread_requests(
        self,
        response: Response,
        threads: list[Any],
        page: int,
        callback: Any,
        list_key: str | None = None,
    ) -> tuple[list[scrapy.Request], int]:
        """Requests for the threads of a list page not requested yet, and how many threads
        were new to this list."""
        seen = self._seen_by_list.setdefault(list_key or self.list_key(response), set())
        requests, new = [], 0
        for rank, ref in enumerate(threads, start=1):
            if ref.thread_id not in seen:
                new += 1
                seen.add(ref.thread_id)
            if ref.thread_id in self._requested:
                continue
            self._requested.add(ref.thread_id)
            requests.append(
                scrapy.Request(
                    response.urljoin(ref.url),
                    callback=callback,
                    errback=self.errback,
                    meta={
                        "found_on": response.url,
                        "rank": rank,
                        "page": page,
                        "keyword": response.meta.get("keyword"),
                    },
                )
            )
        return requests, new

    def next_list_page(
        self,
        response: Response,
        next_url: str | None,
        page: int,
        new_threads: int,
        callback: Callable[..., Any] | None = None,
    ) -> Iterator[scrapy.Request]:
        if not next_url:
            return
        if new_threads == 0:
            # Every thread on this page was on an earlier page of this list: the pager leads
            # back (forums answer an out-of-range page with the last one).
            self.count("monitor/pagination/loop_refused")
            logger.warning(
                "no new threads on %s, not following %s",
                response.url,
                next_url,
                extra={"spider": self},
            )
            return
        if page >= self.max_pages:
            self.count("monitor/pagination/max_pages")
            return
        yield response.follow(
            next_url,
            callback=callback or self.parse_list,
            errback=self.errback,
            meta={k: response.meta[k] for k in ("keyword", "list_key") if k in response.meta},
            cb_kwargs={"page": page + 1},
        )

    def next_thread_page(
        self, response: Response, next_url: str | None, thread_page: int
    ) -> Iterator[Any]:
        """The thread's next page, up to ``max_pages``, parsed like this one."""
        if next_url and thread_page < self.max_pages:
            yield response.follow(
                next_url,
                callback=self.parse_thread,
                errback=self.errback,
                meta=self.carry_meta(response),
                cb_kwargs={"thread_page": thread_page + 1},
            )

    def floors(
        self,
        response: Response,
        *,
        thread_id: str,
        title: str,
        posts: list[Any],
        first_page: bool,
        id_prefix: str = "",
        extra: dict[str, Any] | None = None,
    ) -> Iterator[Any]:
        for index, post in enumerate(posts):
            floor = getattr(post, "floor", None)
            is_first = floor == 1 if floor is not None else (first_page and index == 0)
            yield self.make_listing(
                response,
                url=response.url
                if is_first
                else f"{response.url.split('#')[0]}#post_{post.post_id}",
                # A reply is judged on its own words: under the thread's title, "支持一下" in
                # a selling thread would read as an offer.
                title=title if is_first else "",
                text=post.text,
                native_id=f"{id_prefix}{thread_id}"
                if is_first
                else f"{id_prefix}{thread_id}#{post.post_id}",
                seller=post.author,
                seller_id=post.author_id,
                posted_at=post.posted_at,
                extra={
                    "thread_id": thread_id,
                    "thread_title": title,
                    "post_id": post.post_id,
                    # Counting posts gives the floor only on a thread's first page.
                    "floor": floor if floor is not None else (index + 1 if first_page else None),
                    **(extra or {}),
                },
            )

    def parse_list(self, response: Response, page: int) -> Iterator[Any]:
        raise NotImplementedError

    def parse_thread(self, response: Response, thread_page: int = 1) -> Iterator[Any]:
        raise NotImplementedError
