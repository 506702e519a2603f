"""The demo world's HTTP server: one port, one path prefix per imitated platform.

``/taobao``   shop search whose result cards are inserted by JavaScript, item pages,
              a slider-captcha page (searching ``CAPTCHA_KEYWORD`` past page 1); searching
              needs a session cookie (``DEMO_SESSION``), else it redirects to a login page
``/xianyu``   second-hand market search (cards inserted by JavaScript, CSS-module class
              names; a session cookie too) and item pages
``/tieba``    bar thread lists (the list in an HTML comment *after* ``</html>``, as Baidu's
              BigPipe serves it), threads, and the site search ``f/search/res``
``/discuz``   a Discuz! X3.4 forum served in GBK; pages past the end answer with the last page;
              forum 3 refuses ("您无权进行当前操作"), forum 4 asks to log in
``/discuz-utf8`` the same forum as a UTF-8 site in a rebranded theme
``/telegram`` ``t.me/s/<channel>`` previews with ``?before=`` paging; one channel's oldest page
              links back to its newest (the loop trap); an unknown channel redirects to
              ``t.me/<name>`` (no public preview)
``/paste``    a Pastebin-style archive, paste pages and raw pastes
``/_demo``    control: ``POST /_demo/remove?key=<id>`` takes a listing down (for takedown checks)
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from monitor.demo.world import (
    CAPTCHA_KEYWORD,
    DISCUZ_FID,
    PAGE_SIZE,
    DemoListing,
    load_listings,
    paginate,
)

logger = logging.getLogger(__name__)

Reply = tuple[int, dict[str, str], bytes]

_HTML = "text/html; charset=utf-8"
_ENV = Environment(
    loader=PackageLoader("monitor.demo", "templates"), autoescape=select_autoescape()
)


def _render(name: str, **context: Any) -> str:
    return _ENV.get_template(name).render(**context)


def _html(body: str, status: int = 200) -> Reply:
    return status, {"Content-Type": _HTML}, body.encode("utf-8")


def _not_found(text: str = "Not Found") -> Reply:
    return 404, {"Content-Type": "text/plain; charset=utf-8"}, text.encode("utf-8")


def _stable_int(value: str, low: int, span: int) -> int:
    return low + int(hashlib.md5(value.encode()).hexdigest()[:8], 16) % span


def _js_string(value: str) -> str:
    # A JavaScript single-quoted literal with non-ASCII as \uXXXX, as Taobao writes g_config.
    return json.dumps(value)[1:-1].replace("'", "\\'")


# The session cookie the shop searches require (real Taobao/Goofish sessions carry cookie2).
SESSION_COOKIE = "cookie2"
DEMO_SESSION = f"{SESSION_COOKIE}=demo-session-0001; _tb_token_=demo"
# Reading this bar or searching this keyword on the Tieba-like forum hits Baidu's security check.
TIEBA_CHECK_KEYWORD = "安全验证演示"
_LOGIN_GATES = {
    ("taobao", "search"): "login.htm",
    ("taobao", "api/search"): "login.htm",
    ("xianyu", "search"): "mini_login.htm",
    ("xianyu", "api/search"): "mini_login.htm",
}


def _cookie_names(header: str) -> set[str]:
    return {part.split("=", 1)[0].strip() for part in header.split(";") if "=" in part}


def _later(posted: str, minutes: int) -> str:
    try:
        when = datetime.fromisoformat(posted)
    except ValueError:
        return posted
    return (when + timedelta(minutes=minutes)).strftime("%Y-%m-%d %H:%M")


class DemoSite:
    """The content and the page logic, independent of the HTTP plumbing."""

    def __init__(self) -> None:
        self.listings = load_listings()
        self.removed: set[str] = set()
        self._lock = threading.Lock()

    # -- content queries -------------------------------------------------------------------
    def live(self, platform: str) -> list[DemoListing]:
        return [i for i in self.listings if i.platform == platform and i.key not in self.removed]

    def by_native(self, platform: str, native_id: str) -> DemoListing | None:
        for item in self.listings:
            if item.platform == platform and item.public_id == native_id:
                return item
        return None

    def channels(self) -> list[str]:
        return sorted(
            {i.channel or "demo_channel" for i in self.listings if i.platform == "telegram"}
        )

    def loop_channel(self) -> str:
        """The channel whose oldest page links back to its newest: the busiest one."""
        counts = {c: 0 for c in self.channels()}
        for item in self.listings:
            if item.platform == "telegram":
                counts[item.channel or "demo_channel"] += 1
        return max(sorted(counts), key=lambda c: counts[c])

    def remove(self, key: str) -> bool:
        with self._lock:
            if not any(i.key == key for i in self.listings):
                return False
            self.removed.add(key)
            return True

    # -- routing ---------------------------------------------------------------------------
    def handle(self, method: str, raw_path: str, cookie_header: str = "") -> Reply:
        parts = urlsplit(raw_path)
        path, query = parts.path, {k: v[0] for k, v in parse_qs(parts.query).items()}
        if method == "POST":
            return self._control(path, query)
        if path in ("", "/"):
            return _html(_render("index.html", count=len(self.listings), channels=self.channels()))
        prefix, _, rest = path.lstrip("/").partition("/")
        gate = _LOGIN_GATES.get((prefix, rest))
        if gate and SESSION_COOKIE not in _cookie_names(cookie_header):
            # Shop searches show results to signed-in visitors only, as on the real sites.
            target = f"{gate}?redirectURL={quote(raw_path, safe='')}"
            return 302, {"Location": target, "Content-Type": _HTML}, b""
        route = getattr(self, f"_route_{prefix.replace('-', '_')}", None)
        if route is None:
            return _not_found()
        result: Reply = route(rest, query)
        return result

    def _control(self, path: str, query: dict[str, str]) -> Reply:
        if path == "/_demo/remove" and self.remove(query.get("key", "")):
            return 200, {"Content-Type": "text/plain"}, b"removed\n"
        return _not_found("unknown listing or control path")

    # -- e-commerce (Taobao-like) ------------------------------------------------------------
    def _route_taobao(self, rest: str, q: dict[str, str]) -> Reply:
        size = PAGE_SIZE["ecommerce"]
        if rest == "search":
            if q.get("q") == CAPTCHA_KEYWORD and int(q.get("s", "0") or 0) >= size:
                target = (
                    "search/_____tmd_____/punish?x5secdata=xd"
                    + hashlib.md5(q.get("s", "").encode()).hexdigest()
                    + "&x5step=1"
                )
                return 302, {"Location": target, "Content-Type": _HTML}, b""
            return _html(_render("taobao_search.html", q=q.get("q", "")))
        if rest == "api/search":
            return self._taobao_api(q.get("q", ""), int(q.get("s", "0") or 0), size)
        if rest.endswith("punish"):
            return _html(_render("taobao_punish.html"))
        if rest == "login.htm":
            return _html(_render("login.html", site="淘宝网"))
        if rest == "item.htm":
            item = self.by_native("ecommerce", q.get("id", ""))
            if item is None:
                return _not_found()
            if item.key in self.removed:
                return _html(_render("taobao_gone.html"))
            seller_id = str(_stable_int(item.seller, 10**9, 10**9))
            return _html(
                _render(
                    "taobao_item.html",
                    item=item,
                    shop_id=_stable_int(item.seller, 10**7, 10**7),
                    seller_id=seller_id,
                    shop_name_js=_js_string(item.seller),
                    seller_nick_js=_js_string(item.seller),
                )
            )
        return _not_found()

    def _taobao_api(self, keyword: str, offset: int, size: int) -> Reply:
        matches = [i for i in self.live("ecommerce") if i.keyword == keyword]
        page_items = matches[offset : offset + size]
        body = {
            "q": keyword,
            "items": [
                {
                    "nid": i.native_id,
                    "title": i.title,
                    "price": i.price or "",
                    "sales": f"{_stable_int(i.key, 3, 400)}人付款",
                    "detail_url": f"item.htm?id={i.native_id}",
                    "nick": i.seller,
                    "user_id": str(_stable_int(i.seller, 10**9, 10**9)),
                    "item_loc": "广东 深圳",
                }
                for i in page_items
            ],
            "next": offset + size if offset + size < len(matches) else None,
        }
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        return 200, {"Content-Type": "application/json; charset=utf-8"}, data

    # -- second-hand (Xianyu-like) ------------------------------------------------------------
    def _route_xianyu(self, rest: str, q: dict[str, str]) -> Reply:
        if rest == "search":
            # The feed is filled by script from api/search, as on goofish.com.
            return _html(_render("xianyu_search.html", q=q.get("q", "")))
        if rest == "api/search":
            keyword, page = q.get("q", ""), int(q.get("page", "1") or 1)
            matches = [i for i in self.live("secondhand") if i.keyword == keyword]
            items, more = paginate(matches, page, PAGE_SIZE["secondhand"])
            body = {
                "q": keyword,
                "items": [
                    {
                        "id": i.native_id,
                        "title": i.title,
                        "price": i.price or "",
                        "seller": i.seller,
                    }
                    for i in items
                ],
                "next": f"search?q={quote(keyword)}&page={page + 1}" if more else None,
            }
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            return 200, {"Content-Type": "application/json; charset=utf-8"}, data
        if rest == "mini_login.htm":
            return _html(_render("login.html", site="闲鱼"))
        if rest == "item":
            item = self.by_native("secondhand", q.get("id", ""))
            if item is None or item.key in self.removed:
                return _not_found("宝贝不见了")
            return _html(
                _render(
                    "xianyu_item.html", item=item, seller_id=_stable_int(item.seller, 10**9, 10**9)
                )
            )
        return _not_found()

    # -- Tieba-like forum --------------------------------------------------------------------
    def _route_tieba(self, rest: str, q: dict[str, str]) -> Reply:
        size = PAGE_SIZE["tieba"]
        if TIEBA_CHECK_KEYWORD in (q.get("kw"), q.get("qw")):
            # Baidu's security check: a redirect to a captcha page (wappass.baidu.com).
            return (
                302,
                {"Location": "static/captcha/tuxing.html?ak=demo&backurl=x", "Content-Type": _HTML},
                b"",
            )
        if rest == "static/captcha/tuxing.html":
            return _html(
                "<!DOCTYPE html><html><head><meta charset='utf-8'><title>百度安全验证</title>"
                "</head><body><div class='passMod_dialog-body'>请完成下方验证后继续操作"
                "</div></body></html>"
            )
        if rest == "f":
            kw = q.get("kw", "")
            page = int(q.get("pn", "0") or 0) // size + 1
            threads, more = paginate([i for i in self.live("tieba") if i.keyword == kw], page, size)
            rows = [
                {
                    "item": t,
                    "href": f"p/{t.native_id}",
                    "user_id": _stable_int(t.seller, 10**8, 10**9),
                    "replies": len(t.replies),
                    "excerpt": t.text.splitlines()[0][:60] if t.text else "",
                    "field": json.dumps(
                        {
                            "id": int(t.native_id),
                            "author_name": t.seller,
                            "first_post_id": int(t.native_id) * 10 + 1,
                            "reply_num": len(t.replies),
                        },
                        ensure_ascii=True,
                    ),
                }
                for t in threads
            ]
            inner = _render(
                "tieba_list_inner.html",
                threads=rows,
                page=page,
                size=size,
                has_next=more,
                kw_q=quote(kw),
            )
            return _html(_render("tieba_list.html", kw=kw, kw_q=quote(kw), inner=inner))
        if rest == "f/search/res":
            return self._tieba_search(q.get("qw", ""), int(q.get("pn", "1") or 1))
        if rest.startswith("p/"):
            item = self.by_native("tieba", rest[2:])
            if item is None or item.key in self.removed:
                return _html(
                    "<html><body><div class='page404'>很抱歉，该贴已被删除。</div></body></html>",
                    404,
                )
            return _html(self._tieba_thread(item))
        return _not_found()

    def _tieba_search(self, keyword: str, page: int) -> Reply:
        """全吧搜索: every post (first floor or reply) whose title or text has the keyword."""
        hits = []
        for thread in self.live("tieba"):
            posts = [(thread.seller, thread.text)] + [
                (r["author"], r["text"]) for r in thread.replies
            ]
            for floor, (author, text) in enumerate(posts, start=1):
                if keyword and (keyword in text or (floor == 1 and keyword in thread.title)):
                    pid = int(thread.native_id) * 10 + floor
                    hits.append(
                        {
                            "tid": thread.native_id,
                            "pid": pid,
                            "author": author,
                            "title": thread.title if floor == 1 else f"回复：{thread.title}",
                            "excerpt": text.replace("\n", " ")[:80],
                            "forum": thread.keyword,
                            "forum_q": quote(thread.keyword or ""),
                            "author_q": quote(author),
                            "time": _later(thread.posted, 17 * (floor - 1)),
                        }
                    )
        size = PAGE_SIZE["tieba"]
        rows, more = paginate(hits, page, size)
        next_url = f"res?ie=utf-8&qw={quote(keyword)}&rn=20&pn={page + 1}" if more else None
        return _html(
            _render("tieba_search.html", kw=keyword, hits=rows, page=page, next_url=next_url)
        )

    def _tieba_thread(self, item: DemoListing) -> str:
        authors = [(item.seller, item.text)] + [(r["author"], r["text"]) for r in item.replies]
        posts = []
        for floor, (author, text) in enumerate(authors, start=1):
            pid = int(item.native_id) * 10 + floor
            user_id = _stable_int(author, 10**8, 10**9)
            field = {
                "author": {"user_id": user_id, "user_name": author},
                "content": {
                    "post_id": pid,
                    "thread_id": int(item.native_id),
                    "forum_id": 52_013,
                    "post_no": floor,
                },
            }
            posts.append(
                {
                    "pid": pid,
                    "floor": floor,
                    "author": author,
                    "text": text,
                    "user_id": user_id,
                    "field": json.dumps(field, ensure_ascii=True),
                    "time": _later(item.posted, 17 * (floor - 1)),
                }
            )
        return _render(
            "tieba_thread.html",
            item=item,
            posts=posts,
            kw_q=quote(item.keyword or ""),
            title_js=_js_string(item.title),
        )

    # -- Discuz!-like forum, GBK ----------------------------------------------------------------
    def _route_discuz(self, rest: str, q: dict[str, str], theme: str = "x34") -> Reply:
        if rest == "forum.php" and q.get("mod") == "forumdisplay":
            return self._discuz_forum(int(q.get("page", "1") or 1), q.get("fid", ""), theme)
        if rest == "forum.php" and q.get("mod") == "viewthread":
            return self._discuz_thread(q.get("tid", ""), theme)
        if rest.startswith("forum-") and rest.endswith(".html"):
            fid, page = rest[:-5].split("-")[1:3]
            return self._discuz_forum(int(page), fid, theme)
        if rest.startswith("thread-") and rest.endswith(".html"):
            return self._discuz_thread(rest.split("-")[1], theme)
        return _not_found()

    def _route_discuz_utf8(self, rest: str, q: dict[str, str]) -> Reply:
        """The same forum as a UTF-8 site in a rebranded theme (the date after a hidden
        ``<em>时间：</em>``, an empty canonical link), like the saved kbinance pages."""
        return self._route_discuz(rest, q, theme="rebranded")

    @staticmethod
    def _gbk(body: str, status: int = 200) -> Reply:
        return (
            status,
            {"Content-Type": "text/html; charset=gbk"},
            body.encode("gbk", "xmlcharrefreplace"),
        )

    def _discuz_reply(self, body: str, theme: str, status: int = 200) -> Reply:
        if theme == "rebranded":
            return _html(
                body.replace("charset=gbk", "charset=utf-8").replace("'gbk'", "'utf-8'"), status
            )
        return self._gbk(body, status)

    def _discuz_message(self, text: str, theme: str, login: bool = False) -> Reply:
        return self._discuz_reply(_render("discuz_message.html", message=text, login=login), theme)

    def _discuz_forum(self, page: int, fid: str = str(DISCUZ_FID), theme: str = "x34") -> Reply:
        if fid == str(DISCUZ_FID + 1):
            return self._discuz_message(
                "抱歉，您无权进行当前操作，原因如下：本版块只有特定用户组可以访问", theme
            )
        if fid == str(DISCUZ_FID + 2):
            return self._discuz_message("抱歉，您尚未登录，没有权限访问该版块", theme, login=True)
        if fid and fid != str(DISCUZ_FID):
            return self._discuz_message("抱歉，指定的版块不存在", theme)
        size = PAGE_SIZE["discuz"]
        threads = self.live("discuz")
        last = max(1, -(-len(threads) // size))
        page = min(max(page, 1), last)  # Discuz! answers past-the-end pages with the last one
        rows, more = paginate(threads, page, size)
        links = "".join(
            f"<strong>{n}</strong>"
            if n == page
            else f'<a href="forum-{DISCUZ_FID}-{n}.html">{n}</a>'
            for n in range(1, last + 1)
        )
        nxt = f'<a href="forum-{DISCUZ_FID}-{page + 1}.html" class="nxt">下一页</a>' if more else ""
        uids = {t.seller: _stable_int(t.seller, 2, 5000) for t in threads}
        return self._discuz_reply(
            _render(
                "discuz_forum.html",
                fid=DISCUZ_FID,
                forum_name="资源交流",
                threads=rows,
                uids=uids,
                theme=theme,
                pager=Markup(f'<div class="pg">{links}{nxt}</div>'),
            ),
            theme,
        )

    def _discuz_thread(self, tid: str, theme: str = "x34") -> Reply:
        item = self.by_native("discuz", tid)
        if item is None or item.key in self.removed:
            return self._discuz_message("抱歉，指定的主题不存在或已被删除或正在被审核", theme)
        authors = [(item.seller, item.text)] + [(r["author"], r["text"]) for r in item.replies]
        posts = [
            {
                "pid": int(tid) * 10 + n,
                "author": a,
                "text": t,
                "uid": _stable_int(a, 2, 5000),
                "time": _later(item.posted, 23 * n),
            }
            for n, (a, t) in enumerate(authors)
        ]
        return self._discuz_reply(
            _render(
                "discuz_thread.html", item=item, posts=posts, forum_name="资源交流", theme=theme
            ),
            theme,
        )

    # -- Telegram channel previews -------------------------------------------------------------
    def _route_telegram(self, rest: str, q: dict[str, str]) -> Reply:
        if rest.startswith("s/"):
            if rest[2:] not in self.channels():
                # No public preview (private channel, user, bot, no such name): t.me/s/<name>
                # redirects to t.me/<name>, the "open in Telegram" page.
                return 302, {"Location": f"../{rest[2:]}", "Content-Type": _HTML}, b""
            return self._telegram_page(rest[2:], q.get("before"))
        if rest and "/" not in rest:
            return _html(_render("telegram_contact.html", channel=rest))
        item = self.by_native("telegram", rest)
        channel = rest.partition("/")[0]
        if item is None or item.key in self.removed:
            return _html(
                f"<html><body><div class='tgme_page_post_not_found'>Post not found</div>"
                f"<a href='s/{channel}'>{channel}</a></body></html>",
                404,
            )
        return _html(
            _render(
                "telegram_channel.html",
                channel=channel,
                title=channel,
                messages=[self._tg_row(item, 0)],
                before=None,
                prev_before=None,
                more_before=None,
            )
        )

    @staticmethod
    def _tg_row(item: DemoListing, index: int) -> dict[str, Any]:
        when = datetime.fromisoformat(item.posted) if item.posted else datetime(2026, 1, 1)
        views = 300 + _stable_int(item.key, 0, 9000)
        return {
            "native_id": item.native_id,
            "text": item.text,
            "datetime": when.astimezone().isoformat() if when.tzinfo else when.isoformat(),
            "views": f"{views / 1000:.1f}K" if views >= 1000 else str(views),
        }

    def _telegram_page(self, channel: str, before: str | None) -> Reply:
        msgs = sorted(
            (i for i in self.live("telegram") if (i.channel or "demo_channel") == channel),
            key=lambda i: int(i.native_id),
        )
        size = PAGE_SIZE["telegram"]
        older = [m for m in msgs if before is None or int(m.native_id) < int(before)]
        page = older[-size:]
        more_before = int(page[0].native_id) if len(older) > size else None
        if more_before is None and page and channel == self.loop_channel():
            # The loop trap: the oldest page links "back" to the newest messages.
            more_before = int(msgs[-1].native_id) + 1
        title = {"hr_leads_market": "HR Leads Market"}.get(channel, channel)
        body = _render(
            "telegram_channel.html",
            channel=channel,
            title=title,
            messages=[self._tg_row(m, n) for n, m in enumerate(page)],
            before=before,
            prev_before=more_before,
            more_before=more_before,
        )
        return _html(body)

    # -- paste site --------------------------------------------------------------------------
    def _route_paste(self, rest: str, q: dict[str, str]) -> Reply:
        if rest == "archive":
            page = int(q.get("page", "1") or 1)
            pastes, more = paginate(self.live("paste"), page, PAGE_SIZE["paste"])
            return _html(
                _render(
                    "paste_archive.html",
                    pastes=pastes,
                    next_url=f"archive?page={page + 1}" if more else None,
                )
            )
        raw = rest.startswith("raw/")
        item = self.by_native("paste", rest[4:] if raw else rest)
        if item is None or item.key in self.removed:
            return _not_found(
                "This page is no longer available. It has either expired, been removed by its "
                "creator, or removed by one of the Pastebin staff."
            )
        if raw:
            return 200, {"Content-Type": "text/plain; charset=utf-8"}, item.text.encode("utf-8")
        return _html(_render("paste_view.html", item=item))


class _Handler(BaseHTTPRequestHandler):
    site: DemoSite
    server_version = "DemoWorld/1.0"

    def _reply(self, method: str) -> None:
        status, headers, body = self.site.handle(method, self.path, self.headers.get("Cookie", ""))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if method != "HEAD":
            self.wfile.write(body)

    def do_GET(self) -> None:
        self._reply("GET")

    def do_HEAD(self) -> None:
        self._reply("HEAD")

    def do_POST(self) -> None:
        self._reply("POST")

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("demo %s - %s", self.address_string(), format % args)


class DemoWorld:
    """The demo world on ``host:port`` (port 0: a free one), served from a background thread."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.site = DemoSite()
        handler = type("Handler", (_Handler,), {"site": self.site})
        self._server = ThreadingHTTPServer((host, port), handler)
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> DemoWorld:
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="demo-world", daemon=True
        )
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        self._server.serve_forever()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> DemoWorld:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def crawl_settings(self) -> dict[str, Any]:
        return crawl_settings(self.url, self.site.channels())


def crawl_settings(url: str, channels: list[str]) -> dict[str, Any]:
    """Scrapy settings that point every spider at a demo world served at ``url``."""
    return {
        "TAOBAO_BASE_URL": f"{url}/taobao",
        "TAOBAO_COOKIES": DEMO_SESSION,
        "XIANYU_BASE_URL": f"{url}/xianyu",
        "XIANYU_COOKIES": DEMO_SESSION,
        "TIEBA_BASE_URL": f"{url}/tieba",
        "DISCUZ_BASE_URL": f"{url}/discuz",
        "DISCUZ_FORUMS": [str(DISCUZ_FID)],
        "TELEGRAM_BASE_URL": f"{url}/telegram",
        "TELEGRAM_CHANNELS": channels,
        "PASTE_BASE_URL": f"{url}/paste",
        # Local pages: no need for politeness delays.
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    }
