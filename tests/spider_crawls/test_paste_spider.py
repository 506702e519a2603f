"""The paste spider on the demo world's Pastebin-style archive, directly and through a proxy
that wants credentials."""

from __future__ import annotations

import base64
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import pytest_twisted
from crawling import assert_listing_context, crawl, settings_for

from monitor.demo.world import load_listings


@pytest_twisted.ensureDeferred
async def test_archive_pages_and_raw_pastes(demo_world) -> None:
    result = await crawl("paste", settings_for(demo_world))
    demo = {i.native_id: i for i in load_listings() if i.platform == "paste"}
    assert {i.native_id for i in result.items} == set(demo)
    assert_listing_context(result.items, "/paste/archive")
    for item in result.items:
        assert item.text == demo[item.native_id].text  # the raw paste, as written
        assert item.url.endswith(f"/paste/{item.native_id}")  # the paste page, not /raw/
    assert {i.page for i in result.items} == {1, 2}


@pytest.fixture
def proxy_server():
    """A forward HTTP proxy on a free port that insists on user:secret and records what it
    forwarded."""
    seen: list[tuple[str, str]] = []
    expected = "Basic " + base64.b64encode(b"user:s3cret").decode()

    class Proxy(BaseHTTPRequestHandler):
        def do_GET(self):
            auth = self.headers.get("Proxy-Authorization", "")
            seen.append((self.path, auth))
            if auth != expected:
                self.send_response(407)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            with urllib.request.urlopen(self.path) as upstream:
                body = upstream.read()
                self.send_response(upstream.status)
                self.send_header("Content-Type", upstream.headers["Content-Type"])
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://user:s3cret@127.0.0.1:{server.server_address[1]}", seen
    server.shutdown()


@pytest_twisted.ensureDeferred
async def test_every_request_goes_through_the_proxy_and_its_password_is_not_logged(
    demo_world, proxy_server, caplog
) -> None:
    proxy_url, seen = proxy_server
    settings = settings_for(demo_world, MONITOR_PROXY_URL=proxy_url, LOG_LEVEL="DEBUG")
    result = await crawl("paste", settings)
    assert len(result.items) == 10
    assert len(seen) == result.stat("response_received_count") == 12
    assert all(path.startswith(demo_world.url) for path, _ in seen)
    redacted = proxy_url.replace("user:s3cret@", "")
    assert result.stat(f"monitor/proxy/requests/{redacted}") == 12
    assert "s3cret" not in caplog.text and "s3cret" not in repr(result.stats)
    secret_forms = ("s3cret", base64.b64encode(b"user:s3cret").decode())
    for item in result.items:
        assert not any(form in repr(item.snapshot) for form in secret_forms)
        assert ("Proxy-Authorization", "<redacted>") in item.snapshot.request_headers
