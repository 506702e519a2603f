"""The fetched exchange as WARC records (ISO 28500), gzip-compressed: warcinfo, request,
response, and a metadata record saying how the page was fetched."""

from __future__ import annotations

from http import HTTPStatus
from io import BytesIO
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

if TYPE_CHECKING:
    from monitor.items import PageSnapshot

SOFTWARE = "resume-market-monitor (Scrapy; warcio)"


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def _response_headers(snap: PageSnapshot) -> list[tuple[str, str]]:
    # Scrapy hands over the body decompressed; a Content-Length of the compressed body is kept
    # under the name web archives use for it, so the record stays self-consistent.
    headers = []
    for name, value in snap.response_headers:
        if name.lower() in ("content-length", "content-encoding", "transfer-encoding"):
            headers.append((f"X-Archive-Orig-{name}", value))
        else:
            headers.append((name, value))
    headers.append(("Content-Length", str(len(snap.body))))
    return headers


def _warc_date(captured_at: str) -> str:
    return captured_at.replace("+00:00", "Z")


def warc_bytes(snap: PageSnapshot, filename: str = "page.warc.gz") -> bytes:
    """The WARC file of ``snap``; readable with ``warcio.ArchiveIterator``."""
    out = BytesIO()
    writer = WARCWriter(out, gzip=True, warc_version="1.1")
    date = _warc_date(snap.captured_at)
    writer.write_record(
        writer.create_warcinfo_record(
            filename,
            {
                "software": SOFTWARE,
                "format": "WARC File Format 1.1",
                "description": "Listing page captured as evidence; unredacted original.",
            },
        )
    )
    protocol = (snap.protocol or "HTTP/1.1").upper()
    warc_headers = {"WARC-Date": date}
    if snap.ip_address:
        warc_headers["WARC-IP-Address"] = snap.ip_address
    response = writer.create_warc_record(
        snap.url,
        "response",
        payload=BytesIO(snap.body),
        warc_headers_dict=warc_headers,
        http_headers=StatusAndHeaders(
            f"{snap.status} {_reason(snap.status)}", _response_headers(snap), protocol=protocol
        ),
    )
    record_id = response.rec_headers.get_header("WARC-Record-ID")
    target = urlsplit(snap.request_url or snap.url)
    path = (target.path or "/") + (f"?{target.query}" if target.query else "")
    request = writer.create_warc_record(
        snap.request_url or snap.url,
        "request",
        payload=BytesIO(b""),
        warc_headers_dict={"WARC-Date": date, "WARC-Concurrent-To": record_id},
        http_headers=StatusAndHeaders(
            f"{snap.request_method} {path} {protocol}",
            list(snap.request_headers),
            is_http_request=True,
        ),
    )
    how = (
        "fetched-by: chromium (Playwright); payload is the DOM after JavaScript ran\n"
        if snap.rendered
        else "fetched-by: scrapy; payload is the body as received, decoded\n"
    )
    metadata = writer.create_warc_record(
        snap.url,
        "metadata",
        payload=BytesIO(f"{how}captured-at: {snap.captured_at}\n".encode()),
        warc_content_type="application/warc-fields",
        warc_headers_dict={"WARC-Date": date, "WARC-Concurrent-To": record_id},
    )
    for record in (response, request, metadata):
        writer.write_record(record)
    return out.getvalue()
