"""What a spider hands the evidence pipeline: the page with both sides' headers."""

from __future__ import annotations

from scrapy.http import HtmlResponse, Request
from scrapy_playwright.page import PageMethod

from spiders.base import page_snapshot


def _response(meta: dict | None = None) -> HtmlResponse:
    request = Request(
        "http://shop.example/item?id=1", headers={"User-Agent": "monitor-test"}, meta=meta or {}
    )
    return HtmlResponse(
        "http://shop.example/item?id=1",
        status=200,
        request=request,
        headers={"Content-Type": "text/html; charset=gbk", "Set-Cookie": ["a=1", "b=2"]},
        body="<p>样例</p>".encode("gbk"),
        protocol="HTTP/1.1",
    )


def test_snapshot_carries_request_and_response_headers() -> None:
    snap = page_snapshot(_response())
    assert ("User-Agent", "monitor-test") in snap.request_headers
    # Repeated headers each kept; a cookie the site sets keeps its name, not its value.
    assert [v for k, v in snap.response_headers if k == "Set-Cookie"] == [
        "a=<redacted>",
        "b=<redacted>",
    ]
    assert snap.encoding in ("gbk", "gb18030")  # w3lib reads gbk as its superset
    assert snap.protocol == "HTTP/1.1"
    assert snap.request_method == "GET"
    assert snap.screenshot is None and not snap.rendered
    assert snap.captured_at.endswith("+00:00")


def test_snapshot_carries_a_screenshot_taken_by_playwright() -> None:
    shot = PageMethod("screenshot", full_page=True)
    shot.result = b"\x89PNG fake"
    snap = page_snapshot(
        _response(
            {
                "playwright": True,
                "playwright_page_methods": [PageMethod("wait_for_load_state", "networkidle"), shot],
            }
        )
    )
    assert snap.rendered
    assert snap.screenshot == b"\x89PNG fake"
