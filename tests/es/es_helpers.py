"""Helpers of the Elasticsearch tests: names under the session prefix, settings."""

from __future__ import annotations

import contextlib
import http.client
import itertools
import socket
import threading
import time
import uuid
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from monitor.demo.world import load_listings
from monitor.documents import listing_to_document
from monitor.extract import analyze
from monitor.items import Listing
from monitor.redact import redact

SESSION = f"test-{uuid.uuid4().hex[:8]}"
_counter = itertools.count(1)


def new_alias() -> str:
    return f"{SESSION}-{next(_counter)}"


def es_settings(es_url: str, alias: str, **extra: object) -> dict[str, object]:
    return {"ELASTICSEARCH_URL": es_url, "ELASTICSEARCH_INDEX": alias, **extra}


def demo_documents(now: datetime, keep_non_offers: bool = True) -> list[dict]:
    """Stored documents for every demo-world listing, as the pipelines would make them
    (extraction, redaction), without a crawl. First seen 1, 5, 30 or 50 hours before ``now``."""

    platforms = {"ecommerce": "taobao", "secondhand": "xianyu"}
    docs = []
    for n, item in enumerate(load_listings()):
        platform = platforms.get(item.platform, item.platform)
        when = (now - timedelta(hours=(1, 5, 30, 50)[n % 4])).replace(microsecond=0)
        listing = Listing(
            platform=platform,
            url=f"http://demo.invalid/{platform}/{item.key}",
            title=item.title,
            text=item.text,
            native_id=item.public_id,
            price_text=item.price,
            seller=item.seller,
            posted_at=item.posted or None,
            keyword=item.keyword,
            fetched_at=when.isoformat(),
        )
        listing.analysis = analyze(listing.title, listing.text).to_dict()
        if not keep_non_offers and not listing.analysis["is_offer"]:
            continue
        keep = listing.analysis.get("contacts") or []
        listing.title = redact(listing.title, keep).text
        listing.text = redact(listing.text, keep).text
        docs.append(listing_to_document(listing))
    return docs


class FlakyProxy:
    """An HTTP proxy in front of the real node that a test can take down and bring back
    (connections refused, open ones cut), or make answer 429 to the next ``_bulk`` requests.
    The node stays up for the other tests."""

    def __init__(self, upstream: str) -> None:

        parts = urlsplit(upstream)
        self.upstream = (parts.hostname, parts.port)
        self.port = 0
        self.bulk_429 = 0  # answer 429 to this many _bulk requests
        self.served_429 = 0
        self.bulks = 0
        self.down_after_bulks: int | None = None
        self.bulk_delay = 0.0  # seconds each _bulk request waits before it is forwarded
        self._server = None
        self._lock = threading.Lock()
        self._sockets: set = set()
        self.up()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def up(self) -> None:

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), self._handler())
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def down(self) -> None:

        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        with self._lock:
            for sock in list(self._sockets):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
            self._sockets.clear()

    def _handler(self):

        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def setup(self):
                super().setup()
                with proxy._lock:
                    proxy._sockets.add(self.connection)

            def _forward(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                if "/_bulk" in self.path:
                    time.sleep(proxy.bulk_delay)
                    with proxy._lock:
                        proxy.bulks += 1
                        refuse = proxy.bulk_429 > 0
                        if refuse:
                            proxy.bulk_429 -= 1
                            proxy.served_429 += 1
                    if refuse:
                        data = (
                            b'{"error":{"type":"es_rejected_execution_exception",'
                            b'"reason":"queue full"},"status":429}'
                        )
                        self._reply(
                            429,
                            {
                                "Content-Type": "application/json",
                                "X-Elastic-Product": "Elasticsearch",
                            },
                            data,
                        )
                        return
                conn = http.client.HTTPConnection(*proxy.upstream, timeout=30)
                headers = {k: v for k, v in self.headers.items() if k.lower() != "connection"}
                conn.request(self.command, self.path, body=body, headers=headers)
                resp = conn.getresponse()
                data = resp.read()
                out = {
                    k: v
                    for k, v in resp.getheaders()
                    if k.lower() not in ("connection", "transfer-encoding", "content-length")
                }
                conn.close()
                self._reply(resp.status, out, data)
                after = proxy.down_after_bulks  # go down once this many bulks were served
                if "/_bulk" in self.path and after is not None and proxy.bulks >= after:
                    proxy.down_after_bulks = None
                    threading.Thread(target=proxy.down, daemon=True).start()

            def _reply(self, status, headers, data):
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _forward

        return Handler
