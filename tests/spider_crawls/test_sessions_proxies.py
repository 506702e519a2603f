"""Browser sessions (storage state / cookies) and proxies, as read from settings."""

from __future__ import annotations

import json
import logging

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.settings import Settings
from scrapy.utils.test import get_crawler

from monitor.config import ConfigError
from monitor.proxies import ProxyConfig, ProxyMiddleware, playwright_proxy, redact
from monitor.sessions import BrowserSession, cookie_domain
from spiders.base import page_snapshot

BASE = "https://s.taobao.com"


def _session(**settings: object) -> BrowserSession:
    return BrowserSession.from_settings(Settings(settings), "TAOBAO", BASE)


def test_cookie_header_string() -> None:
    session = _session(TAOBAO_COOKIES="cookie2=abc; _tb_token_=x1")
    assert session.configured
    assert session.context_kwargs() == {
        "storage_state": {
            "origins": [],
            "cookies": [
                {"name": "cookie2", "value": "abc", "domain": ".taobao.com", "path": "/"},
                {"name": "_tb_token_", "value": "x1", "domain": ".taobao.com", "path": "/"},
            ],
        }
    }
    assert (
        session.cookie_header("https://item.taobao.com/item.htm?id=1")
        == "cookie2=abc; _tb_token_=x1"
    )
    # Never sent to another site, Tmall included.
    assert session.cookie_header("https://detail.tmall.com/item.htm?id=1") is None
    assert "abc" not in session.describe()


def test_cookies_as_json_and_as_an_exported_file(tmp_path) -> None:
    assert _session(TAOBAO_COOKIES='{"cookie2": "abc"}').cookie_header(BASE) == "cookie2=abc"
    exported = tmp_path / "cookies.json"
    exported.write_text(
        json.dumps(
            [
                {"name": "cookie2", "value": "v", "domain": ".taobao.com"},
                {"name": "t", "value": "w", "domain": ".tmall.com"},
            ]
        )
    )
    session = _session(TAOBAO_COOKIES=str(exported))
    assert session.cookie_header(BASE) == "cookie2=v"
    assert session.cookie_header("https://detail.tmall.com/x") == "t=w"


def test_storage_state_file(tmp_path) -> None:
    state = tmp_path / "state.json"
    state.write_text(
        json.dumps(
            {
                "cookies": [
                    {"name": "cookie2", "value": "v", "domain": ".taobao.com", "path": "/"}
                ],
                "origins": [],
            }
        )
    )
    session = _session(TAOBAO_STORAGE_STATE=str(state))
    assert session.context_kwargs() == {"storage_state": str(state)}
    assert session.cookie_header(BASE) == "cookie2=v"
    assert session.describe() == f"TAOBAO_STORAGE_STATE={state}"


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"TAOBAO_STORAGE_STATE": "/nonexistent/state.json"}, "TAOBAO_STORAGE_STATE: no such file"),
        ({"TAOBAO_COOKIES": "justtext"}, "TAOBAO_COOKIES: expected name=value pairs"),
        ({"TAOBAO_COOKIES": "{not json"}, "TAOBAO_COOKIES: invalid JSON"),
        ({"TAOBAO_COOKIES": "a=1", "TAOBAO_STORAGE_STATE": "x"}, "set TAOBAO_STORAGE_STATE or"),
    ],
)
def test_bad_sessions_name_the_setting(settings: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        _session(**settings)


def test_not_a_storage_state(tmp_path) -> None:
    bad = tmp_path / "state.json"
    bad.write_text("[]")
    with pytest.raises(ConfigError, match="not a Playwright storage state"):
        _session(TAOBAO_STORAGE_STATE=str(bad))


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://s.taobao.com", ".taobao.com"),
        ("https://www.goofish.com", ".goofish.com"),
        ("http://127.0.0.1:8000/taobao", "127.0.0.1"),
    ],
)
def test_cookie_domain(url: str, domain: str) -> None:
    assert cookie_domain(url) == domain


def test_proxy_settings() -> None:
    config = ProxyConfig.from_settings(Settings({"MONITOR_PROXIES": "http://a:1, http://u:p@b:2"}))
    assert config.proxies == ("http://a:1", "http://u:p@b:2")
    assert ProxyConfig.from_settings(Settings({"MONITOR_PROXY_URL": "http://r:9"})).proxies == (
        "http://r:9",
    )
    with pytest.raises(ConfigError, match="not both"):
        ProxyConfig.from_settings(
            Settings({"MONITOR_PROXIES": "http://a:1", "MONITOR_PROXY_URL": "http://b:1"})
        )
    with pytest.raises(ConfigError) as info:
        ProxyConfig.from_settings(Settings({"MONITOR_PROXIES": ["ftp://u:hunter2@h:21"]}))
    assert "MONITOR_PROXIES" in str(info.value) and "hunter2" not in str(info.value)
    assert redact("http://u:hunter2@10.0.0.1:3128") == "http://10.0.0.1:3128"
    assert playwright_proxy("socks5://u:p%40ss@10.0.0.1:1080") == {
        "server": "socks5://10.0.0.1:1080",
        "username": "u",
        "password": "p@ss",
    }


def test_proxy_middleware_rotates_and_gives_browser_requests_their_own_context(caplog) -> None:
    crawler = get_crawler(settings_dict={"MONITOR_PROXIES": ["http://u:hunter2@a:1", "http://b:2"]})
    crawler.stats.open_spider()
    with caplog.at_level(logging.INFO):
        mw = ProxyMiddleware.from_crawler(crawler)
    plain = [Request("http://x/1"), Request("http://x/2"), Request("http://x/3")]
    for request in plain:
        mw.process_request(request)
    assert [r.meta["proxy"] for r in plain] == [
        "http://u:hunter2@a:1",
        "http://b:2",
        "http://u:hunter2@a:1",
    ]
    browser = Request(
        "http://x/4",
        meta={
            "playwright": True,
            "playwright_context": "taobao",
            "playwright_context_kwargs": {"storage_state": "s.json"},
        },
    )
    mw.process_request(browser)
    assert "proxy" not in browser.meta
    assert browser.meta["playwright_context"] == "taobao@proxy1"
    assert browser.meta["playwright_context_kwargs"] == {
        "storage_state": "s.json",
        "proxy": {"server": "http://b:2"},
    }
    pinned = Request("http://x/5", meta={"proxy": None})
    mw.process_request(pinned)
    assert pinned.meta["proxy"] is None
    assert "hunter2" not in caplog.text and "http://a:1" in caplog.text
    assert crawler.stats.get_value("monitor/proxy/requests/http://a:1") == 2


def test_snapshot_never_keeps_the_session_cookie() -> None:
    request = Request(
        "https://s.taobao.com/search?q=x", headers={"Cookie": "cookie2=SECRET", "User-Agent": "ua"}
    )
    response = HtmlResponse(
        request.url,
        body=b"<p>x</p>",
        request=request,
        headers={
            "Set-Cookie": ["_m_h5_tk=SECRET2_1700; Path=/; Domain=.taobao.com", "cna=SECRET3"],
            "Content-Type": "text/html",
        },
    )
    snap = page_snapshot(response)
    assert ("Cookie", "<redacted>") in snap.request_headers
    assert ("User-Agent", "ua") in snap.request_headers
    # The site's refreshed session: names kept, values gone.
    assert ("Set-Cookie", "_m_h5_tk=<redacted>") in snap.response_headers
    assert ("Set-Cookie", "cna=<redacted>") in snap.response_headers
    assert ("Content-Type", "text/html") in snap.response_headers
    assert "SECRET" not in repr(snap)
